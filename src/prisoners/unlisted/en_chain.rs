//! A chain of names that shares one custody phrase, with what news and NGO prose put between
//! the names: `along with`, `as well as`, a bracket (`Wangkyi(f)`, `Kel Nyima (age
//! unknown)`), an age (`Ngawang Lhundup, aged 22 and Kel Nyima`), a place of origin (`of
//! Kirti Monastery`), an appositive (`X, a senior administrator at Wontoe Monastery, and
//! Y`), a kinship word (`preacher Fu Juan and his sister Xing Aiping`), and one-word names
//! among full ones (`Lobsang Samten … along with Tsering Tashi and Wangkyi(f), have remained
//! incommunicado`).
//!
//! [`en`](super::en) joins names of a list only when nothing but `,` and `and` (or role words)
//! stands between them; this module reads the longer joints, and takes the chain only when
//! it ends in a custody passive (`… , have remained incommunicado`) or starts right after a
//! custody construction (`remain in detention: A, …, and B`, `Also arrested were A and B`).
//!
//! **Precision.** A one-word item needs a full name of a known origin in the chain (a
//! Tibetan, Uyghur or Han name: not `Amphoe Krasang, Buriram, was arrested`), or to be a
//! known Tibetan or Uyghur name word itself, or a role word right before it as the subject
//! (`his younger brother Memetili, along with his parents, had been imprisoned`); the caller
//! keeps one-word names only in a document about Tibetans, Uyghurs or Kazakhs, and drops a
//! word the text also writes inside a longer name.

use super::en::{before, is, passive, role_shape, Run, Tok};
use super::en_single::one_word_name;
use super::en_words::{HONORIFICS, ROLES};
use super::{Candidate, Reason};
use crate::prisoners::names;

/// Confidence factor of a one-word item of a known Tibetan or Uyghur name word, and of any
/// other (as in [`en_single`](super::en_single)).
const KNOWN_WORD: f64 = 0.8;
const OTHER_WORD: f64 = 0.65;

/// A name of the chain: token indices `[first, last]`, its shape, and whether it is one word.
#[derive(Debug, Clone, Copy)]
struct Item {
    first: usize,
    last: usize,
    shape: f64,
    one_word: bool,
}

/// Joints between two names, longest first (`, along with` before `,`).
const JOINTS: &[&[&str]] = &[
    &[",", "as", "well", "as"],
    &["as", "well", "as"],
    &[",", "along", "with"],
    &["along", "with"],
    &[",", "together", "with"],
    &["together", "with"],
    &[",", "and"],
    &["and"],
    &[","],
];

/// Words that may follow a one-word name of a chain: joints and auxiliaries.
const FOLLOWS_ONE_WORD: &[&str] = &[
    "and", "along", "as", "together", "was", "were", "is", "are", "has", "have", "had", "remains",
    "remain", "remained",
];

/// Words that open an appositive (`, a village official`) or a shared description before the
/// verb (`, both monks of Kardze Monastery were detained`).
const APPOSITIVE: &[&str] = &["a", "an", "the", "his", "her", "their", "both", "all"];

