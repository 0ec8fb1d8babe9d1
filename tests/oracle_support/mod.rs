//! The oracle corpus of issue 19 (a generated corpus whose exact match counts are known):
//! where it lies, what it expects, and the counts rightslens gives on it. Shared by
//! `tests/oracle.rs` (the count check) and `examples/oracle.rs` (counts and speed against an
//! Aho-Corasick DFA scan).
//!
//! `RIGHTSLENS_ORACLE_DIR` names the corpus's `data/` folder (or the folder holding it): it
//! holds `expected.json`, `lexicons/*.toml` (the terms as rightslens lexicons) and
//! `docs/NN/doc-NNNNN.txt`.

#![allow(dead_code)]

use rightslens::{Classifier, Report};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Counts per topic, and their total.
pub type Counts = BTreeMap<String, u64>;

/// The oracle corpus on disk.
pub struct Oracle {
    pub dir: PathBuf,
}

impl Oracle {
    /// The corpus `RIGHTSLENS_ORACLE_DIR` points to; `Ok(None)` when it is not set.
    pub fn from_env() -> Result<Option<Oracle>, String> {
        let Some(dir) = std::env::var_os("RIGHTSLENS_ORACLE_DIR") else {
            return Ok(None);
        };
        let dir = PathBuf::from(dir);
        for d in [dir.clone(), dir.join("data")] {
            if d.join("expected.json").is_file() {
                return Ok(Some(Oracle { dir: d }));
            }
        }
        Err(format!(
            "RIGHTSLENS_ORACLE_DIR={}: no expected.json there or in its data/ folder",
            dir.display()
        ))
    }

    /// The expected counts of a semantics (`exact_apostrophe`: the rightslens rule) over the
    /// whole corpus, per topic.
    pub fn expected(&self, semantics: &str) -> Result<Counts, String> {
        let path = self.dir.join("expected.json");
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        let v: serde_json::Value = serde_json::from_str(&text)
            .map_err(|e| format!("{}: not JSON: {e}", path.display()))?;
        let topics = &v["corpus"]["expected"][semantics]["topics"];
        let map = topics
            .as_object()
            .ok_or_else(|| format!("{}: no counts for {semantics}", path.display()))?;
        Ok(map
            .iter()
            .map(|(t, n)| (t.clone(), n.as_u64().unwrap_or(0)))
            .collect())
    }

    /// The classifier of the corpus's lexicons, with no built-in lexicon.
    pub fn classifier(&self) -> Result<Classifier, String> {
        Classifier::builder()
            .without_builtin()
            .lexicon_dir(self.dir.join("lexicons"))
            .build()
            .map_err(|e| e.to_string())
    }

    /// Every document, in path order.
    pub fn documents(&self) -> Result<Vec<String>, String> {
        let mut files = Vec::new();
        walk(&self.dir.join("docs"), &mut files)?;
        files.sort();
        files
            .iter()
            .map(|f| {
                std::fs::read_to_string(f).map_err(|e| format!("{}: cannot read: {e}", f.display()))
            })
            .collect()
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("{}: cannot list: {e}", dir.display()))?;
    for e in entries {
        let p = e.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if p.is_dir() {
            walk(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
    Ok(())
}

/// Adds the hits of each topic of `report` to `counts`.
pub fn add_hits(counts: &mut Counts, report: &Report) {
    for (t, s) in &report.topics {
        *counts.entry(t.clone()).or_default() += s.hits as u64;
    }
}

/// The topics whose counts differ, as lines `topic: got N, expected M`.
pub fn differences(got: &Counts, want: &Counts) -> Vec<String> {
    want.iter()
        .filter(|(t, n)| got.get(*t) != Some(n))
        .map(|(t, n)| {
            format!(
                "{t}: got {}, expected {n}",
                got.get(t).copied().unwrap_or(0)
            )
        })
        .collect()
}
