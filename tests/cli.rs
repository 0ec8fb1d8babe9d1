//! End-to-end tests of the `rightslens` binary: help, classify, explain and compare, their
//! formats and their error paths, on the sample documents in `examples/data` and fixtures
//! written to temp dirs (`tests/cli_lexicon.rs` has lexicon, evaluate and registries).
#![cfg(feature = "cli")]

mod cli_support;

use cli_support::*;
use predicates::prelude::*;

#[test]
fn every_subcommand_has_help_with_an_example() {
    for sub in [
        vec!["classify"],
        vec!["explain"],
        vec!["compare"],
        vec!["lexicon"],
        vec!["lexicon", "list"],
        vec!["lexicon", "show"],
        vec!["lexicon", "check"],
        vec!["evaluate"],
    ] {
        let mut args = sub.clone();
        args.push("--help");
        rl().args(&args)
            .assert()
            .success()
            .stdout(predicate::str::contains("rightslens"))
            .stdout(predicate::str::contains("xample"));
    }
    rl().arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit status"));
}

#[test]
fn usage_errors_exit_2() {
    rl().assert().code(2);
    rl().arg("frobnicate").assert().code(2);
    rl().args(["explain"]).assert().code(2);
    rl().args(["explain", "--color", "sometimes", "x.txt"])
        .assert()
        .code(2);
}

// ---------------------------------------------------------------- classify

#[test]
fn classify_a_sample() {
    rl().args(["classify", &sample("readout_tibet.txt")])
        .assert()
        .success()
        .stdout(predicate::str::contains("tibet"));
}

#[test]
fn classify_every_format() {
    let f = sample("taiwan_strait.txt");
    let table = stdout_of(rl().args(["classify", "-q", "--format", "table", &f]));
    assert!(table.contains("taiwan"), "{table}");
    let json = stdout_of(rl().args(["classify", "-q", "--format", "json", &f]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(
        v["records"][0]["topics"]["taiwan"]["present"] == true,
        "{json}"
    );
    let jsonl = stdout_of(rl().args(["classify", "-q", "--format", "jsonl", &f, &f]));
    assert_eq!(jsonl.lines().count(), 2, "{jsonl}");
    for line in jsonl.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["topics"]["taiwan"]["present"], true);
    }
    let csv = stdout_of(rl().args(["classify", "-q", "--format", "csv", &f]));
    assert!(csv.lines().next().unwrap().contains("topic"), "{csv}");
    assert!(csv.lines().any(|l| l.contains(",taiwan,")), "{csv}");
    let summary = stdout_of(rl().args(["classify", "-q", "--format", "summary", &f]));
    assert!(summary.contains("taiwan"), "{summary}");
}

#[test]
fn classify_stdin_json_lines() {
    let out = stdout_of(
        rl().args(["classify", "-q", "--format", "jsonl", "-"])
            .write_stdin(
            "{\"id\":\"a\",\"text\":\"Free Tibet.\"}\n{\"id\":\"b\",\"text\":\"Taiwan Strait\"}\n",
        ),
    );
    let ids: Vec<String> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    assert_eq!(ids, ["\"a\"", "\"b\""], "{out}");
}

#[test]
fn classify_failed_input_exits_1_only_under_strict() {
    // A failure inside a folder is a record, not a run error (a path named on the command
    // line that does not exist is one: tests/cli_exit.rs).
    let dir = TempDir::new();
    dir.write("a.txt", "Free Tibet.");
    dir.write("b.jsonl", "not json\n");
    let d = dir.path().to_str().unwrap();
    rl().args(["classify", "-q", d])
        .assert()
        .success()
        .stdout(predicate::str::contains("b.jsonl:1"));
    rl().args(["classify", "-q", "--strict", d])
        .assert()
        .code(1);
}

