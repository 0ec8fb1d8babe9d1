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
//! assert_eq!(ev.topics["tibet"].present.f1(), Some(1.0));
//! # Ok::<(), rightslens::Error>(())
//! ```

mod bootstrap;
mod json;
mod labels;
mod metrics;
mod names;
mod report;
mod sweep;

pub use bootstrap::{
    bootstrap, Bootstrap, Interval, Intervals, MetricIntervals, DEFAULT_CONFIDENCE,
    DEFAULT_RESAMPLES, DEFAULT_SEED,
};
pub use json::{
    Decision, DocumentCounts, EvaluationJson, MacroDecision, MacroDecisions, Names, Results,
    TopicDecisions, SCHEMA_VERSION,
};
pub use labels::Gold;
pub use metrics::Confusion;
pub use report::{Evaluation, Mistake, MistakeHit, NameRef, TopicEval};
pub use sweep::{sweep_present, sweep_primary, SweepPoint, TopicSweep};

use crate::report::Report;
use names::{name_key, same_person};
use std::collections::BTreeMap;

/// The id a report is matched on: its id, or the last `/` component of it.
pub(crate) fn report_key(id: &str) -> &str {
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
    let by_id = reports_by_id(reports);
    let topics = topics_of(gold, reports);
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
        let d = decide(g, r, &topics);
        for (t, decisions) in topics.iter().zip(&d.topics) {
            let te = ev.topics.get_mut(t).expect("topic inserted above");
            te.present.merge(&decisions[0]);
            te.primary.merge(&decisions[1]);
            ev.micro_present.merge(&decisions[0]);
            ev.micro_primary.merge(&decisions[1]);
            add_mistakes(&mut ev, g, r, t);
        }
        ev.human_rights.merge(&d.human_rights);
        ev.prisoners.merge(&d.prisoners);
        let m = match_prisoners(g, r);
        ev.missed_prisoners
            .extend(m.missed.into_iter().map(|name| NameRef {
                id: g.id.clone(),
                name,
            }));
        ev.extra_prisoners
            .extend(m.extra.into_iter().map(|name| NameRef {
                id: g.id.clone(),
                name,
            }));
    }
    ev
}

/// Reports by the key gold labels are matched on.
pub(crate) fn reports_by_id(reports: &[Report]) -> BTreeMap<&str, &Report> {
    reports.iter().map(|r| (report_key(&r.id), r)).collect()
}

/// The decisions about one gold document, each as a one-item confusion table, as both the
/// evaluation and its bootstrap count them.
pub(crate) struct Decisions {
    /// Per topic (in the order given): `present` and `primary`.
    pub(crate) topics: Vec<[Confusion; 2]>,
    /// `human_rights`, when gold codes it and there is a report (else empty).
    pub(crate) human_rights: Confusion,
    /// Prisoner names: found (tp), missed (fn), extra (fp).
    pub(crate) prisoners: Confusion,
}

/// Decides one gold document against its report (none: every prediction negative).
pub(crate) fn decide(g: &Gold, r: Option<&Report>, topics: &[String]) -> Decisions {
    let topics = topics
        .iter()
        .map(|t| {
            let level = g.level(t);
            let (present, primary) = predicted(r, t);
            let mut p = Confusion::default();
            p.add(present, level >= 1);
            let mut q = Confusion::default();
            q.add(primary, level == 2);
            [p, q]
        })
        .collect();
    let mut human_rights = Confusion::default();
    if let (Some(h), Some(r)) = (g.human_rights, r) {
        human_rights.add(r.human_rights, h);
    }
    let m = match_prisoners(g, r);
    Decisions {
        topics,
        human_rights,
        prisoners: Confusion {
            tp: m.found,
            fp: m.extra.len(),
            fn_: m.missed.len(),
            tn: 0,
        },
    }
}

