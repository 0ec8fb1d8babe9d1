//! Corpus runs: folders, files and JSON Lines streams classified in parallel, with exactly
//! one [`Record`] per input and a [`Summary`] of the whole run.
//!
//! [`scan`] reads its inputs one after the other on a reader thread, cuts them into bounded
//! batches, classifies each batch with Rayon through
//! [`Classifier::classify_documents`] (the same per-document code as every other entry
//! point), and hands the records to a callback **in input order**, so the output is the same
//! for one thread or many. The reader prepares the next batch while the current one is being
//! classified; memory stays bounded by a few batches whatever the size of the corpus.
//!
//! # Inputs
//!
//! | input | documents | id |
//! |---|---|---|
//! | a folder | every supported file below it, walked recursively in sorted order | path relative to the folder, without extension (`docs/000.txt` under `docs` gives `000`) |
//! | `.txt`, `.text`, `.md`, `.markdown` | the file | as above; the path as given for a file named directly |
//! | `.html`, `.htm`, `.xhtml` | the visible text ([`html_text`]); offsets refer to it | as above |
//! | `.jsonl`, `.ndjson`, [`Input::stdin`], [`Input::json_lines`] | one per line: an object with a text field; the other fields are carried into [`Record::fields`] | the id field, else `file:line` |
//! | `.csv` | one per row after the header row; the other columns are carried | the id column, else `file:line` |
//!
//! A file named directly whose extension is none of these is read as plain text. In folders,
//! hidden files and folders and files matched by `.gitignore` / `.ignore` rules are left out
//! (see [`CorpusOptions::include_hidden`] and [`CorpusOptions::respect_ignore_files`]); other
//! files with an unknown extension are listed as skipped. Blank lines of JSON Lines files are
//! not inputs.
//!
//! A document's date ([`Record::date`], normalised to `YYYY-MM-DD`, `YYYY-MM` or `YYYY`)
//! comes from the date field or column, else from a date in the file name
//! (`2024-05-17-readout.txt`, `readout_20240517.html`).
//!
//! # Nothing lost
//!
//! Every input ends as one [`Record`] whose [`Outcome`] is a [`Report`] or a [`Reason`]:
//!
//! * skipped on purpose: empty, binary (a NUL byte in the first 8 KiB), larger than
//!   [`CorpusOptions::max_document_bytes`] (a file, a JSON line or a CSV row; never read into
//!   memory beyond that bound), invalid UTF-8 under [`CorpusOptions::strict_utf8`] (otherwise
//!   decoded with replacement characters and flagged in [`Record::utf8_lossy`]), not a regular
//!   file (FIFOs, sockets and devices are never opened for reading), a symlink not followed,
//!   an unknown extension, a JSON Lines or CSV file without any record;
//! * failed: not found (for example deleted during the run), permission denied, a dangling
//!   symlink, a symlink loop, another I/O error, a line that is not a JSON object, a CSV row
//!   with the wrong number of fields, a missing text field or column.
//!
//! Only a failing callback (the output cannot be written) stops a run.
//!
//! # Output schemas
//!
//! `serde_json::to_string(&record)` gives one JSON Lines line per input. A classified input
//! is its [`Report`] (so the line deserialises as a `Report`) followed by `path`, and `line`,
//! `date`, `fields`, `utf8_lossy` when they apply:
//!
//! ```json
//! {"id":"wh-000005","bytes":5120,...,"hits_dropped":0,"path":"news.jsonl","line":6,"date":"2025-02-13","fields":{"title":"..."}}
//! ```
//!
//! Any other input is one line with its id, path, status (`skipped` or `failed`), a stable
//! reason code ([`ReasonKind`]) and a message:
//!
//! ```json
//! {"id":"news.jsonl:7","path":"news.jsonl","line":7,"status":"failed","reason":"bad_json","error":"not a JSON object: expected value at line 1 column 1"}
//! ```
//!
//! [`CsvWriter`] writes the tidy long format that R and pandas read directly: one row per
//! document and topic.
//!
//! # Examples
//!
//! ```
//! use rightslens::corpus::{scan, CorpusOptions, Input, Outcome};
//! use rightslens::Classifier;
//!
//! let dir = std::env::temp_dir().join("rightslens-doc-corpus");
//! std::fs::create_dir_all(&dir).unwrap();
//! std::fs::write(dir.join("2024-05-17-readout.txt"), "They raised the repression in Tibet and the detention of Ilham Tohti.").unwrap();
//! std::fs::write(dir.join("empty.txt"), "").unwrap();
//!
//! let clf = Classifier::new()?;
//! let mut lines = Vec::new();
//! let summary = scan(&clf, vec![Input::path(&dir)], &CorpusOptions::new(), |record| {
//!     if let Outcome::Classified(report) = &record.outcome {
//!         assert!(report.topics["tibet"].present);
//!     }
//!     lines.push(serde_json::to_string(&record)?);
//!     Ok(())
//! })?;
//! assert_eq!((summary.classified, summary.skipped), (1, 1));
//! assert!(lines[0].starts_with("{\"id\":\"2024-05-17-readout\""));
//! assert!(lines[1].contains("\"reason\":\"empty\""));
//! # Ok::<(), rightslens::Error>(())
//! ```

