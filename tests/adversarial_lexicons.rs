//! Adversarial lexicons and text: terms that are prefixes of each other, regex
//! metacharacters in exact mode, empty and CJK-only lexicons, the Unicode that scraped web text
//! carries (zero-width characters, bidi marks, combining sequences, emoji, mixed scripts,
//! broken UTF-8), and the limits on lexicon size (`tests/adversarial.rs` has huge documents,
//! hit counts and lexicon sizes). Every report is checked against the shared invariants.

mod adversarial_support;
#[path = "fuzz/src/invariants.rs"]
mod invariants;
#[path = "fuzz/src/toml_lexicon.rs"]
mod toml_lexicon;

use adversarial_support::{default_classifier, entry, own, serial, synthetic_term, texts, timed};
use invariants::{check_batch, check_classify};
use rightslens::{Classifier, ErrorKind, DEFAULT_MAX_PATTERNS, DEFAULT_REGEX_SIZE_LIMIT};
use toml_lexicon::{lexicon_toml, EntrySpec};

#[test]
fn terms_that_are_prefixes_of_each_other() {
    let _g = serial();
    let mut stem = entry("tibetan", &["Tibetan*"]);
    stem.mode = Some("prefix".into());
    let mut t = entry("ti", &["Tib*"]);
    t.mode = Some("prefix".into());
    let clf = own(&[
        entry("tibet", &["Tibet"]),
        entry("tar-short", &["Tibet Autonomous"]),
        entry("tar", &["Tibet Autonomous Region"]),
        entry("tar-gov", &["Tibet Autonomous Region Government"]),
        stem,
        t,
    ]);
    let cases: &[(&str, &[&str])] = &[
        ("Tibet", &["Tibet"]),
        (
            "the Tibet Autonomous Region said",
            &["Tibet Autonomous Region"],
        ),
        (
            "Tibet Autonomous Region Government",
            &["Tibet Autonomous Region Government"],
        ),
        ("Tibet Autonomous Prefecture", &["Tibet Autonomous"]),
        (
            "Tibet Autonomous Region Governments",
            &["Tibet Autonomous Region"],
        ),
        ("Tibetans and Tibetan monks", &["Tibetans", "Tibetan"]),
        ("Tibby Tibbet", &["Tibby", "Tibbet"]),
        (
            "Tibet Tibet Autonomous Tibet",
            &["Tibet", "Tibet Autonomous", "Tibet"],
        ),
        ("Ti Tib", &["Tib"]),
    ];
    for (text, want) in cases {
        let r = check_classify(&clf, text);
        assert_eq!(texts(&r), *want, "{text}");
    }
}

#[test]
fn regex_metacharacters_in_exact_mode_are_literal() {
    let _g = serial();
    let clf = own(&[
        entry("dot-star", &["Tibet.*"]),
        entry("plus", &["Lhasa+"]),
        entry("alt", &["Urumqi|Kashgar"]),
        entry("class", &["[Xinjiang]"]),
        entry("group", &["(Hong Kong)"]),
        entry("anchors", &["^Taiwan$"]),
        entry("escape", &["\\d{3} Macau"]),
    ]);
    // Each variant matches literally: punctuation between its words must stand in the text
    // (and then so must punctuation after them); other punctuation around it is not required.
    let cases: &[(&str, &[&str])] = &[
        ("Tibet and Tibetans", &["Tibet"]),
        ("Lhasa, not Lhasaa", &["Lhasa"]),
        ("Urumqi|Kashgar", &["Urumqi|Kashgar"]),
        ("Urumqi Kashgar", &[]),
        ("Urumqi or Kashgar", &[]),
        ("in Xinjiang.", &["Xinjiang"]),
        ("in (Hong Kong) today", &["Hong Kong"]),
        ("Taiwan", &["Taiwan"]),
        ("d 3 Macau and 123 Macau", &[]),
        ("\\d{3} Macau", &["d{3} Macau"]),
    ];
    for (text, want) in cases {
        let r = check_classify(&clf, text);
        assert_eq!(texts(&r), *want, "{text}");
    }
}

