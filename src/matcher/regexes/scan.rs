//! Running the regex variants over a text: at the windows the literals open (noted by the
//! word scanner or found by the literal searcher), then the residual alternation.

use super::analysis::trigger_bit;
use super::{pair_key, RegexVariants, Site};
use crate::matcher::words::on_word_edges;
use crate::matcher::RawMatch;
use regex_automata::{meta, Anchored, Input};

impl RegexVariants {
    /// Whether the word starting at byte `i` of `bytes` (`len` bytes long) may start with the
    /// head of a trigger.
    #[inline(always)]
    pub(crate) fn may_trigger(&self, bytes: &[u8], i: usize, len: usize) -> bool {
        if len < 2 {
            return false;
        }
        let (b0, b1) = (
            bytes[i].to_ascii_lowercase(),
            bytes[i + 1].to_ascii_lowercase(),
        );
        let pi = ((b0 as usize) << 8) | b1 as usize;
        if self.trigger_pair[pi / 64] & (1 << (pi % 64)) != 0 {
            return true;
        }
        if len < 3 {
            return false;
        }
        let b = trigger_bit(b0, b1, bytes[i + 2].to_ascii_lowercase());
        self.trigger_three[b / 64] & (1 << (b % 64)) != 0
    }

    /// Notes the literals whose heads start the word at byte `i`.
    #[cold]
    pub(crate) fn note_word(&self, bytes: &[u8], i: usize, sites: &mut Vec<Site>) {
        let w = &bytes[i..];
        // the word's first eight bytes, ASCII letters lowercased (heads are lowercase)
        let mut a = [0u8; 8];
        let n = w.len().min(8);
        a[..n].copy_from_slice(&w[..n]);
        let lower = a.map(|b| b.to_ascii_lowercase());
        let w8 = u64::from_le_bytes(lower);
        // only the triggers whose heads start with the word's first two bytes
        let key = pair_key(&lower[..n.min(2)]);
        let from = self.trigger_keys.partition_point(|&k| k < key);
        let to = from + self.trigger_keys[from..].partition_point(|&k| k == key);
        for t in &self.triggers[from..to] {
            if w8 & t.mask8 == t.head8
                && w.len() >= t.head.len()
                && w[..t.head.len()].eq_ignore_ascii_case(&t.head)
                && i >= t.skip
            {
                sites.push((i - t.skip, t.lit));
            }
        }
    }

    /// Appends the matches of all regex variants in `text` to `out` (not merged); `sites`
    /// are the trigger sites the word scanner noted.
    pub(crate) fn scan(&self, text: &str, sites: &[Site], out: &mut Vec<RawMatch>) {
        let bytes = text.as_bytes();
        // the windows to try: (first position, literal occurrence, index into `lits`)
        let mut windows: Vec<(usize, usize, u32)> = Vec::new();
        let mut open = |p: usize, j: usize| {
            let lit = &self.lits[j];
            let hay = &bytes[p..];
            if hay.len() >= lit.bytes.len()
                && hay[..lit.bytes.len()].eq_ignore_ascii_case(&lit.bytes)
            {
                windows.push((p.saturating_sub(lit.before), p, j as u32));
            }
        };
        for &(p, j) in sites {
            open(p, j as usize);
        }
        if let Some(ac) = &self.literals {
            let mut at = 0;
            // Every position where some literal starts: search from one byte past the last
            // (the prefilter keeps this fast), then check the literals at that position.
            while let Some(m) = ac.find(aho_corasick::Input::new(text).range(at..)) {
                let q = m.start();
                at = q + 1;
                for &(j, o) in &self.searched {
                    if let Some(p) = q.checked_sub(o) {
                        open(p, j);
                    }
                }
                if at >= bytes.len() {
                    break;
                }
            }
        }
        // In order of first position, each window tries only positions past those that
        // earlier windows of its variant tried, or past the end of their matches: a
        // variant's positions are tried in text order, as a scan of every position would.
        // (Windows come from two sources and literals differ in reach and offset, so their
        // order as found is not that order.)
        windows.sort_unstable();
        // next position still to try, per variant
        let mut next = vec![0usize; self.variants.len()];
        for (s, p, j) in windows {
            self.try_window(self.lits[j as usize].owner, s, p, text, &mut next, out);
        }
        if let Some(all) = &self.residual {
            // Searched a window at a time, so that no search reads more than two caps of
            // text: a match found there that starts in the first half is whole (no match is
            // longer than the cap); one that starts later is searched again from its start;
            // when there is none, no match starts in the first half.
            let mut at = 0;
            while at < text.len() {
                let end = window_end(text, at, 2 * MAX_MATCH_BYTES);
                let Some(mat) = search(all, text, at, end, false) else {
                    if end == text.len() {
                        break;
                    }
                    at = window_end(text, at, MAX_MATCH_BYTES);
                    continue;
                };
                let start = mat.start();
                if start > at && start - at > MAX_MATCH_BYTES && end < text.len() {
                    at = start;
                    continue;
                }
                for &k in &self.residual_ids {
                    let v = &self.variants[k];
                    if let Some(e) = anchored_match(&v.re, text, start) {
                        out.push(RawMatch {
                            start,
                            end: e,
                            pattern: v.pattern,
                        });
                        break;
                    }
                }
                at = if mat.end() > start {
                    mat.end()
                } else {
                    next_boundary(text, start)
                };
            }
        }
    }

