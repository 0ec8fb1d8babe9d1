//! End-to-end tests of lexicon limits on the command line: an error names the lexicon file
//! (and line and entry when one variant is to blame) and the option that raises the limit.
#![cfg(feature = "cli")]

mod cli_support;

use cli_support::*;
use predicates::prelude::*;

/// A lexicon with one regex variant whose Unicode `\w` classes compile to more than the
/// default 1 MiB.
const WIDE_REGEX: &str = r#"[lexicon]
topic = "wide"
sources = ["test"]

[[entry]]
id = "wide.concept.any"
kind = "concept"
mode = "regex"
variants = ["Tibet\\w{0,30}"]
source = "test"
"#;

#[test]
fn a_regex_over_the_size_limit_names_its_file_line_entry_and_the_flag() {
    let dir = TempDir::new();
    let f = dir.write("wide.toml", WIDE_REGEX);
    let f = f.to_str().unwrap();
    rl().args([
        "classify",
        "-q",
        "--add-lexicon",
        f,
        &sample("taiwan_strait.txt"),
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::starts_with(format!(
        "error: {f}:5: entry \"wide.concept.any\": limit exceeded"
    )))
    .stderr(predicate::str::contains(
        "help: raise the limit with --regex-size-limit BYTES, now 1048576",
    ));
    // the flag the message names does raise it
    rl().args([
        "classify",
        "-q",
        "--regex-size-limit",
        "67108864",
        "--add-lexicon",
        f,
    ])
    .arg(sample("taiwan_strait.txt"))
    .assert()
    .success();
}

#[test]
fn too_many_variants_names_the_lexicons_and_the_flag() {
    let dir = TempDir::new();
    let f = dir.write("wide.toml", WIDE_REGEX);
    let f = f.to_str().unwrap();
    rl().args(["explain", "--max-patterns", "100", "--add-lexicon", f])
        .arg(sample("taiwan_strait.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("variants exceed the limit of 100"))
        .stderr(predicate::str::contains(format!(
            "in the built-in lexicons, {f} together"
        )))
        .stderr(predicate::str::contains("--max-patterns N, now 100"))
        .stderr(predicate::str::contains("ClassifierBuilder").not());
}
