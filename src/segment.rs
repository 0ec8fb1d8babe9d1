//! Sentences and words as byte spans of the original text.
//!
//! rightslens counts words and finds sentence boundaries in single passes over the bytes,
//! without building a token list.
//!
//! **Words.** A word is a maximal run of letters, digits and combining marks outside the CJK
//! scripts, with internal apostrophes (`China’s`, `Xi'an`); each Han, kana or Hangul
//! character counts as one word, as in Unicode word segmentation (UAX #29). On text made of
//! letters, spaces and common punctuation this equals
//! `unicode_words` of the [unicode-segmentation](https://docs.rs/unicode-segmentation) crate
//! (a property test checks it).
//!
//! **Sentences.** A sentence ends at `.`, `!` or `?` (after any closing quotes or brackets)
//! followed by whitespace and then something other than a lowercase letter, unless the word
//! before a `.` is a single letter or a common abbreviation (`Mr.`, `U.S.`, `No.`); at `。`,
//! `！`, `？`; at a blank line; and at a line break followed by anything but a lowercase letter
//! (headlines, list items, press-briefing turns). Whitespace-only spans are not sentences.
//!
//! # Examples
//!
//! ```
//! use rightslens::segment::{sentences, word_count};
//! let text = "Mr. Blinken raised Tibet. He also raised\nthe case of Jimmy Lai.\n\nNo reply.";
//! let spans: Vec<&str> = sentences(text).map(|s| &text[s.start..s.end]).collect();
//! assert_eq!(spans, ["Mr. Blinken raised Tibet.", "He also raised\nthe case of Jimmy Lai.", "No reply."]);
//! assert_eq!(word_count(text), 14);
//! ```

use crate::blocks::{byte_set_mask, BlockCursor, BLOCK};
use crate::normalize::{is_cjk, is_word_char, next_char, word_end};
use std::ops::Range;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "gen", "gov", "sen", "rep", "prof", "lt",
    "col", "capt", "mt", "vs", "etc", "inc", "co", "ltd", "corp", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "amb", "hon", "rev", "art", "para",
    "paras", "e.g", "i.e", "al", "fig", "vol", "pp", "approx", "est", "dept", "univ", "fr", "ven",
];

/// Counts the words of `text` (see the module docs for the definition).
///
/// # Examples
///
/// ```
/// assert_eq!(rightslens::segment::word_count("Free Tibet! 西藏"), 4);
/// ```
pub fn word_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut n = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                n += 1;
                i = word_end(text, i).0;
            } else {
                i += 1;
            }
            continue;
        }
        let Some(c) = next_char(text, i) else { break };
        if is_word_char(c) {
            n += 1;
            i = word_end(text, i).0;
        } else {
            if is_cjk(c) && c.is_alphanumeric() {
                n += 1;
            }
            i += c.len_utf8();
        }
    }
    n
}

/// Byte offsets where sentences start, plus `text.len()` as a final sentinel, so sentence `k`
/// spans `starts[k]..starts[k + 1]` (trailing whitespace included).
pub(crate) fn sentence_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    sentence_starts_into(text, &mut starts);
    starts
}

/// [`sentence_starts`] into a reused buffer (cleared first).
pub(crate) fn sentence_starts_into(text: &str, starts: &mut Vec<usize>) {
    starts.clear();
    let i = skip_space(text, 0);
    if i < text.len() {
        starts.push(i);
    }
    sentence_starts_after(text, i, text.len(), starts);
    starts.push(text.len());
}

