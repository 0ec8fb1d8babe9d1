//! Steps 6 and 7 of the classify stage: evidence per topic from the hits that count, then
//! the scores, decisions and report parts. Every formula is in [`crate::score`].

use super::stage::{Found, Scratch, CHINA_CUE, CUSTODY_CUE, RIGHTS_CUE};

use super::Inner;
use crate::lexicon::Requirement;
use crate::report::{Hit, Judgement, Mention, Prisoner, TopicScore};
use crate::score::{context_factor, coverage, decide, main_subject, raised_early};
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
    fn china_near(
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
            acc[t].custody_sentences += flags.iter().filter(|&&x| x & CUSTODY_CUE != 0).count();
        }
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
                }
            }
            let keep_hit = out.hits.len() < self.max_hits;
            if e.prisoner.is_none() && !keep_hit {
                out.hits_dropped += 1;
                continue;
            }
            let matched = CompactString::from(&text[f.start..f.end]);
            if let Some((name, region)) = &e.prisoner {
                self.add_prisoner(&mut out.prisoners, e.id, name, *region, f, &matched);
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
    }

    fn add_prisoner(
        &self,
        prisoners: &mut Vec<Prisoner>,
        id: &'static str,
        name: &'static str,
        region: Option<&'static str>,
        f: &Found,
        matched: &CompactString,
    ) {
        let mention = Mention {
            start: f.start,
            end: f.end,
            text: matched.clone(),
        };
        match prisoners.iter_mut().find(|p| p.id == id) {
            // stored mentions obey the same cap as stored hits
            Some(p) if p.mentions.len() < self.max_hits => p.mentions.push(mention),
            Some(_) => {}
            None => prisoners.push(Prisoner {
                id: Cow::Borrowed(id),
                name: Cow::Borrowed(name),
                region: region.map(Cow::Borrowed),
                mentions: vec![mention],
                listed: true,
                custody: None,
            }),
        }
    }

    /// People named in a custody context whom no lexicon holds (see [`crate::prisoners`]):
    /// reported with `listed: false`; with a China link in the document (a China cue or a hit
    /// of a topic entry that needs no context), each adds evidence to the prisoner topic.
    ///
    /// Called once per window, like [`Inner::gather_evidence`]; their evidence is counted
    /// by [`Inner::count_unlisted`] once every window is done.
    pub(super) fn add_unlisted(
        &self,
        text: &str,
        scratch: &Scratch,
        (china_cues, base): (usize, usize),
        out: &mut Gathered,
    ) {
        let Some(t) = self.prisoner_topic else {
            return;
        };
        // Only sentences that can hold a custody construction: a rights cue (`detained`,
        // `sentenced`, `in custody`...) or a Chinese custody character. The finder is the
        // costliest step per sentence, and most sentences of a corpus hold neither.
        let flags = &scratch.flags;
        let sentences: Vec<std::ops::Range<usize>> = scratch
            .starts
            .windows(2)
            .enumerate()
            .filter(|(k, w)| {
                flags.get(*k).is_some_and(|x| x & RIGHTS_CUE != 0)
                    || text.get(w[0]..w[1]).is_some_and(has_custody_char)
            })
            .map(|(_, w)| w[0]..w[1])
            .collect();
        let covered = Covered::new(&scratch.found);
        let mut added = false;
        for c in crate::prisoners::unlisted::find_in(text, &sentences) {
            if covered.overlaps(&c.name) {
                continue;
            }
            let name = &text[c.name.clone()];
            // a registry person's two-character Chinese name (a short form, 师涛 or 師濤)
            // named in custody is that person
            let person = self.registry_person_named(name);
            if person.is_none() && out.unlisted.iter().any(|p| p.name == name) {
                continue;
            }
            // the sentence of the custody phrase, which the window always holds (a testimony
            // names the person on the line before `He was detained`)
            let sentence = scratch.starts.partition_point(|&s| s <= c.evidence.start);
            let f = Found {
                entry: u32::MAX,
                start: c.name.start,
                end: c.name.end,
                sentence: sentence.saturating_sub(1),
            };
            let fl = scratch.flags.get(f.sentence).copied().unwrap_or(0);
            let (rights, custody) = (fl & RIGHTS_CUE != 0, fl & CUSTODY_CUE != 0);
            let f = Found {
                sentence: f.sentence + base,
                ..f
            };
            let mut evidence = 0.0;
            if china_cues > 0 {
                evidence = context_factor(&self.model, rights, false);
                out.unlisted_adds.push((f, evidence, rights, custody));
            }
            let mention = |r: std::ops::Range<usize>| Mention {
                start: r.start,
                end: r.end,
                text: CompactString::from(&text[r]),
            };
            let (id, entry) = match person {
                Some((id, ..)) => (Cow::Borrowed(id), id),
                None => (Cow::Owned(format!("unlisted:{name}")), UNLISTED_ENTRY),
            };
            match out.unlisted.iter_mut().find(|p| p.id == id) {
                Some(p) if p.mentions.len() < self.max_hits => p.mentions.push(mention(c.name)),
                Some(_) => {}
                None => out.unlisted.push(Prisoner {
                    id,
                    name: person.map_or(Cow::Owned(name.to_string()), |p| Cow::Borrowed(p.1)),
                    region: person.and_then(|p| p.2).map(Cow::Borrowed),
                    mentions: vec![mention(c.name.clone())],
                    listed: person.is_some(),
                    custody: Some(mention(c.evidence.clone())),
                }),
            }
            let hit = Hit {
                topic: Cow::Borrowed(self.entries_topic_name(t)),
                entry: Cow::Borrowed(entry),
                role: crate::lexicon::Role::Topic,
                start: f.start,
                end: f.end,
                text: CompactString::from(name),
                sentence: f.sentence,
                evidence,
                sense: None,
            };
            // the kept hits stay the first `max_hits` in text order: a full list gives up its
            // last hit for an earlier one, and every hit not kept is counted
            if out.hits.len() < self.max_hits {
                out.hits.push(hit);
                added = true;
            } else if let Some(last) = out
                .hits
                .iter()
                .enumerate()
                .max_by_key(|(_, h)| (h.start, h.end))
                .filter(|(_, h)| (h.start, h.end) > (hit.start, hit.end))
                .map(|(k, _)| k)
            {
                out.hits[last] = hit;
                out.hits_dropped += 1;
                added = true;
            } else {
                out.hits_dropped += 1;
            }
        }
        if added {
            out.hits.sort_by_key(|h| (h.start, h.end));
        }
    }

    /// The prisoner entry one of whose short forms is the whole of `name` (a two-character
    /// Chinese name of a registry person, which alone counts only after a full mention): its
    /// id, name and region.
    fn registry_person_named(
        &self,
        name: &str,
    ) -> Option<(&'static str, &'static str, Option<&'static str>)> {
        if !name.chars().all(crate::normalize::is_cjk) {
            return None;
        }
        let mut raw = Vec::new();
        self.matcher.scan(name, &mut raw);
        let m = raw.iter().find(|m| m.start == 0 && m.end == name.len())?;
        self.matcher.targets_of(m.pattern).iter().find_map(|&t| {
            let (entry, short) = self.targets[t as usize];
            let e = &self.entries[entry as usize];
            let (pname, region) = e.prisoner.as_ref().filter(|_| short)?;
            Some((e.id, *pname, *region))
        })
    }

    /// The evidence of the people no list holds, counted for the prisoner topic after every
    /// listed hit (as when the document is read whole); their prisoners join the report's.
    ///
    /// Listed people the document does not present as held (wanted only, or a former
    /// detainee quoted as a source: [`crate::prisoners::not_held`]) leave the prisoner list.
    pub(super) fn count_unlisted(&self, text: &str, scratch: &mut Scratch, out: &mut Gathered) {
        if let Some(t) = self.prisoner_topic {
            for (f, evidence, rights, custody) in out.unlisted_adds.drain(..) {
                let ctx = (rights, false, custody);
                scratch.acc[t].add(&f, 1.0, evidence, false, ctx);
            }
        }
        // a registry person named in custody by a short form joins the same person's record
        for p in out.unlisted.drain(..) {
            match out.prisoners.iter_mut().find(|q| p.listed && q.id == p.id) {
                Some(q) => {
                    let room = self.max_hits.saturating_sub(q.mentions.len());
                    q.mentions.extend(p.mentions.into_iter().take(room));
                }
                None => out.prisoners.push(p),
            }
        }
        let former = &out.former;
        out.prisoners.retain(|p| {
            let spans: Vec<std::ops::Range<usize>> =
                p.mentions.iter().map(|m| m.start..m.end).collect();
            let was = former.iter().any(|id| p.id == *id);
            !(p.listed && crate::prisoners::not_held::not_held(text, &spans, was))
        });
    }

    fn entries_topic_name(&self, t: usize) -> &'static str {
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
            let early = raised_early(m, a.first_sentence, n_sent);
            let main = main_subject(m, share, early, evidence >= strongest);
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
                    sentence_share: share,
                    per_1000_words: ratio(a.hits * 1000, words),
                    first_mention: a.first.map(|s| ratio(s, text.len())),
                    first_sentence: a.first_sentence,
                    rights_context: ratio(a.in_rights, a.hits),
                    benign_context: ratio(a.in_benign, a.hits),
                },
            );
        }
        topics
    }
}

