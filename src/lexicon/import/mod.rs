//! Dictionaries of other content-analysis tools read into lexicons.
//!
//! Four formats are read: LIWC (`.dic` with a `%` category legend, as LIWC 2001-2015 write
//! it, and the LIWC-22 spreadsheet layout, a CSV whose first column is `DicTerm`, as `.dicx`
//! or `.dic`), quanteda YAML dictionaries (`.yml`, `.yaml`), Lexicoder (`.lc3`, `.lcd`) and
//! WordStat (`.cat`). A dictionary's top-level category (or key) becomes a topic, one
//! [`Lexicon`] each; deeper categories are kept as subtopics in entry ids and notes. Each term
//! becomes one entry of `kind = "concept"`:
//!
//! * a trailing `*` (`abandon*`) is a prefix match (`mode = "prefix"`): the last word matches
//!   any word that starts with it;
//! * a `*` or `?` anywhere else (`*ism`, `colo?r`) becomes a regex variant (`\w*`, `\w`);
//! * a term of several words is a phrase; one with punctuation between its words becomes a
//!   regex variant, since exact variants only join words with spaces and dashes;
//! * a term shorter than three characters (`we`, `i`) is written case-sensitive in its
//!   lower-case, capitalised and upper-case spellings, since the lexicon rules ask short
//!   forms to be case-sensitive;
//! * every entry says `shared = true`, as the original tools count a word in every category
//!   that lists it.
//!
//! Terms that cannot be expressed (no letter or digit, such as `:)`) and duplicates within a
//! topic are listed in [`Imported::skipped`] rather than dropped silently. Where the
//! semantics differ from the original tools is described in `lexicons/README.md`.
//!
//! # Examples
//!
//! ```
//! use rightslens::import::{import_str, DictFormat};
//! let dic = "%\n1\tdetention\n2\tprotest\n%\ndetain*\t1\nre-education camp\t1\nmarch\t2\n";
//! let got = import_str("rights.dic", dic, DictFormat::Liwc)?;
//! assert_eq!(got.lexicons.len(), 2);
//! let detention = &got.lexicons[0];
//! assert_eq!(detention.topic, "detention");
//! assert_eq!(detention.entries[0].mode, rightslens::MatchMode::Prefix);
//!
//! // The native TOML loads as it is.
//! let toml = rightslens::import::to_toml(detention, &got.skipped);
//! let clf = rightslens::Classifier::builder()
//!     .without_builtin()
//!     .lexicon_str("detention.toml", &toml)
//!     .build()?;
//! assert!(clf.classify("Hundreds were detained.").topics["detention"].hits > 0);
//! # Ok::<(), rightslens::Error>(())
//! ```

mod convert;
mod liwc;
mod simple;
mod yaml;

pub use convert::to_toml;

use crate::error::Error;
use crate::lexicon::Lexicon;
use std::path::Path;

/// A dictionary format [`import_str`] reads.
///
/// # Examples
///
/// ```
/// use rightslens::import::DictFormat;
/// assert_eq!(DictFormat::from_path("moral.dic"), Some(DictFormat::Liwc));
/// assert_eq!(DictFormat::from_name("wordstat"), Some(DictFormat::WordStat));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DictFormat {
    /// LIWC `.dic` (2001-2015 `%` legend) or the LIWC-22 `DicTerm` spreadsheet (`.dicx`).
    Liwc,
    /// quanteda YAML: nested keys, lists of terms.
    Quanteda,
    /// Lexicoder `.lc3` / `.lcd`: `+category` lines, then one term per line.
    Lexicoder,
    /// WordStat `.cat`: tab-indented categories, terms ending in ` (1)`.
    WordStat,
}

impl DictFormat {
    /// The format a file name's extension names, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::import::DictFormat;
    /// assert_eq!(DictFormat::from_path("LSD2015.lc3"), Some(DictFormat::Lexicoder));
    /// assert_eq!(DictFormat::from_path("notes.txt"), None);
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Option<DictFormat> {
        let ext = path.as_ref().extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "dic" | "dicx" => DictFormat::Liwc,
            "yml" | "yaml" => DictFormat::Quanteda,
            "lc3" | "lcd" => DictFormat::Lexicoder,
            "cat" => DictFormat::WordStat,
            _ => return None,
        })
    }

    /// The format by name: `liwc`, `quanteda` (or `yaml`), `lexicoder`, `wordstat`.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::import::DictFormat;
    /// assert_eq!(DictFormat::from_name("YAML"), Some(DictFormat::Quanteda));
    /// ```
    pub fn from_name(name: &str) -> Option<DictFormat> {
        Some(match name.to_ascii_lowercase().as_str() {
            "liwc" | "dic" | "dicx" => DictFormat::Liwc,
            "quanteda" | "yaml" | "yml" => DictFormat::Quanteda,
            "lexicoder" | "lc3" | "lcd" => DictFormat::Lexicoder,
            "wordstat" | "cat" => DictFormat::WordStat,
            _ => return None,
        })
    }

    /// The name used in messages and in each entry's `source`.
    pub fn name(self) -> &'static str {
        match self {
            DictFormat::Liwc => "LIWC",
            DictFormat::Quanteda => "quanteda YAML",
            DictFormat::Lexicoder => "Lexicoder",
            DictFormat::WordStat => "WordStat",
        }
    }
}

