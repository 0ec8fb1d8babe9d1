//! The lint test: every built-in lexicon entry passes review checks.

use rightslens::{lint, EntryKind, Lexicon, Severity};

#[test]
fn builtin_lexicons_pass_lint() {
    let lexicons = Lexicon::builtin().expect("built-in lexicons parse");
    let issues = lint(&lexicons);
    let errors: Vec<String> = issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .map(|i| i.to_string())
        .collect();
    assert!(errors.is_empty(), "lint errors:\n{}", errors.join("\n"));
}

#[test]
fn builtin_lexicons_cover_the_five_topics_and_context() {
    let lexicons = Lexicon::builtin().unwrap();
    let topics: Vec<&str> = lexicons.iter().map(|l| l.topic.as_str()).collect();
    let mut want: Vec<&str> = rightslens::DEFAULT_TOPICS.to_vec();
    want.push(rightslens::CONTEXT_TOPIC);
    assert_eq!(topics, want);
    for l in &lexicons {
        assert!(!l.sources.is_empty(), "{} names no sources", l.origin);
        assert!(l.licence.is_some(), "{} names no licence", l.origin);
    }
}

#[test]
fn named_people_are_many_and_complete() {
    let lexicons = Lexicon::builtin().unwrap();
    let pp = lexicons
        .iter()
        .find(|l| l.topic == "political_prisoners")
        .unwrap();
    let people: Vec<_> = pp
        .entries
        .iter()
        .filter(|e| e.kind == EntryKind::Person)
        .collect();
    assert!(people.len() >= 150, "only {} named people", people.len());
    for p in people {
        assert!(p.name.is_some(), "{} has no name", p.id);
        assert!(p.region.is_some(), "{} has no region", p.id);
    }
}

#[test]
fn malformed_lexicon_names_file_and_line() {
    let text = "[lexicon]\ntopic = \"t\"\n\n[[entry]]\nid = \"t.place.a\"\nkind = \"plaice\"\nvariants = [\"A\"]\nsource = \"s\"\n";
    let err = rightslens::Classifier::builder()
        .lexicon_str("mine.toml", text)
        .build()
        .unwrap_err();
    let msg = err.to_string();
    assert!(msg.starts_with("mine.toml:6:"), "{msg}");
    assert!(msg.contains("plaice"), "{msg}");
}
