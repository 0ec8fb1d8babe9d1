//! Regression tests: every input that once broke an invariant, kept so that it never does
//! again.
//!
//! * Files under `tests/regressions/classify_text/` and `tests/regressions/parse_lexicon/` are
//!   raw fuzz inputs; they are replayed here through the same checks as the fuzz targets.
//! * Files under `tests/regressions/build_and_classify/` are `Arbitrary`-encoded fuzz inputs;
//!   replay them with `cargo fuzz run build_and_classify <file> --fuzz-dir tests/fuzz` (see
//!   `tests/fuzz/README.md`). Each one also has a plain test below that rebuilds the failing
//!   case by hand.
//! * The remaining tests pin fixes found by the property and adversarial tests.

#[path = "fuzz/src/invariants.rs"]
mod invariants;
#[path = "fuzz/src/toml_lexicon.rs"]
mod toml_lexicon;

use invariants::{check_batch, check_capped, check_classify};
use rightslens::{lint, Classifier, ErrorKind, Lexicon, Severity};
use std::path::Path;
use std::time::{Duration, Instant};
use toml_lexicon::{lexicon_toml, EntrySpec};

fn inputs(dir: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/regressions")
        .join(dir);
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_file() {
                let bytes = std::fs::read(&p).expect("regression input is readable");
                out.push((p.display().to_string(), bytes));
            }
        }
    }
    out.sort();
    out
}

/// Replays the `classify_text` fuzz inputs: built-in lexicons, lossy decoding.
#[test]
fn replay_classify_text_inputs() {
    let clf = Classifier::new().expect("built-in lexicons build");
    let capped = Classifier::builder()
        .max_hits(3)
        .build()
        .expect("built-in lexicons build");
    for (name, bytes) in inputs("classify_text") {
        let text = String::from_utf8_lossy(&bytes);
        println!("{name}");
        check_classify(&clf, &text);
        check_batch(&clf, &[&text, ""]);
        check_capped(&clf.classify(&text), &capped.classify(&text), 3);
    }
}

/// Replays the `parse_lexicon` fuzz inputs: parse, lint, build, classify own variants.
#[test]
fn replay_parse_lexicon_inputs() {
    for (name, bytes) in inputs("parse_lexicon") {
        println!("{name}");
        let text = String::from_utf8_lossy(&bytes);
        let Ok(lex) = Lexicon::parse("regression.toml", &text) else {
            continue;
        };
        let lint_ok = !lint(std::slice::from_ref(&lex))
            .iter()
            .any(|i| i.severity == Severity::Error);
        let built = Classifier::builder()
            .without_builtin()
            .lexicon(lex.clone())
            .build();
        match built {
            Ok(clf) => {
                assert!(lint_ok, "{name}: built although lint reported errors");
                let doc: String = lex
                    .entries
                    .iter()
                    .flat_map(|e| e.variants.iter().chain(&e.short_forms))
                    .map(|v| format!("{} and ", v.trim_end_matches('*')))
                    .collect();
                check_classify(&clf, &doc);
            }
            Err(e) => assert!(
                matches!(e.kind(), ErrorKind::Invalid(_) | ErrorKind::Limit(_)),
                "{name}: {e}"
            ),
        }
    }
}

fn entry(variants: &[&str]) -> EntrySpec {
    EntrySpec {
        id: "probe.concept.a".into(),
        kind: "concept".into(),
        variants: variants.iter().map(|v| v.to_string()).collect(),
        ..EntrySpec::default()
    }
}

fn build(e: EntrySpec) -> rightslens::Result<Classifier> {
    Classifier::builder()
        .without_builtin()
        .lexicon_str("probe.toml", &lexicon_toml("probe", None, &[e]))
        .build()
}

