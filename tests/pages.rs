//! Web pages are read as a reader reads them: the title and the article, never the menus,
//! sidebars, footers, forms, scripts or styles around it. The fixtures are in
//! `tests/data/pages/` (see its README); `classify`, `explain` and `compare` read them alike.

use rightslens::corpus::{scan, CorpusOptions, Input, Record};
use rightslens::Classifier;
use std::collections::BTreeSet;
use std::path::PathBuf;

fn pages() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/pages"))
}

/// Each page, the topics its article raises, and words of its furniture that must not be in
/// the classified text.
const CASES: &[(&str, &[&str], &[&str])] = &[
    (
        "news-article",
        &["political_prisoners", "xinjiang"],
        &[
            "Trending",
            "Jimmy Lai",
            "Taiwan",
            "Hong Kong",
            "Tibet",
            "Search",
            "Share on",
            "Privacy",
            "dataLayer",
            "NewsArticle",
            "color:",
            "Home",
        ],
    ),
    (
        "ngo-statement",
        &["political_prisoners", "tibet"],
        &[
            "Hong Kong",
            "Xinjiang",
            "Taiwan",
            "cookies",
            "Donate",
            "Related",
            "Newsletter",
            "Press contacts",
        ],
    ),
    (
        "old-layout",
        &["hong_kong"],
        &[
            "Taiwan",
            "Tibet",
            "Xinjiang",
            "Archive",
            "Most read",
            "Advertisement",
        ],
    ),
];

fn classify_pages() -> Vec<Record> {
    let clf = Classifier::new().unwrap();
    let mut o = CorpusOptions::new();
    o.emit_text(true);
    let mut records = Vec::new();
    scan(&clf, vec![Input::path(pages())], &o, |r| {
        records.push(r);
        Ok(())
    })
    .unwrap();
    records
}

fn present(r: &rightslens::Report) -> BTreeSet<String> {
    r.topics
        .iter()
        .filter(|(_, t)| t.present)
        .map(|(k, _)| k.clone())
        .collect()
}

#[test]
fn pages_flag_only_what_their_article_raises() {
    let records = classify_pages();
    for (id, topics, furniture) in CASES {
        let r = records.iter().find(|r| r.id == *id).unwrap();
        let report = r.outcome.report().unwrap();
        let want: BTreeSet<String> = topics.iter().map(|t| t.to_string()).collect();
        assert_eq!(present(report), want, "{id}");
        let text = r.text.as_deref().unwrap();
        for word in *furniture {
            assert!(!text.contains(word), "{id}: {word:?} in {text:?}");
        }
        // Offsets refer to the emitted text.
        for hit in &report.hits {
            assert_eq!(&text[hit.start..hit.end], hit.text.as_str(), "{id}");
        }
        assert_eq!(report.bytes, text.len(), "{id}");
    }
}

#[test]
fn the_title_and_the_article_headline_are_kept() {
    let records = classify_pages();
    let news = records.iter().find(|r| r.id == "news-article").unwrap();
    let text = news.text.as_deref().unwrap();
    assert!(text.starts_with(
        "Uyghur economist Ilham Tohti marks ten years in prison | World Ledger\n\nUyghur economist"
    ));
    assert!(
        text.contains("By a staff correspondent"),
        "the article's own header stays"
    );
}

fn rl() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("rightslens").unwrap()
}

/// Topics `explain` shows as present (its verdict table).
fn explain_present(page: &PathBuf) -> BTreeSet<String> {
    let out = rl()
        .args(["explain", "--color", "never"])
        .arg(page)
        .output()
        .unwrap();
    assert!(out.status.success());
    let shown = String::from_utf8(out.stdout).unwrap();
    let verdict = shown.split("== Verdict ==").nth(1).unwrap();
    verdict
        .lines()
        .skip(2)
        .map_while(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            (cols.len() == 6).then(|| (cols[0].to_string(), cols[2] == "yes"))
        })
        .filter(|(_, yes)| *yes)
        .map(|(t, _)| t)
        .collect()
}

#[test]
fn explain_and_compare_agree_with_classify_on_pages() {
    for (id, topics, _) in CASES {
        let page = pages().join(format!("{id}.html"));
        let out = rl()
            .args(["classify", "--quiet", "--format", "jsonl"])
            .arg(&page)
            .output()
            .unwrap();
        let report: rightslens::Report = serde_json::from_slice(&out.stdout).unwrap();
        let want: BTreeSet<String> = topics.iter().map(|t| t.to_string()).collect();
        assert_eq!(present(&report), want, "classify {id}");
        assert_eq!(explain_present(&page), want, "explain {id}");
    }
    let out = rl()
        .args(["compare", "--format", "json"])
        .arg(pages().join("news-article.html"))
        .arg(pages().join("old-layout.html"))
        .output()
        .unwrap();
    let c: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let a: Vec<&str> = c["only_in_a"]["topics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t.as_str())
        .collect();
    let b: Vec<&str> = c["only_in_b"]["topics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t.as_str())
        .collect();
    assert_eq!(a, ["xinjiang", "political_prisoners"], "{c}");
    assert_eq!(b, ["hong_kong"], "{c}");
}

#[test]
fn emit_text_puts_the_extracted_text_in_the_json_line() {
    let page = pages().join("ngo-statement.html");
    let out = rl()
        .args(["classify", "--quiet", "--format", "jsonl", "--emit-text"])
        .arg(&page)
        .output()
        .unwrap();
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = line["text"].as_str().unwrap();
    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(text, rightslens::corpus::html_main_text(&html));
    let hit = &line["hits"][0];
    let (s, e) = (
        hit["start"].as_u64().unwrap() as usize,
        hit["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], hit["text"].as_str().unwrap());
}
