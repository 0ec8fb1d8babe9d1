//! The façade: [`ClassifierBuilder`] compiles lexicons once into an immutable [`Classifier`].

use crate::error::{Error, Result};
use crate::intern::intern;
use crate::lexicon::{
    lint, merge_registry, EntryKind, Framing, Lexicon, MatchMode, Requirement, Role, Severity,
    Thresholds, CONTEXT_TOPIC,
};
use crate::matcher::{Limits, Matcher, RawMatch, Variant};
use crate::report::{FramingCounts, Hit, Mention, Prisoner, Report, TopicScore};
use crate::score::{context_factor, coverage, decide, ScoreModel};
use compact_str::CompactString;
use rayon::prelude::*;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

/// The topic whose `person` entries are reported as named prisoners.
const PRISONER_TOPIC: &str = "political_prisoners";

/// Default cap on the number of variants (all lexicons together).
pub const DEFAULT_MAX_PATTERNS: usize = 2_000_000;
/// Default compiled-size limit of each regex entry, in bytes.
pub const DEFAULT_REGEX_SIZE_LIMIT: usize = 1 << 20;

#[derive(Debug, Clone)]
enum Source {
    Str { name: String, text: String },
    File(PathBuf),
    Dir(PathBuf),
    Parsed(Lexicon),
    RegistryStr { name: String, text: String },
    RegistryFile(PathBuf),
}

/// Configures and builds a [`Classifier`].
///
/// Setters take `&mut self` and never fail; [`build`](ClassifierBuilder::build) loads,
/// checks and compiles everything and is the only fallible step. The builder can be reused.
///
/// # Examples
///
/// ```
/// use rightslens::Classifier;
///
/// let mine = r#"
/// [lexicon]
/// topic = "macau"
/// sources = ["example"]
///
/// [[entry]]
/// id = "macau.place.macau"
/// kind = "place"
/// variants = ["Macau", "Macao", "澳门"]
/// source = "Wikipedia: Macau"
/// "#;
/// let clf = Classifier::builder().lexicon_str("macau.toml", mine).build()?;
/// let r = clf.classify("Press freedom in Macao and Hong Kong.");
/// assert!(r.topics["macau"].present && r.topics["hong_kong"].present);
/// # Ok::<(), rightslens::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ClassifierBuilder {
    builtin: bool,
    sources: Vec<Source>,
    thresholds: HashMap<String, Thresholds>,
    model: ScoreModel,
    max_hits: usize,
    max_patterns: usize,
    regex_size_limit: usize,
    topics: Option<Vec<String>>,
}

impl Default for ClassifierBuilder {
    fn default() -> ClassifierBuilder {
        ClassifierBuilder::new()
    }
}

impl ClassifierBuilder {
    /// A builder with the built-in lexicons and default settings.
    ///
    /// # Examples
    ///
    /// ```
    /// let clf = rightslens::ClassifierBuilder::new().build().unwrap();
    /// assert_eq!(clf.topics().len(), 5);
    /// ```
    pub fn new() -> ClassifierBuilder {
        ClassifierBuilder {
            builtin: true,
            sources: Vec::new(),
            thresholds: HashMap::new(),
            model: ScoreModel::default(),
            max_hits: usize::MAX,
            max_patterns: DEFAULT_MAX_PATTERNS,
            regex_size_limit: DEFAULT_REGEX_SIZE_LIMIT,
            topics: None,
        }
    }

    /// Leaves out the built-in lexicons (topics and context cues); only lexicons added to
    /// the builder are used.
    ///
    /// # Examples
    ///
    /// ```
    /// let clf = rightslens::Classifier::builder().without_builtin().build().unwrap();
    /// assert!(clf.topics().is_empty());
    /// ```
    pub fn without_builtin(&mut self) -> &mut ClassifierBuilder {
        self.builtin = false;
        self
    }

    /// Adds a lexicon from TOML text; `name` identifies it in error messages.
    ///
    /// # Examples
    ///
    /// ```
    /// let t = "[lexicon]\ntopic = \"demo\"\n[[entry]]\nid = \"demo.concept.x\"\nkind = \"concept\"\nvariants = [\"Xyzzy\"]\nsource = \"doc\"\n";
    /// let clf = rightslens::Classifier::builder().lexicon_str("demo", t).build().unwrap();
    /// assert!(clf.classify("xyzzy").topics["demo"].present);
    /// ```
    pub fn lexicon_str(&mut self, name: &str, text: &str) -> &mut ClassifierBuilder {
        self.sources.push(Source::Str {
            name: name.to_string(),
            text: text.to_string(),
        });
        self
    }

