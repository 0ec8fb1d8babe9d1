//! A relative clause of custody before a role word and a name: `被警察拘捕、至今下落不明的
//! 47岁的知名藏族作家、……编辑扎西加措`, `被关押的维权人士李大明`. The custody phrase stands
//! before the name here, with `的` between them, so the name is found after the phrase.

use super::zh::{name_after, DOTS, ROLES};
use super::zh_gap::name_before_gap;
use crate::normalize::is_cjk;
use crate::prisoners::{names, tibetan_zh};

/// The name a relative clause of custody describes: `被警察拘捕、至今下落不明的47岁的知名藏族
/// 作家、……编辑扎西加措，`, `被关押的维权人士李大明。` The clause is a passive that starts at
/// `phrase` (`被`/`遭`) and ends at `end`, a `的` follows it within 24 characters, and the
/// name comes after the last role word (`编辑`, `维权人士`) within 40 characters, ending at
/// punctuation. A clause that opens its sentence's subject (`X被拘捕的消息`) has a name
/// before the passive, which `name_before_gap` finds instead.
pub(super) fn relative_clause(
    s: &str,
    phrase: usize,
    end: usize,
) -> Option<std::ops::Range<usize>> {
    // `被` right after a name is that name's passive, not a clause before another one
    if s[..phrase]
        .chars()
        .next_back()
        .is_some_and(|c| is_cjk(c) && !"的了、".contains(c))
        && name_before_gap(s, phrase).is_some()
    {
        return None;
    }
    let tail = &s[end..];
    let near: usize = tail.chars().take(40).map(char::len_utf8).sum();
    let span = &tail[..near];
    let span = &span[..span
        .find(['。', '，', ',', '；', ';'])
        .unwrap_or(span.len())];
    let de: usize = tail.chars().take(24).map(char::len_utf8).sum();
    let de = span[..de.min(span.len())].find('的')?;
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
