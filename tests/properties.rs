//! Property tests (proptest): rules that hold for every text and every small lexicon.
//!
//! The report invariants themselves (spans on char boundaries that slice to the hit text,
//! sorted non-overlapping hits, finite scores in [0, 1]...) are defined once in
//! `tests/fuzz/src/invariants.rs` and shared with the fuzz targets. Each property runs a few
//! hundred cases so that the file stays fast in a debug build; failures are shrunk by
//! proptest and should be kept in `tests/regressions.rs`.

#[path = "fuzz/src/invariants.rs"]
mod invariants;
#[path = "fuzz/src/toml_lexicon.rs"]
mod toml_lexicon;

use invariants::{check_batch, check_capped, check_classify, check_report};
use proptest::prelude::*;
use rightslens::normalize::fold_phrase;
use rightslens::{Classifier, Report};
use std::sync::OnceLock;
use toml_lexicon::{lexicon_toml, EntrySpec};
use unicode_segmentation::UnicodeSegmentation;

fn default_classifier() -> &'static Classifier {
    static CLF: OnceLock<Classifier> = OnceLock::new();
    CLF.get_or_init(|| Classifier::new().expect("built-in lexicons build"))
}

fn capped_classifier() -> &'static Classifier {
    static CLF: OnceLock<Classifier> = OnceLock::new();
    CLF.get_or_init(|| {
        Classifier::builder()
            .max_hits(2)
            .build()
            .expect("built-in lexicons build")
    })
}

fn config(cases: u32) -> ProptestConfig {
    let base = ProptestConfig::default();
    ProptestConfig {
        cases,
        failure_persistence: None,
        // about half of the inserts of `unrelated_text_far_away_keeps_hits` have hits and
        // are rejected; room for that also when PROPTEST_CASES asks for more cases
        max_global_rejects: base.max_global_rejects.max(8 * cases.max(base.cases)),
        ..base
    }
}

/// Terms of the built-in lexicons, cues and traps, so that random texts produce hits.
const VOCAB: &[&str] = &[
    "Tibet",
    "Tibetans",
    "Hong Kong",
    "Hong\nKong",
    "Xinjiang",
    "Uyghurs",
    "Taiwan",
    "Taiwan Strait",
    "Republic of China",
    "People’s Republic of China",
    "Jimmy Lai",
    "Lai",
    "Ilham Tohti",
    "Tohti",
    "Dalai Lama",
    "Panchen Lama",
    "East Turkestan",
    "human rights",
    "arbitrary detention",
    "torture",
    "stocks",
    "Hang Seng",
    "tourism",
    "TAR",
    "西藏",
    "香港",
    "新疆",
    "ＴＩＢＥＴ",
    "U\u{308}ru\u{308}mqi",
    "China’s",
    "Xi'an",
    "Mr.",
    "U.S.",
    "the",
    "and",
    "said",
    "🙂",
    "👩\u{200d}👩\u{200d}👧",
    "\u{200b}",
    "\u{200d}",
    "\u{ad}",
    "\u{feff}",
    "\u{200f}",
    "\u{202e}",
    "\u{301}",
    "ئۇيغۇر",
    "བོད",
    "Тибет",
    "½",
    "3.5",
    "İstanbul",
];

const SEPS: &[&str] = &[
    " ", " ", " ", "\n", "\n\n", ". ", ", ", "-", "—", "’s ", "'", "", "。", "\t", "\u{3000}",
    "! ", "? ",
];

/// Random texts: word soups of lexicon terms and tricky characters, or arbitrary Unicode.
fn any_text() -> impl Strategy<Value = String> {
    let soup = prop::collection::vec(
        (prop::sample::select(VOCAB), prop::sample::select(SEPS)),
        0..40,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(w, s)| [w, s])
            .collect::<String>()
    });
    prop_oneof![
        3 => soup,
        1 => any::<String>(),
        1 => "[a-zA-Z \\n.,'’\\-]{0,80}",
        1 => prop::collection::vec(any::<char>(), 0..30).prop_map(|v| v.into_iter().collect()),
    ]
}

/// The same text with bytes decoded lossily: truncated and invalid UTF-8 sequences.
fn lossy_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<u8>(), 0..200)
        .prop_map(|b| String::from_utf8_lossy(&b).into_owned())
}

