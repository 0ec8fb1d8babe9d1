//! Chinese lists of detainees whose custody phrase stands away from each name:
//! `19岁的洛桑桑盖（Lobsang Sangay）、同是18岁的雅非（Yarphel）和南萨（Namsay），于8月12日……被带走羁押`.
//!
//! A name here is marked by its shape, not by the verb beside it: an age before it
//! (`N岁的X`) or its romanisation in brackets after it (`X（Lobsang Sangay）`). Either is taken
//! only in a sentence that holds a custody phrase, so a list of athletes with their ages, or
//! the victims of an accident, gives nothing.

use super::zh::{ends_in_name_stop, plausible};
use super::zh_words::ROLES;
use super::{Candidate, Reason};
use crate::normalize::is_cjk;
use crate::prisoners::names;
use crate::prisoners::names::NAME_DOTS as DOTS;
use std::ops::Range;

/// Custody phrases anywhere in the sentence; and `迫害`, the word reports on detained Uyghur
/// scholars and Falun Gong practitioners use for what was done to them.
pub(super) const CUSTODY: &[&str] = &[
    "被带走",
    "被帶走",
    "带走",
    "帶走",
    "羁押",
    "羈押",
    "拘留",
    "拘捕",
    "逮捕",
    "被捕",
    "拘押",
    "关押",
    "關押",
    "判处",
    "判處",
    "判刑",
    "被判",
    "入狱",
    "入獄",
    "监禁",
    "監禁",
    "抓捕",
    "抓走",
    "迫害",
    "下落不明",
];

/// Words that separate the names of a list (a name may start right after one).
const SEPARATORS: &[&str] = &["、", "，", ",", "；", "：", "和", "及", "与", "與"];

/// Numerals that may stand before `岁`.
pub(super) const NUMERALS: &str = "0123456789０１２３４５６７８９一二三四五六七八九十两兩百";

/// Whether `left` ends with an age: `19岁的`, `二十二岁的`, `同是18歲的`, `二十多岁的`.
pub(super) fn aged(left: &str) -> bool {
    let Some(rest) = left
        .strip_suffix("岁的")
        .or_else(|| left.strip_suffix("歲的"))
    else {
        return false;
    };
    // an approximate age: `二十多岁的`, `三十余岁的`
    let rest = rest.strip_suffix(['多', '余', '餘']).unwrap_or(rest);
    rest.chars()
        .next_back()
        .is_some_and(|c| NUMERALS.contains(c))
}

/// Whether `inner` (the text between brackets) is a romanised name: one to four capitalised
/// Latin words (hyphens and apostrophes inside), none of them a word that is never a name.
fn is_romanisation(inner: &str) -> bool {
    let words: Vec<&str> = inner.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    (1..=4).contains(&words.len())
        && inner.len() <= 48
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && w.chars().all(|c| c.is_ascii_alphabetic() || c == '\'')
                && !names::is_not_name_word(w)
        })
}

/// The byte where a bracketed romanisation that ends `head` opens: `洛桑（Lobsang）` gives the
/// offset of `（`.
pub(super) fn romanisation_before(head: &str) -> Option<usize> {
    let body = head.strip_suffix('）').or_else(|| head.strip_suffix(')'))?;
    let open = body.rfind(['（', '('])?;
    let inner = &body[open..];
    let inner = inner.trim_start_matches(['（', '(']);
    is_romanisation(inner.trim()).then_some(open)
}

/// The end of the bracketed romanisation that opens at byte `open`, if one does.
fn romanisation_at(s: &str, open: usize) -> Option<usize> {
    let rest = &s[open..];
    let body = rest.strip_prefix('（').or_else(|| rest.strip_prefix('('))?;
    let close = body.find(['）', ')'])?;
    let end = open + (rest.len() - body.len()) + close;
    is_romanisation(body[..close].trim())
        .then(|| end + s[end..].chars().next().map_or(0, char::len_utf8))
}

/// Whether a name may start where `left` ends: at the start, after punctuation or a
/// separator, a role word, or an age.
fn edge(left: &str) -> bool {
    if ends_in_name_stop(left) {
        return false;
    }
    left.chars().next_back().is_none_or(|c| !is_cjk(c))
        || SEPARATORS.iter().any(|w| left.ends_with(w))
        || ROLES
            .iter()
            .chain(super::zh_enum::OCCUPATIONS)
            .any(|r| left.ends_with(r))
        || aged(left)
}

/// The start of the name that ends at byte `end`: the nearest edge at least two characters
/// back, at most eight characters back (twelve across a dot), over Han characters and dots.
fn name_start(s: &str, end: usize) -> Option<usize> {
    let head = &s[..end];
    let mut best = None;
    let mut most = 8;
    for (count, (i, c)) in head.char_indices().rev().enumerate() {
        let stop = matches!(c, '.' | '．') && ends_in_name_stop(&head[..i + c.len_utf8()]);
        if DOTS.contains(&c) || stop {
            most = 12;
        }
        if count >= most || !(is_cjk(c) || DOTS.contains(&c) || stop) {
            break;
        }
        if count >= 1 && edge(&head[..i]) {
            best = Some(i);
            break;
        }
    }
    best
}