/// The items of a sentence: runs of name words, and lone capitalised words that may be
/// one-word names, in text order.
fn items(toks: &[Tok<'_>], runs: &[Run]) -> Vec<Item> {
    let mut out: Vec<Item> = runs
        .iter()
        .map(|r| Item {
            first: r.first,
            last: r.last,
            shape: r.shape,
            one_word: false,
        })
        .collect();
    for (i, t) in toks.iter().enumerate() {
        let name_at = |k: Option<usize>| {
            k.and_then(|k| toks.get(k))
                .is_some_and(|t| names::is_name_token(t.s))
        };
        // cheap tests first: most tokens are no capitalised word standing alone
        if i == 0 || !names::is_name_token(t.s) || name_at(i.checked_sub(1)) {
            continue;
        }
        // a one-word name ends where a list or a verb goes on (`Wangkyi(f),`, `Bhudha were`);
        // a word before a lower-case particle is a given name (`Fahid al-Shammari`)
        let next = toks.get(i + 1);
        let ends = next.is_none_or(|n| !n.s.chars().any(char::is_alphabetic))
            || is(next, FOLLOWS_ONE_WORD);
        if !ends || !one_word_name(t.s) {
            continue;
        }
        let known = names::is_tibetan_name_word(t.s) || names::is_uyghur_name_word(t.s);
        out.push(Item {
            first: i,
            last: i,
            shape: if known { KNOWN_WORD } else { OTHER_WORD },
            one_word: true,
        });
    }
    out.sort_by_key(|it| it.first);
    out
}

/// The shape of an item: a pinyin name with a word of kinship before it counts as a
/// person's name (see [`role_shape`]).
fn item_shape(toks: &[Tok<'_>], it: &Item) -> f64 {
    if it.one_word {
        return it.shape;
    }
    let run = Run {
        first: it.first,
        last: it.last,
        shape: it.shape,
    };
    role_shape(toks, &run)
}

/// Skips what may follow a name before the joint or the verb, from token `i`: brackets,
/// ages, `of` and capitalised words, `along with` and a short description closed by a comma,
/// an appositive closed by a comma (left for the joint). The index after them.
fn attachments(toks: &[Tok<'_>], mut i: usize) -> usize {
    loop {
        let at = |k: usize| toks.get(k).map(|t| t.s);
        let number =
            |k: usize| at(k).is_some_and(|w| w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()));
        let start = i;
        if at(i) == Some("(") {
            if let Some(k) = (i + 1..toks.len().min(i + 9)).find(|&k| toks[k].s == ")") {
                i = k + 1;
            }
        } else if at(i) == Some(",") && is(toks.get(i + 1), &["aged"]) && number(i + 2) {
            i += 3;
        } else if at(i) == Some(",")
            && number(i + 1)
            && matches!(at(i + 2), Some("," | "and" | ")"))
        {
            i += 2;
        } else if at(i) == Some(",")
            && is(toks.get(i + 1), &["then", "now"])
            && number(i + 2)
            && at(i + 3) == Some(",")
        {
            // `, then 49,`
            i += 3;
        } else if is(toks.get(i), &["of"]) {
            let caps = (i + 1..toks.len().min(i + 4))
                .take_while(|&k| names::is_name_token(toks[k].s))
                .count();
            if caps > 0 {
                i += 1 + caps;
            }
        } else if at(i) == Some(",")
            && is(toks.get(i + 1), &["along", "together"])
            && is(toks.get(i + 2), &["with"])
            && !toks.get(i + 3).is_some_and(|t| names::is_name_token(t.s))
        {
            // `, along with his parents,`: up to five words to the closing comma
            if let Some(k) = (i + 3..toks.len().min(i + 9)).find(|&k| toks[k].s == ",") {
                i = k;
            }
        } else if at(i) == Some(",")
            && is(toks.get(i + 1), APPOSITIVE)
            && !is(toks.get(i + 1), &["both", "all"])
        {
            // `, a senior administrator at Wontoe Monastery,`: up to twelve tokens to the
            // closing comma, which is left as the joint
            let end = toks.len().min(i + 14);
            match (i + 2..end).find(|&k| matches!(toks[k].s, "," | ";" | "." | ":")) {
                Some(k) if toks[k].s == "," => i = k,
                Some(_) => {}
                None if end == toks.len() => i = end,
                None => {}
            }
        }
        if i == start {
            return i;
        }
    }
}

/// The joint at token `i` and the index after it, with role words or titles after it
/// (`, and her husband`, `and Ven.`) skipped.
fn joint(toks: &[Tok<'_>], i: usize) -> Option<usize> {
    let words = JOINTS.iter().find(|j| {
        j.iter()
            .enumerate()
            .all(|(k, w)| toks.get(i + k).is_some_and(|t| t.s.eq_ignore_ascii_case(w)))
    })?;
    let mut k = i + words.len();
    // `and his wife`, `, his son Pastor`
    if is(toks.get(k), &["his", "her", "their"]) && is(toks.get(k + 1), ROLES) {
        k += 1;
    }
    let from = k;
    while k < from + 3
        && (is(toks.get(k), ROLES) || is(toks.get(k), HONORIFICS) || is(toks.get(k), &["."]))
    {
        k += 1;
    }
    Some(k)
}

/// The custody passive that ends a chain at token `i`: after an optional comma and an
/// optional shared description (`both monks of Kardze Monastery`).
fn verb(toks: &[Tok<'_>], mut i: usize) -> Option<(f64, std::ops::Range<usize>)> {
    if is(toks.get(i), &[","]) {
        i += 1;
    }
    if let Some(found) = passive(toks, i, 1.0) {
        return Some(found);
    }
    if !is(toks.get(i), &["both", "all"]) {
        return None;
    }
    (i + 1..toks.len().min(i + 8))
        .take_while(|&k| !matches!(toks[k].s, "," | ";" | "." | ":"))
        .find_map(|k| passive(toks, k, 0.85))
}

/// The candidates of the chains of a sentence.
pub(super) fn find(toks: &[Tok<'_>], runs: &[Run]) -> Vec<Candidate> {
    let items = items(toks, runs);
    let item_at = |i: usize| items.iter().find(|it| it.first == i).copied();
    let mut out = Vec::new();
    let mut k = 0;
    while k < items.len() {
        let mut chain = vec![items[k]];
        let mut at = attachments(toks, items[k].last + 1);
        while let Some(next) = joint(toks, at).and_then(item_at) {
            chain.push(next);
            at = attachments(toks, next.last + 1);
        }
        let first = chain[0].first;
        let found = verb(toks, at)
            .map(|(w, ev)| (Reason::Subject, w, ev))
            .or_else(|| before(toks, first));
        // a one-word item needs a name of a known origin in the chain (a Tibetan, Uyghur or
        // Han name; not `Amphoe Krasang, Buriram, was arrested`) or a known name word itself
        let known_full = chain.iter().any(|it| !it.one_word && it.shape >= 0.75);
        let full = chain.iter().any(|it| !it.one_word);
        // one item: a one-word name after a role word as the subject, or a full name with
        // something the plain constructions do not skip (`of Kirti Monastery`)
        let lone = chain.len() == 1
            && if chain[0].one_word {
                is(toks.get(first.wrapping_sub(1)), ROLES)
                    && found.as_ref().is_some_and(|f| f.0 == Reason::Subject)
            } else {
                at > chain[0].last + 1
            };
        if let Some((reason, strength, evidence)) =
            found.filter(|_| (chain.len() >= 2 && full) || lone)
        {
            for it in &chain {
                if it.one_word && !lone && !known_full && it.shape < KNOWN_WORD {
                    continue;
                }
                out.push(Candidate {
                    name: toks[it.first].start..toks[it.last].end,
                    evidence: evidence.clone(),
                    reason,
                    confidence: strength * item_shape(toks, it),
                });
            }
        }
        let end = chain[chain.len() - 1].last;
        while k < items.len() && items[k].first <= end {
            k += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::prisoners::unlisted::find;

    fn names(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|c| &text[c.name]).collect()
    }

    #[test]
    fn along_with_a_place_of_origin_and_a_bracket() {
        // Tibetan Review, 25 October 2024 (mixed4 set, tuning half, k005)
        let s = "Calling them victims of arbitrary detention, the Tibetan Centre for Human \
                 Rights and Democracy said monks Lobsang Samten and Lobsang Trinley of Kirti \
                 Monastery, along with Tsering Tashi and Wangkyi(f), have remained incommunicado \
                 in Ngaba (or Ngawa, Chinese: Aba) county of Sichuan Province ever since they \
                 were taken away.";
        assert_eq!(
            names(s),
            [
                "Lobsang Samten",
                "Lobsang Trinley",
                "Tsering Tashi",
                "Wangkyi"
            ]
        );
    }

    #[test]
    fn an_age_a_bracket_and_a_shared_description() {
        // TCHRD, `Monk and nun sentenced in Kardze` (names set, tuning half, p021)
        let s = "Ngawang Lhundup, aged 22 and Kel Nyima (age unknown), both monks of Kardze \
                 Monastery were detained by the Kardze County Public Security Bureau (PSB) on 9 \
                 June 2008 for staging a protest demonstration.";
        assert_eq!(names(s), ["Ngawang Lhundup", "Kel Nyima"]);
    }

    #[test]
    fn a_one_word_name_beside_a_full_one_or_after_a_kin_word() {
        // a one-word item beside a Tibetan name (see above: `Wangkyi`), but not beside a
        // name of unknown origin: `Bhudha` is missed (Tibet Office Australia, names2 set,
        // tuning half, q027), as `Yutthana` is rightly left out of a Thai case (US State
        // Department, 2020 Country Report on Thailand)
        let s = "The Tibetan writers were tried in Ngaba. Jangtse Dhonkho and Bhudha were given \
                 four years and Kalsang Jinpa was sentenced to three years.";
        assert_eq!(names(s), ["Kalsang Jinpa"]);
        let s = "Tibetan refugees crossed. In April brothers Yutthana and Natthapong Sai Sa were \
                 arrested in Nakhon Phanom Province.";
        assert!(!names(s).contains(&"Yutthana"));
        // a Uyghur in Turkey on his family (names set, tuning half, p011)
        let s = "Uyghur families abroad wait. It took until 2020 for the Chinese embassy in \
                 Ankara to confirm that his younger brother Memetili, along with his parents, had \
                 been imprisoned for terrorism-related offences.";
        assert_eq!(names(s), ["Memetili"]);
    }

    #[test]
    fn a_kinship_word_before_a_name_of_any_spelling() {
        // Uyghur Aid, `Ferkat's story`, 2019 (names3 set, tuning half, r007)
        let s = "My mother's youngest brother Aniwaier Tuersun has been detained since the \
                 spring of 2016 and another brother Nuertayi Tuersun has been detained since the \
                 summer of 2017.";
        assert_eq!(names(s), ["Aniwaier Tuersun", "Nuertayi Tuersun"]);
        // another role word is not enough for a name of unknown origin (hostage diplomacy,
        // not counted by the codebook: fresh set, tuning half, f095)
        let s = "Former Canadian diplomat Michael Kovrig and entrepreneur Michael Spavor were \
                 taken into custody in December.";
        assert!(names(s).is_empty());
    }

    #[test]
    fn an_adverb_between_has_and_been() {
        // after AsiaNews on a pastor sentenced in Yunnan (names3 set, tuning half, r003:
        // `His collaborator, Jing Ruxia, has also been charged`), with a frequent surname
        let s = "His collaborator, Wang Ruxia, has also been charged.";
        assert_eq!(names(s), ["Wang Ruxia"]);
    }

    #[test]
    fn an_inverted_custody_clause_before_a_list() {
        // LiCAS News on house-church arrests, August 2022 (names3 set, tuning half, r029)
        let s = "The report said among those arrested on August 17 were Pastor Lian Chang-Nian \
                 and his wife Guo Jiuju, his son Pastor Lian Xuliang and wife Zhang Jun along \
                 with their nine-year-old son. Also arrested were preacher Fu Juan and his \
                 sister Xing Aiping from Xi'an's Abundant Church.";
        assert_eq!(
            names(s),
            [
                "Lian Chang-Nian",
                "Guo Jiuju",
                "Lian Xuliang",
                "Zhang Jun",
                "Fu Juan",
                "Xing Aiping"
            ]
        );
        // `were` after a word that is no custody participle
        assert!(names("Among those present were Pastor Lian Chang-Nian and Guo Jiuju.").is_empty());
    }

    #[test]
    fn what_a_chain_does_not_take() {
        // a one-word item needs a full name in the chain, or a role word before it
        let s = "Tibetans were detained. Lhasa and Shigatse were sealed off and Dorje was \
                 detained.";
        assert!(names(s).is_empty());
        // no custody phrase at the end of the chain
        let s = "Tibetans met. Lobsang Samten of Kirti Monastery, along with Tsering Tashi, \
                 attended the prayers.";
        assert!(names(s).is_empty());
        // one-word names outside a document about Tibetans, Uyghurs or Kazakhs
        let s = "Zhang Wei and Bhudha were given four years.";
        assert_eq!(names(s), ["Zhang Wei"]);
        // `of` followed by lower-case words is no place of origin
        let s = "Lobsang Samten of the monastery staff, along with Tsering Tashi, were \
                 detained in Tibet.";
        assert!(!names(s).contains(&"Lobsang Samten"));
    }
}