    /// Adds a lexicon file (read at [`build`](ClassifierBuilder::build) time).
    ///
    /// # Examples
    ///
    /// ```
    /// let err = rightslens::Classifier::builder().lexicon_file("missing.toml").build().unwrap_err();
    /// assert!(err.to_string().starts_with("missing.toml: i/o error"));
    /// ```
    pub fn lexicon_file(&mut self, path: impl Into<PathBuf>) -> &mut ClassifierBuilder {
        self.sources.push(Source::File(path.into()));
        self
    }

    /// Adds every `*.toml` lexicon of a directory (sorted by name).
    ///
    /// To replace the defaults with a directory, combine with
    /// [`without_builtin`](ClassifierBuilder::without_builtin).
    ///
    /// # Examples
    ///
    /// ```
    /// let dir = std::env::temp_dir().join("rightslens-doc-builder-dir");
    /// std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join("demo.toml"), "[lexicon]\ntopic = \"demo\"\n").unwrap();
    /// let clf = rightslens::Classifier::builder().without_builtin().lexicon_dir(&dir).build().unwrap();
    /// assert_eq!(clf.topics(), ["demo"]);
    /// ```
    pub fn lexicon_dir(&mut self, dir: impl Into<PathBuf>) -> &mut ClassifierBuilder {
        self.sources.push(Source::Dir(dir.into()));
        self
    }

    /// Adds an already parsed lexicon.
    ///
    /// # Examples
    ///
    /// ```
    /// let lex = rightslens::Lexicon::parse("x", "[lexicon]\ntopic = \"x\"\n").unwrap();
    /// let clf = rightslens::Classifier::builder().without_builtin().lexicon(lex).build().unwrap();
    /// assert_eq!(clf.topics(), ["x"]);
    /// ```
    pub fn lexicon(&mut self, lexicon: Lexicon) -> &mut ClassifierBuilder {
        self.sources.push(Source::Parsed(lexicon));
        self
    }

    /// Adds a prisoner registry (JSON Lines or CSV, read at [`build`](ClassifierBuilder::build)
    /// time; format in [`Lexicon::from_registry_str`]). People already loaded are merged, not
    /// duplicated (see `lexicons/registry/README.md`).
    ///
    /// # Examples
    ///
    /// ```
    /// let reg = "name,region,status,source\nTsangyang Gyatso,tibet,sentenced,TCHRD\n";
    /// let clf = rightslens::Classifier::builder().registry_str("mine.csv", reg).build()?;
    /// let r = clf.classify("A Chinese court jailed the monk Tsangyang Gyatso for 12 years.");
    /// assert_eq!(r.prisoners[0].name, "Tsangyang Gyatso");
    /// # Ok::<(), rightslens::Error>(())
    /// ```
    pub fn registry_str(&mut self, name: &str, text: &str) -> &mut ClassifierBuilder {
        let (name, text) = (name.to_string(), text.to_string());
        self.sources.push(Source::RegistryStr { name, text });
        self
    }

    /// Adds a prisoner registry file (`.jsonl` or `.csv`, read at
    /// [`build`](ClassifierBuilder::build) time); see [`ClassifierBuilder::registry_str`].
    ///
    /// # Examples
    ///
    /// ```
    /// let err = rightslens::Classifier::builder().registry_file("missing.csv").build().unwrap_err();
    /// assert!(err.to_string().contains("missing.csv"));
    /// ```
    pub fn registry_file(&mut self, path: impl Into<PathBuf>) -> &mut ClassifierBuilder {
        self.sources.push(Source::RegistryFile(path.into()));
        self
    }

    /// Sets the decision thresholds of one topic (overrides the lexicon's `[thresholds]`).
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::{Classifier, Thresholds};
    /// let strict = Thresholds { present: 5.0, primary: 0.9 };
    /// let clf = Classifier::builder().thresholds("tibet", strict).build().unwrap();
    /// assert!(!clf.classify("Tibet.").topics["tibet"].present);
    /// ```
    pub fn thresholds(&mut self, topic: &str, t: Thresholds) -> &mut ClassifierBuilder {
        self.thresholds.insert(topic.to_string(), t);
        self
    }

