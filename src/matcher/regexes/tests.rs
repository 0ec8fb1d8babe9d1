use super::analysis::*;
use super::scan::anchored_match;
use crate::matcher::Limits;

/// The required literal of `src`, which has at most one spelling that the ASCII letters
/// of the text can have (its others have `ſ` or the Kelvin sign for an `s` or a `k`).
fn analyse(src: &str) -> Option<Required> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(src)
        .unwrap();
    required(&hir).map(|set| {
        let odd = |r: &&Required| {
            let lit = String::from_utf8_lossy(&r.lit).into_owned();
            lit.contains('\u{17F}') || lit.contains('\u{212A}')
        };
        let plain: Vec<Required> = set.iter().filter(|r| !odd(r)).cloned().collect();
        assert_eq!(plain.len(), 1, "{set:?}");
        plain.into_iter().next().unwrap()
    })
}

#[test]
fn finds_literals_and_bounds() {
    let r = analyse(r"(?i:(?:calls? for |urged )?(?:the )?release of (?:all )?prisoners)").unwrap();
    // in bytes: the `s` of "calls" may also be the two-byte `ſ` (U+017F)
    assert_eq!(r.before, Some("calls for the ".len() + 1));
    // 's' folds to ſ too: "release of " is one spelling, "releaſe of " another
    assert_eq!(r.lit, b"release of ", "{r:?}");
    let r = analyse(r"(?i:Professional\s+Teachers)").unwrap();
    assert_eq!(r.before, Some(0));
    assert_eq!(r.lit, b"professional");
    // each `s` doubles the spellings; past four, the run stops before the next one
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(r"(?i)Serfs Day")
        .unwrap();
    let set = required(&hir).unwrap();
    let lits: Vec<String> = set
        .iter()
        .map(|r| String::from_utf8(r.lit.clone()).unwrap())
        .collect();
    assert_eq!(lits, ["serfs day", "serfſ day", "ſerfs day", "ſerfſ day"]);
    assert!(analyse(r"\w+\s+Union").unwrap().before.is_none());
    assert!(analyse(r"(?i:a|b)").is_none());
    let r = analyse("民生观察").unwrap();
    assert_eq!(r.lit, "民生观察".as_bytes());
}

#[test]
fn finds_one_of_literal_sets() {
    let hir = |src: &str| {
        regex_syntax::ParserBuilder::new()
            .build()
            .parse(src)
            .unwrap()
    };
    let set = |src: &str| required(&hir(src)).filter(usable);
    // (literal, reach before it, starts a word) of each member of a set
    fn members(s: &OneOf) -> Vec<(&[u8], Option<usize>, bool)> {
        s.iter()
            .map(|r| (&r.lit[..], r.before, r.word_start))
            .collect()
    }
    // as the builtin that ran over the whole text: one literal per branch and spelling
    // (`s` folds to `ſ` too); the last group's set is less rare ("tor" of "pastors")
    let s = set(r"(?i)\b(release|releasing|freeing) (all |the )?(journalists|pastors)\b").unwrap();
    assert_eq!(
        members(&s),
        [
            (&b"release"[..], Some(0), true),
            ("releaſe".as_bytes(), Some(0), true),
            (&b"releasing"[..], Some(0), true),
            ("releaſing".as_bytes(), Some(0), true),
            (&b"freeing"[..], Some(0), true)
        ]
    );
    // all of them start words: found by the word scan, none by the searcher
    assert!(s.iter().all(|r| trigger_of(r, 0).is_some()));
    // each literal keeps its own reach; one inside a word does not start one
    let s = set(r"(?:(?:urged )?release|the freeing|x?unfreed) (?:them|us)").unwrap();
    assert_eq!(
        members(&s),
        [
            (&b"release"[..], Some(6), true),
            (&b"the freeing"[..], Some(0), true),
            (&b"unfreed"[..], Some(1), false)
        ]
    );
    // a branch without a literal (or with too short a one) leaves none for the whole
    assert!(set(r"(?i)\b(?:release|\w+ing)\b").is_none());
    assert!(set(r"(?:release|xy)\b").is_none());
    assert!(set(r"(?:release|)\b").is_none());
}

#[test]
fn no_builtin_regex_runs_over_the_whole_text() {
    let lexicons = crate::lexicon::builtin_shared().unwrap();
    let vs: Vec<crate::matcher::Variant> = lexicons
        .iter()
        .flat_map(|l| &l.entries)
        .filter(|e| e.mode == crate::lexicon::MatchMode::Regex)
        .flat_map(|e| {
            e.variants.iter().map(|v| crate::matcher::Variant {
                form: v,
                mode: e.mode,
                case_sensitive: e.case_sensitive,
                target: 0,
            })
        })
        .collect();
    assert!(vs.len() >= 10, "{}", vs.len());
    let limits = Limits {
        max_patterns: 1000,
        regex_size: 1 << 22,
    };
    let m = crate::matcher::Matcher::new(&vs, limits).unwrap();
    let rv = m.regexes.as_ref().unwrap();
    assert_eq!(rv.residual_count(), 0, "{:?}", rv.residual_ids);
}

