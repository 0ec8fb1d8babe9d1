//! Validation against hand-coded documents: precision, recall, F1, Cohen's kappa and
//! Krippendorff's alpha, prisoner-name recall and precision, and every wrong decision.
//!
//! Content-analysis practice asks that a dictionary method be validated against a
//! human-coded sample before its results are published. Gold labels are JSON Lines, one object
//! per document:
//!
//! ```json
//! {"id": "001", "topics": {"tibet": 2, "xinjiang": 0, "hong_kong": 0, "taiwan": 1, "political_prisoners": 0},
//!  "human_rights": true, "prisoners": ["Gedhun Choekyi Nyima"]}
//! ```
//!
//! Topic levels: 0 = not raised, 1 = raised, 2 = a main subject. A topic is `present` in gold
//! when its level is at least 1 and `primary` when it is 2.
//!
//! # Examples
//!
//! ```
//! use rightslens::evaluate::{evaluate, Gold};
//! use rightslens::Classifier;
//!
//! let gold = Gold::parse_jsonl(r#"{"id":"a","topics":{"tibet":2},"prisoners":[]}
//! {"id":"b","topics":{"tibet":0},"prisoners":[]}"#)?;
//! let clf = Classifier::builder().topics(&["tibet"]).build()?;
//! let reports = vec![
//!     clf.classify_with_id("a", "Tibet. The Dalai Lama. Tibet again."),
//!     clf.classify_with_id("b", "A recipe for dumplings."),
//! ];
//! let ev = evaluate(&gold, &reports);
//! assert_eq!(ev.topics["tibet"].present.f1(), 1.0);
//! # Ok::<(), rightslens::Error>(())
//! ```

use crate::error::{Error, Result};
use crate::report::Report;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use unicode_normalization::UnicodeNormalization;

/// One hand-coded document.
///
/// # Examples
///
/// ```
/// let g = rightslens::evaluate::Gold::parse_jsonl(r#"{"id":"x","topics":{"taiwan":1}}"#).unwrap();
/// assert_eq!(g[0].topics["taiwan"], 1);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Gold {
    /// Document id (matched against the report id, or its last `/` component).
    pub id: String,
    /// Level per topic: 0, 1 or 2. Missing topics count as 0.
    #[serde(default)]
    pub topics: BTreeMap<String, u8>,
    /// Whether the document discusses human rights, if coded.
    #[serde(default)]
    pub human_rights: Option<bool>,
    /// Named political prisoners, as written in the text.
    #[serde(default)]
    pub prisoners: Vec<String>,
}

impl Gold {
    /// Parses gold labels from JSON Lines text (blank lines are skipped).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Input`](crate::ErrorKind::Input) with the line number of the first line
    /// that is not a valid label object.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = rightslens::evaluate::Gold::parse_jsonl("{\"id\":\"a\"}\nnot json").unwrap_err();
    /// assert_eq!(err.line(), Some(2));
    /// ```
    pub fn parse_jsonl(text: &str) -> Result<Vec<Gold>> {
        let mut out = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let g: Gold = serde_json::from_str(line)
                .map_err(|e| Error::input(format!("not a gold label: {e}")).with_line(n + 1))?;
            out.push(g);
        }
        Ok(out)
    }

    /// Reads a gold-label file.
    ///
    /// # Errors
    ///
    /// An I/O error naming the file, or a parse error with its line.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(rightslens::evaluate::Gold::from_file("/no/labels.jsonl").is_err());
    /// ```
    pub fn from_file(path: impl AsRef<std::path::Path>) -> Result<Vec<Gold>> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Gold::parse_jsonl(&text).map_err(|e| e.with_path(path))
    }

    fn level(&self, topic: &str) -> u8 {
        self.topics.get(topic).copied().unwrap_or(0)
    }
}

/// A 2×2 confusion table for one binary decision.
///
/// # Examples
///
/// ```
/// let c = rightslens::evaluate::Confusion { tp: 8, fp: 2, fn_: 2, tn: 88 };
/// assert!((c.precision() - 0.8).abs() < 1e-12);
/// assert!((c.f1() - 0.8).abs() < 1e-12);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Confusion {
    /// Predicted yes, gold yes.
    pub tp: usize,
    /// Predicted yes, gold no.
    pub fp: usize,
    /// Predicted no, gold yes.
    pub fn_: usize,
    /// Predicted no, gold no.
    pub tn: usize,
}

impl Confusion {
    /// Adds one decision.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut c = rightslens::evaluate::Confusion::default();
    /// c.add(true, true);
    /// assert_eq!(c.tp, 1);
    /// ```
    pub fn add(&mut self, predicted: bool, gold: bool) {
        match (predicted, gold) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }

