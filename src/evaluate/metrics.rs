//! Agreement of one binary decision with gold: precision, recall, F1, Cohen's kappa and
//! Krippendorff's alpha from a 2×2 confusion table.
//!
//! A metric whose formula divides by zero is undefined and returned as `None` (written `null`
//! in JSON and `n/a` in tables), never replaced by a conventional 0 or 1: recall with no
//! gold positives, precision with no positive prediction, F1 with neither, kappa and alpha
//! when there is no variation to agree on.

use serde::{Deserialize, Serialize};

/// A 2×2 confusion table for one binary decision.
///
/// # Examples
///
/// ```
/// let c = rightslens::evaluate::Confusion { tp: 8, fp: 2, fn_: 2, tn: 88 };
/// assert!((c.precision().unwrap() - 0.8).abs() < 1e-12);
/// assert!((c.f1().unwrap() - 0.8).abs() < 1e-12);
/// assert_eq!(c.support(), 10);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Confusion {
    /// Predicted yes, gold yes.
    #[serde(rename = "true_positives")]
    pub tp: usize,
    /// Predicted yes, gold no.
    #[serde(rename = "false_positives")]
    pub fp: usize,
    /// Predicted no, gold yes.
    #[serde(rename = "false_negatives")]
    pub fn_: usize,
    /// Predicted no, gold no.
    #[serde(rename = "true_negatives")]
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

    /// Adds the counts of another table.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::evaluate::Confusion;
    /// let mut c = Confusion { tp: 1, ..Default::default() };
    /// c.merge(&Confusion { fn_: 2, ..Default::default() });
    /// assert_eq!((c.tp, c.fn_), (1, 2));
    /// ```
    pub fn merge(&mut self, other: &Confusion) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
        self.tn += other.tn;
    }

    /// Items decided (the four cells summed).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(rightslens::evaluate::Confusion { tp: 1, tn: 2, ..Default::default() }.total(), 3);
    /// ```
    pub fn total(&self) -> usize {
        self.tp + self.fp + self.fn_ + self.tn
    }

    /// Gold positives (`tp + fn`), the support of precision, recall and F1.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(rightslens::evaluate::Confusion { tp: 1, fn_: 2, fp: 5, tn: 0 }.support(), 3);
    /// ```
    pub fn support(&self) -> usize {
        self.tp + self.fn_
    }

    /// Positive predictions (`tp + fp`).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(rightslens::evaluate::Confusion { tp: 1, fp: 5, ..Default::default() }.predicted(), 6);
    /// ```
    pub fn predicted(&self) -> usize {
        self.tp + self.fp
    }

    /// Precision, `tp / (tp + fp)`; `None` when nothing was predicted.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::evaluate::Confusion;
    /// assert_eq!(Confusion::default().precision(), None);
    /// assert_eq!(Confusion { tp: 1, fp: 3, ..Default::default() }.precision(), Some(0.25));
    /// ```
    pub fn precision(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Recall, `tp / (tp + fn)`; `None` when there was nothing to find (no gold positives).
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::evaluate::Confusion;
    /// assert_eq!(Confusion { tp: 1, fn_: 3, ..Default::default() }.recall(), Some(0.25));
    /// assert_eq!(Confusion { fp: 3, tn: 5, ..Default::default() }.recall(), None);
    /// ```
    pub fn recall(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// F1, the harmonic mean of precision and recall, computed as `2tp / (2tp + fp + fn)`
    /// (0 when precision or recall is 0); `None` when there was nothing to find and nothing
    /// was predicted.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::evaluate::Confusion;
    /// assert_eq!(Confusion { fp: 1, fn_: 1, ..Default::default() }.f1(), Some(0.0));
    /// assert_eq!(Confusion { tn: 9, ..Default::default() }.f1(), None);
    /// ```
    pub fn f1(&self) -> Option<f64> {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }

    /// Cohen's kappa between prediction and gold: observed agreement corrected for the
    /// agreement expected from the two marginals; `None` when the expected agreement is
    /// already 1 (both sides said the same single class everywhere) or the table is empty.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::evaluate::Confusion;
    /// let c = Confusion { tp: 20, fp: 5, fn_: 10, tn: 15 };
    /// assert!((c.kappa().unwrap() - 0.4).abs() < 1e-9);
    /// assert_eq!(Confusion { tn: 10, ..Default::default() }.kappa(), None);
    /// ```
    pub fn kappa(&self) -> Option<f64> {
        let n = self.total() as f64;
        if n == 0.0 {
            return None;
        }
        let po = (self.tp + self.tn) as f64 / n;
        let pred_yes = (self.tp + self.fp) as f64 / n;
        let gold_yes = (self.tp + self.fn_) as f64 / n;
        let pe = pred_yes * gold_yes + (1.0 - pred_yes) * (1.0 - gold_yes);
        if (1.0 - pe).abs() < 1e-12 {
            return None;
        }
        Some((po - pe) / (1.0 - pe))
    }

    /// Krippendorff's alpha (nominal data, two coders, no missing values): `1 - D_o / D_e`
    /// with disagreement counted over all pairable values; `None` when all values are one
    /// class (no expected disagreement) or the table is empty.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::evaluate::Confusion;
    /// let perfect = Confusion { tp: 5, tn: 5, ..Default::default() };
    /// assert_eq!(perfect.alpha(), Some(1.0));
    /// assert_eq!(Confusion { tp: 5, ..Default::default() }.alpha(), None);
    /// ```
    pub fn alpha(&self) -> Option<f64> {
        if self.total() == 0 {
            return None;
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
            return None;
        }
        Some(1.0 - d_o / d_e)
    }
}

/// `a / b`, `None` when `b` is 0.
pub(crate) fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// The mean of the defined values; `None` when none is defined.
pub(crate) fn mean_defined(it: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let v: Vec<f64> = it.flatten().collect();
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

/// A metric for a table: three decimals, or `n/a` when undefined, right-aligned in `width`.
pub(crate) fn cell(x: Option<f64>, width: usize) -> String {
    match x {
        Some(x) => format!("{x:>width$.3}"),
        None => format!("{:>width$}", "n/a"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degenerate_tables_are_undefined_not_perfect() {
        let none = Confusion {
            tn: 10,
            ..Default::default()
        };
        assert_eq!(
            (none.precision(), none.recall(), none.f1()),
            (None, None, None)
        );
        assert_eq!((none.kappa(), none.alpha()), (None, None));
        let all = Confusion {
            tp: 10,
            ..Default::default()
        };
        assert_eq!(
            (all.precision(), all.recall(), all.f1()),
            (Some(1.0), Some(1.0), Some(1.0))
        );
        assert_eq!((all.kappa(), all.alpha()), (None, None));
        let missed_all = Confusion {
            fn_: 4,
            tn: 6,
            ..Default::default()
        };
        assert_eq!(
            (missed_all.precision(), missed_all.recall(), missed_all.f1()),
            (None, Some(0.0), Some(0.0))
        );
        assert_eq!(missed_all.kappa(), Some(0.0));
        let empty = Confusion::default();
        assert_eq!(
            (empty.kappa(), empty.alpha(), empty.f1()),
            (None, None, None)
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
        assert!((c.kappa().unwrap() - 0.4).abs() < 1e-12);
        // Alpha for the same data: n = 100 values; n_yes = 55, n_no = 45;
        // D_o = 2*15/100 = 0.3; D_e = 2*55*45/(100*99) = 0.5; alpha = 1 - 0.3/0.5 = 0.4
        assert!((c.alpha().unwrap() - 0.4).abs() < 1e-12, "{:?}", c.alpha());
        // Total disagreement
        let d = Confusion {
            fp: 5,
            fn_: 5,
            ..Default::default()
        };
        assert!(d.kappa().unwrap() < 0.0 && d.alpha().unwrap() < 0.0);
    }

    #[test]
    fn prf_known_values() {
        let c = Confusion {
            tp: 3,
            fp: 1,
            fn_: 2,
            tn: 0,
        };
        assert!((c.precision().unwrap() - 0.75).abs() < 1e-12);
        assert!((c.recall().unwrap() - 0.6).abs() < 1e-12);
        assert!((c.f1().unwrap() - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-12);
    }

    #[test]
    fn cells_and_means() {
        assert_eq!(cell(None, 6), "   n/a");
        assert_eq!(cell(Some(0.5), 6), " 0.500");
        assert_eq!(
            mean_defined([None, Some(1.0), Some(0.0)].into_iter()),
            Some(0.5)
        );
        assert_eq!(mean_defined([None].into_iter()), None);
    }
}
