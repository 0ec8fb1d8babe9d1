//! Agreement of one binary decision with gold: precision, recall, F1, Cohen's kappa and
//! Krippendorff's alpha from a 2×2 confusion table.

use serde::{Deserialize, Serialize};

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

pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// The mean of the values (0 when there are none).
pub(crate) fn mean(it: impl Iterator<Item = f64>) -> f64 {
    let v: Vec<f64> = it.collect();
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
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
}
