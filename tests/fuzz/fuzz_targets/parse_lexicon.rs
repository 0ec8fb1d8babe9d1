//! Arbitrary file contents through `Lexicon::parse`, `lint` and the builder; lexicons that
//! build are then run over a text made of their own variants.
//!
//! Checks: parse and lint never panic; error lines lie inside the file; a lexicon that parses
//! and passes lint builds (or fails with a limit); the classifier's reports satisfy every
//! invariant, are deterministic and equal in batch.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rightslens::{lint, Classifier, ErrorKind, Lexicon, Severity};
use rightslens_fuzz::invariants::{check_batch, check_classify};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lines = text.lines().count() + 1;
    let lex = match Lexicon::parse("fuzz.toml", &text) {
        Ok(l) => l,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            if let Some(l) = e.line() {
                assert!(
                    l >= 1 && l <= lines,
                    "error line {l} outside 1..={lines}: {e}"
                );
            }
            return;
        }
    };
    let issues = lint(std::slice::from_ref(&lex));
    for i in &issues {
        assert!(i.line <= lines, "lint line {} outside the file", i.line);
        let _ = i.to_string();
    }
    let lint_ok = !issues.iter().any(|i| i.severity == Severity::Error);
    let built = Classifier::builder()
        .without_builtin()
        .lexicon(lex.clone())
        .max_patterns(2_000)
        .regex_size_limit(1 << 18)
        .build();
    let clf = match built {
        Ok(c) => c,
        Err(e) => {
            match e.kind() {
                ErrorKind::Limit(_) => {}
                // the builder lints: its errors are lint errors, or a variant the matcher
                // cannot compile (it then must be one lint also flags)
                ErrorKind::Invalid(_) => assert!(!lint_ok, "lint passed but build failed: {e}"),
                other => panic!("unexpected error kind {other:?}: {e}"),
            }
            return;
        }
    };
    assert!(lint_ok, "build succeeded although lint reported errors");
    let mut doc = String::new();
    for e in &lex.entries {
        for v in e.variants.iter().chain(&e.short_forms) {
            doc.push_str(v.trim_end_matches('*'));
            doc.push_str(" and ");
        }
    }
    doc.push_str("the end.");
    check_classify(&clf, &doc);
    check_batch(&clf, &[&doc, &text]);
});
