//! What a corpus run yields per input: a [`Record`] with its [`Outcome`], classified or not
//! with a [`Reason`] (a stable [`ReasonKind`] code and a message), and its JSON Lines form.

use crate::Report;
use serde::{Deserialize, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;

/// Why an input was not classified: a stable code, also used as the `reason` of JSON Lines
/// output and as the key of [`Summary::reasons`](crate::Summary::reasons).
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
    /// Skipped: larger than [`CorpusOptions::max_document_bytes`](crate::CorpusOptions::max_document_bytes).
    TooLarge,
    /// Skipped: not valid UTF-8, under [`CorpusOptions::strict_utf8`](crate::CorpusOptions::strict_utf8).
    InvalidUtf8,
    /// Skipped: a FIFO, socket or device (never opened for reading).
    NotRegularFile,
    /// Skipped: a symbolic link inside a folder, without [`CorpusOptions::follow_symlinks`](crate::CorpusOptions::follow_symlinks).
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
    /// Failed: a text or HTML file whose bytes no encoding tried decodes (see
    /// [`Record::encoding`]).
    Undecodable,
    /// Skipped: a JSON Lines file in a folder whose records have no text field, such as the
    /// `labels.jsonl` of `rightslens evaluate`: labels, not documents.
    LabelFile,
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
            Undecodable => "undecodable",
            LabelFile => "label_file",
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
                | Undecodable
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
/// `Serialize` writes the JSON Lines schema of the [module docs](crate::corpus): the report plus
/// `path`, `line`, `date`, `fields`, `utf8_lossy`, `encoding`, `date_unread`, `text`; or `id`,
/// `path`, `line`, `date`, `encoding`, `status`, `reason`, `error`. Fields without a value
/// are left out.
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
    /// Document id (see the [module docs](crate::corpus)); also the id of the report.
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
    /// The input was not valid text in its encoding and malformed bytes were replaced by
    /// U+FFFD.
    pub utf8_lossy: bool,
    /// The encoding an input was decoded from, when it is not UTF-8 (`GBK`, `Big5`,
    /// `Shift_JIS`, `windows-1252`, `UTF-16LE`...; names of the WHATWG Encoding Standard): of
    /// a text or HTML file; of a CSV or JSON Lines file saved as UTF-16 (told by its byte
    /// order mark) or in a legacy encoding (guessed from its start; a JSON line that is valid
    /// UTF-8 is read as UTF-8).
    pub encoding: Option<String>,
    /// A date field or column that was not empty but could not be read as a date (its value,
    /// shortened to 64 bytes); [`date`](Record::date) is then the file name's date or none.
    pub date_unread: Option<String>,
    /// The text that was classified (offsets of the report refer to it), kept only under
    /// [`CorpusOptions::emit_text`](crate::CorpusOptions::emit_text): for an HTML page, the
    /// extracted main content.
    pub text: Option<String>,
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
            encoding: None,
            date_unread: None,
            text: None,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    encoding: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_unread: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

#[derive(Serialize)]
struct ProblemLine<'a> {
    id: &'a str,
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    encoding: Option<&'a str>,
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
                encoding: self.encoding.as_deref(),
                date_unread: self.date_unread.as_deref(),
                text: self.text.as_deref(),
            }
            .serialize(s),
            Outcome::Skipped(r) | Outcome::Failed(r) => ProblemLine {
                id: &self.id,
                path: &self.path,
                line: self.line,
                date: self.date.as_deref(),
                encoding: self.encoding.as_deref(),
                status: self.outcome.status(),
                reason: r.kind,
                error: &r.message,
            }
            .serialize(s),
        }
    }
}
