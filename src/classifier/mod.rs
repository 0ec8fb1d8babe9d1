//! The classifier: [`ClassifierBuilder`] compiles lexicons once into an immutable
//! [`Classifier`]; [`Classifier::classify`] runs the classify stage (`stage.rs`) on a text.
//!
//! * `builder.rs`: settings and lexicon sources, checked by `build()`;
//! * `compile.rs`: lexicon entries to compiled entries and one matcher;
//! * `stage.rs`: one document, as a row of named steps (scan, expand matches, mark
//!   sentences, judge the register, judge each mention's sense, gather evidence, score
//!   topics, build the report);
//! * `sense.rs`: the sense decision for a place or ethnonym mention.

mod builder;
mod byline;
mod compile;
mod evidence;
mod orgname;
mod sense;
mod stage;
mod unlisted;
mod window;

pub use builder::{
    ClassifierBuilder, DEFAULT_MAX_PATTERNS, DEFAULT_REGEX_SIZE_LIMIT, DEFAULT_WINDOW_BYTES,
};

use crate::error::Result;
use crate::lexicon::{Lexicon, Thresholds};
use crate::matcher::Matcher;
use crate::report::Report;
use crate::score::ScoreModel;
use compile::CompiledEntry;
use rayon::prelude::*;
use std::borrow::Cow;
use std::sync::Arc;

#[derive(Debug)]
struct Inner {
    matcher: Matcher,
    entries: Vec<CompiledEntry>,
    /// target id -> (entry index, is short form)
    targets: Vec<(u32, bool)>,
    /// Number of entries with short forms (slots of [`Scratch::last_full`]).
    n_short: usize,
    topics: Vec<String>,
    thresholds: Vec<Thresholds>,
    model: ScoreModel,
    max_hits: usize,
    /// Documents longer than this many bytes are classified a window at a time
    /// (`window.rs`).
    window_bytes: usize,
    /// Bit `t` set when topic `t` (below 64) has place entries: the topics whose places can
    /// be third parties in each other's stories.
    place_topic_bits: u64,
    /// The topic of named prisoners, whose evidence people no list holds add to (`None` when
    /// the builder turned unlisted prisoners off).
    prisoner_topic: Option<usize>,
    lexicons: Cow<'static, [Lexicon]>,
}

/// A compiled, immutable classifier: cheap to clone (`Arc`), `Send + Sync`.
///
/// Its reports borrow entry ids and topic names from process-wide interned strings (see
/// [`Hit`](crate::Hit)), so classifying allocates nothing per hit for them.
///
/// # Examples
///
/// ```
/// let clf = rightslens::Classifier::new()?;
/// let report = clf.classify("Secretary Blinken raised the Panchen Lama and Tibet with Wang Yi.");
/// assert!(report.topics["tibet"].present);
/// for hit in &report.hits {
///     println!("{} {} {:?}", hit.topic, hit.entry, hit.text);
/// }
/// # Ok::<(), rightslens::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Classifier {
    inner: Arc<Inner>,
}

/// A document with an id, for batch classification.
///
/// # Examples
///
/// ```
/// let d = rightslens::Document::new("readout-1", "They discussed Taiwan.");
/// assert_eq!(d.id, "readout-1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Id copied into the report.
    pub id: String,
    /// The text.
    pub text: String,
}

impl Document {
    /// A document from an id and a text.
    ///
    /// # Examples
    ///
    /// ```
    /// let d = rightslens::Document::new("a", "b");
    /// assert_eq!(d.text, "b");
    /// ```
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
        }
    }
}

impl Classifier {
    /// A classifier on the built-in lexicons with default settings.
    ///
    /// # Errors
    ///
    /// Only if the built-in lexicons were broken at compile time (a test guards this).
    ///
    /// # Examples
    ///
    /// ```
    /// let clf = rightslens::Classifier::new().unwrap();
    /// assert!(clf.classify("Xinjiang").topics["xinjiang"].present);
    /// ```
    pub fn new() -> Result<Classifier> {
        ClassifierBuilder::new().build()
    }

    /// A builder, to add lexicons or change settings.
    ///
    /// # Examples
    ///
    /// ```
    /// let clf = rightslens::Classifier::builder().max_hits(100).build().unwrap();
    /// assert_eq!(clf.topics().len(), 5);
    /// ```
    pub fn builder() -> ClassifierBuilder {
        ClassifierBuilder::new()
    }

