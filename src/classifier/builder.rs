//! [`ClassifierBuilder`]: where lexicons and settings are gathered, checked and handed to
//! [`compile`](super::compile).

use super::compile::compile;
use super::Classifier;
use crate::error::{Error, Result};
use crate::lexicon::{lint, merge_registry, Lexicon, Severity, Thresholds, CONTEXT_TOPIC};
use crate::score::ScoreModel;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;

/// Default cap on the number of variants (all lexicons together).
pub const DEFAULT_MAX_PATTERNS: usize = 2_000_000;
/// Default compiled-size limit of each regex entry, in bytes.
pub const DEFAULT_REGEX_SIZE_LIMIT: usize = 1 << 20;
/// Default length in bytes beyond which a document is classified a window at a time (see
/// [`ClassifierBuilder::window_bytes`]).
pub const DEFAULT_WINDOW_BYTES: usize = 1 << 20;

#[derive(Debug, Clone)]
pub(super) enum Source {
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
    pub(super) builtin: bool,
    pub(super) sources: Vec<Source>,
    pub(super) thresholds: HashMap<String, Thresholds>,
    pub(super) model: ScoreModel,
    pub(super) max_hits: usize,
    pub(super) window_bytes: usize,
    pub(super) unlisted: bool,
    pub(super) max_patterns: usize,
    pub(super) regex_size_limit: usize,
    pub(super) topics: Option<Vec<String>>,
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
            window_bytes: DEFAULT_WINDOW_BYTES,
            unlisted: true,
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

    /// Whether to report people named in a custody context whom no lexicon or registry
    /// holds (`Prisoner::listed == false`; on by default). A study that wants only listed
    /// people, or a keyword baseline, turns it off.
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "Police in Beijing detained Liu Dongfang, a petitioner.";
    /// let on = rightslens::Classifier::new()?;
    /// assert!(on.classify(text).prisoners.iter().any(|p| !p.listed));
    /// let off = rightslens::Classifier::builder().unlisted_prisoners(false).build()?;
    /// assert!(off.classify(text).prisoners.is_empty());
    /// # Ok::<(), rightslens::Error>(())
    /// ```
    pub fn unlisted_prisoners(&mut self, on: bool) -> &mut ClassifierBuilder {
        self.unlisted = on;
        self
    }

    /// Caps the number of hits stored per report (and of mentions stored per named prisoner);
    /// further hits still count in the scores and are tallied in [`Report::hits_dropped`](crate::Report::hits_dropped).
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

    /// Documents longer than `n` bytes (default [`DEFAULT_WINDOW_BYTES`]; at least 1 KiB) are
    /// classified a window of about `n` bytes at a time, cut at sentence starts, so that the
    /// memory a very long document needs beyond its text stays that of a window and the
    /// hits kept (see [`max_hits`](ClassifierBuilder::max_hits)). The report is the same as
    /// for the document read whole: each window is read twice, once for the totals the
    /// decisions need (the register, the China link), once for the evidence.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::Classifier;
    /// let text = "Tibet. Xinjiang, Hong Kong and Taiwan. Ilham Tohti was detained. ".repeat(100);
    /// let whole = Classifier::builder().max_hits(50).build()?;
    /// let windows = Classifier::builder().max_hits(50).window_bytes(1024).build()?;
    /// assert_eq!(windows.classify(&text), whole.classify(&text));
    /// # Ok::<(), rightslens::Error>(())
    /// ```
    pub fn window_bytes(&mut self, n: usize) -> &mut ClassifierBuilder {
        self.window_bytes = n;
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
    /// [`Hit`](crate::Hit)). Each distinct string is stored once: building again from the same lexicons
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
