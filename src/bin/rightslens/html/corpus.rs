//! The corpus report of `rightslens classify --format html`: charts of the run's
//! [`Summary`], a table of documents linking to their evidence, and the run manifest.
//!
//! Records arrive one by one while the corpus is scanned; only what the page shows is kept
//! (scores of present topics, names, at most [`MAX_EVIDENCE`] hits per document), and the
//! page is written when the summary is known.

use super::{esc, legend, lexicon_manifest, page, svg, Topics};
use rightslens::corpus::{Outcome, Record, Summary};
use rightslens::{Classifier, Role, CONTEXT_TOPIC};
use std::fmt::Write as _;
use std::io::{self, Write};

/// Hits listed as evidence per document (the scores count all of them).
pub const MAX_EVIDENCE: usize = 40;

/// Documents listed in the table; the charts and counts still cover the whole run.
pub const MAX_DOCUMENTS: usize = 5_000;

/// Entries and people listed as most frequent.
const TOP: usize = 20;

/// One hit shown as evidence.
struct Evidence {
    topic: String,
    entry: String,
    text: String,
    sentence: usize,
    /// `Some((issue, reason))` for a mention judged in context.
    sense: Option<(bool, String)>,
}

/// What the page keeps of one record.
struct Row {
    id: String,
    path: String,
    date: Option<String>,
    /// `classified`, `skipped` or `failed`, with the reason of the last two.
    status: &'static str,
    reason: Option<String>,
    /// Present topics: name, score, primary.
    topics: Vec<(String, f64, bool)>,
    prisoners: Vec<String>,
    evidence: Vec<Evidence>,
    more_hits: usize,
}

/// The corpus page being gathered; [`CorpusPage::finish`] writes it to `w`.
pub struct CorpusPage<W: Write> {
    w: W,
    topics: Topics,
    manifest: String,
    inputs: Vec<String>,
    rows: Vec<Row>,
    unlisted: usize,
    /// Entries that are cues (benign senses, blocks...) inside topic files: left out of the
    /// most frequent entries.
    cues: std::collections::HashSet<String>,
}

impl<W: Write> CorpusPage<W> {
    /// A page for a run of `clf` over `inputs` (as given on the command line).
    pub fn new(clf: &Classifier, inputs: &[String], w: W) -> CorpusPage<W> {
        CorpusPage {
            w,
            topics: Topics::of(clf),
            manifest: lexicon_manifest(clf),
            inputs: inputs.to_vec(),
            rows: Vec::new(),
            unlisted: 0,
            cues: clf
                .lexicons()
                .iter()
                .flat_map(|l| &l.entries)
                .filter(|e| e.role != Role::Topic)
                .map(|e| e.id.clone())
                .collect(),
        }
    }

    /// Keeps what the page shows of one record.
    pub fn record(&mut self, r: &Record) -> io::Result<()> {
        if self.rows.len() >= MAX_DOCUMENTS {
            self.unlisted += 1;
            return Ok(());
        }
        let mut row = Row {
            id: r.id.clone(),
            path: r.path.clone(),
            date: r.date.clone(),
            status: r.outcome.status(),
            reason: r.outcome.reason().map(|x| x.to_string()),
            topics: Vec::new(),
            prisoners: Vec::new(),
            evidence: Vec::new(),
            more_hits: 0,
        };
        if let Outcome::Classified(rep) = &r.outcome {
            row.topics = rep
                .present_topics()
                .map(|(t, s)| (t.to_string(), s.score, s.primary))
                .collect();
            row.prisoners = rep.prisoners.iter().map(|p| p.name.to_string()).collect();
            let topical = rep
                .hits
                .iter()
                .filter(|h| h.role == Role::Topic && h.topic != CONTEXT_TOPIC);
            for h in topical {
                if row.evidence.len() == MAX_EVIDENCE {
                    row.more_hits += 1;
                    continue;
                }
                row.evidence.push(Evidence {
                    topic: h.topic.to_string(),
                    entry: h.entry.to_string(),
                    text: h.text.to_string(),
                    sentence: h.sentence,
                    sense: h
                        .sense
                        .as_ref()
                        .map(|s| (s.issue, super::document::reason_name(s.reason))),
                });
            }
        }
        self.rows.push(row);
        Ok(())
    }

    /// Writes the page, now that the summary of the run is known.
    pub fn finish(mut self, s: &Summary) -> io::Result<()> {
        let html = page("rightslens corpus report", &self.body(s));
        self.w.write_all(html.as_bytes())?;
        self.w.flush()
    }