    /// Sets the scoring model parameters.
    ///
    /// # Examples
    ///
    /// ```
    /// let m = rightslens::ScoreModel { rights_factor: 2.0, ..Default::default() };
    /// assert!(rightslens::Classifier::builder().model(m).build().is_ok());
    /// ```
    pub fn model(&mut self, model: ScoreModel) -> &mut ClassifierBuilder {
        self.model = model;
        self
    }

    /// Caps the number of hits stored per report (and of mentions stored per named prisoner);
    /// further hits still count in the scores and are tallied in [`Report::hits_dropped`].
    ///
    /// # Examples
    ///
    /// ```
    /// let clf = rightslens::Classifier::builder().max_hits(1).build().unwrap();
    /// let r = clf.classify("Tibet, Tibet, Tibet.");
    /// assert_eq!((r.hits.len(), r.hits_dropped, r.topics["tibet"].hits), (1, 2, 3));
    /// ```
    pub fn max_hits(&mut self, n: usize) -> &mut ClassifierBuilder {
        self.max_hits = n;
        self
    }

    /// Caps the number of variants of all lexicons together
    /// (default [`DEFAULT_MAX_PATTERNS`]); `build` fails beyond it.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = rightslens::Classifier::builder().max_patterns(10).build().unwrap_err();
    /// assert!(matches!(err.kind(), rightslens::ErrorKind::Limit(_)));
    /// ```
    pub fn max_patterns(&mut self, n: usize) -> &mut ClassifierBuilder {
        self.max_patterns = n;
        self
    }

    /// Compiled-size limit of each regex entry in bytes (default
    /// [`DEFAULT_REGEX_SIZE_LIMIT`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let t = "[lexicon]\ntopic = \"t\"\n[[entry]]\nid = \"t.concept.big\"\nkind = \"concept\"\nmode = \"regex\"\nvariants = [\"\\\\w{1000}\"]\nsource = \"s\"\n";
    /// let err = rightslens::Classifier::builder().regex_size_limit(1000).lexicon_str("t", t).build().unwrap_err();
    /// assert!(matches!(err.kind(), rightslens::ErrorKind::Limit(_)));
    /// ```
    pub fn regex_size_limit(&mut self, bytes: usize) -> &mut ClassifierBuilder {
        self.regex_size_limit = bytes;
        self
    }

    /// Restricts reports to these topics (their lexicons and the context cues are still
    /// loaded, other topic lexicons are dropped). Unknown topics are an error at build time.
    ///
    /// # Examples
    ///
    /// ```
    /// let clf = rightslens::Classifier::builder().topics(&["tibet"]).build().unwrap();
    /// assert_eq!(clf.topics(), ["tibet"]);
    /// assert!(rightslens::Classifier::builder().topics(&["atlantis"]).build().is_err());
    /// ```
    pub fn topics<S: AsRef<str>>(&mut self, topics: &[S]) -> &mut ClassifierBuilder {
        self.topics = Some(topics.iter().map(|s| s.as_ref().to_string()).collect());
        self
    }

