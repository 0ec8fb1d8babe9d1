//! The reader side of a corpus run: walks folders, opens files safely, splits JSON Lines and
//! CSV into bounded records, and sends batches of pending records to the classifying side.

use super::{html_text, CorpusOptions, Input, InputKind, Outcome, Reason, ReasonKind, Record};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::mpsc::SyncSender;

/// Bytes looked at to tell a binary file.
const BINARY_PROBE: usize = 8 << 10;
/// Read buffer of streamed files.
const READ_BUFFER: usize = 256 << 10;

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
struct Stopped;
type Flow = Result<(), Stopped>;

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Html,
    JsonLines,
    Csv,
}

impl Format {
    fn of(path: &Path) -> Option<Format> {
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
struct Origin {
    /// Path as shown in records.
    path: String,
    /// Id of the file's own record (relative path without extension).
    id: String,
    /// Prefix of the ids of its lines and rows (relative path with extension).
    rel: String,
    /// Date in the file name, if any.
    name_date: Option<String>,
}

impl Origin {
    /// The origin of a file at `path`, `rel` being its path relative to the walked folder
    /// (or the path as given).
    fn new(path: &Path, rel: &Path) -> Origin {
        Origin {
            path: shown(path),
            id: file_id(rel),
            rel: slashes(rel.to_string_lossy().into_owned()),
            name_date: path
                .file_name()
                .and_then(|n| date_in_name(&n.to_string_lossy())),
        }
    }

    fn record(&self, outcome: Outcome) -> Record {
        let mut r = Record::new(self.id.clone(), self.path.clone(), outcome);
        r.date = self.name_date.clone();
        r
    }

    /// The record of a line or row: id `file:line` until an id field says otherwise.
    fn row(&self, line: u64, outcome: Outcome) -> Record {
        let mut r = Record::new(format!("{}:{line}", self.rel), self.path.clone(), outcome);
        r.line = Some(line);
        r.date = self.name_date.clone();
        r
    }
}

fn skipped(kind: ReasonKind, msg: impl Into<String>) -> Outcome {
    Outcome::Skipped(Reason::new(kind, msg))
}

fn failed(kind: ReasonKind, msg: impl Into<String>) -> Outcome {
    Outcome::Failed(Reason::new(kind, msg))
}

/// A placeholder outcome for a record whose text is still to be classified.
fn pending() -> Outcome {
    Outcome::Failed(Reason::new(ReasonKind::Io, "not classified yet"))
}

/// A short lowercase description of an I/O error, without the OS error number.
fn io_text(e: &io::Error) -> String {
    let s = e.to_string();
    let s = match s.find(" (os error") {
        Some(i) => &s[..i],
        None => &s,
    };
    s.to_lowercase()
}

/// The outcome of an I/O error on `path`.
fn io_outcome(e: &io::Error, path: &Path) -> Outcome {
    match e.kind() {
        io::ErrorKind::NotFound => {
            let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            if link {
                failed(
                    ReasonKind::DanglingSymlink,
                    "dangling symlink (its target does not exist)",
                )
            } else {
                failed(
                    ReasonKind::NotFound,
                    "no such file or directory (deleted during the run?)",
                )
            }
        }
        io::ErrorKind::PermissionDenied => {
            failed(ReasonKind::PermissionDenied, "permission denied")
        }
        _ => failed(ReasonKind::Io, format!("cannot read: {}", io_text(e))),
    }
}

/// What kind of non-regular file this is, for messages.
fn file_kind(ft: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a FIFO";
        }
        if ft.is_socket() {
            return "a socket";
        }
        if ft.is_block_device() {
            return "a block device";
        }
        if ft.is_char_device() {
            return "a character device";
        }
    }
    if ft.is_dir() {
        return "a directory";
    }
    "not a regular file"
}

/// Opens a file for reading without blocking on FIFOs (a FIFO that replaced a regular file
/// after the walk saw it is then caught by the `fstat` check that follows).
fn open(path: &Path) -> io::Result<File> {
    let mut o = std::fs::OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NONBLOCK);
    }
    o.open(path)
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

