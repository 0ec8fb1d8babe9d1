//! The scoring model: from hits to a coverage score and two decisions per topic.
//!
//! For each topic of a document:
//!
//! 1. **Sense of each mention.** A place or an ethnonym (an entry with `sense = "judged"`,
//!    the default for `kind = "place"`) can be named without raising the issue: in a tariff
//!    table, a list of vaccine recipients, a nominee's past postings, a market report. Each
//!    such mention is judged from its sentence by [`judge_sense`] (third party, rights cue,
//!    issue frame, enumeration, biography, non-political cue, apolitical document, else
//!    plain), then the document votes once per topic (one sense per document: a place its
//!    own sentences overwhelmingly put in a market, trade, travel or crime register keeps
//!    that sense where a sentence gives no cue); only issue-sense mentions add evidence. Laws, policies, events, organisations
//!    and named prisoners are not judged: they always count. The rules and the cue lists
//!    (`lexicons/context.toml`, roles `rights`, `issue`, `place`, `biography`, `benign`)
//!    are written by hand and tuned on the development sets; the evaluation command in the
//!    README measures them on a blind-labelled set they were not tuned on.
//! 2. **Evidence per hit** = entry `weight` × context factor of the hit's sentence:
//!    [`ScoreModel::rights_factor`] (default 1.5) when the sentence holds a human-rights cue,
//!    else, for entries that are not judged, [`ScoreModel::benign_factor`] (default 0.25)
//!    when it holds a non-political cue, else 1. Entries marked `requires = "rights"` count
//!    only in a sentence with a rights cue; entries marked `requires = "china"` (general
//!    terms such as "political prisoners", and names other countries share such as
//!    "National Security Law") only within [`ScoreModel::china_window`] sentences (1: the
//!    same, the previous or the next one) of a China cue or a topic hit that needs no
//!    context, or in a document with [`ScoreModel::china_density`] (5) of those per 1,000
//!    words; never in a sentence that names another country (a `place` cue: `Burma`,
//!    `Burmese`) and no China cue, which is about that country's prisoners or laws. A named
//!    political prisoner whose region is a topic (`tibet`, `xinjiang`,
//!    `hong_kong`) also adds his or her evidence to that topic.
//! 3. **Supporting terms** (`support = true`: generic custody vocabulary such as "arbitrary
//!    detention" or "subversion of state power", rights groups' names) add their evidence
//!    only when the topic also has a hit of an entry that is not a supporting term (a named
//!    person, a group in custody, a release call, "political prisoners"): vocabulary alone
//!    never raises a topic.
//! 4. **Register.** A document of at least [`ScoreModel::apolitical_min_words`] words (150), or
//!    one with any non-political cue, is *apolitical* when its rights, political, issue and
//!    China cues (these up to [`ScoreModel::china_register_cap`], two of them) weigh less
//!    than [`ScoreModel::political_min`] (default 2), or when its
//!    non-political cues outweigh them [`ScoreModel::benign_dominance`] times (default 3).
//!    A story of ordinary crime is apolitical too: crime cues weighing at least
//!    [`ScoreModel::crime_register`] (two of them) and no rights cue but custody words.
//!    In an apolitical document a place mention without a rights or issue cue is judged
//!    non-issue (step 1): a story about dolphins in Hong Kong waters does not raise the Hong
//!    Kong question, however often it names the city.
//!
//!    **Evidence** `E` = sum over the topic's counting hits.
//! 5. **Strength** `s = 1 - exp(-E / strength_scale)` (default scale 3): one plain mention
//!    gives 0.28, three give 0.63, ten give 0.96 ([`strength`]).
//! 6. **Prominence** `p = min(1, sentence_share / prominence_share)`: the share of sentences
//!    with a counting hit of the topic, saturating at 25 % (default; [`prominence`]). For
//!    `political_prisoners`, once it has evidence, sentences with a custody cue (`custody =
//!    true` in `lexicons/context.toml`: `detained`, `sentenced`, `判刑`) count too: a story
//!    about a detainee names him once or twice, then tells of his arrest, trial and
//!    sentence. Custody cues alone never raise the topic. The topic's first such sentence
//!    is also where it is [raised](raised_early): a court report that opens on the trial and
//!    names the defendant in its last paragraph is about him from its first line.
//! 7. **Coverage score** = `(1 - prominence_weight) * s + prominence_weight * p`, in [0, 1]
//!    (default weight 0.5; [`coverage`]).
//!
//! Decisions: `present` when `E >= thresholds.present` (default 0.9: one plain mention of a
//! core term such as `Tibet`, not one weak mention such as a city name); `primary` when present,
//! `score >= thresholds.primary` (default 0.65) and the topic is a [main subject](main_subject):
//! it fills at least [`ScoreModel::primary_min_share`] (15 %) of the sentences and is
//! [raised early](raised_early) (its first hit in the first [`ScoreModel::primary_within`],
//! 40 %, of the sentences) or is the document's strongest topic, and it is not [one item
//! among several](one_item_among_several): at least half of its sentences
//! ([`ScoreModel::primary_own_share`]) raise no other topic.
//! A lexicon can override its topic's
//! thresholds in its `[thresholds]` table, and the builder can override them per topic.
//!
//! The document is marked `human_rights` when its rights cues weigh at least
//! [`ScoreModel::human_rights_min`] in total.
//!
//! # Examples
//!
//! ```
//! use rightslens::score::{coverage, ScoreModel};
//! let m = ScoreModel::default();
//! let one_mention_long_doc = coverage(&m, 1.0, 1.0 / 40.0);
//! let main_subject = coverage(&m, 8.0, 0.5);
//! assert!(one_mention_long_doc < 0.5 && main_subject > 0.9);
//! ```

