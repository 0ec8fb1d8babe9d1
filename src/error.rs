//! The crate's single error type.
//!
//! Every fallible step of rightslens (loading and compiling lexicons, reading a corpus input)
//! returns [`Error`]. An error carries a [`ErrorKind`] and, where it applies, the lexicon or
//! file it concerns, the line number and the entry id, so a message such as
//! `lexicons/tibet.toml:42: entry "tibet.place.lhasa": variants must not be empty` says where
//! to look and what to fix.

use std::fmt;
use std::path::PathBuf;

/// A specialised `Result` whose error is [`Error`].
///
/// # Examples
///
/// ```
/// fn build() -> rightslens::Result<rightslens::Classifier> {
///     rightslens::Classifier::new()
/// }
/// assert!(build().is_ok());
/// ```
pub type Result<T> = std::result::Result<T, Error>;

/// What went wrong, without the location.
///
/// # Examples
///
/// ```
/// use rightslens::{Classifier, ErrorKind};
///
/// let err = Classifier::builder()
///     .without_builtin()
///     .lexicon_str("mine", "[lexicon]\ntopic = 'x'\n[[entry]]\nid = 'x.a'\n")
///     .build()
///     .unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::Parse(_)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The lexicon text is not valid TOML or does not follow the lexicon schema.
    Parse(String),
    /// The lexicon parsed but an entry or the header breaks a rule (empty variants,
    /// duplicate id, bad regex, ...).
    Invalid(String),
    /// A configured limit was exceeded (too many patterns, regex too large, ...).
    Limit(String),
    /// Reading a file or directory failed.
    Io(String),
    /// A document or input record could not be used (not UTF-8, binary, malformed line).
    Input(String),
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Parse(m) => write!(f, "parse error: {m}"),
            ErrorKind::Invalid(m) => write!(f, "invalid lexicon: {m}"),
            ErrorKind::Limit(m) => write!(f, "limit exceeded: {m}"),
            ErrorKind::Io(m) => write!(f, "i/o error: {m}"),
            ErrorKind::Input(m) => write!(f, "bad input: {m}"),
        }
    }
}

/// The error type of rightslens: a kind plus where it happened.
///
/// `Display` prints one lowercase line, `path:line: entry "id": kind: message`, with the
/// parts that are known.
///
/// # Examples
///
/// ```
/// use rightslens::Classifier;
///
/// let bad = "[lexicon]\ntopic = \"demo\"\n\n[[entry]]\nid = \"demo.concept.a\"\nkind = \"concept\"\nvariants = []\nsource = \"test\"\n";
/// let err = Classifier::builder().without_builtin().lexicon_str("demo.toml", bad).build().unwrap_err();
/// let msg = err.to_string();
/// assert!(msg.starts_with("demo.toml:4:"), "{msg}");
/// assert!(msg.contains("variants"), "{msg}");
/// ```
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    path: Option<PathBuf>,
    line: Option<usize>,
    entry: Option<String>,
    source: Option<std::io::Error>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error {
            kind,
            path: None,
            line: None,
            entry: None,
            source: None,
        }
    }

    pub(crate) fn parse(msg: impl Into<String>) -> Error {
        Error::new(ErrorKind::Parse(msg.into()))
    }

    pub(crate) fn invalid(msg: impl Into<String>) -> Error {
        Error::new(ErrorKind::Invalid(msg.into()))
    }

    pub(crate) fn limit(msg: impl Into<String>) -> Error {
        Error::new(ErrorKind::Limit(msg.into()))
    }

    pub(crate) fn input(msg: impl Into<String>) -> Error {
        Error::new(ErrorKind::Input(msg.into()))
    }

    pub(crate) fn io(path: impl Into<PathBuf>, err: std::io::Error) -> Error {
        let path = path.into();
        Error {
            kind: ErrorKind::Io(err.to_string().to_lowercase()),
            path: Some(path),
            line: None,
            entry: None,
            source: Some(err),
        }
    }

    pub(crate) fn with_path(mut self, path: impl Into<PathBuf>) -> Error {
        if self.path.is_none() {
            self.path = Some(path.into());
        }
        self
    }

    pub(crate) fn with_line(mut self, line: usize) -> Error {
        if self.line.is_none() {
            self.line = Some(line);
        }
        self
    }

    pub(crate) fn with_entry(mut self, id: impl Into<String>) -> Error {
        if self.entry.is_none() {
            self.entry = Some(id.into());
        }
        self
    }

    /// What went wrong.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::{Classifier, ErrorKind};
    /// let err = Classifier::builder().lexicon_file("/no/such/file.toml").build().unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::Io(_)));
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The lexicon name or file the error concerns, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::Classifier;
    /// let err = Classifier::builder().lexicon_file("/no/such/file.toml").build().unwrap_err();
    /// assert_eq!(err.path().unwrap(), std::path::Path::new("/no/such/file.toml"));
    /// ```
    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    /// The 1-based line number in the lexicon file, if known.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::Classifier;
    /// let err = Classifier::builder().lexicon_str("x.toml", "[lexicon]\ntopic = 1\n").build().unwrap_err();
    /// assert_eq!(err.line(), Some(2));
    /// ```
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The id of the lexicon entry the error concerns, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::Classifier;
    /// let text = "[lexicon]\ntopic = \"t\"\n[[entry]]\nid = \"t.concept.a\"\nkind = \"concept\"\nvariants = [\"a(\"]\nmode = \"regex\"\nsource = \"s\"\n";
    /// let err = Classifier::builder().without_builtin().lexicon_str("x.toml", text).build().unwrap_err();
    /// assert_eq!(err.entry(), Some("t.concept.a"));
    /// ```
    pub fn entry(&self) -> Option<&str> {
        self.entry.as_deref()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(p) = &self.path {
            write!(f, "{}", p.display())?;
            if let Some(l) = self.line {
                write!(f, ":{l}")?;
            }
            write!(f, ": ")?;
        } else if let Some(l) = self.line {
            write!(f, "line {l}: ")?;
        }
        if let Some(e) = &self.entry {
            write!(f, "entry \"{e}\": ")?;
        }
        write!(f, "{}", self.kind)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}
