//! Checking the candidate patterns of a word in place, against the words that follow it,
//! longest first: the first candidate whose words and word boundaries hold wins.

use super::hash::word_hash;
use super::tables::{Cand, FirstWord, Gate, PREFIX_BUCKET};
use super::words::{after_punctuation, gap_then_word, next_lead_bit, next_word, NextWord};
use super::{Matcher, Pattern, RawMatch};
use crate::normalize::{fold_word, is_word_char, next_char, possessive_stem, word_end};

impl Matcher {
    /// Matches at the word `text[start..end]` of ASCII letters and digits, without copying it;
    /// `need` holds the word's [`Gate`] flags.
    #[inline]
    pub(crate) fn match_ascii_word(
        &self,
        text: &str,
        start: usize,
        end: usize,
        need: u32,
        scratch: &mut String,
    ) -> Option<RawMatch> {
        if need & Gate::LEAD != 0 {
            if let Some(m) = self.cjk_at_ascii_lead(text, start) {
                return Some(m);
            }
        }
        let bytes = text.as_bytes();
        if need & Gate::FIRST != 0 {
            if let Some(fw) = self.first.get_ascii(bytes, start, end) {
                if let Some(m) = self.word_candidates(fw, text, start, end, scratch) {
                    return Some(m);
                }
            }
        }
        if need & Gate::LEAD == 0 {
            return None;
        }
        // longest prefix first: those of the word's bucket, then the short ones
        let word = &bytes[start..end];
        let bucket = (word.len() >= PREFIX_BUCKET)
            .then(|| {
                self.prefixes
                    .buckets
                    .get_ascii(bytes, start, start + PREFIX_BUCKET)
            })
            .flatten();
        self.prefixes.first_match(
            bucket,
            |k| word.len() >= k.len() && word[..k.len()].eq_ignore_ascii_case(k),
            |ids| self.prefix_candidates(ids, text, start, end),
        )
    }

    /// The first candidate of first word `fw` that matches at the word `text[start..end]`.
    ///
    /// The common cases are decided here without a call: a single word whose case does not
    /// matter, and a word such as `in` or `for` whose longer candidates cannot go on with
    /// the next word's first two bytes.
    #[inline(always)]
    fn word_candidates(
        &self,
        fw: &FirstWord,
        text: &str,
        start: usize,
        end: usize,
        scratch: &mut String,
    ) -> Option<RawMatch> {
        let singles = if fw.n_multi == 0 {
            &fw.all[..]
        } else if !fw.punct
            && next_lead_bit(text.as_bytes(), end).is_some_and(|b| fw.second_leads & b == 0)
        {
            &fw.all[fw.n_multi as usize..]
        } else {
            return self.first_candidates(fw, text, start, end, scratch);
        };
        match singles.first() {
            None => None,
            Some(c) if !c.checked => Some(RawMatch {
                start,
                end,
                pattern: c.id,
            }),
            Some(_) => self.all_candidates(singles, text, start, end, scratch),
        }
    }

    /// [`Matcher::word_candidates`] when a candidate of two words or more may match.
    #[inline(never)]
    fn first_candidates(
        &self,
        fw: &FirstWord,
        text: &str,
        start: usize,
        end: usize,
        scratch: &mut String,
    ) -> Option<RawMatch> {
        if !fw.paired {
            return self.all_candidates(&fw.all, text, start, end, scratch);
        }
        // The word after this one decides which paired candidates are worth a look: those
        // listed under it, merged in rank order with the rest.
        let nw = next_word(text, end);
        let paired: &[Cand] = match nw {
            Some(nw) if nw.plain => self
                .pairs
                .get(fw.key, word_hash::<true>(text.as_bytes(), nw.start, nw.end)),
            None => &[],
            // a second word with apostrophes or non-ASCII letters: all candidates
            Some(_) => return self.all_candidates(&fw.all, text, start, end, scratch),
        };
        let mut next = Following { nw, third: None };
        by_rank(paired, &fw.rest)
            .find_map(|c| self.paired_candidate(c, &mut next, text, start, end, scratch))
    }

