//! The lexicon tests: the built-in lexicons pass the lint without errors or warnings, and every
//! variant does what it is there for (a hit of its entry, a named prisoner, a short form that
//! counts after a full mention). Registry people (lexicons/registry/) are checked like the TOML
//! ones, and a registry person already in a TOML lexicon is reported by name.

use rightslens::{lint, Entry, EntryKind, Lexicon, MatchMode, Role, Severity};

/// The built-in entries that count as topic evidence and match literally (regex entries have
/// test cases of their own), with the topic of their lexicon.
fn literal_topic_entries(lexicons: &[Lexicon]) -> impl Iterator<Item = (&str, &Entry)> {
    lexicons.iter().flat_map(|l| {
        l.entries
            .iter()
            .filter(|e| e.mode != MatchMode::Regex && e.role == Role::Topic)
            .map(move |e| (l.topic.as_str(), e))
    })
}

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
    // the built-ins are held to the warnings too (a variant that can never match, a form
    // listed twice)
    let warnings: Vec<String> = issues.iter().map(|i| i.to_string()).collect();
    assert!(
        warnings.is_empty(),
        "lint warnings:\n{}",
        warnings.join("\n")
    );
}

#[test]
fn variants_with_inner_punctuation_pass_lint_and_match_themselves() {
    let text = r#"[lexicon]
topic = "t"
sources = ["s"]

[[entry]]
id = "t.place.stray"
kind = "place"
variants = ["dge 'dun chos", "Captain America 2.0", "U.S. Congress", "BN(O)"]
source = "s"
"#;
    let lex = Lexicon::parse("t.toml", text).unwrap();
    let issues = lint(&[lex]);
    assert!(issues.is_empty(), "{issues:?}");
    let clf = rightslens::Classifier::builder()
        .without_builtin()
        .lexicon_str("t.toml", text)
        .build()
        .unwrap();
    for v in [
        "dge 'dun chos",
        "Captain America 2.0",
        "U.S. Congress",
        "BN(O)",
    ] {
        let report = clf.classify(&format!("x {v} y"));
        assert!(
            report.hits.iter().any(|h| h.text == v),
            "{v}: {:?}",
            report.hits
        );
    }
}