#[test]
fn classify_unknown_topic_is_a_configuration_error() {
    rl().args([
        "classify",
        "--topics",
        "tibet,atlantis",
        &sample("readout_tibet.txt"),
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::starts_with("error: "))
    .stderr(predicate::str::contains("unknown topic \"atlantis\""));
}

// ---------------------------------------------------------------- explain

#[test]
fn explain_marks_hits_without_colour_when_piped() {
    let out = stdout_of(rl().args(["explain", &sample("readout_tibet.txt")]));
    assert!(!out.contains('\x1b'), "no ANSI when not a terminal");
    assert!(out.contains("[[Tibet|tibet]]"), "{out}");
    assert!(out.contains("== Verdict =="));
    assert!(out.contains("== tibet: primary ==") || out.contains("== tibet: present =="));
    assert!(out.contains("entries hit ("));
    assert!(out.contains("tibet.place.tibet"));
    assert!(out.contains("sentences ("));
    assert!(out.contains("== Context cues =="));
    assert!(out.contains("== Named prisoners =="));
}

#[test]
fn explain_colour_always_and_never() {
    let f = sample("readout_tibet.txt");
    let coloured = stdout_of(rl().args(["explain", "--color", "always", &f]));
    assert!(coloured.contains("\x1b[1;"), "ANSI escapes expected");
    assert!(!coloured.contains("[[Tibet|tibet]]"));
    let plain = stdout_of(rl().args(["explain", "--color", "never", &f]));
    assert!(!plain.contains('\x1b'));
    let no_text = stdout_of(rl().args(["explain", "--no-text", &f]));
    assert!(!no_text.contains("legend:"));
    assert!(no_text.contains("== Verdict =="));
}

#[test]
fn explain_reads_stdin_and_uses_own_lexicons() {
    let dir = TempDir::new();
    dir.write("lex/demo.toml", DEMO);
    let out = stdout_of(
        rl().args(["explain", "--lexicons"])
            .arg(dir.path().join("lex"))
            .arg("-")
            .write_stdin("Captain Nemo sailed to Atlantis. Atlantis sank."),
    );
    assert!(out.contains("== <stdin>:"), "{out}");
    assert!(out.contains("[[Atlantis|demo]]"), "{out}");
    assert!(
        out.contains("2x demo.place.atlantis: \"Atlantis\"; weight 1, context x"),
        "{out}"
    );
    assert!(
        out.contains("1x demo.person.nemo: \"Captain Nemo\"; weight 1, context x1, evidence 1.00"),
        "{out}"
    );
    assert!(out.contains("present: evidence "), "{out}");
    assert!(out.contains("1. [[Captain Nemo|demo]] sailed to [[Atlantis|demo]]."));
}

#[test]
fn explain_caps_listed_sentences() {
    let dir = TempDir::new();
    let lex = demo_lexicons(&dir);
    let doc = "The Nautilus dived. ".repeat(30);
    let out = stdout_of(
        rl().args(["explain", "--no-text", "--lexicons"])
            .arg(&lex)
            .arg("-")
            .write_stdin(doc.clone()),
    );
    assert!(out.contains("sentences (30 of 30):"), "{out}");
    assert!(out.contains("  25. The [[Nautilus|demo]] dived."), "{out}");
    assert!(!out.contains("  26. "), "{out}");
    assert!(
        out.contains("... 5 more (--sentences 0 lists them all)"),
        "{out}"
    );
    let all = stdout_of(
        rl().args(["explain", "--no-text", "--sentences", "0", "--lexicons"])
            .arg(&lex)
            .arg("-")
            .write_stdin(doc),
    );
    assert!(all.contains("  30. The [[Nautilus|demo]] dived."), "{all}");
}

#[test]
fn explain_missing_file_is_one_line_naming_it() {
    let out = rl()
        .args(["explain", "no/such/file.txt"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "error: no/such/file.txt: cannot read: no such file or directory\n"
    );
}

#[test]
fn explain_rejects_binary_input() {
    let dir = TempDir::new();
    let f = dir.write("bin.txt", [0x66u8, 0x6f, 0xff, 0xfe, 0x00]);
    rl().arg("explain")
        .arg(&f)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bin.txt: binary file (NUL byte at offset 4)",
        ));
}

