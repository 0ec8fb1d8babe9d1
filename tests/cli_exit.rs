//! End-to-end tests of how `rightslens classify` ends: exit statuses as ripgrep gives them
//! (a missing path or a text field missing everywhere is 2, nothing to read is 1), and an
//! interrupted run (SIGINT / SIGTERM sent to a real child process) that leaves whole records.
#![cfg(feature = "cli")]

mod cli_support;

use cli_support::*;
use predicates::prelude::*;

#[test]
fn a_path_that_does_not_exist_is_exit_2_before_any_output() {
    let out = rl()
        .args([
            "classify",
            "--format",
            "jsonl",
            &sample("taiwan_strait.txt"),
            "nope.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no records before the error");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err, "error: nope.txt: no such file or directory\n");
}

#[test]
fn a_text_field_missing_in_every_json_line_is_exit_2() {
    let out = rl()
        .args(["classify", "--format", "jsonl", "-"])
        .write_stdin("{\"id\":\"a\",\"body\":\"Tibet\"}\n{\"id\":\"b\",\"body\":\"Taiwan\"}\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // every input is still accounted for on standard output
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.matches("\"reason\":\"missing_text\"").count(), 2);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("error: no record has the text field or column \"text\""),
        "{err}"
    );
    assert!(err.contains("--text-field"), "{err}");
    // naming the field makes it work
    rl().args(["classify", "-q", "--text-field", "body", "-"])
        .write_stdin("{\"id\":\"a\",\"body\":\"Tibet\"}\n")
        .assert()
        .success();
}

#[test]
fn a_csv_column_missing_is_exit_2() {
    let dir = TempDir::new();
    let f = dir.write("news.csv", "id,body\n1,Free Tibet\n2,Taiwan Strait\n");
    rl().args([
        "classify",
        "-q",
        "--text-field",
        "content",
        f.to_str().unwrap(),
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains("\"content\""));
    rl().args([
        "classify",
        "-q",
        "--text-field",
        "body",
        f.to_str().unwrap(),
    ])
    .assert()
    .success();
}

#[test]
fn a_field_missing_in_some_records_only_keeps_the_per_record_accounting() {
    rl().args(["classify", "-q", "--format", "jsonl", "-"])
        .write_stdin("{\"id\":\"a\",\"text\":\"Tibet\"}\n{\"id\":\"b\",\"body\":\"Taiwan\"}\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("missing_text"));
}

#[test]
fn an_empty_folder_warns_and_exits_1() {
    let dir = TempDir::new();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    rl().args(["classify", "-q", dir.path().join("empty").to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("warning: nothing to classify"));
}

#[test]
fn skip_leaves_out_the_first_records() {
    let input = "{\"id\":\"a\",\"text\":\"Tibet\"}\n{\"id\":\"b\",\"text\":\"Taiwan\"}\n{\"id\":\"c\",\"text\":\"x\"}\n";
    let out = stdout_of(
        rl().args(["classify", "-q", "--format", "jsonl", "--skip", "2", "-"])
            .write_stdin(input),
    );
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with("{\"id\":\"c\""), "{out}");
}

/// Sends a signal to a child classifying a large generated input once it has written some
/// output, and checks that every output line is a whole JSON record, the summary file is
/// written, and standard error says how to resume.
#[cfg(unix)]
fn interrupted_run_leaves_whole_records(signal: i32, name: &str, status: i32) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    let dir = TempDir::new();
    let input = dir.path().join("big.jsonl");
    {
        let mut w = std::io::BufWriter::new(std::fs::File::create(&input).unwrap());
        for i in 0..400_000 {
            writeln!(
                w,
                "{{\"id\":\"d{i}\",\"text\":\"Ilham Tohti was jailed; the repression in Tibet goes on ({i}).\"}}"
            )
            .unwrap();
        }
    }
    let out_path = dir.path().join("out.jsonl");
    let summary_path = dir.path().join("summary.json");
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("rightslens"))
        .args(["classify", "--format", "jsonl", "--summary-json"])
        .arg(&summary_path)
        .arg(&input)
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until records reach the file (the output is buffered in 64 KiB blocks).
    let started = Instant::now();
    while std::fs::metadata(&out_path).map_or(0, |m| m.len()) == 0 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run ended before it could be interrupted"
        );
        assert!(started.elapsed() < Duration::from_secs(300), "no output");
        std::thread::sleep(Duration::from_millis(20));
    }
    let pid = i32::try_from(child.id()).unwrap();
    // SAFETY: kill(2) on the child's pid, which we own and have not reaped.
    assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(status));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(&format!("interrupted by {name}")), "{err}");
    let text = std::fs::read_to_string(&out_path).unwrap();
    assert!(text.ends_with('\n'), "a torn last record");
    let n = text.lines().count();
    assert!(n > 0 && n < 400_000, "{n} records");
    for (i, line) in text.lines().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("line {} is not JSON ({e}): {line}", i + 1));
        assert_eq!(v["id"], format!("d{i}"));
    }
    assert!(err.contains(&format!("--skip {n}")), "{err}");
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&summary_path).unwrap()).unwrap();
    assert_eq!(summary["inputs"], n);
}

