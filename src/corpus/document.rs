//! One document file's bytes to the text that is classified: binary check, encoding, and
//! for web pages the main content. Corpus runs, `explain` and `compare` all read files
//! through [`document_text`], so the same page gives the same text and the same offsets.

use super::encoding::decode;
use super::html::main_text;
use super::source::BINARY_PROBE;
use super::{Reason, ReasonKind};
use std::path::Path;

/// How the bytes of a document file are read.
///
/// # Examples
///
/// ```
/// use rightslens::corpus::Markup;
/// assert_eq!(Markup::of_path("news/page.HTM".as_ref()), Markup::Html);
/// assert_eq!(Markup::of_path("notes.txt".as_ref()), Markup::Plain);
/// assert_eq!(Markup::sniff(b"  <!DOCTYPE html><html>"), Markup::Html);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// Plain text (or Markdown): classified as it is.
    Plain,
    /// An HTML page: its main content is classified (see [`html_main_text`](crate::corpus::html_main_text)).
    Html,
}

impl Markup {
    /// `Html` for `.html`, `.htm` and `.xhtml` files, else `Plain`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(rightslens::corpus::Markup::of_path("a.xhtml".as_ref()), rightslens::corpus::Markup::Html);
    /// ```
    pub fn of_path(path: &Path) -> Markup {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("html" | "htm" | "xhtml") => Markup::Html,
            _ => Markup::Plain,
        }
    }

    /// `Html` when the bytes start (after white space and a byte order mark) with
    /// `<!doctype html` or `<html`, for input without a file name (standard input).
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::corpus::Markup;
    /// assert_eq!(Markup::sniff(b"<HTML><body>Tibet</body>"), Markup::Html);
    /// assert_eq!(Markup::sniff(b"<b>Tibet</b> in plain text"), Markup::Plain);
    /// ```
    pub fn sniff(bytes: &[u8]) -> Markup {
        let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let start = b
            .iter()
            .position(|c| !c.is_ascii_whitespace())
            .unwrap_or(b.len());
        let head: Vec<u8> = b[start..]
            .iter()
            .take(14)
            .map(u8::to_ascii_lowercase)
            .collect();
        if head.starts_with(b"<!doctype html") || head.starts_with(b"<html") {
            Markup::Html
        } else {
            Markup::Plain
        }
    }
}

/// The text of a document file, as it is classified.
///
/// # Examples
///
/// ```
/// use rightslens::corpus::{document_text, Markup};
/// let t = document_text("Tibet".as_bytes(), Markup::Plain)?;
/// assert_eq!((t.text.as_str(), t.encoding, t.lossy), ("Tibet", "UTF-8", false));
/// # Ok::<(), rightslens::corpus::Reason>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DocumentText {
    /// The text (for a web page, its title and main content); report offsets refer to it.
    pub text: String,
    /// The encoding the bytes were decoded from (a WHATWG Encoding Standard name: `UTF-8`,
    /// `GBK`, `Big5`, `Shift_JIS`, `windows-1252`...).
    pub encoding: &'static str,
    /// Malformed bytes were replaced by U+FFFD.
    pub lossy: bool,
}

/// Reads the bytes of one document file as a corpus run does.
///
/// A NUL byte in the first 8 KiB means binary (unless a UTF-16 byte order mark says
/// otherwise). The encoding comes from a byte order mark, else UTF-8 if the bytes are UTF-8,
/// else from a web page's `<meta charset>` / `http-equiv` declaration, else from a guess
/// (`chardetng`), so that pages and files in GBK, GB18030, Big5, Shift_JIS or Windows-1252
/// read as what they say. A web page then gives its title and main content
/// ([`html_main_text`](crate::corpus::html_main_text)).
///
/// # Errors
///
/// A [`Reason`]: [`ReasonKind::Binary`], [`ReasonKind::Undecodable`] (more than 2% of the
/// characters malformed in every encoding tried; the message names them), or
/// [`ReasonKind::Empty`] (no bytes, or a page without visible text).
///
/// # Examples
///
/// ```
/// use rightslens::corpus::{document_text, Markup};
/// // "新疆" (Xinjiang) in GBK, on a page that says so.
/// let mut page = b"<html><head><meta charset=\"gbk\"><title>T</title></head><body><p>".to_vec();
/// page.extend_from_slice(&[0xD0, 0xC2, 0xBD, 0xAE]);
/// page.extend_from_slice(b"</p></body></html>");
/// let t = document_text(&page, Markup::Html)?;
/// assert_eq!((t.text.as_str(), t.encoding), ("T\n\n新疆", "GBK"));
/// # Ok::<(), rightslens::corpus::Reason>(())
/// ```
pub fn document_text(bytes: &[u8], markup: Markup) -> Result<DocumentText, Reason> {
    if bytes.is_empty() {
        return Err(Reason::new(ReasonKind::Empty, "empty file"));
    }
    let utf16 = matches!(bytes, [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..]);
    if !utf16 {
        if let Some(at) = memchr::memchr(0, &bytes[..bytes.len().min(BINARY_PROBE)]) {
            return Err(Reason::new(
                ReasonKind::Binary,
                format!("binary file (NUL byte at offset {at})"),
            ));
        }
    }
    let decoded = decode(bytes, markup == Markup::Html)
        .map_err(|m| Reason::new(ReasonKind::Undecodable, m))?;
    let text = match markup {
        Markup::Plain => decoded.text,
        Markup::Html => {
            let t = main_text(&decoded.text);
            if t.is_empty() {
                return Err(Reason::new(
                    ReasonKind::Empty,
                    "no visible text in the HTML",
                ));
            }
            t
        }
    };
    Ok(DocumentText {
        text,
        encoding: decoded.encoding.name(),
        lossy: decoded.lossy,
    })
}

