//! JSON Lines: one document per non-blank line, read with a bound on the bytes kept.

use super::files::io_text;
use super::{failed, pending, skipped, Body, Flow, Origin, Producer};
use crate::corpus::dates::parse_date;
use crate::corpus::{ReasonKind, Record};
use std::io::{self, BufRead};

impl Producer<'_> {
    /// One document per non-blank line.
    pub(crate) fn json_lines(
        &mut self,
        origin: &Origin,
        r: &mut dyn BufRead,
        size: Option<u64>,
    ) -> Flow {
        let max = self.o.max_document_bytes;
        // a file saved in a legacy encoding (GBK, Big5, Windows-1252...), told from its start
        let legacy = match self.stream_encoding {
            Some(_) => None,
            None => r.fill_buf().ok().and_then(super::csv::legacy_encoding),
        };
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
            let body = self.json_record(&line, line_no == 1, legacy, &mut rec);
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
    fn json_record(
        &self,
        line: &[u8],
        first: bool,
        legacy: Option<&'static encoding_rs::Encoding>,
        rec: &mut Record,
    ) -> Body {
        let o = self.o;
        let line = if first {
            line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line)
        } else {
            line
        };
        if let Some(at) = memchr::memchr(0, line) {
            rec.outcome = failed(
                ReasonKind::BadJson,
                format!("binary data: a NUL byte at offset {at} of the line"),
            );
            return Body::Done;
        }
        rec.encoding = self.stream_encoding.map(|e| e.name().to_string());
        let decoded;
        let s = match std::str::from_utf8(line) {
            Ok(s) => s,
            Err(_) if legacy.is_some() => {
                let enc = legacy.unwrap_or(encoding_rs::UTF_8);
                let (text, lossy) = enc.decode_without_bom_handling(line);
                rec.encoding = Some(enc.name().to_string());
                rec.utf8_lossy = lossy;
                decoded = text;
                &decoded
            }
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
        if self.utf16.as_ref().is_some_and(|u| u.lossy(s)) {
            if o.strict_utf8 {
                rec.outcome = skipped(
                    ReasonKind::InvalidUtf8,
                    "not valid UTF-16 (a malformed sequence in the line)",
                );
                return Body::Done;
            }
            rec.utf8_lossy = true;
        }
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
        match map.get(&o.date_field) {
            Some(serde_json::Value::String(v)) => read_date(v, rec),
            Some(serde_json::Value::Number(n)) => read_date(&n.to_string(), rec),
            Some(serde_json::Value::Null) | None => {}
            Some(other) => read_date(&other.to_string(), rec),
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
}

/// Sets the record's date from a date field or column, or notes the value as unread (a blank
/// value is no date).
pub(crate) fn read_date(value: &str, rec: &mut Record) {
    if value.trim().is_empty() {
        return;
    }
    match parse_date(value) {
        Some(d) => rec.date = Some(d),
        None => {
            let mut v = value.trim().to_string();
            if v.len() > 64 {
                let mut cut = 64;
                while !v.is_char_boundary(cut) {
                    cut -= 1;
                }
                v.truncate(cut);
            }
            rec.date_unread = Some(v);
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
