//! Corpus runs on a folder holding every kind of bad input: each input is accounted for
//! exactly once, with the right reason, the counts add up, and the output does not depend
//! on the number of threads.

use rightslens::corpus::{scan, CorpusOptions, CsvWriter, Input, Outcome, ReasonKind, Summary};
use rightslens::{Classifier, Record};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

const TIBET: &str = "The Secretary raised the situation in Tibet and the case of the Panchen Lama.";

/// Limit on one document in these tests, so that "too large" needs only a few KiB.
const LIMIT: usize = 4096;

/// What we expect for one input: its status and, unless classified, its reason.
type Expect = (&'static str, Option<ReasonKind>);

fn classified() -> Expect {
    ("classified", None)
}
fn skipped(k: ReasonKind) -> Expect {
    ("skipped", Some(k))
}
fn failed(k: ReasonKind) -> Expect {
    ("failed", Some(k))
}

#[cfg(unix)]
fn symlink(target: &str, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

/// Builds the bad-input folder and returns what each record id should become.
fn bad_folder(dir: &Path, follow: bool) -> BTreeMap<String, Expect> {
    use ReasonKind::*;
    let mut want = BTreeMap::new();
    let w = |name: &str, data: &[u8]| fs::write(dir.join(name), data).unwrap();

    w("ok.txt", TIBET.as_bytes());
    want.insert("ok".into(), classified());
    w(
        "2024-05-17-readout.md",
        b"They discussed Hong Kong's National Security Law.",
    );
    want.insert("2024-05-17-readout".into(), classified());
    let page = format!(
        "<html><head><title>Readout</title><script>Xinjiang</script></head><body><p>{TIBET}</p></body></html>"
    );
    w("page.html", page.as_bytes());
    want.insert("page".into(), classified());
    w("latin1.txt", b"Caf\xe9 talk about Tibet\xff.");
    want.insert("latin1".into(), classified());
    w("binary.txt", b"Tibet\x00\x01\x02");
    want.insert("binary".into(), skipped(Binary));
    w("empty.txt", b"");
    want.insert("empty".into(), skipped(Empty));
    w("scripts_only.html", b"<script>Tibet</script>");
    want.insert("scripts_only".into(), skipped(Empty));
    w("big.txt", &vec![b'a'; LIMIT + 1]);
    want.insert("big".into(), skipped(TooLarge));
    w("notes.pdf", b"%PDF-1.4");
    want.insert("notes".into(), skipped(UnsupportedType));
    w(".hidden.txt", TIBET.as_bytes()); // not an input: hidden

    // A file we may not read (root may read it anyway: then it is classified).
    w("secret.txt", TIBET.as_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir.join("secret.txt"), fs::Permissions::from_mode(0o000)).unwrap();
    }
    let readable = fs::read(dir.join("secret.txt")).is_ok();
    want.insert(
        "secret".into(),
        if readable {
            classified()
        } else {
            failed(PermissionDenied)
        },
    );

    #[cfg(unix)]
    {
        symlink("does-not-exist.txt", &dir.join("dangling.txt"));
        want.insert("dangling".into(), failed(DanglingSymlink));
        symlink("ok.txt", &dir.join("alias.txt"));
        want.insert(
            "alias".into(),
            if follow {
                classified()
            } else {
                skipped(SymlinkNotFollowed)
            },
        );
        fs::create_dir(dir.join("loop")).unwrap();
        fs::write(dir.join("loop/inside.txt"), TIBET).unwrap();
        want.insert("loop/inside".into(), classified());
        symlink("..", &dir.join("loop/back"));
        want.insert(
            "loop/back".into(),
            if follow {
                failed(SymlinkLoop)
            } else {
                skipped(SymlinkNotFollowed)
            },
        );
        let fifo = std::process::Command::new("mkfifo")
            .arg(dir.join("pipe.txt"))
            .status();
        if fifo.is_ok_and(|s| s.success()) {
            want.insert("pipe".into(), skipped(NotRegularFile));
        }
    }

    // JSON Lines: one input per non-blank line.
    let long = format!("{{\"id\": \"long\", \"text\": \"{}\"}}", "x".repeat(LIMIT));
    let mut jsonl = Vec::new();
    jsonl.extend_from_slice(b"{\"id\": \"j1\", \"date\": \"2024-06-01\", \"title\": \"t\", \"text\": \"Xinjiang forced labour\"}\n");
    jsonl.extend_from_slice(b"{not json}\n");
    jsonl.extend_from_slice(b"\n");
    jsonl.extend_from_slice(b"{\"id\": \"j2\", \"body\": \"no text field\"}\n");
    jsonl.extend_from_slice(long.as_bytes());
    // UTF-8 cut inside its last character: malformed UTF-8, not a legacy encoding
    jsonl.extend_from_slice(b"\n{\"text\": \"Tibet \xe8\xa5\xbf\xe8\x97\x8f\xe5\x92\"}\n");
    jsonl.extend_from_slice(b"[1, 2]\n");
    jsonl.extend_from_slice(b"{\"id\": 7, \"text\": \"\"}\r\n");
    w("news.jsonl", &jsonl);
    want.insert("j1".into(), classified());
    want.insert("news.jsonl:2".into(), failed(BadJson));
    want.insert("j2".into(), failed(MissingText));
    want.insert("news.jsonl:5".into(), skipped(TooLarge));
    want.insert("news.jsonl:6".into(), classified());
    want.insert("news.jsonl:7".into(), failed(BadJson));
    want.insert("7".into(), skipped(Empty));
    w("blank.jsonl", b"\n\n");
    want.insert("blank".into(), skipped(NoRecords));

    // CSV: one input per row after the header.
    w(
        "table.csv",
        b"id,date,text,source\nc1,2024-07-02,Hong Kong protests,x\nc2,2024-07-03,too,many,fields\n,2023,\"multi\nline Taiwan\",y\nc4,,short\n",
    );
    want.insert("c1".into(), classified());
    want.insert("c2".into(), failed(BadCsv));
    want.insert("table.csv:4".into(), classified());
    want.insert("c4".into(), failed(BadCsv));
    w("notext.csv", b"id,body\n1,Tibet\n");
    want.insert("notext".into(), failed(MissingText));
    want
}

fn options(follow: bool) -> CorpusOptions {
    let mut o = CorpusOptions::new();
    o.max_document_bytes(LIMIT)
        .follow_symlinks(follow)
        .batch_documents(3);
    o
}

fn run(clf: &Classifier, inputs: Vec<Input>, o: &CorpusOptions) -> (Vec<Record>, Summary) {
    let mut records = Vec::new();
    let summary = scan(clf, inputs, o, |r| {
        records.push(r);
        Ok(())
    })
    .unwrap();
    (records, summary)
}

fn check_accounting(follow: bool) {
    let dir = tempfile::tempdir().unwrap();
    let want = bad_folder(dir.path(), follow);
    let clf = Classifier::new().unwrap();
    let (records, summary) = run(&clf, vec![Input::path(dir.path())], &options(follow));

    let mut got = BTreeMap::new();
    for r in &records {
        let expect = (r.outcome.status(), r.outcome.reason().map(|x| x.kind));
        assert!(
            got.insert(r.id.clone(), expect).is_none(),
            "{} appears twice",
            r.id
        );
        if let Some(reason) = r.outcome.reason() {
            assert!(
                !reason.message.is_empty(),
                "{}: reason without message",
                r.id
            );
            assert_eq!(reason.kind.is_failure(), r.outcome.status() == "failed");
        }
    }
    assert_eq!(got, want, "follow_symlinks = {follow}");

    // The counts add up.
    assert_eq!(summary.inputs, records.len());
    assert_eq!(
        summary.inputs,
        summary.classified + summary.skipped + summary.failed
    );
    assert_eq!(
        summary.reasons.values().sum::<usize>(),
        summary.skipped + summary.failed
    );
    let count = |s: &str| want.values().filter(|e| e.0 == s).count();
    assert_eq!(summary.classified, count("classified"));
    assert_eq!(summary.failed, count("failed"));
    assert_eq!(
        summary.utf8_lossy, 1,
        "news.jsonl:6 (latin1.txt is read as Windows-1252)"
    );

    // Details carried through.
    let by_id = |id: &str| records.iter().find(|r| r.id == id).unwrap();
    let j1 = by_id("j1");
    assert_eq!((j1.line, j1.date.as_deref()), (Some(1), Some("2024-06-01")));
    assert_eq!(j1.fields["title"], "t");
    assert!(!j1.fields.contains_key("text"));
    assert!(j1.outcome.report().unwrap().topics["xinjiang"].present);
    let c1 = by_id("c1");
    assert_eq!((c1.line, c1.date.as_deref()), (Some(2), Some("2024-07-02")));
    assert_eq!(c1.fields["source"], "x");
    assert_eq!(by_id("table.csv:4").date.as_deref(), Some("2023"));
    assert_eq!(
        by_id("2024-05-17-readout").date.as_deref(),
        Some("2024-05-17")
    );
    let latin1 = by_id("latin1");
    assert!(!latin1.utf8_lossy);
    assert_eq!(latin1.encoding.as_deref(), Some("windows-1252"));
    let page = by_id("page").outcome.report().unwrap();
    assert!(page.topics["tibet"].present && page.topics["xinjiang"].hits == 0);
    // Offsets refer to the extracted text: the title paragraph, then the body.
    let hit = page.hits.iter().find(|h| h.text == "Tibet").unwrap();
    assert_eq!(
        hit.start,
        "Readout\n\n".len() + TIBET.find("Tibet").unwrap()
    );
    assert_eq!(summary.periods["2024-06"].present["xinjiang"], 1);
}

#[test]
fn every_bad_input_is_accounted_for() {
    check_accounting(false);
}

#[test]
fn every_bad_input_is_accounted_for_when_following_symlinks() {
    check_accounting(true);
}

#[test]
fn strict_utf8_skips_instead_of_replacing() {
    let dir = tempfile::tempdir().unwrap();
    // UTF-8 cut in the middle of its last character: not Windows-1252, UTF-8 with one
    // malformed sequence.
    let mut cut = "Tibet 西藏和新疆".as_bytes().to_vec();
    cut.pop();
    fs::write(dir.path().join("a.txt"), &cut).unwrap();
    let mut line = b"{\"text\": \"Tibet ".to_vec();
    line.extend_from_slice(&cut);
    line.extend_from_slice(b"\"}\n");
    fs::write(dir.path().join("b.jsonl"), line).unwrap();
    let mut row = b"text\nTibet ".to_vec();
    row.extend_from_slice(&cut);
    row.push(b'\n');
    fs::write(dir.path().join("c.csv"), row).unwrap();
    let clf = Classifier::new().unwrap();
    let mut o = CorpusOptions::new();
    o.strict_utf8(true);
    let (records, summary) = run(&clf, vec![Input::path(dir.path())], &o);
    assert_eq!(records.len(), 3);
    assert_eq!(summary.reasons[&ReasonKind::InvalidUtf8], 3);
}

fn jsonl(records: &[Record]) -> String {
    records
        .iter()
        .map(|r| serde_json::to_string(r).unwrap() + "\n")
        .collect()
}

fn csv(records: &[Record]) -> String {
    let mut w = CsvWriter::new(Vec::new()).unwrap();
    for r in records {
        w.write(r).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

#[test]
fn same_output_with_one_or_two_threads() {
    let dir = tempfile::tempdir().unwrap();
    bad_folder(dir.path(), true);
    // Some more real-looking documents so that batches hold several.
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let clf = Classifier::new().unwrap();
    let mut outputs = Vec::new();
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let (records, summary) = pool.install(|| {
            let inputs = vec![Input::path(dir.path()), Input::path(&data)];
            run(&clf, inputs, &options(true))
        });
        outputs.push((
            jsonl(&records),
            csv(&records),
            serde_json::to_string(&summary).unwrap(),
        ));
    }
    assert_eq!(outputs[0].0, outputs[1].0, "JSON Lines differ");
    assert_eq!(outputs[0].1, outputs[1].1, "CSV differs");
    assert_eq!(outputs[0].2, outputs[1].2, "summaries differ");
}

#[test]
fn every_json_lines_output_line_is_one_input() {
    let dir = tempfile::tempdir().unwrap();
    let want = bad_folder(dir.path(), false);
    let clf = Classifier::new().unwrap();
    let (records, _) = run(&clf, vec![Input::path(dir.path())], &options(false));
    let out = jsonl(&records);
    assert_eq!(out.lines().count(), want.len());
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["id"].is_string() && v["path"].is_string(), "{line}");
        if v.get("error").is_some() {
            assert!(
                v["status"] == "skipped" || v["status"] == "failed",
                "{line}"
            );
            assert!(v["reason"].is_string(), "{line}");
        } else {
            // A classified line is a report with a few more fields.
            let report: rightslens::Report = serde_json::from_str(line).unwrap();
            assert_eq!(report.id, v["id"]);
        }
    }
}

