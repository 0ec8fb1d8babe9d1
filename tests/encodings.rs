//! Documents in legacy encodings: Chinese text in GBK, GB18030 and Big5, a Windows-1252 page,
//! UTF-16 with a byte order mark, pages that declare their charset and files that do not.
//! The bytes are made with encoding_rs here, so each test holds real encoded text.

use encoding_rs::{Encoding, BIG5, GB18030, GBK, SHIFT_JIS, WINDOWS_1252};
use rightslens::corpus::{document_text, scan, CorpusOptions, Input, Markup, Outcome, Record};
use rightslens::Classifier;
use std::fs;

/// A Chinese sentence on Xinjiang (simplified), and its traditional form.
const SIMPLIFIED: &str =
    "联合国人权高专办的报告指出，新疆维吾尔自治区对维吾尔族人的任意拘押可能构成危害人类罪。";
const TRADITIONAL: &str =
    "聯合國人權高專辦的報告指出，新疆維吾爾自治區對維吾爾族人的任意拘押可能構成危害人類罪。";

fn encode(enc: &'static Encoding, text: &str) -> Vec<u8> {
    let (bytes, used, unmappable) = enc.encode(text);
    assert!(
        !unmappable && used == enc,
        "{} cannot hold the text",
        enc.name()
    );
    bytes.into_owned()
}

fn run(dir: &std::path::Path) -> Vec<Record> {
    let clf = Classifier::new().unwrap();
    let mut records = Vec::new();
    scan(&clf, vec![Input::path(dir)], &CorpusOptions::new(), |r| {
        records.push(r);
        Ok(())
    })
    .unwrap();
    records
}

fn xinjiang_found(r: &Record) -> bool {
    match &r.outcome {
        Outcome::Classified(rep) => rep.topics["xinjiang"].present,
        other => panic!("{}: {other:?}", r.id),
    }
}

#[test]
fn chinese_text_files_in_gbk_gb18030_and_big5_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        ("gbk.txt", encode(GBK, SIMPLIFIED), "GBK"),
        ("gb18030.txt", encode(GB18030, SIMPLIFIED), "GBK"),
        ("big5.txt", encode(BIG5, TRADITIONAL), "Big5"),
        ("utf8.txt", TRADITIONAL.as_bytes().to_vec(), "UTF-8"),
    ];
    for (name, bytes, _) in &files {
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    let records = run(dir.path());
    assert_eq!(records.len(), files.len());
    for (name, _, encoding) in &files {
        let id = name.trim_end_matches(".txt");
        let r = records.iter().find(|r| r.id == id).unwrap();
        assert!(xinjiang_found(r), "{id}");
        assert!(!r.utf8_lossy, "{id}");
        // GB18030 text made only of GBK characters is GBK; the guess names the smaller set.
        let want = (*encoding != "UTF-8").then(|| encoding.to_string());
        assert_eq!(r.encoding, want, "{id}");
        let line = serde_json::to_string(r).unwrap();
        match &want {
            Some(e) => assert!(line.contains(&format!("\"encoding\":\"{e}\"")), "{line}"),
            None => assert!(!line.contains("\"encoding\""), "{line}"),
        }
    }
}

#[test]
fn pages_declaring_their_charset_are_decoded_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let page = |charset: &str, body: &str| {
        format!(
            "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" \
             content=\"text/html; charset={charset}\"><title>报告</title></head>\
             <body><article><p>{body}</p></article></body></html>"
        )
    };
    fs::write(
        dir.path().join("gbk.html"),
        encode(GBK, &page("gbk", SIMPLIFIED)),
    )
    .unwrap();
    let meta = format!(
        "<html><head><meta charset=\"big5\"></head><body><p>{TRADITIONAL}</p></body></html>"
    );
    fs::write(dir.path().join("big5.html"), encode(BIG5, &meta)).unwrap();
    let western = "<html><head><meta charset=\"windows-1252\"><title>Caf\u{e9}</title></head>\
        <body><p>The \u{201c}vocational training\u{201d} camps in Xinjiang hold Uyghurs.</p></body></html>";
    fs::write(
        dir.path().join("western.html"),
        encode(WINDOWS_1252, western),
    )
    .unwrap();
    let records = run(dir.path());
    for (id, enc) in [
        ("gbk", "GBK"),
        ("big5", "Big5"),
        ("western", "windows-1252"),
    ] {
        let r = records.iter().find(|r| r.id == id).unwrap();
        assert!(xinjiang_found(r), "{id}");
        assert_eq!(r.encoding.as_deref(), Some(enc), "{id}");
    }
}

