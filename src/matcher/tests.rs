//! The matcher's tests: a table of tiny named cases, and properties that pin each shortcut
//! of the scan (gate, pair table, next-word filter) to the plain walk it stands for.

use super::hash::load;
use super::tables::{is_cjk_letter, second_lead_bit, Gate, PairTable};
use super::words::{ascii_word_end, next_lead_bit, next_word};
use super::{Limits, Matcher, Variant};
use crate::lexicon::MatchMode;
use crate::normalize::{fold_word, is_cjk};

fn matcher(forms: &[(&str, MatchMode, bool)]) -> Matcher {
    let vs: Vec<Variant> = forms
        .iter()
        .enumerate()
        .map(|(i, (f, m, c))| Variant {
            form: f,
            mode: *m,
            case_sensitive: *c,
            target: i as u32,
        })
        .collect();
    Matcher::new(
        &vs,
        Limits {
            max_patterns: 1000,
            regex_size: 1 << 20,
        },
    )
    .unwrap()
}

/// The texts of the matches `m` finds in `text`.
fn found<'t>(m: &Matcher, text: &'t str) -> Vec<&'t str> {
    let mut out = Vec::new();
    m.scan(text, &mut out);
    out.iter().map(|r| &text[r.start..r.end]).collect()
}

/// (name, terms, text, expected matched slices)
#[allow(clippy::type_complexity)]
const CASES: &[(&str, &[&str], &str, &[&str])] = &[
    ("word boundary", &["Tibet"], "Tibetans in Tibet", &["Tibet"]),
    (
        "longest wins",
        &["East Turkestan", "East Turkestan Government-in-Exile"],
        "the East Turkestan Government in Exile said",
        &["East Turkestan Government in Exile"],
    ),
    (
        "failed longer keeps shorter",
        &["Taiwan", "Taiwan Strait"],
        "the Taiwan Straits",
        &["Taiwan"],
    ),
    ("possessive", &["China"], "China’s policy", &["China"]),
    (
        "possessive third word",
        &["Human Rights Watch", "human rights"],
        "Human Rights Watch’s report",
        &["Human Rights Watch"],
    ),
    (
        "third word decides",
        &["Hong Kong", "Hong Kong Watch", "Hong Kong Free Press"],
        "Hong Kong Free Press and Hong Kong watchers, Hong Kong Watch",
        &["Hong Kong Free Press", "Hong Kong", "Hong Kong Watch"],
    ),
    (
        "line break in phrase",
        &["Hong Kong"],
        "in Hong\nKong today",
        &["Hong\nKong"],
    ),
    ("unicode case", &["Ürümqi"], "ÜRÜMQI riots", &["ÜRÜMQI"]),
    (
        "curly apostrophe blocks",
        &["Republic of China", "People's Republic of China"],
        "the People’s Republic of China",
        &["People’s Republic of China"],
    ),
    (
        "cjk without spaces",
        &["西藏", "达赖喇嘛"],
        "关于西藏和达赖喇嘛的问题",
        &["西藏", "达赖喇嘛"],
    ),
    ("full width", &["Tibet"], "ＴＩＢＥＴ", &["ＴＩＢＥＴ"]),
    (
        "hyphen equals space",
        &["Government in Exile"],
        "Government-in-Exile",
        &["Government-in-Exile"],
    ),
    ("empty text", &["Tibet"], "", &[]),
    ("no hits", &["Tibet"], "nothing to see", &[]),
    (
        "punctuation inside phrase fails",
        &["Hong Kong"],
        "Hong, Kong",
        &[],
    ),
    (
        "low line joins words",
        &["Xinjiang", "Tibet", "Victims Database"],
        "@Xinjiang_Victims_Database, Tibet_ _Tibet Tibet__ and Victims_Database; Tibet",
        &["Tibet"],
    ),
    (
        "low line ends a phrase",
        &["Hong Kong", "Hong"],
        "Hong Kong_Watch Hong Kong",
        &["Hong", "Hong Kong"],
    ),
    (
        "inner punctuation matches itself",
        &[
            "Antony J. Blinken",
            "U.S. Congress",
            "St. Petersburg",
            "BN(O)",
        ],
        "Antony J. Blinken and the U.S. Congress in St. Petersburg hold BN(O) passports",
        &[
            "Antony J. Blinken",
            "U.S. Congress",
            "St. Petersburg",
            "BN(O)",
        ],
    ),
    (
        "inner punctuation is required",
        &["Antony J. Blinken", "U.S. Congress", "Antony", "BN(O)"],
        "Antony J Blinken, US Congress, U S Congress, U.S, Congress, BN(O, BN O",
        &["Antony"],
    ),
    (
        "inner punctuation folds quotes and allows spaces",
        &["Professional Teachers' Union", "one country, two systems"],
        "the Professional Teachers’ Union backs one country , two\nsystems",
        &["Professional Teachers’ Union", "one country , two\nsystems"],
    ),
];

