//! `rightslens explain FILE`: the document with its hits highlighted, then how each topic's
//! score and decisions were reached.

use crate::common::{self, LexiconArgs};
use rightslens::{Classifier, Entry, Hit, Report, Role};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::io::IsTerminal;
use std::ops::Range;
use std::process::ExitCode;

mod markup;

use markup::{highlight, hit_label, one_line, role_name, Style};

const AFTER_HELP: &str = "\
Examples:
  rightslens explain examples/data/readout_tibet.txt
  rightslens explain --color never statement.txt | less
  cat statement.txt | rightslens explain -
  rightslens explain statement.txt --format html > statement.html

Hits are shown in colour by topic on a terminal, and as [[text|topic]] markers otherwise
(or under --color never). Context cues are marked [[text|rights]] or [[text|benign]].";

/// When to colour the output.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ColorChoice {
    /// Colour when standard output is a terminal and NO_COLOR is not set.
    #[default]
    Auto,
    /// Always colour (ANSI escapes).
    Always,
    /// Never colour: plain [[text|topic]] markers.
    Never,
}

impl ColorChoice {
    /// Whether to emit ANSI escapes.
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        }
    }
}

/// Options of `rightslens explain`.
#[derive(clap::Args, Debug)]
#[command(after_help = AFTER_HELP)]
pub struct ExplainArgs {
    /// The document to explain (a text file, or - for standard input).
    #[arg(value_name = "FILE")]
    pub file: String,
    /// Colour the hits: auto (on a terminal), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Print only the breakdown, not the highlighted document.
    #[arg(long)]
    pub no_text: bool,
    /// List at most N sentences per topic (0: all of them).
    #[arg(long, value_name = "N", default_value_t = 25)]
    pub sentences: usize,
    /// Output: text, or one self-contained HTML page (--color and --no-text then do not apply).
    #[arg(long, value_enum, default_value_t = crate::html::document::ExplainFormat::Text)]
    pub format: crate::html::document::ExplainFormat,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
}