    /// Candidate `c` of [`Matcher::first_candidates`] at the word `text[start..end]`, followed
    /// by `next`.
    #[inline(always)]
    fn paired_candidate(
        &self,
        c: &Cand,
        next: &mut Following,
        text: &str,
        start: usize,
        end: usize,
        scratch: &mut String,
    ) -> Option<RawMatch> {
        if c.words == 1 && !c.checked {
            return Some(RawMatch {
                start,
                end,
                pattern: c.id,
            });
        }
        let p = &self.patterns[c.id as usize];
        if c.punct {
            // punctuation between the words: checked word by word
            let e = self.try_pattern(p, text, end, scratch)?;
            return self.case_ok(p, text, start, e).then_some(RawMatch {
                start,
                end: e,
                pattern: c.id,
            });
        }
        let Some(nw) = next.nw else {
            // no word follows: only a single word can match
            let single = c.words < 2 && self.case_ok(p, text, start, end) && !p.prefix_last;
            return single.then_some(RawMatch {
                start,
                end,
                pattern: c.id,
            });
        };
        if c.words >= 2 && nw.plain && !c.plain_second {
            // a plain word never folds to a word with other characters
            return None;
        }
        if c.third != 0 && nw.plain {
            // three words or more: most fail on the third, rejected by its hash
            match next.third_hash(text) {
                None => return None,
                Some(h) if h != 0 && h != c.third => return None,
                _ => {}
            }
        }
        if c.words == 2 && nw.plain && !c.checked {
            // two words, the second plain: compared in place, as `try_pattern` would
            let w = &text.as_bytes()[nw.start..nw.end];
            return plain_word_matches(w, p.tokens[1].as_bytes(), p.prefix_last).then_some(
                RawMatch {
                    start,
                    end: nw.end,
                    pattern: c.id,
                },
            );
        }
        let e = self.try_pattern(p, text, end, scratch)?;
        self.case_ok(p, text, start, e).then_some(RawMatch {
            start,
            end: e,
            pattern: c.id,
        })
    }

    /// The first candidate in `cands` (longest first) that matches at the word ending at
    /// `end`.
    #[inline]
    fn all_candidates(
        &self,
        cands: &[Cand],
        text: &str,
        start: usize,
        end: usize,
        scratch: &mut String,
    ) -> Option<RawMatch> {
        // The word after the first one, found and hashed once for all candidates: most
        // multi-word candidates fail on it, and are rejected without reading the pattern.
        let mut next: Option<Option<(NextWord, u64)>> = None;
        for c in cands {
            if c.words == 1 && !c.checked {
                return Some(RawMatch {
                    start,
                    end,
                    pattern: c.id,
                });
            }
            if c.words >= 2 && !c.punct {
                let nw = *next.get_or_insert_with(|| {
                    next_word(text, end).map(|nw| {
                        let h = if nw.plain {
                            word_hash::<true>(text.as_bytes(), nw.start, nw.end)
                        } else {
                            0
                        };
                        (nw, h)
                    })
                });
                let Some((nw, h)) = nw else { continue };
                if nw.plain && !c.check_second {
                    if h != c.second {
                        continue;
                    }
                    if c.words == 2 {
                        // two words, the second plain: confirmed here, without a second walk
                        let p = &self.patterns[c.id as usize];
                        let w = &text.as_bytes()[nw.start..nw.end];
                        if w.eq_ignore_ascii_case(p.tokens[1].as_bytes())
                            && self.case_ok(p, text, start, nw.end)
                        {
                            return Some(RawMatch {
                                start,
                                end: nw.end,
                                pattern: c.id,
                            });
                        }
                        continue;
                    }
                }
            }
            let p = &self.patterns[c.id as usize];
            if let Some(e) = self.try_pattern(p, text, end, scratch) {
                if self.case_ok(p, text, start, e) {
                    return Some(RawMatch {
                        start,
                        end: e,
                        pattern: c.id,
                    });
                }
            }
        }
        None
    }

    /// The first single-word prefix candidate in `ids` that matches `text[start..end]`.
    fn prefix_candidates(
        &self,
        ids: &[u32],
        text: &str,
        start: usize,
        end: usize,
    ) -> Option<RawMatch> {
        for &id in ids {
            let p = &self.patterns[id as usize];
            if self.case_ok(p, text, start, end) {
                return Some(RawMatch {
                    start,
                    end,
                    pattern: id,
                });
            }
        }
        None
    }

    /// Tries every candidate that starts with the word `text[start..end]` (folded `key`).
    pub(crate) fn match_at(
        &self,
        text: &str,
        start: usize,
        end: usize,
        apos: Option<usize>,
        key: &str,
        scratch: &mut String,
    ) -> Option<RawMatch> {
        if let Some(fw) = self.first.get(key.as_bytes()) {
            if let Some(m) = self.word_candidates(fw, text, start, end, scratch) {
                return Some(m);
            }
        }
        // possessive: the first word alone, without its 's
        if let Some(stem) = possessive_stem(key) {
            if let (Some(fw), Some(a)) = (self.first.get(stem.as_bytes()), apos) {
                for c in fw.all.iter() {
                    let p = &self.patterns[c.id as usize];
                    if p.tokens.len() == 1
                        && !p.prefix_last
                        && p.gaps.is_none()
                        && self.case_ok(p, text, start, a)
                    {
                        return Some(RawMatch {
                            start,
                            end: a,
                            pattern: c.id,
                        });
                    }
                }
            }
        }
        // single-word prefixes, longest prefix first
        let e = match (possessive_stem(key), apos) {
            (Some(_), Some(a)) => a,
            _ => end,
        };
        let key = key.as_bytes();
        let bucket = (key.len() >= PREFIX_BUCKET)
            .then(|| self.prefixes.buckets.get(&key[..PREFIX_BUCKET]))
            .flatten();
        self.prefixes.first_match(
            bucket,
            |k| key.starts_with(k),
            |ids| self.prefix_candidates(ids, text, start, e),
        )
    }