/// One term of a dictionary as read: its category path (top level first), text and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    pub(crate) path: Vec<String>,
    pub(crate) text: String,
    pub(crate) line: usize,
}

/// A term that was read but not turned into an entry, and why.
///
/// # Examples
///
/// ```
/// use rightslens::import::{import_str, DictFormat};
/// let got = import_str("s.lc3", "+happy\n:)\nglad\n", DictFormat::Lexicoder).unwrap();
/// assert_eq!(got.skipped[0].line, 2);
/// assert_eq!(got.skipped[0].term, ":)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Skipped {
    /// The topic the term would have gone to.
    pub topic: String,
    /// The term as written.
    pub term: String,
    /// Its 1-based line in the dictionary file.
    pub line: usize,
    /// Why it was left out.
    pub reason: String,
}

/// The result of reading a dictionary: one lexicon per top-level category, and the terms
/// left out.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Imported {
    /// The format that was read.
    pub format: DictFormat,
    /// One lexicon per top-level category, in the dictionary's order.
    pub lexicons: Vec<Lexicon>,
    /// Terms that were read but could not be expressed, or repeated a term of their topic.
    pub skipped: Vec<Skipped>,
}

/// Reads a dictionary from text; `origin` names it in errors and in each entry's `source`.
///
/// # Errors
///
/// [`ErrorKind::Parse`](crate::ErrorKind::Parse) naming `origin` and the line when the text
/// does not follow the format (a LIWC term in an undefined category, a YAML line that is
/// neither a key nor a list item, a Lexicoder term before any `+category`...), or when a
/// category name gives no usable topic name.
///
/// # Examples
///
/// ```
/// use rightslens::import::{import_str, DictFormat};
/// let err = import_str("bad.dic", "%\n1\tposemo\n%\nhappy\t7\n", DictFormat::Liwc).unwrap_err();
/// assert_eq!(err.line(), Some(4));
/// assert!(err.to_string().contains("category 7"));
/// ```
pub fn import_str(origin: &str, text: &str, format: DictFormat) -> crate::Result<Imported> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let terms = match format {
        DictFormat::Liwc => liwc::read(text),
        DictFormat::Quanteda => yaml::read(text),
        DictFormat::Lexicoder => simple::read_lexicoder(text),
        DictFormat::WordStat => simple::read_wordstat(text),
    }
    .map_err(|(line, msg)| {
        Error::parse(format!("{} dictionary: {msg}", format.name()))
            .with_path(origin)
            .with_line(line)
    })?;
    convert::lexicons(origin, format, terms)
}

/// Reads a dictionary file, the format given or else told by its extension.
///
/// # Errors
///
/// An I/O error when the file cannot be read, an
/// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) error when no format is given and the
/// extension names none, or a parse error as for [`import_str`].
///
/// # Examples
///
/// ```
/// let err = rightslens::import::import_file("/no/such.dic", None).unwrap_err();
/// assert!(err.to_string().contains("/no/such.dic"));
/// ```
pub fn import_file(path: impl AsRef<Path>, format: Option<DictFormat>) -> crate::Result<Imported> {
    let path = path.as_ref();
    let format = match format.or_else(|| DictFormat::from_path(path)) {
        Some(f) => f,
        None => {
            return Err(Error::invalid(
                "unknown dictionary format (help: name it with --from liwc|quanteda|lexicoder|wordstat, \
                 or use the extension .dic, .dicx, .yml, .lc3, .lcd or .cat)",
            )
            .with_path(path))
        }
    };
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::parse(format!(
            "not UTF-8 text (invalid byte at offset {}; help: convert it, e.g. iconv -f latin1 -t utf-8)",
            e.utf8_error().valid_up_to()
        ))
        .with_path(path)
    })?;
    import_str(&path.display().to_string(), &text, format)
}