use crate::{Classifier, Document, Error, Report, Result};
use serde::{Deserialize, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;
use std::io::{Read, Write};
use std::path::PathBuf;

mod html;
mod source;
mod summary;

pub use html::html_text;
pub use summary::{
    EntryCount, Period, PeriodCounts, PrisonerCount, Summary, Tally, TopicSummary, HISTOGRAM_BINS,
};

/// Default [`CorpusOptions::max_document_bytes`]: 32 MiB.
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 32 << 20;
/// Default [`CorpusOptions::batch_bytes`]: 16 MiB of text per batch.
pub const DEFAULT_BATCH_BYTES: usize = 16 << 20;
/// Default [`CorpusOptions::batch_documents`]: 4,096 inputs per batch.
pub const DEFAULT_BATCH_DOCUMENTS: usize = 4096;

/// How a corpus run reads its inputs.
///
/// Setters take `&mut self` and never fail; [`CorpusOptions::new`] (or `Default`) gives the
/// defaults listed on each setter.
///
/// # Examples
///
/// ```
/// use rightslens::corpus::{CorpusOptions, Period};
/// let mut opts = CorpusOptions::new();
/// opts.text_field("body").id_field("uuid").follow_symlinks(true).period(Period::Year);
/// ```
#[derive(Debug, Clone)]
pub struct CorpusOptions {
    pub(crate) text_field: String,
    pub(crate) id_field: String,
    pub(crate) date_field: String,
    pub(crate) follow_symlinks: bool,
    pub(crate) include_hidden: bool,
    pub(crate) respect_ignore_files: bool,
    pub(crate) strict_utf8: bool,
    pub(crate) max_document_bytes: usize,
    pub(crate) batch_bytes: usize,
    pub(crate) batch_documents: usize,
    pub(crate) period: Period,
}

impl Default for CorpusOptions {
    fn default() -> CorpusOptions {
        CorpusOptions::new()
    }
}

impl CorpusOptions {
    /// The defaults.
    ///
    /// # Examples
    ///
    /// ```
    /// let opts = rightslens::corpus::CorpusOptions::new();
    /// # let _ = opts;
    /// ```
    pub fn new() -> CorpusOptions {
        CorpusOptions {
            text_field: "text".to_string(),
            id_field: "id".to_string(),
            date_field: "date".to_string(),
            follow_symlinks: false,
            include_hidden: false,
            respect_ignore_files: true,
            strict_utf8: false,
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
            batch_bytes: DEFAULT_BATCH_BYTES,
            batch_documents: DEFAULT_BATCH_DOCUMENTS,
            period: Period::Month,
        }
    }

    /// Name of the JSON field or CSV column holding the text (default `text`).
    ///
    /// # Examples
    ///
    /// ```
    /// rightslens::corpus::CorpusOptions::new().text_field("body");
    /// ```
    pub fn text_field(&mut self, name: &str) -> &mut CorpusOptions {
        self.text_field = name.to_string();
        self
    }

    /// Name of the JSON field or CSV column holding the id (default `id`).
    ///
    /// # Examples
    ///
    /// ```
    /// rightslens::corpus::CorpusOptions::new().id_field("uuid");
    /// ```
    pub fn id_field(&mut self, name: &str) -> &mut CorpusOptions {
        self.id_field = name.to_string();
        self
    }

    /// Name of the JSON field or CSV column holding the date (default `date`).
    ///
    /// # Examples
    ///
    /// ```
    /// rightslens::corpus::CorpusOptions::new().date_field("published");
    /// ```
    pub fn date_field(&mut self, name: &str) -> &mut CorpusOptions {
        self.date_field = name.to_string();
        self
    }

    /// Follow symbolic links inside folders (default: no; a symlink is then listed as
    /// skipped). Loops are detected and listed as failed. Paths given directly are always
    /// followed.
    ///
    /// # Examples
    ///
    /// ```
    /// rightslens::corpus::CorpusOptions::new().follow_symlinks(true);
    /// ```
    pub fn follow_symlinks(&mut self, yes: bool) -> &mut CorpusOptions {
        self.follow_symlinks = yes;
        self
    }

    /// Include hidden files and folders (names starting with `.`) in folder walks (default: no).
    ///
    /// # Examples
    ///
    /// ```
    /// rightslens::corpus::CorpusOptions::new().include_hidden(true);
    /// ```
    pub fn include_hidden(&mut self, yes: bool) -> &mut CorpusOptions {
        self.include_hidden = yes;
        self
    }

    /// Leave out files matched by `.gitignore` (inside a git repository), `.ignore` and git
    /// exclude rules, as ripgrep does (default: yes).
    ///
    /// # Examples
    ///
    /// ```
    /// rightslens::corpus::CorpusOptions::new().respect_ignore_files(false);
    /// ```
    pub fn respect_ignore_files(&mut self, yes: bool) -> &mut CorpusOptions {
        self.respect_ignore_files = yes;
        self
    }

    /// Skip inputs that are not valid UTF-8 instead of decoding them with replacement
    /// characters (default: no).
    ///
    /// # Examples
    ///
    /// ```
    /// rightslens::corpus::CorpusOptions::new().strict_utf8(true);
    /// ```
    pub fn strict_utf8(&mut self, yes: bool) -> &mut CorpusOptions {
        self.strict_utf8 = yes;
        self
    }

    /// Largest file, JSON line or CSV row read, in bytes (default
    /// [`DEFAULT_MAX_DOCUMENT_BYTES`]); a larger one is skipped with a reason and never held
    /// in memory beyond this bound.
    ///
    /// # Examples
    ///
    /// ```
    /// rightslens::corpus::CorpusOptions::new().max_document_bytes(1 << 20);
    /// ```
    pub fn max_document_bytes(&mut self, bytes: usize) -> &mut CorpusOptions {
        self.max_document_bytes = bytes.max(1);
        self
    }

    /// Bytes of text per batch (default [`DEFAULT_BATCH_BYTES`]). A run holds the text of
    /// three batches at most (the one being read, one waiting, the one being classified) and
    /// the records of a fourth (being handed to the callback).
    ///
    /// # Examples
    ///
    /// ```
    /// rightslens::corpus::CorpusOptions::new().batch_bytes(4 << 20);
    /// ```
    pub fn batch_bytes(&mut self, bytes: usize) -> &mut CorpusOptions {
        self.batch_bytes = bytes.max(1);
        self
    }

    /// Inputs per batch (default [`DEFAULT_BATCH_DOCUMENTS`]).
    ///
    /// # Examples
    ///
    /// ```
    /// rightslens::corpus::CorpusOptions::new().batch_documents(256);
    /// ```
    pub fn batch_documents(&mut self, n: usize) -> &mut CorpusOptions {
        self.batch_documents = n.max(1);
        self
    }

    /// Period of the time series in the [`Summary`] (default [`Period::Month`]).
    ///
    /// # Examples
    ///
    /// ```
    /// rightslens::corpus::CorpusOptions::new().period(rightslens::corpus::Period::Day);
    /// ```
    pub fn period(&mut self, period: Period) -> &mut CorpusOptions {
        self.period = period;
        self
    }
}

/// One input of a corpus run: a file or folder, or a JSON Lines stream.
///
/// # Examples
///
/// ```
/// use rightslens::corpus::Input;
/// let inputs = vec![Input::path("examples/data"), Input::from_arg("-")];
/// assert_eq!(inputs[1].name(), "<stdin>");
/// ```
pub struct Input {
    pub(crate) kind: InputKind,
}

pub(crate) enum InputKind {
    Path(PathBuf),
    Stream {
        name: String,
        reader: Box<dyn Read + Send>,
    },
}

impl Input {
    /// A file or folder.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(rightslens::corpus::Input::path("docs").name(), "docs");
    /// ```
    pub fn path(path: impl Into<PathBuf>) -> Input {
        Input {
            kind: InputKind::Path(path.into()),
        }
    }

    /// JSON Lines on standard input (named `<stdin>` in records).
    ///
    /// # Examples
    ///
    /// ```
    /// let _ = rightslens::corpus::Input::stdin();
    /// ```
    pub fn stdin() -> Input {
        Input::json_lines("<stdin>", std::io::stdin())
    }

    /// JSON Lines from any reader; `name` stands for the file name in records.
    ///
    /// # Examples
    ///
    /// ```
    /// let input = rightslens::corpus::Input::json_lines("mem", std::io::Cursor::new("{\"text\": \"Tibet\"}\n"));
    /// assert_eq!(input.name(), "mem");
    /// ```
    pub fn json_lines(name: impl Into<String>, reader: impl Read + Send + 'static) -> Input {
        Input {
            kind: InputKind::Stream {
                name: name.into(),
                reader: Box::new(reader),
            },
        }
    }

    /// A command-line argument: `-` is [`Input::stdin`], anything else a path.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(rightslens::corpus::Input::from_arg("docs/").name(), "docs/");
    /// ```
    pub fn from_arg(arg: &str) -> Input {
        if arg == "-" {
            Input::stdin()
        } else {
            Input::path(arg)
        }
    }

    /// The path or stream name, as it appears in records.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(rightslens::corpus::Input::path("a.txt").name(), "a.txt");
    /// ```
    pub fn name(&self) -> String {
        match &self.kind {
            InputKind::Path(p) => p.to_string_lossy().into_owned(),
            InputKind::Stream { name, .. } => name.clone(),
        }
    }
}

impl fmt::Debug for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            InputKind::Path(p) => f.debug_tuple("Input::path").field(p).finish(),
            InputKind::Stream { name, .. } => {
                f.debug_tuple("Input::json_lines").field(name).finish()
            }
        }
    }
}

