//! Chinese custody constructions: `X被刑事拘留`, `X被判`, `X被天津警方带走` (a passive with
//! an agent), `判处X有期徒刑`, `逮捕了X`.
//!
//! Chinese has no spaces, so the name's edges come from the construction on one side and, on
//! the other, punctuation, the start of the text or a role word (`律师`, `维权人士`): a name
//! that runs into ordinary words is not taken.

use super::zh_gap::{list_before_cause, name_before_gap, partner_before};
use super::zh_lists::{aged, romanisation_before};
use super::zh_relative::relative_clause;
use super::zh_words::{
    AFTER_NAME, AGENTS, AGENT_NOUNS, AGENT_VERBS, BEFORE_NAME, COMPOUND_SURNAMES, KIN, NAME_ENDS,
    NOT_NAMES, PERSON_NOUNS, PLACE_ENDS, ROLES,
};
use super::{Candidate, Reason};
use crate::normalize::is_cjk;
use crate::prisoners::names::NAME_DOTS as DOTS;
use crate::prisoners::{names, tibetan_zh};

/// The custody verb of a passive with an agent that starts at `rest` (right after `被` or
/// `遭`): a place of up to four characters perhaps, an agent, then the verb. Its byte length
/// from `rest`'s start and strength.
fn agent_passive(rest: &str) -> Option<(usize, f64)> {
    let starts: Vec<usize> = rest.char_indices().map(|(i, _)| i).take(5).collect();
    let named = starts.iter().find_map(|&p| {
        let a = AGENTS.iter().find(|a| rest[p..].starts_with(*a))?;
        let place = &rest[..p];
        if !place.chars().all(is_cjk) {
            return None;
        }
        let at = p + a.len();
        let at = at + from_place(&rest[at..]);
        let after = &rest[at..];
        let &(v, w) = AGENT_VERBS.iter().find(|(v, _)| after.starts_with(v))?;
        Some((at + v.len(), w))
    });
    named.or_else(|| described_agent(rest))
}

/// The byte length of a place the agent acts from or in, right after it (`从家中`, `在寺院内`:
/// `被当局从家中带走`): `从`, `從` or `在`, then at most eight Han characters ending in `中`,
/// `里`, `裡`, `内` or `內` and followed by a custody verb; 0 if there is none.
fn from_place(after: &str) -> usize {
    let Some(body) = ["从", "從", "在"]
        .iter()
        .find_map(|p| after.strip_prefix(p))
    else {
        return 0;
    };
    let lead = after.len() - body.len();
    body.char_indices()
        .take(8)
        .take_while(|&(_, c)| is_cjk(c))
        .find_map(|(i, c)| {
            let end = i + c.len_utf8();
            let place_end = matches!(c, '中' | '里' | '裡' | '内' | '內');
            let verb = AGENT_VERBS.iter().any(|(v, _)| body[end..].starts_with(v));
            (place_end && verb).then_some(lead + end)
        })
        .unwrap_or(0)
}

/// A passive whose agent is described (`3名不明身份男子`, `三个便衣`): at most twelve
/// characters or digits ending in a word of [`AGENT_NOUNS`], then a custody verb.
fn described_agent(rest: &str) -> Option<(usize, f64)> {
    rest.char_indices()
        .take(12)
        .take_while(|&(_, c)| is_cjk(c) || c.is_ascii_digit())
        .find_map(|(i, c)| {
            let end = i + c.len_utf8();
            AGENT_NOUNS.iter().find(|n| rest[..end].ends_with(*n))?;
            let after = &rest[end..];
            let &(v, w) = AGENT_VERBS.iter().find(|(v, _)| after.starts_with(v))?;
            Some((end + v.len(), 0.9 * w))
        })
}

/// The custody verb of a passive with a charge that starts at `rest` (right after `被以` or
/// `被依`): `被以“寻衅滋事”的罪名逮捕`, `被以煽动颠覆国家政权罪起诉`,
/// `被依「分裂國家罪」判刑`. The charge ends in `罪名` or `罪` (and perhaps a closing quote)
/// within 24 characters, and a verb of [`AGENT_VERBS`] follows it. Its byte length from
/// `rest`'s start and strength.
fn charge_passive(rest: &str) -> Option<(usize, f64)> {
    let near: usize = rest.chars().take(24).map(char::len_utf8).sum();
    let span = &rest[..near];
    let span = &span[..span.find(['。', '，', ',', '；']).unwrap_or(span.len())];
    ["罪名", "罪"].iter().find_map(|mark| {
        let at = span.find(mark)? + mark.len();
        // a charge in quotes: `被依「分裂國家罪」判刑`
        let at = at
            + rest[at..]
                .chars()
                .take_while(|c| matches!(c, '」' | '』' | '”' | '"'))
                .map(char::len_utf8)
                .sum::<usize>();
        let after = &rest[at..];
        let &(v, w) = AGENT_VERBS.iter().find(|(v, _)| after.starts_with(v))?;
        Some((at + v.len(), w))
    })
}

