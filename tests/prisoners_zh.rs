//! Registry people named by a two-character Chinese name alone. Such a name is a short form
//! (it counts after a full mention, since two characters also occur inside other words), but
//! in a custody construction it is the person: 師濤 and 师涛 are the registry's Shi Tao, not an
//! unlisted detainee.

use rightslens::{Classifier, EntryKind, Lexicon};

/// The two-character Chinese short forms of the built-in prisoner entries, with entry ids.
fn chinese_short_forms(lexicons: &[Lexicon]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for l in lexicons.iter().filter(|l| l.topic == "political_prisoners") {
        for e in l.entries.iter().filter(|e| e.kind == EntryKind::Person) {
            for s in &e.short_forms {
                let cjk = s.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                if cjk && s.chars().count() == 2 {
                    out.push((s.clone(), e.id.clone()));
                }
            }
        }
    }
    out
}

#[test]
fn shi_tao_in_either_script_is_the_registry_person() {
    let clf = Classifier::new().unwrap();
    // abridged from a Hong Kong statement on writers jailed in China (traditional script),
    // and the same in simplified script
    for text in [
        "中國湖南記者師濤以其雅虎電郵發了一封文件給海外網站便被重判十年。",
        "中国湖南记者师涛以其雅虎电邮发了一封文件给海外网站便被重判十年。",
    ] {
        let r = clf.classify(text);
        let names: Vec<(&str, bool)> = r
            .prisoners
            .iter()
            .map(|p| (p.name.as_ref(), p.listed))
            .collect();
        assert_eq!(names, [("Shi Tao", true)], "{text}");
    }
}

/// Lint: every two-character Chinese name of a registry person, in both scripts, names that
/// person in a custody sentence with no full mention before it.
#[test]
fn every_chinese_short_form_names_its_person_in_custody() {
    let lexicons = Lexicon::builtin().unwrap();
    let clf = Classifier::new().unwrap();
    let forms = chinese_short_forms(&lexicons);
    assert!(forms.len() > 20, "only {} Chinese short forms", forms.len());
    let mut missed = Vec::new();
    for (s, id) in &forms {
        let text = format!("中国维权人士{s}被刑事拘留。");
        let r = clf.classify(&text);
        let found = r.prisoners.iter().any(|p| p.id == *id && p.listed);
        if !found {
            missed.push(format!("{id}: {text}"));
        }
    }
    assert!(
        missed.is_empty(),
        "{} of {} not found:\n{}",
        missed.len(),
        forms.len(),
        missed.join("\n")
    );
}

/// A two-character name that is no registry person's stays unlisted, and a registry name
/// outside a custody construction with no full mention gives no prisoner.
#[test]
fn other_names_stay_unlisted_and_bare_names_give_nothing() {
    let clf = Classifier::new().unwrap();
    let r = clf.classify("中国维权人士钱鑫被刑事拘留。");
    assert!(r.prisoners.iter().all(|p| !p.listed), "{:?}", r.prisoners);
    let r = clf.classify("中国作家师涛的小说出版了。");
    assert!(r.prisoners.is_empty(), "{:?}", r.prisoners);
}