/// Why an input was not classified: a stable code, also used as the `reason` of JSON Lines
/// output and as the key of [`Summary::reasons`].
///
/// # Examples
///
/// ```
/// use rightslens::corpus::ReasonKind;
/// assert_eq!(ReasonKind::BadJson.as_str(), "bad_json");
/// assert!(ReasonKind::BadJson.is_failure() && !ReasonKind::Binary.is_failure());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReasonKind {
    /// Skipped: an empty file, JSON text or CSV text cell (or HTML without visible text).
    Empty,
    /// Skipped: a NUL byte in the first 8 KiB.
    Binary,
    /// Skipped: larger than [`CorpusOptions::max_document_bytes`].
    TooLarge,
    /// Skipped: not valid UTF-8, under [`CorpusOptions::strict_utf8`].
    InvalidUtf8,
    /// Skipped: a FIFO, socket or device (never opened for reading).
    NotRegularFile,
    /// Skipped: a symbolic link inside a folder, without [`CorpusOptions::follow_symlinks`].
    SymlinkNotFollowed,
    /// Skipped: a file in a folder with an extension that is not read.
    UnsupportedType,
    /// Skipped: a JSON Lines or CSV file without a single record.
    NoRecords,
    /// Failed: the file does not exist (any more).
    NotFound,
    /// Failed: permission denied.
    PermissionDenied,
    /// Failed: a symbolic link whose target does not exist.
    DanglingSymlink,
    /// Failed: a symbolic link leading back to one of its ancestors.
    SymlinkLoop,
    /// Failed: another I/O error.
    Io,
    /// Failed: a JSON line that is not a JSON object.
    BadJson,
    /// Failed: a CSV row with the wrong number of fields.
    BadCsv,
    /// Failed: no text field in a JSON object, or no text column in a CSV header.
    MissingText,
}

