//! Bootstrap confidence intervals: how much each figure of an evaluation could move with
//! another sample of documents of the same kind.
//!
//! Documents are the unit that was sampled and labelled, so they are what is resampled: each
//! of [`Bootstrap::resamples`] resamples draws as many gold documents as there are, with
//! replacement, and recomputes every table from their decisions (the same per-document
//! decisions as [`evaluate`](super::evaluate)). The interval of a metric is the percentile
//! interval of its resampled values (2.5th and 97.5th percentiles at 95 %); resamples where
//! the metric is undefined (for example no gold positive drawn) are left out, and a metric
//! undefined on the full sample has no interval. The draws come from a fixed-seed generator
//! (SplitMix64), so the same labels, reports and [`Bootstrap`] give the same intervals on
//! every machine and thread count.

use super::metrics::mean_defined;
use super::{decide, report_key, reports_by_id, topics_of, Confusion, Gold};
use crate::report::Report;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Resamples drawn by default: 1,000, enough for stable 95 % percentile intervals.
pub const DEFAULT_RESAMPLES: usize = 1000;
/// Seed of the resampling generator by default.
pub const DEFAULT_SEED: u64 = 20_240_517;
/// Confidence level by default: 0.95.
pub const DEFAULT_CONFIDENCE: f64 = 0.95;

/// How the intervals are drawn.
///
/// # Examples
///
/// ```
/// let b = rightslens::evaluate::Bootstrap::default();
/// assert_eq!((b.resamples, b.confidence), (1000, 0.95));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Bootstrap {
    /// Resamples drawn (0: no intervals).
    pub resamples: usize,
    /// Seed of the generator.
    pub seed: u64,
    /// Confidence level, between 0 and 1.
    pub confidence: f64,
}

impl Default for Bootstrap {
    fn default() -> Bootstrap {
        Bootstrap {
            resamples: DEFAULT_RESAMPLES,
            seed: DEFAULT_SEED,
            confidence: DEFAULT_CONFIDENCE,
        }
    }
}

/// A confidence interval.
///
/// # Examples
///
/// ```
/// let i = rightslens::evaluate::Interval { low: 0.6, high: 0.9 };
/// assert!(i.low <= i.high);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

/// The intervals of the metrics of one decision (`None`: the metric is undefined on the full
/// sample, or no resample was drawn).
///
/// # Examples
///
/// ```
/// let m = rightslens::evaluate::MetricIntervals::default();
/// assert!(m.f1.is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct MetricIntervals {
    /// Of precision.
    pub precision: Option<Interval>,
    /// Of recall.
    pub recall: Option<Interval>,
    /// Of F1.
    pub f1: Option<Interval>,
    /// Of Cohen's kappa.
    pub kappa: Option<Interval>,
    /// Of Krippendorff's alpha.
    pub alpha: Option<Interval>,
}

/// The intervals of a whole evaluation.
///
/// # Examples
///
/// See [`bootstrap`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Intervals {
    /// Per topic: `[present, primary]`.
    pub topics: BTreeMap<String, [MetricIntervals; 2]>,
    /// Pooled over topics: `[present, primary]`.
    pub micro: [MetricIntervals; 2],
    /// Macro-averaged precision, recall and F1 (kappa and alpha are not averaged):
    /// `[present, primary]`.
    pub macro_average: [MetricIntervals; 2],
    /// `human_rights`.
    pub human_rights: MetricIntervals,
    /// Prisoner names (precision, recall, F1).
    pub prisoners: MetricIntervals,
}

