//! Reports: plain serde data describing what a document raises and why.
//!
//! All spans are **byte offsets into the original text**: for any [`Hit`] or [`Mention`] `h`
//! of a report on `text`, `&text[h.start..h.end] == h.text` always holds.
//!
//! Building a hit allocates only for a matched text longer than 24 bytes: entry ids and topic
//! names are borrowed from strings interned by the classifier (see [`Hit`]), and shorter
//! matched texts are stored inline in a [`CompactString`]. The JSON form is the same as with
//! plain `String`s.

use crate::lexicon::{Framing, Role};
use crate::score::SenseReason;
use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The result of classifying one document.
///
/// # Examples
///
/// ```
/// let clf = rightslens::Classifier::new().unwrap();
/// let report = clf.classify("The Secretary raised the case of Ilham Tohti and the situation in Xinjiang.");
/// assert!(report.topics["xinjiang"].present);
/// assert!(report.topics["political_prisoners"].present);
/// assert_eq!(report.prisoners[0].name, "Ilham Tohti");
/// let json = serde_json::to_string(&report).unwrap();
/// assert!(json.contains("\"tibet\""));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Report {
    /// Document id (empty for [`Classifier::classify`](crate::Classifier::classify)).
    pub id: String,
    /// Length of the document in bytes.
    pub bytes: usize,
    /// Number of words (see [`crate::segment`]).
    pub words: usize,
    /// Number of sentences (see [`crate::segment`]).
    pub sentences: usize,
    /// One score per topic of the loaded lexicons (every topic, present or not).
    pub topics: BTreeMap<String, TopicScore>,
    /// Whether the document discusses human rights at all (from the context cues).
    pub human_rights: bool,
    /// Weighted sum of human-rights cues found.
    pub rights_cues: f64,
    /// Counts of framing-marked terms.
    pub framing: FramingCounts,
    /// Every counted hit, in text order (topic evidence and context cues).
    pub hits: Vec<Hit>,
    /// Named political prisoners mentioned, in order of first mention.
    pub prisoners: Vec<Prisoner>,
    /// Hits found but not stored because of [`ClassifierBuilder::max_hits`](crate::ClassifierBuilder::max_hits)
    /// (they are still counted in the scores).
    pub hits_dropped: usize,
}

impl Report {
    /// Topics that are present, in report order, with their scores.
    ///
    /// # Examples
    ///
    /// ```
    /// let clf = rightslens::Classifier::new().unwrap();
    /// let r = clf.classify("Tibet and Hong Kong were discussed.");
    /// let names: Vec<&str> = r.present_topics().map(|(t, _)| t).collect();
    /// assert_eq!(names, ["hong_kong", "tibet"]);
    /// ```
    pub fn present_topics(&self) -> impl Iterator<Item = (&str, &TopicScore)> {
        self.topics
            .iter()
            .filter(|(_, s)| s.present)
            .map(|(t, s)| (t.as_str(), s))
    }
}

