//! A long document classified a window at a time, so that working memory stays bounded by
//! the window rather than growing with the document (one match and one sentence every few
//! bytes of a text dense in topic words).
//!
//! The report is the one the whole document would get ([`Inner::classify_into`] reads
//! documents up to `window_bytes` whole). Two passes over the windows:
//!
//! 1. **totals**: each window is cut at a sentence start, scanned and its sentences marked,
//!    as in the classify stage; what the later steps need of the whole document is summed in
//!    text order: the cue totals (the register, the China link), words and sentences. The
//!    cuts are kept, with whether the first sentences of each window hold a China cue.
//! 2. **evidence**: each window again, now with its sense decisions, evidence and hits; the
//!    per-topic accumulators, the kept hits (the first `max_hits`), the named prisoners and
//!    the last full mention of each person carry from one window to the next.
//!
//! A cut is a sentence start that no match crosses and where no enumeration can go on across
//! it: the text between the last match before it and the first match after it holds a full
//! stop, question or exclamation mark and no digit (the list rule of `sense.rs` never links
//! two places across such a gap, and a gap longer than 1 KiB is none either), and the
//! sentence after it does not name people the sentence before counted in custody (the
//! unlisted-prisoner finder reads the two together: `……七名僧人。这些僧人分别是……`). The scan that
//! chooses a cut reads [`LOOKAHEAD`] bytes past it (or the window's length, if shorter), so
//! a match that starts before the cut is seen whole: a cut is exact unless a single match
//! would be longer than that. Everything else a step reads
//! around a mention (the words either side, a dateline, the sentences within
//! `ScoreModel::china_window`) is read in the whole text or carried across the cut.

use super::evidence::{Around, Gathered};
use super::sense::Votes;
use super::stage::{mark_crime_story, Cues, Scratch, CHINA_CUE};
use super::Inner;
use crate::report::Report;

/// Bytes scanned past a candidate cut, so that a match starting before the cut is seen
/// whole (far longer than any lexicon form); no more than the window itself.
pub(super) const LOOKAHEAD: usize = 64 << 10;

/// The smallest window in bytes: a window stays longer than any gap between two items of
/// one enumeration.
pub(super) const MIN_WINDOW: usize = 1 << 10;

/// The windows of a document and what the second pass needs from the first.
struct Plan {
    /// Window `k` spans `cuts[k]..cuts[k + 1]` (`cuts[0]` is 0, the last the text's length).
    cuts: Vec<usize>,
    /// Per window: whether each of its first `china_window` sentences holds a China cue.
    heads: Vec<Vec<bool>>,
    /// The first sentence start of the document.
    first_start: usize,
    words: usize,
    sentences: usize,
    cues: Cues,
    /// The document's sense votes, counted window by window, and as they would be if the
    /// document turns out to be a story of ordinary crime (see `Cues::crime_story`).
    votes: Votes,
    votes_if_crime: Votes,
}

impl Inner {
    /// [`Inner::classify_into`] for a document longer than `window_bytes`, a window at a
    /// time (see the module docs).
    pub(super) fn classify_windows(&self, id: &str, text: &str, scratch: &mut Scratch) -> Report {
        let plan = self.plan_windows(text, scratch);
        let apolitical = self.judge_register(&plan.cues, plan.words);
        let w = self.model.china_window;
        self.reset_evidence(scratch);
        scratch.last_full.clear();
        scratch.last_full.resize(self.n_short, None);
        let mut gathered = Gathered::default();
        let mut around = Around::default();
        let mut unused = Cues::default();
        for k in 0..plan.cuts.len() - 1 {
            let (from, to) = (plan.cuts[k], plan.cuts[k + 1]);
            let first = if k == 0 { plan.first_start } else { from };
            let n_sent = self.window_sentences(text, first, to, scratch);
            self.matcher.scan(&text[from..to], &mut scratch.raw);
            self.expand_matches(scratch, n_sent, from);
            self.mark_sentences(scratch, n_sent, &mut unused);
            if plan.cues.crime_story() {
                mark_crime_story(&mut scratch.flags);
            }
            self.judge_senses(text, scratch, apolitical);
            self.follow_votes(scratch, &plan.votes);
            around.after.clear();
            around
                .after
                .extend(plan.heads[k + 1..].iter().flatten().take(w).copied());
            self.gather_evidence(
                text,
                scratch,
                (&plan.cues, &around),
                plan.words,
                &mut gathered,
            );
            let ctx = (&plan.cues, &around, plan.words);
            self.add_unlisted(text, scratch, ctx, &mut gathered);
            // the window's sentences become the ones before the next window
            around.base += n_sent;
            let flags = &scratch.flags[..n_sent.min(scratch.flags.len())];
            around
                .before
                .extend(flags.iter().map(|&f| f & CHINA_CUE != 0));
            let excess = around.before.len().saturating_sub(w);
            around.before.drain(..excess);
        }
        self.count_unlisted(text, scratch, &mut gathered);
        let topics = self.score_topics(text, scratch, plan.sentences, plan.words);
        self.report(
            id,
            text,
            (plan.words, plan.sentences),
            &plan.cues,
            gathered,
            topics,
        )
    }

