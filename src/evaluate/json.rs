//! The JSON form of an evaluation (`rightslens evaluate --json`): one versioned schema.
//!
//! The top level is always the same object; `baseline` and `sweep` are added when asked
//! for, never wrapping the rest. A metric that is undefined (see
//! [`Confusion`](super::Confusion)) is `null`, and so is its interval. Field names are plain
//! words. The schema is described field by field in `docs/evaluate-json.md`; a change that
//! renames or removes a field, or changes a field's meaning, raises [`SCHEMA_VERSION`]
//! (adding a field does not).

use super::{metrics::mean_defined, TopicSweep};
use super::{Bootstrap, Confusion, Evaluation, Intervals, MetricIntervals, Mistake, NameRef};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the JSON schema of [`EvaluationJson`].
pub const SCHEMA_VERSION: u32 = 1;

/// An evaluation as `rightslens evaluate --json` prints it.
///
/// # Examples
///
/// ```
/// use rightslens::evaluate::{bootstrap, evaluate, Bootstrap, DocumentCounts, EvaluationJson, Gold};
/// use rightslens::Classifier;
///
/// let gold = Gold::parse_jsonl(r#"{"id":"a","topics":{"tibet":1}}
/// {"id":"b","topics":{"tibet":0}}"#)?;
/// let clf = Classifier::builder().topics(&["tibet"]).build()?;
/// let reports = vec![clf.classify_with_id("a", "Repression in Tibet."), clf.classify_with_id("b", "Tea.")];
/// let opts = Bootstrap { resamples: 100, ..Bootstrap::default() };
/// let counts = DocumentCounts { read: 2, gold_labels: 2, ..DocumentCounts::default() };
/// let ev = evaluate(&gold, &reports);
/// let json = EvaluationJson::new(counts, &ev, Some(&bootstrap(&gold, &reports, &opts)), opts);
/// let v = serde_json::to_value(&json).unwrap();
/// assert_eq!(v["schema_version"], 1);
/// assert_eq!(v["topics"]["tibet"]["present"]["recall"], 1.0);
/// assert_eq!(v["topics"]["tibet"]["primary"]["recall"], serde_json::Value::Null, "no gold primaries");
/// assert!(v.get("baseline").is_none());
/// # Ok::<(), rightslens::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EvaluationJson {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The rightslens version that wrote it.
    pub rightslens_version: String,
    /// What was read and matched.
    pub documents: DocumentCounts,
    /// How the intervals were drawn (`resamples: 0`: no intervals).
    pub bootstrap: Bootstrap,
    /// The classifier's results.
    #[serde(flatten)]
    pub results: Results,
    /// The keyword baseline's results, when asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Results>,
    /// Threshold sweeps per topic, when asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sweep: Option<Vec<TopicSweep>>,
}

impl EvaluationJson {
    /// The JSON form of an evaluation and its intervals (`None`: no bootstrap).
    ///
    /// # Examples
    ///
    /// See [`EvaluationJson`].
    pub fn new(
        mut documents: DocumentCounts,
        ev: &Evaluation,
        intervals: Option<&Intervals>,
        bootstrap: Bootstrap,
    ) -> EvaluationJson {
        documents.scored = ev.documents;
        documents.without_report = ev.missing.clone();
        EvaluationJson {
            schema_version: SCHEMA_VERSION,
            rightslens_version: env!("CARGO_PKG_VERSION").to_string(),
            documents,
            bootstrap: Bootstrap {
                resamples: if intervals.is_some() {
                    bootstrap.resamples
                } else {
                    0
                },
                ..bootstrap
            },
            results: Results::new(ev, intervals),
            baseline: None,
            sweep: None,
        }
    }
}

/// The documents of an evaluation.
///
/// # Examples
///
/// ```
/// assert_eq!(rightslens::evaluate::DocumentCounts::default().read, 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DocumentCounts {
    /// Documents read.
    pub read: usize,
    /// Gold labels.
    pub gold_labels: usize,
    /// Gold labels with a document (the documents scored).
    pub scored: usize,
    /// Ids of documents read that have no gold label (not scored).
    pub without_label: Vec<String>,
    /// Gold ids without a document (scored as all-negative predictions).
    pub without_report: Vec<String>,
    /// Files that could not be read, with the reason.
    pub unreadable: Vec<String>,
}

/// The results of one classifier (the classifier under test or the baseline).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Results {
    /// Per topic.
    pub topics: BTreeMap<String, TopicDecisions>,
    /// Pooled over topics (every document-topic decision counted once).
    pub micro: TopicDecisions,
    /// Mean over topics of precision, recall and F1 (topics where the metric is undefined
    /// are left out of its mean).
    pub macro_average: MacroDecisions,
    /// `human_rights` against the documents whose gold codes it.
    pub human_rights: Decision,
    /// Prisoner names.
    pub prisoner_names: Names,
    /// Every wrong decision with the hits of its topic.
    pub mistakes: Vec<Mistake>,
}