    /// Checks tokens `1..` of `p` after the first word, which ends at `end`, and the
    /// punctuation that must follow the words: returns the end of the match.
    fn try_pattern(&self, p: &Pattern, text: &str, end: usize, buf: &mut String) -> Option<usize> {
        let e = self.try_words(p, text, end, buf)?;
        match p.gaps.as_deref().and_then(|g| g.last()) {
            Some(tail) if !tail.is_empty() => after_punctuation(text, e, tail),
            _ => Some(e),
        }
    }

    /// [`Matcher::try_pattern`] without the punctuation after the last word.
    fn try_words(&self, p: &Pattern, text: &str, end: usize, buf: &mut String) -> Option<usize> {
        let n = p.tokens.len();
        if n == 1 {
            return if p.prefix_last { None } else { Some(end) };
        }
        let bytes = text.as_bytes();
        let mut pos = end;
        for (k, tok) in p.tokens.iter().enumerate().skip(1) {
            let nw = match p.gaps.as_deref().map(|g| &*g[k - 1]) {
                Some(gap) if !gap.is_empty() => gap_then_word(text, pos, gap)?,
                _ => next_word(text, pos)?,
            };
            let (pos_w, we, ascii, apos) = (nw.start, nw.end, nw.ascii, nw.apos);
            pos = pos_w;
            let last = k == n - 1;
            let tok = tok.as_bytes();
            if ascii && apos.is_none() {
                // plain ASCII word: compare in place
                let w = &bytes[pos..we];
                if !last {
                    if !w.eq_ignore_ascii_case(tok) {
                        return None;
                    }
                    pos = we;
                    continue;
                }
                return plain_word_matches(w, tok, p.prefix_last).then_some(we);
            }
            fold_word(&text[pos..we], ascii, buf);
            if !last {
                if buf.as_bytes() != tok {
                    return None;
                }
                pos = we;
                continue;
            }
            if buf.as_bytes() == tok && !p.prefix_last {
                return Some(we);
            }
            let stem = possessive_stem(buf);
            if let (Some(stem), Some(a)) = (stem, apos) {
                if p.prefix_last && stem.as_bytes().starts_with(tok) || stem.as_bytes() == tok {
                    return Some(a);
                }
            }
            if p.prefix_last && buf.as_bytes().starts_with(tok) {
                return Some(we);
            }
            return None;
        }
        None
    }

    /// Whether the words of `text[start..end]` are those of a case-sensitive pattern as
    /// written (any text passes a pattern whose case does not matter).
    fn case_ok(&self, p: &Pattern, text: &str, start: usize, end: usize) -> bool {
        let Some(words) = &p.case else { return true };
        let span = &text[start..end];
        let mut k = 0;
        let mut i = 0;
        while i < span.len() {
            let Some(c) = next_char(span, i) else { break };
            if is_word_char(c) {
                let (e, _, _) = word_end(span, i);
                let Some(w) = words.get(k) else { return false };
                let got = &span[i..e];
                let last = k + 1 == words.len();
                let ok = if p.prefix_last && last {
                    got.starts_with(&**w)
                } else {
                    got == &**w
                };
                if !ok {
                    return false;
                }
                k += 1;
                i = e;
            } else {
                i += c.len_utf8();
            }
        }
        k == words.len()
    }
}

/// The word after a first word, and the hash of the one after it (0: not plain), found once
/// when a candidate first needs it.
struct Following {
    nw: Option<NextWord>,
    third: Option<Option<u64>>,
}

impl Following {
    /// The hash of the third word (`None`: no third word; 0: not plain).
    #[inline]
    fn third_hash(&mut self, text: &str) -> Option<u64> {
        let nw = self.nw?;
        *self.third.get_or_insert_with(|| {
            next_word(text, nw.end).map(|w| {
                if w.plain {
                    word_hash::<true>(text.as_bytes(), w.start, w.end)
                } else {
                    0
                }
            })
        })
    }
}

/// The candidates of two lists, each in rank order, merged in rank order (ties: `b` first).
#[inline]
fn by_rank<'c>(a: &'c [Cand], b: &'c [Cand]) -> impl Iterator<Item = &'c Cand> {
    let (mut a, mut b) = (a.iter().peekable(), b.iter().peekable());
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(x), Some(y)) if x.rank < y.rank => a.next(),
        (Some(_), None) => a.next(),
        (_, Some(_)) => b.next(),
        (None, None) => None,
    })
}

/// Whether a word of ASCII letters and digits matches a folded token, whole or (`prefix`)
/// as its start.
#[inline(always)]
fn plain_word_matches(w: &[u8], tok: &[u8], prefix: bool) -> bool {
    if prefix {
        w.len() >= tok.len() && w[..tok.len()].eq_ignore_ascii_case(tok)
    } else {
        w.eq_ignore_ascii_case(tok)
    }
}