impl ReasonKind {
    /// The snake_case code.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(rightslens::corpus::ReasonKind::TooLarge.as_str(), "too_large");
    /// ```
    pub fn as_str(self) -> &'static str {
        use ReasonKind::*;
        match self {
            Empty => "empty",
            Binary => "binary",
            TooLarge => "too_large",
            InvalidUtf8 => "invalid_utf8",
            NotRegularFile => "not_regular_file",
            SymlinkNotFollowed => "symlink_not_followed",
            UnsupportedType => "unsupported_type",
            NoRecords => "no_records",
            NotFound => "not_found",
            PermissionDenied => "permission_denied",
            DanglingSymlink => "dangling_symlink",
            SymlinkLoop => "symlink_loop",
            Io => "io",
            BadJson => "bad_json",
            BadCsv => "bad_csv",
            MissingText => "missing_text",
        }
    }

    /// Whether inputs with this reason count as failed (else as skipped).
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(rightslens::corpus::ReasonKind::PermissionDenied.is_failure());
    /// ```
    pub fn is_failure(self) -> bool {
        use ReasonKind::*;
        matches!(
            self,
            NotFound
                | PermissionDenied
                | DanglingSymlink
                | SymlinkLoop
                | Io
                | BadJson
                | BadCsv
                | MissingText
        )
    }
}