/// How one topic scores in one document.
///
/// The fields are the intermediate figures of the scoring model (see [`crate::score`]), so a
/// user can reason about any decision.
///
/// # Examples
///
/// ```
/// let clf = rightslens::Classifier::new().unwrap();
/// let s = &clf.classify("The Dalai Lama spoke about Tibet.").topics["tibet"];
/// assert!(s.hits >= 2 && s.present);
/// assert!(s.score > 0.0 && s.score <= 1.0);
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TopicScore {
    /// Coverage score in [0, 1].
    pub score: f64,
    /// The document raises this topic (`evidence >= thresholds.present`).
    pub present: bool,
    /// The topic is a main subject of the document: `present`, `score >= thresholds.primary`
    /// and `main_subject`.
    pub primary: bool,
    /// The topic fills enough of the document and is raised early or is its strongest topic
    /// (see [`crate::score::main_subject`]). Reports saved before this field existed read as
    /// `true`.
    #[serde(default = "early_by_default")]
    pub main_subject: bool,
    /// The first hit lies early in the document (see [`crate::score::raised_early`]), as the
    /// first mention of a main subject does. Reports saved before this field existed read as
    /// `true`.
    #[serde(default = "early_by_default")]
    pub raised_early: bool,
    /// Number of counted hits (including hits of named people from this region).
    pub hits: usize,
    /// Sum of the entry weights of those hits.
    pub weighted: f64,
    /// Context-adjusted evidence: weights times sentence context factors.
    pub evidence: f64,
    /// Number of distinct entries hit.
    pub entries: usize,
    /// Share of the sentences raising this topic that raise no other topic (the prisoner
    /// topic aside): below [`crate::ScoreModel::primary_own_share`] the topic is one item
    /// among several and no main subject (see [`crate::score::one_item_among_several`]).
    /// Reports saved before this field existed read as 1.
    #[serde(default = "one")]
    pub own_share: f64,
    /// Share of the document's sentences that hold a hit of this topic (for the prisoner
    /// topic, once it has evidence, a custody cue too: see [`crate::score`], step 6).
    pub sentence_share: f64,
    /// Hits per 1,000 words.
    pub per_1000_words: f64,
    /// Relative position (0 = start, 1 = end) of the first hit, if any.
    pub first_mention: Option<f64>,
    /// Index of the first sentence that counts towards `sentence_share`, if any: the one
    /// with the first hit, or for the prisoner topic an earlier custody sentence.
    pub first_sentence: Option<usize>,
    /// Share of this topic's hits in a sentence with a human-rights cue.
    pub rights_context: f64,
    /// Share of this topic's hits in a sentence with a non-political cue and no rights cue.
    pub benign_context: f64,
}

fn one() -> f64 {
    1.0
}

fn early_by_default() -> bool {
    true
}

/// One matched term.
///
/// `topic` and `entry` are [`Cow<'static, str>`](std::borrow::Cow) and `text` is a
/// [`CompactString`] (which dereferences to `str`), so that a hit allocates nothing unless its
/// text is longer than 24 bytes; they serialise as plain JSON strings, and deserialised reports
/// hold owned copies.
///
/// # Interned ids and topic names
///
/// A [`Classifier`](crate::Classifier) interns every entry id and topic name of its lexicons
/// when it is built, for the life of the process, and its hits borrow those strings. Each
/// distinct string is stored once, so rebuilding classifiers from the same lexicons does not
/// grow memory; only lexicons with ever new ids or topic names add to it.
///
/// # Examples
///
/// ```
/// let text = "Protests in Hong\nKong continued.";
/// let clf = rightslens::Classifier::new().unwrap();
/// let report = clf.classify(text);
/// let hit = report.hits.iter().find(|h| h.role == rightslens::Role::Topic).unwrap();
/// assert_eq!(&text[hit.start..hit.end], hit.text);
/// assert_eq!(hit.topic, "hong_kong");
///
/// // Plain JSON strings either way.
/// let json = serde_json::to_string(hit).unwrap();
/// assert!(json.starts_with("{\"topic\":\"hong_kong\",\"entry\":\"hong_kong."));
/// let back: rightslens::Hit = serde_json::from_str(&json).unwrap();
/// assert_eq!(&back, hit);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Hit {
    /// Topic of the entry (`context` for cues); interned (see above).
    pub topic: Cow<'static, str>,
    /// Entry id; interned (see above).
    pub entry: Cow<'static, str>,
    /// What the hit means for scoring.
    pub role: Role,
    /// Start byte offset in the original text.
    pub start: usize,
    /// End byte offset (exclusive) in the original text.
    pub end: usize,
    /// The matched text, `&text[start..end]` (inline up to 24 bytes).
    pub text: CompactString,
    /// Index of the sentence holding the hit (see [`crate::segment::sentences`]).
    pub sentence: usize,
    /// Evidence this hit contributed (weight times context factor; 0 for cues and for
    /// mentions judged in a non-issue sense).
    pub evidence: f64,
    /// For a place or ethnonym (an entry with `sense = "judged"`): whether this mention
    /// names the issue, and why (see [`crate::score::judge_sense`]); `None` for entries
    /// that always count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sense: Option<Judgement>,
}

