//! Bytes to text for documents read whole (text and HTML files): a byte order mark, then
//! UTF-8, then the encoding an HTML page declares, then a guess, decoded with `encoding_rs`
//! (the WHATWG Encoding Standard that browsers follow).

use encoding_rs::{Encoding, UTF_8};

/// Share of replacement characters above which a document counts as not decodable.
const MAX_REPLACED_PER_MILLE: usize = 20;
/// Bytes of an HTML page searched for a `<meta>` charset declaration (the HTML standard's
/// prescan looks at 1024; pages with long `<head>`s put it later).
const DECLARATION_WINDOW: usize = 4096;

/// Text decoded from the bytes of a document, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decoded {
    pub(crate) text: String,
    /// The encoding used, e.g. `UTF-8`, `GBK`, `Big5`, `Shift_JIS`, `windows-1252`.
    pub(crate) encoding: &'static Encoding,
    /// Malformed sequences were replaced by U+FFFD.
    pub(crate) lossy: bool,
}

/// Decodes a whole document.
///
/// The order: a byte order mark (UTF-8, UTF-16LE, UTF-16BE) wins; bytes that are valid UTF-8
/// are UTF-8 whatever a page declares (pages saved again as UTF-8 often keep their old
/// declaration), and so are bytes that are UTF-8 but for a few malformed sequences (a file
/// cut in the middle of a character); otherwise the encoding an HTML page declares
/// (`<meta charset>`, `<meta http-equiv="Content-Type" content="...; charset=...">`, an XML
/// declaration), then the encoding `chardetng` guesses (GBK, Big5, Shift_JIS, EUC-KR,
/// Windows-1252...). Malformed sequences become U+FFFD (`lossy`); when more than 2% of the
/// characters would be replaced or be control characters (binary data without NUL bytes) in
/// every candidate, the error says which were tried.
pub(crate) fn decode(bytes: &[u8], html: bool) -> Result<Decoded, String> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, lossy) = enc.decode_without_bom_handling(&bytes[bom..]);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: enc,
            lossy,
        });
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: s.to_string(),
            encoding: UTF_8,
            lossy: false,
        });
    }
    if mostly_utf8(bytes) {
        let (utf8, _) = UTF_8.decode_without_bom_handling(bytes);
        return Ok(Decoded {
            text: utf8.into_owned(),
            encoding: UTF_8,
            lossy: true,
        });
    }
    let mut candidates: Vec<&'static Encoding> = Vec::new();
    if html {
        candidates.extend(declared(bytes).filter(|&e| e != UTF_8));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    if !candidates.contains(&guess) {
        candidates.push(guess);
    }
    candidates.push(UTF_8);
    pick(bytes, &candidates)
}

/// UTF-8 but for a few malformed sequences: at least twice as many well-formed non-ASCII
/// characters as malformed ones (text in a legacy encoding read as UTF-8 gives the reverse).
pub(crate) fn mostly_utf8(bytes: &[u8]) -> bool {
    let (utf8, _) = UTF_8.decode_without_bom_handling(bytes);
    let replaced = utf8.chars().filter(|&c| c == '\u{FFFD}').count();
    let other = utf8
        .chars()
        .filter(|&c| c > '\u{7F}' && c != '\u{FFFD}')
        .count();
    other >= 2 * replaced
}

/// The first candidate that decodes `bytes` with at most 2% of its characters replaced.
fn pick(bytes: &[u8], candidates: &[&'static Encoding]) -> Result<Decoded, String> {
    for &enc in candidates {
        let (text, lossy) = enc.decode_without_bom_handling(bytes);
        // Replacement characters, and control characters that no text holds (a single-byte
        // encoding "decodes" any bytes, binary data too).
        let bad = text
            .chars()
            .filter(|&c| {
                c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}'))
            })
            .count();
        let chars = text.chars().count().max(1);
        if bad * 1000 <= chars * MAX_REPLACED_PER_MILLE {
            return Ok(Decoded {
                text: text.into_owned(),
                encoding: enc,
                lossy,
            });
        }
    }
    let names: Vec<&str> = candidates.iter().map(|e| e.name()).collect();
    Err(format!(
        "cannot decode the text: more than 2% of its characters are malformed or control \
         characters in every encoding tried ({})",
        names.join(", ")
    ))
}

