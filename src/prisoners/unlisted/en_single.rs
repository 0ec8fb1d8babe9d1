//! One-word names before a relative clause of custody: Tibetans and Uyghurs often go by one
//! name (`Also sentenced on Monday were Konme, who was handed a three-year term, and Gephel,
//! who was sentenced to two years`).
//!
//! **Precision first.** A single capitalised word is far less surely a name than a run of
//! two, so only the strongest construction counts (`W, who was sentenced / detained …`), and
//! the word must not be a Han surname, a word that is never a name, or a plural; and
//! [`part_of_longer_name`] drops a word the text also writes inside a longer name (`Dahlin`
//! after `Peter Dahlin`): that is a surname standing for a person named in full. The
//! document must be about Tibetans, Uyghurs or Kazakhs ([`one_name_people`]).

use super::en::{is, passive, Tok};
use super::{Candidate, Reason};
use crate::prisoners::names;

/// Confidence of a one-word name of a known Tibetan or Uyghur name word, and of any other.
const KNOWN_WORD: f64 = 0.8;
const OTHER_WORD: f64 = 0.65;

/// Whether `w` may be a one-word name.
pub(super) fn one_word_name(w: &str) -> bool {
    names::is_name_token(w)
        && !w.contains('-')
        && w.chars().count() >= 4
        && !names::is_not_name_word(w)
        && !names::is_han_surname(w)
        && !w.ends_with('s')
}

/// The one-word names of a sentence's tokens followed by `, who` and a custody passive.
pub(super) fn find(toks: &[Tok<'_>]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        // a word inside a run of name words belongs to that run's name
        let alone = i == 0 || !names::is_name_token(toks[i - 1].s);
        // cheap tests first: `, who` after the word
        if !alone || !is(toks.get(i + 1), &[","]) || !is(toks.get(i + 2), &["who"]) {
            continue;
        }
        if !one_word_name(t.s) {
            continue;
        }
        let Some((strength, evidence)) = passive(toks, i + 3, 1.0) else {
            continue;
        };
        let known = names::is_tibetan_name_word(t.s) || names::is_uyghur_name_word(t.s);
        out.push(Candidate {
            name: t.start..t.end,
            evidence,
            reason: Reason::Subject,
            confidence: strength * if known { KNOWN_WORD } else { OTHER_WORD },
        });
    }
    out
}

/// Words of a document about Tibetans, Uyghurs or Kazakhs, who often go by one name; a
/// one-word name is taken only in such a document.
const ONE_NAME_PEOPLES: &[&str] = &["Tibet", "Uyghur", "Uighur", "Kazakh"];

/// Whether `text` is about people who often go by one name ([`ONE_NAME_PEOPLES`]).
pub(crate) fn one_name_people(text: &str) -> bool {
    ONE_NAME_PEOPLES.iter().any(|w| text.contains(w))
}

/// Whether `text` also writes the one word `name` next to another capitalised name word
/// (`Peter Dahlin`, `Dahlin Peter`): then the word is part of a longer name, and alone it
/// stands for that person.
pub(crate) fn part_of_longer_name(text: &str, name: &str) -> bool {
    if !names::is_name_token(name) {
        return false; // two words, or a name in Chinese characters
    }
    let capital_word = |w: Option<&str>| {
        w.is_some_and(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            names::is_name_token(w) && !names::is_not_name_word(w)
        })
    };
    text.match_indices(name).any(|(i, _)| {
        let before = text[..i].strip_suffix(' ').map(|h| h.rsplit(' ').next());
        let after = text[i + name.len()..]
            .strip_prefix(' ')
            .map(|t| t.split(' ').next());
        // only a word joined by a single space, with no punctuation between them
        let joined_before = before
            .flatten()
            .is_some_and(|w| !w.ends_with([',', '.', ';', ':']));
        let joined_after = text[i + name.len()..].starts_with(' ');
        (joined_before && capital_word(before.flatten()))
            || (joined_after && capital_word(after.flatten()))
    })
}

#[cfg(test)]
mod tests {
    use super::{find, part_of_longer_name};
    use crate::prisoners::unlisted::en::tokens;

    fn names(s: &str) -> Vec<&str> {
        let toks = tokens(s);
        find(&toks).into_iter().map(|c| &s[c.name]).collect()
    }

    #[test]
    fn one_word_names_before_who_was_sentenced() {
        // RFA on the sentencing of Tibetans in Kardze (names2 set, tuning half, q051)
        let s = "Also sentenced on Monday were Konme, who was handed a three-year term, and \
                 Gephel, who was sentenced to two years.";
        assert_eq!(names(s), ["Konme", "Gephel"]);
        // a surname, a plural, a word that is no name, and a verb that is not custody
        assert!(names("Wong, who was jailed in 2020, spoke.").is_empty());
        assert!(names("Officials, who were detained, spoke.").is_empty());
        assert!(names("Police, who were arrested, left.").is_empty());
        assert!(names("Konme, who was praised by monks, left.").is_empty());
        // a word of a longer run is that run's
        assert!(names("Peter Dahlin, who was detained in 2016, spoke.").is_empty());
    }

    #[test]
    fn a_word_the_text_writes_inside_a_longer_name_is_a_surname() {
        let t = "Peter Dahlin ran an NGO. Dahlin, who was detained in 2016, left China.";
        assert!(part_of_longer_name(t, "Dahlin"));
        let t = "Also sentenced were Konme, who was handed a term. Konme is 40.";
        assert!(!part_of_longer_name(t, "Konme"));
        assert!(!part_of_longer_name(t, "Two words"));
        assert!(super::one_name_people("Tibetan monks were sentenced."));
        assert!(!super::one_name_people(
            "Hong Kong activists were sentenced."
        ));
    }
}
