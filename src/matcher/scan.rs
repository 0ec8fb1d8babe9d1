//! The walk over the words of a text: each word is tested, looked up and its candidates
//! checked in place (see [`super::candidates`]); CJK variants are checked at CJK characters;
//! regex variants run afterwards near the literals the walk noted.

use super::regexes::Site;
use super::tables::{cjk_key, is_cjk_letter, Gate};
use super::{Matcher, RawMatch, ScanStats};
use crate::blocks::{word_masks, BlockCursor};
use crate::matcher::hash::load;
use crate::matcher::words::after_apostrophe;
use crate::normalize::{fold_word, is_cjk, is_word_char, next_char, word_end};

/// What a scan carries from word to word.
struct Walk<'t, 'o> {
    text: &'t str,
    out: &'o mut Vec<RawMatch>,
    /// words seen
    words: usize,
    /// end of the last match: no match starts before it
    skip_until: usize,
    /// the folded word (words that are not plain ASCII)
    key: String,
    /// folded words after the first
    scratch: String,
    /// where the word scan saw the head of a regex literal
    sites: Vec<Site>,
}

impl Walk<'_, '_> {
    /// Keeps a match, if there is one; no later match starts inside it.
    #[inline(always)]
    fn keep(&mut self, m: Option<RawMatch>) {
        if let Some(m) = m {
            self.skip_until = m.end;
            self.out.push(m);
        }
    }
}

impl Matcher {
    /// Finds all non-overlapping matches in `text`, leftmost-longest, and counts words.
    pub(crate) fn scan(&self, text: &str, out: &mut Vec<RawMatch>) -> ScanStats {
        out.clear();
        let mut w = Walk {
            text,
            out,
            words: 0,
            skip_until: 0,
            key: String::new(),
            scratch: String::new(),
            sites: Vec::new(),
        };
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut blocks = BlockCursor::new(bytes, word_masks);
        let mut i = 0;
        loop {
            // the next byte that is not ASCII punctuation or space (apostrophes included)
            i = blocks.next_set(i, |m| m.interesting);
            if i >= n {
                break;
            }
            let b = bytes[i];
            if b == b'\'' || b == b'`' {
                i += 1;
                continue;
            }
            if b < 0x80 && b != b'_' {
                // The common case: a word of ASCII letters and digits followed by ASCII that
                // is not an apostrophe or a low line, its end found in the byte-class masks.
                // (A low line joins words, UAX #29: `Tibet_Watch` is one word, folded below.)
                let j = blocks.next_set(i + 1, |m| !m.alnum);
                let after = bytes.get(j).copied().unwrap_or(b' ');
                if after < 0x80 && after != b'\'' && after != b'`' && after != b'_' {
                    self.plain_word(&mut w, i, j);
                    i = j;
                    continue;
                }
            } else {
                let Some(c) = next_char(text, i) else { break };
                if !is_word_char(c) {
                    self.other_char(&mut w, i, c);
                    i += c.len_utf8();
                    continue;
                }
            }
            i = self.folded_word(&mut w, i);
        }
        if let Some(rv) = &self.regexes {
            let before = w.out.len();
            rv.scan(text, &w.sites, w.out);
            if w.out.len() > before {
                merge_overlaps(w.out);
            }
        }
        ScanStats { words: w.words }
    }

    /// The word `text[i..j]` of ASCII letters and digits, followed by ASCII that is not an
    /// apostrophe: matched from the raw bytes.
    #[inline(always)]
    fn plain_word(&self, w: &mut Walk<'_, '_>, i: usize, j: usize) {
        let bytes = w.text.as_bytes();
        w.words += 1;
        // the gate rules out most words that start nothing, with one branch (not one per
        // kind of variant, which would be mispredicted on every other word), and tells what
        // to look up for the rest
        let need = self
            .gate
            .test(load::<true>(bytes, i, (j - i).min(8)), j - i);
        if need == 0 {
            return;
        }
        if need & Gate::LEAD != 0 {
            if let Some(rv) = &self.regexes {
                if rv.may_trigger(bytes, i, j - i) {
                    rv.note_word(bytes, i, &mut w.sites);
                }
            }
        }
        if i >= w.skip_until {
            let m = self.match_ascii_word(w.text, i, j, need, &mut w.scratch);
            w.keep(m);
        }
    }

