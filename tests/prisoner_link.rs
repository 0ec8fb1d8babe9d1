//! A person no list holds, named in custody, adds `political_prisoners` evidence only with a
//! China link near the custody phrase (a China cue within the window of sentences, or a
//! document dense in them), the test `requires = "china"` entries pass. A long report on
//! another country that names China once is no link.

mod common;

use common::clf;

/// After the US State Department's 2022 Country Report on Iran (public domain): a relative
/// of Mahsa Amini arrested, in a report that names China once, far away.
#[test]
fn a_detainee_of_another_state_far_from_any_china_cue() {
    let filler = "The government restricted freedom of assembly and association. ".repeat(12);
    let text = format!(
        "The government of Iran bought surveillance equipment from China in 2019. {filler}\
         On September 5, IranWire also reported that Mahsa Zhina Amini's uncle Wang Aeli was \
         arrested on unknown charges and taken to an undisclosed location."
    );
    let r = clf().classify(&text);
    // still reported as a person held, with no evidence for the China topic
    assert!(
        r.prisoners
            .iter()
            .any(|p| p.name == "Wang Aeli" && !p.listed),
        "{:?}",
        r.prisoners
    );
    assert!(!r.topics["political_prisoners"].present);
    // the same sentence beside a China cue counts
    let text = "Chinese police in Xinjiang detained activists. On September 5, IranWire also \
                reported that the uncle Wang Aeli was arrested on unknown charges in China.";
    let r = clf().classify(text);
    assert!(r.topics["political_prisoners"].present, "{:#?}", r.hits);
}