/// Bootstrap confidence intervals of every figure of [`evaluate`](super::evaluate)`(gold,
/// reports)`: the gold documents are resampled with replacement `opts.resamples` times with a
/// generator seeded by `opts.seed`, every table is recomputed, and each interval is the
/// percentile interval of the resampled values (resamples where the metric is undefined are
/// left out; a metric undefined on the full sample has no interval).
///
/// # Examples
///
/// ```
/// use rightslens::evaluate::{bootstrap, Bootstrap, Gold};
/// use rightslens::Classifier;
///
/// let gold = Gold::parse_jsonl(r#"{"id":"a","topics":{"tibet":1}}
/// {"id":"b","topics":{"tibet":0}}
/// {"id":"c","topics":{"tibet":1}}"#)?;
/// let clf = Classifier::builder().topics(&["tibet"]).build()?;
/// let reports = vec![
///     clf.classify_with_id("a", "Repression in Tibet."),
///     clf.classify_with_id("b", "A recipe."),
///     clf.classify_with_id("c", "Dumplings."),
/// ];
/// let opts = Bootstrap { resamples: 200, ..Bootstrap::default() };
/// let i = bootstrap(&gold, &reports, &opts);
/// let recall = i.topics["tibet"][0].recall.unwrap();
/// assert!(recall.low <= 0.5 && 0.5 <= recall.high);
/// assert_eq!(i, bootstrap(&gold, &reports, &opts), "seeded: the same every time");
/// # Ok::<(), rightslens::Error>(())
/// ```
pub fn bootstrap(gold: &[Gold], reports: &[Report], opts: &Bootstrap) -> Intervals {
    let by_id = reports_by_id(reports);
    let topics = topics_of(gold, reports);
    let docs: Vec<_> = gold
        .iter()
        .map(|g| decide(g, by_id.get(report_key(&g.id)).copied(), &topics))
        .collect();
    let full = Tables::sum(&topics, docs.iter());
    let mut samples: Vec<Tables> = Vec::with_capacity(opts.resamples);
    let mut rng = SplitMix64(opts.seed);
    if !docs.is_empty() {
        for _ in 0..opts.resamples {
            let draw = (0..docs.len()).map(|_| &docs[rng.below(docs.len())]);
            samples.push(Tables::sum(&topics, draw));
        }
    }
    let ci = |full: &Confusion, pick: &dyn Fn(&Tables) -> Confusion| -> MetricIntervals {
        let tables: Vec<Confusion> = samples.iter().map(pick).collect();
        let of = |metric: fn(&Confusion) -> Option<f64>| {
            metric(full)?;
            interval(tables.iter().filter_map(metric).collect(), opts.confidence)
        };
        MetricIntervals {
            precision: of(Confusion::precision),
            recall: of(Confusion::recall),
            f1: of(Confusion::f1),
            kappa: of(Confusion::kappa),
            alpha: of(Confusion::alpha),
        }
    };
    let macro_ci = |k: usize| -> MetricIntervals {
        let of = |metric: fn(&Confusion) -> Option<f64>| {
            full.macro_of(k, metric)?;
            interval(
                samples
                    .iter()
                    .filter_map(|s| s.macro_of(k, metric))
                    .collect(),
                opts.confidence,
            )
        };
        MetricIntervals {
            precision: of(Confusion::precision),
            recall: of(Confusion::recall),
            f1: of(Confusion::f1),
            kappa: None,
            alpha: None,
        }
    };
    let mut out = Intervals::default();
    for (i, t) in topics.iter().enumerate() {
        out.topics.insert(
            t.clone(),
            [0, 1].map(|k| ci(&full.topics[i][k], &|s: &Tables| s.topics[i][k])),
        );
    }
    out.micro = [0, 1].map(|k| ci(&full.micro[k], &|s: &Tables| s.micro[k]));
    out.macro_average = [0, 1].map(macro_ci);
    out.human_rights = ci(&full.human_rights, &|s: &Tables| s.human_rights);
    let mut prisoners = ci(&full.prisoners, &|s: &Tables| s.prisoners);
    // No true negatives in name matching: agreement statistics do not apply.
    (prisoners.kappa, prisoners.alpha) = (None, None);
    out.prisoners = prisoners;
    out
}

/// Every confusion table of an evaluation, summed over some documents.
struct Tables {
    topics: Vec<[Confusion; 2]>,
    micro: [Confusion; 2],
    human_rights: Confusion,
    prisoners: Confusion,
}

