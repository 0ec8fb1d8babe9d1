//! A relative clause of custody before a role word and a name: `被警察拘捕、至今下落不明的
//! 47岁的知名藏族作家、……编辑扎西加措`, `被关押的维权人士李大明`. The custody phrase stands
//! before the name here, with `的` between them, so the name is found after the phrase.

use super::zh::{name_after, plausible};
use super::zh_gap::{name_before_gap, TITLES_AFTER};
use super::zh_words::ROLES;
use crate::normalize::is_cjk;
use crate::prisoners::names::NAME_DOTS as DOTS;
use crate::prisoners::{names, tibetan_zh};
use std::ops::Range;

/// The name a relative clause of custody describes: `被警察拘捕、至今下落不明的47岁的知名藏族
/// 作家、……编辑扎西加措，`, `被关押的维权人士李大明。` The clause is a passive that starts at
/// `phrase` (`被`/`遭`) and ends at `end`, a `的` follows it within 24 characters, and the
/// name comes after the last role word (`编辑`, `维权人士`) within 40 characters, ending at
/// punctuation. A clause that opens its sentence's subject (`X被拘捕的消息`) has a name
/// before the passive, which `name_before_gap` finds instead.
pub(super) fn relative_clause(s: &str, phrase: usize, end: usize) -> Vec<Range<usize>> {
    let Some(de) = clause_end(s, phrase, end) else {
        return Vec::new();
    };
    match after_role(s, end, de) {
        Some(name) => vec![name],
        None => bare_names(s, end + de + '的'.len_utf8()),
    }
}

/// Where the clause of custody that starts at `phrase` (ending at `end`) has its `的`: a
/// byte offset from `end`, within 24 characters and before punctuation.
fn clause_end(s: &str, phrase: usize, end: usize) -> Option<usize> {
    // `被` right after a name is that name's passive, not a clause before another one
    if s[..phrase]
        .chars()
        .next_back()
        .is_some_and(|c| is_cjk(c) && !"的了、".contains(c))
        && name_before_gap(s, phrase).is_some()
    {
        return None;
    }
    let span = clause_span(s, end);
    let de: usize = span.chars().take(24).map(char::len_utf8).sum();
    span[..de.min(span.len())].find('的')
}

/// The text after `end` up to punctuation, at most 40 characters.
fn clause_span(s: &str, end: usize) -> &str {
    let tail = &s[end..];
    let near: usize = tail.chars().take(40).map(char::len_utf8).sum();
    let span = &tail[..near];
    &span[..span
        .find(['。', '，', ',', '；', ';'])
        .unwrap_or(span.len())]
}

/// The name after the last role word between the clause's `的` (at `end + de`) and
/// punctuation: `……的47岁的知名藏族作家、……编辑扎西加措`.
fn after_role(s: &str, end: usize, de: usize) -> Option<Range<usize>> {
    let span = clause_span(s, end);
    let role = span[de..]
        .char_indices()
        .rev()
        .find(|&(i, _)| ROLES.iter().any(|r| span[de + i..].starts_with(r)))?
        .0;
    let at = end + de + role;
    // the name must end the clause, at punctuation or the end of the sentence, and look
    // like one without the role's help (`为被捕的牧师辩护` names no one)
    let name = name_after(s, at)?;
    let text = &s[name.clone()];
    let shaped = text.chars().next().is_some_and(names::is_han_surname_char)
        || text.contains(DOTS)
        || tibetan_zh::is_tibetan_name(text);
    let ends = s[name.end..].chars().next().is_none_or(|c| !is_cjk(c));
    (shaped && ends).then_some(name)
}

/// What may follow a bare name after the clause: a list separator, or the adverb or time
/// word that opens the rest of the sentence (`被判三年的王曉光已於……出獄`).
const FOLLOWERS: &[&str] = &[
    "、", "和", "及", "与", "與", "，", ",", "。", "；", "已", "今年", "去年", "仍", "也", "于",
    "於", "在", "目前", "现", "現",
];

/// The names right after a clause's `的` with no role word (`被判兩年勞教的高福琴姊妹、
/// 趙國愛姊妹……和李雙平弟兄已於……出獄`): each two or three characters led by a Han surname,
/// with an optional title ([`TITLES_AFTER`]), joined by list separators; the last one ends at a
/// [`FOLLOWERS`] word. Any item that does not have this shape ends the list.
fn bare_names(s: &str, from: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = from;
    while let Some((name, next)) = bare_name(s, at) {
        out.push(name);
        let rest = &s[next..];
        match ["、", "和", "及", "与", "與"]
            .iter()
            .find(|w| rest.starts_with(*w))
        {
            Some(w) => at = next + w.len(),
            None => break,
        }
    }
    out
}

/// A bare name at `at` and where what follows it (past a title) starts.
fn bare_name(s: &str, at: usize) -> Option<(Range<usize>, usize)> {
    let tail = s.get(at..)?;
    if !tail.chars().next().is_some_and(names::is_han_surname_char) {
        return None;
    }
    // three characters before two, so that `王曉光已` is not `王曉` + `光已`
    for n in [3, 2] {
        let len: usize = tail.chars().take(n).map(char::len_utf8).sum();
        if tail.chars().take(n).count() < n || !tail[..len].chars().all(is_cjk) {
            continue;
        }
        let after = &tail[len..];
        let title = TITLES_AFTER
            .iter()
            .find(|t| after.starts_with(*t))
            .map_or(0, |t| t.len());
        let next = &after[title..];
        let ends = next.is_empty() || FOLLOWERS.iter().any(|f| next.starts_with(f));
        if ends && plausible(&tail[..len], false).is_some() {
            return Some((at..at + len, at + len + title));
        }
    }
    None
}
