//! The classify stage: one document, from text to [`Report`].

use super::Inner;
use crate::lexicon::{Framing, Requirement, Role};
use crate::matcher::RawMatch;
use crate::report::{FramingCounts, Hit, Mention, Prisoner, Report, TopicScore};
use crate::score::{context_factor, coverage, decide};
use compact_str::CompactString;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::BTreeMap;

struct Found {
    entry: u32,
    start: usize,
    end: usize,
    sentence: usize,
}

/// [`Scratch::flags`]: the sentence holds a rights cue.
const RIGHTS_CUE: u8 = 1;
/// [`Scratch::flags`]: the sentence holds a non-political cue.
const BENIGN_CUE: u8 = 1 << 1;
/// [`Scratch::flags`]: the sentence holds a China cue, or a hit of a topic entry that needs
/// no context (`Tibet`, `Ilham Tohti`): what an entry with `requires = "china"` looks for.
const CHINA_CUE: u8 = 1 << 2;

/// Working buffers of one classification, kept from one document to the next (one set per
/// thread, see [`Inner::classify_reusing`]) so that classifying a document allocates little
/// more than the report it returns.
#[derive(Default)]
pub(super) struct Scratch {
    /// Matches of the scan.
    raw: Vec<RawMatch>,
    /// Sentence starts plus the end sentinel (see [`crate::segment::sentence_starts_into`]).
    starts: Vec<usize>,
    /// Matches expanded to the entries they count for.
    found: Vec<Found>,
    /// Per sentence: [`RIGHTS_CUE`], [`BENIGN_CUE`], [`CHINA_CUE`].
    flags: Vec<u8>,
    /// Per entry with short forms (`CompiledEntry::short_slot`): start of its latest full
    /// mention so far.
    last_full: Vec<Option<usize>>,
    /// Per topic accumulators.
    acc: Vec<Acc>,
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
        for a in &mut self.acc {
            release(&mut a.entries);
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
        let Scratch {
            raw,
            starts,
            found,
            flags,
            last_full,
            acc,
        } = scratch;
        let stats = self.matcher.scan(text, raw);
        crate::segment::sentence_starts_into(text, starts);
        let n_sent = starts.len().saturating_sub(1);
        // Matches come in text order, so their sentences are found walking forward.
        let mut sentences = SentenceCursor::new(&starts[..n_sent]);

        // 1. expand matches to entries (short forms need an earlier full mention)
        found.clear();
        found.reserve(raw.len());
        last_full.clear();
        last_full.resize(self.n_short, None);
        for m in raw.iter() {
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
        // 2. sentence flags from cues
        flags.clear();
        flags.resize(n_sent.max(1), 0);
        let mut rights_cues = 0.0;
        let mut political = 0.0;
        let mut benign_cues = 0.0;
        // China cues and topic hits that need no context (for `requires = "china"`)
        let mut china_cues = 0usize;
        let mut framing = FramingCounts::default();
        for f in found.iter() {
            let e = &self.entries[f.entry as usize];
            match e.role {
                Role::Rights => {
                    flags[f.sentence] |= RIGHTS_CUE;
                    rights_cues += e.weight;
                }
                Role::Benign => {
                    flags[f.sentence] |= BENIGN_CUE;
                    benign_cues += e.weight;
                }
                Role::Political => political += e.weight,
                Role::China => {
                    political += e.weight;
                    china_cues += 1;
                    flags[f.sentence] |= CHINA_CUE;
                }
                Role::Topic if e.requires.is_none() => {
                    china_cues += 1;
                    flags[f.sentence] |= CHINA_CUE;
                }
                Role::Topic | Role::Block => {}
            }
        }
        let china_window = self.model.china_window;
        let china_min = self.model.china_density * stats.words as f64 / 1000.0;
        let register = rights_cues + political;
        // Only a document long enough to show its register, or one with non-political cues,
        // can be judged apolitical: "They discussed Tibet." stays political.
        let judged = benign_cues > 0.0 || stats.words >= self.model.apolitical_min_words;
        let apolitical = judged
            && (register < self.model.political_min
                || benign_cues > self.model.benign_dominance * register);
        // 3. topic evidence
        let nt = self.topics.len();
        acc.resize_with(nt, Acc::default);
        for a in acc.iter_mut() {
            a.reset();
        }
        let mut hits = Vec::with_capacity(found.len().min(self.max_hits));
        let mut hits_dropped = 0;
        let mut prisoners: Vec<Prisoner> = Vec::new();
        let m = &self.model;
        for f in found.iter() {
            let e = &self.entries[f.entry as usize];
            let fl = flags[f.sentence];
            let (rights, benign) = (fl & RIGHTS_CUE != 0, fl & BENIGN_CUE != 0);
            match e.requires {
                Some(Requirement::Rights) if !rights => continue,
                Some(Requirement::China) => {
                    // a China cue or a topic hit that needs no context near this one, or
                    // enough of them in the document to make it a document about China
                    let lo = f.sentence.saturating_sub(china_window);
                    let hi = f.sentence.saturating_add(china_window).saturating_add(1);
                    let near = flags[lo..hi.min(flags.len())]
                        .iter()
                        .any(|&x| x & CHINA_CUE != 0);
                    if !near && (china_cues < 2 || (china_cues as f64) < china_min) {
                        continue;
                    }
                }
                _ => {}
            }
            match e.framing {
                Some(Framing::Prc) => framing.prc += 1,
                Some(Framing::Advocacy) => framing.advocacy += 1,
                None => {}
            }
            let mut evidence = 0.0;
            if let Some(t) = e.topic {
                evidence = e.weight * context_factor(m, rights, benign);
                // A place name in an apolitical document: capped per topic below.
                let damped = e.place && apolitical && !rights;
                if damped && !benign {
                    evidence = e.weight * m.apolitical_factor;
                }
                acc[t].add(f, e.weight, evidence, rights, benign, damped);
                if let Some(r) = e.region_topic {
                    acc[r].add(f, e.weight, evidence, rights, benign, false);
                }
            }
            let keep_hit = hits.len() < self.max_hits;
            if e.prisoner.is_none() && !keep_hit {
                hits_dropped += 1;
                continue;
            }
            let matched = CompactString::from(&text[f.start..f.end]);
            if let Some((name, region)) = &e.prisoner {
                let mention = Mention {
                    start: f.start,
                    end: f.end,
                    text: matched.clone(),
                };
                match prisoners.iter_mut().find(|p| p.id == e.id) {
                    // stored mentions obey the same cap as stored hits
                    Some(p) if p.mentions.len() < self.max_hits => p.mentions.push(mention),
                    Some(_) => {}
                    None => prisoners.push(Prisoner {
                        id: Cow::Borrowed(e.id),
                        name: Cow::Borrowed(name),
                        region: region.map(Cow::Borrowed),
                        mentions: vec![mention],
                    }),
                }
            }
            if keep_hit {
                hits.push(Hit {
                    topic: Cow::Borrowed(e.topic_name),
                    entry: Cow::Borrowed(e.id),
                    role: e.role,
                    start: f.start,
                    end: f.end,
                    text: matched,
                    sentence: f.sentence,
                    evidence,
                });
            } else {
                hits_dropped += 1;
            }
        }
        let words = stats.words;
        let mut topics = BTreeMap::new();
        for (t, a) in acc.iter().enumerate() {
            let share = if n_sent == 0 {
                0.0
            } else {
                a.sentences as f64 / n_sent as f64
            };
            let evidence = a.evidence + a.damped.min(m.apolitical_cap);
            let score = coverage(m, evidence, share);
            let (present, primary) = decide(&self.thresholds[t], evidence, score);
            let raised_early = crate::score::raised_early(m, a.first_sentence, n_sent);
            let n = a.hits as f64;
            topics.insert(
                self.topics[t].clone(),
                TopicScore {
                    score,
                    present,
                    primary: primary && raised_early,
                    raised_early,
                    hits: a.hits,
                    weighted: a.weighted,
                    evidence,
                    entries: a.entries.len(),
                    sentence_share: share,
                    per_1000_words: if words == 0 {
                        0.0
                    } else {
                        n * 1000.0 / words as f64
                    },
                    first_mention: a.first.map(|s| {
                        if text.is_empty() {
                            0.0
                        } else {
                            s as f64 / text.len() as f64
                        }
                    }),
                    first_sentence: a.first_sentence,
                    rights_context: if a.hits == 0 {
                        0.0
                    } else {
                        a.in_rights as f64 / n
                    },
                    benign_context: if a.hits == 0 {
                        0.0
                    } else {
                        a.in_benign as f64 / n
                    },
                },
            );
        }
        Report {
            id: id.to_string(),
            bytes: text.len(),
            words,
            sentences: n_sent,
            topics,
            human_rights: rights_cues >= m.human_rights_min,
            rights_cues,
            framing,
            hits,
            prisoners,
            hits_dropped,
        }
    }
}

/// The evidence gathered for one topic of one document.
#[derive(Default)]
struct Acc {
    hits: usize,
    weighted: f64,
    evidence: f64,
    /// Distinct entries hit (few per topic, so a list).
    entries: Vec<u32>,
    /// Number of distinct sentences with a hit (hits come in text order).
    sentences: usize,
    last_sentence: Option<usize>,
    first: Option<usize>,
    first_sentence: Option<usize>,
    in_rights: usize,
    in_benign: usize,
    damped: f64,
}

impl Acc {
    /// Back to the empty state, keeping the capacity of `entries`.
    fn reset(&mut self) {
        let mut entries = std::mem::take(&mut self.entries);
        entries.clear();
        *self = Acc {
            entries,
            ..Acc::default()
        };
    }

    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        f: &Found,
        weight: f64,
        evidence: f64,
        rights: bool,
        benign: bool,
        damped: bool,
    ) {
        self.hits += 1;
        self.weighted += weight;
        if damped {
            self.damped += evidence;
        } else {
            self.evidence += evidence;
        }
        if !self.entries.contains(&f.entry) {
            self.entries.push(f.entry);
        }
        if self.last_sentence != Some(f.sentence) {
            self.sentences += 1;
            self.last_sentence = Some(f.sentence);
        }
        if self.first.is_none() {
            self.first = Some(f.start);
            self.first_sentence = Some(f.sentence);
        }
        if rights {
            self.in_rights += 1;
        } else if benign {
            self.in_benign += 1;
        }
    }
}

#[cfg(test)]
#[path = "stage_tests.rs"]
mod tests;