/// Whether `left` ends with a full stop between Han characters, which some texts write for
/// the dot of a transliteration (`阿布拜丝儿.树库尔`): a name goes on across it.
pub(super) fn ends_in_name_stop(left: &str) -> bool {
    let mut back = left.chars().rev();
    matches!(back.next(), Some('.' | '．')) && back.next().is_some_and(is_cjk)
}

/// Finds candidates in one sentence (spans relative to it).
pub(super) fn find(s: &str) -> Vec<Candidate> {
    if !crate::normalize::has_cjk(s) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut push = |name: std::ops::Range<usize>, ev: std::ops::Range<usize>, r, w| {
        for n in split_pair(s, name) {
            out.push(candidate(n, ev.clone(), r, w));
        }
    };
    for (pos, _) in s.char_indices() {
        let rest = &s[pos..];
        if let Some(&(p, w)) = AFTER_NAME.iter().find(|(p, _)| rest.starts_with(p)) {
            for name in relative_clause(s, pos, pos + p.len()) {
                push(name, pos..pos + p.len(), Reason::ZhAfter, 0.9 * w);
            }
            if let Some((name, shape)) = name_before_gap(s, pos) {
                if let Some((first, sh)) = partner_before(s, name.start) {
                    push(first, pos..pos + p.len(), Reason::ZhBefore, w * sh);
                }
                push(name, pos..pos + p.len(), Reason::ZhBefore, w * shape);
            }
            for name in list_before_cause(s, pos) {
                push(name, pos..pos + p.len(), Reason::ZhBefore, 0.85 * w);
            }
        }
        let charged = ["被以", "被依"]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
            .and_then(charge_passive);
        if let Some((len, w)) = charged {
            if let Some((name, shape)) = name_before_gap(s, pos) {
                push(
                    name,
                    pos..pos + "被以".len() + len,
                    Reason::ZhBefore,
                    w * shape,
                );
            }
        }
        let passive = rest.strip_prefix('被').or_else(|| rest.strip_prefix('遭'));
        if let Some((len, w)) = passive.and_then(agent_passive) {
            let end = pos + '被'.len_utf8() + len;
            for name in relative_clause(s, pos, end) {
                push(name, pos..end, Reason::ZhAfter, 0.9 * w);
            }
            if let Some((name, shape)) = name_before_gap(s, pos) {
                let ev = pos..end;
                if let Some((first, sh)) = partner_before(s, name.start) {
                    push(first, ev.clone(), Reason::ZhBefore, w * sh);
                }
                push(name, ev, Reason::ZhBefore, w * shape);
            }
        }
        if let Some(&(p, w)) = BEFORE_NAME.iter().find(|(p, _)| rest.starts_with(p)) {
            if let Some(name) = name_after(s, pos + p.len()) {
                // a second name joined by `和` shares the verb: `逮捕了……戴羅嘉和曲帕嘉`
                let joined = ["和", "及", "与", "與"]
                    .iter()
                    .find(|j| s[name.end..].starts_with(*j))
                    .and_then(|j| name_after(s, name.end + j.len()));
                push(name, pos..pos + p.len(), Reason::ZhAfter, w);
                if let Some(second) = joined {
                    push(second, pos..pos + p.len(), Reason::ZhAfter, 0.95 * w);
                }
            }
        }
    }
    out
}

/// Words that introduce a name after a custody verb: "one called" (`逮捕了一位叫X`).
const CALLED: &[&str] = &[
    "一位名叫",
    "一名名叫",
    "一位叫",
    "一名叫",
    "一个叫",
    "一個叫",
    "名叫",
];

