//! The reader side of a corpus run: walks folders, opens files safely, splits JSON Lines and
//! CSV into bounded records, and sends batches of pending records to the classifying side.
//!
//! [`files`] walks folders and reads whole files (text, HTML); [`jsonl`] and [`csv`] split
//! streams into one record per line or row.

mod csv;
mod files;
mod jsonl;
mod transcode;

use super::dates::date_in_name;
use super::{CorpusOptions, Input, InputKind, Outcome, Reason, ReasonKind, Record};
use std::io::BufReader;
use std::path::Path;
use std::sync::mpsc::SyncSender;

pub(crate) use files::estimate;

/// Bytes looked at to tell a binary file.
pub(crate) const BINARY_PROBE: usize = 8 << 10;
/// Read buffer of streamed files.
pub(crate) const READ_BUFFER: usize = 256 << 10;

/// A record on its way to the classifier.
pub(crate) struct Pending {
    pub record: Record,
    pub body: Body,
}

pub(crate) enum Body {
    /// Classify this text; the record's outcome is replaced by the report.
    Text(String),
    /// The record is final (skipped or failed).
    Done,
}

/// The classifying side went away (the run stopped).
pub(crate) struct Stopped;
pub(crate) type Flow = Result<(), Stopped>;

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Html,
    JsonLines,
    Csv,
}

impl Format {
    pub(crate) fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" | "md" | "markdown" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// Where the records of one file or stream come from.
pub(crate) struct Origin {
    /// Path as shown in records.
    pub(crate) path: String,
    /// Id of the file's own record (relative path without extension).
    pub(crate) id: String,
    /// Prefix of the ids of its lines and rows (relative path with extension).
    pub(crate) rel: String,
    /// Date in the file name, if any.
    pub(crate) name_date: Option<String>,
}

impl Origin {
    /// The origin of a file at `path`, `rel` being its path relative to the walked folder
    /// (or the path as given).
    pub(crate) fn new(path: &Path, rel: &Path) -> Origin {
        Origin {
            path: shown(path),
            id: file_id(rel),
            rel: slashes(rel.to_string_lossy().into_owned()),
            name_date: path
                .file_name()
                .and_then(|n| date_in_name(&n.to_string_lossy())),
        }
    }

    pub(crate) fn record(&self, outcome: Outcome) -> Record {
        let mut r = Record::new(self.id.clone(), self.path.clone(), outcome);
        r.date = self.name_date.clone();
        r
    }

    /// The record of a line or row: id `file:line` until an id field says otherwise.
    pub(crate) fn row(&self, line: u64, outcome: Outcome) -> Record {
        let mut r = Record::new(format!("{}:{line}", self.rel), self.path.clone(), outcome);
        r.line = Some(line);
        r.date = self.name_date.clone();
        r
    }
}

/// `path` as shown in records.
fn shown(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// The id of a file: its path relative to the walked folder, without extension, with `/`.
fn file_id(rel: &Path) -> String {
    slashes(rel.with_extension("").to_string_lossy().into_owned())
}

/// A path with `/` as separator on every platform.
fn slashes(s: String) -> String {
    if std::path::MAIN_SEPARATOR == '/' {
        s
    } else {
        s.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

pub(crate) fn skipped(kind: ReasonKind, msg: impl Into<String>) -> Outcome {
    Outcome::Skipped(Reason::new(kind, msg))
}

pub(crate) fn failed(kind: ReasonKind, msg: impl Into<String>) -> Outcome {
    Outcome::Failed(Reason::new(kind, msg))
}

/// A placeholder outcome for a record whose text is still to be classified.
pub(crate) fn pending() -> Outcome {
    Outcome::Failed(Reason::new(ReasonKind::Io, "not classified yet"))
}

/// Reads every input and sends batches to `tx` until done or until the receiver is gone.
pub(crate) fn produce(inputs: Vec<Input>, o: &CorpusOptions, tx: SyncSender<Vec<Pending>>) {
    let mut p = Producer {
        o,
        tx,
        batch: Vec::new(),
        batch_bytes: 0,
        line: Vec::new(),
        stream_encoding: None,
        utf16: None,
    };
    for input in inputs {
        if p.input(input).is_err() {
            return;
        }
    }
    let _ = p.flush();
}

pub(crate) struct Producer<'a> {
    pub(crate) o: &'a CorpusOptions,
    pub(crate) tx: SyncSender<Vec<Pending>>,
    pub(crate) batch: Vec<Pending>,
    pub(crate) batch_bytes: usize,
    /// Line buffer, reused (never larger than `max_document_bytes`).
    pub(crate) line: Vec<u8>,
    /// The encoding of the JSON Lines or CSV stream being read when it is not UTF-8 (a
    /// UTF-16 file decoded as it streams, or a legacy encoding guessed from its start), for
    /// each record's `encoding`.
    pub(crate) stream_encoding: Option<&'static encoding_rs::Encoding>,
    /// The UTF-16 stream being read, if any: records holding a replaced sequence are
    /// flagged `utf8_lossy`.
    pub(crate) utf16: Option<transcode::Utf16Stream>,
}

impl Producer<'_> {
    pub(crate) fn flush(&mut self) -> Flow {
        if self.batch.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.batch);
        self.batch_bytes = 0;
        self.tx.send(batch).map_err(|_| Stopped)
    }

    pub(crate) fn push(&mut self, record: Record, body: Body) -> Flow {
        if let Body::Text(t) = &body {
            self.batch_bytes += t.len();
        }
        self.batch.push(Pending { record, body });
        if self.batch.len() >= self.o.batch_documents || self.batch_bytes >= self.o.batch_bytes {
            self.flush()?;
        }
        Ok(())
    }

    pub(crate) fn done(&mut self, record: Record) -> Flow {
        self.push(record, Body::Done)
    }

    fn input(&mut self, input: Input) -> Flow {
        match input.kind {
            InputKind::Stream { name, reader } => {
                let origin = Origin {
                    path: name.clone(),
                    id: name.clone(),
                    rel: name,
                    name_date: None,
                };
                let r = BufReader::with_capacity(READ_BUFFER, reader);
                match transcode::utf8_stream(r) {
                    Ok((mut r, utf16)) => {
                        self.stream_encoding = utf16.as_ref().map(|u| u.encoding);
                        self.utf16 = utf16;
                        let flow = self.json_lines(&origin, &mut *r, None);
                        self.stream_encoding = None;
                        self.utf16 = None;
                        flow
                    }
                    Err(e) => {
                        let msg = format!("cannot read: {}", files::io_text(&e));
                        self.done(origin.record(failed(ReasonKind::Io, msg)))
                    }
                }
            }
            InputKind::Path(root) => self.root(&root),
        }
    }
}