/// A matcher holding only `forms` as case-insensitive regex variants.
fn matcher(forms: &[&str]) -> crate::matcher::Matcher {
    let vs: Vec<crate::matcher::Variant> = forms
        .iter()
        .enumerate()
        .map(|(i, f)| crate::matcher::Variant {
            form: f,
            mode: crate::lexicon::MatchMode::Regex,
            case_sensitive: i == 3,
            target: i as u32,
        })
        .collect();
    let limits = Limits {
        max_patterns: 100,
        regex_size: 1 << 22,
    };
    crate::matcher::Matcher::new(&vs, limits).unwrap()
}

#[test]
fn same_matches_as_a_full_scan() {
    let m = matcher(&[
        r"\b(?:calls? for |urged )?(?:the )?release of (?:all )?(?:political prisoners|detainees)\b",
        r"BN\(O\)",
        r"\w+\s+Union",
        r"Article\s+23",
    ]);
    let rv = m.regexes.as_ref().unwrap();
    // `\w+` before "union" has no bound
    assert_eq!(rv.residual_count(), 1);
    // "release" (and "releaſe"), "bn" and "article" start words in every match: found
    // by the word scan
    assert_eq!(rv.triggers.len(), 4, "{:?}", rv.triggers);
    let text = "They urged the release of all political prisoners. A BN(O) holder; \
                Teachers Union; called for release of detainees. Article 23 and \
                RELEASE OF DETAINEES, unreleased of detainees, article 23";
    let mut out = Vec::new();
    m.scan(text, &mut out);
    let got: Vec<&str> = out.iter().map(|m| &text[m.start..m.end]).collect();
    assert_eq!(
        got,
        [
            "urged the release of all political prisoners",
            "BN(O)",
            "Teachers Union",
            "release of detainees",
            "Article 23",
            "RELEASE OF DETAINEES",
        ]
    );
}

/// Every match the windows find is one a scan of every position finds, and back.
#[test]
fn windows_equal_trying_every_position() {
    use proptest::prelude::*;
    let sources = [
        r"\b(?:calls? for |urg(?:e|ed) )?(?:the )?release of (?:all )?(?:political prisoners|detainees)\b",
        r"Professional[\s]+Teachers['’]?[\s]+Union",
        r"BN\(O\)",
        r"\bpro[- ]democracy (?:activists?|figures) (?:jailed|detained)\b",
        r"(?:Mr\.|Ms\.) (?:Jimmy )?Lai",
        r"Serfs['’]?\s+Emancipation",
        // case-insensitive `s` and `k` also match `ſ` and the Kelvin sign
        r"(?i)Serfs['’]?\s+Emancipation",
        r"(?i)\bkeeps (?:them|us)\b",
        // one-of literal sets: the builtin that had none, and one whose literals differ
        // in reach, offset and way of being found (trigger or searcher)
        r"\b(release|releasing|freeing) (all |the |those )?(detained |jailed |arbitrarily detained )?(journalists|activists|human rights lawyers|detainees|pastors)\b",
        r"(?:(?:urged |called for )?release|(?:the )?freeing|x?unfreed|\(freed\)) (?:of )?(?:all )?(?:them|us)\b",
    ];
    let words = [
        "release",
        "RELEASE",
        "releaſe",
        "of",
        "all",
        "the",
        "calls",
        "for",
        "urged",
        "political",
        "prisoners",
        "detainees",
        "unreleased",
        "Professional",
        "Teachers’",
        "Union",
        "BN(O)",
        "bn(o)",
        "pro-democracy",
        "pro",
        "democracy",
        "activists",
        "figures",
        "jailed",
        "detained",
        "西藏",
        "é",
        ",",
        ".",
        "calls for the release of all political prisoners",
        "urged the release of detainees",
        "urge the RELEASE OF political prisoners",
        "Professional Teachers’ Union",
        "professional\nteachers union",
        "pro-democracy activists jailed",
        "Pro democracy figures detained",
        "Mr. Lai",
        "Ms. Jimmy Lai",
        "mr.",
        "Lai",
        "Serfs",
        "Emancipation",
        "Serfs Emancipation",
        "serfs’ emancipation",
        "Preserfs Emancipation",
        "ſerfs",
        "SERFſ",
        "ſerfſ’ emancipation",
        "keeps",
        "\u{212A}EEPS",
        "keepſ us",
        "releasing",
        "freeing",
        "Freeing",
        "those",
        "arbitrarily detained",
        "journalists",
        "human rights lawyers",
        "pastors",
        "release all jailed journalists",
        "freeing the arbitrarily detained activists",
        "Releasing those detained human rights lawyers",
        "them",
        "us",
        "called for release of all them",
        "urged release of us",
        "the freeing of them",
        "xunfreed of us",
        "unfreed of all them",
        "(freed) of us",
        "(freed)",
        "unfreed",
        "xunfreed",
    ];
    let seps = [" ", " ", " ", "\n", "-", "", "  "];
    let (mut triggered, mut searched) = (0, 0);
    for src in sources {
        let m = matcher(&[src]);
        let rv = m.regexes.as_ref().unwrap();
        assert_eq!(rv.residual_count(), 0, "{src}");
        triggered += rv.triggers.len();
        searched += rv.searched.len();
        if src.contains("unfreed") {
            // one variant, five literals (two spellings of "release"), found both ways
            assert_eq!(rv.lits.len(), 5, "{:?}", rv.lits);
            assert!(!rv.triggers.is_empty() && !rv.searched.is_empty());
        }
        let v = &rv.variants[0];
        let matched = std::cell::Cell::new(0);
        proptest!(ProptestConfig::with_cases(500), |(picks in prop::collection::vec((0..words.len(), 0..seps.len()), 0..40))| {
            let mut text = String::new();
            for (w, s) in picks {
                text.push_str(words[w]);
                text.push_str(seps[s]);
            }
            let mut got = Vec::new();
            m.scan(&text, &mut got);
            let got: Vec<(usize, usize)> = got.iter().map(|m| (m.start, m.end)).collect();
            let mut want = Vec::new();
            let mut s = 0;
            while s <= text.len() {
                if text.is_char_boundary(s) {
                    if let Some(e) = anchored_match(&v.re, &text, s) {
                        want.push((s, e));
                        s = e;
                        continue;
                    }
                }
                s += 1;
            }
            matched.set(matched.get() + want.len());
            prop_assert_eq!(got, want, "{:?}", text);
        });
        // random texts: a floor low enough never to fail by chance, high enough to compare
        assert!(matched.get() > 20, "{src}: too few matches to compare");
    }
    // both ways of finding literals are exercised
    assert!(triggered > 0 && searched > 0, "{triggered} {searched}");
}

