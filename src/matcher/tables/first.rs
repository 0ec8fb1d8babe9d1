//! The candidates of a first word: every pattern listed under the folded word it starts
//! with, with what it takes to reject it on the next words without reading the pattern.

use crate::matcher::hash::word_hash;
use crate::matcher::Pattern;

/// A pattern as listed under its first word, with what it takes to reject it on the second
/// word without reading the pattern itself.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cand {
    pub(crate) id: u32,
    /// position in its first word's list of all candidates (the order that decides)
    pub(crate) rank: u32,
    /// number of words; 0 for a single-word prefix pattern
    pub(crate) words: u32,
    /// `word_hash` of the second word (multi-word patterns whose second word is matched whole)
    pub(crate) second: u64,
    /// the second word must be checked in full (it is a prefix, or has non-ASCII letters)
    pub(crate) check_second: bool,
    /// the second word is ASCII letters and digits only (no other can match a plain word)
    pub(crate) plain_second: bool,
    /// the pattern needs [`crate::matcher::Matcher`]'s full check even as a single word: it is
    /// case-sensitive, or punctuation must follow its words
    pub(crate) checked: bool,
    /// `word_hash` of the third word when it is plain and matched whole, else 0
    pub(crate) third: u64,
    /// punctuation stands between some of its words: checked in full, word by word
    pub(crate) punct: bool,
}

/// The candidate patterns of one first word.
#[derive(Debug)]
pub(crate) struct FirstWord {
    /// this word's number in [`super::PairTable`] keys
    pub(crate) key: u32,
    /// all candidates, longest first: the first that matches wins
    pub(crate) all: Box<[Cand]>,
    /// the candidates not listed in `Matcher::pairs` (single words, and patterns whose
    /// second word is checked in full), in the same order
    pub(crate) rest: Box<[Cand]>,
    /// whether some candidate is listed in `Matcher::pairs`
    pub(crate) paired: bool,
    /// candidates of two words or more (they come first in `all`)
    pub(crate) n_multi: u32,
    /// bit per [`second_lead_bit`] of the second words of the candidates of two words or
    /// more (all bits when one of them is a one-byte prefix)
    pub(crate) second_leads: LeadBits,
    /// some candidate has punctuation between its words (`Antony J. Blinken`): the next
    /// word's first bytes cannot rule the longer candidates out
    pub(crate) punct: bool,
}

/// A bit of [`FirstWord::second_leads`]: of the first two bytes of a second word, ASCII
/// letters lowercased (`b1` is 0 when the second byte is not an ASCII letter or digit).
#[inline(always)]
pub(crate) fn second_lead_bit(b0: u8, b1: u8) -> LeadBits {
    let x = ((b0 | 0x20) as u32) << 8 | (b1 | 0x20) as u32;
    1 << (x.wrapping_mul(0x9E37_79B1) >> 25)
}

/// The set of [`second_lead_bit`]s: 128 bits, so that a first word with many second words
/// (a surname before thousands of given names, as a registry brings) still rules out most
/// words that follow it in ordinary text (`he said`, `he was`).
pub(crate) type LeadBits = u128;

/// The candidate record of pattern `id` under its first word.
pub(crate) fn cand(id: u32, rank: u32, p: &Pattern) -> Cand {
    let plain = |t: &[u8]| t.iter().all(u8::is_ascii_alphanumeric);
    let second = p.tokens.get(1).map(|t| t.as_bytes());
    let plain_second = second.is_some_and(plain);
    let punct = p.gaps.is_some();
    let third = p
        .tokens
        .get(2)
        .map(|t| t.as_bytes())
        .filter(|t| plain(t) && !(p.prefix_last && p.tokens.len() == 3) && !punct);
    Cand {
        plain_second,
        third: third.map_or(0, |t| word_hash::<false>(t, 0, t.len())),
        id,
        rank,
        words: p.tokens.len() as u32,
        second: second.map_or(0, |t| word_hash::<false>(t, 0, t.len())),
        // a prefix second word, or one that no plain ASCII word folds to: checked in full
        check_second: (p.prefix_last && p.tokens.len() == 2) || !plain_second || punct,
        checked: p.case.is_some() || punct,
        punct,
    }
}
