//! The document report of `rightslens explain --format html`: the text with every hit
//! marked in its topic's colour and labelled, mentions judged not to raise the issue marked
//! as such with the rule that decided, and per topic how the score was reached (the same
//! breakdown `explain` prints, passed in as text).

use super::{esc, legend, lexicon_manifest, page, Topics};
use rightslens::{Classifier, Hit, Report, Role, SenseReason, CONTEXT_TOPIC};
use std::fmt::Write as _;

/// Output formats of `rightslens explain`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExplainFormat {
    /// Text for a terminal or a pager.
    Text,
    /// One self-contained HTML page.
    Html,
}

/// The serde spelling of a sense reason (`enumeration`, `rights_cue`...).
pub fn reason_name(r: SenseReason) -> String {
    serde_json::to_value(r)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| format!("{r:?}"))
}

/// The serde spelling of a role (`rights`, `benign`...).
fn role_name(r: Role) -> String {
    serde_json::to_value(r)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| format!("{r:?}").to_lowercase())
}

/// How one mark looks: its CSS class and its visible label.
fn mark_of(h: &Hit, topics: &Topics) -> (String, String) {
    let topical = h.role == Role::Topic && h.topic != CONTEXT_TOPIC;
    match (&h.sense, topical) {
        (Some(s), true) if !s.issue => (
            "nonissue".to_string(),
            format!("{} · not issue: {}", h.topic, reason_name(s.reason)),
        ),
        (_, true) => (topics.class(&h.topic), h.topic.to_string()),
        (_, false) => ("cue".to_string(), role_name(h.role)),
    }
}

/// `text` escaped, with the hits marked. Overlapping hits make one mark, labelled with every
/// label they carry; topic hits decide its look before cues do.
pub fn highlight(text: &str, hits: &[Hit], topics: &Topics) -> String {
    let mut spans: Vec<(usize, usize, bool, String, String)> = hits
        .iter()
        .filter(|h| h.start < h.end && h.end <= text.len())
        .filter(|h| text.is_char_boundary(h.start) && text.is_char_boundary(h.end))
        .map(|h| {
            let (class, label) = mark_of(h, topics);
            let topical = h.role == Role::Topic && h.topic != CONTEXT_TOPIC;
            (h.start, h.end, topical, class, label)
        })
        .collect();
    spans.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out = String::with_capacity(text.len() + spans.len() * 64);
    let (mut pos, mut i) = (0, 0);
    while i < spans.len() {
        let (start, mut end) = (spans[i].0, spans[i].1);
        let mut group: Vec<&(usize, usize, bool, String, String)> = Vec::new();
        while i < spans.len() && spans[i].0 < end {
            end = end.max(spans[i].1);
            group.push(&spans[i]);
            i += 1;
        }
        if start < pos {
            continue; // inside the previous mark (cannot happen with sorted spans)
        }
        group.sort_by_key(|g| !g.2);
        let class = &group[0].3;
        let mut labels: Vec<&str> = Vec::new();
        for g in &group {
            if !labels.contains(&g.4.as_str()) {
                labels.push(&g.4);
            }
        }
        out.push_str(&esc(&text[pos..start]));
        let _ = write!(
            out,
            "<mark class=\"{class}\" title=\"{}\">{}<span class=\"lbl\">{}</span></mark>",
            esc(&labels.join(", ")),
            esc(&text[start..end]),
            esc(&labels.join(", "))
        );
        pos = end;
    }
    out.push_str(&esc(&text[pos..]));
    out
}