fn walker(root: &Path, o: &CorpusOptions) -> ignore::Walk {
    let ri = o.respect_ignore_files;
    ignore::WalkBuilder::new(root)
        .hidden(!o.include_hidden)
        .follow_links(o.follow_symlinks)
        .ignore(ri)
        .git_ignore(ri)
        .git_global(ri)
        .git_exclude(ri)
        .parents(ri)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build()
}

/// Size of the files `path` would read (see `corpus::estimate_bytes`).
pub(crate) fn estimate(path: &Path, o: &CorpusOptions) -> u64 {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => m.len(),
        Ok(m) if m.is_dir() => walker(path, o)
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
            .filter(|e| Format::of(e.path()).is_some())
            .filter_map(|e| e.metadata().ok())
            .map(|m| m.len())
            .sum(),
        _ => 0,
    }
}

/// Reads every input and sends batches to `tx` until done or until the receiver is gone.
pub(crate) fn produce(inputs: Vec<Input>, o: &CorpusOptions, tx: SyncSender<Vec<Pending>>) {
    let mut p = Producer {
        o,
        tx,
        batch: Vec::new(),
        batch_bytes: 0,
        line: Vec::new(),
    };
    for input in inputs {
        if p.input(input).is_err() {
            return;
        }
    }
    let _ = p.flush();
}

struct Producer<'a> {
    o: &'a CorpusOptions,
    tx: SyncSender<Vec<Pending>>,
    batch: Vec<Pending>,
    batch_bytes: usize,
    /// Line buffer, reused (never larger than `max_document_bytes`).
    line: Vec<u8>,
}

