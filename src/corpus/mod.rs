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
//! | `.html`, `.htm`, `.xhtml` | the title and main content ([`html_main_text`]); offsets refer to it (see [`CorpusOptions::emit_text`]) | as above |
//! | `.jsonl`, `.ndjson`, [`Input::stdin`], [`Input::json_lines`] | one per line: an object with a text field; the other fields are carried into [`Record::fields`] | the id field, else `file:line` |
//! | `.csv` | one per row after the header row; the other columns are carried | the id column, else `file:line` |
//!
//! A file named directly whose extension is none of these is read as plain text. In folders,
//! hidden files and folders and files matched by `.gitignore` / `.ignore` rules are left out
//! (see [`CorpusOptions::include_hidden`] and [`CorpusOptions::respect_ignore_files`]); other
//! files with an unknown extension are listed as skipped. Blank lines of JSON Lines files are
//! not inputs.
//!
//! Text and HTML files are decoded from the encoding a byte order mark, a page's declaration
//! or a guess gives ([`document_text`]; [`Record::encoding`] names it when it is not UTF-8);
//! JSON Lines are UTF-8; a CSV file that is not is read in the encoding guessed from its
//! first 256 KiB.
//!
//! A document's date ([`Record::date`], normalised to `YYYY-MM-DD`, `YYYY-MM` or `YYYY`)
//! comes from the date field or column (ISO 8601, RFC 3339, RFC 2822, month names, Unix
//! seconds...), else from a date in the file name (`2024-05-17-readout.txt`,
//! `readout_20240517.html`). A date value that cannot be read is kept in
//! [`Record::date_unread`] and counted in [`Summary::dates_unread`].
//!
//! # Nothing lost
//!
//! Every input ends as one [`Record`] whose [`Outcome`] is a [`Report`](crate::Report) or a [`Reason`]:
//!
//! * skipped on purpose: empty, binary (a text or HTML file with a NUL byte in the first
//!   8 KiB, a JSON Lines or CSV file with one in its first line), a label file in a folder
//!   (JSON Lines without a text field in its records), larger than
//!   [`CorpusOptions::max_document_bytes`] (a file, a JSON line or a CSV row; never read into
//!   memory beyond that bound), invalid UTF-8 under [`CorpusOptions::strict_utf8`] (otherwise
//!   decoded with replacement characters and flagged in [`Record::utf8_lossy`]), not a regular
//!   file (FIFOs, sockets and devices are never opened for reading), a symlink not followed,
//!   an unknown extension, a JSON Lines or CSV file without any record;
//! * failed: not found (for example deleted during the run), permission denied, a dangling
//!   symlink, a symlink loop, another I/O error, a text or HTML file no encoding decodes, a
//!   line that is not a JSON object (or holds a NUL byte), a CSV row with the wrong number of
//!   fields or a NUL byte, a CSV row whose quote is never closed and each line that quote
//!   swallowed (or the whole file under [`CorpusOptions::strict_csv`]), a missing text field
//!   or column.
//!
//! Only a failing callback (the output cannot be written) stops a run.
//!
//! # Output schemas
//!
//! `serde_json::to_string(&record)` gives one JSON Lines line per input. A classified input
//! is its [`Report`](crate::Report) (so the line deserialises as a `Report`) followed by `path`, and `line`,
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
//! document and topic ([`CSV_COLUMNS`]); [`PrisonerCsvWriter`] one row per prisoner mention.
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

use crate::{Classifier, Document, Error, Result};

mod dates;
mod document;
mod encoding;
mod html;
mod input;
mod options;
mod record;
mod source;
mod summary;
mod writer;

pub use document::{document_text, label_records, DocumentText, Markup};
pub use html::{html_main_text, html_text};
pub use input::Input;
pub(crate) use input::InputKind;
pub use options::{
    CorpusOptions, DEFAULT_BATCH_BYTES, DEFAULT_BATCH_DOCUMENTS, DEFAULT_MAX_DOCUMENT_BYTES,
};
pub use record::{Outcome, Reason, ReasonKind, Record};
pub use summary::{
    EntryCount, Period, PeriodCounts, PrisonerCount, Summary, Tally, TopicSummary, HISTOGRAM_BINS,
};
pub use writer::{CsvWriter, PrisonerCsvWriter, CSV_COLUMNS, PRISONER_CSV_COLUMNS};

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
    let mut tally = Tally::new(clf.topics(), options.period);
    scan_each(clf, inputs, options, |record| {
        tally.add(&record);
        sink(record)
    })?;
    Ok(tally.finish())
}

/// [`scan`] without the [`Summary`]: every input still becomes one [`Record`] handed to
/// `sink` in input order, but nothing is counted on the way. For a caller that tallies only
/// some records itself (the command line counts what it writes) and would otherwise pay for
/// two tallies.
///
/// # Errors
///
/// As [`scan`]: only when `sink` fails.
///
/// # Examples
///
/// ```
/// use rightslens::corpus::{scan_each, CorpusOptions, Input, Outcome};
/// use rightslens::Classifier;
///
/// let clf = Classifier::new()?;
/// let data = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");
/// let mut classified = 0;
/// scan_each(&clf, vec![Input::path(data)], &CorpusOptions::new(), |r| {
///     classified += usize::from(matches!(r.outcome, Outcome::Classified(_)));
///     Ok(())
/// })?;
/// assert!(classified > 0);
/// # Ok::<(), rightslens::Error>(())
/// ```
pub fn scan_each<I, F>(
    clf: &Classifier,
    inputs: I,
    options: &CorpusOptions,
    mut sink: F,
) -> Result<()>
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
    let emit_text = options.emit_text;
    // Batch k+1 is classified on the pool while this thread hands out the records of batch
    // k (the sink need not be `Send`), and the reader thread reads batch k+2.
    let mut ready: Option<Vec<Record>> = None;
    loop {
        let next = rx.recv().ok();
        let mut classified = None;
        rayon::in_place_scope(|s| {
            if let Some(batch) = next {
                s.spawn(|_| classified = Some(classify_batch(clf, batch, emit_text)));
            }
            for record in ready.take().unwrap_or_default() {
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
    Ok(())
}

/// Classifies the documents of one batch in parallel and rebuilds the records in order.
/// With `keep_text`, each classified record keeps its text ([`CorpusOptions::emit_text`]).
fn classify_batch(clf: &Classifier, batch: Vec<source::Pending>, keep_text: bool) -> Vec<Record> {
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
    let mut texts = docs.into_iter().map(|d| d.text);
    let mut reports = reports.into_iter();
    slots
        .into_iter()
        .map(|(mut r, classified)| {
            if classified {
                if keep_text {
                    r.text = texts.next();
                }
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
