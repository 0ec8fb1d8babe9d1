//! Files and folders: the walk (sorted, with a reason for every entry it does not read),
//! safe opening, and files read as one document (text, HTML).

use super::{
    failed, pending, skipped, Body, Flow, Format, Origin, Producer, BINARY_PROBE, READ_BUFFER,
};
use crate::corpus::document::label_notice;
use crate::corpus::{label_records, CorpusOptions, Markup, Outcome, ReasonKind};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// A short lowercase description of an I/O error, without the OS error number.
pub(crate) fn io_text(e: &io::Error) -> String {
    let s = e.to_string();
    let s = match s.find(" (os error") {
        Some(i) => &s[..i],
        None => &s,
    };
    s.to_lowercase()
}

/// The outcome of an I/O error on `path`.
pub(crate) fn io_outcome(e: &io::Error, path: &Path) -> Outcome {
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

impl Producer<'_> {
    /// A path given directly: always followed if it is a symlink.
    pub(crate) fn root(&mut self, root: &Path) -> Flow {
        let origin = Origin::new(root, root);
        match std::fs::metadata(root) {
            Err(e) => self.done(origin.record(io_outcome(&e, root))),
            Ok(m) if m.is_dir() => self.walk(root),
            Ok(m) if m.is_file() => {
                let format = Format::of(root).unwrap_or(Format::Text);
                self.file(root, &origin, format, false)
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
                            Some(format) => self.file(path, &origin, format, true)?,
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

    /// Reads one file; `in_folder` when found by a walk (a label file is then skipped).
    fn file(&mut self, path: &Path, origin: &Origin, format: Format, in_folder: bool) -> Flow {
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
                let mut f = f;
                if format == Format::Csv && self.o.strict_csv {
                    match strict_csv_check(&mut f) {
                        Err(e) => return self.done(origin.record(io_outcome(&e, path))),
                        Ok(Some(line)) => {
                            let mut rec = origin.record(failed(
                                ReasonKind::BadCsv,
                                format!(
                                    "unterminated quote opened on line {line}; with strict CSV \
                                     the file is not read"
                                ),
                            ));
                            rec.input_bytes = size;
                            return self.done(rec);
                        }
                        Ok(None) => {}
                    }
                }
                let (mut r, utf16) =
                    match super::transcode::utf8_stream(BufReader::with_capacity(READ_BUFFER, f)) {
                        Ok(x) => x,
                        Err(e) => return self.done(origin.record(io_outcome(&e, path))),
                    };
                self.stream_encoding = utf16.as_ref().map(|u| u.encoding);
                self.utf16 = utf16;
                let flow = self.records_of(&mut *r, origin, path, format, size, in_folder);
                self.stream_encoding = None;
                self.utf16 = None;
                flow
            }
        }
    }

    /// The lines or rows of a JSON Lines or CSV stream (already UTF-8) as inputs.
    fn records_of(
        &mut self,
        r: &mut dyn BufRead,
        origin: &Origin,
        path: &Path,
        format: Format,
        size: u64,
        in_folder: bool,
    ) -> Flow {
        {
            {
                let rec = |kind, msg: String| {
                    let mut rec = origin.record(skipped(kind, msg));
                    rec.input_bytes = size;
                    rec
                };
                // The whole file is skipped if empty or binary; otherwise its lines or rows
                // are the inputs.
                match probe(r) {
                    Err(e) => self.done(origin.record(io_outcome(&e, path))),
                    Ok(Probe::Empty) => self.done(rec(ReasonKind::Empty, "empty file".into())),
                    Ok(Probe::Binary(at)) => self.done(rec(
                        ReasonKind::Binary,
                        format!("binary file (NUL byte at offset {at})"),
                    )),
                    Ok(Probe::Text) if format == Format::Csv => self.csv(origin, r, size),
                    Ok(Probe::Text) => {
                        if in_folder {
                            let head = r.fill_buf().unwrap_or(&[]);
                            if let Some(n) = label_records(head, &self.o.text_field) {
                                let msg = label_notice(n, &self.o.text_field);
                                return self.done(rec(ReasonKind::LabelFile, msg));
                            }
                        }
                        self.json_lines(origin, r, Some(size))
                    }
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
        let bytes = match read_whole(f, size as usize, max) {
            Ok(bytes) => bytes,
            Err(e) => {
                rec.outcome = failed(ReasonKind::Io, format!("cannot read: {}", io_text(&e)));
                return self.done(rec);
            }
        };
        if bytes.len() > max {
            rec.outcome = too_large(bytes.len() as u64);
            return self.done(rec);
        }
        let markup = if format == Format::Html {
            Markup::Html
        } else {
            Markup::Plain
        };
        // by value: a UTF-8 file becomes its text without a second copy
        let doc = match crate::corpus::document::document_text_owned(bytes, markup) {
            Ok(doc) => doc,
            Err(reason) => {
                rec.outcome = if reason.kind.is_failure() {
                    Outcome::Failed(reason)
                } else {
                    Outcome::Skipped(reason)
                };
                return self.done(rec);
            }
        };
        if doc.encoding != "UTF-8" {
            rec.encoding = Some(doc.encoding.to_string());
        }
        if doc.lossy && self.o.strict_utf8 {
            rec.outcome = skipped(
                ReasonKind::InvalidUtf8,
                format!("not valid {} (malformed bytes)", doc.encoding),
            );
            return self.done(rec);
        }
        rec.utf8_lossy = doc.lossy;
        self.push(rec, Body::Text(doc.text))
    }
}

/// Reads a whole file whose metadata says it holds `size` bytes (at most `max`), and up to
/// `max + 1` bytes if it has grown since, so the caller can tell it is too large.
///
/// One `read` asks for `size + 1` bytes: a regular file that gives back exactly `size` has
/// ended, so the usual second `read` that only confirms the end is saved (`read_to_end`
/// without a size hint also starts with 8 KiB reads: most files of a folder of statements
/// took two or three calls). A short read, or a file that grew, goes on with
/// `read_to_end` as before.
fn read_whole(mut f: File, size: usize, max: usize) -> io::Result<Vec<u8>> {
    let mut bytes = vec![0; size + 1];
    let mut filled = 0;
    loop {
        match f.read(&mut bytes[filled..]) {
            Ok(0) => {
                bytes.truncate(filled);
                return Ok(bytes);
            }
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
        if filled == size {
            bytes.truncate(filled);
            return Ok(bytes);
        }
        if filled == bytes.len() {
            // the file grew: the rest, up to one byte past the limit
            let limit = max.saturating_add(1).saturating_sub(filled) as u64;
            f.take(limit).read_to_end(&mut bytes)?;
            return Ok(bytes);
        }
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

/// Under `strict_csv`: the line of a quote a CSV file leaves open (decoded from UTF-16 when
/// the file is), read through once; the file is then rewound.
fn strict_csv_check(f: &mut File) -> io::Result<Option<u64>> {
    let line = {
        let (mut r, _) =
            super::transcode::utf8_stream(BufReader::with_capacity(READ_BUFFER, &mut *f))?;
        super::csv::open_quote(&mut *r)?
    };
    f.seek(SeekFrom::Start(0))?;
    Ok(line)
}

pub(crate) enum Probe {
    Empty,
    Binary(usize),
    Text,
}

/// Looks at the start of a JSON Lines or CSV stream without consuming it: binary when a NUL
/// byte comes in the first line (the CSV header, or a JSON line) of the first 8 KiB and the
/// stream does not start like JSON (`{`). A NUL further on is a fault of that one record,
/// which fails alone.
pub(crate) fn probe(r: &mut dyn BufRead) -> io::Result<Probe> {
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
    let head = &buf[..buf.len().min(BINARY_PROBE)];
    let first_line = &head[..memchr::memchr(b'\n', head).unwrap_or(head.len())];
    let json = head
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(head)
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        == Some(&b'{');
    Ok(match memchr::memchr(0, first_line) {
        Some(at) if !json => Probe::Binary(at),
        _ => Probe::Text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_file_is_read_whatever_its_metadata_said() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.txt");
        let text: Vec<u8> = (0..100u8).map(|i| b'a' + i % 26).collect();
        std::fs::write(&path, &text).unwrap();
        let read = |size, max| read_whole(File::open(&path).unwrap(), size, max).unwrap();
        // the size it has, a size it outgrew, a size it shrank from, and 0 (as /proc reports)
        for size in [100, 50, 150, 0] {
            assert_eq!(read(size, 1000), text, "size {size}");
        }
        // past the limit: one byte more than allowed, so the caller can tell
        assert_eq!(read(50, 60), text[..61]);
        std::fs::write(&path, b"").unwrap();
        assert_eq!(read(0, 1000), b"");
    }

    #[test]
    fn walk_error_of_a_missing_file() {
        let e = io::Error::from(io::ErrorKind::NotFound);
        let o = io_outcome(&e, Path::new("/definitely/not/here"));
        assert_eq!(o.reason().map(|r| r.kind), Some(ReasonKind::NotFound));
    }
}
