//! Match boundaries against Unicode word segmentation (UAX #29, as the `unicode-segmentation`
//! crate implements it), on generated text.
//!
//! The text is a random row of lexicon terms (in random letter case), filler words and
//! separators: spaces, brackets, quotes, dashes, CJK characters, and characters that join a
//! term to its neighbour (a low line `_`, a letter, a digit, a combining mark). Two
//! properties:
//!
//! * every match starts and ends on a UAX #29 word boundary, except that a possessive `’s`
//!   after the last word is left out of the match (`Tibet’s` is one word in UAX #29);
//! * the matches are exactly the inserted terms whose neighbours do not join them, at their
//!   inserted spans (the terms share no word with each other or with the filler, so nothing
//!   else can match).

#[path = "fuzz/src/toml_lexicon.rs"]
mod toml_lexicon;

use proptest::prelude::*;
use rightslens::Classifier;
use toml_lexicon::{lexicon_toml, EntrySpec};
use unicode_segmentation::UnicodeSegmentation;

/// Words of the terms: each term takes its own, so no two terms share a word.
const TERM_WORDS: &[&str] = &[
    "tibet",
    "lhasa",
    "xinjiang",
    "kashgar",
    "hong",
    "kong",
    "taiwan",
    "taipei",
    "ürümqi",
    "gendün",
    "chökyi",
    "nyima",
    "antony",
    "blinken",
    "congress",
    "petersburg",
    "amdo",
    "kham",
];

/// Filler words, none of them a term word.
const FILLER: &[&str] = &[
    "the", "said", "report", "and", "of", "people", "état", "2024",
];

/// What stands between the words of a term (`.` as in `U.S.`, `, ` as in `one country, two
/// systems`).
const GAPS: &[&str] = &[" ", " ", "-", ". ", ".", ", ", " & "];

/// Separators that do not join a term to its neighbour. No `.`, `:` or apostrophe directly
/// before a letter: UAX #29 joins letters across them (`U.S`), where rightslens, like the
/// oracle corpus, splits.
const SEPARATORS: &[&str] = &[
    " ", "  ", "\n", ", ", ". ", "; ", "(", ")", "“", "”", "-", "—", "@", "#", "/", "西", "港",
    "’s ", "!",
];

/// Characters that join a term to its neighbour.
const JOINERS: &[&str] = &["_", "x", "7", "é", "\u{301}"];

/// Whether `c` joins the word next to it (the reference rule).
fn joins(c: char) -> bool {
    (c.is_alphanumeric() && !rightslens::normalize::is_cjk(c))
        || c == '_'
        || ('\u{300}'..='\u{36F}').contains(&c)
}

#[derive(Debug, Clone)]
enum Piece {
    /// term number, and its letters' case flips
    Term(usize, Vec<bool>),
    Filler(&'static str),
    Sep(&'static str),
}

/// Terms: one to three words each (taken in turn from [`TERM_WORDS`]), joined by gaps.
fn terms() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec((1usize..4, prop::collection::vec(0..GAPS.len(), 2)), 1..6).prop_map(
        |shapes| {
            let mut next = 0;
            let mut out = Vec::new();
            for (n, gaps) in shapes {
                let mut t = String::new();
                for k in 0..n {
                    let Some(w) = TERM_WORDS.get(next) else { break };
                    if k > 0 {
                        t.push_str(GAPS[gaps[k - 1]]);
                    }
                    t.push_str(w);
                    next += 1;
                }
                if !t.is_empty() {
                    out.push(t);
                }
            }
            out
        },
    )
}

fn pieces(n_terms: usize) -> impl Strategy<Value = Vec<Piece>> {
    let piece = prop_oneof![
        3 => (0..n_terms, prop::collection::vec(any::<bool>(), 40))
            .prop_map(|(t, flips)| Piece::Term(t, flips)),
        2 => prop::sample::select(FILLER).prop_map(Piece::Filler),
        4 => prop::sample::select(SEPARATORS).prop_map(Piece::Sep),
        1 => prop::sample::select(JOINERS).prop_map(Piece::Sep),
    ];
    prop::collection::vec(piece, 0..40)
}

/// The term in the letter case `flips` says (a flip uppercases a letter).
fn cased(term: &str, flips: &[bool]) -> String {
    term.chars()
        .zip(flips.iter().cycle())
        .flat_map(|(c, &up)| {
            let v: Vec<char> = if up {
                c.to_uppercase().collect()
            } else {
                vec![c]
            };
            v
        })
        .collect()
}

/// The text of `pieces`, and the spans of the inserted terms that nothing joins.
fn render(terms: &[String], pieces: &[Piece]) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    for p in pieces {
        match p {
            Piece::Term(t, flips) => {
                let start = text.len();
                text.push_str(&cased(&terms[*t], flips));
                spans.push((start, text.len()));
            }
            Piece::Filler(w) => text.push_str(w),
            Piece::Sep(s) => text.push_str(s),
        }
    }
    let free = |&(s, e): &(usize, usize)| {
        let before = text[..s].chars().next_back();
        let after = text[e..].chars().next();
        !before.is_some_and(joins) && !after.is_some_and(joins)
    };
    let spans = spans.into_iter().filter(free).collect();
    (text, spans)
}

fn classifier(terms: &[String]) -> Result<Classifier, TestCaseError> {
    let entries: Vec<EntrySpec> = terms
        .iter()
        .enumerate()
        .map(|(k, t)| EntrySpec {
            id: format!("probe.concept.t{k}"),
            kind: "concept".into(),
            variants: vec![t.clone()],
            ..EntrySpec::default()
        })
        .collect();
    let toml = lexicon_toml("probe", None, &entries);
    Classifier::builder()
        .without_builtin()
        .lexicon_str("probe.toml", &toml)
        .build()
        .map_err(|e| TestCaseError::fail(format!("{e}\n{toml}")))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn matches_fall_on_word_bounds(
        (terms, pieces) in terms().prop_flat_map(|t| { let n = t.len(); (Just(t), pieces(n)) })
    ) {
        let clf = classifier(&terms)?;
        let (text, want) = render(&terms, &pieces);
        let report = clf.classify(&text);
        let mut bounds: Vec<usize> = text.split_word_bound_indices().map(|(i, _)| i).collect();
        bounds.push(text.len());
        let possessive = |e: usize| text[e..].starts_with("’s") && bounds.contains(&(e + "’s".len()));
        let got: Vec<(usize, usize)> = report.hits.iter().map(|h| (h.start, h.end)).collect();
        for &(s, e) in &got {
            prop_assert!(bounds.contains(&s), "start {} of {:?} in {:?}", s, &text[s..e], text);
            prop_assert!(
                bounds.contains(&e) || possessive(e),
                "end {} of {:?} in {:?}", e, &text[s..e], text
            );
        }
        prop_assert_eq!(got, want, "terms {:?} text {:?}", terms, text);
    }
}