fn yes(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// The whole document page. `breakdown` is `explain`'s plain-text account of the scores
/// (without the document text), shown per topic.
pub fn page_for(clf: &Classifier, r: &Report, text: &str, breakdown: &str) -> String {
    let topics = Topics::of(clf);
    let mut o = format!(
        "<h1>rightslens: {}</h1>\n<p>{} words, {} sentences, {} hits. Human rights: {}.</p>\n",
        esc(&r.id),
        r.words,
        r.sentences,
        r.hits.len() + r.hits_dropped,
        yes(r.human_rights)
    );
    o.push_str(
        "<h2 id=\"verdict\">Verdict</h2>\n<div class=\"scroll\"><table><thead><tr><th>topic</th>\
         <th class=\"n\">score</th><th>present</th><th>primary</th><th class=\"n\">evidence</th>\
         <th class=\"n\">hits</th></tr></thead><tbody>\n",
    );
    let secs = sections(breakdown);
    for t in topics.names() {
        let Some(s) = r.topics.get(t) else { continue };
        // a link where the breakdown has a section for the topic
        let name = if secs
            .iter()
            .any(|(title, _)| title.starts_with(&format!("{t}:")))
        {
            format!("<a href=\"#topic-{}\">{}</a>", esc(t), esc(t))
        } else {
            esc(t)
        };
        let _ = writeln!(
            o,
            "<tr><td><span class=\"swatch {}\"></span>{name}</td>\
             <td class=\"n\">{:.2}</td><td>{}</td><td>{}</td><td class=\"n\">{:.2}</td>\
             <td class=\"n\">{}</td></tr>",
            topics.class(t),
            s.score,
            yes(s.present),
            yes(s.primary),
            s.evidence,
            s.hits
        );
    }
    o.push_str("</tbody></table></div>\n<h2 id=\"text\">Text</h2>\n");
    o.push_str(&legend(&topics, true));
    let _ = writeln!(
        o,
        "<div class=\"doc\">{}</div>",
        highlight(text, &r.hits, &topics)
    );
    if r.hits_dropped > 0 {
        let _ = writeln!(
            o,
            "<p>{} further hits count in the scores but are not marked.</p>",
            r.hits_dropped
        );
    }
    non_issue(&mut o, r);
    o.push_str("<h2 id=\"scores\">How each score was reached</h2>\n");
    for (title, body) in secs {
        if body.trim().is_empty() {
            continue;
        }
        let anchor = topics
            .names()
            .iter()
            .find(|t| title.starts_with(&format!("{t}:")))
            .map(|t| format!(" id=\"topic-{}\"", esc(t)))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "<section{anchor}><h3>{}</h3><pre>{}</pre></section>",
            esc(&title),
            esc(body.trim_end())
        );
    }
    o.push_str("<h2 id=\"manifest\">Lexicons and thresholds</h2>\n");
    o.push_str(&lexicon_manifest(clf));
    page(&format!("rightslens: {}", r.id), &o)
}

/// The mentions judged not to raise their topic's issue, with the rule and cue.
fn non_issue(o: &mut String, r: &Report) {
    let judged: Vec<&Hit> = r
        .hits
        .iter()
        .filter(|h| h.sense.as_ref().is_some_and(|s| !s.issue))
        .collect();
    o.push_str("<h2 id=\"non-issue\">Mentions that do not raise the issue</h2>\n");
    if judged.is_empty() {
        o.push_str("<p class=\"muted\">None: every place mention counted.</p>\n");
        return;
    }
    o.push_str(
        "<div class=\"scroll\"><table><thead><tr><th>mention</th><th>topic</th>\
         <th class=\"n\">sentence</th><th>why not the issue</th><th>cue</th></tr></thead><tbody>\n",
    );
    for h in judged {
        let Some(s) = &h.sense else { continue };
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>",
            esc(&h.text),
            esc(&h.topic),
            h.sentence + 1,
            esc(&reason_name(s.reason)),
            esc(s.cue.as_deref().unwrap_or(""))
        );
    }
    o.push_str("</tbody></table></div>\n");
}

/// The breakdown cut at its `== title ==` lines: `(title, body)` pairs.
fn sections(breakdown: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in breakdown.lines() {
        let t = line.trim();
        if let Some(title) = t.strip_prefix("== ").and_then(|x| x.strip_suffix(" ==")) {
            out.push((title.to_string(), String::new()));
        } else if let Some((_, body)) = out.last_mut() {
            body.push_str(line);
            body.push('\n');
        } else if !t.is_empty() {
            out.push(("Overview".to_string(), format!("{line}\n")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_hits_and_escapes_the_rest() {
        let clf = Classifier::new().unwrap();
        let text = "<script>alert(1)</script> Police detained Uyghurs in Xinjiang & Tibet.";
        let r = clf.classify(text);
        let html = highlight(text, &r.hits, &Topics::of(&clf));
        assert!(
            html.starts_with("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(
            html.contains("Xinjiang<span class=\"lbl\">xinjiang</span></mark>"),
            "{html}"
        );
        assert!(html.contains(" &amp; "), "{html}");
    }

    #[test]
    fn non_issue_mentions_say_why() {
        let clf = Classifier::new().unwrap();
        let text = "Reciprocal tariff rates: Syria 41%, Taiwan 20%, Thailand 19%.";
        let r = clf.classify(text);
        let html = highlight(text, &r.hits, &Topics::of(&clf));
        assert!(
            html.contains("class=\"nonissue\"") && html.contains("not issue: enumeration"),
            "{html}"
        );
    }

    #[test]
    fn breakdown_is_cut_at_titles() {
        let s = sections("== a: 3 words ==\nx\n\n== Verdict ==\ny\nz\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[1], ("Verdict".to_string(), "y\nz\n".to_string()));
    }
}
