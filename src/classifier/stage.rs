//! The classify stage: one document, from text to [`Report`], as a row of named steps:
//!
//! 1. **scan** the text for every lexicon form ([`crate::matcher`]) and find the sentences
//!    ([`crate::segment`]);
//! 2. **expand matches** to the entries they count for (a short form only after a full
//!    mention of its entry);
//! 3. **mark sentences** with the cues they hold (rights, issue, biography, non-political,
//!    China) and gather the document's register totals;
//! 4. **judge the register**: is the document political at all ([`crate::score`], step 2);
//! 5. **judge senses**: each place or ethnonym mention is issue or non-issue
//!    ([`super::sense`], [`crate::score::judge_sense`]);
//! 6. **gather evidence** per topic from the hits that count (`evidence.rs`);
//! 7. **score topics** and build the report.

use super::evidence::{Acc, Around, Gathered};
use super::sense::{ListItem, Votes};
use super::Inner;
use crate::lexicon::{Framing, Role};
use crate::matcher::RawMatch;
use crate::report::{FramingCounts, Report};
use crate::score::SenseReason;
use std::cell::RefCell;

/// A match expanded to the entry it counts for: byte offsets in the document, sentence index
/// in the window being classified (the document for most, see `window.rs`).
#[derive(Clone, Copy)]
pub(super) struct Found {
    pub(super) entry: u32,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) sentence: usize,
}

/// [`Scratch::flags`]: the sentence holds a rights cue.
pub(super) const RIGHTS_CUE: u16 = 1;
/// [`Scratch::flags`]: the sentence holds a non-political cue.
pub(super) const BENIGN_CUE: u16 = 1 << 1;
/// [`Scratch::flags`]: the sentence holds a China cue, or a hit of a topic entry that needs
/// no context (`Tibet`, `Ilham Tohti`): what an entry with `requires = "china"` looks for.
pub(super) const CHINA_CUE: u16 = 1 << 2;
/// [`Scratch::flags`]: the sentence holds an issue frame.
pub(super) const ISSUE_CUE: u16 = 1 << 3;
/// [`Scratch::flags`]: the sentence holds career or life-story wording.
pub(super) const BIO_CUE: u16 = 1 << 4;
/// [`Scratch::flags`]: the sentence names a country or territory other than China and the
/// five topics (a `place` cue).
pub(super) const FOREIGN_CUE: u16 = 1 << 5;
/// [`Scratch::flags`]: the sentence holds a custody cue (`detained`, `sentenced`, `判刑`).
pub(super) const CUSTODY_CUE: u16 = 1 << 6;
/// [`Scratch::flags`]: the sentence holds a rights cue that is not a custody word
/// (`persecution`, `political prisoners`, `crackdown`).
pub(super) const OTHER_RIGHTS_CUE: u16 = 1 << 7;

/// [`Scratch::flags`]: the sentence holds an ordinary-crime cue (`cocaine`, `phone scam`).
pub(super) const CRIME_CUE: u16 = 1 << 8;
/// [`Scratch::flags`]: the sentence holds a status or sovereignty frame (`sovereignty`,
/// `status quo`, `主权`).
pub(super) const STATUS_CUE: u16 = 1 << 9;

/// Whether a sentence's flags make it a rights sentence: a rights cue, unless its only rights
/// cues are custody words in a story of ordinary crime (`police arrested five suspects and
/// seized 5,000 kg of ketamine`), where the arrest is of a suspect.
pub(super) fn rights_sentence(fl: u16) -> bool {
    fl & RIGHTS_CUE != 0 && (fl & OTHER_RIGHTS_CUE != 0 || fl & CRIME_CUE == 0)
}

/// The cue kinds whose first occurrence in a sentence is remembered, to name it as the
/// reason of a sense decision ([`Scratch::first_cue`]).
pub(super) const CUE_KINDS: [u16; 4] = [RIGHTS_CUE, ISSUE_CUE, BIO_CUE, BENIGN_CUE];