proptest! {
    #![proptest_config(config(256))]

    /// Spans on char boundaries slicing to the hit text, sorted non-overlapping hits,
    /// finite bounded scores, determinism: on the built-in lexicons.
    #[test]
    fn reports_hold_invariants(text in any_text()) {
        check_classify(default_classifier(), &text);
    }

    #[test]
    fn lossy_bytes_hold_invariants(text in lossy_text()) {
        check_classify(default_classifier(), &text);
    }

    /// `classify_all` and `classify_documents` equal one-by-one classification.
    #[test]
    fn batch_equals_one_by_one(texts in prop::collection::vec(any_text(), 0..6)) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        check_batch(default_classifier(), &refs);
    }

    /// `max_hits` trims stored hits only: scores and counts stay.
    #[test]
    fn capping_hits_keeps_scores(text in any_text()) {
        let full = default_classifier().classify(&text);
        let capped = capped_classifier().classify(&text);
        check_report(capped_classifier(), &text, &capped);
        check_capped(&full, &capped, 2);
    }
}

/// Words and phrases for the normalisation property: letters of several scripts, case
/// traps, apostrophes, full-width forms, joiners inside words, separators.
fn phrase() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        "[a-zA-Z]{1,8}",
        "[À-ÖØ-öø-ÿ]{1,6}",
        "[α-ωΑ-ΡΣ-Ω]{1,6}",
        "[а-яА-Я]{1,6}",
        "[Ａ-Ｚａ-ｚ]{1,4}",
        "[a-z]{1,4}['’][a-z]{1,3}",
        "[a-z]{1,3}\u{301}[a-z]{0,3}",
        "[a-z]{1,3}[\u{ad}\u{200d}][a-z]{1,3}",
        prop::sample::select(vec![
            "İstanbul",
            "straße",
            "ǅemal",
            "ﬁre",
            "Ǆ",
            "ΣΑΣ",
            "Kelvin"
        ])
        .prop_map(str::to_string),
    ];
    let sep = prop::sample::select(vec![
        " ", "  ", "-", "—", "\n", ", ", ". ", "\u{200b}", "’ ",
    ]);
    prop::collection::vec((word, sep), 1..6).prop_map(|v| {
        v.into_iter()
            .flat_map(|(w, s)| [w, s.to_string()])
            .collect()
    })
}

proptest! {
    #![proptest_config(config(512))]

    /// Folding a phrase, joining the folded words with spaces and folding again gives the
    /// same words.
    #[test]
    fn normalisation_is_idempotent(p in phrase()) {
        let once = fold_phrase(&p);
        let twice = fold_phrase(&once.join(" "));
        prop_assert_eq!(&twice, &once, "phrase {:?}", p);
    }

    /// On letters, spaces and simple punctuation, `word_count` equals the number of UAX #29
    /// words.
    #[test]
    fn word_count_matches_unicode_words(
        parts in prop::collection::vec(
            (
                prop_oneof![
                    "[a-zA-Z]{1,8}",
                    "[À-ÖØ-öø-ÿ]{1,6}",
                    "[α-ωΑ-ΡΣ-Ω]{1,6}",
                    "[а-яА-Я]{1,6}",
                    "[a-z]{1,4}['’][a-z]{1,3}",
                    "[一-龥]{1,3}",
                ],
                prop::sample::select(vec![
                    " ", "  ", "\n", ", ", ". ", "! ", "? ", "; ", " - ", "-", " (", ") ",
                    "\" ", " \"", "—", "\t", "_", " _ ",
                ]),
            ),
            0..30,
        )
    ) {
        let text: String = parts.iter().flat_map(|(w, s)| [w.as_str(), s]).collect();
        prop_assert_eq!(
            rightslens::segment::word_count(&text),
            text.unicode_words().count(),
            "text {:?}",
            text
        );
    }
}

/// Whether a built-in entry has `requires = "china"`: it counts only near a China cue or
/// topic hit (`ScoreModel::china_window`), or in a document dense in them, so text inserted
/// between it and its cue may rightly remove it.
fn needs_china_nearby(entry: &str) -> bool {
    static IDS: OnceLock<Vec<String>> = OnceLock::new();
    IDS.get_or_init(|| {
        let lexicons = rightslens::Lexicon::builtin().expect("built-in lexicons parse");
        lexicons
            .iter()
            .flat_map(|l| &l.entries)
            .filter(|e| e.requires == Some(rightslens::Requirement::China))
            .map(|e| e.id.clone())
            .collect()
    })
    .iter()
    .any(|id| id == entry)
}

/// The hits of a report as (start, end, entry).
fn spans(r: &Report) -> Vec<(usize, usize, &str)> {
    r.hits.iter().map(|h| (h.start, h.end, &*h.entry)).collect()
}

