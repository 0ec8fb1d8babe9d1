//! How a corpus run reads its inputs: [`CorpusOptions`] and its defaults.

use super::Period;

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
    pub(crate) strict_csv: bool,
    pub(crate) emit_text: bool,
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
            strict_csv: false,
            emit_text: false,
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

    /// Skip inputs that do not decode cleanly instead of decoding them with replacement
    /// characters (default: no). Inputs may be in any encoding the run recognises (see
    /// [`Record::encoding`](crate::corpus::Record::encoding)); this option only concerns bytes
    /// that do not decode cleanly in it.
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

    /// Period of the time series in the [`Summary`](crate::Summary) (default [`Period::Month`]).
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

    /// Fail a whole CSV file on a quoting error (default: no). By default a row whose quoted
    /// field is never closed fails, with its line number, and so does every line the open
    /// quote swallowed (they are never merged into one document); the rows before it are
    /// classified. Under `strict_csv` the file is checked first and, if a quote is left
    /// open, is one failed record and none of its rows is classified.
    ///
    /// # Examples
    ///
    /// ```
    /// rightslens::corpus::CorpusOptions::new().strict_csv(true);
    /// ```
    pub fn strict_csv(&mut self, yes: bool) -> &mut CorpusOptions {
        self.strict_csv = yes;
        self
    }

    /// Keep the classified text in each record ([`Record::text`](crate::corpus::Record::text),
    /// `text` in JSON Lines output) so that the byte offsets of the hits can be checked
    /// against it; for an HTML page it is the extracted main content (default: no).
    ///
    /// # Examples
    ///
    /// ```
    /// rightslens::corpus::CorpusOptions::new().emit_text(true);
    /// ```
    pub fn emit_text(&mut self, yes: bool) -> &mut CorpusOptions {
        self.emit_text = yes;
        self
    }
}
