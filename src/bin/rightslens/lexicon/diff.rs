//! `rightslens lexicon diff OLD_DIR NEW_DIR CORPUS...`: what a lexicon change does to a
//! corpus: the documents whose verdict changes and the entries that gain or lose hits, with
//! examples. This is how a lexicon change is reviewed.

use crate::common::{self, CliError};
use rightslens::corpus::{scan, CorpusOptions, Input, Outcome};
use rightslens::{Classifier, Role};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;

/// Help text after the options of `lexicon diff`.
pub const HELP: &str = "\
Examples:
  rightslens lexicon diff lexicons-main/ lexicons/ examples/data
  rightslens lexicon diff old/ new/ news.jsonl --examples 5

Both folders are used as --lexicons uses them (in place of the built-in lexicons), so each
needs its context.toml. The corpus is read twice, once per folder (standard input cannot be).";

/// Options of `lexicon diff`.
#[derive(clap::Args, Debug)]
pub struct DiffArgs {
    /// The lexicon folder before the change.
    #[arg(value_name = "OLD_DIR")]
    pub old: PathBuf,
    /// The lexicon folder after the change.
    #[arg(value_name = "NEW_DIR")]
    pub new: PathBuf,
    /// Files or folders of documents (as `rightslens classify` reads them).
    #[arg(value_name = "CORPUS", required = true)]
    pub corpus: Vec<String>,
    /// Examples listed per entry.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub examples: usize,
    /// JSON field or CSV column holding the text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,
}

/// What one run says about one document: verdicts per topic, and hits per entry with the
/// forms matched.
#[derive(Default)]
struct Doc {
    classified: bool,
    /// topic -> (score, present, primary)
    topics: BTreeMap<String, (f64, bool, bool)>,
    /// entry -> (hits, forms matched)
    entries: BTreeMap<String, (usize, BTreeSet<String>)>,
}

fn run_one(clf: &Classifier, a: &DiffArgs) -> Result<Vec<(String, Doc)>, CliError> {
    let mut opts = CorpusOptions::new();
    opts.text_field(&a.text_field);
    let inputs: Vec<Input> = a.corpus.iter().map(|p| Input::from_arg(p)).collect();
    let mut docs = Vec::new();
    scan(clf, inputs, &opts, |r| {
        let mut d = Doc::default();
        if let Outcome::Classified(rep) = &r.outcome {
            d.classified = true;
            for (t, s) in &rep.topics {
                d.topics.insert(t.clone(), (s.score, s.present, s.primary));
            }
            for h in rep.hits.iter().filter(|h| h.role == Role::Topic) {
                let e = d.entries.entry(h.entry.to_string()).or_default();
                e.0 += 1;
                e.1.insert(h.text.to_string());
            }
        }
        docs.push((r.id, d));
        Ok(())
    })
    .map_err(|e| e.to_string())?;
    Ok(docs)
}

fn classifier(dir: &PathBuf) -> Result<Classifier, CliError> {
    if !dir.is_dir() {
        return Err(CliError::Failed(format!(
            "{}: not a directory (help: lexicon diff compares two folders of *.toml lexicons)",
            dir.display()
        )));
    }
    let mut b = Classifier::builder();
    b.without_builtin().lexicon_dir(dir);
    b.build().map_err(|e| CliError::Failed(e.to_string()))
}

fn verdict(v: Option<&(f64, bool, bool)>) -> &'static str {
    match v {
        Some((_, _, true)) => "primary",
        Some((_, true, _)) => "present",
        _ => "absent",
    }
}

/// Runs `lexicon diff`.
pub fn run(a: &DiffArgs) -> Result<(), CliError> {
    if a.corpus.iter().any(|p| p == "-") {
        return Err(CliError::Failed(
            "lexicon diff reads the corpus twice, so it cannot read standard input (help: save it to a file)".into(),
        ));
    }
    let (old_clf, new_clf) = (classifier(&a.old)?, classifier(&a.new)?);
    let old = run_one(&old_clf, a)?;
    let new = run_one(&new_clf, a)?;
    let same = old.len() == new.len() && old.iter().zip(&new).all(|(o, n)| o.0 == n.0);
    if !same {
        return Err(CliError::Failed(
            "the corpus changed between the two reads (help: diff a corpus that is not being written to)".into(),
        ));
    }
    common::out(&report(a, &old_clf, &new_clf, &old, &new))
}