#[test]
fn csv_output_is_tidy_long() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), TIBET).unwrap();
    fs::write(dir.path().join("b.txt"), "").unwrap();
    let clf = Classifier::new().unwrap();
    let (records, _) = run(&clf, vec![Input::path(dir.path())], &CorpusOptions::new());
    let out = csv(&records);
    let mut rdr = csv::Reader::from_reader(out.as_bytes());
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    // One row per topic of `a`, one row for the skipped `b`.
    assert_eq!(rows.len(), clf.topics().len() + 1);
    let tibet = rows
        .iter()
        .find(|r| &r[0] == "a" && &r[5] == "tibet")
        .unwrap();
    assert_eq!(&tibet[7], "true");
    let b = rows.iter().find(|r| &r[0] == "b").unwrap();
    assert_eq!((&b[4], &b[5], &b[13]), ("skipped", "", "empty file"));
}

#[test]
fn a_file_deleted_during_the_run_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..60 {
        fs::write(dir.path().join(format!("{i:03}.txt")), TIBET).unwrap();
    }
    let clf = Classifier::new().unwrap();
    let mut o = CorpusOptions::new();
    o.batch_documents(1);
    let victim = dir.path().join("050.txt");
    let mut records = Vec::new();
    scan(&clf, vec![Input::path(dir.path())], &o, |r| {
        // The reader is at most a few batches ahead: 050 has not been opened yet.
        let _ = fs::remove_file(&victim);
        records.push(r);
        Ok(())
    })
    .unwrap();
    assert_eq!(records.len(), 60);
    let r = &records[50];
    assert_eq!(r.id, "050");
    assert_eq!(
        r.outcome.reason().map(|r| r.kind),
        Some(ReasonKind::NotFound)
    );
}