/// The `present` and `primary` decisions of a report for a topic.
fn predicted(r: Option<&Report>, t: &str) -> (bool, bool) {
    r.and_then(|r| r.topics.get(t))
        .map_or((false, false), |s| (s.present, s.primary))
}

/// Every topic of the reports and the gold labels, sorted.
pub(crate) fn topics_of(gold: &[Gold], reports: &[Report]) -> Vec<String> {
    let mut topics: Vec<String> = Vec::new();
    let keys = reports
        .iter()
        .flat_map(|r| r.topics.keys())
        .chain(gold.iter().flat_map(|g| g.topics.keys()));
    for t in keys {
        if !topics.contains(t) {
            topics.push(t.clone());
        }
    }
    topics.sort();
    topics
}

/// Lists the wrong `present` and `primary` decisions of topic `t` for one document.
fn add_mistakes(ev: &mut Evaluation, g: &Gold, r: Option<&Report>, t: &str) {
    let level = g.level(t);
    let s = r.and_then(|r| r.topics.get(t));
    let (present, primary) = predicted(r, t);
    for (lvl, pred, want) in [
        ("present", present, level >= 1),
        ("primary", primary, level == 2),
    ] {
        if pred == want {
            continue;
        }
        let hits = r
            .map(|r| {
                r.hits
                    .iter()
                    .filter(|h| h.topic == t)
                    .map(|h| MistakeHit {
                        text: h.text.to_string(),
                        entry: h.entry.to_string(),
                        start: h.start,
                        end: h.end,
                    })
                    .collect()
            })
            .unwrap_or_default();
        ev.mistakes.push(Mistake {
            id: g.id.clone(),
            topic: t.to_string(),
            level: lvl.to_string(),
            gold: level,
            predicted: pred,
            score: s.map_or(0.0, |s| s.score),
            evidence: s.map_or(0.0, |s| s.evidence),
            hits,
        });
    }
}

/// The gold prisoner names of one document matched to the people its report names.
struct PrisonerMatch {
    found: usize,
    missed: Vec<String>,
    extra: Vec<String>,
}

/// Matches the gold prisoner names of one document to the prisoners its report names.
fn match_prisoners(g: &Gold, r: Option<&Report>) -> PrisonerMatch {
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
    let mut m = PrisonerMatch {
        found: 0,
        missed: Vec::new(),
        extra: Vec::new(),
    };
    for name in &g.prisoners {
        // an unused person whose name is the gold name first, so that `Liu Xia` is not taken
        // by an earlier `Liu Xiaobo` that contains it
        let key = name_key(name);
        let exact = |k: usize| found[k].1.contains(&key);
        let similar = |k: usize| same_person(name, &found[k].1);
        let pick = (0..found.len())
            .find(|&k| !used[k] && exact(k))
            .or_else(|| (0..found.len()).find(|&k| !used[k] && similar(k)))
            .or_else(|| (0..found.len()).find(|&k| similar(k)));
        match pick {
            Some(k) => {
                m.found += 1;
                used[k] = true;
            }
            None => m.missed.push(name.clone()),
        }
    }
    for (k, (name, _)) in found.into_iter().enumerate() {
        if !used[k] {
            m.extra.push(name);
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_inside_another_takes_its_own_person() {
        // `Liu Xia` is contained in `Liu Xiaobo`: each gold name takes the person named so
        let clf = crate::Classifier::new().expect("built-in lexicons");
        let r = clf.classify(
            "China must free Liu Xiaobo, the jailed Nobel laureate; his wife, the poet Liu Xia, \
             remains under house arrest.",
        );
        let gold = Gold {
            id: "x".into(),
            topics: Default::default(),
            human_rights: None,
            prisoners: vec!["Liu Xiaobo".into(), "Liu Xia".into()],
        };
        let m = match_prisoners(&gold, Some(&r));
        assert_eq!(
            (m.found, m.missed.len(), m.extra.len()),
            (2, 0, 0),
            "{:?}",
            m.extra
        );
    }
}
