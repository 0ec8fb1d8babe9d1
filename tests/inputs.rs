//! Faults inside JSON Lines and CSV inputs stay with the record they touch: a NUL byte, a
//! quote never closed, a date that is not a date; and label files in a documents folder are
//! not read as documents.

use rightslens::corpus::{scan, CorpusOptions, Input, Outcome, ReasonKind, Record, Summary};
use rightslens::Classifier;
use std::fs;

fn run(inputs: Vec<Input>, o: &CorpusOptions) -> (Vec<Record>, Summary) {
    let clf = Classifier::new().unwrap();
    let mut records = Vec::new();
    let summary = scan(&clf, inputs, o, |r| {
        records.push(r);
        Ok(())
    })
    .unwrap();
    (records, summary)
}

/// `(id, line, status, reason)` of each record.
fn table(records: &[Record]) -> Vec<(String, Option<u64>, &'static str, Option<ReasonKind>)> {
    records
        .iter()
        .map(|r| {
            let reason = r.outcome.reason().map(|x| x.kind);
            (r.id.clone(), r.line, r.outcome.status(), reason)
        })
        .collect()
}

fn topics(r: &Record) -> Vec<String> {
    match &r.outcome {
        Outcome::Classified(rep) => rep
            .topics
            .iter()
            .filter(|(_, t)| t.present)
            .map(|(k, _)| k.clone())
            .collect(),
        _ => Vec::new(),
    }
}

const JSONL_WITH_NUL: &[u8] = b"{\"id\": \"a\", \"text\": \"The repression in Tibet goes on.\"}\n\
{\"id\": \"b\", \"text\": \"bad \x00 bytes\"}\n\
{\"id\": \"c\", \"text\": \"Forced labour in Xinjiang.\"}\n";

#[test]
fn a_nul_byte_fails_its_json_line_only_in_files_and_on_streams_alike() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("news.jsonl");
    fs::write(&path, JSONL_WITH_NUL).unwrap();
    let o = CorpusOptions::new();
    let (from_file, _) = run(vec![Input::path(dir.path())], &o);
    let stream = Input::json_lines("news.jsonl", std::io::Cursor::new(JSONL_WITH_NUL));
    let (from_stream, _) = run(vec![stream], &o);
    let want = vec![
        ("a".to_string(), Some(1), "classified", None),
        (
            "news.jsonl:2".to_string(),
            Some(2),
            "failed",
            Some(ReasonKind::BadJson),
        ),
        ("c".to_string(), Some(3), "classified", None),
    ];
    assert_eq!(table(&from_file), want);
    assert_eq!(table(&from_stream), want);
    let msg = from_file[1].outcome.reason().unwrap().message.clone();
    assert!(msg.contains("NUL byte at offset"), "{msg}");
    assert_eq!(topics(&from_file[2]), ["xinjiang"]);
}

#[test]
fn a_nul_byte_fails_its_csv_row_only_and_a_binary_file_is_still_skipped() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("rows.csv"),
        b"id,text\nu1,Tibet is discussed\nu2,bin\x00ary\nu3,Hong Kong's security law\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("archive.csv"),
        b"\x1f\x8b\x08\x00\x00\x00binary",
    )
    .unwrap();
    let (records, summary) = run(vec![Input::path(dir.path())], &CorpusOptions::new());
    let t = table(&records);
    assert_eq!(
        t[0],
        (
            "archive".to_string(),
            None,
            "skipped",
            Some(ReasonKind::Binary)
        )
    );
    assert_eq!(
        t[1..],
        [
            ("u1".to_string(), Some(2), "classified", None),
            (
                "rows.csv:3".to_string(),
                Some(3),
                "failed",
                Some(ReasonKind::BadCsv)
            ),
            ("u3".to_string(), Some(4), "classified", None),
        ]
    );
    assert_eq!((summary.classified, summary.failed), (2, 1));
}

/// The example of the issue: `u2`'s quote is never closed.
const OPEN_QUOTE: &str =
    "id,text\nu1,Tibet ok\nu2,\"Xinjiang never closed\nu3,Hong Kong\nu4,Taiwan\n";

#[test]
fn an_open_csv_quote_fails_its_row_and_each_line_it_swallowed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rows.csv");
    fs::write(&path, OPEN_QUOTE).unwrap();
    let (records, summary) = run(vec![Input::path(dir.path())], &CorpusOptions::new());
    use ReasonKind::BadCsv;
    assert_eq!(
        table(&records),
        vec![
            ("u1".to_string(), Some(2), "classified", None),
            ("rows.csv:3".to_string(), Some(3), "failed", Some(BadCsv)),
            ("rows.csv:4".to_string(), Some(4), "failed", Some(BadCsv)),
            ("rows.csv:5".to_string(), Some(5), "failed", Some(BadCsv)),
        ]
    );
    assert_eq!(topics(&records[0]), ["tibet"]);
    let first = &records[1].outcome.reason().unwrap().message;
    assert!(
        first.contains("unterminated quote opened on line 3") && first.contains("lines 4-5"),
        "{first}"
    );
    let swallowed = &records[3].outcome.reason().unwrap().message;
    assert!(swallowed.contains("opened on line 3"), "{swallowed}");
    assert_eq!((summary.inputs, summary.failed), (4, 3));

    // A closed multi-line quote is one row, as before.
    fs::write(&path, "id,text\nu1,\"two\nlines\"\nu2,Tibet\n").unwrap();
    let (records, _) = run(vec![Input::path(dir.path())], &CorpusOptions::new());
    assert_eq!(
        table(&records),
        vec![
            ("u1".to_string(), Some(2), "classified", None),
            ("u2".to_string(), Some(4), "classified", None),
        ]
    );
}