    /// Loads, lints and compiles the lexicons into a [`Classifier`].
    ///
    /// Entry ids, topic names and the names and regions of named prisoners are interned for
    /// the life of the process, so that reports borrow them without allocating per hit (see
    /// [`Hit`]). Each distinct string is stored once: building again from the same lexicons
    /// does not grow memory.
    ///
    /// # Errors
    ///
    /// A parse or I/O error naming the lexicon file and line; an
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) error for the first lint error
    /// (duplicate id, empty variants, bad regex...); an
    /// [`ErrorKind::Limit`](crate::ErrorKind::Limit) error when a limit is exceeded.
    ///
    /// # Examples
    ///
    /// ```
    /// let clf = rightslens::Classifier::builder().build()?;
    /// assert!(clf.pattern_count() > 100);
    /// # Ok::<(), rightslens::Error>(())
    /// ```
    pub fn build(&self) -> Result<Classifier> {
        self.model.validate()?;
        // The default build shares the built-in lexicons parsed once per process; copies are
        // made only when lexicons are added or dropped.
        if self.builtin && self.sources.is_empty() && self.topics.is_none() {
            return compile(self, Cow::Borrowed(crate::lexicon::builtin_shared()?));
        }
        let mut lexicons = if self.builtin {
            Lexicon::builtin()?
        } else {
            Vec::new()
        };
        for s in &self.sources {
            match s {
                Source::Str { name, text } => lexicons.push(Lexicon::parse(name, text)?),
                Source::File(p) => lexicons.push(Lexicon::from_file(p)?),
                Source::Dir(d) => lexicons.extend(Lexicon::from_dir(d)?),
                Source::Parsed(l) => lexicons.push(l.clone()),
                Source::RegistryStr { name, text } => {
                    merge_registry(&mut lexicons, Lexicon::from_registry_str(name, text)?)?
                }
                Source::RegistryFile(p) => {
                    merge_registry(&mut lexicons, Lexicon::from_registry_file(p)?)?
                }
            }
        }
        if let Some(want) = &self.topics {
            for t in want {
                if !lexicons.iter().any(|l| &l.topic == t) {
                    let known: Vec<&str> = lexicons
                        .iter()
                        .map(|l| l.topic.as_str())
                        .filter(|t| *t != CONTEXT_TOPIC)
                        .collect();
                    return Err(Error::invalid(format!(
                        "unknown topic {t:?} (help: known topics are {})",
                        known.join(", ")
                    )));
                }
            }
            lexicons.retain(|l| l.topic == CONTEXT_TOPIC || want.contains(&l.topic));
        }
        // The built-in lexicons alone are linted by the test suite (tests/lexicons.rs), so the
        // zero-configuration build skips the checks; any added lexicon is checked together
        // with everything it joins.
        let checked = if self.sources.is_empty() {
            Vec::new()
        } else {
            lint(&lexicons)
        };
        if let Some(issue) = checked.into_iter().find(|i| i.severity == Severity::Error) {
            let mut e = Error::invalid(format!("{} (help: {})", issue.message, issue.help))
                .with_path(&issue.origin);
            if issue.line > 0 {
                e = e.with_line(issue.line);
            }
            if let Some(id) = issue.entry {
                e = e.with_entry(id);
            }
            return Err(e);
        }
        compile(self, Cow::Owned(lexicons))
    }
}

#[derive(Debug)]
struct CompiledEntry {
    /// Interned (see [`crate::intern`]), so hits borrow it without allocating.
    id: &'static str,
    /// index into `topics`; None for context cues and roles other than Topic
    topic: Option<usize>,
    /// Interned, like `id`.
    topic_name: &'static str,
    place: bool,
    role: Role,
    weight: f64,
    requires: Option<Requirement>,
    framing: Option<Framing>,
    /// Interned name and region of a named prisoner.
    prisoner: Option<(&'static str, Option<&'static str>)>,
    region_topic: Option<usize>,
    /// For an entry with short forms (whose full mentions must be remembered): its slot in
    /// the per-document table of latest full mentions ([`Scratch::last_full`]).
    short_slot: Option<u32>,
}

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
    lexicons: Cow<'static, [Lexicon]>,
}