#[test]
fn empty_lexicons() {
    let _g = serial();
    let none = Classifier::builder()
        .without_builtin()
        .build()
        .expect("no lexicons is fine");
    let header_only = Classifier::builder()
        .without_builtin()
        .lexicon_str("empty.toml", "[lexicon]\ntopic = \"empty\"\n")
        .build()
        .expect("a lexicon without entries is fine");
    assert_eq!(none.pattern_count(), 0);
    for text in ["", "Tibet", "西藏 Hong Kong", "\u{feff}"] {
        let r = check_classify(&none, text);
        assert!(r.topics.is_empty() && r.hits.is_empty());
        let r = check_classify(&header_only, text);
        assert!(r.hits.is_empty() && !r.topics["empty"].present);
        check_batch(&header_only, &[text, text]);
    }
}

#[test]
fn lexicon_with_only_cjk_terms() {
    let _g = serial();
    let clf = own(&[
        entry("tibet", &["西藏", "藏"]),
        entry("dalai-lama", &["达赖喇嘛", "達賴喇嘛"]),
        entry("hong-kong", &["香港"]),
        entry("kana", &["チベット"]),
        entry("hangul", &["티베트"]),
    ]);
    let cases: &[(&str, &[&str])] = &[
        ("关于西藏和达赖喇嘛的问题", &["西藏", "达赖喇嘛"]),
        ("西藏自治区藏族", &["西藏", "藏"]),
        ("Hong Kong (香港) and Tibet", &["香港"]),
        ("チベットと티베트", &["チベット", "티베트"]),
        ("no CJK at all", &[]),
        ("達賴喇嘛。西", &["達賴喇嘛"]),
    ];
    for (text, want) in cases {
        let r = check_classify(&clf, text);
        assert_eq!(texts(&r), *want, "{text}");
    }
}

/// Characters that scraped web text carries; the expectations follow the folding rules in
/// `rightslens::normalize`.
#[test]
fn zero_width_bidi_combining_emoji_and_mixed_scripts() {
    let _g = serial();
    let clf = own(&[
        entry("tibet", &["Tibet", "Тибет", "བོད་"]),
        entry("urumqi", &["Ürümqi"]),
        entry("hong-kong", &["Hong Kong"]),
        entry("uyghur", &["ئۇيغۇر"]),
    ]);
    let cases: &[(&str, &[&str])] = &[
        // soft hyphen and zero-width joiners inside a word are dropped by folding
        ("Tib\u{ad}et", &["Tib\u{ad}et"]),
        ("Ti\u{200d}bet", &["Ti\u{200d}bet"]),
        ("Tib\u{200c}et\u{feff}", &["Tib\u{200c}et\u{feff}"]),
        // a zero-width space splits words but joins a phrase like a space
        ("Ti\u{200b}bet", &[]),
        ("Hong\u{200b}Kong", &["Hong\u{200b}Kong"]),
        // bidi marks and overrides sit between words
        ("\u{200f}Tibet\u{200e}", &["Tibet"]),
        (
            "\u{202e}Tibet\u{202c} \u{2067}Тибет\u{2069}",
            &["Tibet", "Тибет"],
        ),
        // combining sequences: decomposed and precomposed forms fold alike
        ("U\u{308}ru\u{308}mqi", &["U\u{308}ru\u{308}mqi"]),
        ("ÜRÜMQI", &["ÜRÜMQI"]),
        ("Tibet\u{301}", &[]),
        // emoji, flags and ZWJ sequences around terms
        ("🇹🇼Tibet🙂👩\u{200d}👩\u{200d}👧Tibet", &["Tibet", "Tibet"]),
        // mixed scripts, right-to-left text
        ("Tibet西藏Тибет", &["Tibet", "Тибет"]),
        ("ئۇيغۇر Tibet", &["ئۇيغۇر", "Tibet"]),
        ("full width ＴＩＢＥＴ", &["ＴＩＢＥＴ"]),
    ];
    for (text, want) in cases {
        let r = check_classify(&clf, text);
        assert_eq!(texts(&r), *want, "{text:?}");
    }
    // Tibetan script: the tsheg ends a syllable like a space; folding keeps the marks.
    check_classify(&clf, "བོད་ལྗོངས། བོད་");
}