impl fmt::Display for ReasonKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why an input was not classified: a code and a lowercase message.
///
/// # Examples
///
/// ```
/// use rightslens::corpus::{Reason, ReasonKind};
/// let r = Reason::new(ReasonKind::Binary, "binary file (NUL byte at offset 3)");
/// assert_eq!(r.to_string(), "binary file (NUL byte at offset 3)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    /// The code.
    pub kind: ReasonKind,
    /// What happened, for people.
    pub message: String,
}

impl Reason {
    /// A reason from a code and a message.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::corpus::{Reason, ReasonKind};
    /// assert_eq!(Reason::new(ReasonKind::Empty, "empty file").kind, ReasonKind::Empty);
    /// ```
    pub fn new(kind: ReasonKind, message: impl Into<String>) -> Reason {
        Reason {
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// What became of one input.
///
/// # Examples
///
/// ```
/// use rightslens::corpus::Outcome;
/// let clf = rightslens::Classifier::new()?;
/// let o = Outcome::Classified(Box::new(clf.classify("Tibet")));
/// assert!(o.report().is_some() && o.reason().is_none());
/// # Ok::<(), rightslens::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The input was classified.
    Classified(Box<Report>),
    /// The input was left out on purpose.
    Skipped(Reason),
    /// The input could not be read or parsed.
    Failed(Reason),
}

impl Outcome {
    /// The report, if the input was classified.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::corpus::{Outcome, Reason, ReasonKind};
    /// assert!(Outcome::Skipped(Reason::new(ReasonKind::Empty, "empty")).report().is_none());
    /// ```
    pub fn report(&self) -> Option<&Report> {
        match self {
            Outcome::Classified(r) => Some(r),
            _ => None,
        }
    }

    /// The reason, if the input was skipped or failed.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::corpus::{Outcome, Reason, ReasonKind};
    /// let o = Outcome::Failed(Reason::new(ReasonKind::BadCsv, "row has 3 fields, the header 2"));
    /// assert_eq!(o.reason().unwrap().kind, ReasonKind::BadCsv);
    /// ```
    pub fn reason(&self) -> Option<&Reason> {
        match self {
            Outcome::Classified(_) => None,
            Outcome::Skipped(r) | Outcome::Failed(r) => Some(r),
        }
    }

    /// `classified`, `skipped` or `failed`.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::corpus::{Outcome, Reason, ReasonKind};
    /// assert_eq!(Outcome::Skipped(Reason::new(ReasonKind::Empty, "empty")).status(), "skipped");
    /// ```
    pub fn status(&self) -> &'static str {
        match self {
            Outcome::Classified(_) => "classified",
            Outcome::Skipped(_) => "skipped",
            Outcome::Failed(_) => "failed",
        }
    }
}

/// What a corpus run says about one input: a file, a JSON line or a CSV row.
///
/// `Serialize` writes the JSON Lines schema of the [module docs](self): the report plus
/// `path`, `line`, `date`, `fields`, `utf8_lossy`; or `id`, `path`, `line`, `date`, `status`,
/// `reason`, `error`.
///
/// # Examples
///
/// ```
/// use rightslens::corpus::{Outcome, Reason, ReasonKind, Record};
/// let failed = Outcome::Failed(Reason::new(ReasonKind::BadJson, "not a JSON object"));
/// let mut r = Record::new("news.jsonl:7", "news.jsonl", failed);
/// r.line = Some(7);
/// assert_eq!(
///     serde_json::to_string(&r).unwrap(),
///     r#"{"id":"news.jsonl:7","path":"news.jsonl","line":7,"status":"failed","reason":"bad_json","error":"not a JSON object"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Record {
    /// Document id (see the [module docs](self)); also the id of the report.
    pub id: String,
    /// The file (as walked: the folder joined with the relative path), or the stream name.
    pub path: String,
    /// 1-based line of a JSON line or of the start of a CSV row.
    pub line: Option<u64>,
    /// Normalised date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), from the date field or column or
    /// the file name.
    pub date: Option<String>,
    /// The other fields of a JSON line (all but the text and id fields) or the other columns
    /// of a CSV row (as strings).
    pub fields: BTreeMap<String, serde_json::Value>,
    /// The input was not valid UTF-8 and was decoded with replacement characters.
    pub utf8_lossy: bool,
    /// Bytes of input this record stands for (file size, or line or row length), for
    /// progress reports; not serialised.
    pub input_bytes: u64,
    /// The report, or why there is none.
    pub outcome: Outcome,
}