#[test]
fn table() {
    for (name, terms, text, want) in CASES {
        let forms: Vec<_> = terms
            .iter()
            .map(|t| (*t, MatchMode::Exact, false))
            .collect();
        assert_eq!(&found(&matcher(&forms), text), want, "case {name}");
    }
}

#[test]
fn prefix_and_case() {
    let m = matcher(&[
        ("Uyghur*", MatchMode::Prefix, false),
        ("TAR", MatchMode::Exact, true),
    ]);
    let text = "Uyghurs and the TAR, not tar; Uyghur’s";
    assert_eq!(found(&m, text), ["Uyghurs", "TAR", "Uyghur"]);
}

#[test]
fn second_word_filter_edges() {
    let m = matcher(&[
        ("Hong Kong", MatchMode::Exact, false),
        ("rights o*", MatchMode::Prefix, false),
        ("rights", MatchMode::Exact, false),
    ]);
    // a fullwidth letter folds to ASCII; a one-byte prefix takes any second byte
    let text = "Hong Kｏng rights office, rights x";
    assert_eq!(found(&m, text), ["Hong Kｏng", "rights office", "rights"]);
}

#[test]
fn regex_with_edges() {
    let m = matcher(&[(r"article\s+23", MatchMode::Regex, false)]);
    let text = "Article 23 and particle 230";
    let mut out = Vec::new();
    m.scan(text, &mut out);
    assert_eq!(out.len(), 1);
    assert_eq!(&text[out[0].start..out[0].end], "Article 23");
}

#[test]
fn word_count_equals_segment() {
    let m = matcher(&[("x", MatchMode::Exact, false)]);
    for t in ["Tibet’s people, 西藏 and ＴＩＢＥＴ", "a-b c\u{00AD}d", ""] {
        let mut out = Vec::new();
        assert_eq!(
            m.scan(t, &mut out).words,
            crate::segment::word_count(t),
            "{t}"
        );
    }
}

#[test]
fn cjk_letter_shortcut_agrees_with_unicode() {
    for c in [
        '\u{3400}', '\u{4DB5}', '\u{4E00}', '\u{9FEF}', '\u{AC00}', '\u{D7A3}',
    ]
    .into_iter()
    .chain(('\u{2E80}'..='\u{D7AF}').filter(|&c| is_cjk(c)))
    {
        assert_eq!(is_cjk_letter(c), c.is_alphanumeric(), "{:X}", c as u32);
    }
}

proptest::proptest! {
    /// The eight-byte word end finds what a byte loop finds, from every start.
    #[test]
    fn ascii_word_end_agrees_with_byte_loop(
        bytes in proptest::collection::vec(proptest::prop_oneof![
            proptest::sample::select(b"aZ09 .,'`-\n\x7f@[{".to_vec()),
            0x80u8..=0xFF,
            0u8..0x80,
        ], 0..100)
    ) {
        for i in 0..=bytes.len() {
            let end = (i..bytes.len())
                .find(|&k| !bytes[k].is_ascii_alphanumeric())
                .unwrap_or(bytes.len());
            proptest::prop_assert_eq!(ascii_word_end(&bytes, i), end);
        }
    }
}