/// Working buffers of one classification, kept from one document to the next (one set per
/// thread, see [`Inner::classify_reusing`]) so that classifying a document allocates little
/// more than the report it returns.
#[derive(Default)]
pub(super) struct Scratch {
    /// Matches of the scan.
    pub(super) raw: Vec<RawMatch>,
    /// Sentence starts plus the end sentinel (see [`crate::segment::sentence_starts_into`]).
    pub(super) starts: Vec<usize>,
    /// Matches expanded to the entries they count for.
    pub(super) found: Vec<Found>,
    /// Per sentence: [`RIGHTS_CUE`], [`BENIGN_CUE`], [`CHINA_CUE`], [`ISSUE_CUE`],
    /// [`BIO_CUE`], [`FOREIGN_CUE`], [`CUSTODY_CUE`], [`OTHER_RIGHTS_CUE`], [`CRIME_CUE`],
    /// [`STATUS_CUE`].
    pub(super) flags: Vec<u16>,
    /// Per sentence and cue kind of [`CUE_KINDS`]: index in `found` of its first cue.
    pub(super) first_cue: Vec<[u32; 4]>,
    /// Per sentence: bit `t` set when topic `t` (below 64) has a hit there.
    pub(super) topic_bits: Vec<u64>,
    /// Places named in the document, in text order, for enumerations.
    pub(super) items: Vec<ListItem>,
    /// Per found match: its sense decision and the index in `found` of the deciding cue,
    /// for judged entries.
    pub(super) senses: Vec<Option<(SenseReason, Option<u32>)>>,
    /// Per entry with short forms (`CompiledEntry::short_slot`): start of its latest full
    /// mention so far.
    pub(super) last_full: Vec<Option<usize>>,
    /// Per topic accumulators.
    pub(super) acc: Vec<Acc>,
    /// The document's sense votes (see [`Votes`]).
    pub(super) votes: Votes,
}

impl Scratch {
    /// Buffers grown beyond this many elements by a very large document are freed after it,
    /// so that a thread does not keep their memory for the rest of the process.
    const KEEP: usize = 1 << 16;

    fn release_large(&mut self) {
        fn release<T>(v: &mut Vec<T>) {
            if v.capacity() > Scratch::KEEP {
                *v = Vec::new();
            }
        }
        release(&mut self.raw);
        release(&mut self.starts);
        release(&mut self.found);
        release(&mut self.flags);
        release(&mut self.first_cue);
        release(&mut self.topic_bits);
        release(&mut self.items);
        release(&mut self.senses);
        for a in &mut self.acc {
            a.release(Scratch::KEEP);
        }
    }
}

/// The cue totals of a document (step 3).
#[derive(Default)]
pub(super) struct Cues {
    /// Weight of rights cues, custody words in crime stories included (see
    /// [`Cues::rights_weight`]).
    pub(super) rights: f64,
    /// Weight of custody words in sentences about ordinary crime, summed apart so that a
    /// document read a window at a time gets the same total.
    pub(super) custody_in_crime: f64,
    /// Weight of all custody words, and of the rights cues that are not custody words.
    pub(super) custody: f64,
    pub(super) other_rights: f64,
    /// Weight of political and issue cues.
    pub(super) political: f64,
    /// Weight of China cues (`China`, `Beijing`): they count towards the political register
    /// up to [`crate::ScoreModel::china_register_cap`].
    pub(super) china_weight: f64,
    pub(super) benign: f64,
    /// Weight of the non-political cues of ordinary crime (`frame = "crime"`).
    pub(super) crime: f64,
    /// China cues and topic hits that need no context (for `requires = "china"`).
    pub(super) china: usize,
    pub(super) framing: FramingCounts,
}

impl Cues {
    /// The document's rights register: its rights cues less the custody words of crime
    /// stories (`arrested five suspects ... ketamine`).
    pub(super) fn rights_weight(&self) -> f64 {
        if self.crime_story() {
            self.rights - self.custody
        } else {
            self.rights - self.custody_in_crime
        }
    }

    /// Whether the document is a story of ordinary crime: some of its custody words stand in
    /// sentences about a crime (`jailed for life in murder case`), and it has no rights cue
    /// but custody words. Its other custody sentences are about the same crime (`A jobless
    /// man, 50, has been jailed for life in Hong Kong`), so they are no rights sentences
    /// either (see [`mark_crime_story`]).
    pub(super) fn crime_story(&self) -> bool {
        self.custody_in_crime > 0.0 && self.other_rights == 0.0
    }
}

/// Marks every sentence whose only rights cues are custody words as a sentence of ordinary
/// crime ([`CRIME_CUE`]), for a document that [`Cues::crime_story`] finds to be one.
pub(super) fn mark_crime_story(flags: &mut [u16]) {
    for f in flags {
        if *f & CUSTODY_CUE != 0 && *f & OTHER_RIGHTS_CUE == 0 {
            *f |= CRIME_CUE;
        }
    }
}

thread_local! {
    /// The scratch buffers of this thread's classifications.
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// The sentence of byte offsets asked in increasing order, found by walking forward from the
/// previous answer instead of a binary search per offset.
///
/// [`SentenceCursor::sentence_of`] equals
/// `starts.partition_point(|&s| s <= off).saturating_sub(1)` for any offset: an offset before
/// the previous answer's sentence falls back to that binary search.
struct SentenceCursor<'a> {
    /// Sentence starts, increasing, without the end sentinel.
    starts: &'a [usize],
    /// The previous answer.
    k: usize,
}