impl Record {
    /// A record with an id, a path and an outcome, and no other data.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::corpus::{Outcome, Reason, ReasonKind, Record};
    /// let r = Record::new("a", "a.txt", Outcome::Skipped(Reason::new(ReasonKind::Empty, "empty file")));
    /// assert_eq!((r.id.as_str(), r.outcome.status()), ("a", "skipped"));
    /// ```
    pub fn new(id: impl Into<String>, path: impl Into<String>, outcome: Outcome) -> Record {
        Record {
            id: id.into(),
            path: path.into(),
            line: None,
            date: None,
            fields: BTreeMap::new(),
            utf8_lossy: false,
            input_bytes: 0,
            outcome,
        }
    }
}

#[derive(Serialize)]
struct ClassifiedLine<'a> {
    #[serde(flatten)]
    report: &'a Report,
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    fields: &'a BTreeMap<String, serde_json::Value>,
    #[serde(skip_serializing_if = "is_false")]
    utf8_lossy: bool,
}

#[derive(Serialize)]
struct ProblemLine<'a> {
    id: &'a str,
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    status: &'static str,
    reason: ReasonKind,
    error: &'a str,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Serialize for Record {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match &self.outcome {
            Outcome::Classified(report) => ClassifiedLine {
                report,
                path: &self.path,
                line: self.line,
                date: self.date.as_deref(),
                fields: &self.fields,
                utf8_lossy: self.utf8_lossy,
            }
            .serialize(s),
            Outcome::Skipped(r) | Outcome::Failed(r) => ProblemLine {
                id: &self.id,
                path: &self.path,
                line: self.line,
                date: self.date.as_deref(),
                status: self.outcome.status(),
                reason: r.kind,
                error: &r.message,
            }
            .serialize(s),
        }
    }
}

