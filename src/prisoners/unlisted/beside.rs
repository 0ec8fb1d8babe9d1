//! Names listed beside people already found as prisoners.
//!
//! An enumeration whose items are mostly people the classifier already holds as prisoners
//! (listed people, or people a custody construction named) is a list of prisoners, and its
//! other name-shaped items are prisoners too. The sentence itself may hold no custody word:
//!
//! * `… have also been targeted, including Bao Luo (保罗), Lu Bi (卢比), Liu Chunlin (刘春林),
//!   Dai Xiangnan (戴湘南), Sun Wenke (孙文科), Li Xiaohong (李小红) …` names Bao Luo, Lu Bi
//!   and Li Xiaohong beside three listed people;
//! * a photo caption, `From left: Guo Qingjun, Dai Xiangnan, and Lu Bi.`
//!
//! **Precision first.** The list must hold at least [`MIN_ITEMS`] names joined only by
//! commas, `and`, a bracketed gloss or an age, at least [`MIN_KNOWN`] of them and at least
//! half of them known; a new item must be a name of a known origin (a Han surname with
//! pinyin or Cantonese syllables, Tibetan or Uyghur name words: [`MIN_SHAPE`]), so that
//! `Joe Biden` beside two prisoners in a list of speakers stays out.

use super::en::{runs, tokens, Tok};
use super::en_words::HONORIFICS;
use super::{Candidate, Reason};
use std::ops::Range;

/// Fewest names in an enumeration read for new names.
pub(crate) const MIN_ITEMS: usize = 3;
/// Fewest of them already known as prisoners (and at least half of them).
pub(crate) const MIN_KNOWN: usize = 2;
/// Least name shape ([`super::en::shape`]) of a new item: a name of a known origin, never
/// two capitalised words of unknown origin (0.4).
pub(crate) const MIN_SHAPE: f64 = 0.7;
/// Confidence of a name listed beside prisoners, before its shape.
const STRENGTH: f64 = 0.8;
/// Most tokens of a bracketed gloss after an item (`(保罗)`, `(age unknown)`).
const MAX_GLOSS: usize = 8;

/// A name of the enumeration: its tokens, its bytes, and whether it is known.
#[derive(Debug, Clone)]
struct Item {
    first: usize,
    last: usize,
    span: Range<usize>,
    known: bool,
    shape: f64,
}

/// The people named in an enumeration beside `known` prisoners in sentence `s` (byte spans
/// relative to `s`, in any order). Each candidate's evidence is the nearest known name of its
/// list, so a reader sees whom it was listed with.
pub(crate) fn beside(s: &str, known: &[Range<usize>]) -> Vec<Candidate> {
    if known.len() < MIN_KNOWN {
        return Vec::new();
    }
    let toks = tokens(s);
    let glosses = glosses(&toks);
    let in_gloss = |i: usize| glosses.iter().any(|g| g.contains(&i));
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let mut items: Vec<Item> = runs(&toks)
        .into_iter()
        .filter(|r| !in_gloss(r.first))
        .map(|r| {
            let span = toks[r.first].start..toks[r.last].end;
            let known = known.iter().any(|k| overlaps(k, &span));
            Item {
                first: r.first,
                last: r.last,
                span,
                known,
                shape: r.shape,
            }
        })
        .collect();
    // known names that are no run of name words (one word, or Chinese characters)
    for k in known {
        if items.iter().any(|it| overlaps(&it.span, k)) {
            continue;
        }
        let first = toks.iter().position(|t| t.start == k.start);
        let last = toks.iter().position(|t| t.end == k.end);
        if let (Some(first), Some(last)) = (first, last) {
            if first <= last && !in_gloss(first) {
                items.push(Item {
                    first,
                    last,
                    span: k.clone(),
                    known: true,
                    shape: 1.0,
                });
            }
        }
    }
    items.sort_by_key(|it| it.first);
    let mut out = Vec::new();
    let mut start = 0;
    while start < items.len() {
        let mut end = start + 1;
        while end < items.len() && joined(&toks, &glosses, &items[end - 1], &items[end]) {
            end += 1;
        }
        out.extend(new_names(&items[start..end]));
        start = end;
    }
    out
}

/// The candidates of one enumeration: its new items when it is long enough and mostly known.
fn new_names(list: &[Item]) -> Vec<Candidate> {
    let n_known = list.iter().filter(|it| it.known).count();
    if list.len() < MIN_ITEMS || n_known < MIN_KNOWN || 2 * n_known < list.len() {
        return Vec::new();
    }
    let nearest_known = |it: &Item| {
        list.iter()
            .filter(|k| k.known)
            .min_by_key(|k| k.first.abs_diff(it.first))
            .map(|k| k.span.clone())
    };
    list.iter()
        .filter(|it| !it.known && it.shape >= MIN_SHAPE)
        .filter_map(|it| {
            Some(Candidate {
                name: it.span.clone(),
                evidence: nearest_known(it)?,
                reason: Reason::Beside,
                confidence: STRENGTH * it.shape,
            })
        })
        .collect()
}