#[test]
fn malformed_added_lexicon_names_file_and_line() {
    let dir = TempDir::new();
    let bad = dir.write(
        "bad.toml",
        "[lexicon]\ntopic = \"x\"\nsources = [\"t\"]\n\n[[entry]]\nid = \"x.place.a\"\nkind = \"nonsense\"\nvariants = [\"Aaaa\"]\nsource = \"t\"\n",
    );
    let out = rl()
        .args(["explain", "--add-lexicon"])
        .arg(&bad)
        .arg(sample("readout_tibet.txt"))
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains(&format!("{}:7", bad.display())), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn lexicons_option_needs_a_folder() {
    rl().args([
        "explain",
        "--lexicons",
        "no-such-dir",
        &sample("readout_tibet.txt"),
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains("no-such-dir: not a directory"));
}

#[test]
fn explain_unknown_topic() {
    rl().args([
        "explain",
        "--topics",
        "narnia",
        &sample("readout_tibet.txt"),
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains("unknown topic \"narnia\""));
}

// ---------------------------------------------------------------- compare

#[test]
fn compare_table_names_what_each_side_raises() {
    let out = stdout_of(rl().args([
        "compare",
        &sample("ngo_letter_prisoners.txt"),
        &sample("readout_tibet.txt"),
    ]));
    let (a_part, b_part) = out
        .split_once("Raised in B, not in A:")
        .expect("both sections");
    let a_part = a_part
        .split_once("Raised in A, not in B:")
        .expect("A section")
        .1;
    // the letter names prisoners, the readout raises Tibet
    assert!(a_part.contains("hong_kong"), "{out}");
    assert!(!a_part.contains("prisoners: none"), "{out}");
    assert!(b_part.contains("tibet"), "{out}");
    assert!(out.contains("A score"));
    assert!(out.contains("only in A"));
}

#[test]
fn compare_json() {
    let out = stdout_of(rl().args([
        "compare",
        "--format",
        "json",
        &sample("ngo_letter_prisoners.txt"),
        &sample("readout_tibet.txt"),
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let a_only: Vec<&str> = v["only_in_a"]["prisoners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    assert!(!a_only.is_empty(), "{a_only:?}");
    assert!(v["only_in_b"]["topics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t == "tibet"));
    assert!(
        v["a"]["topics"]["political_prisoners"]["score"]
            .as_f64()
            .unwrap()
            > 0.5
    );
    assert_eq!(v["b"]["topics"]["taiwan"]["present"], false);
}

#[test]
fn compare_prisoners_both_ways() {
    let dir = TempDir::new();
    let lex = demo_lexicons(&dir);
    let a = dir.write(
        "a.txt",
        "We ask you to raise Professor Aronnax and Ned Land. Aronnax is ill on the Nautilus.",
    );
    let b = dir.write("b.txt", "They discussed Ned Land and Conseil Dupont.");
    let out = stdout_of(
        rl().arg("compare")
            .arg("--lexicons")
            .arg(&lex)
            .arg(&a)
            .arg(&b),
    );
    assert!(
        out.contains("Raised in A, not in B:\n  topics:    demo\n  prisoners: Pierre Aronnax\n"),
        "{out}"
    );
    assert!(
        out.contains("Raised in B, not in A:\n  topics:    none\n  prisoners: Conseil Dupont\n"),
        "{out}"
    );
    assert!(out.contains("Named prisoners in both: Ned Land"), "{out}");
    let json = stdout_of(
        rl().args(["compare", "--format", "json", "--lexicons"])
            .arg(&lex)
            .arg(&a)
            .arg(&b),
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v["only_in_a"]["prisoners"],
        serde_json::json!(["Pierre Aronnax"])
    );
    assert_eq!(
        v["only_in_b"]["prisoners"],
        serde_json::json!(["Conseil Dupont"])
    );
    assert_eq!(v["prisoners_in_both"], serde_json::json!(["Ned Land"]));
    assert_eq!(v["a"]["prisoners"][0]["mentions"], 2);
}

#[test]
fn compare_same_document_has_no_differences() {
    let f = sample("taiwan_strait.txt");
    let out = stdout_of(rl().args(["compare", &f, &f]));
    assert_eq!(out.matches("topics:    none").count(), 2, "{out}");
    assert_eq!(out.matches("prisoners: none").count(), 2, "{out}");
}

#[test]
fn compare_missing_file() {
    rl().args(["compare", &sample("readout_tibet.txt"), "missing-b.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing-b.txt: cannot read"));
}

// ---------------------------------------------------------------- lexicon
