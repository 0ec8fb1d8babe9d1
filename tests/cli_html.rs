//! End-to-end tests of `--format html` (`classify` and `explain`) without a browser: the page
//! is whole, self-contained and escaped, and holds what the issue asks for. `tests/browser.rs`
//! renders the same pages in Chromium.
#![cfg(feature = "cli")]

mod cli_support;

use cli_support::*;

/// The page must not reach the network nor carry scripts.
fn assert_self_contained(html: &str) {
    assert!(
        html.starts_with("<!DOCTYPE html>"),
        "{}",
        &html[..80.min(html.len())]
    );
    assert!(html.trim_end().ends_with("</html>"));
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "no script element");
    for remote in ["http://", "https://", "src=\"//", "@import"] {
        let hits: Vec<&str> = lower
            .match_indices(remote)
            .map(|(i, _)| &html[i.saturating_sub(30)..(i + 40).min(html.len())])
            .filter(|ctx| !ctx.contains("xmlns=\"http://www.w3.org/2000/svg\""))
            .collect();
        assert!(hits.is_empty(), "{remote}: {hits:?}");
    }
    assert!(html.contains("name=\"viewport\""), "readable on a phone");
    assert!(html.contains("@media print"), "printable");
}

#[test]
fn corpus_report_on_the_samples() {
    let html = stdout_of(rl().args(["classify", "--format", "html", "-q", &sample("")]));
    assert_self_contained(&html);
    assert!(html.contains("<svg class=\"chart bars\""));
    assert!(html.contains("<svg class=\"chart heatmap\""));
    // the samples carry no dates: no line chart, and the page says why
    assert!(!html.contains("<svg class=\"chart lines\""));
    assert!(html.contains("No document carries a date"));
    // present counts in the bar chart agree with the summary
    let json = stdout_of(rl().args(["classify", "--format", "summary", "-q", &sample("")]));
    assert!(json.contains("10 inputs"), "{json}");
    assert!(html.contains("10 inputs: 10 classified, 0 skipped, 0 failed."));
    // documents link to their evidence, which names entries and forms
    assert!(html.contains("<a href=\"#doc-3\">ngo_letter_prisoners</a>"));
    assert!(html.contains("<section id=\"doc-3\">"));
    assert!(html.contains("political_prisoners.person.jimmy-lai"));
    // cue entries of topic files (a benign sense) are not listed as frequent entries
    assert!(html.contains("hong_kong.place.hong-kong"));
    assert!(!html.contains("hong_kong.cue.markets"));
    // the market report's place names are shown as not raising the issue
    let market = html
        .split("<section id=\"doc-1\">")
        .nth(1)
        .expect("market evidence");
    let market = market.split("</section>").next().unwrap();
    assert!(market.contains("not the issue: non_political"), "{market}");
    // the manifest: lexicons, thresholds, hashes, counts
    assert!(html.contains("lexicons/tibet.toml"));
    assert!(html.contains("FNV-1a 64 hash <code>"));
    assert!(html.contains("<dt>inputs read</dt><dd>10</dd>"));
}

#[test]
fn corpus_report_with_dates_skips_and_hostile_text() {
    let dir = TempDir::new();
    let jsonl = dir.write(
        "docs.jsonl",
        concat!(
            r#"{"id": "a<b>", "date": "2024-01-05", "text": "Human rights in Tibet were raised."}"#,
            "\n",
            r#"{"id": "b", "date": "2024-03-09", "text": "<script>alert(1)</script> Forced labour in Xinjiang."}"#,
            "\n",
            "not json\n",
            r#"{"id": "d", "text": ""}"#,
            "\n",
        ),
    );
    let html = stdout_of(
        rl().args(["classify", "--format", "html", "-q"])
            .arg(&jsonl),
    );
    assert_self_contained(&html);
    assert!(html.contains("<svg class=\"chart lines\""));
    assert!(html.contains(">2024-01<") && html.contains(">2024-03<"));
    assert!(html.contains("a&lt;b&gt;"), "ids are escaped");
    assert!(!html.contains("a<b>"));
    // every input is accounted for, with its reason
    assert!(html.contains("4 inputs: 2 classified, 1 skipped, 1 failed."));
    assert!(html.contains("failed: "), "a failed row says so");
    assert!(html.contains("skipped: "), "a skipped row says so");
}

#[test]
fn document_report_highlights_and_escapes() {
    let dir = TempDir::new();
    let doc = dir.write(
        "d.txt",
        "<script>alert('x')</script>\nPolice detained Ilham Tohti in Xinjiang. Reciprocal tariff \
         rates: Syria 41%, Taiwan 20%, Thailand 19%.",
    );
    let html = stdout_of(rl().args(["explain", "--format", "html"]).arg(&doc));
    assert_self_contained(&html);
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains("Xinjiang<span class=\"lbl\">xinjiang</span></mark>"));
    assert!(html.contains("Ilham Tohti<span class=\"lbl\">political_prisoners</span></mark>"));
    // Taiwan in a tariff list: marked as not raising the issue, with the rule
    assert!(html.contains("<mark class=\"nonissue\""));
    assert!(html.contains("taiwan · not issue: enumeration"));
    assert!(html.contains("<td>Taiwan</td><td>taiwan</td>"));
    // the legend and the breakdown per topic
    assert!(html.contains("<p class=\"legend\">"));
    assert!(html.contains("<section id=\"topic-xinjiang\"><h3>xinjiang: "));
    assert!(html.contains("score "), "the score formula");
    // --color always does not leak ANSI escapes into the page
    let coloured = stdout_of(
        rl().args(["explain", "--format", "html", "--color", "always"])
            .arg(&doc),
    );
    assert!(!coloured.contains('\u{1b}'));
}