    fn body(&self, s: &Summary) -> String {
        let mut o = String::from("<h1>rightslens corpus report</h1>\n");
        let _ = writeln!(
            o,
            "<p>{} inputs: {} classified, {} skipped, {} failed. {} documents discuss human \
             rights; {} words classified.</p>",
            s.inputs, s.classified, s.skipped, s.failed, s.human_rights, s.words
        );
        o.push_str(&legend(&self.topics, false));
        self.charts(&mut o, s);
        self.frequent(&mut o, s);
        self.documents(&mut o);
        self.evidence(&mut o);
        self.run_manifest(&mut o, s);
        o
    }

    fn charts(&self, o: &mut String, s: &Summary) {
        let names = self.topics.names();
        let rows: Vec<(String, usize, usize)> = names
            .iter()
            .map(|t| {
                let ts = s.topics.get(t);
                (
                    t.clone(),
                    ts.map_or(0, |x| x.present),
                    ts.map_or(0, |x| x.primary),
                )
            })
            .collect();
        o.push_str("<h2 id=\"topics\">Documents per topic</h2>\n<figure>");
        o.push_str(&svg::topic_bars(&self.topics, &rows));
        o.push_str(
            "<figcaption>Present: the topic is raised; primary: it is a main subject.\
             </figcaption></figure>\n",
        );

        let _ = writeln!(o, "<h2 id=\"time\">Coverage per {}</h2>", period_name(s));
        if s.periods.is_empty() {
            o.push_str(
                "<p class=\"muted\">No document carries a date, so there is no time series.</p>\n",
            );
        } else {
            let periods: Vec<String> = s.periods.keys().cloned().collect();
            let totals: Vec<usize> = s.periods.values().map(|p| p.documents).collect();
            let series: Vec<(String, Vec<usize>)> = names
                .iter()
                .map(|t| {
                    let v = s
                        .periods
                        .values()
                        .map(|p| p.present.get(t).copied().unwrap_or(0))
                        .collect();
                    (t.clone(), v)
                })
                .collect();
            o.push_str("<figure>");
            o.push_str(&svg::period_lines(&self.topics, &periods, &series, &totals));
            let _ = writeln!(
                o,
                "<figcaption>Documents where each topic is present, per {}; {} classified \
                 documents carry no usable date.</figcaption></figure>",
                period_name(s),
                s.undated
            );
        }

        o.push_str("<h2 id=\"cooccurrence\">Topics raised together</h2>\n<figure>");
        o.push_str(&svg::cooccurrence(names, |a, b| {
            s.cooccurrence
                .get(a)
                .and_then(|m| m.get(b))
                .copied()
                .unwrap_or(0)
        }));
        o.push_str(
            "<figcaption>Documents where both topics are present; the diagonal counts the \
             documents where the topic is present.</figcaption></figure>\n",
        );
    }