/// The sense decision for one mention of a place or ethnonym.
///
/// # Examples
///
/// ```
/// let clf = rightslens::Classifier::new().unwrap();
/// let r = clf.classify("Reciprocal tariff rates: Syria 41%, Taiwan 20%, Thailand 19%.");
/// let hit = r.hits.iter().find(|h| h.topic == "taiwan").unwrap();
/// let sense = hit.sense.as_ref().unwrap();
/// assert!(!sense.issue);
/// assert_eq!(sense.reason, rightslens::SenseReason::Enumeration);
/// assert!(!r.topics["taiwan"].present);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Judgement {
    /// The mention names the issue (and adds evidence).
    pub issue: bool,
    /// The rule that decided.
    pub reason: SenseReason,
    /// The cue that decided, as written in the text (`tariffs`, `served as`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<CompactString>,
}

/// A named person from the political-prisoner lexicon.
///
/// `id`, `name` and `region` are borrowed from strings the classifier interned when it was
/// built (see [`Hit`]); deserialised reports hold owned copies.
///
/// # Examples
///
/// ```
/// let clf = rightslens::Classifier::new().unwrap();
/// let r = clf.classify("Jimmy Lai remains in prison. Lai is 77.");
/// let p = &r.prisoners[0];
/// assert_eq!(p.name, "Jimmy Lai");
/// assert_eq!(p.mentions.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Prisoner {
    /// Entry id.
    pub id: Cow<'static, str>,
    /// Canonical name.
    pub name: Cow<'static, str>,
    /// Region (`tibet`, `xinjiang`, `hong_kong`, `mainland`), if recorded.
    pub region: Option<Cow<'static, str>>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// The person is in a lexicon or registry. `false` for a person no list holds, found
    /// because the text names them in a custody context (`X was detained`, `判处X`); the name
    /// is then as written and `custody` holds the phrase. Reports saved before this field
    /// existed read as `true`.
    #[serde(default = "listed_by_default")]
    pub listed: bool,
    /// For an unlisted person: the custody phrase that makes them a detainee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custody: Option<Mention>,
}

fn listed_by_default() -> bool {
    true
}

/// One mention of a person.
///
/// # Examples
///
/// ```
/// let m = rightslens::Mention { start: 0, end: 3, text: "Lai".into() };
/// assert_eq!(m.end - m.start, m.text.len());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Start byte offset in the original text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// `&text[start..end]` (inline up to 24 bytes).
    pub text: CompactString,
}

/// How many framing-marked terms a document uses.
///
/// # Examples
///
/// ```
/// let clf = rightslens::Classifier::new().unwrap();
/// let r = clf.classify("Activists from East Turkestan spoke.");
/// assert!(r.framing.advocacy >= 1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FramingCounts {
    /// Hits of terms marked `framing = "prc"`.
    pub prc: usize,
    /// Hits of terms marked `framing = "advocacy"`.
    pub advocacy: usize,
}

impl FramingCounts {
    /// The dominant framing, if any term was marked and one side has more hits.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::{FramingCounts, Framing};
    /// let f = FramingCounts { prc: 3, advocacy: 1 };
    /// assert_eq!(f.dominant(), Some(Framing::Prc));
    /// ```
    pub fn dominant(&self) -> Option<Framing> {
        use std::cmp::Ordering::*;
        match self.prc.cmp(&self.advocacy) {
            Greater => Some(Framing::Prc),
            Less => Some(Framing::Advocacy),
            Equal => None,
        }
    }
}