    /// The topics reported, in lexicon order.
    ///
    /// # Examples
    ///
    /// ```
    /// let clf = rightslens::Classifier::new().unwrap();
    /// assert_eq!(clf.topics(), rightslens::DEFAULT_TOPICS);
    /// ```
    pub fn topics(&self) -> &[String] {
        &self.inner.topics
    }

    /// The thresholds in force for a topic.
    ///
    /// # Examples
    ///
    /// ```
    /// let clf = rightslens::Classifier::new().unwrap();
    /// assert!(clf.thresholds("tibet").is_some());
    /// assert!(clf.thresholds("atlantis").is_none());
    /// ```
    pub fn thresholds(&self, topic: &str) -> Option<Thresholds> {
        let i = self.inner.topics.iter().position(|t| t == topic)?;
        Some(self.inner.thresholds[i])
    }

    /// The scoring model in force.
    ///
    /// # Examples
    ///
    /// ```
    /// let clf = rightslens::Classifier::new().unwrap();
    /// assert_eq!(clf.model(), &rightslens::ScoreModel::default());
    /// ```
    pub fn model(&self) -> &ScoreModel {
        &self.inner.model
    }

    /// The lexicons compiled into this classifier.
    ///
    /// # Examples
    ///
    /// ```
    /// let clf = rightslens::Classifier::new().unwrap();
    /// assert!(clf.lexicons().iter().any(|l| l.topic == "context"));
    /// ```
    pub fn lexicons(&self) -> &[Lexicon] {
        &self.inner.lexicons
    }

    /// Number of variants compiled (all lexicons, short forms included).
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(rightslens::Classifier::new().unwrap().pattern_count() > 0);
    /// ```
    pub fn pattern_count(&self) -> usize {
        self.inner.matcher.n_forms()
    }

    /// Approximate heap memory of the compiled matcher, in bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(rightslens::Classifier::new().unwrap().memory_usage() > 0);
    /// ```
    pub fn memory_usage(&self) -> usize {
        self.inner.matcher.heap_bytes()
    }

    /// Classifies one document. Never fails and never panics, whatever the text.
    ///
    /// # Examples
    ///
    /// ```
    /// let clf = rightslens::Classifier::new().unwrap();
    /// let r = clf.classify("");
    /// assert_eq!(r.words, 0);
    /// assert!(r.topics.values().all(|t| !t.present));
    /// ```
    pub fn classify(&self, text: &str) -> Report {
        self.classify_with_id("", text)
    }

    /// Classifies one document and records `id` in the report.
    ///
    /// # Examples
    ///
    /// ```
    /// let clf = rightslens::Classifier::new().unwrap();
    /// assert_eq!(clf.classify_with_id("doc-7", "text").id, "doc-7");
    /// ```
    pub fn classify_with_id(&self, id: &str, text: &str) -> Report {
        self.inner.classify_reusing(id, text)
    }

    /// Classifies many texts in parallel (Rayon); reports come back in input order with ids
    /// `"0"`, `"1"`, ... and equal what [`classify`](Classifier::classify) gives one by one
    /// (apart from the id).
    ///
    /// # Examples
    ///
    /// ```
    /// let clf = rightslens::Classifier::new().unwrap();
    /// let reports = clf.classify_all(&["Tibet", "Taiwan Strait"]);
    /// assert!(reports[1].topics["taiwan"].present);
    /// ```
    pub fn classify_all<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Report> {
        texts
            .par_iter()
            .enumerate()
            .map(|(i, t)| self.inner.classify_reusing(&i.to_string(), t.as_ref()))
            .collect()
    }

    /// Classifies documents with ids in parallel; reports keep input order.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::{Classifier, Document};
    /// let clf = Classifier::new().unwrap();
    /// let docs = vec![Document::new("a", "Hong Kong"), Document::new("b", "nothing")];
    /// let reports = clf.classify_documents(&docs);
    /// assert_eq!(reports[0].id, "a");
    /// ```
    pub fn classify_documents(&self, docs: &[Document]) -> Vec<Report> {
        docs.par_iter()
            .map(|d| self.inner.classify_reusing(&d.id, &d.text))
            .collect()
    }
}
