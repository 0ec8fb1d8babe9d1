//! Step 6, second part: people named in a custody context whom no lexicon or registry holds
//! (found by [`crate::prisoners::unlisted`]), gathered a window at a time like the listed
//! hits, then counted and joined to the report's prisoners once every window is done.

use super::evidence::{Around, Gathered, UNLISTED_ENTRY};
use super::stage::{Cues, Found, Scratch, CUSTODY_CUE, OTHER_RIGHTS_CUE, RIGHTS_CUE};
use super::Inner;
use crate::prisoners::unlisted::Candidate;
use crate::report::{Hit, Mention, Prisoner};
use crate::score::context_factor;
use compact_str::CompactString;
use std::borrow::Cow;

impl Inner {
    /// People named in a custody context whom no lexicon holds (see [`crate::prisoners`]):
    /// reported with `listed: false`; with a China link near the custody phrase (a China cue
    /// or a hit of a topic entry that needs no context within `china_window` sentences, or a
    /// document dense in them: [`Inner::china_near`]), each adds evidence to the prisoner
    /// topic. In a story of ordinary crime, a person held in a sentence with a crime cue and
    /// no rights cue but custody words is left out.
    ///
    /// Called once per window, like [`Inner::gather_evidence`]; their evidence is counted
    /// by [`Inner::count_unlisted`] once every window is done.
    pub(super) fn add_unlisted(
        &self,
        text: &str,
        scratch: &Scratch,
        (cues, around, words): (&Cues, &Around, usize),
        out: &mut Gathered,
    ) {
        let (base, crime_story) = (around.base, cues.crime_story());
        let Some(t) = self.prisoner_topic else {
            return;
        };
        // Only sentences that can hold a custody construction: a rights cue (`detained`,
        // `sentenced`, `in custody`...) or a Chinese custody character. The finder is the
        // costliest step per sentence, and most sentences of a corpus hold neither.
        let flags = &scratch.flags;
        // A sentence right after one of those may name the people it counted (`这些僧人分别是…`).
        let mut sentences: Vec<std::ops::Range<usize>> = Vec::new();
        for (k, w) in scratch.starts.windows(2).enumerate() {
            let custody = flags.get(k).is_some_and(|x| x & RIGHTS_CUE != 0)
                || text.get(w[0]..w[1]).is_some_and(has_custody_char);
            let after = sentences.last().is_some_and(|p| p.end == w[0])
                && text
                    .get(w[0]..w[1])
                    .is_some_and(crate::prisoners::unlisted::introduces_names);
            if custody || after {
                sentences.push(w[0]..w[1]);
            }
        }
        let covered = Covered::new(&scratch.found);
        let mut added = false;
        let mut candidates = crate::prisoners::unlisted::find_in(text, &sentences);
        let beside = beside_found(text, &scratch.starts, out, &candidates);
        candidates.extend(beside);
        // in text order, so that a document read in windows lists its people as read whole
        candidates.sort_by_key(|c| (c.name.start, c.name.end));
        // a listed person's mentions include the name written beside a match in the other
        // script (`塔史博拉提.提依普(Tashpolat Teyip)`), which no match covers
        let beside_listed = |r: &std::ops::Range<usize>| {
            out.prisoners.iter().any(|p| {
                p.mentions
                    .iter()
                    .any(|m| m.start < r.end && r.start < m.end)
            })
        };
        for c in candidates {
            // a listed person whose match lacked the context its entry requires (`requires =
            // "rights"`: `The trial of Lee Ming-che`) is held after all when a custody
            // construction names them
            let held = covered.overlapping(&c.name).find_map(|f| {
                let e = self.entries.get(f.entry as usize)?;
                let (pname, region) = e.prisoner.as_ref()?;
                let accepted = out.prisoners.iter().any(|p| p.id == e.id);
                (!accepted).then_some((e.id, *pname, *region))
            });
            if (held.is_none() && covered.overlaps(&c.name)) || beside_listed(&c.name) {
                continue;
            }
            // in a story of ordinary crime (see `Cues::crime_story`), a person held in a
            // sentence with a crime cue and no rights cue but custody words is a suspect, not
            // a prisoner (`delivery van driver Lui Wing-yip was arrested … with three
            // suitcases … containing cocaine`)
            let sentence = scratch.starts.partition_point(|&s| s <= c.evidence.start);
            let k = sentence.saturating_sub(1);
            let fl = scratch.flags.get(k).copied().unwrap_or(0);
            if crime_story && fl & OTHER_RIGHTS_CUE == 0 && self.crime_cue_in(&scratch.found, k) {
                continue;
            }
            let name = &text[c.name.clone()];
            // a registry person's two-character Chinese name (a short form, 师涛 or 師濤)
            // named in custody is that person
            let person = held.or_else(|| self.registry_person_named(name));
            if person.is_none() && out.unlisted.iter().any(|p| p.name == name) {
                continue;
            }
            // the sentence of the custody phrase (above), which the window always holds (a
            // testimony names the person on the line before `He was detained`)
            let f = Found {
                entry: u32::MAX,
                start: c.name.start,
                end: c.name.end,
                sentence: sentence.saturating_sub(1),
            };
            let (rights, custody) = (fl & RIGHTS_CUE != 0, fl & CUSTODY_CUE != 0);
            let f = Found {
                sentence: f.sentence + base,
                ..f
            };
            let mut evidence = 0.0;
            // a China link near the custody phrase, as `requires = "china"` asks of listed
            // entries: a country report on Iran that names China once is no link
            if self.china_near(&scratch.flags, around, k, cues.china, words) {
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

    /// Whether sentence `k` of the window holds a cue of ordinary crime (`cocaine`, `诈骗`).
    pub(super) fn crime_cue_in(&self, found: &[Found], k: usize) -> bool {
        found.iter().any(|f| {
            f.sentence == k
                && self
                    .entries
                    .get(f.entry as usize)
                    .is_some_and(|e| e.frame == Some(crate::Frame::Crime))
        })
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
            !crate::prisoners::not_held::not_held(text, &spans, was && p.listed)
        });
    }
}

/// The people listed beside prisoners already found ([`crate::prisoners::unlisted::beside`]),
/// in the sentences (`starts`, the window's sentence starts and its end) that hold two or
/// more of them: the listed prisoners gathered so far, the people no list holds, and this
/// window's `candidates`.
fn beside_found(
    text: &str,
    starts: &[usize],
    out: &Gathered,
    candidates: &[Candidate],
) -> Vec<Candidate> {
    // only this window's mentions: earlier windows' people are listed too
    let (Some(&lo), Some(&hi)) = (starts.first(), starts.last()) else {
        return Vec::new();
    };
    let mut known: Vec<std::ops::Range<usize>> = out
        .prisoners
        .iter()
        .chain(&out.unlisted)
        .flat_map(|p| p.mentions.iter().map(|m| m.start..m.end))
        .filter(|m| lo <= m.start && m.start < hi)
        .chain(candidates.iter().map(|c| c.name.clone()))
        .collect();
    if known.len() < crate::prisoners::unlisted::MIN_KNOWN {
        return Vec::new();
    }
    known.sort_by_key(|r| (r.start, r.end));
    let mut found = Vec::new();
    for w in starts.windows(2) {
        let lo = known.partition_point(|r| r.start < w[0]);
        let hi = known.partition_point(|r| r.start < w[1]);
        let (Some(sentence), Some(here)) = (text.get(w[0]..w[1]), known.get(lo..hi)) else {
            continue;
        };
        if here.len() < crate::prisoners::unlisted::MIN_KNOWN {
            continue;
        }
        let rel: Vec<std::ops::Range<usize>> = here
            .iter()
            .filter(|r| r.end <= w[1])
            .map(|r| r.start - w[0]..r.end - w[0])
            .collect();
        found.extend(
            crate::prisoners::unlisted::beside(sentence, &rel)
                .into_iter()
                .map(|mut c| {
                    c.name = c.name.start + w[0]..c.name.end + w[0];
                    c.evidence = c.evidence.start + w[0]..c.evidence.end + w[0];
                    c
                }),
        );
    }
    found
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
        self.overlapping(r).next().is_some()
    }

    /// The matches that overlap span `r`.
    fn overlapping<'s>(
        &'s self,
        r: &'s std::ops::Range<usize>,
    ) -> impl Iterator<Item = &'a Found> + 's {
        let (lo, hi) = if self.sorted {
            let lo = self
                .found
                .partition_point(|f| f.start + self.longest < r.start);
            (lo, self.found.partition_point(|f| f.start < r.end).max(lo))
        } else {
            (0, self.found.len())
        };
        self.found[lo..hi]
            .iter()
            .filter(move |f| f.start < r.end && r.start < f.end)
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
