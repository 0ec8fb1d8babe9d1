//! People named in a custody context whom no list holds yet.
//!
//! [`find`] reads a text (or [`find_in`] its sentences) and returns [`Candidate`]s: a name as
//! written, the custody phrase that makes it a detainee, and a confidence. It knows nothing of
//! the lexicons; the caller drops candidates whose span a listed person's hit covers and
//! reports the rest as unlisted prisoners.
//!
//! **Precision first.** A false person in a report is worse than a miss, so a candidate needs
//! both a custody construction tied to the name and a name of a known shape:
//!
//! * English constructions ([`Reason`]): `X was detained / arrested / sentenced / jailed /
//!   taken away / disappeared`, `X, who was held...`, `X, a Uyghur scholar held since...`,
//!   `sentenced X to`, `police detained lawyer X`, `the detention of X`, `release X`. Only the
//!   words between name and phrase that such constructions allow may stand between them:
//!   `lawyer Liang Xiaojun has been prevented from visiting Song Ze, detained in May` names
//!   Song Ze, not Liang Xiaojun.
//! * Chinese constructions: `X被刑事拘留`, `X被捕`, `X被判`, `判处X有期徒刑`, `逮捕了X`...,
//!   with the name's left edge at punctuation or after a role word (`律师`, `维权人士`).
//! * English shapes of news and NGO prose ([`en`], [`en_possessive`]): descriptions between
//!   the custody word and the name (`the release of imprisoned Uyghur academic X`), held
//!   states (`X, who has been in prison since 2008`, `remains under house arrest`), brackets
//!   and quoted appositives before the verb (`X (also known as Y) was indicted`), `including
//!   X, Y and Z` after a custody clause, possessives (`X's arrest`, `X's wife said he was
//!   detained`), a quoted nickname inside a name (`Jin “Ezra” Mingri`).
//! * Chinese lists ([`zh_enum`]): names joined by `、` in a sentence with a custody or
//!   prisoner phrase, every item after the first a name (`随着朱承志、肖勇、吴昌龙等……获释`),
//!   no official among them; verdicts with a term per person (`判处A有期徒刑…，B有期徒刑…`);
//!   passives with an agent (`X被天津警方带走`, in [`zh`]) or a charge
//!   (`X被以“寻衅滋事”的罪名逮捕`); a list that names the people the sentence before counted
//!   in custody (`……七名僧人。这些僧人分别是A、B和C`).
//! * What may stand between a Chinese name and its phrase ([`zh_gap`]): an adverb, a time
//!   phrase (`扎西东珠去年12月底被拘捕`), a title (`王强弟兄被判`), a second name joined by `和`,
//!   a clause of cause (`余凤连因涉嫌……而遭到刑事拘留`), a place phrase
//!   (`在河北省邢台市清河县被……抓捕`); and an agent described rather than named
//!   (`被3名不明身份男子抓捕`).
//! * A relative clause of custody before a role word and a name ([`zh_relative`]):
//!   `……被警察拘捕、至今下落不明的……编辑扎西加措`.
//! * An enumeration of names mostly found as prisoners already, listed people or people of
//!   the shapes above ([`beside`]): its other names of a known origin are prisoners too,
//!   whatever verb the sentence holds (`… targeted, including Bao Luo (保罗), Lu Bi (卢比),
//!   Liu Chunlin (刘春林), Dai Xiangnan (戴湘南) …`).
//! * A one-word name before `, who was sentenced` and the like ([`en_single`]), in a
//!   document about Tibetans, Uyghurs or Kazakhs, unless the text also writes the word inside
//!   a longer name (a surname standing for someone).
//! * A chain of names sharing one custody phrase, with longer joints ([`en_chain`]): `along
//!   with`, `as well as`, brackets, ages, a place of origin and appositives between the names
//!   (`monks Lobsang Samten and Lobsang Trinley of Kirti Monastery, along with Tsering Tashi
//!   and Wangkyi(f), have remained incommunicado`); a one-word name in it needs a Tibetan,
//!   Uyghur or Han name beside it, or a role word before it.
//! * A pronoun custody sentence after one that a name opens ([`en_lists`]): `Wong Chun-kit's
//!   crimes also included... He had been remanded in custody`.
//! * Shapes that tie a name to custody away from the verb ([`en_lists`], [`zh_lists`]): two or
//!   more names with ages in a sentence with a custody word (`All three—A, 31, B, 52—pleaded
//!   guilty`), a sentence opened by a custody participle (`Detained in 2020, X was sent
//!   back`), a testimony line that opens with a name and goes on `He was detained`; in
//!   Chinese, `N岁的X` and `X（Romanisation）` in a sentence with a custody phrase
//!   (`19岁的洛桑桑盖（Lobsang Sangay）、……被带走羁押`).
//! * Name shapes: romanised Han names (a known surname, then pinyin or hyphenated Cantonese
//!   syllables), Western-order Hong Kong names (`Jimmy Lai`), Tibetan and Uyghur names (known
//!   name words); 2-4 capitalised words, none of them a title, institution, place, people or
//!   month; Han names of 2-4 characters led by a surname, or any 2-4 characters after a role
//!   word, or a dotted transliteration (`伊力哈木·土赫提`, or `古丽妮萨.伊明` with a full stop
//!   for the dot), or a Tibetan name of known
//!   two-character parts (`格西丹增巴桑`, [`crate::prisoners::tibetan_zh`]).
//!
//! Spans are byte offsets into the text given: `&text[c.name.clone()]` is the name as
//! written.