use serde::{Deserialize, Serialize};

mod sense;
pub use sense::{judge_sense, SenseContext, SenseReason, LIST_MIN_ITEMS};

/// Per-topic decision thresholds.
///
/// # Examples
///
/// ```
/// use rightslens::Thresholds;
/// let t = Thresholds::default();
/// assert_eq!((t.present, t.primary), (0.9, 0.65));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// Evidence (summed over the topic's counting hits) at or above which a topic is
    /// `present`.
    pub present: f64,
    /// Coverage score at or above which a present topic is `primary`.
    pub primary: f64,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        DEFAULT_THRESHOLDS
    }
}

/// Default decision thresholds (see the module docs).
pub const DEFAULT_THRESHOLDS: Thresholds = Thresholds {
    present: 0.9,
    primary: 0.65,
};

/// Parameters of the scoring model. All fields are public so studies can vary them.
///
/// # Examples
///
/// ```
/// let m = rightslens::ScoreModel { benign_factor: 0.0, ..Default::default() };
/// let clf = rightslens::Classifier::builder().model(m).build().unwrap();
/// assert!(!clf.classify("Hong Kong stocks fell on the stock exchange.").topics["hong_kong"].present);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ScoreModel {
    /// Factor for topic hits in a sentence with a human-rights cue.
    pub rights_factor: f64,
    /// Factor for topic hits in a sentence with a non-political cue and no rights cue.
    pub benign_factor: f64,
    /// Evidence at which strength reaches 1 - 1/e.
    pub strength_scale: f64,
    /// Sentence share at which prominence saturates.
    pub prominence_share: f64,
    /// Weight of prominence in the coverage score (strength gets the rest).
    pub prominence_weight: f64,
    /// Minimum total weight of rights cues for `human_rights`.
    pub human_rights_min: f64,
    /// Minimum total weight of rights, political, issue and China cues for a document to be
    /// in a political register; below it, place mentions without a rights or issue cue are
    /// judged non-issue.
    pub political_min: f64,
    /// A document is also apolitical when its non-political cues outweigh its rights,
    /// political and China cues by this factor (a burglary story that mentions China).
    pub benign_dominance: f64,
    /// Documents shorter than this many words, and without non-political cues, are never
    /// judged apolitical (a one-line readout item has no room for register cues).
    pub apolitical_min_words: usize,
    /// An entry with `requires = "china"` (general political-prisoner terms such as
    /// "political prisoners", and names other countries share such as "National Security
    /// Law") counts only when a China cue or a hit of a topic entry without a requirement
    /// (`Hong Kong`, `Ilham Tohti`) lies within this many sentences of it...
    #[serde(default = "default_china_window")]
    pub china_window: usize,
    /// ...or when the document holds at least this many such cues per 1,000 words (and at
    /// least two): a country report on Cuba that names China once does not make its
    /// political prisoners Chinese ones.
    #[serde(default = "default_china_density")]
    pub china_density: f64,
    /// A topic is `primary` only if its first hit lies within this share of the document's
    /// sentences (at least the first two sentences; see [`raised_early`]): a main subject is
    /// raised early, in a headline, a lead or the opening of a readout, while a topic that
    /// first comes up halfway through is one item among others however much space it gets.
    #[serde(default = "default_primary_within")]
    pub primary_within: f64,
    /// A main subject also fills at least this share of the document's sentences (a topic
    /// named in one sentence of a long readout is one item among others).
    #[serde(default = "default_primary_min_share")]
    pub primary_min_share: f64,
    /// A main subject has at least this share of its sentences to itself, with no other
    /// topic raised there (the prisoner topic aside; see [`one_item_among_several`]): a
    /// joint statement that names Tibet only in `Xinjiang, Tibet and Hong Kong` treats it as
    /// one item of a list however early and often that list comes.
    #[serde(default = "default_primary_own_share")]
    pub primary_own_share: f64,
    /// A document whose ordinary-crime cues (`frame = "crime"`: `ketamine`, `telecom fraud`,
    /// `诈骗`) weigh at least this much, and whose only rights cues are custody words, is a
    /// crime story and so apolitical (step 4): `Taiwan catches 2 tons of drugs hidden inside
    /// machinery from China` does not raise Taiwan, however its suspects are held.
    #[serde(default = "default_crime_register")]
    pub crime_register: f64,
    /// China cues (`China`, `Beijing`, `中国`) count towards [`ScoreModel::political_min`] up
    /// to this weight in all (default 1: two of them): a travel story that says `China's
    /// largest desert` three times is no political text for it.
    #[serde(default = "default_china_register_cap")]
    pub china_register_cap: f64,
}

