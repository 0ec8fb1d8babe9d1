//! Threshold sweeps: F1 of a decision across thresholds, from the reports' figures.

use super::{report_key, Confusion, Gold};
use crate::report::Report;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One point of a threshold sweep.
///
/// # Examples
///
/// ```
/// let p = rightslens::evaluate::SweepPoint { threshold: 0.5, precision: None, recall: Some(0.0), f1: Some(0.0) };
/// assert_eq!(p.f1, Some(0.0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SweepPoint {
    /// Threshold tried.
    pub threshold: f64,
    /// Precision at it (`None`: nothing predicted).
    pub precision: Option<f64>,
    /// Recall at it (`None`: no gold positives).
    pub recall: Option<f64>,
    /// F1 at it (`None`: neither gold nor predicted positives).
    pub f1: Option<f64>,
}

/// The sweeps of one topic: `present` across evidence thresholds, `primary` across score
/// thresholds.
///
/// # Examples
///
/// ```
/// let s = rightslens::evaluate::TopicSweep { topic: "tibet".into(), present: vec![], primary: vec![] };
/// assert!(s.present.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicSweep {
    /// The topic.
    pub topic: String,
    /// `present` (evidence >= threshold) at each threshold tried.
    pub present: Vec<SweepPoint>,
    /// `primary` (score >= threshold) at each threshold tried.
    pub primary: Vec<SweepPoint>,
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
/// assert_eq!(pts[0].f1, Some(1.0));
/// assert_eq!(pts[1].f1, Some(0.0));
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

/// F1 of one topic's `primary` decision (present, a main subject and score >= threshold) across
/// thresholds.
///
/// # Examples
///
/// ```
/// use rightslens::{evaluate::{sweep_primary, Gold}, Classifier};
/// let gold = Gold::parse_jsonl(r#"{"id":"0","topics":{"tibet":2}}"#).unwrap();
/// let clf = Classifier::new().unwrap();
/// let pts = sweep_primary(&gold, &clf.classify_all(&["Tibet is the topic. Tibet."]), "tibet", &[0.1]);
/// assert_eq!(pts[0].recall, Some(1.0));
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
        |s, t| s.present && s.main_subject && s.score >= t,
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