/// Classifies every input and hands one [`Record`] per input to `sink`, in input order;
/// returns the [`Summary`] of the run.
///
/// Inputs are read on a separate thread, in bounded batches; each batch is classified in
/// parallel on the current Rayon pool (run `scan` inside `ThreadPool::install` to choose the
/// pool) while the next one is read and the records of the previous one go to `sink` on the
/// calling thread. Records and summary do not depend on the
/// number of threads. Bad inputs never stop the run: they become records with a
/// [`Reason`].
///
/// # Errors
///
/// Only when `sink` fails (typically: the output cannot be written): the run stops and
/// the error is returned as an [`ErrorKind::Io`](crate::ErrorKind::Io) error whose
/// [`source`](std::error::Error::source) is the sink's error. The reader thread then stops
/// at its next batch, or when a blocking read (standard input) returns.
///
/// # Examples
///
/// ```
/// use rightslens::corpus::{scan, CorpusOptions, Input};
/// use rightslens::Classifier;
///
/// let clf = Classifier::new()?;
/// let data = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");
/// let mut ids = Vec::new();
/// let summary = scan(&clf, vec![Input::path(data)], &CorpusOptions::new(), |r| {
///     ids.push(r.id);
///     Ok(())
/// })?;
/// assert_eq!(summary.inputs, ids.len());
/// assert!(ids.windows(2).all(|w| w[0] < w[1]), "sorted walk");
/// # Ok::<(), rightslens::Error>(())
/// ```
pub fn scan<I, F>(
    clf: &Classifier,
    inputs: I,
    options: &CorpusOptions,
    mut sink: F,
) -> Result<Summary>
where
    I: IntoIterator<Item = Input>,
    F: FnMut(Record) -> std::io::Result<()>,
{
    let inputs: Vec<Input> = inputs.into_iter().collect();
    let opts = options.clone();
    // One batch waiting while one is read, one classified and one handed out.
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    let reader = std::thread::Builder::new()
        .name("rightslens-reader".to_string())
        .spawn(move || source::produce(inputs, &opts, tx))
        .map_err(|e| Error::io("<reader thread>", e))?;
    let mut tally = Tally::new(clf.topics(), options.period);
    // Batch k+1 is classified on the pool while this thread hands out the records of batch
    // k (the sink need not be `Send`), and the reader thread reads batch k+2.
    let mut ready: Option<Vec<Record>> = None;
    loop {
        let next = rx.recv().ok();
        let mut classified = None;
        rayon::in_place_scope(|s| {
            if let Some(batch) = next {
                s.spawn(|_| classified = Some(classify_batch(clf, batch)));
            }
            for record in ready.take().unwrap_or_default() {
                tally.add(&record);
                // On error `rx` is dropped on return, so the reader stops at its next send.
                sink(record).map_err(|e| Error::io("<output>", e))?;
            }
            Ok::<(), Error>(())
        })?;
        match classified {
            Some(records) => ready = Some(records),
            None => break,
        }
    }
    if let Err(panic) = reader.join() {
        std::panic::resume_unwind(panic);
    }
    Ok(tally.finish())
}

/// Classifies the documents of one batch in parallel and rebuilds the records in order.
fn classify_batch(clf: &Classifier, batch: Vec<source::Pending>) -> Vec<Record> {
    let mut docs = Vec::new();
    let mut slots = Vec::with_capacity(batch.len());
    for p in batch {
        match p.body {
            source::Body::Text(text) => {
                docs.push(Document::new(p.record.id.clone(), text));
                slots.push((p.record, true));
            }
            source::Body::Done => slots.push((p.record, false)),
        }
    }
    let reports = clf.classify_documents(&docs);
    drop(docs);
    let mut reports = reports.into_iter();
    slots
        .into_iter()
        .map(|(mut r, classified)| {
            if classified {
                r.outcome = match reports.next() {
                    Some(report) => Outcome::Classified(Box::new(report)),
                    None => Outcome::Failed(Reason::new(
                        ReasonKind::Io,
                        "internal error: no report for this document",
                    )),
                };
            }
            r
        })
        .collect()
}

/// Total size in bytes of the files the inputs would read (for a progress bar), or `None`
/// when an input is a stream whose size is unknown.
///
/// # Examples
///
/// ```
/// use rightslens::corpus::{estimate_bytes, CorpusOptions, Input};
/// let data = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");
/// assert!(estimate_bytes(&[Input::path(data)], &CorpusOptions::new()).unwrap() > 1000);
/// assert_eq!(estimate_bytes(&[Input::stdin()], &CorpusOptions::new()), None);
/// ```
pub fn estimate_bytes(inputs: &[Input], options: &CorpusOptions) -> Option<u64> {
    let mut total = 0;
    for input in inputs {
        match &input.kind {
            InputKind::Stream { .. } => return None,
            InputKind::Path(p) => total += source::estimate(p, options),
        }
    }
    Some(total)
}

/// Writes records as CSV in tidy long format: one row per document and topic, with the
/// columns `id, path, line, date, status, topic, score, present, primary, hits, evidence,
/// error`. An input that was not classified gets one row with an empty topic, its status
/// (`skipped` or `failed`) and the reason in `error`.
///
/// # Examples
///
/// ```
/// use rightslens::corpus::{CsvWriter, Outcome, Record};
/// let clf = rightslens::Classifier::builder().topics(&["tibet"]).build()?;
/// let report = clf.classify_with_id("a", "Free Tibet");
/// let rec = Record::new("a", "a.txt", Outcome::Classified(Box::new(report)));
/// let mut w = CsvWriter::new(Vec::new())?;
/// w.write(&rec)?;
/// let csv = String::from_utf8(w.into_inner()?).unwrap();
/// let mut lines = csv.lines();
/// assert_eq!(lines.next(), Some("id,path,line,date,status,topic,score,present,primary,hits,evidence,error"));
/// assert!(lines.next().unwrap().starts_with("a,a.txt,,,classified,tibet,"));
/// # Ok::<(), rightslens::Error>(())
/// ```
pub struct CsvWriter<W: Write> {
    w: csv::Writer<W>,
}