impl<'a> SentenceCursor<'a> {
    fn new(starts: &'a [usize]) -> SentenceCursor<'a> {
        SentenceCursor { starts, k: 0 }
    }

    /// Index of the last sentence starting at or before `off` (0 if none).
    fn sentence_of(&mut self, off: usize) -> usize {
        let s = self.starts;
        if s.get(self.k).is_some_and(|&st| st <= off) {
            while s.get(self.k + 1).is_some_and(|&st| st <= off) {
                self.k += 1;
            }
        } else {
            self.k = s.partition_point(|&st| st <= off).saturating_sub(1);
        }
        self.k
    }
}

impl Inner {
    /// [`Inner::classify_into`] with this thread's scratch buffers (fresh ones if they are
    /// in use or already destroyed).
    pub(super) fn classify_reusing(&self, id: &str, text: &str) -> Report {
        SCRATCH
            .try_with(|cell| match cell.try_borrow_mut() {
                Ok(mut scratch) => {
                    let report = self.classify_into(id, text, &mut scratch);
                    scratch.release_large();
                    report
                }
                Err(_) => self.classify_into(id, text, &mut Scratch::default()),
            })
            .unwrap_or_else(|_| self.classify_into(id, text, &mut Scratch::default()))
    }

    pub(super) fn classify_into(&self, id: &str, text: &str, scratch: &mut Scratch) -> Report {
        if text.len() > self.window_bytes {
            return self.classify_windows(id, text, scratch);
        }
        let stats = self.matcher.scan(text, &mut scratch.raw);
        crate::segment::sentence_starts_into(text, &mut scratch.starts);
        let n_sent = scratch.starts.len().saturating_sub(1);
        scratch.last_full.clear();
        scratch.last_full.resize(self.n_short, None);
        self.expand_matches(scratch, n_sent, 0);
        let mut cues = Cues::default();
        self.mark_sentences(scratch, n_sent, &mut cues);
        if cues.crime_story() {
            mark_crime_story(&mut scratch.flags);
        }
        let apolitical = self.judge_register(&cues, stats.words);
        self.judge_senses(text, scratch, apolitical);
        let mut votes = std::mem::take(&mut scratch.votes);
        votes.clear();
        self.count_votes(scratch, &mut votes);
        self.follow_votes(scratch, &votes);
        scratch.votes = votes;
        self.reset_evidence(scratch);
        let mut gathered = Gathered::default();
        let around = Around::default();
        self.gather_evidence(text, scratch, (&cues, &around), stats.words, &mut gathered);
        self.add_unlisted(text, scratch, (&cues, &around, stats.words), &mut gathered);
        self.count_unlisted(text, scratch, &mut gathered);
        let topics = self.score_topics(text, scratch, n_sent, stats.words);
        self.report(id, text, (stats.words, n_sent), &cues, gathered, topics)
    }

    /// The report of a document from its parts.
    pub(super) fn report(
        &self,
        id: &str,
        text: &str,
        (words, sentences): (usize, usize),
        cues: &Cues,
        gathered: Gathered,
        topics: std::collections::BTreeMap<String, crate::report::TopicScore>,
    ) -> Report {
        Report {
            id: id.to_string(),
            bytes: text.len(),
            words,
            sentences,
            topics,
            human_rights: cues.rights_weight() >= self.model.human_rights_min,
            rights_cues: cues.rights_weight(),
            framing: cues.framing,
            hits: gathered.hits,
            prisoners: gathered.prisoners,
            hits_dropped: gathered.hits_dropped,
        }
    }

    /// Step 2: matches to the entries they count for; a short form counts only after a full
    /// mention of its entry (the most recent such entry wins, `scratch.last_full` carrying
    /// the latest full mentions from one window to the next). The raw matches are offsets
    /// from `shift` in the document.
    pub(super) fn expand_matches(&self, scratch: &mut Scratch, n_sent: usize, shift: usize) {
        let Scratch {
            raw,
            starts,
            found,
            last_full,
            ..
        } = scratch;
        // Matches come in text order, so their sentences are found walking forward.
        let mut sentences = SentenceCursor::new(&starts[..n_sent]);
        found.clear();
        found.reserve(raw.len());
        for m in raw.iter() {
            let m = &RawMatch {
                start: m.start + shift,
                end: m.end + shift,
                pattern: m.pattern,
            };
            let sentence = sentences.sentence_of(m.start);
            let ts = self.matcher.targets_of(m.pattern);
            let mut best_short: Option<(usize, u32)> = None;
            for &t in ts {
                let (entry, short) = self.targets[t as usize];
                let e = &self.entries[entry as usize];
                if short {
                    if let Some(pos) = e.short_slot.and_then(|s| last_full[s as usize]) {
                        if best_short.is_none_or(|(p, _)| pos > p) {
                            best_short = Some((pos, entry));
                        }
                    }
                    continue;
                }
                if e.role == Role::Block {
                    continue;
                }
                if let Some(s) = e.short_slot {
                    last_full[s as usize] = Some(m.start);
                }
                found.push(Found {
                    entry,
                    start: m.start,
                    end: m.end,
                    sentence,
                });
            }
            if let Some((_, entry)) = best_short {
                if !found
                    .last()
                    .is_some_and(|f| f.start == m.start && f.entry == entry)
                {
                    found.push(Found {
                        entry,
                        start: m.start,
                        end: m.end,
                        sentence,
                    });
                }
            }
        }
    }