/// The end of the name that starts at byte `start` (after an age): Han characters and dots
/// up to a bracket, punctuation, a separator or the end; at most eight characters.
fn name_end(s: &str, start: usize) -> Option<usize> {
    for (count, (i, c)) in s[start..].char_indices().enumerate() {
        let at = start + i;
        let stop = !(is_cjk(c) || DOTS.contains(&c))
            || (count >= 2 && SEPARATORS.iter().any(|w| s[at..].starts_with(w)));
        if stop {
            let mark = matches!(c, '（' | '(' | '、' | '，' | ',' | '；' | '。') || !is_cjk(c);
            return (count >= 2 && mark).then_some(at);
        }
        if count >= 8 {
            return None;
        }
    }
    (s[start..].chars().count() >= 2).then_some(s.len())
}

/// Whether a name found by its shape may be a person: the age or the romanisation stands
/// for a role word, so any 2-4 characters that pass the finder's test, or a longer Tibetan or
/// dotted transliteration.
fn list_name(name: &str) -> Option<f64> {
    plausible(name, true)
}

/// Finds the names with ages or bracketed romanisations in one sentence that holds a custody
/// phrase (spans relative to it).
pub(super) fn find(s: &str) -> Vec<Candidate> {
    let Some(evidence) = CUSTODY
        .iter()
        .filter_map(|p| s.find(p).map(|i| i..i + p.len()))
        .min_by_key(|r: &Range<usize>| r.start)
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut push = |name: Range<usize>, w: f64| {
        if let Some(shape) = list_name(&s[name.clone()]) {
            out.push(Candidate::zh(name, evidence.clone(), w * shape));
        }
    };
    for (i, c) in s.char_indices() {
        let age_mark = s[i..].starts_with("岁的") || s[i..].starts_with("歲的");
        if age_mark && aged(&s[..i + "岁的".len()]) {
            let start = i + "岁的".len();
            if let Some(end) = name_end(s, start) {
                let bracket = romanisation_at(s, end).is_some();
                push(start..end, if bracket { 0.9 } else { 0.8 });
            }
        }
        if matches!(c, '（' | '(') && romanisation_at(s, i).is_some() {
            if let Some(start) = name_start(s, i).filter(|&st| !aged(&s[..st])) {
                push(start..i, 0.85);
            }
        }
    }
    out
}

/// Custody phrases of a clause whose subject is named at its start.
const CLAUSE_CUSTODY: &[&str] = &[
    "被重判",
    "被判",
    "被捕",
    "被刑拘",
    "被拘",
    "被逮捕",
    "被关押",
    "被關押",
    "被带走",
    "被帶走",
    "被抓",
    "入狱",
    "入獄",
];

/// Characters that may follow a name at the start of its clause (`师涛以……`, `王某在……`).
const AFTER_SUBJECT: &str = "以因在于於曾已将將也又是等便则則即从從向对對";

/// Clause ends.
const CLAUSE_ENDS: [char; 8] = ['，', '。', '；', ',', ';', '！', '？', '：'];

/// A role word and the name after it as the subject of a clause that ends in custody, the
/// verb far from the name: `湖南记者师涛以其电邮发了一份文件……便被重判十年`. The name is two
/// or three characters, ended by a word that commonly follows a subject (`以`, `因`, `在`);
/// a custody phrase that describes someone else (`为被捕的……`, `被捕者`) does not count.
pub(super) fn role_subject(s: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (pos, _) in s.char_indices() {
        let Some(role) = ROLES.iter().find(|r| s[pos..].starts_with(*r)) else {
            continue;
        };
        let from = pos + role.len();
        let ends: Vec<usize> = s[from..]
            .char_indices()
            .map(|(i, _)| from + i)
            .skip(2)
            .take(2)
            .collect();
        let Some(&end) = ends.iter().find(|&&e| {
            s[e..]
                .chars()
                .next()
                .is_some_and(|c| AFTER_SUBJECT.contains(c))
                && !s[from..e].contains(CLAUSE_ENDS)
        }) else {
            continue;
        };
        let Some(shape) = plausible(&s[from..end], true) else {
            continue;
        };
        let clause_end = s[end..].find(CLAUSE_ENDS).map_or(s.len(), |i| end + i);
        let clause = &s[end..clause_end];
        let found = CLAUSE_CUSTODY.iter().find_map(|p| {
            let i = clause.find(p)?;
            let after = &clause[i + p.len()..];
            let before = &clause[..i];
            let other = after.starts_with(['的', '者'])
                || before.ends_with(['为', '為', '替', '对', '對', '将', '將'])
                || ROLES.iter().any(|r| {
                    // another person named right before the phrase: `维权人士李四被捕`
                    before
                        .rfind(r)
                        .is_some_and(|k| before[k + r.len()..].chars().count() <= 4)
                });
            (!other).then(|| end + i..end + i + p.len())
        });
        if let Some(ev) = found {
            out.push(Candidate {
                name: from..end,
                evidence: ev,
                reason: Reason::ZhBefore,
                confidence: 0.75 * shape,
            });
        }
    }
    out
}