/// Fuzz finding (build_and_classify, `tests/regressions/build_and_classify/zwj-emoji-variant`):
/// a variant whose first "word" is made of invisible joiners only (the ZWJ inside an emoji
/// family, a run of soft hyphens) folded to an empty word, and `build` panicked with an index
/// out of bounds in the matcher. Such words now fold to nothing; a variant with no other word
/// is an `Invalid` lexicon error.
#[test]
fn variant_of_joiners_only_is_an_error_not_a_panic() {
    for v in [
        "👩\u{200d}👩\u{200d}👧",
        "\u{ad}\u{ad}\u{ad}",
        "\u{200d}\u{200c}\u{2060}",
    ] {
        let err = build(entry(&[v])).expect_err("no letters");
        assert!(matches!(err.kind(), ErrorKind::Invalid(_)), "{v:?}: {err}");
        let mut cs = entry(&[v]);
        cs.case_sensitive = true;
        let err = build(cs).expect_err("no letters");
        assert!(matches!(err.kind(), ErrorKind::Invalid(_)), "{v:?}: {err}");
    }
    // a joiner-only word next to real words is ignored
    let clf = build(entry(&["👩\u{200d}👧 Tibet"])).expect("builds");
    let r = check_classify(&clf, "Free Tibet");
    assert_eq!(r.hits.len(), 1);
    assert_eq!(
        rightslens::normalize::fold_phrase("a \u{200d} b"),
        ["a", "b"]
    );
}

/// Property-test finding: a CJK variant listed twice in one entry (or twice after folding,
/// `西藏` and `西 藏`) produced two hits with the same span and entry, counting the evidence
/// twice. Latin variants were already deduplicated per entry.
#[test]
fn duplicate_cjk_variant_counts_once() {
    for variants in [
        &["西藏", "西藏"][..],
        &["西藏", "西 藏"],
        &["Tibet", "TIBET"],
    ] {
        let clf = build(entry(variants)).expect("builds");
        let r = check_classify(&clf, "西藏 Tibet");
        assert_eq!(r.hits.len(), 1, "{variants:?}: {:?}", r.hits);
        assert_eq!(r.topics["probe"].hits, 1);
    }
}

/// Adversarial finding: sentence segmentation re-scanned a run of `.`, `!` or `?` from each of
/// its characters, so a run not followed by a space (`x.......y`) took quadratic time: 100,000
/// dots needed 3.7 s in release. A run is now decided once, at its first character.
#[test]
fn long_punctuation_runs_are_linear() {
    let clf = Classifier::new().expect("built-in lexicons build");
    for text in [
        format!("x{}y", ".".repeat(200_000)),
        format!("x{}\"y", "?".repeat(200_000)),
        format!("U{} X", ".".repeat(200_000)),
        format!("x{}{}y", "!".repeat(100_000), " ".repeat(100_000)),
    ] {
        let t = Instant::now();
        check_classify(&clf, &text);
        let d = t.elapsed();
        assert!(d < Duration::from_secs(20), "{d:?}");
    }
}

/// The sentence rules around punctuation runs, unchanged by the fix above.
#[test]
fn punctuation_runs_keep_their_sentence_rules() {
    let cases: &[(&str, &[&str])] = &[
        ("Is it in the U.S.? Yes.", &["Is it in the U.S.?", "Yes."]),
        ("Wait... What?! No.", &["Wait...", "What?!", "No."]),
        ("Mr. Smith met Gen. Lee.", &["Mr. Smith met Gen. Lee."]),
        ("x...y and more", &["x...y and more"]),
        (
            "He left... then came back.",
            &["He left... then came back."],
        ),
        ("Stop!” She ran.", &["Stop!”", "She ran."]),
    ];
    for (text, want) in cases {
        let got: Vec<&str> = rightslens::segment::sentences(text)
            .map(|s| &text[s])
            .collect();
        assert_eq!(got, *want, "{text}");
    }
}