    /// A character at `i` that is not part of a word: CJK variants may start there.
    #[inline(always)]
    fn other_char(&self, w: &mut Walk<'_, '_>, i: usize, c: char) {
        if is_cjk(c) && is_cjk_letter(c) {
            w.words += 1;
        }
        // CJK variants start at a CJK character, or at the opening quote of a quoted form
        // (“藏独”, 「藏獨」, which the bare characters would not isolate: 收藏独特 holds 藏独);
        // other characters are ruled out with one bit test
        if !self.cjk.is_empty() && i >= w.skip_until && self.may_start_cjk(c) {
            let m = self.cjk_at(w.text, i, c);
            w.keep(m);
        }
    }

    /// Any other word at `i` (non-ASCII letters, apostrophes): found, folded and looked up.
    /// Returns its end.
    #[inline(always)]
    fn folded_word(&self, w: &mut Walk<'_, '_>, i: usize) -> usize {
        let text = w.text;
        let (end, ascii, apos) = word_end(text, i);
        // low lines and apostrophes alone are no word (UAX #29 words hold a letter or digit;
        // `rightslens::segment` starts a word only at one)
        if text.as_bytes()[i] != b'_'
            || text[i..end].chars().any(|c| {
                c.is_ascii_alphanumeric() || (!c.is_ascii() && crate::normalize::is_word_char(c))
            })
        {
            w.words += 1;
        }
        if let Some(rv) = &self.regexes {
            // the word itself, and what follows each apostrophe inside it: a regex match may
            // start there (`Teachers’Professional`), its edge being the apostrophe
            let mut k = i;
            while k < end {
                if rv.may_trigger(text.as_bytes(), k, end - k) {
                    rv.note_word(text.as_bytes(), k, &mut w.sites);
                }
                match apos {
                    Some(_) => k = after_apostrophe(text, k, end),
                    None => break,
                }
            }
        }
        if i >= w.skip_until {
            let m = self.cjk_at_ascii_lead(text, i);
            w.keep(m);
        }
        if i >= w.skip_until {
            fold_word(&text[i..end], ascii, &mut w.key);
            let m = self.match_at(text, i, end, apos, &w.key, &mut w.scratch);
            w.keep(m);
        }
        end
    }

    /// A CJK variant that starts with the ASCII letter or digit at byte `i` (`709大抓捕`).
    #[inline]
    pub(crate) fn cjk_at_ascii_lead(&self, text: &str, i: usize) -> Option<RawMatch> {
        let lead = text.as_bytes()[i];
        if self.cjk_ascii[lead as usize] {
            self.cjk_at(text, i, char::from(lead.to_ascii_lowercase()))
        } else {
            None
        }
    }

    /// Whether some CJK variant may start with `c` (no false negatives).
    #[inline]
    fn may_start_cjk(&self, c: char) -> bool {
        let bit = c as usize & 0xFFFF;
        self.cjk_first[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// The longest CJK variant that starts at byte `i`, whose first character is `c`.
    fn cjk_at(&self, text: &str, i: usize, c: char) -> Option<RawMatch> {
        let key = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            c
        };
        if !self.may_start_cjk(key) {
            return None;
        }
        // variants of two or more characters are listed under their first two, so only
        // those whose second character is the text's are compared; then one-character ones
        // (the characters a list's forms are known to start with are not compared again)
        let n1 = c.len_utf8();
        let second = next_char(text, i + n1)
            .map(|c| c.to_ascii_lowercase())
            .filter(|&c| c != '\0');
        let longer = second.map_or((&[][..], 0), |s| {
            (self.cjk.get(cjk_key(key, s)), n1 + s.len_utf8())
        });
        let lists = [longer, (self.cjk.get(cjk_key(key, '\0')), n1)];
        let rest = &text.as_bytes()[i..];
        for (list, known) in lists {
            for &id in list {
                let form = self.patterns[id as usize].tokens[0].as_bytes();
                if rest.len() >= form.len()
                    && rest[known..form.len()].eq_ignore_ascii_case(&form[known..])
                {
                    return Some(RawMatch {
                        start: i,
                        end: i + form.len(),
                        pattern: id,
                    });
                }
            }
        }
        None
    }
}

/// Sorts matches by start (longer first on ties) and drops those that overlap an earlier one.
fn merge_overlaps(v: &mut Vec<RawMatch>) {
    v.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut last_end = 0;
    let mut first = true;
    v.retain(|m| {
        if first || m.start >= last_end {
            first = false;
            last_end = m.end;
            true
        } else {
            false
        }
    });
}
