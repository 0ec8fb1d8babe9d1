//! CSV: one document per row after the header row, parsed by csv-core with a bound on the
//! bytes kept per row.

use super::files::{io_outcome, io_text};
use super::{failed, pending, skipped, Body, Flow, Origin, Producer};
use crate::corpus::ReasonKind;
use encoding_rs::Encoding;
use std::collections::BTreeMap;
use std::io::{self, BufRead};
use std::path::Path;

impl Producer<'_> {
    /// One document per CSV row after the header row.
    pub(crate) fn csv(&mut self, origin: &Origin, r: &mut dyn BufRead, size: u64) -> Flow {
        let mut rows = CsvRows::new(self.o.max_document_bytes);
        let encoding = match r.fill_buf() {
            Ok(head) => legacy_encoding(head),
            Err(_) => None,
        };
        let mut cols = match self.csv_header(origin, r, &mut rows, size, encoding) {
            Ok(cols) => cols,
            Err(flow) => return flow,
        };
        cols.encoding = encoding;
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
            self.csv_row(origin, &cols, &row)?;
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

    /// The columns named in the header row; `Err` holds the flow after the file's record
    /// when the header cannot be used (none, too long, no text column).
    fn csv_header(
        &mut self,
        origin: &Origin,
        r: &mut dyn BufRead,
        rows: &mut CsvRows,
        size: u64,
        encoding: Option<&'static Encoding>,
    ) -> Result<Columns, Flow> {
        let o = self.o;
        let max = o.max_document_bytes;
        let header = match rows.next(r) {
            Err(e) => return Err(self.done(origin.record(io_outcome(&e, Path::new(&origin.path))))),
            Ok(None) => {
                let rec = origin.record(skipped(ReasonKind::NoRecords, "no CSV header"));
                return Err(self.done(rec));
            }
            Ok(Some(h)) => h,
        };
        if let Some(q) = &header.open_quote {
            let mut rec = origin.record(failed(
                ReasonKind::BadCsv,
                format!(
                    "unterminated quote in the CSV header (opened on line {}, never closed)",
                    q.line
                ),
            ));
            rec.input_bytes = size;
            return Err(self.done(rec));
        }
        if header.too_large {
            let mut rec = origin.record(skipped(
                ReasonKind::TooLarge,
                format!("CSV header row too long (the limit is {max} bytes)"),
            ));
            rec.input_bytes = size;
            return Err(self.done(rec));
        }
        let names: Vec<String> = (0..header.len())
            .map(|i| {
                let f = header.field(i);
                let f = if i == 0 {
                    f.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(f)
                } else {
                    f
                };
                decode_cell(f, encoding, &mut false).trim().to_string()
            })
            .collect();
        let col = |name: &str| names.iter().position(|n| n == name);
        let Some(text) = col(&o.text_field) else {
            let mut rec = origin.record(failed(
                ReasonKind::MissingText,
                format!(
                    "no \"{}\" column in the CSV header (columns: {})",
                    o.text_field,
                    names.join(", ")
                ),
            ));
            rec.input_bytes = size;
            return Err(self.done(rec));
        };
        Ok(Columns {
            text,
            id: col(&o.id_field),
            date: col(&o.date_field),
            names,
            encoding: None,
        })
    }

    /// The record of one row after the header.
    fn csv_row(&mut self, origin: &Origin, cols: &Columns, row: &Row) -> Flow {
        let o = self.o;
        let mut rec = origin.row(row.line, pending());
        rec.input_bytes = row.bytes;
        if let Some(q) = &row.open_quote {
            return self.unterminated(origin, row.line, q, rec);
        }
        if row.too_large {
            let max = o.max_document_bytes;
            rec.outcome = skipped(
                ReasonKind::TooLarge,
                format!("CSV row too long ({} bytes; the limit is {max})", row.bytes),
            );
            return self.done(rec);
        }
        if let Some(at) = memchr::memchr(0, &row.data) {
            rec.outcome = failed(
                ReasonKind::BadCsv,
                format!("binary data: a NUL byte in the row (byte {at} of its cells)"),
            );
            return self.done(rec);
        }
        if row.len() != cols.names.len() {
            rec.outcome = failed(
                ReasonKind::BadCsv,
                format!(
                    "row has {} fields, the header has {}",
                    row.len(),
                    cols.names.len()
                ),
            );
            // The id cell, if the row reaches it, still names the row best.
            if let Some(id) = cols.id.filter(|&i| i < row.len()).map(|i| row.field(i)) {
                if !id.is_empty() {
                    rec.id = String::from_utf8_lossy(id).into_owned();
                }
            }
            return self.done(rec);
        }
        let mut lossy = false;
        let enc = cols.encoding;
        let text = row.cell(cols.text, enc, &mut lossy);
        let id = cols.id.map(|i| row.cell(i, enc, &mut lossy));
        let date = cols.date.map(|i| row.cell(i, enc, &mut lossy));
        let mut fields = BTreeMap::new();
        for (i, name) in cols.names.iter().enumerate() {
            if i != cols.text && Some(i) != cols.id {
                let v = row.cell(i, enc, &mut lossy);
                fields.insert(name.clone(), serde_json::Value::String(v));
            }
        }
        // a UTF-16 file's malformed sequences were replaced as it was decoded
        let utf16_lossy = |u: &super::transcode::Utf16Stream| {
            u.lossy(&text) || id.as_deref().is_some_and(|s| u.lossy(s))
        };
        lossy |= self.utf16.as_ref().is_some_and(utf16_lossy);
        if lossy && o.strict_utf8 {
            rec.outcome = skipped(ReasonKind::InvalidUtf8, "not valid UTF-8");
            return self.done(rec);
        }
        rec.utf8_lossy = lossy;
        rec.encoding = enc.or(self.stream_encoding).map(|e| e.name().to_string());
        if let Some(id) = id.filter(|s| !s.is_empty()) {
            rec.id = id;
        }
        if let Some(d) = date.as_deref() {
            super::jsonl::read_date(d, &mut rec);
        }
        rec.fields = fields;
        if text.is_empty() {
            rec.outcome = skipped(
                ReasonKind::Empty,
                format!("empty \"{}\" cell", o.text_field),
            );
            self.done(rec)
        } else {
            self.push(rec, Body::Text(text))
        }
    }
}