/// Adversarial finding: the lexicon parser computed each entry's line number by counting the
/// line breaks from the start of the file, so parsing was quadratic in the number of entries:
/// a 100,000-entry file took 607 s in release (0.75 s after the fix).
#[test]
fn many_entries_parse_in_linear_time() {
    let n = 10_000;
    let entries: Vec<EntrySpec> = (0..n)
        .map(|i| EntrySpec {
            id: format!("probe.concept.e{i}"),
            kind: "concept".into(),
            variants: vec![format!("term{i} place")],
            ..EntrySpec::default()
        })
        .collect();
    // a long header comment makes every line count expensive for a quadratic parser
    let text = format!(
        "{}\n{}",
        "# padding\n".repeat(100_000),
        lexicon_toml("probe", None, &entries)
    );
    let t = Instant::now();
    let lex = Lexicon::parse("big.toml", &text).expect("parses");
    let d = t.elapsed();
    println!("{n} entries, {} KB: {d:?}", text.len() >> 10);
    assert_eq!(lex.entries.len(), n);
    assert_eq!(lex.entries[0].line, 100_006);
    assert_eq!(lex.entries[n - 1].line, 100_006 + 6 * (n - 1));
    assert!(d < Duration::from_secs(30), "{d:?}");
}

/// Adversarial finding: `lint` compiled regex variants with the regex crate's default size
/// limit (10 MB), so a regex bigger than that was an `Invalid` "does not compile" error
/// whatever `regex_size_limit` said. The builder's limit now decides, with a `Limit` error.
#[test]
fn oversized_regex_is_a_limit_error() {
    let mut e = entry(&[r"\w{500}\s\w{500}"]);
    e.mode = Some("regex".into());
    let err = build(e.clone()).expect_err("too big");
    assert!(matches!(err.kind(), ErrorKind::Limit(_)), "{err}");
    let lex = Lexicon::parse("re.toml", &lexicon_toml("probe", None, &[e])).expect("parses");
    assert!(lint(&[lex]).iter().all(|i| i.severity != Severity::Error));
    // a pattern that does not parse is still a lint error
    let mut bad = entry(&["(unclosed"]);
    bad.mode = Some("regex".into());
    let err = build(bad).expect_err("bad regex");
    assert!(matches!(err.kind(), ErrorKind::Invalid(_)), "{err}");
}

/// A variant whose words are separated by punctuation other than spaces, dashes or
/// apostrophes inside a word once never matched, not even its own text (issue 8); the
/// punctuation now has to stand in the text as written (issue 19).
#[test]
fn variant_with_inner_punctuation_matches_itself() {
    for v in [
        "one country, two systems",
        "C.Y. Leung",
        "BN(O)",
        "Professional Teachers' Union",
        "Order No. 5",
    ] {
        let mut e = entry(&[v]);
        e.case_sensitive = true;
        let clf = build(e).expect("builds");
        let text = format!("x {v} y");
        let r = check_classify(&clf, &text);
        assert!(
            r.hits.iter().any(|h| h.text == v),
            "{v:?} not found: {:?}",
            r.hits
        );
    }
}

/// Known limitation (not fixed here; see the report): a zero-width joiner between emoji is
/// counted as a word (`word_count("👩\u{200d}👧") == 1`, UAX #29 counts none), because
/// joiners are word characters even where no letter follows.
#[test]
#[ignore = "known limitation: joiners counted as words"]
fn joiners_between_emoji_are_not_words() {
    assert_eq!(rightslens::segment::word_count("👩\u{200d}👩\u{200d}👧"), 0);
}

/// A score model with non-finite parameters (`prominence_weight = NaN` gave NaN coverage
/// scores) is refused by `build`.
#[test]
fn non_finite_score_model_is_refused() {
    let m = rightslens::ScoreModel {
        prominence_weight: f64::NAN,
        ..Default::default()
    };
    let built = Classifier::builder().model(m).build();
    assert!(built.is_err(), "a NaN model built");
    let m = rightslens::ScoreModel {
        rights_factor: -1.0,
        ..Default::default()
    };
    assert!(Classifier::builder().model(m).build().is_err());
}