#[cfg(unix)]
#[test]
fn sigint_stops_at_a_record_boundary() {
    interrupted_run_leaves_whole_records(libc::SIGINT, "SIGINT", 130);
}

#[cfg(unix)]
#[test]
fn sigterm_stops_at_a_record_boundary() {
    interrupted_run_leaves_whole_records(libc::SIGTERM, "SIGTERM", 143);
}

#[test]
fn csv_has_human_rights_and_prisoners_and_a_prisoner_file() {
    let dir = TempDir::new();
    let people = dir.path().join("people.csv");
    let csv = stdout_of(rl().args([
        "classify",
        "-q",
        "--format",
        "csv",
        "--prisoners-csv",
        people.to_str().unwrap(),
        &sample("ngo_letter_prisoners.txt"),
        &sample("market_report.txt"),
    ]));
    let mut rows = csv.lines();
    assert_eq!(
        rows.next(),
        Some("id,path,line,date,status,topic,score,present,primary,hits,evidence,human_rights,prisoners,error")
    );
    let ngo: Vec<&str> = csv
        .lines()
        .filter(|l| l.contains("ngo_letter_prisoners"))
        .collect();
    assert_eq!(ngo.len(), 5, "one row per topic");
    for row in &ngo {
        assert!(
            row.contains(",true,Ilham Tohti; Ding Jiaxi; Xu Zhiyong; Zhang Zhan; Jimmy Lai,"),
            "{row}"
        );
    }
    assert!(csv
        .lines()
        .any(|l| l.contains("market_report") && l.ends_with(",false,,")));
    let people = std::fs::read_to_string(&people).unwrap();
    let mut rows = people.lines();
    assert_eq!(
        rows.next(),
        Some("id,path,line,date,prisoner_id,name,listed,region,start,end,mention,custody_start,custody_end,custody")
    );
    let text = std::fs::read_to_string(sample("ngo_letter_prisoners.txt")).unwrap();
    let mut n = 0;
    for row in rows {
        let cols: Vec<&str> = row.split(',').collect();
        assert!(cols[0].contains("ngo_letter_prisoners"), "{row}");
        let (start, end): (usize, usize) = (cols[8].parse().unwrap(), cols[9].parse().unwrap());
        assert_eq!(&text[start..end], cols[10], "offsets point at the mention");
        n += 1;
    }
    assert!(n >= 5, "{people}");
}

#[test]
fn prisoner_csv_of_an_unlisted_person_has_the_custody_phrase() {
    let dir = TempDir::new();
    let people = dir.path().join("people.csv");
    rl().args(["classify", "-q", "--prisoners-csv", people.to_str().unwrap(), "-"])
        .write_stdin("{\"id\":\"u\",\"text\":\"The lawyer Liu Dongfang was sentenced to nine years for subversion.\"}\n")
        .assert()
        .success();
    let people = std::fs::read_to_string(&people).unwrap();
    let row = people.lines().nth(1).unwrap_or_else(|| panic!("{people}"));
    assert!(row.starts_with("u,<stdin>,1,,unlisted:"), "{row}");
    assert!(row.contains(",false,"), "{row}");
    assert!(row.ends_with("was sentenced"), "{row}");
}

#[test]
fn evaluate_names_a_json_lines_file_in_the_documents_folder() {
    let dir = TempDir::new();
    dir.write("docs/a.txt", "The Dalai Lama spoke about Tibet.");
    dir.write("docs/more.jsonl", "{\"id\":\"b\",\"text\":\"Tibet\"}\n");
    let gold = dir.write("labels.jsonl", "{\"id\":\"a\",\"topics\":{\"tibet\":2}}\n");
    let out = rl()
        .args(["evaluate", "--gold"])
        .arg(&gold)
        .arg(dir.path().join("docs"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("more.jsonl: skipped: a JSON Lines file"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("tibet"));
}