impl Producer<'_> {
    /// A row whose quote is never closed fails, and so does each line the quote swallowed
    /// (up to [`MAX_SWALLOWED`] records; the rest in one record), each with its line number.
    fn unterminated(
        &mut self,
        origin: &Origin,
        line: u64,
        q: &OpenQuote,
        mut rec: crate::corpus::Record,
    ) -> Flow {
        let last = q.lines.last().copied().unwrap_or(q.line) + q.more;
        rec.outcome = failed(
            ReasonKind::BadCsv,
            if last > q.line {
                format!(
                    "unterminated quote opened on line {}: the field runs to the end of the \
                     file, so lines {}-{last} are not read as rows",
                    q.line,
                    q.line + 1
                )
            } else {
                format!("unterminated quote opened on line {}", q.line)
            },
        );
        self.done(rec)?;
        for &l in &q.lines {
            if l == line {
                continue;
            }
            let msg = format!("inside the unterminated quote opened on line {}", q.line);
            self.done(origin.row(l, failed(ReasonKind::BadCsv, msg)))?;
        }
        if q.more > 0 {
            let first = q.lines.last().map_or(q.line + 1, |l| l + 1);
            let msg = format!(
                "{} more lines (up to line {last}) inside the unterminated quote opened on line {}",
                q.more, q.line
            );
            self.done(origin.row(first, failed(ReasonKind::BadCsv, msg)))?;
        }
        Ok(())
    }
}

/// Reads a whole CSV stream for a quote left open (under `strict_csv`); returns the line of
/// the opening quote. The caller rewinds the file.
pub(crate) fn open_quote(r: &mut dyn BufRead) -> io::Result<Option<u64>> {
    let mut scan = QuoteScan::default();
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        let n = buf.len();
        scan.feed(buf, 1);
        r.consume(n);
    }
    Ok(scan.finish().map(|q| q.line))
}

/// Lines inside an unterminated quote reported one by one; further lines are counted.
const MAX_SWALLOWED: usize = 10_000;

/// A quoted field left open at the end of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OpenQuote {
    /// Line of the opening quote.
    pub(crate) line: u64,
    /// The non-blank lines after it (at most [`MAX_SWALLOWED`]).
    lines: Vec<u64>,
    /// Non-blank lines after those.
    more: u64,
}

