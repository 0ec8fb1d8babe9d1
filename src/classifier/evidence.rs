//! Steps 6 and 7 of the classify stage: evidence per topic from the hits that count, then
//! the scores, decisions and report parts. Every formula is in [`crate::score`].

use super::stage::{Found, Scratch, CHINA_CUE, CUSTODY_CUE, OTHER_RIGHTS_CUE};

use super::Inner;
use crate::lexicon::Requirement;
use crate::report::{Hit, Judgement, Mention, Prisoner, TopicScore};
use crate::score::{
    context_factor, coverage, decide, main_subject, one_item_among_several, raised_early,
};
use compact_str::CompactString;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The evidence gathered for one topic of one document.
#[derive(Default)]
pub(super) struct Acc {
    hits: usize,
    weighted: f64,
    evidence: f64,
    /// Evidence of supporting terms, which counts only when `anchored`.
    support: f64,
    /// A hit of an entry that is not a supporting term counted.
    anchored: bool,
    /// Distinct entries hit (few per topic, so a list).
    entries: Vec<u32>,
    /// Number of distinct sentences with a hit (hits come in text order).
    sentences: usize,
    last_sentence: Option<usize>,
    first: Option<usize>,
    first_sentence: Option<usize>,
    in_rights: usize,
    in_benign: usize,
    /// Sentences with a custody cue (counted for the prisoner topic only).
    custody_sentences: usize,
    /// The first of them, in the document.
    first_custody: Option<usize>,
    /// Distinct sentences with a counted hit of this topic and of no other (the prisoner
    /// topic aside).
    own_sentences: usize,
    /// Distinct sentences with a hit and no custody cue.
    outside_custody: usize,
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

    pub(super) fn release(&mut self, keep: usize) {
        if self.entries.capacity() > keep {
            self.entries = Vec::new();
        }
    }

    /// Counts a hit of the topic; `f.sentence` is the sentence's index in the document.
    pub(super) fn add(
        &mut self,
        f: &Found,
        weight: f64,
        evidence: f64,
        support: bool,
        (rights, damp, custody): (bool, bool, bool),
    ) {
        self.hits += 1;
        self.weighted += weight;
        if support {
            self.support += evidence;
        } else {
            self.evidence += evidence;
            self.anchored = true;
        }
        if !self.entries.contains(&f.entry) {
            self.entries.push(f.entry);
        }
        if self.last_sentence != Some(f.sentence) {
            self.sentences += 1;
            self.outside_custody += usize::from(!custody);
            self.last_sentence = Some(f.sentence);
        }
        if self.first.is_none() {
            self.first = Some(f.start);
            self.first_sentence = Some(f.sentence);
        }
        match (rights, damp) {
            (true, _) => self.in_rights += 1,
            (false, true) => self.in_benign += 1,
            _ => {}
        }
    }

    /// The first sentence that counts towards prominence (see
    /// [`Acc::prominent_sentences`]).
    fn first_prominent(&self, custody_counts: bool) -> Option<usize> {
        match (self.first_sentence, self.first_custody) {
            (Some(h), Some(c)) if custody_counts && self.total() > 0.0 => Some(h.min(c)),
            (h, _) => h,
        }
    }

    /// Sentences with a hit or a custody cue, when custody cues count (the prisoner topic)
    /// and the topic has evidence; else sentences with a hit.
    fn prominent_sentences(&self, custody_counts: bool) -> usize {
        if custody_counts && self.total() > 0.0 {
            self.custody_sentences + self.outside_custody
        } else {
            self.sentences
        }
    }

    /// The topic's evidence: supporting terms count only beside an anchoring hit.
    fn total(&self) -> f64 {
        if self.anchored {
            self.evidence + self.support
        } else {
            0.0
        }
    }
}

/// The entry id of hits of people no list holds.
pub(crate) const UNLISTED_ENTRY: &str = "political_prisoners.person.unlisted";

/// The hits and named prisoners of a document (step 6), gathered a window at a time (one
/// window for most documents, see `window.rs`).
#[derive(Default)]
pub(super) struct Gathered {
    pub(super) hits: Vec<Hit>,
    /// Listed prisoners, in order of first mention.
    pub(super) prisoners: Vec<Prisoner>,
    /// People no list holds, in text order: reported after the listed ones.
    pub(super) unlisted: Vec<Prisoner>,
    /// The evidence of people no list holds, counted for the prisoner topic after every
    /// listed hit (`Acc::add` in this order, whatever the windows): (mention with its
    /// sentence in the document, evidence, in a rights sentence, in a custody sentence).
    pub(super) unlisted_adds: Vec<(Found, f64, bool, bool)>,
    /// Ids of the listed prisoners who are former detainees (`CompiledEntry::former`).
    pub(super) former: Vec<&'static str>,
    pub(super) hits_dropped: usize,
}