    /// Step 3: per sentence, the cues it holds; for the document, the cue totals, added to
    /// `cues` in text order.
    pub(super) fn mark_sentences(&self, scratch: &mut Scratch, n_sent: usize, cues: &mut Cues) {
        let Scratch {
            found,
            flags,
            first_cue,
            topic_bits,
            items,
            ..
        } = scratch;
        let n = n_sent.max(1);
        flags.clear();
        flags.resize(n, 0);
        first_cue.clear();
        first_cue.resize(n, [u32::MAX; 4]);
        topic_bits.clear();
        topic_bits.resize(n, 0);
        items.clear();
        for (i, f) in found.iter().enumerate() {
            let e = &self.entries[f.entry as usize];
            let s = f.sentence;
            let flag = match e.role {
                Role::Rights => {
                    cues.rights += e.weight;
                    if e.frame == Some(crate::Frame::Custody) {
                        cues.custody += e.weight;
                    } else {
                        cues.other_rights += e.weight;
                    }
                    RIGHTS_CUE
                }
                Role::Benign => {
                    cues.benign += e.weight;
                    if e.frame == Some(crate::Frame::Crime) {
                        cues.crime += e.weight;
                    }
                    BENIGN_CUE
                }
                Role::Political => {
                    cues.political += e.weight;
                    0
                }
                Role::Issue => {
                    cues.political += e.weight;
                    ISSUE_CUE
                }
                Role::Biography => BIO_CUE,
                Role::China => {
                    cues.china_weight += e.weight;
                    cues.china += 1;
                    items.push(ListItem::new(f, false));
                    CHINA_CUE
                }
                Role::Place => {
                    items.push(ListItem::new(f, true));
                    FOREIGN_CUE
                }
                Role::Topic => {
                    // a named prisoner also stands for his or her region's topic
                    for t in [e.topic, e.region_topic].into_iter().flatten() {
                        if t < 64 {
                            topic_bits[s] |= 1 << t;
                        }
                    }
                    if e.place {
                        items.push(ListItem::new(f, false));
                    }
                    if e.requires.is_none() {
                        cues.china += 1;
                        CHINA_CUE
                    } else {
                        0
                    }
                }
                Role::Block => 0,
            };
            flags[s] |= flag
                | match (e.frame, e.role) {
                    (Some(crate::Frame::Custody), _) => CUSTODY_CUE,
                    (Some(crate::Frame::Crime), _) => CRIME_CUE,
                    (Some(crate::Frame::Status), _) => STATUS_CUE,
                    (_, Role::Rights) => OTHER_RIGHTS_CUE,
                    _ => 0,
                };
            if let Some(k) = CUE_KINDS.iter().position(|&c| c == flag) {
                if first_cue[s][k] == u32::MAX {
                    first_cue[s][k] = i as u32;
                }
            }
            match e.framing {
                Some(Framing::Prc) => cues.framing.prc += 1,
                Some(Framing::Advocacy) => cues.framing.advocacy += 1,
                None => {}
            }
        }
        // custody words in a crime story (`arrested five suspects ... ketamine`) are not
        // the document's rights register
        for f in found.iter() {
            let e = &self.entries[f.entry as usize];
            if e.frame == Some(crate::Frame::Custody) && !rights_sentence(flags[f.sentence]) {
                cues.custody_in_crime += e.weight;
            }
        }
    }

    /// Step 4: whether the document is apolitical (see [`crate::score`], step 2). Only a
    /// document long enough to show its register, or one with non-political cues, can be:
    /// "They discussed Tibet." stays political.
    pub(super) fn judge_register(&self, cues: &Cues, words: usize) -> bool {
        let m = &self.model;
        let china = cues.china_weight.min(m.china_register_cap);
        let register = cues.rights_weight() + cues.political + china;
        let judged = cues.benign > 0.0 || words >= m.apolitical_min_words;
        // a story of ordinary crime (`ketamine` x4, `arrested` x2) whatever its length
        let crime = cues.other_rights == 0.0 && cues.crime >= m.crime_register;
        crime
            || judged && (register < m.political_min || cues.benign > m.benign_dominance * register)
    }
}

#[cfg(test)]
#[path = "stage_tests.rs"]
mod tests;