    /// Tries variant `k` anchored at every position from `from` to its literal at `p` that
    /// can start a match (and that no earlier window of `k` tried).
    fn try_window(
        &self,
        k: usize,
        from: usize,
        p: usize,
        text: &str,
        next: &mut [usize],
        out: &mut Vec<RawMatch>,
    ) {
        let bytes = text.as_bytes();
        let v = &self.variants[k];
        let mut s = from.max(next[k]);
        while s <= p {
            if v.first[bytes[s] as usize] && text.is_char_boundary(s) {
                if let Some(e) = anchored_match(&v.re, text, s) {
                    out.push(RawMatch {
                        start: s,
                        end: e,
                        pattern: v.pattern,
                    });
                    s = e;
                    continue;
                }
            }
            s += 1;
        }
        next[k] = next[k].max(s);
    }
}

/// The most bytes a regex match can hold: each search reads at most this much text after
/// the position it starts from (twice this for the residual alternation), so a regex's time
/// on a document grows linearly with its length, whatever the pattern (`Tibet.*X` on a
/// document of "Tibet Tibet ..." once read the rest of the text at every `Tibet`).
pub(crate) const MAX_MATCH_BYTES: usize = 1024;

#[cfg(test)]
thread_local! {
    /// Bytes of text handed to the regex engine on this thread (the tests' count of work).
    pub(crate) static SEARCHED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The end of a window of at most `len` bytes from `at`, on a char boundary (past `at`).
fn window_end(text: &str, at: usize, len: usize) -> usize {
    let mut end = (at + len).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end <= at {
        next_boundary(text, at).min(text.len())
    } else {
        end
    }
}

/// One search of `re` in `text[at..end]` (the whole text as context for `\b`).
#[inline]
fn search(
    re: &meta::Regex,
    text: &str,
    at: usize,
    end: usize,
    anchored: bool,
) -> Option<regex_automata::Match> {
    #[cfg(test)]
    SEARCHED.with(|n| n.set(n.get() + (end - at)));
    let input = Input::new(text).range(at..end);
    let input = if anchored {
        input.anchored(Anchored::Yes)
    } else {
        input
    };
    re.search(&input)
}

/// The end of a non-empty match of `re` anchored at `start` whose edges are word edges; the
/// match holds at most [`MAX_MATCH_BYTES`].
#[inline]
pub(crate) fn anchored_match(re: &meta::Regex, text: &str, start: usize) -> Option<usize> {
    let m = search(
        re,
        text,
        start,
        window_end(text, start, MAX_MATCH_BYTES),
        true,
    )?;
    (m.end() > start && on_word_edges(text, start, m.end())).then_some(m.end())
}

/// The next character boundary after `i` (or `text.len() + 1` at the end).
fn next_boundary(text: &str, i: usize) -> usize {
    let mut j = i + 1;
    while j < text.len() && !text.is_char_boundary(j) {
        j += 1;
    }
    j
}