fn default_crime_register() -> f64 {
    ScoreModel::default().crime_register
}

fn default_china_register_cap() -> f64 {
    ScoreModel::default().china_register_cap
}

fn default_primary_own_share() -> f64 {
    ScoreModel::default().primary_own_share
}

fn default_primary_min_share() -> f64 {
    ScoreModel::default().primary_min_share
}

fn default_china_window() -> usize {
    ScoreModel::default().china_window
}

fn default_china_density() -> f64 {
    ScoreModel::default().china_density
}

fn default_primary_within() -> f64 {
    ScoreModel::default().primary_within
}

impl Default for ScoreModel {
    fn default() -> ScoreModel {
        ScoreModel {
            rights_factor: 1.5,
            benign_factor: 0.25,
            strength_scale: 3.0,
            prominence_share: 0.25,
            prominence_weight: 0.5,
            human_rights_min: 2.0,
            political_min: 2.0,
            benign_dominance: 3.0,
            apolitical_min_words: 150,
            china_window: 1,
            china_density: 5.0,
            primary_within: 0.4,
            primary_min_share: 0.15,
            primary_own_share: 0.5,
            crime_register: 1.6,
            china_register_cap: 1.0,
        }
    }
}

impl ScoreModel {
    /// Checks that every parameter is finite and in range (factors and scales >= 0,
    /// `prominence_weight` in [0, 1], `primary_within` in (0, 1]).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) naming the first bad parameter.
    ///
    /// # Examples
    ///
    /// ```
    /// let bad = rightslens::ScoreModel { strength_scale: f64::INFINITY, ..Default::default() };
    /// assert!(bad.validate().is_err());
    /// assert!(rightslens::ScoreModel::default().validate().is_ok());
    /// ```
    pub fn validate(&self) -> crate::Result<()> {
        let params = [
            ("rights_factor", self.rights_factor),
            ("benign_factor", self.benign_factor),
            ("strength_scale", self.strength_scale),
            ("prominence_share", self.prominence_share),
            ("prominence_weight", self.prominence_weight),
            ("human_rights_min", self.human_rights_min),
            ("political_min", self.political_min),
            ("benign_dominance", self.benign_dominance),
            ("china_density", self.china_density),
            ("primary_min_share", self.primary_min_share),
            ("primary_own_share", self.primary_own_share),
            ("crime_register", self.crime_register),
            ("china_register_cap", self.china_register_cap),
        ];
        for (name, v) in params {
            if !v.is_finite() || v < 0.0 {
                return Err(crate::Error::invalid(format!(
                    "score model parameter {name} = {v} must be a finite number >= 0"
                )));
            }
        }
        if self.prominence_weight > 1.0 {
            return Err(crate::Error::invalid(
                "score model parameter prominence_weight must be in [0, 1]",
            ));
        }
        if !(self.primary_within > 0.0 && self.primary_within <= 1.0) {
            return Err(crate::Error::invalid(format!(
                "score model parameter primary_within = {} must be in (0, 1]",
                self.primary_within
            )));
        }
        Ok(())
    }
}