impl Results {
    /// The results of an evaluation and its intervals.
    ///
    /// # Examples
    ///
    /// ```
    /// let r = rightslens::evaluate::Results::new(&Default::default(), None);
    /// assert!(r.topics.is_empty() && r.micro.present.f1.is_none());
    /// ```
    pub fn new(ev: &Evaluation, intervals: Option<&Intervals>) -> Results {
        let iv = |f: &dyn Fn(&Intervals) -> MetricIntervals| intervals.map(f).unwrap_or_default();
        let topics = ev
            .topics
            .iter()
            .map(|(t, e)| {
                let pick = |k: usize| {
                    iv(&|i: &Intervals| i.topics.get(t).map(|x| x[k]).unwrap_or_default())
                };
                let d = TopicDecisions {
                    present: Decision::new(&e.present, pick(0)),
                    primary: Decision::new(&e.primary, pick(1)),
                };
                (t.clone(), d)
            })
            .collect();
        let macro_of = |k: usize| {
            let of = |m: fn(&Confusion) -> Option<f64>| {
                mean_defined(
                    ev.topics
                        .values()
                        .map(|t| m(if k == 0 { &t.present } else { &t.primary })),
                )
            };
            MacroDecision {
                topics: ev.topics.len(),
                precision: of(Confusion::precision),
                recall: of(Confusion::recall),
                f1: of(Confusion::f1),
                intervals: iv(&|i: &Intervals| i.macro_average[k]),
            }
        };
        let p = &ev.prisoners;
        Results {
            topics,
            micro: TopicDecisions {
                present: Decision::new(&ev.micro_present, iv(&|i: &Intervals| i.micro[0])),
                primary: Decision::new(&ev.micro_primary, iv(&|i: &Intervals| i.micro[1])),
            },
            macro_average: MacroDecisions {
                present: macro_of(0),
                primary: macro_of(1),
            },
            human_rights: Decision::new(&ev.human_rights, iv(&|i: &Intervals| i.human_rights)),
            prisoner_names: Names {
                found: p.tp,
                missed: p.fn_,
                extra: p.fp,
                precision: p.precision(),
                recall: p.recall(),
                f1: p.f1(),
                intervals: iv(&|i: &Intervals| i.prisoners),
                missed_names: ev.missed_prisoners.clone(),
                extra_names: ev.extra_prisoners.clone(),
            },
            mistakes: ev.mistakes.clone(),
        }
    }
}

/// The two decisions of a topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicDecisions {
    /// `present` against gold level >= 1.
    pub present: Decision,
    /// `primary` against gold level 2.
    pub primary: Decision,
}

/// One binary decision against gold: the counts, the metrics and their intervals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    /// Documents decided.
    pub documents: usize,
    /// Gold positives.
    pub support: usize,
    /// Positive predictions.
    pub predicted: usize,
    /// The confusion table (`true_positives`, `false_positives`, `false_negatives`,
    /// `true_negatives`).
    #[serde(flatten)]
    pub counts: Confusion,
    /// Precision (`null`: nothing predicted).
    pub precision: Option<f64>,
    /// Recall (`null`: no gold positives).
    pub recall: Option<f64>,
    /// F1 (`null`: neither).
    pub f1: Option<f64>,
    /// Cohen's kappa (`null`: no variation).
    pub kappa: Option<f64>,
    /// Krippendorff's alpha (`null`: no variation).
    pub alpha: Option<f64>,
    /// Bootstrap intervals of the five metrics.
    pub intervals: MetricIntervals,
}

impl Decision {
    /// The figures of a confusion table.
    fn new(c: &Confusion, intervals: MetricIntervals) -> Decision {
        Decision {
            documents: c.total(),
            support: c.support(),
            predicted: c.predicted(),
            counts: *c,
            precision: c.precision(),
            recall: c.recall(),
            f1: c.f1(),
            kappa: c.kappa(),
            alpha: c.alpha(),
            intervals,
        }
    }
}

/// Macro averages of the two decisions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MacroDecisions {
    /// Of `present`.
    pub present: MacroDecision,
    /// Of `primary`.
    pub primary: MacroDecision,
}

/// Macro averages of one decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MacroDecision {
    /// Topics averaged over.
    pub topics: usize,
    /// Mean precision.
    pub precision: Option<f64>,
    /// Mean recall.
    pub recall: Option<f64>,
    /// Mean F1.
    pub f1: Option<f64>,
    /// Bootstrap intervals (precision, recall and F1 only).
    pub intervals: MetricIntervals,
}

/// Prisoner names against gold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Names {
    /// Gold names found.
    pub found: usize,
    /// Gold names missed.
    pub missed: usize,
    /// Reported people not in gold.
    pub extra: usize,
    /// `found / (found + extra)`.
    pub precision: Option<f64>,
    /// `found / (found + missed)`.
    pub recall: Option<f64>,
    /// F1.
    pub f1: Option<f64>,
    /// Bootstrap intervals (precision, recall and F1).
    pub intervals: MetricIntervals,
    /// The gold names missed.
    pub missed_names: Vec<NameRef>,
    /// The reported people not in gold.
    pub extra_names: Vec<NameRef>,
}