    /// Precision; 1.0 when nothing was predicted (no false claims were made).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(rightslens::evaluate::Confusion::default().precision(), 1.0);
    /// ```
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Recall; 1.0 when there was nothing to find.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(rightslens::evaluate::Confusion { tp: 1, fn_: 3, ..Default::default() }.recall(), 0.25);
    /// ```
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// F1, the harmonic mean of precision and recall (0 when both are 0).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(rightslens::evaluate::Confusion { fp: 1, fn_: 1, ..Default::default() }.f1(), 0.0);
    /// ```
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Cohen's kappa between prediction and gold: observed agreement corrected for the
    /// agreement expected from the two marginals. 1.0 when both raters agree on every item
    /// and the expected agreement is already 1 (all one class).
    ///
    /// # Examples
    ///
    /// ```
    /// let c = rightslens::evaluate::Confusion { tp: 20, fp: 5, fn_: 10, tn: 15 };
    /// assert!((c.kappa() - 0.4).abs() < 1e-9);
    /// ```
    pub fn kappa(&self) -> f64 {
        let n = (self.tp + self.fp + self.fn_ + self.tn) as f64;
        if n == 0.0 {
            return 1.0;
        }
        let po = (self.tp + self.tn) as f64 / n;
        let pred_yes = (self.tp + self.fp) as f64 / n;
        let gold_yes = (self.tp + self.fn_) as f64 / n;
        let pe = pred_yes * gold_yes + (1.0 - pred_yes) * (1.0 - gold_yes);
        if (1.0 - pe).abs() < 1e-12 {
            return if (po - 1.0).abs() < 1e-12 { 1.0 } else { 0.0 };
        }
        (po - pe) / (1.0 - pe)
    }