/// Text inserted between two paragraphs: its own sentences, no lexicon term of its own.
const BREAK: &str = ".\n\n";

proptest! {
    #![proptest_config(config(256))]

    /// Inserting unrelated text (which has no hit of its own) in a paragraph of its own never
    /// removes or moves a hit before it and only shifts the hits after it (except the hits
    /// of `requires = "china"` entries, whose context is the sentences around them).
    #[test]
    fn unrelated_text_far_away_keeps_hits(
        left in any_text(),
        right in any_text(),
        insert in any_text(),
    ) {
        let clf = default_classifier();
        prop_assume!(clf.classify(&insert).hits.is_empty());
        let before = format!("{left}{BREAK}{right}");
        let after = format!("{left}{BREAK}{insert}{BREAK}{right}");
        let r0 = check_classify(clf, &before);
        let r1 = check_classify(clf, &after);
        let shift = insert.len() + BREAK.len();
        let got = spans(&r1);
        for (s, e, entry) in spans(&r0) {
            let want = if e <= left.len() {
                (s, e, entry)
            } else if s >= left.len() + BREAK.len() {
                (s + shift, e + shift, entry)
            } else {
                continue; // a hit across the break itself (regex entries only)
            };
            if needs_china_nearby(entry) {
                continue;
            }
            prop_assert!(got.contains(&want), "hit {:?} lost; insert {:?}", want, insert);
        }
    }
}

/// Words for generated terms (each at least 3 letters, so that lint accepts it).
fn term_word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z]{3,8}",
        "[À-ÖØ-öø-ÿ]{3,6}",
        "[α-ωΑ-ΡΣ-Ω]{3,6}",
        "[а-яА-Я]{3,6}",
        "[ا-ي]{3,6}",
        "[a-z]{2,4}[éü][a-z]{1,3}",
    ]
}

/// A term: one to three words joined by spaces, or a run of CJK characters (CJK variants
/// are matched without spaces, as the script is written).
fn term() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(term_word(), 1..4).prop_map(|w| w.join(" ")),
        1 => "[一-龥]{1,4}",
        1 => "[ぁ-ゖ]{2,4}",
    ]
}

/// Texts that surround a term: random words and separators.
fn filler() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec((term(), prop::sample::select(SEPS)), 0..12)
            .prop_map(|v| v.into_iter().flat_map(|(w, s)| [w, s.to_string()]).collect()),
        1 => any::<String>(),
    ]
}

proptest! {
    #![proptest_config(config(256))]

    /// A lexicon term embedded between spaces in random text is always found, at exactly the
    /// embedded span, whatever the mode (exact or prefix) and case flag. The surrounding text
    /// never contains a word of the term (or a CJK character of it), so no earlier,
    /// overlapping candidate can take its place under leftmost-longest matching.
    #[test]
    fn embedded_term_is_found(
        term in term(),
        prefix in any::<bool>(),
        case_sensitive in any::<bool>(),
        left in filler(),
        right in filler(),
    ) {
        let tokens = fold_phrase(&term);
        let cjk: Vec<char> = term.chars().filter(|&c| rightslens::normalize::is_cjk(c)).collect();
        let clashes = |t: &str| {
            fold_phrase(t)
                .iter()
                .any(|w| tokens.iter().any(|k| w.starts_with(k.as_str())))
                || t.chars().any(|c| cjk.contains(&c))
        };
        prop_assume!(!clashes(&left) && !clashes(&right));
        let variant = if prefix { format!("{term}*") } else { term.clone() };
        let entry = EntrySpec {
            id: "probe.concept.term".into(),
            kind: "concept".into(),
            variants: vec![variant],
            mode: prefix.then(|| "prefix".to_string()),
            case_sensitive,
            ..EntrySpec::default()
        };
        let toml = lexicon_toml("probe", None, &[entry]);
        let clf = Classifier::builder()
            .without_builtin()
            .lexicon_str("probe.toml", &toml)
            .build()
            .map_err(|e| TestCaseError::fail(format!("{e}\n{toml}")))?;
        let text = format!("{left} {term} {right}");
        let r = check_classify(&clf, &text);
        let start = left.len() + 1;
        let want = (start, start + term.len(), "probe.concept.term");
        prop_assert!(
            spans(&r).contains(&want),
            "term {:?} not found in {:?}: {:?}",
            term,
            text,
            r.hits
        );
    }
}