/// The token ranges of bracketed glosses: `(` up to its `)`, at most [`MAX_GLOSS`] tokens.
fn glosses(toks: &[Tok<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if matches!(toks[i].s, "(" | "（") {
            let close = toks[i + 1..]
                .iter()
                .take(MAX_GLOSS + 1)
                .position(|t| matches!(t.s, ")" | "）"));
            if let Some(c) = close {
                out.push(i..i + c + 2);
                i += c + 2;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Whether items `a` and `b` are neighbours of one enumeration: between them only a gloss
/// right after `a`, an age, a title (`Fr.`), and at least one separator (`,`, `;`, `、`,
/// `and`).
fn joined(toks: &[Tok<'_>], glosses: &[Range<usize>], a: &Item, b: &Item) -> bool {
    let mut i = a.last + 1;
    if let Some(g) = glosses.iter().find(|g| g.start == i) {
        i = g.end;
    }
    let mut separated = false;
    while i < b.first {
        let t = toks[i].s;
        if matches!(t, "," | ";" | "、" | "，" | "；") || t.eq_ignore_ascii_case("and") {
            separated = true;
        } else if !(t.eq_ignore_ascii_case("aged")
            || t == "."
            || t.chars().all(|c| c.is_ascii_digit())
            || HONORIFICS.iter().any(|h| t.eq_ignore_ascii_case(h)))
        {
            return false;
        }
        i += 1;
    }
    separated && i == b.first
}

#[cfg(test)]
mod tests {
    use super::beside;

    /// The spans of `names` in `s` (their first occurrence).
    fn spans(s: &str, names: &[&str]) -> Vec<std::ops::Range<usize>> {
        names
            .iter()
            .filter_map(|n| s.find(n).map(|i| i..i + n.len()))
            .collect()
    }

    fn found(s: &str, known: &[&str]) -> Vec<String> {
        beside(s, &spans(s, known))
            .into_iter()
            .map(|c| s[c.name].to_string())
            .collect()
    }

    #[test]
    fn names_in_a_list_of_mostly_known_prisoners() {
        // China Change, 15 April 2018 (WeChat group aiding prisoners of conscience)
        let s = "At least seven other individuals associated with the group from around China \
                 have also been targeted, including Bao Luo (保罗), Lu Bi (卢比), Liu Chunlin \
                 (刘春林), Dai Xiangnan (戴湘南), Sun Wenke (孙文科), Li Xiaohong (李小红), and \
                 an individual known as Meizi Qingxuan (梅子轻旋).";
        let known = [
            "Liu Chunlin",
            "Dai Xiangnan",
            "Sun Wenke",
            "刘春林",
            "戴湘南",
        ];
        assert_eq!(found(s, &known), ["Bao Luo", "Lu Bi", "Li Xiaohong"]);
        // the photo caption of the same report
        let caption = "From left: Guo Qingjun, Dai Xiangnan, and Lu Bi.";
        assert_eq!(found(caption, &["Guo Qingjun", "Dai Xiangnan"]), ["Lu Bi"]);
    }

    #[test]
    fn an_age_may_stand_between_the_names() {
        let s = "Ngawang Lhundup, aged 22, Kel Nyima, 19, and Tenzin Sangpo were detained.";
        let known = ["Ngawang Lhundup", "Tenzin Sangpo"];
        assert_eq!(found(s, &known), ["Kel Nyima"]);
    }

    #[test]
    fn short_lists_few_known_and_names_of_unknown_origin_give_nothing() {
        // two names only
        assert!(found("Guo Qingjun and Lu Bi spoke.", &["Guo Qingjun"]).is_empty());
        // one known of three
        let s = "Joshua Wong, Li Xiaohong and Bao Luo spoke.";
        assert!(found(s, &["Joshua Wong"]).is_empty());
        // a speaker whose name has no known origin
        let s = "The panel heard Ilham Tohti's daughter, Joe Biden, Jimmy Lai and Chow Hang-tung.";
        assert!(found(s, &["Jimmy Lai", "Chow Hang-tung"]).is_empty());
        // the names are not one enumeration: a verb stands between them
        let s = "Wang Quanzhang met Li Heping, who thanked Jiang Tianyong and praised Li Xiaohong.";
        assert!(found(s, &["Wang Quanzhang", "Li Heping", "Jiang Tianyong"]).is_empty());
    }
}
