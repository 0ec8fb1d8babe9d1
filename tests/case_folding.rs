//! Full Unicode case folding where it matters for names (issue 21, item 5): the text's
//! letter case never hides a name, including the letters whose lowercase is not their fold.

use rightslens::Classifier;

fn hit_texts(clf: &Classifier, text: &str) -> Vec<String> {
    clf.classify(text)
        .hits
        .iter()
        .map(|h| h.text.to_string())
        .collect()
}

#[test]
fn dotted_capital_i_folds_to_i() {
    let clf = Classifier::new().unwrap();
    let text = "The Uyghur economist İlham Tohti was sentenced to life in prison in 2014. \
                Chinese authorities continue to repress religion in TİBET.";
    let r = clf.classify(text);
    let texts: Vec<&str> = r.hits.iter().map(|h| h.text.as_str()).collect();
    assert!(texts.contains(&"İlham Tohti"), "{texts:?}");
    assert!(texts.contains(&"TİBET"), "{texts:?}");
    assert!(
        r.prisoners.iter().any(|p| p.name.contains("Ilham Tohti")),
        "{:?}",
        r.prisoners
    );
}

#[test]
fn long_s_kelvin_sign_and_final_sigma_fold() {
    let toml = r#"[lexicon]
topic = "probe"
sources = ["test"]

[[entry]]
id = "probe.place.kashgar"
kind = "place"
variants = ["Kashgar"]
source = "test"

[[entry]]
id = "probe.place.tibet_greek"
kind = "place"
variants = ["Θιβέτος"]
source = "test"

[[entry]]
id = "probe.concept.strasse"
kind = "concept"
variants = ["Hauptstraße"]
source = "test"
"#;
    let clf = Classifier::builder()
        .without_builtin()
        .lexicon_str("probe.toml", toml)
        .build()
        .unwrap();
    // the Kelvin sign (U+212A) is a capital K; the long s (U+017F) an s
    assert_eq!(
        hit_texts(&clf, "in \u{212A}ASHGAR today"),
        ["\u{212A}ASHGAR"]
    );
    assert_eq!(hit_texts(&clf, "in Kaſhgar today"), ["Kaſhgar"]);
    // a capital sigma folds like the final sigma the lexicon wrote
    assert_eq!(hit_texts(&clf, "το ΘΙΒΈΤΟΣ σήμερα"), ["ΘΙΒΈΤΟΣ"]);
    // sharp s and its capital both fold to ss
    assert_eq!(hit_texts(&clf, "in der HAUPTSTRASSE"), ["HAUPTSTRASSE"]);
    assert_eq!(hit_texts(&clf, "in der HAUPTSTRAẞE"), ["HAUPTSTRAẞE"]);
}