/// Two two-character names written together (`释放陈玫蔡伟`, a hashtag) as two spans: a
/// four-character name whose first and third characters are surnames, unless it starts with
/// a compound surname.
fn split_pair(s: &str, name: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let text = &s[name.clone()];
    let idx: Vec<(usize, char)> = text.char_indices().collect();
    let pair = idx.len() == 4
        && names::is_han_surname_char(idx[0].1)
        && names::is_han_surname_char(idx[2].1)
        && !COMPOUND_SURNAMES.iter().any(|c| text.starts_with(c));
    if !pair {
        return vec![name];
    }
    let mid = name.start + idx[2].0;
    vec![name.start..mid, mid..name.end]
}

fn candidate(
    name: std::ops::Range<usize>,
    evidence: std::ops::Range<usize>,
    reason: Reason,
    confidence: f64,
) -> Candidate {
    Candidate {
        name,
        evidence,
        reason,
        confidence,
    }
}

/// Whether `name` (2-4 Han characters, or a dotted transliteration) may be a person's name.
pub(super) fn plausible(name: &str, after_role: bool) -> Option<f64> {
    let chars: Vec<char> = name.chars().collect();
    let dotted = chars
        .iter()
        .any(|c| DOTS.contains(c) || matches!(c, '.' | '．'));
    if name.contains('某') || NOT_NAMES.iter().any(|w| name.starts_with(w)) {
        return None;
    }
    if name.ends_with([
        '已', '也', '都', '均', '曾', '则', '則', '又', '便', '亦', '而', '在', '仍', '还', '還',
        '将', '將', '就',
    ]) {
        return None; // `蔡伟已被正式逮捕`, `丁在2013年被拘捕`: an adverb or `在` after the name
    }
    if ["多人", "等人", "众人", "眾人", "名人"]
        .iter()
        .any(|w| name.ends_with(w))
    {
        return None; // `1周年多人被捕`: a count of people, not a name
    }
    if ROLES
        .iter()
        .chain(super::zh_enum::OCCUPATIONS)
        .any(|w| name.ends_with(w))
    {
        return None; // `文学教师、诗人X`: an occupation before the name, not a name
    }
    if PERSON_NOUNS.iter().any(|w| name.ends_with(w)) {
        return None; // `本地男子被捕`, `四名市民`: a person described, not named
    }
    let counted = name.char_indices().any(|(i, c)| {
        super::zh_lists::NUMERALS.contains(c)
            && name[i + c.len_utf8()..].starts_with(['名', '年', '个', '個', '月'])
    });
    if counted {
        return None; // `管制二年`, `四名市民`: a term or a count
    }
    if name.ends_with(PLACE_ENDS) {
        return None; // `色达县`, `格尔底寺`: a place, not a person
    }
    if dotted {
        let ok =
            chars.first().is_some_and(|&c| is_cjk(c)) && chars.last().is_some_and(|&c| is_cjk(c));
        return ok.then_some(0.9);
    }
    if tibetan_zh::is_tibetan_name(name) {
        return Some(0.9); // `洛桑桑盖`, `格西丹增巴桑`: longer than a Han name, no surname
    }
    if !(2..=4).contains(&chars.len()) || !chars.iter().all(|&c| is_cjk(c)) {
        return None;
    }
    if names::is_han_surname_char(chars[0]) {
        Some(if after_role { 0.95 } else { 0.8 })
    } else {
        after_role.then_some(0.75) // a Tibetan or Uyghur name after `藏人`, `维吾尔族`
    }
}