#[test]
fn strict_csv_fails_the_whole_file_on_an_open_quote() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rows.csv");
    fs::write(&path, OPEN_QUOTE).unwrap();
    let mut o = CorpusOptions::new();
    o.strict_csv(true);
    let (records, _) = run(vec![Input::path(&path)], &o);
    assert_eq!(records.len(), 1);
    let reason = records[0].outcome.reason().unwrap();
    assert_eq!(reason.kind, ReasonKind::BadCsv);
    assert!(reason.message.contains("line 3"), "{}", reason.message);

    // The CLI flag.
    let out = assert_cmd::Command::cargo_bin("rightslens")
        .unwrap()
        .args(["classify", "--quiet", "--format", "jsonl", "--strict-csv"])
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("\"reason\":\"bad_csv\""), "{stdout}");
}

#[test]
fn label_files_in_a_documents_folder_are_skipped_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("001.txt"),
        "The Secretary raised the repression in Tibet.",
    )
    .unwrap();
    fs::write(
        dir.path().join("labels.jsonl"),
        "{\"id\": \"001\", \"topics\": [\"tibet\"]}\n{\"id\": \"002\", \"topics\": []}\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("more.jsonl"),
        "{\"id\": \"j1\", \"text\": \"Hong Kong\"}\n",
    )
    .unwrap();
    let (records, summary) = run(vec![Input::path(dir.path())], &CorpusOptions::new());
    assert_eq!(
        table(&records),
        vec![
            ("001".to_string(), None, "classified", None),
            (
                "labels".to_string(),
                None,
                "skipped",
                Some(ReasonKind::LabelFile)
            ),
            ("j1".to_string(), Some(1), "classified", None),
        ]
    );
    let msg = &records[1].outcome.reason().unwrap().message;
    assert!(
        msg.contains("first 2 records") && msg.contains("\"text\""),
        "{msg}"
    );
    assert_eq!(summary.reasons[&ReasonKind::LabelFile], 1);

    // explain and compare refuse it with the same notice.
    for args in [vec!["explain"], vec!["compare", "-"]] {
        let out = assert_cmd::Command::cargo_bin("rightslens")
            .unwrap()
            .args(&args)
            .arg(dir.path().join("labels.jsonl"))
            .write_stdin("Tibet")
            .output()
            .unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            err.contains("labels.jsonl: skipped: label file, not documents")
                && err.lines().count() == 1,
            "{args:?}: {err}"
        );
    }

    // Named directly, the same file is read record by record (and each lacks a text).
    let (records, _) = run(
        vec![Input::path(dir.path().join("labels.jsonl"))],
        &CorpusOptions::new(),
    );
    assert_eq!(records.len(), 2);
    assert!(records
        .iter()
        .all(|r| r.outcome.reason().unwrap().kind == ReasonKind::MissingText));
}

#[test]
fn dates_in_many_forms_and_unread_dates_are_reported() {
    let lines = r#"{"id": "a", "date": "March 15, 2024", "text": "Tibet"}
{"id": "b", "date": "Fri, 15 Mar 2024 10:00:00 +0000", "text": "Tibet"}
{"id": "c", "date": "15/03/2024", "text": "Tibet"}
{"id": "d", "date": 1710460800, "text": "Tibet"}
{"id": "e", "date": "15 March 2024", "text": "Tibet"}
{"id": "f", "date": "next Tuesday", "text": "Tibet"}
{"id": "g", "date": "04/05/2024", "text": "Tibet"}
{"id": "h", "date": "", "text": "Tibet"}
"#;
    let input = Input::json_lines("feed", std::io::Cursor::new(lines));
    let (records, summary) = run(vec![input], &CorpusOptions::new());
    let dates: Vec<Option<&str>> = records.iter().map(|r| r.date.as_deref()).collect();
    let day = Some("2024-03-15");
    assert_eq!(dates, [day, day, day, day, day, None, None, None]);
    assert_eq!(records[5].date_unread.as_deref(), Some("next Tuesday"));
    assert_eq!(records[6].date_unread.as_deref(), Some("04/05/2024"));
    assert_eq!(records[7].date_unread, None, "a blank date is no date");
    assert_eq!(summary.dates_unread, 2);
    assert_eq!(
        summary.dates_unread_examples,
        ["f: next Tuesday", "g: 04/05/2024"]
    );
    assert!(summary
        .table(3)
        .contains("2 dates not read (e.g. f: next Tuesday"));
    let line = serde_json::to_string(&records[5]).unwrap();
    assert!(line.contains("\"date_unread\":\"next Tuesday\""), "{line}");
}