fn compile(b: &ClassifierBuilder, lexicons: Cow<'static, [Lexicon]>) -> Result<Classifier> {
    let mut topics: Vec<String> = Vec::new();
    for l in lexicons.iter() {
        if l.topic != CONTEXT_TOPIC && !topics.contains(&l.topic) {
            topics.push(l.topic.clone());
        }
    }
    let thresholds: Vec<Thresholds> = topics
        .iter()
        .map(|t| {
            b.thresholds
                .get(t)
                .copied()
                .or_else(|| {
                    lexicons
                        .iter()
                        .filter(|l| &l.topic == t)
                        .find_map(|l| l.thresholds)
                })
                .unwrap_or_default()
        })
        .collect();
    let topic_ix = |t: &str| topics.iter().position(|x| x == t);
    let mut entries = Vec::new();
    let mut targets = Vec::new();
    let mut n_short = 0u32;
    let mut vs: Vec<Variant<'_>> = Vec::new();
    for l in lexicons.iter() {
        let topic_name = intern(&l.topic);
        for e in &l.entries {
            let ei = entries.len() as u32;
            let is_prisoner =
                e.kind == EntryKind::Person && l.topic == PRISONER_TOPIC && e.role == Role::Topic;
            entries.push(CompiledEntry {
                id: intern(&e.id),
                topic: if e.role == Role::Topic {
                    topic_ix(&l.topic)
                } else {
                    None
                },
                topic_name,
                place: e.kind == EntryKind::Place,
                role: e.role,
                weight: e.weight,
                requires: e.requires,
                framing: e.framing,
                prisoner: is_prisoner.then(|| {
                    (
                        intern(e.name.as_deref().unwrap_or(&e.id)),
                        e.region.as_deref().map(intern),
                    )
                }),
                region_topic: e
                    .region
                    .as_deref()
                    .and_then(topic_ix)
                    .filter(|&r| Some(r) != topic_ix(&l.topic)),
                short_slot: (!e.short_forms.is_empty()).then(|| {
                    n_short += 1;
                    n_short - 1
                }),
            });
            let full = targets.len() as u32;
            targets.push((ei, false));
            for v in &e.variants {
                vs.push(Variant {
                    form: v,
                    mode: e.mode,
                    case_sensitive: e.case_sensitive,
                    target: full,
                });
            }
            if !e.short_forms.is_empty() {
                let short = targets.len() as u32;
                targets.push((ei, true));
                for v in &e.short_forms {
                    vs.push(Variant {
                        form: v,
                        mode: MatchMode::Exact,
                        case_sensitive: e.case_sensitive,
                        target: short,
                    });
                }
            }
        }
    }
    let limits = Limits {
        max_patterns: b.max_patterns,
        regex_size: b.regex_size_limit,
    };
    let matcher = Matcher::new(&vs, limits).map_err(|m| {
        if m.contains("exceed") || m.contains("size limit") {
            Error::limit(m)
        } else {
            Error::invalid(m)
        }
    })?;
    drop(vs);
    Ok(Classifier {
        inner: Arc::new(Inner {
            matcher,
            entries,
            targets,
            n_short: n_short as usize,
            topics,
            thresholds,
            model: b.model,
            max_hits: b.max_hits,
            lexicons,
        }),
    })
}

/// A compiled, immutable classifier: cheap to clone (`Arc`), `Send + Sync`.
///
/// Its reports borrow entry ids and topic names from process-wide interned strings (see
/// [`Hit`]), so classifying allocates nothing per hit for them.
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

struct Found {
    entry: u32,
    start: usize,
    end: usize,
    sentence: usize,
}

/// [`Scratch::flags`]: the sentence holds a rights cue.
const RIGHTS_CUE: u8 = 1;
/// [`Scratch::flags`]: the sentence holds a non-political cue.
const BENIGN_CUE: u8 = 1 << 1;
/// [`Scratch::flags`]: the sentence holds a China cue, or a hit of a topic entry that needs
/// no context (`Tibet`, `Ilham Tohti`): what an entry with `requires = "china"` looks for.
const CHINA_CUE: u8 = 1 << 2;

/// Working buffers of one classification, kept from one document to the next (one set per
/// thread, see [`Inner::classify_reusing`]) so that classifying a document allocates little
/// more than the report it returns.
#[derive(Default)]
struct Scratch {
    /// Matches of the scan.
    raw: Vec<RawMatch>,
    /// Sentence starts plus the end sentinel (see [`crate::segment::sentence_starts_into`]).
    starts: Vec<usize>,
    /// Matches expanded to the entries they count for.
    found: Vec<Found>,
    /// Per sentence: [`RIGHTS_CUE`], [`BENIGN_CUE`], [`CHINA_CUE`].
    flags: Vec<u8>,
    /// Per entry with short forms (`CompiledEntry::short_slot`): start of its latest full
    /// mention so far.
    last_full: Vec<Option<usize>>,
    /// Per topic accumulators.
    acc: Vec<Acc>,
}

impl Scratch {
    /// Buffers grown beyond this many elements by a very large document are freed after it,
    /// so that a thread does not keep their memory for the rest of the process.
    const KEEP: usize = 1 << 16;

    fn release_large(&mut self) {
        fn release<T>(v: &mut Vec<T>) {
            if v.capacity() > Scratch::KEEP {
                *v = Vec::new();
            }
        }
        release(&mut self.raw);
        release(&mut self.starts);
        release(&mut self.found);
        release(&mut self.flags);
        for a in &mut self.acc {
            release(&mut a.entries);
        }
    }
}

thread_local! {
    /// The scratch buffers of this thread's classifications.
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// The sentence of byte offsets asked in increasing order, found by walking forward from the
/// previous answer instead of a binary search per offset.
///
/// [`SentenceCursor::sentence_of`] equals
/// `starts.partition_point(|&s| s <= off).saturating_sub(1)` for any offset: an offset before
/// the previous answer's sentence falls back to that binary search.
struct SentenceCursor<'a> {
    /// Sentence starts, increasing, without the end sentinel.
    starts: &'a [usize],
    /// The previous answer.
    k: usize,
}