/// Bytes the regex engine is handed while `m` scans `text`, and the matches it finds.
fn work(m: &crate::matcher::Matcher, text: &str) -> (usize, usize) {
    use super::scan::SEARCHED;
    SEARCHED.with(|n| n.set(0));
    let mut out = Vec::new();
    m.scan(text, &mut out);
    (SEARCHED.with(|n| n.get()), out.len())
}

/// A pathological variant costs work in proportion to the text: the text four times as long
/// costs about four times the work (without the cap, `Tibet.*X` read the rest of the text at
/// every `Tibet`: sixteen times), and each byte a bounded amount.
#[test]
fn pathological_regexes_run_in_linear_time() {
    use super::scan::MAX_MATCH_BYTES;
    for (form, unit) in [
        (r"Tibet.*X", "Tibet "),
        (r"the .*Uyghur", "the people of the town said "),
        (r"\w+\s+.*Union", "word "),
    ] {
        let m = matcher(&[form]);
        let small = unit.repeat(60_000 / unit.len());
        let large = unit.repeat(240_000 / unit.len());
        let (w1, n1) = work(&m, &small);
        let (w4, n4) = work(&m, &large);
        assert_eq!((n1, n4), (0, 0), "{form}");
        assert!(w1 > 0, "{form}: no work counted");
        let ratio = w4 as f64 / w1 as f64;
        assert!(
            (3.5..4.5).contains(&ratio),
            "{form}: 4x text, {ratio:.2}x work"
        );
        assert!(
            w4 <= large.len() * (MAX_MATCH_BYTES + 8),
            "{form}: {w4} bytes of work on {} bytes",
            large.len()
        );
    }
    // the cap keeps matches whole up to its length
    let m = matcher(&[r"Tibet.*X"]);
    let text = format!(
        "Tibet {} X and Tibet {} X",
        "a ".repeat(100),
        "b ".repeat(600)
    );
    let mut out = Vec::new();
    m.scan(&text, &mut out);
    assert_eq!(out.len(), 1, "the second match is longer than the cap");
    assert_eq!(out[0].end - out[0].start, "Tibet  X".len() + 200);
}

/// A word that starts with a character of several bytes and holds an apostrophe: a match may
/// start after the apostrophe (a case proptest found: the scan skipped past the apostrophe).
#[test]
fn a_match_after_an_apostrophe_in_a_word_that_starts_with_a_wide_character() {
    let m = matcher(&[r"(?i)\bkeeps (?:them|us)\b"]);
    for (t, want) in [
        ("Teachers’keepſ us ", (11, 20)),
        ("éTeachers’keepſ us ", (13, 22)),
        ("éTeachers’keeps us ", (13, 21)),
    ] {
        let mut got = Vec::new();
        m.scan(t, &mut got);
        let got: Vec<(usize, usize)> = got.iter().map(|m| (m.start, m.end)).collect();
        assert_eq!(got, [want], "{t:?}");
    }
}