/// Follows the quoting of CSV (RFC 4180: a field that starts with `"` runs to the next lone
/// `"`; `""` inside it is a quote) over the bytes csv-core consumed, to tell a row that ended
/// because the input ended inside a quoted field.
#[derive(Debug, Default)]
pub(crate) struct QuoteScan {
    state: Quoting,
    /// Line where the row starts.
    start: u64,
    /// Lines seen since the row started (0: the row's first line).
    offset: u64,
    opened: Option<u64>,
    lines: Vec<u64>,
    more: u64,
    content: bool,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Quoting {
    #[default]
    FieldStart,
    Unquoted,
    Quoted,
    /// A `"` inside a quoted field: the end of it, or the first of `""`.
    AfterQuote,
}

impl QuoteScan {
    /// Follows `bytes`, the row starting on line `start`.
    pub(crate) fn feed(&mut self, bytes: &[u8], start: u64) {
        self.start = start;
        for &b in bytes {
            match (self.state, b) {
                (Quoting::Quoted, b'"') => self.state = Quoting::AfterQuote,
                (Quoting::Quoted, b'\n') => {
                    self.swallowed();
                    self.offset += 1;
                }
                (Quoting::Quoted, b) => {
                    let here = self.start + self.offset;
                    if !b.is_ascii_whitespace() && self.opened.is_some_and(|o| here > o) {
                        self.content = true;
                    }
                }
                (Quoting::FieldStart, b'"') => {
                    self.state = Quoting::Quoted;
                    self.opened = Some(start + self.offset);
                    self.lines.clear();
                    self.more = 0;
                    self.content = false;
                }
                (Quoting::AfterQuote, b'"') => self.state = Quoting::Quoted,
                (_, b',') => self.state = Quoting::FieldStart,
                (_, b'\n') => {
                    self.state = Quoting::FieldStart;
                    self.offset += 1;
                }
                _ => self.state = Quoting::Unquoted,
            }
        }
    }

    /// Ends the current line inside the open quote.
    fn swallowed(&mut self) {
        if self.content {
            if self.lines.len() < MAX_SWALLOWED {
                self.lines.push(self.start + self.offset);
            } else {
                self.more += 1;
            }
        }
        self.content = false;
    }

    /// The open quote, if the bytes ended inside a quoted field; resets for the next row.
    pub(crate) fn finish(&mut self) -> Option<OpenQuote> {
        let open = if self.state == Quoting::Quoted {
            self.swallowed();
            Some(OpenQuote {
                line: self.opened.unwrap_or(0),
                lines: std::mem::take(&mut self.lines),
                more: self.more,
            })
        } else {
            None
        };
        *self = QuoteScan::default();
        open
    }
}

/// The columns of a CSV file, from its header row.
struct Columns {
    names: Vec<String>,
    text: usize,
    id: Option<usize>,
    date: Option<usize>,
    /// The file's encoding when it is not UTF-8 (guessed from its first 256 KiB).
    encoding: Option<&'static Encoding>,
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
    /// A quoted field of the row was never closed: it ran to the end of the input.
    open_quote: Option<OpenQuote>,
}

impl Row {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn field(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.data[start..self.ends[i]]
    }

    /// Field `i` as text, decoded from `encoding` (else UTF-8); `lossy` is set when it
    /// holds malformed bytes.
    fn cell(&self, i: usize, encoding: Option<&'static Encoding>, lossy: &mut bool) -> String {
        decode_cell(self.field(i), encoding, lossy)
    }
}

/// A cell's bytes as text, decoded from `encoding` (else UTF-8), with replacement characters
/// for malformed bytes (`lossy` is then set).
fn decode_cell(bytes: &[u8], encoding: Option<&'static Encoding>, lossy: &mut bool) -> String {
    match encoding {
        Some(enc) => {
            let (text, errors) = enc.decode_without_bom_handling(bytes);
            *lossy |= errors;
            text.into_owned()
        }
        None => match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => {
                *lossy = true;
                String::from_utf8_lossy(bytes).into_owned()
            }
        },
    }
}

/// The encoding of a CSV file that is not UTF-8, from its first bytes (spreadsheets save CSV
/// in the legacy encoding of the system: GBK, Big5, Shift_JIS, Windows-1252...): `None` when
/// they are UTF-8 (a character cut at the end of the sample does not count) or when the guess
/// does not decode them cleanly either.
pub(crate) fn legacy_encoding(head: &[u8]) -> Option<&'static Encoding> {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    match std::str::from_utf8(head) {
        Ok(_) => return None,
        Err(e) if e.error_len().is_none() => return None,
        Err(_) if crate::corpus::encoding::mostly_utf8(head) => return None,
        Err(_) => {}
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(head, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    // The sample may end inside a character: judge it up to its last line break.
    let whole = &head[..memchr::memrchr(b'\n', head).unwrap_or(head.len())];
    guess
        .decode_without_bom_handling_and_without_replacement(whole)
        .map(|_| guess)
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
        let mut quotes = QuoteScan::default();
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
            quotes.feed(&input[..nin], line.unwrap_or(0));
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
                        open_quote: quotes.finish(),
                    }));
                }
                End => return Ok(None),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