impl<'a> SentenceCursor<'a> {
    fn new(starts: &'a [usize]) -> SentenceCursor<'a> {
        SentenceCursor { starts, k: 0 }
    }

    /// Index of the last sentence starting at or before `off` (0 if none).
    fn sentence_of(&mut self, off: usize) -> usize {
        let s = self.starts;
        if s.get(self.k).is_some_and(|&st| st <= off) {
            while s.get(self.k + 1).is_some_and(|&st| st <= off) {
                self.k += 1;
            }
        } else {
            self.k = s.partition_point(|&st| st <= off).saturating_sub(1);
        }
        self.k
    }
}

impl Inner {
    /// [`Inner::classify_into`] with this thread's scratch buffers (fresh ones if they are
    /// in use or already destroyed).
    fn classify_reusing(&self, id: &str, text: &str) -> Report {
        SCRATCH
            .try_with(|cell| match cell.try_borrow_mut() {
                Ok(mut scratch) => {
                    let report = self.classify_into(id, text, &mut scratch);
                    scratch.release_large();
                    report
                }
                Err(_) => self.classify_into(id, text, &mut Scratch::default()),
            })
            .unwrap_or_else(|_| self.classify_into(id, text, &mut Scratch::default()))
    }

    fn classify_into(&self, id: &str, text: &str, scratch: &mut Scratch) -> Report {
        let Scratch {
            raw,
            starts,
            found,
            flags,
            last_full,
            acc,
        } = scratch;
        let stats = self.matcher.scan(text, raw);
        crate::segment::sentence_starts_into(text, starts);
        let n_sent = starts.len().saturating_sub(1);
        // Matches come in text order, so their sentences are found walking forward.
        let mut sentences = SentenceCursor::new(&starts[..n_sent]);

        // 1. expand matches to entries (short forms need an earlier full mention)
        found.clear();
        found.reserve(raw.len());
        last_full.clear();
        last_full.resize(self.n_short, None);
        for m in raw.iter() {
            let sentence = sentences.sentence_of(m.start);
            let ts = self.matcher.targets_of(m.pattern);
            let mut best_short: Option<(usize, u32)> = None;
            for &t in ts {
                let (entry, short) = self.targets[t as usize];
                let e = &self.entries[entry as usize];
                if short {
                    if let Some(pos) = e.short_slot.and_then(|s| last_full[s as usize]) {
                        if best_short.is_none_or(|(p, _)| pos > p) {
                            best_short = Some((pos, entry));
                        }
                    }
                    continue;
                }
                if e.role == Role::Block {
                    continue;
                }
                if let Some(s) = e.short_slot {
                    last_full[s as usize] = Some(m.start);
                }
                found.push(Found {
                    entry,
                    start: m.start,
                    end: m.end,
                    sentence,
                });
            }
            if let Some((_, entry)) = best_short {
                if !found
                    .last()
                    .is_some_and(|f| f.start == m.start && f.entry == entry)
                {
                    found.push(Found {
                        entry,
                        start: m.start,
                        end: m.end,
                        sentence,
                    });
                }
            }
        }
        // 2. sentence flags from cues
        flags.clear();
        flags.resize(n_sent.max(1), 0);
        let mut rights_cues = 0.0;
        let mut political = 0.0;
        let mut benign_cues = 0.0;
        // China cues and topic hits that need no context (for `requires = "china"`)
        let mut china_cues = 0usize;
        let mut framing = FramingCounts::default();
        for f in found.iter() {
            let e = &self.entries[f.entry as usize];
            match e.role {
                Role::Rights => {
                    flags[f.sentence] |= RIGHTS_CUE;
                    rights_cues += e.weight;
                }
                Role::Benign => {
                    flags[f.sentence] |= BENIGN_CUE;
                    benign_cues += e.weight;
                }
                Role::Political => political += e.weight,
                Role::China => {
                    political += e.weight;
                    china_cues += 1;
                    flags[f.sentence] |= CHINA_CUE;
                }
                Role::Topic if e.requires.is_none() => {
                    china_cues += 1;
                    flags[f.sentence] |= CHINA_CUE;
                }
                Role::Topic | Role::Block => {}
            }
        }
        let china_window = self.model.china_window;
        let china_min = self.model.china_density * stats.words as f64 / 1000.0;
        let register = rights_cues + political;
        // Only a document long enough to show its register, or one with non-political cues,
        // can be judged apolitical: "They discussed Tibet." stays political.
        let judged = benign_cues > 0.0 || stats.words >= self.model.apolitical_min_words;
        let apolitical = judged
            && (register < self.model.political_min
                || benign_cues > self.model.benign_dominance * register);
        // 3. topic evidence
        let nt = self.topics.len();
        acc.resize_with(nt, Acc::default);
        for a in acc.iter_mut() {
            a.reset();
        }
        let mut hits = Vec::with_capacity(found.len().min(self.max_hits));
        let mut hits_dropped = 0;
        let mut prisoners: Vec<Prisoner> = Vec::new();
        let m = &self.model;
        for f in found.iter() {
            let e = &self.entries[f.entry as usize];
            let fl = flags[f.sentence];
            let (rights, benign) = (fl & RIGHTS_CUE != 0, fl & BENIGN_CUE != 0);
            match e.requires {
                Some(Requirement::Rights) if !rights => continue,
                Some(Requirement::China) => {
                    // a China cue or a topic hit that needs no context near this one, or
                    // enough of them in the document to make it a document about China
                    let lo = f.sentence.saturating_sub(china_window);
                    let hi = f.sentence.saturating_add(china_window).saturating_add(1);
                    let near = flags[lo..hi.min(flags.len())]
                        .iter()
                        .any(|&x| x & CHINA_CUE != 0);
                    if !near && (china_cues < 2 || (china_cues as f64) < china_min) {
                        continue;
                    }
                }
                _ => {}
            }
            match e.framing {
                Some(Framing::Prc) => framing.prc += 1,
                Some(Framing::Advocacy) => framing.advocacy += 1,
                None => {}
            }
            let mut evidence = 0.0;
            if let Some(t) = e.topic {
                evidence = e.weight * context_factor(m, rights, benign);
                // A place name in an apolitical document: capped per topic below.
                let damped = e.place && apolitical && !rights;
                if damped && !benign {
                    evidence = e.weight * m.apolitical_factor;
                }
                acc[t].add(f, e.weight, evidence, rights, benign, damped);
                if let Some(r) = e.region_topic {
                    acc[r].add(f, e.weight, evidence, rights, benign, false);
                }
            }
            let keep_hit = hits.len() < self.max_hits;
            if e.prisoner.is_none() && !keep_hit {
                hits_dropped += 1;
                continue;
            }
            let matched = CompactString::from(&text[f.start..f.end]);
            if let Some((name, region)) = &e.prisoner {
                let mention = Mention {
                    start: f.start,
                    end: f.end,
                    text: matched.clone(),
                };
                match prisoners.iter_mut().find(|p| p.id == e.id) {
                    // stored mentions obey the same cap as stored hits
                    Some(p) if p.mentions.len() < self.max_hits => p.mentions.push(mention),
                    Some(_) => {}
                    None => prisoners.push(Prisoner {
                        id: Cow::Borrowed(e.id),
                        name: Cow::Borrowed(name),
                        region: region.map(Cow::Borrowed),
                        mentions: vec![mention],
                    }),
                }
            }
            if keep_hit {
                hits.push(Hit {
                    topic: Cow::Borrowed(e.topic_name),
                    entry: Cow::Borrowed(e.id),
                    role: e.role,
                    start: f.start,
                    end: f.end,
                    text: matched,
                    sentence: f.sentence,
                    evidence,
                });
            } else {
                hits_dropped += 1;
            }
        }
        let words = stats.words;
        let mut topics = BTreeMap::new();
        for (t, a) in acc.iter().enumerate() {
            let share = if n_sent == 0 {
                0.0
            } else {
                a.sentences as f64 / n_sent as f64
            };
            let evidence = a.evidence + a.damped.min(m.apolitical_cap);
            let score = coverage(m, evidence, share);
            let (present, primary) = decide(&self.thresholds[t], evidence, score);
            let raised_early = crate::score::raised_early(m, a.first_sentence, n_sent);
            let n = a.hits as f64;
            topics.insert(
                self.topics[t].clone(),
                TopicScore {
                    score,
                    present,
                    primary: primary && raised_early,
                    raised_early,
                    hits: a.hits,
                    weighted: a.weighted,
                    evidence,
                    entries: a.entries.len(),
                    sentence_share: share,
                    per_1000_words: if words == 0 {
                        0.0
                    } else {
                        n * 1000.0 / words as f64
                    },
                    first_mention: a.first.map(|s| {
                        if text.is_empty() {
                            0.0
                        } else {
                            s as f64 / text.len() as f64
                        }
                    }),
                    first_sentence: a.first_sentence,
                    rights_context: if a.hits == 0 {
                        0.0
                    } else {
                        a.in_rights as f64 / n
                    },
                    benign_context: if a.hits == 0 {
                        0.0
                    } else {
                        a.in_benign as f64 / n
                    },
                },
            );
        }
        Report {
            id: id.to_string(),
            bytes: text.len(),
            words,
            sentences: n_sent,
            topics,
            human_rights: rights_cues >= m.human_rights_min,
            rights_cues,
            framing,
            hits,
            prisoners,
            hits_dropped,
        }
    }
}

/// The evidence gathered for one topic of one document.
#[derive(Default)]
struct Acc {
    hits: usize,
    weighted: f64,
    evidence: f64,
    /// Distinct entries hit (few per topic, so a list).
    entries: Vec<u32>,
    /// Number of distinct sentences with a hit (hits come in text order).
    sentences: usize,
    last_sentence: Option<usize>,
    first: Option<usize>,
    first_sentence: Option<usize>,
    in_rights: usize,
    in_benign: usize,
    damped: f64,
}

impl Acc {
    /// Back to the empty state, keeping the capacity of `entries`.
    fn reset(&mut self) {
        let mut entries = std::mem::take(&mut self.entries);
        entries.clear();
        *self = Acc {
            entries,
            ..Acc::default()
        };
    }

    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        f: &Found,
        weight: f64,
        evidence: f64,
        rights: bool,
        benign: bool,
        damped: bool,
    ) {
        self.hits += 1;
        self.weighted += weight;
        if damped {
            self.damped += evidence;
        } else {
            self.evidence += evidence;
        }
        if !self.entries.contains(&f.entry) {
            self.entries.push(f.entry);
        }
        if self.last_sentence != Some(f.sentence) {
            self.sentences += 1;
            self.last_sentence = Some(f.sentence);
        }
        if self.first.is_none() {
            self.first = Some(f.start);
            self.first_sentence = Some(f.sentence);
        }
        if rights {
            self.in_rights += 1;
        } else if benign {
            self.in_benign += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Walking forward finds the same sentences as a binary search per offset, whatever
        /// the order of the offsets.
        #[test]
        fn sentence_cursor_equals_binary_search(
            gaps in proptest::collection::vec(1usize..8, 0..12),
            first in 0usize..4,
            mut offs in proptest::collection::vec(0usize..80, 0..30),
            sorted in proptest::bool::ANY,
        ) {
            let starts: Vec<usize> = gaps
                .iter()
                .scan(first, |s, &g| {
                    let here = *s;
                    *s += g;
                    Some(here)
                })
                .collect();
            if sorted {
                offs.sort_unstable();
            }
            let mut cursor = SentenceCursor::new(&starts);
            for off in offs {
                let want = starts.partition_point(|&s| s <= off).saturating_sub(1);
                proptest::prop_assert_eq!(cursor.sentence_of(off), want);
            }
        }
    }

    #[test]
    fn scratch_reuse_gives_the_same_reports() {
        let clf = Classifier::new().unwrap();
        let texts = [
            "The Dalai Lama spoke about Tibet. Jimmy Lai remains detained; Lai was sentenced.",
            "",
            "Hong Kong stocks fell on the stock exchange.\n\nTaiwan Strait tensions rose.",
            "Ilham Tohti and Xinjiang. Tohti's daughter spoke.",
        ];
        let first: Vec<Report> = texts.iter().map(|t| clf.classify(t)).collect();
        // again, in another order, with the buffers left by other documents
        for (t, want) in texts.iter().zip(&first).rev() {
            assert_eq!(&clf.classify(t), want);
            let mut fresh = Scratch::default();
            assert_eq!(&clf.inner.classify_into("", t, &mut fresh), want);
        }
    }

    #[test]
    fn classifier_is_send_sync_clone() {
        fn assert_traits<T: Send + Sync + Clone>() {}
        assert_traits::<Classifier>();
    }
}