/// Context factor of a hit given its sentence's cues.
///
/// # Examples
///
/// ```
/// use rightslens::score::{context_factor, ScoreModel};
/// let m = ScoreModel::default();
/// assert_eq!(context_factor(&m, true, true), m.rights_factor);
/// assert_eq!(context_factor(&m, false, true), m.benign_factor);
/// assert_eq!(context_factor(&m, false, false), 1.0);
/// ```
pub fn context_factor(m: &ScoreModel, rights: bool, benign: bool) -> f64 {
    if rights {
        m.rights_factor
    } else if benign {
        m.benign_factor
    } else {
        1.0
    }
}

/// Coverage score in [0, 1] from evidence and sentence share.
///
/// # Examples
///
/// ```
/// use rightslens::score::{coverage, ScoreModel};
/// assert_eq!(coverage(&ScoreModel::default(), 0.0, 0.0), 0.0);
/// ```
pub fn coverage(m: &ScoreModel, evidence: f64, sentence_share: f64) -> f64 {
    let s = strength(m, evidence);
    let p = prominence(m, sentence_share);
    let w = m.prominence_weight.clamp(0.0, 1.0);
    ((1.0 - w) * s + w * p).clamp(0.0, 1.0)
}

/// Whether a topic whose first hit is in sentence `first_sentence` (0-based) of a document of
/// `sentences` sentences is raised early enough to be a main subject: within the first
/// [`ScoreModel::primary_within`] of the sentences, rounded up, and always in the first two.
///
/// # Examples
///
/// ```
/// use rightslens::score::{raised_early, ScoreModel};
/// let m = ScoreModel::default(); // primary_within = 0.4
/// assert!(raised_early(&m, Some(0), 30)); // the headline
/// assert!(raised_early(&m, Some(11), 30)); // 12th of 30 sentences
/// assert!(!raised_early(&m, Some(12), 30));
/// assert!(raised_early(&m, Some(1), 2)); // short texts: the first two sentences
/// assert!(!raised_early(&m, None, 30)); // never raised
/// ```
pub fn raised_early(m: &ScoreModel, first_sentence: Option<usize>, sentences: usize) -> bool {
    let within = (sentences as f64 * m.primary_within).ceil() as usize;
    first_sentence.is_some_and(|f| f < within.max(2))
}

