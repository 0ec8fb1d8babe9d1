//! Finding words from the bytes: the word after a phrase separator or a pattern's inner
//! punctuation, the first bytes of the next word, apostrophes inside a word, and whether a span lies on word edges.

use super::tables::{second_lead_bit, LeadBits};
use crate::blocks::class_masks8;
use crate::normalize::{gap_char, is_phrase_separator, is_word_char, next_char, word_end};

/// The [`second_lead_bit`] of the word that follows the word ending at `end`, when it is
/// sure to be the next word's: one space, then an ASCII letter or digit, then ASCII, and
/// after a second letter or digit no non-ASCII byte (a non-ASCII byte may fold to anything,
/// or fold into the letter before it). 0 when no word can follow: the text ends, or
/// ASCII punctuation other than a dash comes next (`U.S.`, `Hong Kong,`).
#[inline(always)]
pub(crate) fn next_lead_bit(bytes: &[u8], end: usize) -> Option<LeadBits> {
    match bytes.get(end) {
        Some(b' ') => {}
        None => return Some(0),
        Some(&b) if (0x21..0x80).contains(&b) && b != b'-' => return Some(0),
        Some(_) => return None,
    }
    let b0 = *bytes.get(end + 1)?;
    if !b0.is_ascii_alphanumeric() {
        return None;
    }
    let b1 = bytes.get(end + 2).copied().unwrap_or(b' ');
    if b1 >= 0x80 {
        return None;
    }
    if b1.is_ascii_alphanumeric() && bytes.get(end + 3).is_some_and(|&b| b >= 0x80) {
        // a combining mark may follow and fold into the second letter (`a` + U+0301 = `á`)
        return None;
    }
    Some(second_lead_bit(
        b0,
        if b1.is_ascii_alphanumeric() { b1 } else { 0 },
    ))
}

/// The byte after the next apostrophe in `text[from..end]` past its first character (`end`
/// if there is none). The first character may be several bytes long (`éTeachers’keeps`).
pub(crate) fn after_apostrophe(text: &str, from: usize, end: usize) -> usize {
    let mut k = from + next_char(text, from).map_or(1, char::len_utf8);
    while k < end {
        match next_char(text, k) {
            Some(c) if crate::normalize::is_apostrophe(c) => return k + c.len_utf8(),
            Some(c) => k += c.len_utf8(),
            None => return end,
        }
    }
    end
}

/// The word that follows a phrase separator at `pos`, as found by [`next_word`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct NextWord {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) ascii: bool,
    pub(crate) apos: Option<usize>,
    /// ASCII letters and digits only: compared in place, without folding
    pub(crate) plain: bool,
}

/// The first position at or after `i` that is not an ASCII letter or digit, eight bytes at
/// a time.
#[inline]
pub(crate) fn ascii_word_end(bytes: &[u8], mut i: usize) -> usize {
    loop {
        let x = match bytes.get(i..i + 8) {
            Some(c) => {
                let mut a = [0u8; 8];
                a.copy_from_slice(c);
                u64::from_le_bytes(a)
            }
            None => {
                let mut a = [b' '; 8];
                let rest = &bytes[i.min(bytes.len())..];
                a[..rest.len()].copy_from_slice(rest);
                u64::from_le_bytes(a)
            }
        };
        let stop = !class_masks8(x).0 & 0xFF;
        if stop != 0 {
            return (i + stop.trailing_zeros() as usize).min(bytes.len());
        }
        i += 8;
    }
}

/// Skips one phrase separator run at `pos` (whitespace, dashes; at least one character) and
/// returns the word that starts after it, if a word starts there.
#[inline]
pub(crate) fn next_word(text: &str, mut pos: usize) -> Option<NextWord> {
    let bytes = text.as_bytes();
    let sep_start = pos;
    loop {
        match bytes.get(pos) {
            Some(b' ') => pos += 1,
            Some(&b) if !(0x20..0x80).contains(&b) || b == b'-' => match next_char(text, pos) {
                Some(c) if is_phrase_separator(c) => pos += c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    if pos == sep_start {
        return None;
    }
    word_at(text, pos)
}

/// Skips whitespace and dashes at `pos`, as many as there are (none too).
fn skip_separators(text: &str, mut pos: usize) -> usize {
    while let Some(c) = next_char(text, pos) {
        if !is_phrase_separator(c) {
            break;
        }
        pos += c.len_utf8();
    }
    pos
}

/// The end of the punctuation `gap` at `pos` (see [`gap_then_word`]), if it stands there.
pub(crate) fn after_punctuation(text: &str, mut pos: usize, gap: &str) -> Option<usize> {
    for want in gap.chars() {
        pos = skip_separators(text, pos);
        let c = next_char(text, pos)?;
        if gap_char(c) != want {
            return None;
        }
        pos += c.len_utf8();
    }
    Some(pos)
}

/// The word after the punctuation `gap` of a pattern (see [`crate::normalize::split_phrase`])
/// at `pos`: each of its characters in turn, as [`gap_char`] folds them, with separators
/// allowed before and after each (`J. Blinken`, `U.S.`, `BN(O)`).
#[inline(never)]
pub(crate) fn gap_then_word(text: &str, pos: usize, gap: &str) -> Option<NextWord> {
    let pos = after_punctuation(text, pos, gap)?;
    word_at(text, skip_separators(text, pos))
}

/// The word that starts at `pos`, if one does.
#[inline(always)]
fn word_at(text: &str, pos: usize) -> Option<NextWord> {
    let bytes = text.as_bytes();
    // the common case: ASCII letters and digits followed by ASCII other than an apostrophe
    let j = ascii_word_end(bytes, pos);
    if j > pos {
        let after = bytes.get(j).copied().unwrap_or(b' ');
        if after < 0x80 && after != b'\'' && after != b'`' && after != b'_' {
            return Some(NextWord {
                start: pos,
                end: j,
                ascii: true,
                apos: None,
                plain: true,
            });
        }
    }
    let c = next_char(text, pos)?;
    if !is_word_char(c) {
        return None;
    }
    let (end, ascii, apos) = word_end(text, pos);
    Some(NextWord {
        start: pos,
        end,
        ascii,
        apos,
        plain: ascii && apos.is_none(),
    })
}

/// Whether a regex match starts and ends on word edges.
pub(crate) fn on_word_edges(text: &str, start: usize, end: usize) -> bool {
    let first = next_char(text, start);
    let before = text[..start].chars().next_back();
    let last = text[..end].chars().next_back();
    let after = next_char(text, end);
    let starts_ok = !(first.is_some_and(is_word_char) && before.is_some_and(is_word_char));
    let ends_ok = !(last.is_some_and(is_word_char) && after.is_some_and(is_word_char));
    starts_ok && ends_ok
}
