//! CSV: one document per row after the header row, parsed by csv-core with a bound on the
//! bytes kept per row.

use super::files::{io_outcome, io_text};
use super::{failed, pending, skipped, Body, Flow, Origin, Producer};
use crate::corpus::dates::parse_date;
use crate::corpus::ReasonKind;
use std::collections::BTreeMap;
use std::io::{self, BufRead};
use std::path::Path;

impl Producer<'_> {
    /// One document per CSV row after the header row.
    pub(crate) fn csv(&mut self, origin: &Origin, r: &mut dyn BufRead, size: u64) -> Flow {
        let mut rows = CsvRows::new(self.o.max_document_bytes);
        let cols = match self.csv_header(origin, r, &mut rows, size) {
            Ok(cols) => cols,
            Err(flow) => return flow,
        };
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
                String::from_utf8_lossy(f).trim().to_string()
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
        })
    }

    /// The record of one row after the header.
    fn csv_row(&mut self, origin: &Origin, cols: &Columns, row: &Row) -> Flow {
        let o = self.o;
        let mut rec = origin.row(row.line, pending());
        rec.input_bytes = row.bytes;
        if row.too_large {
            let max = o.max_document_bytes;
            rec.outcome = skipped(
                ReasonKind::TooLarge,
                format!("CSV row too long ({} bytes; the limit is {max})", row.bytes),
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
        let text = row.cell(cols.text, &mut lossy);
        let id = cols.id.map(|i| row.cell(i, &mut lossy));
        let date = cols.date.map(|i| row.cell(i, &mut lossy));
        let mut fields = BTreeMap::new();
        for (i, name) in cols.names.iter().enumerate() {
            if i != cols.text && Some(i) != cols.id {
                let v = row.cell(i, &mut lossy);
                fields.insert(name.clone(), serde_json::Value::String(v));
            }
        }
        if lossy && o.strict_utf8 {
            rec.outcome = skipped(ReasonKind::InvalidUtf8, "not valid UTF-8");
            return self.done(rec);
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
            self.done(rec)
        } else {
            self.push(rec, Body::Text(text))
        }
    }
}

/// The columns of a CSV file, from its header row.
struct Columns {
    names: Vec<String>,
    text: usize,
    id: Option<usize>,
    date: Option<usize>,
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

    /// Field `i` as text; `lossy` is set when it is not valid UTF-8.
    fn cell(&self, i: usize, lossy: &mut bool) -> String {
        match std::str::from_utf8(self.field(i)) {
            Ok(s) => s.to_string(),
            Err(_) => {
                *lossy = true;
                String::from_utf8_lossy(self.field(i)).into_owned()
            }
        }
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