mod beside;
mod en;
mod en_chain;
mod en_held;
mod en_lists;
mod en_possessive;
mod en_single;
mod en_words;
mod zh;
mod zh_enum;
mod zh_gap;
mod zh_including;
mod zh_lists;
mod zh_refs;
mod zh_relative;
mod zh_words;

use crate::prisoners::names;
use std::ops::Range;

/// Candidates below this confidence are not returned.
pub(crate) const MIN_CONFIDENCE: f64 = 0.5;

/// Which construction tied the name to custody.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Reason {
    /// The name is the subject: `X was detained`, `X, who was sentenced`, `X disappeared`.
    Subject,
    /// The name follows a custody verb: `sentenced X to`, `police detained lawyer X`.
    Object,
    /// The name follows a custody noun: `the detention of X`, `calls to release X`.
    NounOf,
    /// An appositive says it: `X, a Uyghur scholar held since 2017`, `X, detained in May`.
    Appositive,
    /// Chinese, the name before the phrase: `X被刑事拘留`, `X被判`.
    ZhBefore,
    /// Chinese, the name after the verb: `判处X有期徒刑`, `逮捕了X`.
    ZhAfter,
    /// The name stands in an enumeration of people mostly found as prisoners already
    /// ([`beside`]); the evidence is the nearest of them.
    Beside,
}

/// A person named in a custody context.
///
/// # Examples
///
/// ```ignore
/// let text = "Police detained the activist Zhang Wuzhou in 2018.";
/// let c = &find(text)[0];
/// assert_eq!(&text[c.name.clone()], "Zhang Wuzhou");
/// assert_eq!(&text[c.evidence.clone()], "detained");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    /// Byte span of the name as written.
    pub(crate) name: Range<usize>,
    /// Byte span of the custody phrase (`was detained`, `判处`).
    pub(crate) evidence: Range<usize>,
    /// The construction found.
    pub(crate) reason: Reason,
    /// How sure the finder is, in `[MIN_CONFIDENCE, 1]`: the strength of the construction
    /// times how much the name looks like a name (a romanised Han name with a known surname
    /// scores higher than two capitalised words of unknown origin).
    pub(crate) confidence: f64,
}

impl Candidate {
    /// A name of a Chinese construction, [`Reason::ZhBefore`] or [`Reason::ZhAfter`] as the
    /// name stands before or after its custody phrase.
    pub(crate) fn zh(name: Range<usize>, evidence: Range<usize>, confidence: f64) -> Candidate {
        let reason = if name.start < evidence.start {
            Reason::ZhBefore
        } else {
            Reason::ZhAfter
        };
        Candidate {
            name,
            evidence,
            reason,
            confidence,
        }
    }
}

/// The byte offset in `run` (Chinese characters) right after its last role or occupation word
/// (`律师`, `专家`, `诗人`), or 0 when it holds none.
pub(crate) fn after_last_role(run: &str) -> usize {
    zh_words::ROLES
        .iter()
        .chain(zh_enum::OCCUPATIONS)
        .filter_map(|r| run.rfind(r).map(|i| i + r.len()))
        .max()
        .unwrap_or(0)
}