/// The name that ends at byte `end`: the longest of 3, 2, 4 characters (or a dotted name)
/// whose left edge is the start, punctuation, or a role word.
pub(super) fn name_before(s: &str, end: usize) -> Option<(std::ops::Range<usize>, f64)> {
    // the name in characters in brackets after its romanisation: `Jampa Dorje(降边多杰,音译)`
    if let Some(found) = bracketed_after_romanisation(s, end) {
        return Some(found);
    }
    // a romanisation in brackets between name and phrase: `洛桑（Lobsang）被捕`
    let end = romanisation_before(&s[..end]).unwrap_or(end);
    let head = &s[..end];
    let starts: Vec<usize> = head.char_indices().map(|(i, _)| i).collect();
    let n = starts.len();
    // a dotted transliteration: back over Han characters and dots
    let mut k = n;
    while k > 0
        && head[starts[k - 1]..]
            .chars()
            .next()
            .is_some_and(|c| is_cjk(c) || DOTS.contains(&c))
        && n - k < 16
    {
        k -= 1;
    }
    let dotted = head[starts.get(k).copied().unwrap_or(end)..].contains(DOTS);
    if dotted {
        // after a role word inside the run (`学者伊力哈木·土赫提`), else the whole run
        let first_dot = head[starts[k]..].find(DOTS).map_or(end, |d| starts[k] + d);
        let after_role = (k..n).take_while(|&m| starts[m] < first_dot).find(|&m| {
            ROLES
                .iter()
                .chain(KIN)
                .any(|r| head[..starts[m]].ends_with(r))
        });
        let edge = head[..starts[k]]
            .chars()
            .next_back()
            .is_none_or(|c| !is_cjk(c));
        let m = after_role.or(edge.then_some(k))?;
        let name = &head[starts[m]..];
        return plausible(name, after_role.is_some()).map(|sh| (starts[m]..end, sh));
    }
    // a Tibetan name in characters (`洛桑桑盖`) first, then Han names of 3, 2, 4 characters
    let tibetan = [8, 6, 4].into_iter().map(|len| (len, true));
    let han = [3, 2, 4].into_iter().map(|len| (len, false));
    for (len, tib) in tibetan.chain(han) {
        if len > n {
            continue;
        }
        let start = starts[n - len];
        if tib && !tibetan_zh::is_tibetan_name(&head[start..]) {
            continue;
        }
        // a conjunction is no surname after a role word: `高全福牧师和唐秉义牧师` (the
        // second name is taken as the partner of the first)
        if len == 4 && head[start..].starts_with(['和', '及', '与', '與']) {
            continue;
        }
        let left = &head[..start];
        let role = ROLES.iter().any(|r| left.ends_with(r));
        let kin = KIN.iter().any(|r| left.ends_with(r));
        // `的` ends the description that leads a Tibetan name (`居住在东坝乡的降边多杰`)
        let described = tib && left.ends_with('的');
        let edge = left.chars().next_back().is_none_or(|c| !is_cjk(c))
            || role
            || kin
            || aged(left)
            || described;
        if !edge {
            continue;
        }
        if let Some(shape) = plausible(&head[start..], role) {
            return Some((start..end, shape));
        }
    }
    None
}

/// The name in Han characters in the brackets that end at `end`, right after the Latin
/// romanisation of the name: `Jampa Dorje(降边多杰,音译)` (perhaps with `音译`, "transliterated",
/// after a comma).
fn bracketed_after_romanisation(s: &str, end: usize) -> Option<(std::ops::Range<usize>, f64)> {
    let body = s[..end]
        .strip_suffix('）')
        .or_else(|| s[..end].strip_suffix(')'))?;
    let open = body.rfind(['（', '('])?;
    let bracket = s[open..].chars().next().map_or(1, char::len_utf8);
    let inner = &body[open + bracket..];
    let name_len = inner.find([',', '，', '、']).unwrap_or(inner.len());
    let name = &inner[..name_len];
    let roman = s[..open].trim_end();
    let latin = roman
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphabetic());
    if !latin || name.is_empty() || !name.chars().all(|c| is_cjk(c) || DOTS.contains(&c)) {
        return None;
    }
    let start = open + bracket;
    let shape = if tibetan_zh::is_tibetan_name(name) {
        Some(0.9)
    } else {
        plausible(name, true)
    }?;
    Some((start..start + name_len, shape))
}

/// The name that starts at byte `start`: 2-4 characters followed by one of [`NAME_ENDS`].
pub(super) fn name_after(s: &str, start: usize) -> Option<std::ops::Range<usize>> {
    // `逮捕了一位叫戴羅嘉和曲帕嘉兩名僧人`: "one called", then the name
    let called = CALLED
        .iter()
        .find(|c| s[start..].starts_with(*c))
        .map_or(0, |c| c.len());
    let start = start + called;
    let tail = &s[start..];
    let role = ROLES
        .iter()
        .find(|r| tail.starts_with(*r))
        .map_or(0, |r| r.len());
    let from = start + role;
    let tail = &s[from..];
    for (len, (i, c)) in tail.char_indices().enumerate().skip(1).take(4) {
        let _ = c;
        if len < 2 {
            continue;
        }
        if NAME_ENDS.iter().any(|e| tail[i..].starts_with(e)) {
            plausible(&tail[..i], role > 0)?;
            return Some(from..from + i);
        }
    }
    let all = tail.len();
    let n = tail.chars().count();
    ((2..=4).contains(&n) && plausible(tail, role > 0).is_some()).then_some(from..from + all)
}