/// The matcher of the built-in lexicons, and the words of their variants.
fn builtin_matcher() -> (Matcher, Vec<String>) {
    let lexicons = crate::Lexicon::builtin().unwrap();
    let mut vs = Vec::new();
    let mut words = Vec::new();
    for e in lexicons.iter().flat_map(|l| &l.entries) {
        for (v, mode) in e
            .variants
            .iter()
            .map(|v| (v, e.mode))
            .chain(e.short_forms.iter().map(|v| (v, MatchMode::Exact)))
        {
            vs.push(Variant {
                form: v,
                mode,
                case_sensitive: e.case_sensitive,
                target: vs.len() as u32,
            });
            if mode != MatchMode::Regex {
                words.extend(
                    v.split([' ', '-'])
                        .map(|w| w.trim_end_matches('*').to_string()),
                );
            }
        }
    }
    let limits = Limits {
        max_patterns: 100_000,
        regex_size: 1 << 24,
    };
    (Matcher::new(&vs, limits).unwrap(), words)
}

#[test]
fn gate_passes_every_key() {
    let (m, _) = builtin_matcher();
    for k in m
        .first
        .keys
        .iter()
        .filter(|k| k.iter().all(u8::is_ascii_alphanumeric))
    {
        assert!(
            m.gate.test(load::<false>(k, 0, k.len().min(8)), k.len()) & Gate::FIRST != 0,
            "{k:?}"
        );
    }
    let mut starts: Vec<Vec<u8>> = m.prefixes.keys.iter().map(|(k, _)| k.to_vec()).collect();
    starts.extend(
        m.regexes
            .iter()
            .flat_map(|r| r.trigger_heads())
            .map(<[u8]>::to_vec),
    );
    starts.extend(
        (0..=127u8)
            .filter(|&b| m.cjk_ascii[b as usize])
            .map(|b| vec![b]),
    );
    assert!(
        starts.iter().any(|k| k.len() == 1),
        "a one-byte key is tested"
    );
    assert!(
        starts.iter().any(|k| k.len() == 2),
        "a two-byte key is tested"
    );
    assert!(
        starts.iter().any(|k| k.len() == 3),
        "a three-byte key is tested"
    );
    for k in starts
        .iter()
        .filter(|k| k.iter().all(u8::is_ascii_alphanumeric))
    {
        for tail in ["", "s", "ed", "x9z", "abcdefgh"] {
            let w = [&k[..], tail.as_bytes()].concat();
            let x = load::<true>(&w, 0, w.len().min(8));
            assert!(
                m.gate.test(x, w.len()) & Gate::LEAD != 0,
                "{:?}",
                String::from_utf8_lossy(&w)
            );
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    /// The gate changes no match: scanning with it finds what scanning with a gate that
    /// lets every word through finds, on text made of the built-in lexicons' words,
    /// common words and random ones in any case.
    #[test]
    fn gate_changes_no_match(
        picks in proptest::collection::vec(
            (0..10_000usize, 0..3usize, 0..6usize, "[a-zA-Z0-9]{1,12}"),
            0..60,
        ),
    ) {
        static BUILTIN: std::sync::OnceLock<(Matcher, Matcher, Vec<String>)> =
            std::sync::OnceLock::new();
        let (gated, open, words) = BUILTIN.get_or_init(|| {
            let (gated, words) = builtin_matcher();
            let mut open = builtin_matcher().0;
            let gate = &mut open.gate;
            for bits in [&mut gate.first[..], &mut gate.lead4[..], &mut gate.short[..]] {
                bits.fill(u64::MAX);
            }
            (gated, open, words)
        });
        const COMMON: [&str; 12] = [
            "the", "this", "states", "than", "release", "of", "be", "new", "709", "a", "for",
            "statehood",
        ];
        const SEPS: [&str; 6] = [" ", ", ", "-", ". ", "\n", "’s "];
        let mut text = String::new();
        for (k, source, sep, random) in &picks {
            let w = match source {
                0 => words[k % words.len()].clone(),
                1 => COMMON[k % COMMON.len()].to_string(),
                _ => random.clone(),
            };
            text.push_str(&if k % 3 == 0 { w.to_uppercase() } else { w });
            text.push_str(SEPS[*sep]);
        }
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let (sa, sb) = (gated.scan(&text, &mut a), open.scan(&text, &mut b));
        proptest::prop_assert_eq!(sa.words, sb.words);
        proptest::prop_assert_eq!(a, b, "{:?}", text);
    }
}

proptest::proptest! {
    /// What `next_lead_bit` claims about the next word holds: 0 means that no word
    /// follows, any other bit is that of the next word's first two bytes.
    #[test]
    fn next_lead_bit_tells_the_truth(
        chars in proptest::collection::vec(proptest::sample::select(vec![
            'a', 'B', 'z', '7', ' ', ' ', '.', ',', '-', '\'', '(', '\n', '\t', 'é', '’',
            '\u{2014}', '\u{3000}', '\u{0301}', '西', '\u{7F}', '\u{1C}',
        ]), 0..40),
    ) {
        let text: String = chars.into_iter().collect();
        let bytes = text.as_bytes();
        for end in 1..=bytes.len() {
            if !text.is_char_boundary(end) || !bytes[end - 1].is_ascii_alphanumeric() {
                continue;
            }
            let Some(bit) = next_lead_bit(bytes, end) else { continue };
            match next_word(&text, end) {
                None => proptest::prop_assert_eq!(bit, 0, "{:?} at {}", text, end),
                Some(w) => {
                    let mut key = String::new();
                    fold_word(&text[w.start..w.end], w.ascii, &mut key);
                    let k = key.as_bytes();
                    let b1 = k.get(1).copied().filter(u8::is_ascii_alphanumeric).unwrap_or(0);
                    proptest::prop_assert_eq!(bit, second_lead_bit(k[0], b1), "{:?} at {}", text, end);
                }
            }
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
    /// Candidates found through the pair table (and rejected on the first bytes of their
    /// second word, or on their third word) are the ones the plain walk over all
    /// candidates of a first word finds.
    #[test]
    fn pair_table_agrees_with_walking_all_candidates(
        forms in proptest::collection::vec(
            (proptest::collection::vec(0..8usize, 1..5), proptest::bool::ANY, proptest::bool::ANY),
            1..12,
        ),
        words in proptest::collection::vec((0..11usize, 0..4usize, 0..7usize), 0..40),
    ) {
        const VOCAB: [&str; 11] = [
            "hong", "kong", "lama's", "dalai", "rights", "o", "watch", "défense", "human", "of",
            "tar",
        ];
        const CASES: [fn(&str) -> String; 4] = [
            |w| w.to_string(),
            |w| w.to_uppercase(),
            |w| {
                let mut c = w.chars();
                c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
            },
            |w| w.to_string(),
        ];
        const SEPS: [&str; 7] = [" ", "  ", "-", ", ", "\n", "’s ", " \u{0301}"];
        let texts: Vec<String> = forms
            .iter()
            .map(|(ws, prefix, _)| {
                let f: Vec<&str> = ws.iter().map(|&w| VOCAB[w]).collect();
                format!("{}{}", f.join(" "), if *prefix { "*" } else { "" })
            })
            .collect();
        let variants: Vec<(&str, MatchMode, bool)> = texts
            .iter()
            .zip(&forms)
            .map(|(t, (_, prefix, case))| {
                let mode = if *prefix { MatchMode::Prefix } else { MatchMode::Exact };
                (t.as_str(), mode, *case)
            })
            .collect();
        let mut text = String::new();
        for &(w, c, sep) in &words {
            text.push_str(&CASES[c](VOCAB[w]));
            text.push_str(SEPS[sep]);
        }
        let fast = matcher(&variants);
        let mut plain = matcher(&variants);
        plain.pairs = PairTable::default();
        for fw in plain.first.ids.iter_mut() {
            fw.paired = false;
            fw.second_leads = u128::MAX;
        }
        let (mut a, mut b) = (Vec::new(), Vec::new());
        fast.scan(&text, &mut a);
        plain.scan(&text, &mut b);
        proptest::prop_assert_eq!(a, b, "{:?} in {:?}", texts, text);
    }
}