/// Whether a span overlaps a match of the document, found by binary search among matches in
/// text order (a linear scan per span made a document dense in names quadratic).
struct Covered<'a> {
    found: &'a [Found],
    /// Longest match, so that every match overlapping a span starts at most this far before.
    longest: usize,
    /// The matches are in order of their starts (the scan gives them so).
    sorted: bool,
}

impl<'a> Covered<'a> {
    fn new(found: &'a [Found]) -> Covered<'a> {
        Covered {
            found,
            longest: found.iter().map(|f| f.end - f.start).max().unwrap_or(0),
            sorted: found.windows(2).all(|w| w[0].start <= w[1].start),
        }
    }

    fn overlaps(&self, r: &std::ops::Range<usize>) -> bool {
        let hit = |f: &Found| f.start < r.end && r.start < f.end;
        if !self.sorted {
            return self.found.iter().any(hit);
        }
        let lo = self
            .found
            .partition_point(|f| f.start + self.longest < r.start);
        let hi = self.found.partition_point(|f| f.start < r.end);
        self.found[lo..hi.max(lo)].iter().any(hit)
    }
}

/// Whether `t` holds one of the Chinese custody characters 被 判 捕 拘 押 禁. Each is three
/// bytes in UTF-8, led by a byte from E5 to E8; text without such a byte (English, with its
/// curly quotes and dashes, led by E2) is ruled out by a pass over its bytes that compiles to
/// vector code, instead of decoding every character.
fn has_custody_char(t: &str) -> bool {
    let maybe = t
        .as_bytes()
        .chunks(32)
        .any(|c| c.iter().fold(false, |a, &b| a | (b.wrapping_sub(0xE5) < 4)));
    maybe && t.contains(['被', '判', '捕', '拘', '押', '禁'])
}

#[cfg(test)]
mod tests {
    use super::has_custody_char;

    #[test]
    fn custody_characters_found_as_str_contains_finds_them() {
        let long = "The “quiet” man—free—walked. ".repeat(3);
        for t in [
            "",
            "他被捕了",
            "判",
            "禁止",
            "拘押",
            "收藏独特",
            "ASCII only, no custody at all",
            long.as_str(),
            &format!("{long}被"),
            &format!("{long}香港{long}"),
        ] {
            let want = t.contains(['被', '判', '捕', '拘', '押', '禁']);
            assert_eq!(has_custody_char(t), want, "{t}");
        }
    }
}