    fn frequent(&self, o: &mut String, s: &Summary) {
        o.push_str(
            "<h2 id=\"entries\">Most frequent entries</h2>\n<div class=\"scroll\"><table>\
             <thead><tr><th>entry</th><th>topic</th><th class=\"n\">documents</th>\
             <th class=\"n\">hits</th></tr></thead><tbody>\n",
        );
        for e in s
            .entries
            .iter()
            .filter(|e| e.topic != CONTEXT_TOPIC && !self.cues.contains(&e.entry))
            .take(TOP)
        {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                esc(&e.entry),
                esc(&e.topic),
                e.documents,
                e.hits
            );
        }
        o.push_str("</tbody></table></div>\n<h2 id=\"prisoners\">Named prisoners</h2>\n");
        if s.prisoners.is_empty() {
            o.push_str("<p class=\"muted\">No named prisoner in this corpus.</p>\n");
            return;
        }
        o.push_str(
            "<div class=\"scroll\"><table><thead><tr><th>name</th><th>entry</th>\
             <th class=\"n\">documents</th><th class=\"n\">mentions</th></tr></thead><tbody>\n",
        );
        for p in s.prisoners.iter().take(TOP) {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                esc(&p.name),
                esc(&p.id),
                p.documents,
                p.mentions
            );
        }
        o.push_str("</tbody></table></div>\n");
    }

    fn documents(&self, o: &mut String) {
        o.push_str(
            "<h2 id=\"documents\">Documents</h2>\n<div class=\"scroll\"><table class=\"docs\">\
             <thead><tr><th>document</th><th>date</th><th>topics present (score; \
             <b>bold</b> = primary)</th><th>named prisoners</th></tr></thead><tbody>\n",
        );
        for (i, r) in self.rows.iter().enumerate() {
            let topics = if r.status != "classified" {
                format!(
                    "<span class=\"muted\">{}: {}</span>",
                    r.status,
                    esc(r.reason.as_deref().unwrap_or(""))
                )
            } else if r.topics.is_empty() {
                "<span class=\"muted\">none</span>".to_string()
            } else {
                r.topics
                    .iter()
                    .map(|(t, score, primary)| {
                        let label = format!(
                            "<span class=\"swatch {}\"></span>{} {score:.2}",
                            self.topics.class(t),
                            esc(t)
                        );
                        if *primary {
                            format!("<b>{label}</b>")
                        } else {
                            label
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("<br>")
            };
            let link = if r.evidence.is_empty() {
                esc(&r.id)
            } else {
                format!("<a href=\"#doc-{i}\">{}</a>", esc(&r.id))
            };
            let _ = writeln!(
                o,
                "<tr><td>{link}</td><td>{}</td><td>{topics}</td><td>{}</td></tr>",
                esc(r.date.as_deref().unwrap_or("")),
                esc(&r.prisoners.join(", "))
            );
        }
        o.push_str("</tbody></table></div>\n");
        if self.unlisted > 0 {
            let _ = writeln!(
                o,
                "<p>{} further inputs are counted above but not listed (the table stops at \
                 {MAX_DOCUMENTS}).</p>",
                self.unlisted
            );
        }
    }

    fn evidence(&self, o: &mut String) {
        o.push_str("<h2 id=\"evidence\">Evidence per document</h2>\n");
        for (i, r) in self.rows.iter().enumerate() {
            if r.evidence.is_empty() {
                continue;
            }
            let _ = writeln!(
                o,
                "<section id=\"doc-{i}\"><h3>{}</h3><p class=\"muted\">{}</p><ul>",
                esc(&r.id),
                esc(&r.path)
            );
            for e in &r.evidence {
                let sense = match &e.sense {
                    Some((true, why)) => format!(" (issue: {})", esc(why)),
                    Some((false, why)) => format!(" <i>(not the issue: {})</i>", esc(why)),
                    None => String::new(),
                };
                let class = match e.sense {
                    Some((false, _)) => "nonissue".to_string(),
                    _ => self.topics.class(&e.topic),
                };
                let _ = writeln!(
                    o,
                    "<li><mark class=\"{class}\">{}<span class=\"lbl\">{}</span></mark> \
                     {} in sentence {}{sense}</li>",
                    esc(&e.text),
                    esc(&e.topic),
                    esc(&e.entry),
                    e.sentence + 1
                );
            }
            o.push_str("</ul>");
            if r.more_hits > 0 {
                let _ = write!(o, "<p class=\"muted\">and {} more hits</p>", r.more_hits);
            }
            o.push_str("<p><a href=\"#documents\">back to the table</a></p></section>\n");
        }
    }

    fn run_manifest(&self, o: &mut String, s: &Summary) {
        o.push_str("<h2 id=\"manifest\">Run manifest</h2>\n<dl class=\"kv\">");
        let inputs: Vec<String> = self.inputs.iter().map(|p| esc(p)).collect();
        let _ = write!(
            o,
            "<dt>inputs given</dt><dd>{}</dd><dt>inputs read</dt><dd>{}</dd>\
             <dt>classified</dt><dd>{}</dd><dt>skipped</dt><dd>{}</dd><dt>failed</dt><dd>{}</dd>\
             <dt>decoded with replacement characters</dt><dd>{}</dd>",
            inputs.join(", "),
            s.inputs,
            s.classified,
            s.skipped,
            s.failed,
            s.utf8_lossy
        );
        for (kind, n) in &s.reasons {
            let _ = write!(
                o,
                "<dt>{}</dt><dd>{n}</dd>",
                esc(&format!("skipped or failed: {}", kind.as_str()))
            );
        }
        o.push_str("</dl>\n<h3>Lexicons and thresholds</h3>\n");
        o.push_str(&self.manifest);
    }
}

/// `day`, `month` or `year`.
fn period_name(s: &Summary) -> String {
    serde_json::to_value(s.period)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| "period".to_string())
}