#[test]
fn document_text_reports_the_encoding_and_keeps_utf16_with_a_bom() {
    let t = document_text(
        &encode(SHIFT_JIS, "新疆ウイグル自治区の人権状況"),
        Markup::Plain,
    )
    .unwrap();
    assert_eq!(t.encoding, "Shift_JIS");
    assert!(t.text.starts_with("新疆"));

    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Xinjiang".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let t = document_text(&utf16, Markup::Plain).unwrap();
    assert_eq!((t.text.as_str(), t.encoding), ("Xinjiang", "UTF-16LE"));

    let bom = [b"\xEF\xBB\xBF".as_slice(), "新疆".as_bytes()].concat();
    let t = document_text(&bom, Markup::Plain).unwrap();
    assert_eq!((t.text.as_str(), t.encoding), ("新疆", "UTF-8"));
}

#[test]
fn explain_and_classify_read_a_gbk_page_alike() {
    let dir = tempfile::tempdir().unwrap();
    let page = format!(
        "<html><head><meta charset=\"gb2312\"></head><body><p>{SIMPLIFIED}</p></body></html>"
    );
    let path = dir.path().join("page.html");
    fs::write(&path, encode(GBK, &page)).unwrap();
    let out = assert_cmd::Command::cargo_bin("rightslens")
        .unwrap()
        .args(["explain", "--color", "never"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(shown.contains("新疆维吾尔自治区"), "{shown}");
}

#[test]
fn bytes_no_encoding_reads_are_a_failed_record_not_an_empty_report() {
    let dir = tempfile::tempdir().unwrap();
    // Pseudo-random bytes without a NUL (so not caught as binary): every candidate gives
    // replacement or control characters.
    let mut x = 0x9E37_79B9_u32;
    let noise: Vec<u8> = (0..2048)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x % 255) as u8 + 1
        })
        .collect();
    fs::write(dir.path().join("noise.txt"), &noise).unwrap();
    let records = run(dir.path());
    assert_eq!(records.len(), 1);
    match &records[0].outcome {
        Outcome::Failed(r) => {
            assert_eq!(r.kind, rightslens::corpus::ReasonKind::Undecodable);
            assert!(r.message.contains("encoding tried"), "{}", r.message);
        }
        other => panic!("{other:?}"),
    }
    let out = assert_cmd::Command::cargo_bin("rightslens")
        .unwrap()
        .arg("explain")
        .arg(dir.path().join("noise.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("noise.txt: cannot decode the text"), "{err}");
}

#[test]
fn a_csv_saved_in_gbk_or_big5_is_read_in_that_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let table = |text: &str| format!("id,来源,text\nr1,报告,{text}\nr2,x,Tibet\n");
    fs::write(dir.path().join("gbk.csv"), encode(GBK, &table(SIMPLIFIED))).unwrap();
    fs::write(
        dir.path().join("big5.csv"),
        encode(
            BIG5,
            &table(TRADITIONAL)
                .replace("来源", "來源")
                .replace("报告", "報告"),
        ),
    )
    .unwrap();
    let records = run(dir.path());
    assert_eq!(records.len(), 4);
    for (file, enc, source) in [("big5", "Big5", "報告"), ("gbk", "GBK", "报告")] {
        let r = records
            .iter()
            .find(|r| r.id == "r1" && r.path.ends_with(&format!("{file}.csv")))
            .unwrap();
        assert!(xinjiang_found(r), "{file}");
        assert_eq!(r.encoding.as_deref(), Some(enc));
        assert!(!r.utf8_lossy);
        let key = if file == "gbk" { "来源" } else { "來源" };
        assert_eq!(r.fields[key], source, "header and cells decoded");
    }
}

