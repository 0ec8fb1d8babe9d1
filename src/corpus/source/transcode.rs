//! JSON Lines and CSV files saved as UTF-16 (a byte order mark first), read as UTF-8.
//!
//! Windows tools write UTF-16 by default (PowerShell's `Out-File` and `>` before version 6,
//! Excel's "Unicode text"). Such a file is all NUL bytes to a UTF-8 reader, which would take
//! it for binary data; [`Utf16Reader`] decodes it as it streams, so its lines and rows are
//! read one by one like any other, in bounded memory.

use encoding_rs::{Decoder, Encoding, UTF_16BE, UTF_16LE};
use std::io::{self, BufRead, Read};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// A UTF-16 stream being decoded: its encoding, and whether a malformed sequence was
/// replaced with U+FFFD so far (set by [`Utf16Reader`] as it decodes, read by the record
/// readers to flag the records that hold a replacement).
pub(crate) struct Utf16Stream {
    pub(crate) encoding: &'static Encoding,
    replaced: Arc<AtomicBool>,
}

impl Utf16Stream {
    /// Whether `text`, read from this stream, may hold a replaced sequence: the stream had
    /// one so far and `text` holds U+FFFD. A U+FFFD the file itself held is counted too,
    /// only in a file that also had a malformed sequence.
    pub(crate) fn lossy(&self, text: &str) -> bool {
        self.replaced.load(Ordering::Relaxed) && text.contains('\u{FFFD}')
    }
}

/// Bytes read from the file per decoding step.
const CHUNK: usize = 64 * 1024;

/// The UTF-16 encoding whose byte order mark starts `head`, if any.
pub(crate) fn utf16_bom(head: &[u8]) -> Option<&'static Encoding> {
    match Encoding::for_bom(head) {
        Some((enc, _)) if enc == UTF_16LE || enc == UTF_16BE => Some(enc),
        _ => None,
    }
}

/// `r`, or `r` decoded from UTF-16 when it starts with a UTF-16 byte order mark, and that
/// stream's encoding and replacement flag.
pub(crate) fn utf8_stream<'a, R: Read + 'a>(
    mut r: std::io::BufReader<R>,
) -> io::Result<(Box<dyn BufRead + 'a>, Option<Utf16Stream>)> {
    let utf16 = loop {
        match r.fill_buf() {
            Ok(head) => break utf16_bom(head),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    };
    Ok(match utf16 {
        Some(encoding) => {
            let reader = Utf16Reader::new(r, encoding);
            let replaced = Arc::clone(&reader.replaced);
            (Box::new(reader), Some(Utf16Stream { encoding, replaced }))
        }
        None => (Box::new(r), None),
    })
}

/// A reader of UTF-8 bytes decoded from a UTF-16 stream that starts with its byte order
/// mark (the mark is dropped). Malformed sequences become U+FFFD, and [`Utf16Reader::lossy`]
/// says so.
pub(crate) struct Utf16Reader<R> {
    inner: R,
    decoder: Decoder,
    input: Vec<u8>,
    output: Vec<u8>,
    pos: usize,
    done: bool,
    lossy: bool,
    /// `lossy`, shared with the [`Utf16Stream`] of the readers of its records.
    replaced: Arc<AtomicBool>,
}

impl<R: Read> Utf16Reader<R> {
    pub(crate) fn new(inner: R, encoding: &'static Encoding) -> Utf16Reader<R> {
        Utf16Reader {
            inner,
            // the BOM is checked by the caller; the decoder removes it
            decoder: encoding.new_decoder_with_bom_removal(),
            input: vec![0; CHUNK],
            output: Vec::with_capacity(CHUNK * 3 / 2 + 16),
            pos: 0,
            done: false,
            lossy: false,
            replaced: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Whether a malformed sequence was replaced so far.
    #[cfg(test)]
    pub(crate) fn lossy(&self) -> bool {
        self.lossy
    }

    /// Decodes the next chunk into `output`; false at the end of the stream.
    fn refill(&mut self) -> io::Result<bool> {
        while self.pos >= self.output.len() && !self.done {
            let n = loop {
                match self.inner.read(&mut self.input) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                }
            };
            let last = n == 0;
            self.output.clear();
            self.pos = 0;
            let need = self
                .decoder
                .max_utf8_buffer_length(n)
                .unwrap_or(CHUNK * 3 + 16);
            self.output.resize(need, 0);
            let (_, read, written, replaced) =
                self.decoder
                    .decode_to_utf8(&self.input[..n], &mut self.output, last);
            debug_assert_eq!(read, n);
            self.output.truncate(written);
            self.lossy |= replaced;
            if replaced {
                self.replaced.store(true, Ordering::Relaxed);
            }
            self.done = last;
        }
        Ok(self.pos < self.output.len())
    }
}

impl<R: Read> Read for Utf16Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Utf16Reader<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.refill()?;
        Ok(&self.output[self.pos..])
    }

    fn consume(&mut self, amt: usize) {
        self.pos = (self.pos + amt).min(self.output.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        let mut out = vec![0xFF, 0xFE];
        for u in s.encode_utf16() {
            out.extend_from_slice(&u.to_le_bytes());
        }
        out
    }

    #[test]
    fn decodes_utf16_lines_across_chunks() {
        // long enough to cross several chunks, with characters outside the BMP
        let line = "{\"id\":\"a\",\"text\":\"西藏 Tibet 𝕏\"}\n";
        let text = line.repeat(10_000);
        let bytes = utf16le(&text);
        assert_eq!(utf16_bom(&bytes), Some(UTF_16LE));
        let mut r = Utf16Reader::new(&bytes[..], UTF_16LE);
        let mut out = String::new();
        r.read_to_string(&mut out).unwrap();
        assert_eq!(out, text);
        assert!(!r.lossy());
    }

    #[test]
    fn a_cut_character_is_replaced_and_reported() {
        let mut bytes = utf16le("Tibet");
        bytes.push(0x3D); // half a code unit
        let mut r = Utf16Reader::new(&bytes[..], UTF_16LE);
        let mut out = String::new();
        r.read_to_string(&mut out).unwrap();
        assert_eq!(out, "Tibet\u{FFFD}");
        assert!(r.lossy());
    }

    #[test]
    fn utf8_and_plain_bytes_have_no_utf16_mark() {
        assert_eq!(utf16_bom(b"\xEF\xBB\xBF{}"), None);
        assert_eq!(utf16_bom(b"{\"id\":1}"), None);
        assert_eq!(utf16_bom(b"\xFE\xFF\x00{"), Some(UTF_16BE));
    }
}