/// [`document_text`] taking the bytes by value: a plain-text file that is UTF-8 already
/// (no byte order mark, no NUL byte in its first 8 KiB) becomes its text without a copy, so
/// a large file is held once, not twice. Anything else goes through [`document_text`].
pub(crate) fn document_text_owned(bytes: Vec<u8>, markup: Markup) -> Result<DocumentText, Reason> {
    let plain_utf8_candidate = markup == Markup::Plain
        && !bytes.is_empty()
        && !bytes.starts_with(b"\xEF\xBB\xBF")
        && !matches!(bytes[..], [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..])
        && memchr::memchr(0, &bytes[..bytes.len().min(BINARY_PROBE)]).is_none();
    if !plain_utf8_candidate {
        return document_text(&bytes, markup);
    }
    match crate::blocks::string_from_utf8(bytes) {
        Ok(text) => Ok(DocumentText {
            text,
            encoding: "UTF-8",
            lossy: false,
        }),
        Err(bytes) => document_text(&bytes, markup),
    }
}

/// Whether the start of a JSON Lines file reads as gold labels rather than documents: every
/// complete line of `head` is a JSON object (or blank) and none has `text_field`. Returns how
/// many records were looked at, or `None` for documents (or anything else).
///
/// Corpus runs skip such a file in a folder ([`ReasonKind::LabelFile`]); `explain` and
/// `compare` refuse it with the same notice. Only complete lines are judged: pass the first
/// few KiB of a large file.
///
/// # Examples
///
/// ```
/// use rightslens::corpus::label_records;
/// let labels = b"{\"id\": \"017\", \"topics\": [\"tibet\"]}\n{\"id\": \"018\", \"topics\": []}\n";
/// assert_eq!(label_records(labels, "text"), Some(2));
/// assert_eq!(label_records(b"{\"id\": 1, \"text\": \"Tibet\"}\n", "text"), None);
/// ```
pub fn label_records(head: &[u8], text_field: &str) -> Option<usize> {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let complete = match memchr::memrchr(b'\n', head) {
        Some(i) => &head[..i],
        None => head,
    };
    let mut n = 0;
    for line in complete.split(|&b| b == b'\n') {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let map: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(line).ok()?;
        if map.contains_key(text_field) {
            return None;
        }
        n += 1;
    }
    (n > 0).then_some(n)
}

/// The notice for a label file (the message of its [`ReasonKind::LabelFile`] record).
pub(crate) fn label_notice(n: usize, text_field: &str) -> String {
    format!("label file, not documents: none of its first {n} records has a \"{text_field}\" field")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_files_are_told_from_documents() {
        let labels =
            b"{\"id\": \"017\", \"topics\": [\"tibet\"]}\n\n{\"id\": \"018\", \"topics\": []}\n";
        assert_eq!(label_records(labels, "text"), Some(2));
        assert_eq!(
            label_records(b"{\"id\": 1}\n{\"id\": 2, \"text\": \"x\"}\n", "text"),
            None
        );
        assert_eq!(label_records(b"not json\n", "text"), None);
        assert_eq!(label_records(b"", "text"), None);
        // An incomplete last line is not judged.
        assert_eq!(
            label_records(b"{\"id\": 1}\n{\"text\": \"cut", "text"),
            Some(1)
        );
    }

    #[test]
    fn binary_and_empty_bytes_are_reasons() {
        let e = document_text(b"Tibet\x00", Markup::Plain).unwrap_err();
        assert_eq!(e.kind, ReasonKind::Binary);
        let e = document_text(b"", Markup::Plain).unwrap_err();
        assert_eq!(e.kind, ReasonKind::Empty);
        let e = document_text(b"<script>x</script>", Markup::Html).unwrap_err();
        assert_eq!(e.kind, ReasonKind::Empty);
    }

    #[test]
    fn bytes_by_value_read_as_by_reference() {
        let gbk_page =
            b"<html><head><meta charset=\"gbk\"></head><body><p>\xD0\xC2\xBD\xAE</p></body></html>";
        let inputs: [(&[u8], Markup); 8] = [
            (b"Tibet and Xinjiang", Markup::Plain),
            ("西藏 Tibet".as_bytes(), Markup::Plain),
            (b"\xEF\xBB\xBFTibet", Markup::Plain),
            (b"\xFF\xFET\x00i\x00", Markup::Plain),
            (b"Caf\xe9 Tibet", Markup::Plain),
            (b"Tibet\x00", Markup::Plain),
            (b"", Markup::Plain),
            (gbk_page, Markup::Html),
        ];
        for (bytes, markup) in inputs {
            assert_eq!(
                document_text_owned(bytes.to_vec(), markup),
                document_text(bytes, markup),
                "{bytes:?}"
            );
        }
    }
}