/// UTF-16 text with a little-endian byte order mark, as Windows tools save it.
fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        out.extend_from_slice(&unit.to_le_bytes());
    }
    out
}

#[test]
fn json_lines_and_csv_saved_as_utf16_or_gbk_are_read_record_by_record() {
    let dir = tempfile::tempdir().unwrap();
    let lines = format!(
        "{{\"id\":\"j1\",\"text\":\"{SIMPLIFIED}\"}}\n{{\"id\":\"j2\",\"text\":\"Hong Kong\"}}\n"
    );
    fs::write(dir.path().join("utf16.jsonl"), utf16le(&lines)).unwrap();
    fs::write(
        dir.path().join("gbk.jsonl"),
        encode(GBK, &lines.replace("j1", "g1").replace("j2", "g2")),
    )
    .unwrap();
    let table = format!("id,text\nc1,{SIMPLIFIED}\nc2,Taiwan\n");
    fs::write(dir.path().join("utf16.csv"), utf16le(&table)).unwrap();
    let records = run(dir.path());
    assert_eq!(records.len(), 6, "{records:?}");
    for (id, enc) in [("j1", "UTF-16LE"), ("g1", "GBK"), ("c1", "UTF-16LE")] {
        let r = records.iter().find(|r| r.id == id).unwrap();
        assert!(xinjiang_found(r), "{id}");
        assert_eq!(r.encoding.as_deref(), Some(enc), "{id}");
        assert!(!r.utf8_lossy, "{id}");
    }
    // an ASCII line of a GBK file is valid UTF-8 and read as such
    let g2 = records.iter().find(|r| r.id == "g2").unwrap();
    assert_eq!(g2.encoding, None);
    let j2 = records.iter().find(|r| r.id == "j2").unwrap();
    match &j2.outcome {
        Outcome::Classified(rep) => assert!(rep.topics["hong_kong"].present),
        other => panic!("{other:?}"),
    }
}

/// A malformed sequence in a UTF-16 file (a lone surrogate, as a cut copy can leave) becomes
/// U+FFFD, and the record that holds it says so; the records around it do not.
#[test]
fn a_malformed_utf16_sequence_is_reported_on_its_record() {
    let dir = tempfile::tempdir().unwrap();
    let units = |s: &str| s.encode_utf16().collect::<Vec<u16>>();
    let mut jsonl: Vec<u16> =
        units("{\"id\":\"ok1\",\"text\":\"Tibet\"}\n{\"id\":\"bad\",\"text\":\"Tibet ");
    jsonl.push(0xD800); // a high surrogate with no low one after it
    jsonl.extend(units("\"}\n{\"id\":\"ok2\",\"text\":\"Tibet\"}\n"));
    let mut csv: Vec<u16> = units("id,text\nc1,Tibet\nc2,Tibet ");
    csv.push(0xDC00); // a lone low surrogate
    csv.extend(units("\nc3,Tibet\n"));
    for (name, data) in [("u.jsonl", jsonl), ("u.csv", csv)] {
        let mut bytes = vec![0xFF, 0xFE];
        for u in data {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    let records = run(dir.path());
    assert_eq!(records.len(), 6, "{records:?}");
    for r in &records {
        let want = r.id == "bad" || r.id == "c2";
        assert_eq!(r.utf8_lossy, want, "{}", r.id);
        assert!(matches!(r.outcome, Outcome::Classified(_)), "{}", r.id);
    }
}