impl Producer<'_> {
    fn flush(&mut self) -> Flow {
        if self.batch.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.batch);
        self.batch_bytes = 0;
        self.tx.send(batch).map_err(|_| Stopped)
    }

    fn push(&mut self, record: Record, body: Body) -> Flow {
        if let Body::Text(t) = &body {
            self.batch_bytes += t.len();
        }
        self.batch.push(Pending { record, body });
        if self.batch.len() >= self.o.batch_documents || self.batch_bytes >= self.o.batch_bytes {
            self.flush()?;
        }
        Ok(())
    }

    fn done(&mut self, record: Record) -> Flow {
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
                let mut r = BufReader::with_capacity(READ_BUFFER, reader);
                self.json_lines(&origin, &mut r, None)
            }
            InputKind::Path(root) => self.root(&root),
        }
    }

    /// A path given directly: always followed if it is a symlink.
    fn root(&mut self, root: &Path) -> Flow {
        let origin = Origin::new(root, root);
        match std::fs::metadata(root) {
            Err(e) => self.done(origin.record(io_outcome(&e, root))),
            Ok(m) if m.is_dir() => self.walk(root),
            Ok(m) if m.is_file() => {
                let format = Format::of(root).unwrap_or(Format::Text);
                self.file(root, &origin, format)
            }
            Ok(m) => self.done(origin.record(skipped(
                ReasonKind::NotRegularFile,
                format!("{}, not read", file_kind(&m.file_type())),
            ))),
        }
    }

    fn walk(&mut self, root: &Path) -> Flow {
        for item in walker(root, self.o) {
            match item {
                Err(e) => {
                    let (path, outcome) = walk_error(&e);
                    let path = path.unwrap_or_else(|| root.to_path_buf());
                    let rel = path.strip_prefix(root).unwrap_or(&path);
                    let origin = Origin::new(&path, rel);
                    self.done(origin.record(outcome))?;
                }
                Ok(entry) => {
                    if entry.depth() == 0 {
                        continue;
                    }
                    let path = entry.path();
                    let rel = path.strip_prefix(root).unwrap_or(path);
                    let origin = Origin::new(path, rel);
                    let Some(ft) = entry.file_type() else {
                        continue;
                    };
                    if ft.is_dir() {
                        continue;
                    }
                    if ft.is_symlink() {
                        // Only seen when links are not followed.
                        let outcome = match std::fs::metadata(path) {
                            Err(e) => io_outcome(&e, path),
                            Ok(m) => skipped(
                                ReasonKind::SymlinkNotFollowed,
                                if m.is_dir() {
                                    "symlink to a directory, not followed"
                                } else {
                                    "symlink, not followed"
                                },
                            ),
                        };
                        self.done(origin.record(outcome))?;
                    } else if !ft.is_file() {
                        let msg = format!("{}, not read", file_kind(&ft));
                        self.done(origin.record(skipped(ReasonKind::NotRegularFile, msg)))?;
                    } else {
                        match Format::of(path) {
                            Some(format) => self.file(path, &origin, format)?,
                            None => {
                                let ext = path
                                    .extension()
                                    .map(|e| format!(".{}", e.to_string_lossy()))
                                    .unwrap_or_else(|| "no extension".to_string());
                                let msg = format!("unsupported file type ({ext})");
                                self.done(
                                    origin.record(skipped(ReasonKind::UnsupportedType, msg)),
                                )?;
                            }
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn file(&mut self, path: &Path, origin: &Origin, format: Format) -> Flow {
        let f = match open(path) {
            Ok(f) => f,
            Err(e) => return self.done(origin.record(io_outcome(&e, path))),
        };
        let meta = match f.metadata() {
            Ok(m) => m,
            Err(e) => return self.done(origin.record(io_outcome(&e, path))),
        };
        if !meta.is_file() {
            let msg = format!("{}, not read", file_kind(&meta.file_type()));
            return self.done(origin.record(skipped(ReasonKind::NotRegularFile, msg)));
        }
        match format {
            Format::Text | Format::Html => self.whole(f, meta.len(), origin, format),
            Format::JsonLines | Format::Csv => {
                let size = meta.len();
                let mut r = BufReader::with_capacity(READ_BUFFER, f);
                let rec = |kind, msg: String| {
                    let mut rec = origin.record(skipped(kind, msg));
                    rec.input_bytes = size;
                    rec
                };
                // The whole file is skipped if empty or binary; otherwise its lines or rows
                // are the inputs.
                match probe(&mut r) {
                    Err(e) => self.done(origin.record(io_outcome(&e, path))),
                    Ok(Probe::Empty) => self.done(rec(ReasonKind::Empty, "empty file".into())),
                    Ok(Probe::Binary(at)) => self.done(rec(
                        ReasonKind::Binary,
                        format!("binary file (NUL byte at offset {at})"),
                    )),
                    Ok(Probe::Text) if format == Format::Csv => self.csv(origin, &mut r, size),
                    Ok(Probe::Text) => self.json_lines(origin, &mut r, Some(size)),
                }
            }
        }
    }

    /// A file read as one document (text or HTML).
    fn whole(&mut self, f: File, size: u64, origin: &Origin, format: Format) -> Flow {
        let max = self.o.max_document_bytes;
        let mut rec = origin.record(pending());
        rec.input_bytes = size;
        let too_large = |n: u64| {
            skipped(
                ReasonKind::TooLarge,
                format!("file too large ({n} bytes; the limit is {max})"),
            )
        };
        if size > max as u64 {
            rec.outcome = too_large(size);
            return self.done(rec);
        }
        let mut bytes = Vec::with_capacity(size as usize);
        if let Err(e) = f.take(max as u64 + 1).read_to_end(&mut bytes) {
            rec.outcome = failed(ReasonKind::Io, format!("cannot read: {}", io_text(&e)));
            return self.done(rec);
        }
        if bytes.len() > max {
            rec.outcome = too_large(bytes.len() as u64);
            return self.done(rec);
        }
        if bytes.is_empty() {
            rec.outcome = skipped(ReasonKind::Empty, "empty file");
            return self.done(rec);
        }
        if let Some(at) = memchr::memchr(0, &bytes[..bytes.len().min(BINARY_PROBE)]) {
            rec.outcome = skipped(
                ReasonKind::Binary,
                format!("binary file (NUL byte at offset {at})"),
            );
            return self.done(rec);
        }
        let text = match self.decode(bytes, &mut rec) {
            Some(t) => t,
            None => return self.done(rec),
        };
        let text = if format == Format::Html {
            let t = html_text(&text);
            if t.is_empty() {
                rec.outcome = skipped(ReasonKind::Empty, "no visible text in the HTML");
                return self.done(rec);
            }
            t
        } else {
            text
        };
        self.push(rec, Body::Text(text))
    }

    /// UTF-8 text from bytes: lossy and flagged, or `None` (outcome set) under strict UTF-8.
    fn decode(&self, bytes: Vec<u8>, rec: &mut Record) -> Option<String> {
        match String::from_utf8(bytes) {
            Ok(t) => Some(t),
            Err(e) => {
                if self.o.strict_utf8 {
                    let at = e.utf8_error().valid_up_to();
                    rec.outcome = skipped(
                        ReasonKind::InvalidUtf8,
                        format!("not valid UTF-8 (invalid byte at offset {at})"),
                    );
                    None
                } else {
                    rec.utf8_lossy = true;
                    Some(String::from_utf8_lossy(e.as_bytes()).into_owned())
                }
            }
        }
    }

    /// One document per non-blank line.
    fn json_lines(&mut self, origin: &Origin, r: &mut dyn BufRead, size: Option<u64>) -> Flow {
        let max = self.o.max_document_bytes;
        let mut line_no = 0u64;
        let mut records = 0usize;
        let mut line = std::mem::take(&mut self.line);
        let result = loop {
            let read = read_line(r, &mut line, max);
            line_no += 1;
            let (len, too_long) = match read {
                Ok(None) => break Ok(()),
                Ok(Some(x)) => x,
                Err(e) => {
                    let mut rec = origin.row(
                        line_no,
                        failed(
                            ReasonKind::Io,
                            format!("cannot read line {line_no}: {}", io_text(&e)),
                        ),
                    );
                    rec.input_bytes = 0;
                    records += 1;
                    break self.done(rec);
                }
            };
            if too_long {
                let mut rec = origin.row(
                    line_no,
                    skipped(
                        ReasonKind::TooLarge,
                        format!("line too long ({len} bytes; the limit is {max})"),
                    ),
                );
                rec.input_bytes = len;
                records += 1;
                if let Err(s) = self.done(rec) {
                    break Err(s);
                }
                continue;
            }
            if line.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            records += 1;
            let mut rec = origin.row(line_no, pending());
            rec.input_bytes = len;
            let body = self.json_record(&line, line_no == 1, &mut rec);
            if let Err(s) = self.push(rec, body) {
                break Err(s);
            }
        };
        if line.capacity() > (4 << 20) {
            line = Vec::new();
        }
        self.line = line;
        result?;
        if records == 0 {
            let mut rec =
                origin.record(skipped(ReasonKind::NoRecords, "no JSON lines in the file"));
            rec.input_bytes = size.unwrap_or(0);
            return self.done(rec);
        }
        Ok(())
    }

    /// Parses one JSON line into the record; returns what to classify.
    fn json_record(&self, line: &[u8], first: bool, rec: &mut Record) -> Body {
        let o = self.o;
        let line = if first {
            line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line)
        } else {
            line
        };
        let decoded;
        let s = match std::str::from_utf8(line) {
            Ok(s) => s,
            Err(e) => {
                if o.strict_utf8 {
                    rec.outcome = skipped(
                        ReasonKind::InvalidUtf8,
                        format!(
                            "not valid UTF-8 (invalid byte at offset {} of the line)",
                            e.valid_up_to()
                        ),
                    );
                    return Body::Done;
                }
                rec.utf8_lossy = true;
                decoded = String::from_utf8_lossy(line);
                &decoded
            }
        };
        let mut map = match serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(s) {
            Ok(m) => m,
            Err(e) => {
                rec.outcome = failed(ReasonKind::BadJson, format!("not a JSON object: {e}"));
                return Body::Done;
            }
        };
        match map.remove(&o.id_field) {
            Some(serde_json::Value::String(id)) if !id.is_empty() => rec.id = id,
            Some(serde_json::Value::Number(n)) => rec.id = n.to_string(),
            _ => {}
        }
        if let Some(d) = map
            .get(&o.date_field)
            .and_then(|v| v.as_str())
            .and_then(parse_date)
        {
            rec.date = Some(d);
        }
        let text = map.remove(&o.text_field);
        rec.fields = map.into_iter().collect();
        match text {
            Some(serde_json::Value::String(t)) if t.is_empty() => {
                rec.outcome = skipped(
                    ReasonKind::Empty,
                    format!("empty \"{}\" field", o.text_field),
                );
                Body::Done
            }
            Some(serde_json::Value::String(t)) => Body::Text(t),
            Some(_) => {
                rec.outcome = failed(
                    ReasonKind::MissingText,
                    format!("the \"{}\" field is not a string", o.text_field),
                );
                Body::Done
            }
            None => {
                rec.outcome = failed(
                    ReasonKind::MissingText,
                    format!("no \"{}\" field", o.text_field),
                );
                Body::Done
            }
        }
    }

    /// One document per CSV row after the header row.
    fn csv(&mut self, origin: &Origin, r: &mut dyn BufRead, size: u64) -> Flow {
        let o = self.o;
        let max = o.max_document_bytes;
        let mut rows = CsvRows::new(max);
        let header = match rows.next(r) {
            Err(e) => return self.done(origin.record(io_outcome(&e, Path::new(&origin.path)))),
            Ok(None) => {
                return self.done(origin.record(skipped(ReasonKind::NoRecords, "no CSV header")))
            }
            Ok(Some(h)) => h,
        };
        if header.too_large {
            let mut rec = origin.record(skipped(
                ReasonKind::TooLarge,
                format!("CSV header row too long (the limit is {max} bytes)"),
            ));
            rec.input_bytes = size;
            return self.done(rec);
        }
        let names: Vec<String> = (0..header.len())
            .map(|i| {
                let f = header.field(i);
                let f = if i == 0 {
                    f.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(f)
                } else {
                    f
                };
                String::from_utf8_lossy(f).trim().to_string()
            })
            .collect();
        let col = |name: &str| names.iter().position(|n| n == name);
        let Some(text_col) = col(&o.text_field) else {
            let mut rec = origin.record(failed(
                ReasonKind::MissingText,
                format!(
                    "no \"{}\" column in the CSV header (columns: {})",
                    o.text_field,
                    names.join(", ")
                ),
            ));
            rec.input_bytes = size;
            return self.done(rec);
        };
        let id_col = col(&o.id_field);
        let date_col = col(&o.date_field);
        let mut records = 0usize;
        loop {
            let row = match rows.next(r) {
                Ok(Some(row)) => row,
                Ok(None) => break,
                Err(e) => {
                    let line = rows.rdr.line();
                    let rec = origin.row(
                        line,
                        failed(
                            ReasonKind::Io,
                            format!("cannot read line {line}: {}", io_text(&e)),
                        ),
                    );
                    return self.done(rec);
                }
            };
            records += 1;
            let mut rec = origin.row(row.line, pending());
            rec.input_bytes = row.bytes;
            if row.too_large {
                rec.outcome = skipped(
                    ReasonKind::TooLarge,
                    format!("CSV row too long ({} bytes; the limit is {max})", row.bytes),
                );
                self.done(rec)?;
                continue;
            }
            if row.len() != names.len() {
                rec.outcome = failed(
                    ReasonKind::BadCsv,
                    format!(
                        "row has {} fields, the header has {}",
                        row.len(),
                        names.len()
                    ),
                );
                // The id cell, if the row reaches it, still names the row best.
                if let Some(id) = id_col.filter(|&i| i < row.len()).map(|i| row.field(i)) {
                    if !id.is_empty() {
                        rec.id = String::from_utf8_lossy(id).into_owned();
                    }
                }
                self.done(rec)?;
                continue;
            }
            let mut lossy = false;
            let mut cell = |i: usize| -> String {
                match std::str::from_utf8(row.field(i)) {
                    Ok(s) => s.to_string(),
                    Err(_) => {
                        lossy = true;
                        String::from_utf8_lossy(row.field(i)).into_owned()
                    }
                }
            };
            let text = cell(text_col);
            let id = id_col.map(&mut cell);
            let date = date_col.map(&mut cell);
            let mut fields = BTreeMap::new();
            for (i, name) in names.iter().enumerate() {
                if i != text_col && Some(i) != id_col {
                    fields.insert(name.clone(), serde_json::Value::String(cell(i)));
                }
            }
            if lossy && o.strict_utf8 {
                rec.outcome = skipped(ReasonKind::InvalidUtf8, "not valid UTF-8");
                self.done(rec)?;
                continue;
            }
            rec.utf8_lossy = lossy;
            if let Some(id) = id.filter(|s| !s.is_empty()) {
                rec.id = id;
            }
            if let Some(d) = date.as_deref().and_then(parse_date) {
                rec.date = Some(d);
            }
            rec.fields = fields;
            if text.is_empty() {
                rec.outcome = skipped(
                    ReasonKind::Empty,
                    format!("empty \"{}\" cell", o.text_field),
                );
                self.done(rec)?;
            } else {
                self.push(rec, Body::Text(text))?;
            }
        }
        if records == 0 {
            let mut rec = origin.record(skipped(
                ReasonKind::NoRecords,
                "no CSV rows after the header",
            ));
            rec.input_bytes = size;
            return self.done(rec);
        }
        Ok(())
    }
}

/// The path an error of the walk concerns, and its outcome.
fn walk_error(e: &ignore::Error) -> (Option<PathBuf>, Outcome) {
    match e {
        ignore::Error::WithPath { path, err } => {
            let (inner, outcome) = walk_error(err);
            let path = inner.unwrap_or_else(|| path.clone());
            // Re-check a not-found path: it may be a dangling symlink.
            let outcome = match (&outcome, err.io_error()) {
                (Outcome::Failed(r), Some(io)) if r.kind == ReasonKind::NotFound => {
                    io_outcome(io, &path)
                }
                _ => outcome,
            };
            (Some(path), outcome)
        }
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error(err)
        }
        ignore::Error::Loop { ancestor, child } => (
            Some(child.clone()),
            failed(
                ReasonKind::SymlinkLoop,
                format!("symlink loop (leads back to {})", ancestor.display()),
            ),
        ),
        ignore::Error::Io(io) => (None, io_outcome(io, Path::new(""))),
        ignore::Error::Partial(errs) => match errs.first() {
            Some(e) => walk_error(e),
            None => (None, failed(ReasonKind::Io, "walk error")),
        },
        other => (
            None,
            failed(ReasonKind::Io, other.to_string().to_lowercase()),
        ),
    }
}

enum Probe {
    Empty,
    Binary(usize),
    Text,
}

/// Looks at the start of a stream without consuming it.
fn probe(r: &mut dyn BufRead) -> io::Result<Probe> {
    let buf = loop {
        match r.fill_buf() {
            Ok(b) => break b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    };
    if buf.is_empty() {
        return Ok(Probe::Empty);
    }
    Ok(
        match memchr::memchr(0, &buf[..buf.len().min(BINARY_PROBE)]) {
            Some(at) => Probe::Binary(at),
            None => Probe::Text,
        },
    )
}

/// Reads one line into `buf` (without `\n` or `\r\n`), keeping at most `limit` bytes: a longer
/// line is consumed but not kept. Returns `None` at the end, else the line's length in bytes
/// (terminator included) and whether it was too long.
fn read_line(
    r: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Option<(u64, bool)>> {
    buf.clear();
    let mut total = 0u64;
    let mut too_long = false;
    loop {
        let avail = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok((total > 0).then_some((total, too_long)));
        }
        let (take, found) = match memchr::memchr(b'\n', avail) {
            Some(i) => (i, true),
            None => (avail.len(), false),
        };
        if !too_long {
            if buf.len() + take > limit {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&avail[..take]);
            }
        }
        let used = take + usize::from(found);
        r.consume(used);
        total += used as u64;
        if found {
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            return Ok(Some((total, too_long)));
        }
    }
}

/// A CSV row: field bytes and their end offsets.
struct Row {
    data: Vec<u8>,
    ends: Vec<usize>,
    /// Line where the row starts.
    line: u64,
    /// Bytes of input the row took.
    bytes: u64,
    too_large: bool,
}

impl Row {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn field(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.data[start..self.ends[i]]
    }
}

/// CSV rows with a bound on the bytes kept per row (csv-core does the parsing).
struct CsvRows {
    rdr: csv_core::Reader,
    limit: usize,
}

impl CsvRows {
    fn new(limit: usize) -> CsvRows {
        CsvRows {
            rdr: csv_core::Reader::new(),
            limit,
        }
    }

    fn next(&mut self, r: &mut dyn BufRead) -> io::Result<Option<Row>> {
        let mut data = vec![0u8; 4096.min(self.limit)];
        let mut ends = vec![0usize; 64];
        let (mut nout, mut nend) = (0usize, 0usize);
        let mut bytes = 0u64;
        let mut too_large = false;
        let mut line = None;
        loop {
            let input = loop {
                match r.fill_buf() {
                    Ok(b) => break b,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                }
            };
            // The row starts at the first non-blank line csv-core reads.
            if line.is_none() {
                let skip = input
                    .iter()
                    .take_while(|&&b| b == b'\n' || b == b'\r')
                    .count();
                if skip > 0 {
                    let nl = input[..skip].iter().filter(|&&b| b == b'\n').count() as u64;
                    r.consume(skip);
                    self.rdr.set_line(self.rdr.line() + nl);
                    continue;
                }
                line = Some(self.rdr.line());
            }
            let (res, nin, o, e) =
                self.rdr
                    .read_record(input, &mut data[nout..], &mut ends[nend..]);
            r.consume(nin);
            bytes += nin as u64;
            nout += o;
            nend += e;
            use csv_core::ReadRecordResult::*;
            match res {
                InputEmpty => {}
                OutputFull => {
                    if data.len() >= self.limit {
                        // Too long: keep parsing to the end of the row, keep nothing.
                        too_large = true;
                        nout = 0;
                    } else {
                        let n = (data.len() * 2).min(self.limit);
                        data.resize(n, 0);
                    }
                }
                OutputEndsFull => {
                    if too_large || ends.len() >= self.limit {
                        too_large = true;
                        nend = 0;
                    } else {
                        let n = ends.len() * 2;
                        ends.resize(n, 0);
                    }
                }
                Record => {
                    data.truncate(nout);
                    ends.truncate(nend);
                    return Ok(Some(Row {
                        data,
                        ends,
                        line: line.unwrap_or(0),
                        bytes,
                        too_large,
                    }));
                }
                End => return Ok(None),
            }
        }
    }
}

/// A normalised date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) at the start of a field value:
/// `2024-05-17`, `2024-05-17T09:30:00Z`, `2024/05/17`, `20240517`, `2024-05`, `2024`.
pub(crate) fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    if let Some((y, m, d, n)) = ymd_at(b, 0) {
        if n == b.len() || !b[n].is_ascii_digit() {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    let year = digits(b, 0, 4)?;
    if !(1000..=2999).contains(&year) {
        return None;
    }
    if b.len() == 4 {
        return Some(format!("{year:04}"));
    }
    if matches!(b.get(4), Some(b'-' | b'/' | b'.')) && (b.len() == 7) {
        let m = digits(b, 5, 2)?;
        if (1..=12).contains(&m) {
            return Some(format!("{year:04}-{m:02}"));
        }
    }
    None
}

/// The first date in a file name (`2024-05-17`, `2024_05_17`, `2024.05.17` or `20240517`,
/// not part of a longer number), normalised to `YYYY-MM-DD`.
pub(crate) fn date_in_name(name: &str) -> Option<String> {
    let b = name.as_bytes();
    for i in 0..b.len() {
        if i > 0 && b[i - 1].is_ascii_digit() {
            continue;
        }
        if let Some((y, m, d, n)) = ymd_at(b, i) {
            if n == b.len() || !b[n].is_ascii_digit() {
                return Some(format!("{y:04}-{m:02}-{d:02}"));
            }
        }
    }
    None
}

/// A valid year-month-day at `i`, with one separator (`-`, `/`, `_`, `.`) used twice or none;
/// returns the parts and the end offset.
fn ymd_at(b: &[u8], i: usize) -> Option<(u32, u32, u32, usize)> {
    let y = digits(b, i, 4)?;
    let sep = *b.get(i + 4)?;
    let (m, d, end) = if matches!(sep, b'-' | b'/' | b'_' | b'.') {
        if b.get(i + 7) != Some(&sep) {
            return None;
        }
        (digits(b, i + 5, 2)?, digits(b, i + 8, 2)?, i + 10)
    } else {
        (digits(b, i + 4, 2)?, digits(b, i + 6, 2)?, i + 8)
    };
    if !(1000..=2999).contains(&y) || !(1..=12).contains(&m) || d == 0 {
        return None;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (d <= days).then_some((y, m, d, end))
}

fn digits(b: &[u8], i: usize, n: usize) -> Option<u32> {
    let s = b.get(i..i + n)?;
    s.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_fields() {
        assert_eq!(parse_date("2024-05-17").as_deref(), Some("2024-05-17"));
        assert_eq!(
            parse_date(" 2024-05-17T09:30:00Z").as_deref(),
            Some("2024-05-17")
        );
        assert_eq!(parse_date("2024/05/17").as_deref(), Some("2024-05-17"));
        assert_eq!(parse_date("20240517").as_deref(), Some("2024-05-17"));
        assert_eq!(parse_date("2024-05").as_deref(), Some("2024-05"));
        assert_eq!(parse_date("2024").as_deref(), Some("2024"));
        assert_eq!(parse_date("2024-02-30"), None);
        assert_eq!(parse_date("2024-13"), None);
        assert_eq!(parse_date("May 17, 2024"), None);
        assert_eq!(parse_date("202405171"), None);
        assert_eq!(parse_date(""), None);
    }

    #[test]
    fn dates_in_file_names() {
        assert_eq!(
            date_in_name("2025-02-10-cfpb.md").as_deref(),
            Some("2025-02-10")
        );
        assert_eq!(
            date_in_name("readout_20240229.html").as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(date_in_name("x_2023_02_29.txt"), None, "not a leap year");
        assert_eq!(
            date_in_name("id-120240517.txt"),
            None,
            "part of a longer number"
        );
        assert_eq!(date_in_name("2024-05-17x"), Some("2024-05-17".into()));
        assert_eq!(date_in_name("2024-05_17"), None, "mixed separators");
        assert_eq!(date_in_name("000.txt"), None);
    }

    fn lines(input: &[u8], limit: usize) -> Vec<(Vec<u8>, u64, bool)> {
        let mut r = io::BufReader::with_capacity(7, input);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        while let Some((n, long)) = read_line(&mut r, &mut buf, limit).unwrap() {
            out.push((buf.clone(), n, long));
        }
        out
    }

    #[test]
    fn bounded_lines() {
        let got = lines(b"ab\r\n\nlong line here\nlast", 5);
        assert_eq!(
            got,
            vec![
                (b"ab".to_vec(), 4, false),
                (b"".to_vec(), 1, false),
                (b"".to_vec(), 15, true),
                (b"last".to_vec(), 4, false),
            ]
        );
    }

    fn rows(input: &[u8], limit: usize) -> Vec<(u64, Vec<String>, bool)> {
        let mut r = io::BufReader::with_capacity(5, input);
        let mut rows = CsvRows::new(limit);
        let mut out = Vec::new();
        while let Some(row) = rows.next(&mut r).unwrap() {
            let f = if row.too_large {
                Vec::new()
            } else {
                (0..row.len())
                    .map(|i| String::from_utf8_lossy(row.field(i)).into_owned())
                    .collect()
            };
            out.push((row.line, f, row.too_large));
        }
        out
    }

    #[test]
    fn bounded_csv_rows() {
        let got = rows(
            b"id,text\n1,\"two\nlines\"\n\n2,x\n3,a very long cell indeed\n4,y",
            12,
        );
        assert_eq!(got[0], (1, vec!["id".into(), "text".into()], false));
        assert_eq!(got[1], (2, vec!["1".into(), "two\nlines".into()], false));
        assert_eq!(got[2], (5, vec!["2".into(), "x".into()], false));
        assert!(got[3].2, "{:?}", got[3]);
        assert_eq!(got[3].0, 6);
        assert_eq!(got[4], (7, vec!["4".into(), "y".into()], false));
        assert_eq!(got.len(), 5);
    }

    #[test]
    fn walk_error_of_a_missing_file() {
        let e = io::Error::from(io::ErrorKind::NotFound);
        let o = io_outcome(&e, Path::new("/definitely/not/here"));
        assert_eq!(o.reason().map(|r| r.kind), Some(ReasonKind::NotFound));
    }
}