#[test]
fn a_failing_sink_stops_the_run_with_an_error() {
    let clf = Classifier::new().unwrap();
    let lines = "{\"text\": \"Tibet\"}\n".repeat(100);
    let input = Input::json_lines("mem", std::io::Cursor::new(lines));
    let mut o = CorpusOptions::new();
    o.batch_documents(2);
    let mut seen = 0;
    let err = scan(&clf, vec![input], &o, |_| {
        seen += 1;
        if seen == 3 {
            Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe))
        } else {
            Ok(())
        }
    })
    .unwrap_err();
    assert_eq!(seen, 3);
    assert!(matches!(err.kind(), rightslens::ErrorKind::Io(_)));
    let source = std::error::Error::source(&err).unwrap();
    let io = source.downcast_ref::<std::io::Error>().unwrap();
    assert_eq!(io.kind(), std::io::ErrorKind::BrokenPipe);
}

#[test]
fn a_stream_of_json_lines_and_missing_paths() {
    let clf = Classifier::new().unwrap();
    let stream = Input::json_lines(
        "<stdin>",
        std::io::Cursor::new("{\"text\": \"Taiwan Strait\"}\n{\"oops\": 1}\n"),
    );
    let missing = Input::path("/no/such/folder/anywhere");
    let (records, summary) = run(&clf, vec![stream, missing], &CorpusOptions::new());
    let ids: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["<stdin>:1", "<stdin>:2", "/no/such/folder/anywhere"]);
    assert!(matches!(records[0].outcome, Outcome::Classified(_)));
    assert_eq!(
        summary.reasons.keys().copied().collect::<Vec<_>>(),
        [ReasonKind::NotFound, ReasonKind::MissingText]
    );
}

#[test]
fn a_huge_line_is_skipped_without_being_held() {
    // 64 MiB on one line, limit 1 MiB: skipped, and the next line is still read.
    struct Huge {
        left: usize,
        tail: &'static [u8],
    }
    impl std::io::Read for Huge {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.left > 0 {
                let n = buf.len().min(self.left);
                buf[..n].fill(b'x');
                self.left -= n;
                return Ok(n);
            }
            let n = buf.len().min(self.tail.len());
            buf[..n].copy_from_slice(&self.tail[..n]);
            self.tail = &self.tail[n..];
            Ok(n)
        }
    }
    let clf = Classifier::new().unwrap();
    let input = Input::json_lines(
        "huge",
        Huge {
            left: 64 << 20,
            tail: b"\n{\"text\": \"Tibet\"}\n",
        },
    );
    let mut o = CorpusOptions::new();
    o.max_document_bytes(1 << 20);
    let (records, _) = run(&clf, vec![input], &o);
    assert_eq!(records.len(), 2);
    assert_eq!(
        records[0].outcome.reason().map(|r| r.kind),
        Some(ReasonKind::TooLarge)
    );
    assert_eq!(records[0].input_bytes, (64 << 20) + 1);
    assert!(records[1].outcome.report().is_some());
}