    /// Pass 1: the cuts, and the document's totals summed window by window.
    fn plan_windows(&self, text: &str, scratch: &mut Scratch) -> Plan {
        // where `segment` starts the first sentence: past the leading white space (the
        // whole text for white space only)
        let first_start = text.len() - text.trim_start().len();
        let mut plan = Plan {
            cuts: vec![0],
            heads: Vec::new(),
            first_start,
            words: 0,
            sentences: 0,
            cues: Cues::default(),
            votes: Votes::default(),
            votes_if_crime: Votes::default(),
        };
        scratch.last_full.clear();
        scratch.last_full.resize(self.n_short, None);
        let window = self.window_bytes.max(MIN_WINDOW);
        let mut from = 0;
        while from < text.len() {
            let first = if from == 0 { first_start } else { from };
            let to = self.next_cut(text, from, first, window, scratch);
            let n_sent = self.window_sentences(text, first, to, scratch);
            let stats = self.matcher.scan(&text[from..to], &mut scratch.raw);
            self.expand_matches(scratch, n_sent, from);
            self.mark_sentences(scratch, n_sent, &mut plan.cues);
            // the register is not known yet, but no vote depends on it; whether the document
            // is a crime story is not known either, and votes do depend on that
            self.judge_senses(text, scratch, false);
            self.count_votes(scratch, &mut plan.votes);
            mark_crime_story(&mut scratch.flags);
            self.judge_senses(text, scratch, false);
            self.count_votes(scratch, &mut plan.votes_if_crime);
            plan.words += stats.words;
            plan.sentences += n_sent;
            let flags = &scratch.flags[..n_sent.min(scratch.flags.len())];
            plan.heads.push(
                flags
                    .iter()
                    .take(self.model.china_window)
                    .map(|&f| f & CHINA_CUE != 0)
                    .collect(),
            );
            plan.cuts.push(to);
            from = to;
        }
        plan.heads.push(Vec::new());
        if plan.cues.crime_story() {
            plan.votes = std::mem::take(&mut plan.votes_if_crime);
        }
        plan
    }

    /// The end of the window that starts at `from` (its first sentence at `first`): the first
    /// sentence start between `window` and `1.5 * window` bytes on where a cut is safe (see
    /// the module docs), or the end of the text. A stretch without a safe cut makes the
    /// window longer.
    fn next_cut(
        &self,
        text: &str,
        from: usize,
        first: usize,
        mut window: usize,
        scratch: &mut Scratch,
    ) -> usize {
        loop {
            let min_cut = from.saturating_add(window);
            let max_cut = min_cut.saturating_add(window / 2);
            let lookahead = LOOKAHEAD.min(window);
            if max_cut.saturating_add(lookahead) >= text.len() {
                return text.len();
            }
            let until = max_cut + lookahead;
            let starts = &mut scratch.starts;
            starts.clear();
            starts.push(first);
            crate::segment::sentence_starts_after(text, first, until, starts);
            let end = match starts.last() {
                Some(&s) if s >= until => s,
                _ => text.len(),
            };
            self.matcher.scan(&text[from..end], &mut scratch.raw);
            let raw = &scratch.raw;
            let mut i = 0;
            let mut reach = from;
            for (k, &s) in starts.iter().enumerate() {
                if s < min_cut || s > max_cut {
                    continue;
                }
                while i < raw.len() && from + raw[i].start < s {
                    reach = reach.max(from + raw[i].end);
                    i += 1;
                }
                let gap_end = raw.get(i).map_or(end, |m| from + m.start);
                // a sentence that names the people the one before counted stays with it
                let next = starts.get(k + 1).copied().unwrap_or(end);
                let names_counted = text
                    .get(s..next)
                    .is_some_and(crate::prisoners::unlisted::introduces_names);
                if reach <= s && is_safe_gap(&text[reach..gap_end]) && !names_counted {
                    return s;
                }
            }
            window = window.saturating_mul(2);
        }
    }

    /// Sentence starts of the window `first..to` into `scratch.starts` (with `to` as the end
    /// sentinel); returns their number.
    fn window_sentences(
        &self,
        text: &str,
        first: usize,
        to: usize,
        scratch: &mut Scratch,
    ) -> usize {
        let starts = &mut scratch.starts;
        starts.clear();
        if first < to {
            starts.push(first);
            crate::segment::sentence_starts_after(text, first, to, starts);
        }
        while starts.last().is_some_and(|&s| s >= to) {
            starts.pop();
        }
        let n = starts.len();
        starts.push(to);
        n
    }
}

/// A gap between two matches this long is no gap within an enumeration (`sense.rs` links
/// items at most 48 bytes apart).
const LONG_GAP: usize = 1 << 10;

/// Whether the text between the last match before a cut and the first after it keeps the
/// two from one enumeration: it is long, or it ends a sentence (`.`, `。`, `?`, `!`) and
/// holds no digit (a numbered list may hold full stops between its items).
fn is_safe_gap(gap: &str) -> bool {
    gap.len() > LONG_GAP
        || (gap.contains(['.', '!', '?', '。']) && !gap.bytes().any(|b| b.is_ascii_digit()))
}