    /// Krippendorff's alpha (nominal data, two coders, no missing values): `1 - D_o / D_e`
    /// with disagreement counted over all pairable values. 1.0 when there is no variation.
    ///
    /// # Examples
    ///
    /// ```
    /// let perfect = rightslens::evaluate::Confusion { tp: 5, tn: 5, ..Default::default() };
    /// assert_eq!(perfect.alpha(), 1.0);
    /// ```
    pub fn alpha(&self) -> f64 {
        let n_items = self.tp + self.fp + self.fn_ + self.tn;
        if n_items == 0 {
            return 1.0;
        }
        // coincidence matrix: each item contributes both ordered pairs of its two values
        let o_yy = 2.0 * self.tp as f64;
        let o_nn = 2.0 * self.tn as f64;
        let o_yn = (self.fp + self.fn_) as f64; // each disagreeing item gives (y,n) and (n,y)
        let n_y = o_yy + o_yn;
        let n_n = o_nn + o_yn;
        let n = n_y + n_n;
        let d_o = 2.0 * o_yn / n;
        let d_e = 2.0 * n_y * n_n / (n * (n - 1.0));
        if d_e == 0.0 {
            return if d_o == 0.0 { 1.0 } else { 0.0 };
        }
        1.0 - d_o / d_e
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

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

fn mean(it: impl Iterator<Item = f64>) -> f64 {
    let v: Vec<f64> = it.collect();
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

/// Folds a name for comparison: NFKC, lowercase, apostrophes and hyphens unified, spaces
/// collapsed.
fn name_key(s: &str) -> String {
    let folded: String = s
        .nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| {
            if crate::normalize::is_apostrophe(c) {
                '\''
            } else if crate::normalize::is_dash(c) || c == '·' || c == '•' {
                ' '
            } else {
                c
            }
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a gold name refers to a reported person: equal after folding to the canonical name
/// or a mention, or one contains the other when the shorter is longer than 3 characters.
fn same_person(gold: &str, names: &[String]) -> bool {
    let g = name_key(gold);
    names.iter().any(|x| {
        *x == g
            || (x.chars().count() > 3
                && g.chars().count() > 3
                && (x.contains(&g) || g.contains(x.as_str())))
    })
}

/// The id a report is matched on: its id, or the last `/` component of it.
fn report_key(id: &str) -> &str {
    id.rsplit('/').next().unwrap_or(id)
}

/// Scores reports against gold labels. Reports are matched to gold by id (or the last
/// path component of the report id); gold documents without a report are listed in
/// `missing` and count as all-negative predictions.
///
/// # Examples
///
/// ```
/// use rightslens::{evaluate::{evaluate, Gold}, Classifier};
/// let gold = Gold::parse_jsonl(r#"{"id":"d","topics":{"political_prisoners":2},"prisoners":["Ilham Tohti"]}"#).unwrap();
/// let clf = Classifier::new().unwrap();
/// let ev = evaluate(&gold, &[clf.classify_with_id("d", "Free Ilham Tohti now.")]);
/// assert_eq!(ev.prisoners.tp, 1);
/// ```
pub fn evaluate(gold: &[Gold], reports: &[Report]) -> Evaluation {
    let by_id: BTreeMap<&str, &Report> = reports.iter().map(|r| (report_key(&r.id), r)).collect();
    let mut topics: Vec<String> = Vec::new();
    for r in reports {
        for t in r.topics.keys() {
            if !topics.contains(t) {
                topics.push(t.clone());
            }
        }
    }
    for g in gold {
        for t in g.topics.keys() {
            if !topics.contains(t) {
                topics.push(t.clone());
            }
        }
    }
    topics.sort();
    let mut ev = Evaluation::default();
    for t in &topics {
        ev.topics.insert(t.clone(), TopicEval::default());
    }
    for g in gold {
        let r = by_id.get(report_key(&g.id)).copied();
        match r {
            Some(_) => ev.documents += 1,
            None => ev.missing.push(g.id.clone()),
        }
        for t in &topics {
            let level = g.level(t);
            let s = r.and_then(|r| r.topics.get(t));
            let (present, primary) = s.map_or((false, false), |s| (s.present, s.primary));
            let te = ev.topics.get_mut(t).expect("topic inserted above");
            te.present.add(present, level >= 1);
            te.primary.add(primary, level == 2);
            ev.micro_present.add(present, level >= 1);
            ev.micro_primary.add(primary, level == 2);
            for (lvl, pred, want) in [
                ("present", present, level >= 1),
                ("primary", primary, level == 2),
            ] {
                if pred != want {
                    let hits = r
                        .map(|r| {
                            r.hits
                                .iter()
                                .filter(|h| &h.topic == t)
                                .map(|h| format!("{} ({})", h.text, h.entry))
                                .collect()
                        })
                        .unwrap_or_default();
                    ev.mistakes.push(Mistake {
                        id: g.id.clone(),
                        topic: t.clone(),
                        level: lvl.to_string(),
                        gold: level,
                        predicted: pred,
                        score: s.map_or(0.0, |s| s.score),
                        evidence: s.map_or(0.0, |s| s.evidence),
                        hits,
                    });
                }
            }
        }
        if let (Some(h), Some(r)) = (g.human_rights, r) {
            ev.human_rights.add(r.human_rights, h);
        }
        // prisoners
        let found: Vec<(String, Vec<String>)> = r
            .map(|r| {
                r.prisoners
                    .iter()
                    .map(|p| {
                        let mut names = vec![name_key(&p.name)];
                        names.extend(p.mentions.iter().map(|m| name_key(&m.text)));
                        (p.name.to_string(), names)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut used = vec![false; found.len()];
        for name in &g.prisoners {
            match found.iter().position(|(_, names)| same_person(name, names)) {
                Some(k) => {
                    ev.prisoners.tp += 1;
                    used[k] = true;
                }
                None => {
                    ev.prisoners.fn_ += 1;
                    ev.missed_prisoners.push(format!("{}: {}", g.id, name));
                }
            }
        }
        for (k, (name, _)) in found.iter().enumerate() {
            if !used[k] {
                ev.prisoners.fp += 1;
                ev.extra_prisoners.push(format!("{}: {}", g.id, name));
            }
        }
    }
    ev
}

/// One point of a threshold sweep.
///
/// # Examples
///
/// ```
/// let p = rightslens::evaluate::SweepPoint { threshold: 0.5, precision: 1.0, recall: 0.5, f1: 0.667 };
/// assert!(p.f1 < 1.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SweepPoint {
    /// Threshold tried.
    pub threshold: f64,
    /// Precision at it.
    pub precision: f64,
    /// Recall at it.
    pub recall: f64,
    /// F1 at it.
    pub f1: f64,
}

/// F1 of one topic's `present` decision (evidence >= threshold) across thresholds, computed
/// from the reports' evidence without re-classifying.
///
/// # Examples
///
/// ```
/// use rightslens::{evaluate::{sweep_present, Gold}, Classifier};
/// let gold = Gold::parse_jsonl(r#"{"id":"0","topics":{"tibet":1}}"#).unwrap();
/// let clf = Classifier::new().unwrap();
/// let pts = sweep_present(&gold, &clf.classify_all(&["Tibet"]), "tibet", &[0.5, 50.0]);
/// assert_eq!(pts[0].f1, 1.0);
/// assert_eq!(pts[1].f1, 0.0);
/// ```
pub fn sweep_present(
    gold: &[Gold],
    reports: &[Report],
    topic: &str,
    thresholds: &[f64],
) -> Vec<SweepPoint> {
    sweep(
        gold,
        reports,
        topic,
        thresholds,
        |s, t| s.evidence > 0.0 && s.evidence >= t,
        1,
    )
}

/// F1 of one topic's `primary` decision (present, raised early and score >= threshold) across
/// thresholds.
///
/// # Examples
///
/// ```
/// use rightslens::{evaluate::{sweep_primary, Gold}, Classifier};
/// let gold = Gold::parse_jsonl(r#"{"id":"0","topics":{"tibet":2}}"#).unwrap();
/// let clf = Classifier::new().unwrap();
/// let pts = sweep_primary(&gold, &clf.classify_all(&["Tibet is the topic. Tibet."]), "tibet", &[0.1]);
/// assert_eq!(pts[0].recall, 1.0);
/// ```
pub fn sweep_primary(
    gold: &[Gold],
    reports: &[Report],
    topic: &str,
    thresholds: &[f64],
) -> Vec<SweepPoint> {
    sweep(
        gold,
        reports,
        topic,
        thresholds,
        |s, t| s.present && s.raised_early && s.score >= t,
        2,
    )
}

fn sweep(
    gold: &[Gold],
    reports: &[Report],
    topic: &str,
    thresholds: &[f64],
    decide: impl Fn(&crate::TopicScore, f64) -> bool,
    min_level: u8,
) -> Vec<SweepPoint> {
    let by_id: BTreeMap<&str, &Report> = reports.iter().map(|r| (report_key(&r.id), r)).collect();
    thresholds
        .iter()
        .map(|&t| {
            let mut c = Confusion::default();
            for g in gold {
                let pred = by_id
                    .get(report_key(&g.id))
                    .and_then(|r| r.topics.get(topic))
                    .is_some_and(|s| decide(s, t));
                c.add(pred, g.level(topic) >= min_level);
            }
            SweepPoint {
                threshold: t,
                precision: c.precision(),
                recall: c.recall(),
                f1: c.f1(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degenerate_tables() {
        let none = Confusion {
            tn: 10,
            ..Default::default()
        };
        assert_eq!(
            (none.precision(), none.recall(), none.f1()),
            (1.0, 1.0, 1.0)
        );
        assert_eq!(none.kappa(), 1.0);
        assert_eq!(none.alpha(), 1.0);
        let all = Confusion {
            tp: 10,
            ..Default::default()
        };
        assert_eq!(
            (all.precision(), all.recall(), all.f1(), all.kappa()),
            (1.0, 1.0, 1.0, 1.0)
        );
        let missed_all = Confusion {
            fn_: 4,
            tn: 6,
            ..Default::default()
        };
        assert_eq!(
            (missed_all.recall(), missed_all.f1(), missed_all.kappa()),
            (0.0, 0.0, 0.0)
        );
    }

    #[test]
    fn kappa_and_alpha_known_values() {
        // Classic textbook table: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no -> kappa 0.4.
        let c = Confusion {
            tp: 20,
            fp: 5,
            fn_: 10,
            tn: 15,
        };
        assert!((c.kappa() - 0.4).abs() < 1e-12);
        // Alpha for the same data: n = 100 values; n_yes = 55, n_no = 45;
        // D_o = 2*15/100 = 0.3; D_e = 2*55*45/(100*99) = 0.5; alpha = 1 - 0.3/0.5 = 0.4
        assert!((c.alpha() - 0.4).abs() < 1e-12, "{}", c.alpha());
        // Total disagreement
        let d = Confusion {
            fp: 5,
            fn_: 5,
            ..Default::default()
        };
        assert!(d.kappa() < 0.0 && d.alpha() < 0.0);
    }

    #[test]
    fn prf_known_values() {
        let c = Confusion {
            tp: 3,
            fp: 1,
            fn_: 2,
            tn: 0,
        };
        assert!((c.precision() - 0.75).abs() < 1e-12);
        assert!((c.recall() - 0.6).abs() < 1e-12);
        assert!((c.f1() - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-12);
    }

    #[test]
    fn names_match_across_spellings() {
        let names = vec![name_key("Chow Hang-tung")];
        assert!(same_person("Chow Hang Tung", &names));
        assert!(!same_person("Joshua Wong", &names));
        assert!(same_person("Panchen Lama", &[name_key("the Panchen Lama")]));
    }
}
