//! End-to-end tests of `rightslens lexicon convert` (dictionaries of other tools in
//! `tests/data/dictionaries/`, good and malformed) and `rightslens lexicon diff` (two versions
//! of a small lexicon in `tests/data/lexicon_diff/` with a known difference).
#![cfg(feature = "cli")]

mod cli_support;

use cli_support::*;
use predicates::prelude::*;

fn data(rel: &str) -> String {
    format!("{}/tests/data/{rel}", env!("CARGO_MANIFEST_DIR"))
}

const DOC: &str = "Police detained dozens after the march; a labour camp and a re-education camp.";

/// Hits per topic of `DOC` with the given lexicon options.
fn hits(args: &[&std::ffi::OsStr], dir: &TempDir) -> serde_json::Value {
    let doc = dir.write("doc.txt", DOC);
    let out = stdout_of(
        rl().args(["classify", "--format", "jsonl", "-q"])
            .args(args)
            .arg(doc),
    );
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    v["topics"].clone()
}

#[test]
fn every_format_converts_to_a_folder_that_loads() {
    // file, custody hits, protest hits expected on DOC
    let cases = [
        ("rights2015.dic", 2, 1), // detain*, re-education camp; march*
        ("rights22.dicx", 2, 0),  // detain*, labour camp; rall* does not occur
        ("rights.yml", 2, 1),     // detain*, re-education camp; march*
        ("rights.lc3", 2, 1),     // detain*, labour camp; march*
        ("rights.cat", 2, 1),     // DETAIN*, LABOUR CAMP; MARCH*
    ];
    for (file, custody, protest) in cases {
        let dir = TempDir::new();
        let out = dir.path().join("lex");
        rl().args(["lexicon", "convert"])
            .arg(data(&format!("dictionaries/{file}")))
            .arg("--out-dir")
            .arg(&out)
            .assert()
            .success()
            .stderr(predicate::str::contains("custody.toml"));
        let topics = hits(&["--lexicons".as_ref(), out.as_os_str()], &dir);
        assert_eq!(topics["custody"]["hits"], custody, "{file}: {topics}");
        assert_eq!(topics["protest"]["hits"], protest, "{file}: {topics}");
        assert_eq!(topics["custody"]["present"], true, "{file}: {topics}");
        // the same files pass `lexicon check`
        rl().args(["lexicon", "check"]).arg(&out).assert().success();
    }
}

#[test]
fn one_category_to_stdout_adds_to_the_builtin_lexicons() {
    let dir = TempDir::new();
    let toml = stdout_of(
        rl().args(["lexicon", "convert", "--category", "custody"])
            .arg(data("dictionaries/rights.yml")),
    );
    assert!(toml.contains("mode = \"prefix\""), "{toml}");
    assert!(toml.contains("note = \"subtopic: detention\""), "{toml}");
    // "prisoner's dilemma" keeps its apostrophe inside a word: an exact phrase
    assert!(
        toml.contains("variants = [\"prisoner's dilemma\"]"),
        "{toml}"
    );
    let file = dir.write("custody.toml", &toml);
    let topics = hits(&["--add-lexicon".as_ref(), file.as_os_str()], &dir);
    assert_eq!(topics["custody"]["hits"], 2, "{topics}");
    assert!(
        topics.get("tibet").is_some(),
        "built-in topics stay: {topics}"
    );
}

#[test]
fn wildcards_inside_a_word_become_regexes() {
    let toml = stdout_of(
        rl().args(["lexicon", "convert", "--category", "protest"])
            .arg(data("dictionaries/rights.yml")),
    );
    assert!(
        toml.contains(r"variants = ['colo\wr[\s\-]+revolution']"),
        "{toml}"
    );
    assert!(
        toml.contains("id = \"protest.concept.color-revolution\""),
        "{toml}"
    );
    assert!(toml.contains("mode = \"regex\""), "{toml}");
    let dir = TempDir::new();
    let lex = dir.write("lex/protest.toml", &toml);
    let doc = dir.write(
        "d.txt",
        "They feared a colour revolution, or a color revolution.",
    );
    let out = stdout_of(
        rl().args(["classify", "--format", "jsonl", "-q", "--lexicons"])
            .arg(lex.parent().unwrap())
            .arg(doc),
    );
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    // "colour" has two letters between colo and r: only "color revolution" matches
    assert_eq!(v["topics"]["protest"]["hits"], 1, "{out}");
}