/// Strength `1 - exp(-E / strength_scale)` of an evidence total, in [0, 1] (0 for a
/// non-finite or negative total).
///
/// # Examples
///
/// ```
/// use rightslens::score::{strength, ScoreModel};
/// let m = ScoreModel::default();
/// assert!((strength(&m, 3.0) - 0.632).abs() < 1e-3);
/// assert_eq!(strength(&m, f64::NAN), 0.0);
/// ```
pub fn strength(m: &ScoreModel, evidence: f64) -> f64 {
    let evidence = if evidence.is_finite() {
        evidence.max(0.0)
    } else {
        0.0
    };
    1.0 - (-evidence / m.strength_scale.max(1e-9)).exp()
}

/// Prominence `min(1, sentence_share / prominence_share)`, in [0, 1].
///
/// # Examples
///
/// ```
/// use rightslens::score::{prominence, ScoreModel};
/// let m = ScoreModel::default(); // saturates at a quarter of the sentences
/// assert_eq!(prominence(&m, 0.125), 0.5);
/// assert_eq!(prominence(&m, 0.9), 1.0);
/// ```
pub fn prominence(m: &ScoreModel, sentence_share: f64) -> f64 {
    let p = sentence_share / m.prominence_share.max(1e-9);
    if p.is_finite() {
        p.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// Whether a present topic whose score passed the `primary` threshold is a main subject:
/// it fills at least [`ScoreModel::primary_min_share`] of the sentences and is either
/// [raised early](raised_early) or the document's strongest topic (most evidence): a
/// memorandum whose opening is boilerplate is still about the one issue it raises.
///
/// # Examples
///
/// ```
/// use rightslens::score::{main_subject, ScoreModel};
/// let m = ScoreModel::default();
/// assert!(main_subject(&m, 0.3, true, false));
/// assert!(main_subject(&m, 0.3, false, true)); // late, but the strongest topic
/// assert!(!main_subject(&m, 0.3, false, false));
/// assert!(!main_subject(&m, 0.05, true, true)); // one sentence of twenty
/// ```
pub fn main_subject(m: &ScoreModel, sentence_share: f64, early: bool, strongest: bool) -> bool {
    sentence_share >= m.primary_min_share && (early || strongest)
}

/// Whether a topic is one item among several: less than
/// [`ScoreModel::primary_own_share`] of the sentences that raise it raise it alone, the
/// others also raising another topic (the prisoner topic aside). Such a topic is never a
/// [main subject](main_subject): the codebook gives `1` to `Xinjiang, Tibet and Hong Kong`,
/// each one item of a list.
///
/// # Examples
///
/// ```
/// use rightslens::score::{one_item_among_several, ScoreModel};
/// let m = ScoreModel::default();
/// assert!(one_item_among_several(&m, 0.0)); // only ever beside other topics
/// assert!(!one_item_among_several(&m, 0.8)); // mostly on its own
/// ```
pub fn one_item_among_several(m: &ScoreModel, own_share: f64) -> bool {
    own_share < m.primary_own_share
}

/// The two decisions for a topic.
///
/// # Examples
///
/// ```
/// use rightslens::{score::decide, Thresholds};
/// let t = Thresholds { present: 1.0, primary: 0.5 };
/// assert_eq!(decide(&t, 2.0, 0.7), (true, true));
/// assert_eq!(decide(&t, 0.5, 0.7), (false, false));
/// ```
pub fn decide(t: &Thresholds, evidence: f64, score: f64) -> (bool, bool) {
    let present = evidence > 0.0 && evidence >= t.present;
    (present, present && score >= t.primary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_is_monotone_and_bounded() {
        let m = ScoreModel::default();
        let mut last = 0.0;
        for e in 0..50 {
            let c = coverage(&m, e as f64 * 0.5, 0.1);
            assert!(c >= last && (0.0..=1.0).contains(&c));
            last = c;
        }
        assert_eq!(coverage(&m, f64::NAN, 2.0), 0.5);
    }
}
