//! English possessives that tie a name to custody: `pastor Wang Lin's arrest`,
//! `Gao Zhisheng's disappearance`, and a relative speaking of the detainee:
//! `Ding Jiaxi's wife said he had been detained`.
//!
//! The name runs of [`super::en::runs`] stop at a possessive, so these shapes read the words
//! before `'s` themselves: 2-4 name-shaped words with the finder's shape score.

use super::en::{is, passive, shape, Tok};
use super::en_words::{NOUNS, VERBS};
use super::{Candidate, Reason};
use crate::prisoners::names;

/// Relatives and representatives who speak for a detainee.
const KIN: &[&str] = &[
    "wife",
    "husband",
    "daughter",
    "son",
    "mother",
    "father",
    "sister",
    "brother",
    "family",
    "parents",
    "relatives",
    "lawyer",
    "lawyers",
];

/// Verbs of saying between a relative and the pronoun (`wife said he`).
const SAY: &[&str] = &[
    "said",
    "says",
    "told",
    "confirmed",
    "learned",
    "learnt",
    "feared",
    "fears",
    "believes",
];

/// The name before the possessive token `k` (`Lin's`): token range and shape.
fn name_before(toks: &[Tok<'_>], k: usize) -> Option<(usize, f64)> {
    let last = toks[k].s;
    let bare = last
        .strip_suffix("'s")
        .or_else(|| last.strip_suffix("’s"))?;
    let name_like = |w: &str| names::is_name_token(w) && !names::is_not_name_word(w);
    if !name_like(bare) {
        return None;
    }
    let mut first = k;
    while first > 0 && k - first < 3 && name_like(toks[first - 1].s) {
        first -= 1;
    }
    let mut words: Vec<&str> = toks[first..k].iter().map(|t| t.s).collect();
    words.push(bare);
    if !(2..=4).contains(&words.len()) {
        return None;
    }
    let sh = shape(&words);
    (sh > 0.0).then_some((first, sh))
}

/// Finds `X's arrest` and `X's wife said he was detained` in one sentence (spans relative to
/// it).
pub(super) fn find(toks: &[Tok<'_>]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for k in 0..toks.len() {
        let t = &toks[k];
        if !(t.s.ends_with("'s") || t.s.ends_with("’s")) {
            continue;
        }
        let Some((first, sh)) = name_before(toks, k) else {
            continue;
        };
        let suffix = if t.s.ends_with("’s") { "’s" } else { "'s" };
        let name = toks[first].start..t.end - suffix.len();
        let next = toks.get(k + 1);
        // `X's arrest`, but not `X's arrest of` (X made it)
        if is(next, NOUNS) && !is(toks.get(k + 2), &["of"]) {
            let ev = next.map_or(0..0, |n| n.start..n.end);
            out.push(Candidate {
                name,
                evidence: ev,
                reason: Reason::NounOf,
                confidence: 0.85 * sh,
            });
            continue;
        }
        if !is(next, KIN) {
            continue;
        }
        // `X's wife said (that) he was detained / police had taken him away`
        let mut j = k + 2;
        if !is(toks.get(j), SAY) {
            continue;
        }
        j += 1;
        if is(toks.get(j), &["that"]) {
            j += 1;
        }
        let found = if is(toks.get(j), &["he", "she"]) {
            passive(toks, j + 1, 0.85)
        } else {
            // `police detained him`, `took him away`: a custody verb, then the pronoun
            (j..toks.len().min(j + 4))
                .find(|&v| {
                    let took =
                        is(toks.get(v), &["took", "taken"]) && is(toks.get(v + 2), &["away"]);
                    (is(toks.get(v), VERBS) || took) && is(toks.get(v + 1), &["him", "her"])
                })
                .map(|v| (0.8, toks[v].start..toks[v].end))
        };
        if let Some((w, ev)) = found {
            out.push(Candidate {
                name,
                evidence: ev,
                reason: Reason::Subject,
                confidence: w * sh,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::find;
    use crate::prisoners::unlisted::en::tokens;

    fn names(s: &str) -> Vec<&str> {
        let toks = tokens(s);
        find(&toks).iter().map(|c| &s[c.name.clone()]).collect()
    }

    #[test]
    fn a_possessive_before_a_custody_noun_names_the_detainee() {
        // Christianity Today on the Zion Church arrests, October 2025 (christianitytoday.com/?p=371587)
        let s = "She woke up to see her father’s prayer-request letter about Zion pastor Wang Lin’s arrest.";
        assert_eq!(names(s), ["Wang Lin"]);
        // constructed on Amnesty International's Gao Zhisheng appeals
        let s = "Gao Zhisheng's disappearance in 2017 has never been explained.";
        assert_eq!(names(s), ["Gao Zhisheng"]);
    }

    #[test]
    fn a_relative_saying_he_was_held_names_the_detainee() {
        // constructed on reports of the December 2019 Xiamen gathering arrests
        let s = "Ding Jiaxi's wife said he had been detained in Beijing.";
        assert_eq!(names(s), ["Ding Jiaxi"]);
        let s = "Xu Zhiyong's sister said police took him away in February.";
        assert_eq!(names(s), ["Xu Zhiyong"]);
    }

    #[test]
    fn agents_and_relatives_who_say_other_things_give_nothing() {
        // constructed negatives
        // the possessor made the arrest
        assert!(names("Li Qiang's detention of critics drew protests.").is_empty());
        // a relative who says nothing about custody
        assert!(names("Wang Yi's wife said he loved gardening.").is_empty());
        // a single word before the possessive (`Beijing's arrest`) is no name
        assert!(names("Beijing's arrest of the activists was condemned.").is_empty());
        // a possessive without a custody noun
        assert!(names("Xi Jinping's speech mentioned no arrests.").is_empty());
    }
}