#[test]
fn several_categories_need_a_choice() {
    rl().args(["lexicon", "convert"])
        .arg(data("dictionaries/rights.lc3"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2 categories (custody, protest)"))
        .stderr(predicate::str::contains("--out-dir"));
}

#[test]
fn terms_that_cannot_be_converted_are_reported() {
    let toml = stdout_of(
        rl().args(["lexicon", "convert", "--category", "protest"])
            .arg(data("dictionaries/rights2015.dic")),
    );
    // short words become case-sensitive spellings
    assert!(
        toml.contains("variants = [\"we\", \"We\", \"WE\"]\ncase_sensitive = true"),
        "{toml}"
    );
    assert!(
        toml.contains("# line 12: \":)\": it has no letter or digit"),
        "{toml}"
    );
    rl().args(["lexicon", "convert", "--category", "protest"])
        .arg(data("dictionaries/rights2015.dic"))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "rights2015.dic:12: note: term \":)\" not converted",
        ));
}

#[test]
fn malformed_dictionaries_name_file_and_line() {
    let cases = [
        (
            "undefined_category.dic",
            5,
            "category 7, which is not in the legend",
        ),
        ("bad_cell.dicx", 2, "a LIWC-22 cell holds X or nothing"),
        ("mixed.yml", 3, "holds both terms and subkeys"),
        ("term_first.lc3", 1, "comes before any category"),
        ("spaces.cat", 2, "indented with spaces"),
    ];
    for (file, line, msg) in cases {
        rl().args(["lexicon", "convert"])
            .arg(data(&format!("dictionaries/bad/{file}")))
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!(
                "{file}:{line}: parse error"
            )))
            .stderr(predicate::str::contains(msg));
    }
}

#[test]
fn unknown_format_asks_for_from() {
    let dir = TempDir::new();
    let f = dir.write("dict.txt", "+custody\ndetain*\n");
    rl().args(["lexicon", "convert"])
        .arg(&f)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--from"));
    let toml = stdout_of(
        rl().args(["lexicon", "convert", "--from", "lexicoder"])
            .arg(&f),
    );
    assert!(toml.contains("topic = \"custody\""), "{toml}");
}

#[test]
fn lexicon_diff_reports_the_known_change() {
    let out = stdout_of(
        rl().args(["lexicon", "diff"])
            .arg(data("lexicon_diff/old"))
            .arg(data("lexicon_diff/new"))
            .arg(data("lexicon_diff/corpus")),
    );
    assert!(
        out.contains("entries added: harbour.concept.kraken"),
        "{out}"
    );
    assert!(
        out.contains("entries removed: harbour.concept.nautilus"),
        "{out}"
    );
    assert!(
        out.contains("== documents that change verdict: 2 =="),
        "{out}"
    );
    assert!(out.contains("b_ship: harbour present -> absent"), "{out}");
    assert!(
        out.contains("c_monster: harbour absent -> present"),
        "{out}"
    );
    assert!(!out.contains("d_quiet"), "{out}");
    assert!(
        out.contains("== entries that gained or lost hits: 3 =="),
        "{out}"
    );
    assert!(
        out.contains("+1 harbour.concept.atlantis (1 -> 2 hits)\n      e.g. a_flood (1 -> 2: \"Atlantis\", \"Poseidonis\")"),
        "{out}"
    );
    assert!(
        out.contains("-1 harbour.concept.nautilus (1 -> 0 hits)"),
        "{out}"
    );
}

#[test]
fn lexicon_diff_of_a_folder_with_itself_changes_nothing() {
    let out = stdout_of(
        rl().args(["lexicon", "diff"])
            .arg(data("lexicon_diff/new"))
            .arg(data("lexicon_diff/new"))
            .arg(data("lexicon_diff/corpus")),
    );
    assert!(out.contains("documents that change verdict: 0"), "{out}");
    assert!(out.contains("entries that gained or lost hits: 0"), "{out}");
}

#[test]
fn lexicon_diff_refuses_stdin_and_missing_folders() {
    rl().args(["lexicon", "diff"])
        .arg(data("lexicon_diff/old"))
        .arg(data("lexicon_diff/new"))
        .arg("-")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("standard input"));
    rl().args(["lexicon", "diff", "/no/such/dir"])
        .arg(data("lexicon_diff/new"))
        .arg(data("lexicon_diff/corpus"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a directory"));
}