impl<W: Write> fmt::Debug for CsvWriter<W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CsvWriter").finish_non_exhaustive()
    }
}

fn csv_error(e: csv::Error) -> Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => Error::io("<output>", e),
        other => Error::io("<output>", std::io::Error::other(format!("{other:?}"))),
    }
}

impl<W: Write> CsvWriter<W> {
    /// A writer; writes the header row.
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::Io`](crate::ErrorKind::Io) error when writing fails.
    ///
    /// # Examples
    ///
    /// ```
    /// let w = rightslens::corpus::CsvWriter::new(Vec::new())?;
    /// assert!(w.into_inner()?.starts_with(b"id,path,"));
    /// # Ok::<(), rightslens::Error>(())
    /// ```
    pub fn new(w: W) -> Result<CsvWriter<W>> {
        let mut w = csv::Writer::from_writer(w);
        w.write_record([
            "id", "path", "line", "date", "status", "topic", "score", "present", "primary", "hits",
            "evidence", "error",
        ])
        .map_err(csv_error)?;
        Ok(CsvWriter { w })
    }

    /// Writes the rows of one record.
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::Io`](crate::ErrorKind::Io) error when writing fails.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::corpus::{CsvWriter, Outcome, Reason, ReasonKind, Record};
    /// let skipped = Outcome::Skipped(Reason::new(ReasonKind::Binary, "binary file"));
    /// let rec = Record::new("b", "b.bin", skipped);
    /// let mut w = CsvWriter::new(Vec::new())?;
    /// w.write(&rec)?;
    /// let out = String::from_utf8(w.into_inner()?).unwrap();
    /// assert!(out.ends_with("b,b.bin,,,skipped,,,,,,,binary file\n"));
    /// # Ok::<(), rightslens::Error>(())
    /// ```
    pub fn write(&mut self, r: &Record) -> Result<()> {
        let line = r.line.map(|l| l.to_string()).unwrap_or_default();
        let date = r.date.as_deref().unwrap_or("");
        match &r.outcome {
            Outcome::Classified(report) => {
                for (topic, s) in &report.topics {
                    self.w
                        .write_record([
                            r.id.as_str(),
                            &r.path,
                            &line,
                            date,
                            "classified",
                            topic,
                            &s.score.to_string(),
                            if s.present { "true" } else { "false" },
                            if s.primary { "true" } else { "false" },
                            &s.hits.to_string(),
                            &s.evidence.to_string(),
                            "",
                        ])
                        .map_err(csv_error)?;
                }
            }
            Outcome::Skipped(reason) | Outcome::Failed(reason) => {
                self.w
                    .write_record([
                        r.id.as_str(),
                        &r.path,
                        &line,
                        date,
                        r.outcome.status(),
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        &reason.message,
                    ])
                    .map_err(csv_error)?;
            }
        }
        Ok(())
    }

    /// Flushes buffered rows to the underlying writer.
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::Io`](crate::ErrorKind::Io) error when writing fails.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut w = rightslens::corpus::CsvWriter::new(Vec::new())?;
    /// w.flush()?;
    /// # Ok::<(), rightslens::Error>(())
    /// ```
    pub fn flush(&mut self) -> Result<()> {
        self.w.flush().map_err(|e| Error::io("<output>", e))
    }

    /// Flushes and returns the underlying writer.
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::Io`](crate::ErrorKind::Io) error when the final flush fails.
    ///
    /// # Examples
    ///
    /// ```
    /// let w = rightslens::corpus::CsvWriter::new(Vec::new())?;
    /// assert!(!w.into_inner()?.is_empty());
    /// # Ok::<(), rightslens::Error>(())
    /// ```
    pub fn into_inner(self) -> Result<W> {
        self.w.into_inner().map_err(|e| {
            Error::io(
                "<output>",
                std::io::Error::new(e.error().kind(), e.error().to_string()),
            )
        })
    }
}
