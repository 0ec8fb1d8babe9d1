//! The results of an evaluation and their table.

use super::metrics::mean;
use super::Confusion;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Results for one topic.
///
/// # Examples
///
/// ```
/// let t = rightslens::evaluate::TopicEval::default();
/// // nothing to find and nothing claimed: perfect by convention
/// assert_eq!(t.present.f1(), 1.0);
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
/// let e = rightslens::evaluate::Mistake {
///     id: "7".into(), topic: "tibet".into(), level: "present".into(), gold: 0,
///     predicted: true, score: 0.4, evidence: 1.2, hits: vec!["Lhasa".into()],
/// };
/// assert!(e.to_string().contains("Lhasa"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mistake {
    /// Document id.
    pub id: String,
    /// Topic.
    pub topic: String,
    /// `present` or `primary`.
    pub level: String,
    /// Gold level (0, 1, 2).
    pub gold: u8,
    /// What the classifier said.
    pub predicted: bool,
    /// Coverage score.
    pub score: f64,
    /// Evidence.
    pub evidence: f64,
    /// The hits that drove it, as `text (entry)`.
    pub hits: Vec<String>,
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
            self.hits.join("; ")
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
    /// Gold prisoner names that were not found, as `id: name`.
    pub missed_prisoners: Vec<String>,
    /// Reported people not in gold, as `id: name`.
    pub extra_prisoners: Vec<String>,
}

impl Evaluation {
    /// Macro-averaged F1 of `present` over topics.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(rightslens::evaluate::Evaluation::default().macro_f1_present(), 0.0);
    /// ```
    pub fn macro_f1_present(&self) -> f64 {
        mean(self.topics.values().map(|t| t.present.f1()))
    }

    /// Macro-averaged F1 of `primary` over topics.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(rightslens::evaluate::Evaluation::default().macro_f1_primary(), 0.0);
    /// ```
    pub fn macro_f1_primary(&self) -> f64 {
        mean(self.topics.values().map(|t| t.primary.f1()))
    }

    /// A plain-text table of the figures (no mistakes).
    ///
    /// # Examples
    ///
    /// ```
    /// let t = rightslens::evaluate::Evaluation::default().summary_table();
    /// assert!(t.contains("micro"));
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
                "{:<22} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3} | {:>6.3} {:>6.3} {:>6.3}\n",
                name,
                p.precision(),
                p.recall(),
                p.f1(),
                p.kappa(),
                p.alpha(),
                q.precision(),
                q.recall(),
                q.f1()
            )
        };
        for (t, e) in &self.topics {
            s.push_str(&row(t, &e.present, &e.primary));
        }
        s.push_str(&row("micro", &self.micro_present, &self.micro_primary));
        s.push_str(&format!(
            "{:<22} {:>20.3} | {:>20.3}\n",
            "macro F1",
            self.macro_f1_present(),
            self.macro_f1_primary()
        ));
        s.push_str(&format!(
            "human_rights           P={:.3} R={:.3} F1={:.3} kappa={:.3}\n",
            self.human_rights.precision(),
            self.human_rights.recall(),
            self.human_rights.f1(),
            self.human_rights.kappa()
        ));
        s.push_str(&format!(
            "prisoner names         P={:.3} R={:.3} F1={:.3} (found {}, missed {}, extra {})\n",
            self.prisoners.precision(),
            self.prisoners.recall(),
            self.prisoners.f1(),
            self.prisoners.tp,
            self.prisoners.fn_,
            self.prisoners.fp
        ));
        s
    }
}
