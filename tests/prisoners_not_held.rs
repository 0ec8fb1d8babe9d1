//! Registry people a document names without presenting them as held: people with bounties
//! on them abroad, former detainees quoted as sources. They leave the prisoner list; the same
//! people in a custody sentence stay in it.

use rightslens::Classifier;

fn prisoners(text: &str) -> Vec<String> {
    let clf = Classifier::new().unwrap();
    clf.classify(text)
        .prisoners
        .iter()
        .map(|p| p.name.to_string())
        .collect()
}

#[test]
fn wanted_activists_abroad_are_not_prisoners() {
    // abridged from Hong Kong Free Press on the December 2023 national security warrants
    let t = "Hong Kong police placed HK$1 million bounties on five overseas activists. Simon \
             Cheng, Frances Hui, Joey Siu, Johnny Fok, and Tony Choi are wanted for alleged \
             offenses under the national security law, police said in Hong Kong.";
    let p = prisoners(t);
    assert!(
        !p.iter().any(|n| n.contains("Fok") || n.contains("Choi")),
        "{p:?}"
    );
}

#[test]
fn a_former_detainee_quoted_as_a_source_is_not_a_prisoner() {
    // the shape of The Telegraph's quote in reports on Chinese police stations abroad
    let t = "China runs police stations abroad to pressure dissidents. \"This is all taking \
             place under the radar,\" Peter Dahlin, director of Safeguard Defenders, told The \
             Telegraph.";
    assert!(prisoners(t).is_empty(), "{:?}", prisoners(t));
}

#[test]
fn the_same_people_in_custody_sentences_stay_prisoners() {
    let t = "Chinese state security detained Peter Dahlin in Beijing in January 2016, and he \
             said later that he was held in solitary confinement.";
    assert_eq!(prisoners(t), ["Peter Dahlin"]);
    let t = "Johnny Fok, wanted by Hong Kong police since 2023, was arrested in China, rights \
             groups said.";
    assert!(prisoners(t).iter().any(|n| n.contains("Fok")));
}