#[test]
fn truncated_utf8_decoded_lossily() {
    let _g = serial();
    let clf = default_classifier();
    let full = "Tibet 西藏 Ürümqi 🙂 Hong Kong བོད".as_bytes();
    let mut texts = Vec::new();
    for cut in 0..=full.len() {
        for start in [0, 1, 2, 3] {
            if start <= cut {
                texts.push(String::from_utf8_lossy(&full[start..cut]).into_owned());
            }
        }
    }
    // invalid bytes in the middle: lone continuation bytes, overlong forms, surrogates
    for bad in [
        &b"Tib\x80et Tibet"[..],
        b"\xc0\xafTibet",
        b"\xed\xa0\x80Tibet",
        b"\xf4\x90\x80\x80 Tibet",
        b"Tibet\xff",
    ] {
        texts.push(String::from_utf8_lossy(bad).into_owned());
    }
    for t in &texts {
        check_classify(clf, t);
    }
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    check_batch(clf, &refs);
}

#[test]
fn pattern_limit_is_enforced() {
    let _g = serial();
    assert_eq!(DEFAULT_MAX_PATTERNS, 2_000_000);
    let variants: Vec<String> = (0..10).map(synthetic_term).collect();
    let toml = lexicon_toml(
        "probe",
        None,
        &[EntrySpec {
            id: "probe.concept.ten".into(),
            kind: "concept".into(),
            variants,
            short_forms: vec!["Ridge".into()],
            case_sensitive: true,
            ..EntrySpec::default()
        }],
    );
    let build = |n: usize| {
        Classifier::builder()
            .without_builtin()
            .lexicon_str("ten.toml", &toml)
            .max_patterns(n)
            .build()
    };
    // short forms count as patterns too: 11 in all
    assert_eq!(build(11).expect("11 patterns fit").pattern_count(), 11);
    let err = build(10).expect_err("11 patterns exceed 10");
    assert!(matches!(err.kind(), ErrorKind::Limit(_)), "{err}");
    assert!(err.to_string().contains("max_patterns"), "{err}");
    // the built-in lexicons fit the default with room to spare
    let builtin = default_classifier().pattern_count();
    assert!(builtin * 100 < DEFAULT_MAX_PATTERNS, "{builtin}");
}

#[test]
fn regex_size_limit_is_enforced() {
    let _g = serial();
    assert_eq!(DEFAULT_REGEX_SIZE_LIMIT, 1 << 20);
    let lexicon = |re: &str| {
        let mut e = entry("re", &[re]);
        e.mode = Some("regex".into());
        lexicon_toml("probe", None, &[e])
    };
    let build = |re: &str, limit: Option<usize>| {
        let mut b = Classifier::builder();
        b.without_builtin().lexicon_str("re.toml", &lexicon(re));
        if let Some(l) = limit {
            b.regex_size_limit(l);
        }
        b.build()
    };
    let small = r"article\s+23";
    assert!(build(small, None).is_ok());
    assert!(build(small, Some(10_000)).is_ok());
    let err = build(small, Some(10)).expect_err("a 10-byte limit is too small");
    assert!(matches!(err.kind(), ErrorKind::Limit(_)), "{err}");
    // a Unicode-aware repetition that compiles to megabytes fails under the default limit
    let huge = r"\w{500}\s\w{500}";
    let err = build(huge, None).expect_err("too big for the default limit");
    assert!(matches!(err.kind(), ErrorKind::Limit(_)), "{err}");
}

/// Deeply nested TOML values are refused by the parser's recursion limit (no stack overflow).
#[test]
fn deeply_nested_lexicon_is_an_error() {
    let _g = serial();
    for depth in [100, 10_000, 1_000_000] {
        let arrays = format!(
            "[lexicon]\ntopic = \"t\"\nx = {}{}\n",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let tables = format!(
            "[lexicon]\ntopic = \"t\"\nx = {}1{}\n",
            "{a=".repeat(depth),
            "}".repeat(depth)
        );
        for text in [arrays, tables] {
            let err = rightslens::Lexicon::parse("deep.toml", &text).expect_err("too deep");
            assert!(matches!(err.kind(), ErrorKind::Parse(_)), "{err}");
            assert_eq!(err.line(), Some(3), "{err}");
        }
    }
}

/// A single huge variant and a huge lexicon file are not bounded by a limit today: they
/// cost memory and time in proportion to their size. This pins that the cost stays linear.
#[test]
fn huge_variant_builds_in_linear_time() {
    let _g = serial();
    let long: String = (0..20_000).map(|i| synthetic_term(i) + " ").collect();
    let long = long.trim_end();
    let (clf, _) = timed(&format!("variant of {} KB", long.len() >> 10), || {
        own(&[entry("long", &[long])])
    });
    let text = format!("x {long} y");
    let r = check_classify(&clf, &text);
    assert_eq!(texts(&r), [long]);
}