/// Runs `rightslens explain`.
pub fn run(a: &ExplainArgs) -> Result<ExitCode, String> {
    let text = common::read_document(&a.file)?;
    let clf = common::build_classifier(&a.lexicon)?;
    let name = if a.file == "-" { "<stdin>" } else { &a.file };
    let report = clf.classify_with_id(name, &text);
    let html = a.format == crate::html::document::ExplainFormat::Html;
    let style = Style::new(a.color.enabled() && !html, clf.topics());
    let show = Show {
        text: !a.no_text && !html,
        max_sentences: a.sentences,
    };
    let mut out = render(&clf, &report, &text, &style, &show);
    if html {
        out = crate::html::document::page_for(&clf, &report, &text, &out);
    }
    common::out(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Colours by topic, or plain markers.
/// The topics of a report in the classifier's order (lexicon order), then any others.
fn in_order<'r>(clf: &Classifier, r: &'r Report) -> Vec<(&'r str, &'r rightslens::TopicScore)> {
    let mut v: Vec<(&str, &rightslens::TopicScore)> = clf
        .topics()
        .iter()
        .filter_map(|t| r.topics.get_key_value(t))
        .map(|(t, s)| (t.as_str(), s))
        .collect();
    for (t, s) in &r.topics {
        if !clf.topics().contains(t) {
            v.push((t, s));
        }
    }
    v
}

/// `n thing` or `n things`.
fn plural(n: usize, thing: &str) -> String {
    match (n, thing.strip_suffix('y')) {
        (1, _) => format!("1 {thing}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        _ => format!("{n} {thing}s"),
    }
}

/// A number without trailing zeros (`1.5`, `0.25`, `1`).
fn num(x: f64) -> String {
    let s = format!("{x:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn yes(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// What to print besides the breakdown.
struct Show {
    /// The highlighted document.
    text: bool,
    /// At most this many sentences per topic (0: all).
    max_sentences: usize,
}

fn render(clf: &Classifier, r: &Report, text: &str, style: &Style, show: &Show) -> String {
    let max_sentences = show.max_sentences;
    let mut o = String::new();
    let entries: HashMap<&str, &Entry> = clf
        .lexicons()
        .iter()
        .flat_map(|l| l.entries.iter())
        .map(|e| (e.id.as_str(), e))
        .collect();
    let all_hits: Vec<&Hit> = r.hits.iter().collect();
    let _ = writeln!(
        o,
        "{}",
        style.bold(&format!(
            "== {}: {} words, {} sentences, {} hits ==",
            r.id,
            r.words,
            r.sentences,
            r.hits.len() + r.hits_dropped
        ))
    );
    if show.text {
        let mut legend: Vec<String> = clf.topics().iter().map(|t| style.label(t)).collect();
        let mut roles = vec!["rights".to_string(), "benign".to_string()];
        for h in &r.hits {
            let l = hit_label(h);
            if !style.topic_colors.contains_key(&l) && !roles.contains(&l) {
                roles.push(l);
            }
        }
        legend.extend(roles.iter().map(|l| style.label(l)));
        let _ = writeln!(o, "legend: {}\n", legend.join("  "));
        o.push_str(&highlight(text, 0..text.len(), &all_hits, style));
        if !text.ends_with('\n') {
            o.push('\n');
        }
    }

    // verdict table
    let _ = writeln!(o, "\n{}", style.bold("== Verdict =="));
    let _ = writeln!(
        o,
        "{:<22} {:>6} {:>8} {:>8} {:>9} {:>5}",
        "topic", "score", "present", "primary", "evidence", "hits"
    );
    for (t, s) in in_order(clf, r) {
        let pad = 22usize.saturating_sub(t.chars().count());
        let _ = writeln!(
            o,
            "{}{} {:>6.2} {:>8} {:>8} {:>9.2} {:>5}",
            style.label(t),
            " ".repeat(pad),
            s.score,
            yes(s.present),
            yes(s.primary),
            s.evidence,
            s.hits
        );
    }
    let _ = writeln!(
        o,
        "human rights: {} (rights cues weigh {:.2}; needs {:.2})",
        yes(r.human_rights),
        r.rights_cues,
        clf.model().human_rights_min
    );
    let framing = match r.framing.dominant() {
        Some(f) => serde_name(serde_json::to_value(f).ok()),
        None => "none".to_string(),
    };
    let _ = writeln!(
        o,
        "framing: {framing} (PRC terms {}, advocacy terms {})",
        r.framing.prc, r.framing.advocacy
    );
    if r.hits_dropped > 0 {
        let _ = writeln!(
            o,
            "note: {} further hits counted in the scores but are not listed",
            r.hits_dropped
        );
    }

    // sentences and their cues
    let sentences: Vec<Range<usize>> = rightslens::segment::sentences(text).collect();
    let sentence_of = |off: usize| -> Option<usize> {
        let k = sentences.partition_point(|s| s.start <= off);
        k.checked_sub(1)
            .filter(|&k| off < sentences[k].end.max(sentences[k].start + 1))
    };
    let mut by_sentence: HashMap<usize, Vec<&Hit>> = HashMap::new();
    for h in &r.hits {
        if let Some(k) = sentence_of(h.start) {
            by_sentence.entry(k).or_default().push(h);
        }
    }
    let mut cues_in: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for h in r.hits.iter().filter(|h| hit_label(h) != h.topic) {
        if let Some(k) = sentence_of(h.start) {
            let role = role_name(h.role);
            let v = cues_in.entry(k).or_default();
            if !v.contains(&role) {
                v.push(role);
            }
        }
    }

    let m = clf.model();
    for (t, s) in in_order(clf, r) {
        // hits that count for this topic: its own, and named people whose region it is
        let hits: Vec<&Hit> = r
            .hits
            .iter()
            .filter(|h| {
                h.role == Role::Topic
                    && (h.topic == t
                        || entries
                            .get(&*h.entry)
                            .is_some_and(|e| e.region.as_deref() == Some(t)))
            })
            .collect();
        if hits.is_empty() && s.evidence == 0.0 {
            continue;
        }
        let verdict = if s.primary {
            "primary"
        } else if s.present {
            "present"
        } else {
            "not present"
        };
        let _ = writeln!(
            o,
            "\n{}",
            style.bold(&format!("== {}: {verdict} ==", style.label(t)))
        );
        let th = clf.thresholds(t).unwrap_or_default();
        let strength = rightslens::score::strength(m, s.evidence);
        let prominence = rightslens::score::prominence(m, s.sentence_share);
        let _ = writeln!(
            o,
            "score {:.2} = {:.2} x strength {:.2} (evidence {:.2}) + {:.2} x prominence {:.2} \
             ({:.0}% of sentences; full at {:.0}%)",
            s.score,
            1.0 - m.prominence_weight,
            strength,
            s.evidence,
            m.prominence_weight,
            prominence,
            s.sentence_share * 100.0,
            m.prominence_share * 100.0
        );
        // a topic that is not a main subject is not primary, whatever its score
        let late = if s.main_subject || !s.present {
            String::new()
        } else if s.sentence_share < m.primary_min_share {
            format!(
                ", but it fills {:.0}% of the sentences (a main subject fills {:.0}%)",
                s.sentence_share * 100.0,
                m.primary_min_share * 100.0
            )
        } else if rightslens::score::one_item_among_several(m, s.own_share) {
            let (own, need) = (s.own_share * 100.0, m.primary_own_share * 100.0);
            format!(", but only {own:.0}% of its sentences raise it alone (a main subject has {need:.0}%: this is one item among several)")
        } else {
            match s.first_sentence {
                Some(f) => format!(
                    ", but first raised in sentence {} of {} (main subjects come in the first \
                     {:.0}% or are the strongest topic)",
                    f + 1,
                    r.sentences,
                    m.primary_within * 100.0
                ),
                None => String::new(),
            }
        };
        let _ = writeln!(
            o,
            "present: evidence {:.2} {} {:.2} -> {}   primary: score {:.2} {} {:.2}{late} -> {}",
            s.evidence,
            if s.evidence >= th.present { ">=" } else { "<" },
            th.present,
            yes(s.present),
            s.score,
            if s.score >= th.primary { ">=" } else { "<" },
            th.primary,
            yes(s.primary)
        );
        let _ = writeln!(
            o,
            "{} from {}, {:.1} per 1000 words; {:.0}% in rights sentences, \
             {:.0}% in benign ones",
            plural(s.hits, "hit"),
            plural(s.entries, "entry"),
            s.per_1000_words,
            s.rights_context * 100.0,
            s.benign_context * 100.0
        );

        // entries hit, with the context factors their hits got (evidence / weight)
        struct EntryHits<'a> {
            id: &'a str,
            n: usize,
            evidence: f64,
            forms: Vec<&'a str>,
            factors: Vec<f64>,
        }
        let mut by_entry: Vec<EntryHits> = Vec::new();
        for h in &hits {
            let weight = entries.get(&*h.entry).map(|e| e.weight);
            let factor = weight.filter(|w| *w > 0.0).map(|w| h.evidence / w);
            let i = match by_entry.iter().position(|e| e.id == h.entry) {
                Some(i) => i,
                None => {
                    by_entry.push(EntryHits {
                        id: &h.entry,
                        n: 0,
                        evidence: 0.0,
                        forms: Vec::new(),
                        factors: Vec::new(),
                    });
                    by_entry.len() - 1
                }
            };
            let e = &mut by_entry[i];
            e.n += 1;
            e.evidence += h.evidence;
            if !e.forms.contains(&h.text.as_str()) {
                e.forms.push(&h.text);
            }
            if let Some(f) = factor {
                if !e.factors.iter().any(|x| (x - f).abs() < 1e-9) {
                    e.factors.push(f);
                }
            }
        }
        by_entry.sort_by(|a, b| b.evidence.total_cmp(&a.evidence).then(a.id.cmp(b.id)));
        if !by_entry.is_empty() {
            let _ = writeln!(
                o,
                "entries hit (evidence = weight x context factor, summed over hits):"
            );
        }
        for eh in &by_entry {
            let e = entries.get(eh.id);
            let weight = e.map_or("?".to_string(), |e| e.weight.to_string());
            let via = match e {
                Some(e)
                    if !eh.id.starts_with(&format!("{t}.")) && e.region.as_deref() == Some(t) =>
                {
                    " (a named person from this region)"
                }
                _ => "",
            };
            let forms: Vec<String> = eh
                .forms
                .iter()
                .map(|f| format!("\"{}\"", one_line(f)))
                .collect();
            let mut factors = eh.factors.clone();
            factors.sort_by(f64::total_cmp);
            let factors: Vec<String> = factors.iter().map(|f| format!("x{}", num(*f))).collect();
            let _ = writeln!(
                o,
                "  {:>3}x {}{via}: {}; weight {weight}, context {}, evidence {:.2}",
                eh.n,
                eh.id,
                forms.join(", "),
                if factors.is_empty() {
                    "?".to_string()
                } else {
                    factors.join(" ")
                },
                eh.evidence
            );
        }

        o.push_str(&senses(&hits));

        // sentences
        let mine: HashSet<*const Hit> = hits.iter().map(|h| *h as *const Hit).collect();
        let mut sent: Vec<usize> = hits.iter().filter_map(|h| sentence_of(h.start)).collect();
        sent.sort_unstable();
        sent.dedup();
        if !sent.is_empty() {
            let _ = writeln!(o, "sentences ({} of {}):", sent.len(), r.sentences);
        }
        let shown = if max_sentences == 0 {
            sent.len()
        } else {
            max_sentences.min(sent.len())
        };
        for &k in &sent[..shown] {
            let in_sentence: Vec<&Hit> = by_sentence
                .get(&k)
                .map(|v| {
                    v.iter()
                        .copied()
                        .filter(|h| mine.contains(&(*h as *const Hit)) || hit_label(h) != h.topic)
                        .collect()
                })
                .unwrap_or_default();
            let cues = cues_in
                .get(&k)
                .map(|c| format!(" [{}]", c.join(", ")))
                .unwrap_or_default();
            let _ = writeln!(
                o,
                "  {:>4}.{cues} {}",
                k + 1,
                one_line(&highlight(text, sentences[k].clone(), &in_sentence, style))
            );
        }
        if shown < sent.len() {
            let _ = writeln!(
                o,
                "  ... {} more (--sentences 0 lists them all)",
                sent.len() - shown
            );
        }
    }
    let silent: Vec<&str> = in_order(clf, r)
        .into_iter()
        .filter(|(t, s)| s.hits == 0 && s.evidence == 0.0 && !r.hits.iter().any(|h| h.topic == *t))
        .map(|(t, _)| t)
        .collect();
    if !silent.is_empty() {
        let _ = writeln!(o, "\nno hits: {}", silent.join(", "));
    }

    // context cues
    let _ = writeln!(o, "\n{}", style.bold("== Context cues =="));
    let mut cues: BTreeMap<String, Vec<(String, usize)>> = BTreeMap::new();
    for h in r.hits.iter().filter(|h| hit_label(h) != h.topic) {
        let list = cues.entry(role_name(h.role)).or_default();
        let form = one_line(&h.text);
        match list.iter_mut().find(|(f, _)| f.eq_ignore_ascii_case(&form)) {
            Some(x) => x.1 += 1,
            None => list.push((form, 1)),
        }
    }
    let mut roles: Vec<String> = vec!["rights".into(), "benign".into()];
    roles.extend(
        cues.keys()
            .filter(|k| !roles.contains(k))
            .cloned()
            .collect::<Vec<_>>(),
    );
    for role in &roles {
        let list = cues.get(role).map(Vec::as_slice).unwrap_or_default();
        let sentences_with = cues_in.values().filter(|v| v.contains(role)).count();
        let items: Vec<String> = list
            .iter()
            .map(|(f, n)| {
                if *n > 1 {
                    format!("\"{f}\" x{n}")
                } else {
                    format!("\"{f}\"")
                }
            })
            .collect();
        let _ = writeln!(
            o,
            "{} ({} sentences): {}",
            style.label(role),
            sentences_with,
            if items.is_empty() {
                "none".to_string()
            } else {
                items.join(", ")
            }
        );
    }
    let _ = writeln!(
        o,
        "(context factor: x{} in a sentence with a rights cue, x{} with only a benign cue; \
         each hit's factor is listed under \"entries hit\")",
        m.rights_factor, m.benign_factor
    );

    // prisoners
    let _ = writeln!(o, "\n{}", style.bold("== Named prisoners =="));
    if r.prisoners.is_empty() {
        let _ = writeln!(o, "none");
    }
    for p in &r.prisoners {
        let mut forms: Vec<String> = Vec::new();
        for mt in &p.mentions {
            let f = format!("\"{}\"", one_line(&mt.text));
            if !forms.contains(&f) {
                forms.push(f);
            }
        }
        let region = p
            .region
            .as_deref()
            .map(|x| format!(" [{x}]"))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "{}{region}: {} mention{} as {} ({})",
            p.name,
            p.mentions.len(),
            if p.mentions.len() == 1 { "" } else { "s" },
            forms.join(", "),
            p.id
        );
        if let (false, Some(c)) = (p.listed, &p.custody) {
            let _ = writeln!(
                o,
                "    in no list: named in a custody context (\"{}\")",
                one_line(&c.text)
            );
        }
    }
    o
}

/// A serde string value, or `?`.
/// The sense decisions of a topic's place and ethnonym mentions: each mention, issue or not,
/// and the rule that decided (see `rightslens::score::judge_sense`).
fn senses(hits: &[&Hit]) -> String {
    let judged: Vec<(&Hit, &rightslens::Judgement)> = hits
        .iter()
        .filter_map(|h| h.sense.as_ref().map(|s| (*h, s)))
        .collect();
    if judged.is_empty() {
        return String::new();
    }
    let mut o = String::from("mentions judged in context (only issue-sense ones add evidence):\n");
    for (h, s) in judged {
        let reason = serde_name(serde_json::to_value(s.reason).ok());
        let cue = s
            .cue
            .as_ref()
            .map(|c| format!(" \"{}\"", one_line(c)))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "  \"{}\" in sentence {}: {} ({reason}{cue})",
            one_line(&h.text),
            h.sentence + 1,
            if s.issue { "issue" } else { "non-issue" },
        );
    }
    o
}

fn serde_name(v: Option<serde_json::Value>) -> String {
    v.and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| "?".to_string())
}

#[cfg(test)]
mod tests;