/// The sentence starts after `from` (a sentence start of `text`, or where
/// [`sentence_starts_into`] begins), appended to `starts` until one at or past `until` has been
/// pushed or the text ends; no end sentinel. The starts are those [`sentence_starts_into`]
/// finds in the whole text: the walk reads `text` around them, not a slice of it, so a long
/// text can be segmented a stretch at a time.
pub(crate) fn sentence_starts_after(
    text: &str,
    from: usize,
    until: usize,
    starts: &mut Vec<usize>,
) {
    let bytes = text.as_bytes();
    let mut i = from;
    let mut ends = BlockCursor::new(bytes, end_mask);
    while i < until.min(bytes.len()) {
        i = ends.next_set(i, |&m| m);
        if i >= bytes.len() {
            break;
        }
        let b = bytes[i];
        let boundary_after = match b {
            // a run of . ! ? is decided once, at its first character (keeps long runs linear)
            b'.' | b'!' | b'?' if i > 0 && matches!(bytes[i - 1], b'.' | b'!' | b'?') => None,
            b'.' | b'!' | b'?' => terminal_punct(text, i),
            b'\n' => newline_break(text, i),
            0xE3 | 0xEF => {
                // 。 U+3002 = E3 80 82; ！ U+FF01 = EF BC 81; ？ U+FF1F = EF BC 9F
                match next_char(text, i) {
                    Some('\u{3002}' | '\u{FF01}' | '\u{FF1F}') => {
                        let mut j = i + 3;
                        while let Some(c) = next_char(text, j) {
                            if matches!(c, '”' | '」' | '』' | '）' | ')' | '"' | '’') {
                                j += c.len_utf8();
                            } else {
                                break;
                            }
                        }
                        Some(j)
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        match boundary_after {
            Some(j) => {
                let next = skip_space(text, j);
                if next < bytes.len() && starts.last() != Some(&next) {
                    starts.push(next);
                }
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
}

/// The bytes that may end a sentence: `.`, `!`, `?`, `\n`, and E3 and EF, the lead bytes of
/// `。` (E3 80 82), `！` (EF BC 81) and `？` (EF BC 9F).
const END_BYTES: [u8; 6] = [b'.', b'!', b'?', b'\n', 0xE3, 0xEF];

/// Bit k set where byte k of a block is one of [`END_BYTES`].
#[inline]
fn end_mask(block: &[u8; BLOCK]) -> u64 {
    byte_set_mask(block, &END_BYTES)
}

fn skip_space(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    // ASCII first: `char::is_whitespace` of an ASCII character is `is_ascii_whitespace` or
    // vertical tab (U+000B).
    while let Some(&b) = bytes.get(i) {
        if b >= 0x80 {
            break;
        }
        if !(b.is_ascii_whitespace() || b == 0x0B) {
            return i;
        }
        i += 1;
    }
    while let Some(c) = next_char(text, i) {
        if c.is_whitespace() {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// At `.`, `!` or `?` at byte `i`: the offset after the sentence end, if it is one.
fn terminal_punct(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut j = i + 1;
    // runs like "?!" or "..."
    while j < bytes.len() && matches!(bytes[j], b'.' | b'!' | b'?') {
        j += 1;
    }
    let run_end = j;
    while let Some(c) = next_char(text, j) {
        if matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»') {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    if j < bytes.len() {
        let c = next_char(text, j)?;
        if !c.is_whitespace() {
            return None;
        }
        let k = skip_space(text, j);
        if let Some(n) = next_char(text, k) {
            if n.is_lowercase() {
                return None;
            }
        }
    }
    if bytes[i..run_end].iter().all(|&b| b == b'.') && is_abbreviation(text, i) {
        return None;
    }
    Some(j)
}

/// Whether the word before the `.` at byte `dot` is a single letter or a known abbreviation.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let bytes = text.as_bytes();
    let mut s = dot;
    while s > 0 && (bytes[s - 1].is_ascii_alphabetic() || bytes[s - 1] == b'.') {
        s -= 1;
    }
    if s > 0 && bytes[s - 1] >= 0x80 {
        return false;
    }
    let w = &text[s..dot];
    if w.is_empty() {
        return false;
    }
    if w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase() {
        return true;
    }
    if w.contains('.') {
        // U.S, U.N, e.g
        return w.split('.').all(|p| p.len() <= 2);
    }
    is_listed_abbreviation(w)
}

/// Up to eight bytes as a little-endian number, ASCII letters lowercased (0 past the end).
const fn pack_lower(b: &[u8]) -> u64 {
    let mut x = 0u64;
    let mut k = 0;
    while k < b.len() && k < 8 {
        x |= (b[k].to_ascii_lowercase() as u64) << (8 * k);
        k += 1;
    }
    x
}

/// [`ABBREVIATIONS`] packed by [`pack_lower`] (all are at most eight bytes long).
const PACKED_ABBREVIATIONS: [u64; ABBREVIATIONS.len()] = {
    let mut out = [0u64; ABBREVIATIONS.len()];
    let mut k = 0;
    while k < ABBREVIATIONS.len() {
        assert!(ABBREVIATIONS[k].len() <= 8);
        out[k] = pack_lower(ABBREVIATIONS[k].as_bytes());
        k += 1;
    }
    out
};

/// Whether `w` is one of [`ABBREVIATIONS`], in any ASCII case: one comparison of numbers per
/// entry (this runs at nearly every full stop of a text).
fn is_listed_abbreviation(w: &str) -> bool {
    w.len() <= 8 && PACKED_ABBREVIATIONS.contains(&pack_lower(w.as_bytes()))
}

/// At a `\n` at byte `i`: the offset after it if the line break ends a sentence.
fn newline_break(text: &str, i: usize) -> Option<usize> {
    let mut j = i + 1;
    // blank line?
    while let Some(c) = next_char(text, j) {
        if c == '\n' {
            return Some(j + 1);
        }
        if c.is_whitespace() {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    match next_char(text, j) {
        None => Some(j),
        Some(c) if c.is_lowercase() => None,
        Some(_) => Some(i + 1),
    }
}

/// Iterator over the sentence spans of a text, created by [`sentences`].
#[derive(Debug, Clone)]
pub struct Sentences<'t> {
    text: &'t str,
    starts: Vec<usize>,
    k: usize,
}

impl Iterator for Sentences<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        while self.k + 1 < self.starts.len() {
            let (s, e) = (self.starts[self.k], self.starts[self.k + 1]);
            self.k += 1;
            let end = s + self.text[s..e].trim_end().len();
            if end > s {
                return Some(s..end);
            }
        }
        None
    }
}

/// The sentences of `text` as byte ranges without trailing whitespace.
///
/// The `k`-th item is sentence `k` of a report's hits (`Hit::sentence`).
///
/// # Examples
///
/// ```
/// let text = "Tibet was raised. So was Xinjiang.";
/// let s: Vec<_> = rightslens::segment::sentences(text).collect();
/// assert_eq!(&text[s[1].clone()], "So was Xinjiang.");
/// ```
pub fn sentences(text: &str) -> Sentences<'_> {
    Sentences {
        text,
        starts: sentence_starts(text),
        k: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_abbreviations_are_the_list() {
        for a in ABBREVIATIONS {
            assert!(is_listed_abbreviation(a));
            assert!(is_listed_abbreviation(&a.to_uppercase()));
            assert!(!is_listed_abbreviation(&format!("{a}x")));
            assert!(!is_listed_abbreviation(&a[1..]) || ABBREVIATIONS.contains(&&a[1..]));
        }
        for w in [
            "",
            "m",
            "mister",
            "approxim",
            "approximately",
            "Sept",
            "DEPT",
        ] {
            let listed = ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w));
            assert_eq!(is_listed_abbreviation(w), listed, "{w}");
        }
    }
    use unicode_segmentation::UnicodeSegmentation;

    fn spans(t: &str) -> Vec<&str> {
        sentences(t).map(|r| &t[r]).collect()
    }

    #[test]
    fn basic_sentences() {
        assert_eq!(spans("A b. C d! E f? G"), ["A b.", "C d!", "E f?", "G"]);
        assert_eq!(
            spans("The U.S. Secretary met Gen. Smith."),
            ["The U.S. Secretary met Gen. Smith."]
        );
        assert_eq!(
            spans("He said “stop.” Then left."),
            ["He said “stop.”", "Then left."]
        );
        assert_eq!(spans("西藏。新疆！香港"), ["西藏。", "新疆！", "香港"]);
        assert_eq!(
            spans("Title\nBody text here."),
            ["Title", "Body text here."]
        );
        assert_eq!(
            spans("wrapped line\ncontinues here."),
            ["wrapped line\ncontinues here."]
        );
        assert!(spans("   \n\n ").is_empty());
        assert_eq!(
            spans("3.5 percent rose. Next"),
            ["3.5 percent rose.", "Next"]
        );
    }

    proptest::proptest! {
        /// The block masks find every byte that may end a sentence, and nothing else, at
        /// any start, in blocks of any alignment and in the padded last block.
        #[test]
        fn end_bytes_are_found_from_every_start(
            bytes in proptest::collection::vec(proptest::sample::select(vec![
                b'.', b'!', b'?', b'\n', 0xE3, 0xEF, b' ', b'a', 0x80, 0x82, 0xBC, 0x2E | 0x80,
                0x0A | 0x80, 0x63, 0x6F,
            ]), 0..200),
        ) {
            let mut ends = BlockCursor::new(&bytes, end_mask);
            for i in 0..=bytes.len() {
                let want = (i..bytes.len()).find(|&k| END_BYTES.contains(&bytes[k]));
                proptest::prop_assert_eq!(ends.next_set(i, |&m| m), want.unwrap_or(bytes.len()));
            }
        }

        /// The ASCII fast path of `skip_space` changes nothing.
        #[test]
        fn skip_space_equals_char_loop(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                ' ', '\t', '\n', '\x0B', '\x0C', '\r', '\x1C', 'a', '.', '\u{85}', '\u{A0}',
                '\u{3000}', '\u{2028}', '西', 'é',
            ]), 0..24),
        ) {
            let text: String = chars.into_iter().collect();
            let mut i = 0;
            loop {
                let mut j = i;
                while let Some(c) = next_char(&text, j) {
                    if !c.is_whitespace() {
                        break;
                    }
                    j += c.len_utf8();
                }
                proptest::prop_assert_eq!(skip_space(&text, i), j);
                match next_char(&text, i) {
                    Some(c) => i += c.len_utf8(),
                    None => break,
                }
            }
        }
    }

    #[test]
    fn word_count_matches_uax29_on_plain_text() {
        for t in [
            "Hello, world. Tibet's people",
            "a b  c\nd-e",
            "Free Tibet! 西藏自治区",
            "",
        ] {
            assert_eq!(word_count(t), t.unicode_words().count(), "{t:?}");
        }
    }
}
