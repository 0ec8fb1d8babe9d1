//! `rightslens evaluate --gold labels.jsonl DOCS_DIR`: measure the classifier against hand
//! labels, list every wrong decision, sweep thresholds, compare with a keyword baseline.

use crate::common::{self, CliError, LexiconArgs};
use rightslens::corpus::{document_text, Markup};
use rightslens::evaluate::{
    bootstrap, evaluate, sweep_present, sweep_primary, Bootstrap, DocumentCounts, Evaluation,
    EvaluationJson, Gold, Interval, Intervals, Results, SweepPoint, TopicSweep, DEFAULT_SEED,
};
use rightslens::{Classifier, Document};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const AFTER_HELP: &str = "\
Examples:
  rightslens evaluate --gold labels.jsonl docs/
  rightslens evaluate --gold labels.jsonl docs/ --sweep --baseline
  rightslens evaluate --gold labels.jsonl docs/ --json > evaluation.json

Every file of DOCS_DIR is one document whose id is the file name without its extension
(docs/017.txt is \"017\"). Gold labels are JSON Lines, one object per document:
  {\"id\": \"017\", \"topics\": {\"tibet\": 2, \"taiwan\": 1}, \"human_rights\": true, \"prisoners\": [\"Ilham Tohti\"]}
with levels 0 (not raised), 1 (raised) and 2 (a main subject).

--json prints the evaluation as one JSON object whose schema is versioned (\"schema_version\": 1)
and documented in docs/evaluate-json.md: per topic, micro and macro, precision, recall, F1,
Cohen's kappa, Krippendorff's alpha, support and bootstrap intervals (--bootstrap resamples of
the documents, 1000 by default, seeded by --seed so runs repeat exactly); null where a metric
is undefined (the tables print n/a). --baseline and --sweep add the keys \"baseline\" and
\"sweep\" and change nothing else.";

/// Options of `rightslens evaluate`.
#[derive(clap::Args, Debug)]
#[command(after_help = AFTER_HELP)]
pub struct EvaluateArgs {
    /// Hand labels, JSON Lines (one object per document).
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,
    /// Folder of documents (one file per document; id = file name without extension).
    #[arg(value_name = "DOCS_DIR")]
    pub docs: PathBuf,
    /// Print the evaluation as JSON instead of tables.
    #[arg(long)]
    pub json: bool,
    /// Also print, per topic, F1 across a grid of present and primary thresholds.
    #[arg(long)]
    pub sweep: bool,
    /// Also evaluate a naive baseline that looks only for each topic's own name.
    #[arg(long)]
    pub baseline: bool,
    /// Exit with status 1 when a document could not be read.
    #[arg(long)]
    pub strict: bool,
    /// Bootstrap resamples for the confidence intervals (0: none); the table shows those of
    /// the headline figures, --json all of them.
    #[arg(long, value_name = "N", default_value_t = rightslens::evaluate::DEFAULT_RESAMPLES)]
    pub bootstrap: usize,
    /// Seed of the bootstrap resampling.
    #[arg(long, value_name = "SEED", default_value_t = DEFAULT_SEED)]
    pub seed: u64,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
}

/// The naive keyword baseline: each topic's own name, nothing else (no context cues, no
/// people, no other names), matched as a word prefix the way a case-insensitive keyword
/// search would (`Tibet*` also finds `Tibetan`). Any hit makes the topic present; primary uses the usual coverage
/// score. It goes through the same builder and scoring as the real lexicons.
pub const BASELINE: &[(&str, &[&str])] = &[
    ("tibet", &["Tibet*"]),
    ("xinjiang", &["Xinjiang*", "Uyghur*"]),
    ("hong_kong", &["Hong Kong*"]),
    ("taiwan", &["Taiwan*"]),
    ("political_prisoners", &["political prisoner*"]),
];

/// The baseline lexicon of one topic, as TOML: one prefix entry with the topic's own names.
fn baseline_lexicon(topic: &str, names: &[&str]) -> String {
    let variants: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
    format!(
        "[lexicon]\ntopic = \"{topic}\"\ndescription = \"Keyword baseline: the topic's own name\"\n\
         sources = [\"rightslens keyword baseline\"]\n[thresholds]\npresent = 0.01\nprimary = 0.5\n\
         [[entry]]\nid = \"{topic}.concept.name\"\nkind = \"concept\"\nmode = \"prefix\"\n\
         variants = [{}]\nsource = \"topic name\"\n",
        variants.join(", ")
    )
}

/// Builds the keyword-baseline classifier.
pub fn baseline_classifier() -> Result<Classifier, String> {
    let mut b = Classifier::builder();
    b.without_builtin().unlisted_prisoners(false);
    for (topic, names) in BASELINE {
        b.lexicon_str(
            &format!("baseline/{topic}.toml"),
            &baseline_lexicon(topic, names),
        );
    }
    b.build().map_err(|e| format!("baseline lexicon: {e}"))
}

/// Present thresholds (evidence) tried by `--sweep`: 0.25 to 4 in steps of 0.25 (plus the
/// threshold in force).
fn present_grid() -> Vec<f64> {
    (1..=16).map(|i| f64::from(i) * 0.25).collect()
}

/// Primary thresholds (coverage score) tried by `--sweep`: 0.1 to 0.9 in steps of 0.1 (plus
/// the threshold in force).
fn primary_grid() -> Vec<f64> {
    (1..=9).map(|i| f64::from(i) / 10.0).collect()
}

/// A grid with the threshold in force added (sorted), so the table shows where it stands.
fn with(mut grid: Vec<f64>, current: f64) -> Vec<f64> {
    if current.is_finite() && !grid.iter().any(|g| (g - current).abs() < 1e-9) {
        grid.push(current);
        grid.sort_by(f64::total_cmp);
    }
    grid
}

/// Reads every file of a folder as a document with id = file stem, sorted by name.
/// Returns the documents and one message per file that could not be used.
fn read_docs(dir: &Path, skip: &Path) -> Result<(Vec<Document>, Vec<String>), String> {
    let rd = std::fs::read_dir(dir).map_err(|e| {
        format!(
            "{}: cannot read folder: {}",
            dir.display(),
            common::io_cause(&e)
        )
    })?;
    let mut paths: Vec<PathBuf> = rd
        .filter_map(|d| d.ok().map(|d| d.path()))
        .filter(|p| {
            p.is_file()
                && !p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    paths.sort();
    let skip = skip.canonicalize().ok();
    let mut docs = Vec::new();
    let mut failed = Vec::new();
    for p in paths {
        if skip.is_some() && p.canonicalize().ok() == skip {
            continue;
        }
        if p.extension().and_then(|x| x.to_str()) == Some("jsonl") {
            failed.push(format!(
                "{}: skipped: a JSON Lines file (evaluate reads one document per file; \
                 labels go in --gold)",
                p.display()
            ));
            continue;
        }
        let id = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match std::fs::read(&p) {
            // the same reading as `classify`: encodings, web pages' main content
            Ok(bytes) => match document_text(&bytes, Markup::of_path(&p)) {
                Ok(t) => docs.push(Document::new(id, t.text)),
                Err(reason) => failed.push(format!("{}: skipped: {reason}", p.display())),
            },
            Err(e) => failed.push(format!(
                "{}: skipped: cannot read: {}",
                p.display(),
                common::io_cause(&e)
            )),
        }
    }
    Ok((docs, failed))
}

/// Runs `rightslens evaluate`.
pub fn run(a: &EvaluateArgs) -> Result<ExitCode, CliError> {
    let gold = Gold::from_file(&a.gold).map_err(|e| e.to_string())?;
    if gold.is_empty() {
        return Err(CliError::Failed(format!(
            "{}: no gold labels in this file",
            a.gold.display()
        )));
    }
    if !a.docs.is_dir() {
        return Err(CliError::Failed(format!(
            "{}: not a folder (DOCS_DIR is a folder with one file per document)",
            a.docs.display()
        )));
    }
    let clf = common::build_classifier(&a.lexicon)?;
    let (docs, failed) = read_docs(&a.docs, &a.gold)?;
    for f in &failed {
        eprintln!("warning: {f}");
    }
    let reports = clf.classify_documents(&docs);
    let ev = evaluate(&gold, &reports);
    let base = if a.baseline {
        let b = baseline_classifier()?;
        let topics: Vec<&str> = clf.topics().iter().map(String::as_str).collect();
        let mut reports = b.classify_documents(&docs);
        // score only the topics the main classifier reports, so the tables line up
        for r in &mut reports {
            r.topics.retain(|t, _| topics.contains(&t.as_str()));
        }
        Some((evaluate(&gold, &reports), reports))
    } else {
        None
    };
    let sweeps: Vec<TopicSweep> = if a.sweep {
        clf.topics()
            .iter()
            .map(|t| {
                let th = clf.thresholds(t).unwrap_or_default();
                TopicSweep {
                    topic: t.clone(),
                    present: sweep_present(&gold, &reports, t, &with(present_grid(), th.present)),
                    primary: sweep_primary(&gold, &reports, t, &with(primary_grid(), th.primary)),
                }
            })
            .collect()
    } else {
        Vec::new()
    };

    let out = if a.json {
        let opts = Bootstrap {
            resamples: a.bootstrap,
            seed: a.seed,
            ..Bootstrap::default()
        };
        let intervals = |reports: &[rightslens::Report]| {
            (a.bootstrap > 0).then(|| bootstrap(&gold, reports, &opts))
        };
        let counts = DocumentCounts {
            read: docs.len(),
            gold_labels: gold.len(),
            without_label: docs
                .iter()
                .filter(|d| !gold.iter().any(|g| g.id == d.id))
                .map(|d| d.id.clone())
                .collect(),
            unreadable: failed.clone(),
            ..DocumentCounts::default()
        };
        let mut json = EvaluationJson::new(counts, &ev, intervals(&reports).as_ref(), opts);
        json.baseline = base
            .as_ref()
            .map(|(b, reports)| Results::new(b, intervals(reports).as_ref()));
        json.sweep = a.sweep.then_some(sweeps);
        let mut s = serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?;
        s.push('\n');
        s
    } else {
        let opts = Bootstrap {
            resamples: a.bootstrap,
            seed: a.seed,
            ..Bootstrap::default()
        };
        let mut o = text(
            &clf,
            &ev,
            base.as_ref().map(|b| &b.0),
            &sweeps,
            &docs,
            &gold,
        );
        if a.bootstrap > 0 {
            let at = o.find("\n== Wrong decisions").unwrap_or(o.len());
            o.insert_str(
                at,
                &interval_lines(&bootstrap(&gold, &reports, &opts), &opts),
            );
        }
        o
    };
    common::out(&out)?;
    if a.strict && !failed.is_empty() {
        eprintln!(
            "error: {} document{} could not be read (--strict)",
            failed.len(),
            if failed.len() == 1 { "" } else { "s" }
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The 95 % intervals of the headline figures, for the text output (all of them are in
/// `--json`).
fn interval_lines(iv: &Intervals, opts: &Bootstrap) -> String {
    let show = |i: Option<Interval>| match i {
        Some(i) => format!("[{:.3}, {:.3}]", i.low, i.high),
        None => "n/a".to_string(),
    };
    let [present, primary] = &iv.micro;
    format!(
        "{:.0}% intervals ({} resamples of the documents, seed {}): micro P {} R {} F1 {}; \
         F1(2) {}; prisoner names R {}\n",
        opts.confidence * 100.0,
        opts.resamples,
        opts.seed,
        show(present.precision),
        show(present.recall),
        show(present.f1),
        show(primary.f1),
        show(iv.prisoners.recall),
    )
}

fn text(
    clf: &Classifier,
    ev: &Evaluation,
    base: Option<&Evaluation>,
    sweeps: &[TopicSweep],
    docs: &[Document],
    gold: &[Gold],
) -> String {
    let mut o = String::new();
    let unlabelled = docs
        .iter()
        .filter(|d| !gold.iter().any(|g| g.id == d.id))
        .count();
    let _ = writeln!(
        o,
        "== rightslens on {} documents ({} gold labels, {} documents without a label) ==",
        docs.len(),
        gold.len(),
        unlabelled
    );
    o.push_str(&ev.summary_table());
    if !ev.missing.is_empty() {
        let _ = writeln!(o, "gold ids without a document: {}", ev.missing.join(", "));
    }
    let _ = writeln!(o, "\n== Wrong decisions ({}) ==", ev.mistakes.len());
    if ev.mistakes.is_empty() {
        let _ = writeln!(o, "none");
    }
    for m in &ev.mistakes {
        let _ = writeln!(o, "{m}");
    }
    let _ = writeln!(
        o,
        "\n== Missed prisoners ({}) ==",
        ev.missed_prisoners.len()
    );
    for p in &ev.missed_prisoners {
        let _ = writeln!(o, "{p}");
    }
    let _ = writeln!(o, "\n== Extra prisoners ({}) ==", ev.extra_prisoners.len());
    for p in &ev.extra_prisoners {
        let _ = writeln!(o, "{p}");
    }
    if let Some(b) = base {
        let _ = writeln!(
            o,
            "\n== Keyword baseline (topic names as word prefixes only: Tibet*; Xinjiang*, \
             Uyghur*; Hong Kong*; Taiwan*; political prisoner*) =="
        );
        o.push_str(&b.summary_table());
        let _ = writeln!(
            o,
            "macro F1 (present): rightslens {} vs baseline {}",
            cell(ev.macro_f1_present()),
            cell(b.macro_f1_present())
        );
    }
    for s in sweeps {
        let th = clf.thresholds(&s.topic).unwrap_or_default();
        let _ = writeln!(
            o,
            "\n== Sweep: {} (in force: present >= {}, primary >= {}) ==",
            s.topic, th.present, th.primary
        );
        sweep_table(&mut o, "present: evidence >=", &s.present, th.present);
        sweep_table(&mut o, "primary: score >=", &s.primary, th.primary);
    }
    o
}

fn sweep_table(o: &mut String, title: &str, pts: &[SweepPoint], current: f64) {
    let best = pts
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Some((i, p.f1?)))
        .fold(None::<(usize, f64)>, |acc, (i, f1)| match acc {
            Some((_, f)) if f >= f1 => acc,
            _ => Some((i, f1)),
        })
        .map(|(i, _)| i);
    let _ = writeln!(o, "{title:<22} {:>6} {:>6} {:>6}", "P", "R", "F1");
    for (i, p) in pts.iter().enumerate() {
        let mut mark = String::new();
        if Some(i) == best {
            mark.push_str("  <- best");
        }
        if (p.threshold - current).abs() < 1e-9 {
            mark.push_str("  (in force)");
        }
        let _ = writeln!(
            o,
            "{:>22} {:>6} {:>6} {:>6}{mark}",
            format!("{:.2}", p.threshold),
            cell(p.precision),
            cell(p.recall),
            cell(p.f1)
        );
    }
}

/// A metric with three decimals, or `n/a` when it is undefined.
fn cell(x: Option<f64>) -> String {
    x.map_or_else(|| "n/a".to_string(), |x| format!("{x:.3}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baseline_builds_and_finds_names_only() {
        let b = baseline_classifier().expect("baseline builds");
        assert_eq!(b.topics().len(), 5);
        let r: rightslens::Report = b.classify("The Dalai Lama spoke about Tibet.");
        assert!(r.topics["tibet"].present);
        let r = b.classify("The Dalai Lama spoke in Lhasa.");
        assert!(!r.topics["tibet"].present);
        assert!(b.classify("Uyghurs").topics["xinjiang"].present);
        assert!(b.classify("Tibetan monks").topics["tibet"].present);
    }

    #[test]
    fn grids() {
        assert_eq!(present_grid().len(), 16);
        assert_eq!(present_grid()[15], 4.0);
        assert_eq!(primary_grid().len(), 9);
        assert_eq!(with(primary_grid(), 0.5).len(), 9);
        let g = with(present_grid(), 0.9);
        assert_eq!((g.len(), g[3]), (17, 0.9));
    }
}
