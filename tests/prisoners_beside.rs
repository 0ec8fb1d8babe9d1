//! People named in a list beside prisoners the classifier already holds, and registry people
//! whose match lacked its context until a custody construction named them.

use rightslens::Classifier;

/// (name, listed) of every prisoner of the report.
fn prisoners(text: &str) -> Vec<(String, bool)> {
    let clf = Classifier::new().unwrap();
    clf.classify(text)
        .prisoners
        .iter()
        .map(|p| (p.name.to_string(), p.listed))
        .collect()
}

// China Change, 15 April 2018, on the administrators of a WeChat group that aided prisoners
// of conscience (names set, tuning half, p001)
const WECHAT: &str = "A WeChat group dedicated to raising money for Chinese prisoners of \
    conscience has been shut down by Chinese police. One of its administrators, Guo Qingjun \
    (郭庆军), was arrested by domestic security police in Changchun. At least seven other \
    individuals associated with the group from around China have also been targeted, \
    including Bao Luo (保罗), Lu Bi (卢比), Liu Chunlin (刘春林), Dai Xiangnan (戴湘南), Sun \
    Wenke (孙文科), Li Xiaohong (李小红), and an individual known as Meizi Qingxuan (梅子轻旋).";

#[test]
fn names_listed_beside_prisoners_are_prisoners() {
    let p = prisoners(WECHAT);
    let has = |n: &str| p.iter().any(|(name, _)| name == n);
    for n in [
        "Guo Qingjun",
        "Liu Chunlin",
        "Dai Xiangnan",
        "Bao Luo",
        "Lu Bi",
    ] {
        assert!(has(n), "{n} missing from {p:?}");
    }
    // a registry person with a common name needs a rights context of its own sentence; the
    // list gives it, and the report names the registry person, not an unlisted namesake
    assert!(
        p.contains(&("Li Xiaohong".to_string(), true)),
        "Li Xiaohong missing or unlisted in {p:?}"
    );
}

#[test]
fn a_list_of_people_of_unknown_standing_beside_one_prisoner_adds_no_one() {
    let t = "Hong Kong activist Joshua Wong, jailed in 2020, was mentioned in the letter. The \
             panel heard Joshua Wong, Lu Bi and Bao Luo on the topic of the market in China.";
    let p = prisoners(t);
    assert!(
        !p.iter().any(|(n, _)| n == "Lu Bi" || n == "Bao Luo"),
        "{p:?}"
    );
}

/// World Watch Monitor relaying AsiaNews, November 2018 (names2 set, tuning half, q023): priests taken
/// from their churches for interrogation, in a sentence whose only custody wording is `for
/// interrogation`, which is now a custody cue, so the finder reads the sentence.
#[test]
fn people_taken_for_interrogation_are_prisoners() {
    let text = "Four other Catholic priests, who also did not want to join the Patriotic \
                Association, were taken away by police in northern Hebei province, AsiaNews \
                reported on Monday (5 November). Fr. Zhang Guilin, Fr. Su Guipeng and Fr. Zhao \
                He were reportedly taken from their respective churches in the diocese of \
                Zhangjiakou to a nearby hotel for interrogation.";
    let p = prisoners(text);
    for n in ["Zhang Guilin", "Su Guipeng", "Zhao He"] {
        assert!(
            p.iter().any(|(name, _)| name == n),
            "{n} missing from {p:?}"
        );
    }
    // taken somewhere with no custody wording is not custody
    let p = prisoners("Zhang Guilin was taken to hospital after the crash in Hebei, China.");
    assert!(p.is_empty(), "{p:?}");
}

/// AP, November 2017, relayed by The Himalayan Times (names2 set, tuning half, q013): `the
/// trial of` is a custody cue, so the sentence is read and the registry's Lee Ming-che, whose
/// entry needs a rights context, is held; a bare `trial` is no cue.
#[test]
fn the_trial_of_a_registry_person_holds_him() {
    let text = "China jailed a Taiwanese activist on Tuesday. The trial of Lee Ming-che was also \
                China's first known criminal prosecution of a nonprofit worker since Beijing \
                passed a law last year tightening controls over foreign non-governmental \
                organizations.";
    assert_eq!(prisoners(text), [("Lee Ming-che".to_string(), true)]);
    let trial = "Lee Ming-che joined a clinical trial of a new vaccine in Taipei.";
    assert!(prisoners(trial).is_empty());
}
