//! End-to-end tests of the `rightslens` binary: the `lexicon` and `evaluate` subcommands and
//! added registries, with their error paths (`tests/cli.rs` has the others).
#![cfg(feature = "cli")]

mod cli_support;

use cli_support::*;
use predicates::prelude::*;
use std::path::PathBuf;

#[test]
fn lexicon_list_table_and_json() {
    let out = stdout_of(rl().args(["lexicon", "list"]));
    for t in rightslens::DEFAULT_TOPICS {
        assert!(out.contains(t), "{t} in {out}");
    }
    assert!(out.contains("total"));
    assert!(out.contains("compiled patterns:"));
    let json = stdout_of(rl().args(["lexicon", "list", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = v.as_array().unwrap();
    assert!(rows.iter().any(|r| r["topic"] == "tibet"
        && r["entries"].as_u64().unwrap() > 0
        && r["kinds"]["place"].as_u64().unwrap() > 0));
}

#[test]
fn lexicon_list_of_own_folder() {
    let dir = TempDir::new();
    dir.write("demo.toml", DEMO);
    let out = stdout_of(rl().args(["lexicon", "list", "--lexicons"]).arg(dir.path()));
    let row = out
        .lines()
        .find(|l| l.starts_with("demo "))
        .expect("demo row");
    let cols: Vec<&str> = row.split_whitespace().collect();
    // topic, entries, place, person, ...
    assert_eq!(&cols[..4], ["demo", "3", "1", "1"], "{row}");
}

#[test]
fn lexicon_show_by_id_name_and_json() {
    let out = stdout_of(rl().args(["lexicon", "show", "tibet.place.tibet"]));
    assert!(out.contains("id:             tibet.place.tibet"), "{out}");
    assert!(out.contains("variants:"));
    assert!(out.contains("\"Tibet\""));
    assert!(out.contains("source:"));
    assert!(out.contains("lexicons/tibet.toml:"));
    let dir = TempDir::new();
    let lex = demo_lexicons(&dir);
    let by_name = stdout_of(
        rl().args(["lexicon", "show", "--lexicons"])
            .arg(&lex)
            .arg("professor aronnax"),
    );
    assert!(
        by_name.contains("id:             political_prisoners.person.aronnax"),
        "{by_name}"
    );
    assert!(
        by_name.contains("name:           Pierre Aronnax"),
        "{by_name}"
    );
    assert!(by_name.contains("short forms:    \"Aronnax\""), "{by_name}");
    assert!(by_name.contains("prisoners.toml:5"), "{by_name}");
    let json = stdout_of(rl().args(["lexicon", "show", "--format", "json", "tibet.place.tibet"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v[0]["id"], "tibet.place.tibet");
    assert_eq!(v[0]["topic"], "tibet");
    assert_eq!(v[0]["mode"], "exact");
}

#[test]
fn lexicon_show_unknown_id() {
    rl().args(["lexicon", "show", "tibet.place.shangri-la"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no entry with id or name"));
}

#[test]
fn lexicon_check_clean_folder() {
    let dir = TempDir::new();
    dir.write("demo.toml", DEMO);
    rl().args(["lexicon", "check"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "checked 1 file, 3 entries: 0 errors, 0 warnings",
        ));
}

#[test]
fn lexicon_check_reports_located_errors() {
    let dir = TempDir::new();
    dir.write("a_ok.toml", DEMO);
    // a TOML syntax error on line 4
    let broken = dir.write(
        "b_broken.toml",
        "[lexicon]\ntopic = \"b\"\nsources = [\"t\"]\nthis is not toml\n",
    );
    let out = rl()
        .args(["lexicon", "check"])
        .arg(dir.path())
        .assert()
        .code(2)
        .get_output()
        .clone();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(&format!("{}:4: error: ", broken.display())),
        "{text}"
    );
    assert!(text.contains("1 error"), "{text}");
}

#[test]
fn lexicon_check_lint_errors_and_warnings() {
    let dir = TempDir::new();
    let f = dir.write(
        "mine.toml",
        "[lexicon]\ntopic = \"mine\"\n\n[[entry]]\nid = \"mine.place.a\"\nkind = \"place\"\nvariants = []\nsource = \"t\"\n\n[[entry]]\nid = \"mine.place.a\"\nkind = \"place\"\nvariants = [\"Aaaa\"]\nsource = \"t\"\n",
    );
    let out = rl()
        .args(["lexicon", "check"])
        .arg(&f)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let text = String::from_utf8(out.stdout).unwrap();
    let at = f.display().to_string();
    assert!(
        text.contains(&format!(
            "{at}:4: error: entry \"mine.place.a\": variants must not be empty"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{at}:10: error: entry \"mine.place.a\": duplicate id"
        )),
        "{text}"
    );
    assert!(text.contains(&format!("{at}: warning: ")), "{text}");
    assert!(text.contains("(help: "), "{text}");
}

#[test]
fn lexicon_check_with_builtin_finds_clashes() {
    let dir = TempDir::new();
    let f = dir.write(
        "clash.toml",
        "[lexicon]\ntopic = \"clash\"\nsources = [\"t\"]\n\n[[entry]]\nid = \"tibet.place.tibet\"\nkind = \"place\"\nvariants = [\"Zzzyx\"]\nsource = \"t\"\n",
    );
    rl().args(["lexicon", "check"]).arg(&f).assert().success();
    rl().args(["lexicon", "check", "--with-builtin"])
        .arg(&f)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("duplicate id"));
}

#[test]
fn lexicon_check_missing_or_empty_folder() {
    rl().args(["lexicon", "check", "no-such-lexicons"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-lexicons: no such file"));
    let dir = TempDir::new();
    rl().args(["lexicon", "check"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no *.toml lexicon files"));
}

// ---------------------------------------------------------------- evaluate

/// Three sample documents and their labels.
fn eval_fixture() -> (TempDir, PathBuf, PathBuf) {
    let dir = TempDir::new();
    for (id, f) in [
        ("a", "readout_tibet.txt"),
        ("b", "ngo_letter_prisoners.txt"),
        ("c", "taiwan_strait.txt"),
    ] {
        let text = std::fs::read_to_string(sample(f)).unwrap();
        dir.write(&format!("docs/{id}.txt"), text);
    }
    let gold = dir.write(
        "gold.jsonl",
        concat!(
            r#"{"id":"a","topics":{"tibet":2,"political_prisoners":1},"human_rights":true,"prisoners":["Gedhun Choekyi Nyima"]}"#,
            "\n",
            r#"{"id":"b","topics":{"political_prisoners":2,"hong_kong":1,"xinjiang":1},"human_rights":true,"prisoners":["Ilham Tohti","Jimmy Lai","Someone Unknown"]}"#,
            "\n",
            r#"{"id":"c","topics":{"taiwan":2,"tibet":1},"human_rights":false,"prisoners":[]}"#,
            "\n"
        ),
    );
    let docs = dir.path().join("docs");
    (dir, gold, docs)
}

#[test]
fn evaluate_text_report() {
    let (_dir, gold, docs) = eval_fixture();
    let out = stdout_of(rl().arg("evaluate").arg("--gold").arg(&gold).arg(&docs));
    assert!(out.contains("documents: 3 (missing reports: 0)"), "{out}");
    assert!(out.contains("macro F1"));
    assert!(out.contains("== Wrong decisions"));
    // gold says tibet is raised in c; it is not: a wrong decision with its evidence
    assert!(
        out.contains("c tibet present: gold=1 predicted=false"),
        "{out}"
    );
    assert!(out.contains("b: Someone Unknown"), "{out}");
}

#[test]
fn evaluate_json_sweep_and_baseline() {
    let (_dir, gold, docs) = eval_fixture();
    let json = stdout_of(
        rl().arg("evaluate")
            .arg("--json")
            .arg("--gold")
            .arg(&gold)
            .arg(&docs),
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["documents"]["scored"], 3);
    assert!(
        v["topics"]["tibet"]["present"]["true_positives"]
            .as_u64()
            .unwrap()
            >= 1
    );

    let both = stdout_of(
        rl().args(["evaluate", "--json", "--sweep", "--baseline", "--gold"])
            .arg(&gold)
            .arg(&docs),
    );
    let v: serde_json::Value = serde_json::from_str(&both).unwrap();
    assert_eq!(
        v["documents"]["scored"], 3,
        "same top level with --sweep and --baseline"
    );
    assert_eq!(v["baseline"]["prisoner_names"]["found"], 0);
    let sweep = v["sweep"].as_array().unwrap();
    assert_eq!(sweep.len(), 5);
    // the grid (16 and 9 points) plus the threshold in force when it is not on it
    let n = sweep[0]["present"].as_array().unwrap().len();
    assert!(n == 16 || n == 17, "{n}");
    let n = sweep[0]["primary"].as_array().unwrap().len();
    assert!(n == 9 || n == 10, "{n}");

    let text = stdout_of(
        rl().args(["evaluate", "--sweep", "--baseline", "--gold"])
            .arg(&gold)
            .arg(&docs),
    );
    assert!(text.contains("== Keyword baseline"), "{text}");
    assert!(text.contains("== Sweep: tibet"), "{text}");
    assert!(text.contains("<- best"), "{text}");
    assert!(text.contains("present: evidence >="));
    assert!(text.contains("primary: score >="));
}

#[test]
fn evaluate_errors() {
    let (dir, gold, docs) = eval_fixture();
    let bad = dir.write("bad.jsonl", "{\"id\":\"a\"}\n{not json\n");
    rl().arg("evaluate")
        .arg("--gold")
        .arg(&bad)
        .arg(&docs)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("{}:2:", bad.display())));
    rl().arg("evaluate")
        .arg("--gold")
        .arg(dir.path().join("nope.jsonl"))
        .arg(&docs)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope.jsonl"));
    rl().arg("evaluate")
        .arg("--gold")
        .arg(&gold)
        .arg(dir.path().join("no-docs"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-docs: not a folder"));
    // an unreadable document: a warning, and exit 1 only under --strict
    dir.write("docs/z.txt", [0x00u8, 0x01, 0x02, 0xff]);
    rl().arg("evaluate")
        .arg("--gold")
        .arg(&gold)
        .arg(&docs)
        .assert()
        .success()
        .stderr(predicate::str::contains("z.txt: skipped: binary file"));
    rl().args(["evaluate", "--strict", "--gold"])
        .arg(&gold)
        .arg(&docs)
        .assert()
        .code(1);
}

#[test]
fn added_registry_names_its_people_and_its_bad_rows() {
    let dir = TempDir::new();
    let reg = dir.write(
        "mine.csv",
        "name,region,status,source\nTsangyang Gyatso,tibet,sentenced,TCHRD\n",
    );
    let doc = dir.write(
        "doc.txt",
        "A Chinese court jailed the Tibetan monk Tsangyang Gyatso for 12 years.\n",
    );
    rl().args(["explain", "--color", "never", "--add-registry"])
        .arg(&reg)
        .arg(&doc)
        .assert()
        .success()
        .stdout(predicate::str::contains("Tsangyang Gyatso"));
    let bad = dir.write(
        "bad.jsonl",
        "{\"name\": \"Tsangyang Gyatso\", \"region\": \"tibet\"}\n",
    );
    rl().args(["explain", "--add-registry"])
        .arg(&bad)
        .arg(&doc)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("{}:1", bad.display())))
        .stderr(predicate::str::contains("missing `source`"));
}