#[test]
fn a_frame_on_the_wrong_role_is_a_lint_error() {
    let text = r#"[lexicon]
topic = "context"
sources = ["s"]

[[entry]]
id = "context.cue.jailed"
kind = "cue"
role = "rights"
frame = "custody"
variants = ["jailed"]
source = "s"

[[entry]]
id = "context.cue.heroin"
kind = "cue"
role = "rights"
frame = "crime"
variants = ["heroin"]
source = "s"
"#;
    let lex = Lexicon::parse("context.toml", text).unwrap();
    assert_eq!(lex.entries[0].frame, Some(rightslens::Frame::Custody));
    let issues = lint(&[lex]);
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert!(
        issues[0].to_string().contains("context.cue.heroin"),
        "{}",
        issues[0]
    );
    let bad = text.replace(r#"frame = "crime""#, r#"frame = "weather""#);
    let err = Lexicon::parse("context.toml", &bad)
        .unwrap_err()
        .to_string();
    assert!(err.contains("context.toml"), "{err}");
}

#[test]
fn builtin_lexicons_cover_the_five_topics_and_context() {
    let lexicons = Lexicon::builtin().unwrap();
    // registries (lexicons/registry/) come after the TOML files, as more political_prisoners
    let mut topics: Vec<&str> = Vec::new();
    for l in &lexicons {
        if !topics.contains(&l.topic.as_str()) {
            topics.push(&l.topic);
        }
    }
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
    let people: Vec<_> = lexicons
        .iter()
        .filter(|l| l.topic == "political_prisoners")
        .flat_map(|l| &l.entries)
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

/// Every variant of every named political prisoner, written in a plain sentence about a
/// detention in China, names that person: no block, longer entry or word-boundary rule
/// swallows a name. (Person entries of the other topics, such as officials, are not
/// prisoners and are not listed as such.)
#[test]
fn every_named_person_is_found_by_each_variant() {
    let lexicons = Lexicon::builtin().unwrap();
    let clf = rightslens::Classifier::new().unwrap();
    let mut missed = Vec::new();
    let people = literal_topic_entries(&lexicons)
        .filter(|(topic, e)| *topic == "political_prisoners" && e.kind == EntryKind::Person);
    for (_, e) in people {
        for v in &e.variants {
            let v = v.trim_end_matches('*');
            // the words news puts before a prisoner's name: a general term such as
            // "jailed pastor" must not swallow the "pastor Wang Yi" of a name
            let texts = if v.is_ascii() {
                vec![
                    format!("Chinese authorities detained {v} in 2020, rights groups said."),
                    format!("China jailed {v}, rights groups said."),
                    format!("China still holds imprisoned {v}, rights groups said."),
                ]
            } else {
                vec![format!("中国当局拘留了{v}。人权组织表示关注。")]
            };
            for text in texts {
                let r = clf.classify(&text);
                if !r.prisoners.iter().any(|p| p.id == e.id) {
                    missed.push(format!("{}: {text:?}", e.id));
                }
            }
        }
    }
    assert!(missed.is_empty(), "not found:\n{}", missed.join("\n"));
}

/// Every variant of every topic entry, in a sentence that names China and a human-rights cue
/// (so that entries needing either context count), gives a hit of that entry: no variant is
/// dead, shadowed by a longer form of another entry, or cut by a word-boundary rule.
#[test]
fn every_topic_variant_gives_a_hit() {
    let lexicons = Lexicon::builtin().unwrap();
    let clf = rightslens::Classifier::new().unwrap();
    let (mut missed, mut n) = (Vec::new(), 0);
    for (_, e) in literal_topic_entries(&lexicons) {
        for v in &e.variants {
            let v = v.trim_end_matches('*');
            let text = if v.is_ascii() {
                format!("Officials in Beijing raised {v} with China, rights groups said.")
            } else {
                format!("中国人权组织讨论了{v}的情况。")
            };
            n += 1;
            if !clf.classify(&text).hits.iter().any(|h| h.entry == e.id) {
                missed.push(format!("{}: {text:?}", e.id));
            }
        }
    }
    assert!(n > 3000, "only {n} variants");
    assert!(missed.is_empty(), "no hit:\n{}", missed.join("\n"));
}

/// Every short form (a bare surname, 张展) counts once a full variant of its entry appeared
/// earlier in the document.
#[test]
fn every_short_form_counts_after_a_full_mention() {
    let lexicons = Lexicon::builtin().unwrap();
    let clf = rightslens::Classifier::new().unwrap();
    let (mut missed, mut n) = (Vec::new(), 0);
    for (_, e) in literal_topic_entries(&lexicons) {
        let full = &e.variants[0];
        for s in &e.short_forms {
            let text = if full.is_ascii() && s.is_ascii() {
                format!(
                    "China detained {full}, rights groups said. In court, {s} denied the \
                     charges of subversion, rights groups said."
                )
            } else {
                format!("中国人权组织讨论了{full}的情况。人权组织说，{s}被拘留。")
            };
            n += 1;
            let hits = clf.classify(&text).hits;
            if hits.iter().filter(|h| h.entry == e.id).count() < 2 {
                missed.push(format!("{}: {text:?}", e.id));
            }
        }
    }
    assert!(n > 50, "only {n} short forms");
    assert!(
        missed.is_empty(),
        "short form not counted:\n{}",
        missed.join("\n")
    );
}

/// A person of a built-in registry (lexicons/registry/) who is also a person entry of a TOML
/// lexicon, by id or by a shared full name: the lint would report the shared form; this test
/// says which two entries to merge.
#[test]
fn registry_people_are_not_in_the_toml_lexicons() {
    let lexicons = Lexicon::builtin().unwrap();
    let fold = |s: &str| s.to_lowercase().replace('-', " ");
    let mut toml = std::collections::HashMap::new();
    for l in lexicons.iter().filter(|l| l.origin.ends_with(".toml")) {
        for e in l.entries.iter().filter(|e| e.kind == EntryKind::Person) {
            toml.insert(e.id.clone(), (l.origin.as_str(), e.line));
            for v in e.name.iter().chain(&e.variants) {
                toml.insert(fold(v), (l.origin.as_str(), e.line));
            }
        }
    }
    let mut dups = Vec::new();
    for l in lexicons.iter().filter(|l| l.origin.contains("/registry/")) {
        for e in &l.entries {
            let forms = std::iter::once(&e.id).chain(&e.variants);
            if let Some((origin, line)) = forms.map(|f| fold(f)).find_map(|f| toml.get(&f)) {
                dups.push(format!(
                    "{}:{}: {} ({:?}) is already at {origin}:{line}: drop the row or merge it",
                    l.origin,
                    e.line,
                    e.id,
                    e.name.as_deref().unwrap_or("")
                ));
            }
        }
    }
    assert!(dups.is_empty(), "registry duplicates:\n{}", dups.join("\n"));
}