impl Tables {
    fn sum<'a>(topics: &[String], docs: impl Iterator<Item = &'a super::Decisions>) -> Tables {
        let mut t = Tables {
            topics: vec![[Confusion::default(); 2]; topics.len()],
            micro: [Confusion::default(); 2],
            human_rights: Confusion::default(),
            prisoners: Confusion::default(),
        };
        for d in docs {
            for (sum, one) in t.topics.iter_mut().zip(&d.topics) {
                for k in 0..2 {
                    sum[k].merge(&one[k]);
                    t.micro[k].merge(&one[k]);
                }
            }
            t.human_rights.merge(&d.human_rights);
            t.prisoners.merge(&d.prisoners);
        }
        t
    }

    /// The mean of a metric over the topics where it is defined (decision `k`).
    fn macro_of(&self, k: usize, metric: fn(&Confusion) -> Option<f64>) -> Option<f64> {
        mean_defined(self.topics.iter().map(|t| metric(&t[k])))
    }
}

/// The percentile interval of some values at a confidence level (`None` without values).
fn interval(mut values: Vec<f64>, confidence: f64) -> Option<Interval> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let tail = (1.0 - confidence.clamp(0.0, 1.0)) / 2.0;
    let at = |q: f64| {
        let pos = q * (values.len() - 1) as f64;
        let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
        values[lo] + (values[hi] - values[lo]) * (pos - lo as f64)
    };
    Some(Interval {
        low: at(tail),
        high: at(1.0 - tail),
    })
}

/// SplitMix64 (Steele, Lea and Flood 2014): a small, fast generator whose output depends only
/// on its seed, which is all resampling needs.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform draw in `0..n` (multiply-shift; the bias is below 2^-32 for any real n).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles() {
        let v: Vec<f64> = (0..=100).map(f64::from).collect();
        let i = interval(v, 0.95).unwrap();
        assert!(
            (i.low - 2.5).abs() < 1e-9 && (i.high - 97.5).abs() < 1e-9,
            "{i:?}"
        );
        assert_eq!(interval(vec![], 0.95), None);
        assert_eq!(
            interval(vec![0.5], 0.95),
            Some(Interval {
                low: 0.5,
                high: 0.5
            })
        );
    }

    #[test]
    fn draws_are_uniform_and_seeded() {
        let mut a = SplitMix64(7);
        let mut counts = [0usize; 4];
        for _ in 0..40_000 {
            counts[a.below(4)] += 1;
        }
        assert!(
            counts.iter().all(|&c| (9_000..11_000).contains(&c)),
            "{counts:?}"
        );
        let (mut x, mut y) = (SplitMix64(1), SplitMix64(1));
        assert!((0..100).all(|_| x.next() == y.next()));
    }

    #[test]
    fn the_full_sample_tables_equal_the_evaluation() {
        let gold = Gold::parse_jsonl(
            r#"{"id":"a","topics":{"tibet":2},"human_rights":true,"prisoners":["Ilham Tohti","Zhang Zhan"]}
{"id":"b","topics":{"tibet":0},"human_rights":false}
{"id":"c","topics":{"tibet":1,"taiwan":1}}"#,
        )
        .unwrap();
        let clf = crate::Classifier::new().unwrap();
        let reports = vec![
            clf.classify_with_id(
                "a",
                "Tibet. The Dalai Lama. Free Ilham Tohti and Jimmy Lai.",
            ),
            clf.classify_with_id("b", "Repression in Tibet must end, the rights of Tibetans."),
            clf.classify_with_id("c", "A recipe."),
        ];
        let ev = super::super::evaluate(&gold, &reports);
        let topics = topics_of(&gold, &reports);
        let by_id = reports_by_id(&reports);
        let docs: Vec<_> = gold
            .iter()
            .map(|g| decide(g, by_id.get(report_key(&g.id)).copied(), &topics))
            .collect();
        let full = Tables::sum(&topics, docs.iter());
        for (i, t) in topics.iter().enumerate() {
            assert_eq!(full.topics[i], [ev.topics[t].present, ev.topics[t].primary]);
        }
        assert_eq!(full.micro, [ev.micro_present, ev.micro_primary]);
        assert_eq!(full.human_rights, ev.human_rights);
        assert_eq!(full.prisoners, ev.prisoners);
        assert_eq!(full.macro_of(0, Confusion::f1), ev.macro_f1_present());
    }
}
