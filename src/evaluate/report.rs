//! The results of an evaluation and their table.

use super::metrics::{cell, mean_defined};
use super::Confusion;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Results for one topic.
///
/// # Examples
///
/// ```
/// let t = rightslens::evaluate::TopicEval::default();
/// // nothing to find and nothing claimed: F1 is undefined, not perfect
/// assert_eq!(t.present.f1(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TopicEval {
    /// `present` vs gold >= 1.
    pub present: Confusion,
    /// `primary` vs gold == 2.
    pub primary: Confusion,
}

/// One wrong decision, with the evidence that drove it.
///
/// # Examples
///
/// ```
/// use rightslens::evaluate::{Mistake, MistakeHit};
/// let hit = MistakeHit { text: "Lhasa".into(), entry: "tibet.place.lhasa".into(), start: 10, end: 15 };
/// let e = Mistake {
///     id: "7".into(), topic: "tibet".into(), level: "present".into(), gold: 0,
///     predicted: true, score: 0.4, evidence: 1.2, hits: vec![hit],
/// };
/// assert!(e.to_string().contains("hits=[Lhasa (tibet.place.lhasa)]"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mistake {
    /// Document id.
    pub id: String,
    /// Topic.
    pub topic: String,
    /// The decision: `present` or `primary` (JSON: `decision`).
    #[serde(rename = "decision")]
    pub level: String,
    /// Gold level (0, 1, 2) (JSON: `gold_level`).
    #[serde(rename = "gold_level")]
    pub gold: u8,
    /// What the classifier said.
    pub predicted: bool,
    /// Coverage score.
    pub score: f64,
    /// Evidence.
    pub evidence: f64,
    /// The hits of this topic in the document, in text order.
    pub hits: Vec<MistakeHit>,
}

/// A hit behind a wrong decision.
///
/// # Examples
///
/// ```
/// let h = rightslens::evaluate::MistakeHit { text: "Tibet".into(), entry: "tibet.place.tibet".into(), start: 0, end: 5 };
/// assert_eq!(h.to_string(), "Tibet (tibet.place.tibet)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MistakeHit {
    /// The matched text.
    pub text: String,
    /// The lexicon entry id.
    pub entry: String,
    /// Start byte offset in the document.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
}

impl std::fmt::Display for MistakeHit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.text, self.entry)
    }
}

/// A prisoner name in one document (a gold name missed, or a reported person not in gold).
///
/// # Examples
///
/// ```
/// let n = rightslens::evaluate::NameRef { id: "w1".into(), name: "Ilham Tohti".into() };
/// assert_eq!(n.to_string(), "w1: Ilham Tohti");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameRef {
    /// Document id.
    pub id: String,
    /// The name.
    pub name: String,
}

impl std::fmt::Display for NameRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.id, self.name)
    }
}

impl std::fmt::Display for Mistake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} {}: gold={} predicted={} score={:.2} evidence={:.2} hits=[{}]",
            self.id,
            self.topic,
            self.level,
            self.gold,
            self.predicted,
            self.score,
            self.evidence,
            self.hits
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        )
    }
}

/// The whole evaluation.
///
/// # Examples
///
/// ```
/// let ev = rightslens::evaluate::evaluate(&[], &[]);
/// assert_eq!(ev.documents, 0);
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Evaluation {
    /// Documents scored (gold ids with a report).
    pub documents: usize,
    /// Gold ids without a report.
    pub missing: Vec<String>,
    /// Per-topic tables.
    pub topics: BTreeMap<String, TopicEval>,
    /// Pooled over topics, `present`.
    pub micro_present: Confusion,
    /// Pooled over topics, `primary`.
    pub micro_primary: Confusion,
    /// `human_rights` vs gold where coded.
    pub human_rights: Confusion,
    /// Gold names found (tp), gold names missed (fn_), reported people not in gold (fp).
    pub prisoners: Confusion,
    /// Wrong decisions with their evidence.
    pub mistakes: Vec<Mistake>,
    /// Gold prisoner names that were not found.
    pub missed_prisoners: Vec<NameRef>,
    /// Reported people not in gold.
    pub extra_prisoners: Vec<NameRef>,
}

impl Evaluation {
    /// Macro-averaged F1 of `present`: the mean over the topics where F1 is defined; `None`
    /// when it is defined for none.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(rightslens::evaluate::Evaluation::default().macro_f1_present(), None);
    /// ```
    pub fn macro_f1_present(&self) -> Option<f64> {
        mean_defined(self.topics.values().map(|t| t.present.f1()))
    }

    /// Macro-averaged F1 of `primary` (as [`macro_f1_present`](Self::macro_f1_present)).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(rightslens::evaluate::Evaluation::default().macro_f1_primary(), None);
    /// ```
    pub fn macro_f1_primary(&self) -> Option<f64> {
        mean_defined(self.topics.values().map(|t| t.primary.f1()))
    }

    /// A plain-text table of the figures (no mistakes); `n/a` marks an undefined metric
    /// (see [`Confusion`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let t = rightslens::evaluate::Evaluation::default().summary_table();
    /// assert!(t.contains("micro") && t.contains("n/a"));
    /// ```
    pub fn summary_table(&self) -> String {
        let mut s = String::new();
        s.push_str(&format!(
            "documents: {} (missing reports: {})\n",
            self.documents,
            self.missing.len()
        ));
        s.push_str(&format!(
            "{:<22} {:>6} {:>6} {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}\n",
            "topic", "P", "R", "F1", "kappa", "alpha", "P2", "R2", "F1(2)"
        ));
        let row = |name: &str, p: &Confusion, q: &Confusion| {
            format!(
                "{:<22} {} {} {} {} {} | {} {} {}\n",
                name,
                cell(p.precision(), 6),
                cell(p.recall(), 6),
                cell(p.f1(), 6),
                cell(p.kappa(), 6),
                cell(p.alpha(), 6),
                cell(q.precision(), 6),
                cell(q.recall(), 6),
                cell(q.f1(), 6)
            )
        };
        for (t, e) in &self.topics {
            s.push_str(&row(t, &e.present, &e.primary));
        }
        s.push_str(&row("micro", &self.micro_present, &self.micro_primary));
        s.push_str(&format!(
            "{:<22} {} | {}\n",
            "macro F1",
            cell(self.macro_f1_present(), 20),
            cell(self.macro_f1_primary(), 20)
        ));
        let h = &self.human_rights;
        s.push_str(&format!(
            "human_rights           P={} R={} F1={} kappa={}\n",
            cell(h.precision(), 0),
            cell(h.recall(), 0),
            cell(h.f1(), 0),
            cell(h.kappa(), 0)
        ));
        let p = &self.prisoners;
        s.push_str(&format!(
            "prisoner names         P={} R={} F1={} (found {}, missed {}, extra {})\n",
            cell(p.precision(), 0),
            cell(p.recall(), 0),
            cell(p.f1(), 0),
            p.tp,
            p.fn_,
            p.fp
        ));
        s
    }
}