/// What a window of a long document knows of the sentences around it: for
/// `requires = "china"`, whether each of the `ScoreModel::china_window` sentences before and
/// after it holds a China cue (empty for a document read whole).
#[derive(Default)]
pub(super) struct Around {
    /// Index in the document of the window's first sentence.
    pub(super) base: usize,
    /// China cues of the sentences just before the window, the nearest last.
    pub(super) before: Vec<bool>,
    /// China cues of the sentences just after the window, the nearest first.
    pub(super) after: Vec<bool>,
}

impl Inner {
    /// Whether a hit of an entry with `requires = "china"` is near a China cue (or in a
    /// document dense in them). A sentence that names another country and no China cue
    /// is about that country, whatever its neighbours hold (`...pressure on the Burmese
    /// regime to release political prisoners.`).
    pub(super) fn china_near(
        &self,
        flags: &[u16],
        around: &Around,
        sentence: usize,
        china_cues: usize,
        words: usize,
    ) -> bool {
        let own = flags[sentence];
        if own & super::stage::FOREIGN_CUE != 0 && own & CHINA_CUE == 0 {
            return false;
        }
        let w = self.model.china_window;
        let lo = sentence.saturating_sub(w);
        let hi = sentence
            .saturating_add(w)
            .saturating_add(1)
            .min(flags.len());
        // the window's own sentences, then those of the neighbouring windows in reach
        let near = flags[lo..hi].iter().any(|&x| x & CHINA_CUE != 0)
            || around
                .before
                .iter()
                .rev()
                .take(w - (sentence - lo))
                .any(|&c| c)
            || around
                .after
                .iter()
                .take((sentence + w + 1).saturating_sub(flags.len()))
                .any(|&c| c);
        let china_min = self.model.china_density * words as f64 / 1000.0;
        near || (china_cues >= 2 && china_cues as f64 >= china_min)
    }

    /// The per-topic accumulators back to empty, before a document's first window.
    pub(super) fn reset_evidence(&self, scratch: &mut Scratch) {
        scratch.acc.resize_with(self.topics.len(), Acc::default);
        for a in scratch.acc.iter_mut() {
            a.reset();
        }
    }

    /// Step 6: per topic, the evidence of the hits that count; the hits and named
    /// prisoners of the report. Called once per window of the document (sentence indices
    /// in `scratch` count from the window's first, `around.base` in the document), in text
    /// order, after [`Inner::reset_evidence`].
    pub(super) fn gather_evidence(
        &self,
        text: &str,
        scratch: &mut Scratch,
        (cues, around): (&super::stage::Cues, &Around),
        words: usize,
        out: &mut Gathered,
    ) {
        let Scratch {
            found,
            flags,
            senses,
            acc,
            ..
        } = scratch;
        if out.hits.capacity() == 0 {
            out.hits.reserve(found.len().min(self.max_hits));
        }
        let m = &self.model;
        if let Some(t) = self.prisoner_topic {
            let a = &mut acc[t];
            a.custody_sentences += flags.iter().filter(|&&x| x & CUSTODY_CUE != 0).count();
            if a.first_custody.is_none() {
                a.first_custody = flags
                    .iter()
                    .position(|&x| x & CUSTODY_CUE != 0)
                    .map(|k| k + around.base);
            }
        }
        // the topics counted in the current sentence, to find the sentences a topic has to
        // itself (hits come in text order, and a window holds whole sentences)
        let mut sentence = usize::MAX;
        let mut counted: u64 = 0;
        for (i, f) in found.iter().enumerate() {
            let e = &self.entries[f.entry as usize];
            let fl = flags[f.sentence];
            let custody = fl & CUSTODY_CUE != 0;
            let rights = super::stage::rights_sentence(fl);
            let benign = fl & super::stage::BENIGN_CUE != 0;
            match e.requires {
                Some(Requirement::Rights) if !rights => continue,
                Some(Requirement::China)
                    if !self.china_near(flags, around, f.sentence, cues.china, words) =>
                {
                    continue
                }
                _ => {}
            }
            // a listed person's namesake in a story of ordinary crime, held in a sentence with
            // a crime cue and no rights cue but custody words (`Wong Yat-chin, 37, … was jailed
            // … after pleading guilty to two counts of drug trafficking`)
            if e.prisoner.is_some()
                && cues.crime_story()
                && fl & OTHER_RIGHTS_CUE == 0
                && self.crime_cue_in(found, f.sentence)
            {
                continue;
            }
            let sense = senses[i];
            let at = Found {
                sentence: f.sentence + around.base,
                ..*f
            };
            let f = &at;
            let mut evidence = 0.0;
            if let Some(t) = e.topic {
                let counts = sense.is_none_or(|(r, _)| r.is_issue());
                if counts {
                    // a judged mention in the issue sense is not damped by a benign cue
                    let damp = benign && sense.is_none();
                    evidence = e.weight * context_factor(m, rights, damp);
                    let ctx = (rights, damp, custody);
                    acc[t].add(f, e.weight, evidence, e.support, ctx);
                    if let Some(r) = e.region_topic {
                        acc[r].add(f, e.weight, evidence, e.support, ctx);
                    }
                    if f.sentence != sentence {
                        settle_own(acc, counted);
                        (sentence, counted) = (f.sentence, 0);
                    }
                    for x in [Some(t), e.region_topic].into_iter().flatten() {
                        if x < 64 && Some(x) != self.prisoner_topic {
                            counted |= 1 << x;
                        }
                    }
                }
            }
            let keep_hit = out.hits.len() < self.max_hits;
            if e.prisoner.is_none() && !keep_hit {
                out.hits_dropped += 1;
                continue;
            }
            let matched = CompactString::from(&text[f.start..f.end]);
            if let Some((name, region)) = &e.prisoner {
                self.add_prisoner(&mut out.prisoners, e.id, (name, *region), text, f, &matched);
                if e.former && !out.former.contains(&e.id) {
                    out.former.push(e.id);
                }
            }
            if keep_hit {
                out.hits.push(Hit {
                    topic: Cow::Borrowed(e.topic_name),
                    entry: Cow::Borrowed(e.id),
                    role: e.role,
                    start: f.start,
                    end: f.end,
                    text: matched,
                    sentence: f.sentence,
                    evidence,
                    sense: sense.map(|(reason, cue)| Judgement {
                        issue: reason.is_issue(),
                        reason,
                        cue: cue.map(|c| {
                            let c = &found[c as usize];
                            CompactString::from(&text[c.start..c.end])
                        }),
                    }),
                });
            } else {
                out.hits_dropped += 1;
            }
        }
        settle_own(acc, counted);
    }

