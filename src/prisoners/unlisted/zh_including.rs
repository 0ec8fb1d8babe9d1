//! Chinese lists after `包括` ("including") when the words before it say the people were
//! held: `郑州被抓的人士还包括维权律师常伯阳和姬来松,以及……特约记者石玉等多人`,
//! `被拘留者包括A、B`. Each item of the list ends in a name, perhaps after a description that
//! ends in a role word (`……杂志的特约记者石玉`).

use super::zh::plausible;
use super::zh_words::ROLES;
use super::{Candidate, Reason};
use crate::normalize::is_cjk;

/// Custody words that, with `的` and a word for people, may stand before `包括`.
const HELD: &[&str] = &[
    "被抓",
    "被捕",
    "被拘留",
    "被拘押",
    "被逮捕",
    "被羁押",
    "被羈押",
    "被关押",
    "被關押",
    "被判刑",
    "被拘",
    "被带走",
    "被帶走",
];

/// Words for the people held, after `的` (`被抓的人士`) or alone (`被捕者`).
const PEOPLE: &[&str] = &["人士", "人", "者", "成员", "成員", "学员", "學員"];

/// What separates the items of the list.
const SEPARATORS: &[&str] = &["以及", "、", "和", "及", "与", "與", "，", ","];

/// The candidates of the lists after `包括` in sentence `s` whose words before it say the
/// people were held (within 16 characters, no clause end between).
pub(super) fn find(s: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (at, _) in s.match_indices("包括") {
        let head = &s[..at];
        let near: usize = head.chars().rev().take(16).map(char::len_utf8).sum();
        let window = &head[head.len() - near..];
        let clause = window
            .char_indices()
            .rfind(|&(_, c)| matches!(c, '。' | '；' | '，' | ','))
            .map_or(0, |(k, c)| k + c.len_utf8());
        let window = &window[clause..];
        let held = HELD
            .iter()
            .find_map(|h| window.find(h).map(|k| (k, h.len())));
        let Some((k, len)) = held else {
            continue;
        };
        let rest = window[k + len..].trim_start_matches('的');
        let people = PEOPLE.iter().any(|p| rest.starts_with(p));
        if !people {
            continue;
        }
        let evidence = head.len() - window.len() + k..head.len() - window.len() + k + len;
        list_after(s, at + "包括".len(), &evidence, &mut out);
    }
    out
}

/// The names of the list starting at `start`, up to `等`, a full stop or the sentence end.
fn list_after(s: &str, start: usize, evidence: &std::ops::Range<usize>, out: &mut Vec<Candidate>) {
    let end = s[start..]
        .find(['等', '。', '；', '！', '？'])
        .map_or(s.len(), |k| start + k);
    let mut item_start = start;
    let mut pos = start;
    while pos <= end {
        // `和` inside a name is no separator (`李和平`): a one-character item goes on
        let sep = SEPARATORS
            .iter()
            .find(|p| s[pos..end].starts_with(*p))
            .filter(|p| {
                p.chars().count() > 1
                    || matches!(**p, "、" | "，" | ",")
                    || s[item_start..pos].chars().count() >= 2
            });
        if pos == end || sep.is_some() {
            if let Some(name) = item_name(s, item_start, pos) {
                out.push(Candidate {
                    name,
                    evidence: evidence.clone(),
                    reason: Reason::ZhAfter,
                    confidence: 0.85,
                });
            }
            let step = sep.map_or(1, |p| p.len());
            pos += step;
            item_start = pos;
            continue;
        }
        pos += s[pos..].chars().next().map_or(1, char::len_utf8);
    }
}

/// The name an item ends in: the whole item (2-4 characters), or what follows its last role
/// word (`特约记者石玉`).
fn item_name(s: &str, start: usize, end: usize) -> Option<std::ops::Range<usize>> {
    let item = s.get(start..end)?.trim();
    if item.is_empty() || !item.chars().all(is_cjk) {
        // an item with other characters may still end in a role and a name (`《…》杂志的记者石玉`)
        if !item.chars().last().is_some_and(is_cjk) {
            return None;
        }
    }
    let item_start = start + (s[start..end].len() - s[start..end].trim_start().len());
    let after_role = ROLES
        .iter()
        .filter_map(|r| item.rfind(r).map(|k| k + r.len()))
        .max();
    let from = after_role.unwrap_or(0);
    let name = &item[from..];
    let n = name.chars().count();
    if !(2..=4).contains(&n) || !name.chars().all(is_cjk) {
        return None;
    }
    // without a role word the whole item must be the name
    if after_role.is_none() && from != 0 {
        return None;
    }
    plausible(name, after_role.is_some())?;
    Some(item_start + from..item_start + item.len())
}

#[cfg(test)]
mod tests {
    use super::find;

    fn names(s: &str) -> Vec<&str> {
        find(s).into_iter().map(|c| &s[c.name]).collect()
    }

    #[test]
    fn names_after_including_the_people_held() {
        // RFA, May 2014, on arrests before the 25th anniversary of 4 June (blind set names3,
        // tuning half, r041)
        let s = "目前河南郑州被抓的人士还包括维权律师常伯阳和姬来松,以及前新华社下属《财经国家周刊》杂志的特约记者石玉等多人。";
        assert_eq!(names(s), ["常伯阳", "姬来松", "石玉"]);
        let s = "被拘留者包括王宇、李和平。";
        assert_eq!(names(s), ["王宇", "李和平"]);
        // a clause end of one byte (`,`) or three (`，`) just before the custody words
        let s = "据报,被抓的人士包括王宇。另据报，被捕者包括李和平,他是律师。";
        assert_eq!(names(s), ["王宇", "李和平"]);
    }

    #[test]
    fn including_without_people_held_gives_nothing() {
        let s = "参加会议的人士包括王宇、李和平。";
        assert!(names(s).is_empty());
        let s = "被抓的原因包括王宇的文章。";
        assert!(names(s).is_empty());
    }

    #[test]
    fn every_cut_of_a_sentence_is_read_without_a_panic() {
        let s = "据报,被抓的人士还包括维权律师常伯阳和姬来松,以及《周刊》的记者石玉等。被捕者包括A、李和平";
        for (k, _) in s.char_indices() {
            let _ = find(&s[..k]);
            let _ = find(&s[k..]);
        }
    }
}