/// The encoding an HTML (or XHTML) page declares near its start, as the HTML standard's
/// prescan reads it: `<meta charset="gbk">`, `<meta http-equiv="Content-Type"
/// content="text/html; charset=big5">`, or `<?xml version="1.0" encoding="Shift_JIS"?>`.
/// A declared UTF-16 means UTF-8 (the bytes would have a BOM otherwise).
pub(crate) fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(DECLARATION_WINDOW)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"<?xml") {
        let end = memchr::memchr(b'>', &lower).unwrap_or(lower.len());
        if let Some(enc) = attribute_label(&lower[..end], b"encoding") {
            return Some(enc);
        }
    }
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&lower[from..], b"<meta") {
        let start = from + at + 5;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        if let Some(enc) = attribute_label(&lower[start..end], b"charset") {
            return Some(enc);
        }
        from = end;
    }
    None
}

/// The encoding named after `name` `=` in a tag (quoted or not, up to `;`, a quote, a space
/// or the end).
fn attribute_label(tag: &[u8], name: &[u8]) -> Option<&'static Encoding> {
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&tag[from..], name) {
        let mut i = from + at + name.len();
        from = i;
        while tag.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if tag.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while tag
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
        {
            i += 1;
        }
        let len = tag[i..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b';' | b'/'))
            .unwrap_or(tag.len() - i);
        let enc = Encoding::for_label_no_replacement(&tag[i..i + len])?;
        return Some(enc.output_encoding());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{BIG5, GBK, SHIFT_JIS, UTF_16LE, WINDOWS_1252};

    #[test]
    fn declarations_in_meta_and_xml() {
        let cases: &[(&[u8], Option<&'static Encoding>)] = &[
            (b"<html><head><meta charset=\"gbk\">", Some(GBK)),
            (b"<META CHARSET=Big5>", Some(BIG5)),
            (
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=shift_jis\">",
                Some(SHIFT_JIS),
            ),
            (
                b"<?xml version=\"1.0\" encoding='ISO-8859-1'?>",
                Some(WINDOWS_1252),
            ),
            (b"<meta charset=\"utf-16\">", Some(UTF_8)),
            (b"<meta name=\"charset-test\" content=\"x\">", None),
            (b"<meta charset=\"no-such-thing\">", None),
            (b"<p>no declaration</p>", None),
        ];
        for (bytes, want) in cases {
            assert_eq!(declared(bytes), *want, "{}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn bom_utf8_and_declared_encodings() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Tibet".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes, false).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Tibet", UTF_16LE));

        let d = decode("Tibet — Xinjiang".as_bytes(), true).unwrap();
        assert_eq!((d.encoding, d.lossy), (UTF_8, false));

        let (body, _, _) = WINDOWS_1252.encode("<meta charset=windows-1252><p>Caf\u{e9} Tibet</p>");
        let d = decode(&body, true).unwrap();
        assert_eq!(d.encoding, WINDOWS_1252);
        assert!(d.text.contains("Café"));
    }

    #[test]
    fn undeclared_chinese_is_guessed() {
        let sentence = "新疆维吾尔自治区的大规模拘押和强迫劳动问题引起国际社会的严重关切。";
        let (gbk, _, _) = GBK.encode(sentence);
        let d = decode(&gbk, false).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (sentence, GBK));
    }

    #[test]
    fn a_file_cut_mid_character_stays_utf8() {
        let mut bytes = "西藏和新疆的人权状况。".as_bytes().to_vec();
        bytes.pop();
        let d = decode(&bytes, false).unwrap();
        assert_eq!((d.encoding, d.lossy), (UTF_8, true));
        assert!(d.text.starts_with("西藏和新疆"));
    }

    #[test]
    fn garbage_is_an_error_not_an_empty_text() {
        // Lead bytes without trail bytes, in every multi-byte candidate.
        let bytes: Vec<u8> = (0..400)
            .map(|i| if i % 2 == 0 { 0x81 } else { 0x7F })
            .collect();
        let err = pick(&bytes, &[GBK, BIG5, UTF_8]).unwrap_err();
        assert!(err.contains("GBK, Big5, UTF-8"), "{err}");
        // The next candidate is tried when one fails.
        let d = pick(b"Caf\xe9", &[GBK, WINDOWS_1252]).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Caf\u{e9}", WINDOWS_1252));
    }

    #[test]
    fn binary_data_without_nul_bytes_is_not_text() {
        // A fixed pseudo-random byte stream, no NUL: Windows-1252 "decodes" it, into controls.
        let mut x = 0x2545_F491_u32;
        let bytes: Vec<u8> = (0..4096)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x % 255) as u8 + 1
            })
            .collect();
        let err = decode(&bytes, false).unwrap_err();
        assert!(err.contains("control characters"), "{err}");
        // Windows-1252 prose is text.
        let (prose, _, _) =
            WINDOWS_1252.encode("\u{201c}Caf\u{e9}\u{201d} na\u{ef}ve r\u{e9}sum\u{e9}\tTibet\r\n");
        assert_eq!(decode(&prose, false).unwrap().encoding, WINDOWS_1252);
    }
}