    /// Adds the mention `f` of a listed person, and the person's name as the text writes it
    /// in the other script right beside it ([`crate::prisoners::written`]).
    fn add_prisoner(
        &self,
        prisoners: &mut Vec<Prisoner>,
        id: &'static str,
        (name, region): (&'static str, Option<&'static str>),
        text: &str,
        f: &Found,
        matched: &CompactString,
    ) {
        let mut mentions = vec![Mention {
            start: f.start,
            end: f.end,
            text: matched.clone(),
        }];
        if let Some(r) = crate::prisoners::written::other_script(text, f.start, f.end) {
            mentions.push(Mention {
                start: r.start,
                end: r.end,
                text: CompactString::from(&text[r]),
            });
        }
        let p = match prisoners.iter_mut().position(|p| p.id == id) {
            Some(k) => &mut prisoners[k],
            None => {
                prisoners.push(Prisoner {
                    id: Cow::Borrowed(id),
                    name: Cow::Borrowed(name),
                    region: region.map(Cow::Borrowed),
                    mentions: Vec::new(),
                    listed: true,
                    custody: None,
                });
                let last = prisoners.len() - 1;
                &mut prisoners[last]
            }
        };
        for m in mentions {
            // stored mentions obey the same cap as stored hits
            let seen = p
                .mentions
                .iter()
                .any(|q| q.start == m.start && q.end == m.end);
            if !seen && p.mentions.len() < self.max_hits {
                p.mentions.push(m);
            }
        }
    }

    pub(super) fn entries_topic_name(&self, t: usize) -> &'static str {
        crate::intern::intern(&self.topics[t])
    }

    /// Step 7: scores and decisions per topic.
    pub(super) fn score_topics(
        &self,
        text: &str,
        scratch: &Scratch,
        n_sent: usize,
        words: usize,
    ) -> BTreeMap<String, TopicScore> {
        let m = &self.model;
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let mut topics = BTreeMap::new();
        let strongest = scratch.acc.iter().map(Acc::total).fold(0.0, f64::max);
        for (t, a) in scratch.acc.iter().enumerate() {
            let custody_counts = self.prisoner_topic == Some(t);
            let share = ratio(a.prominent_sentences(custody_counts), n_sent);
            let evidence = a.total();
            let score = coverage(m, evidence, share);
            let (present, primary) = decide(&self.thresholds[t], evidence, score);
            let first = a.first_prominent(custody_counts);
            let early = raised_early(m, first, n_sent);
            let own_share = if t >= 64 || custody_counts || a.sentences == 0 {
                1.0
            } else {
                ratio(a.own_sentences, a.sentences)
            };
            let main = main_subject(m, share, early, evidence >= strongest)
                && !one_item_among_several(m, own_share);
            topics.insert(
                self.topics[t].clone(),
                TopicScore {
                    score,
                    present,
                    primary: primary && main,
                    raised_early: early,
                    main_subject: main,
                    hits: a.hits,
                    weighted: a.weighted,
                    evidence,
                    entries: a.entries.len(),
                    own_share,
                    sentence_share: share,
                    per_1000_words: ratio(a.hits * 1000, words),
                    first_mention: a.first.map(|s| ratio(s, text.len())),
                    first_sentence: first,
                    rights_context: ratio(a.in_rights, a.hits),
                    benign_context: ratio(a.in_benign, a.hits),
                },
            );
        }
        topics
    }
}

/// Counts a sentence for the one topic `counted` holds (a bit per topic), if it holds one.
fn settle_own(acc: &mut [Acc], counted: u64) {
    if counted.count_ones() == 1 {
        if let Some(a) = acc.get_mut(counted.trailing_zeros() as usize) {
            a.own_sentences += 1;
        }
    }
}