fn report(
    a: &DiffArgs,
    old_clf: &Classifier,
    new_clf: &Classifier,
    old: &[(String, Doc)],
    new: &[(String, Doc)],
) -> String {
    let mut o = String::new();
    let ids = |c: &Classifier| -> BTreeSet<String> {
        c.lexicons()
            .iter()
            .flat_map(|l| l.entries.iter().map(|e| e.id.clone()))
            .collect()
    };
    let (old_ids, new_ids) = (ids(old_clf), ids(new_clf));
    let classified = new.iter().filter(|(_, d)| d.classified).count();
    let _ = writeln!(
        o,
        "lexicon diff: {} ({} entries) -> {} ({} entries), on {} documents ({classified} classified)",
        a.old.display(),
        old_ids.len(),
        a.new.display(),
        new_ids.len(),
        new.len()
    );
    let added: Vec<&String> = new_ids.difference(&old_ids).collect();
    let removed: Vec<&String> = old_ids.difference(&new_ids).collect();
    let list = |v: &[&String]| {
        if v.is_empty() {
            "none".to_string()
        } else {
            v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
        }
    };
    let _ = writeln!(
        o,
        "entries added: {}\nentries removed: {}",
        list(&added),
        list(&removed)
    );

    // documents whose verdict changes (the corpus is read in the same order both times)
    let mut changed = Vec::new();
    for ((id, od), (_, nd)) in old.iter().zip(new) {
        let topics: BTreeSet<&String> = od.topics.keys().chain(nd.topics.keys()).collect();
        let mut parts = Vec::new();
        for t in topics {
            let (ov, nv) = (od.topics.get(t), nd.topics.get(t));
            let (vo, vn) = (verdict(ov), verdict(nv));
            if vo != vn {
                parts.push(format!(
                    "{t} {vo} -> {vn} (score {:.2} -> {:.2})",
                    ov.map_or(0.0, |v| v.0),
                    nv.map_or(0.0, |v| v.0)
                ));
            }
        }
        if !parts.is_empty() {
            changed.push(format!("  {id}: {}", parts.join("; ")));
        }
    }
    let _ = writeln!(
        o,
        "\n== documents that change verdict: {} ==",
        changed.len()
    );
    for c in &changed {
        let _ = writeln!(o, "{c}");
    }

    // entries that gained or lost hits
    struct Change {
        entry: String,
        old_hits: usize,
        new_hits: usize,
        examples: Vec<String>,
    }
    let mut by_entry: BTreeMap<String, Change> = BTreeMap::new();
    for ((id, od), (_, nd)) in old.iter().zip(new) {
        let entries: BTreeSet<&String> = od.entries.keys().chain(nd.entries.keys()).collect();
        for e in entries {
            let (on, forms_o) = od.entries.get(e).map_or((0, None), |x| (x.0, Some(&x.1)));
            let (nn, forms_n) = nd.entries.get(e).map_or((0, None), |x| (x.0, Some(&x.1)));
            let c = by_entry.entry(e.clone()).or_insert(Change {
                entry: e.clone(),
                old_hits: 0,
                new_hits: 0,
                examples: Vec::new(),
            });
            c.old_hits += on;
            c.new_hits += nn;
            if on != nn && c.examples.len() < a.examples {
                let forms = forms_n.or(forms_o).map_or(String::new(), |f| {
                    f.iter()
                        .map(|s| format!("{:?}", s))
                        .collect::<Vec<_>>()
                        .join(", ")
                });
                c.examples.push(format!("{id} ({on} -> {nn}: {forms})"));
            }
        }
    }
    let mut moved: Vec<Change> = by_entry
        .into_values()
        .filter(|c| c.old_hits != c.new_hits)
        .collect();
    moved.sort_by(|x, y| {
        let d = |c: &Change| c.new_hits.abs_diff(c.old_hits);
        d(y).cmp(&d(x)).then(x.entry.cmp(&y.entry))
    });
    let _ = writeln!(
        o,
        "\n== entries that gained or lost hits: {} ==",
        moved.len()
    );
    for c in &moved {
        let sign = if c.new_hits > c.old_hits { '+' } else { '-' };
        let _ = writeln!(
            o,
            "  {sign}{} {} ({} -> {} hits)\n      e.g. {}",
            c.new_hits.abs_diff(c.old_hits),
            c.entry,
            c.old_hits,
            c.new_hits,
            c.examples.join("; ")
        );
    }
    o
}