/// Whether `name` is a role word and one more word (`Pastor Li`): a person named elsewhere in
/// full, not a name of its own.
fn title_and_one_word(name: &str) -> bool {
    let mut words = name.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some(first), Some(_), None) => en_words::ROLES
            .iter()
            .chain(en_words::HONORIFICS)
            .any(|r| first.trim_end_matches('.').eq_ignore_ascii_case(r)),
        _ => false,
    }
}

/// Whether sentence `s` may name people the sentence before it counted in custody
/// (`这些僧人分别是…`): such a sentence holds no custody word itself, so a caller that reads
/// only sentences with one should read it too when it follows one.
pub(crate) fn introduces_names(s: &str) -> bool {
    zh_enum::introduces(s)
}

pub(crate) use beside::{beside, MIN_KNOWN};

/// Finds the people named in a custody context in `text`, in text order, one candidate per
/// name span (the most confident).
#[cfg(test)]
pub(crate) fn find(text: &str) -> Vec<Candidate> {
    let sentences: Vec<Range<usize>> = crate::segment::sentences(text).collect();
    find_in(text, &sentences)
}

/// Like [`find`], over sentence spans the caller already has (byte ranges of `text`, in
/// order; spans that are out of range or not on character boundaries are skipped).
pub(crate) fn find_in(text: &str, sentences: &[Range<usize>]) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut prev: Option<(Range<usize>, &str)> = None;
    for s in sentences {
        let Some(sentence) = text.get(s.clone()) else {
            continue;
        };
        let before = prev.replace((s.clone(), sentence));
        let shift = |mut c: Candidate| {
            c.name = c.name.start + s.start..c.name.end + s.start;
            c.evidence = c.evidence.start + s.start..c.evidence.end + s.start;
            c
        };
        let mut found = en::find(sentence);
        found.extend(zh::find(sentence));
        if crate::normalize::has_cjk(sentence) {
            found.extend(zh_lists::find(sentence));
            found.extend(zh_lists::role_subject(sentence));
            found.extend(zh_enum::find(sentence));
            found.extend(zh_enum::terms(sentence));
            found.extend(zh_including::find(sentence));
            let adjacent = |p: &Range<usize>| {
                text.get(p.end..s.start)
                    .is_some_and(|g| g.trim().is_empty())
            };
            if let Some((p, prev_text)) = before.filter(|(p, _)| adjacent(p)) {
                out.extend(
                    zh_enum::introduced(prev_text, sentence)
                        .into_iter()
                        .map(|mut c| {
                            c.name = c.name.start + s.start..c.name.end + s.start;
                            c.evidence = c.evidence.start + p.start..c.evidence.end + p.start;
                            c
                        }),
                );
            }
        }
        out.extend(found.into_iter().map(shift));
        out.extend(en_lists::testimony(text, s.clone()));
        out.extend(en_lists::pronoun_after_subject(text, s.clone()));
        out.extend(en_lists::under_heading(text, s.clone()));
    }
    // whether the text is about a people of one-word names, looked up once and only when a
    // one-word candidate needs it
    // a surname alone before a title (`丁长老`) stands for the full name written before
    for c in out.iter_mut() {
        let one_char = text[c.name.clone()].chars().count() == 1;
        if one_char {
            match zh_refs::resolve(text, c.name.clone()) {
                Some(full) => c.name = full,
                None => c.confidence = 0.0,
            }
        }
    }
    let mut one_name_people = None;
    out.retain(|c| {
        let name = &text[c.name.clone()];
        if c.confidence < MIN_CONFIDENCE || title_and_one_word(name) {
            return false;
        }
        if !names::is_name_token(name) {
            return true;
        }
        *one_name_people.get_or_insert_with(|| en_single::one_name_people(text))
            && !en_single::part_of_longer_name(text, name)
    });
    out.sort_by(|a, b| {
        (a.name.start, a.name.end)
            .cmp(&(b.name.start, b.name.end))
            .then(b.confidence.total_cmp(&a.confidence))
    });
    out.dedup_by(|later, first| later.name == first.name);
    out
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_lists;
#[cfg(test)]
mod tests_shapes;
