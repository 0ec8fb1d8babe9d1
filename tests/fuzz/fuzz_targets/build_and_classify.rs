//! A small arbitrary lexicon (terms, match modes, case flags, roles, short forms, persons)
//! plus builder options, written as TOML, built, and run over a text stitched from its own
//! terms, separators and arbitrary strings.
//!
//! Checks: building never panics and fails only with `Invalid` or `Limit`; reports satisfy
//! every invariant, name only entries of the lexicon, are deterministic and equal in batch;
//! `max_hits` only trims the stored hits.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use rightslens::{Classifier, ErrorKind, ScoreModel, Thresholds};
use rightslens_fuzz::invariants::{check_batch, check_capped, check_classify};
use rightslens_fuzz::toml_lexicon::{lexicon_toml, EntrySpec};

/// Words the fuzzer can combine into terms and text: scripts, case traps, apostrophes,
/// full-width forms, combining marks, zero-width characters.
const WORDS: &[&str] = &[
    "Tibet",
    "tibet",
    "TIBET",
    "Hong",
    "Kong",
    "Xi'an",
    "Xi’an",
    "China",
    "People's",
    "Republic",
    "of",
    "Ürümqi",
    "U\u{308}ru\u{308}mqi",
    "ＴＩＢＥＴ",
    "西藏",
    "香港",
    "達賴喇嘛",
    "Uyghur",
    "Uyghurs",
    "Lai",
    "Jimmy",
    "Dalai",
    "Lama",
    "İstanbul",
    "straße",
    "STRASSE",
    "ǅemal",
    "e\u{301}cole",
    "Tib\u{ad}et",
    "Ti\u{200d}bet",
    "བོད",
    "ئۇيغۇر",
    "Тибет",
    "ﬁre",
    "½",
    "3.5",
    "a",
    "TAR",
    "tar",
    "x",
    "Γ",
    "σς",
    "\u{200d}",
    "🙂",
    "👩‍👩‍👧",
    "קוד",
    "\u{202e}",
];

/// Separators between words: spaces, dashes, line breaks, punctuation, zero-width marks.
const SEPS: &[&str] = &[
    " ", "-", "  ", "\n", ". ", ", ", "\u{200b}", "’s ", "", "—", "\u{3000}", "!\n\n", "\u{a0}",
    "'", "*", "\u{feff}", "。", "\t", "\u{2028}",
];

/// Regular expressions for regex-mode entries, several of which can match the empty string.
const REGEXES: &[&str] = &[
    r"\w+",
    r"\s+",
    r"tibet\w*",
    r".",
    r"\b",
    r"^",
    r"$",
    r"a|",
    r"\d{1,3}",
    r"x*",
    r"[\u{300}-\u{36f}]+",
    r"(?i)hong\s+kong",
    r"\p{Han}+",
    r"(?s).{2,5}",
    r"\w{1000}",
    r"(a+)+b",
    r"Tibet(an)?s?",
    r"\S+'s",
    "[",
    r"\bx\b",
];

const TOPICS: &[&str] = &["alpha", "beta", "political_prisoners", "context"];
const KINDS: &[&str] = &["place", "concept", "person", "organisation", "cue"];
const ROLES: &[Option<&str>] = &[
    None,
    Some("topic"),
    Some("rights"),
    Some("benign"),
    Some("block"),
];
const REGIONS: &[Option<&str>] = &[
    None,
    Some("alpha"),
    Some("mainland"),
    Some("beta"),
    Some("nowhere"),
];

#[derive(Arbitrary, Debug)]
enum Form {
    Words(Vec<(u8, u8)>),
    Regex(u8),
    Raw(String),
}

impl Form {
    fn render(&self) -> String {
        match self {
            Form::Words(ws) => {
                let mut s = String::new();
                for (k, (w, sep)) in ws.iter().take(5).enumerate() {
                    if k > 0 {
                        s.push_str(SEPS[*sep as usize % SEPS.len()]);
                    }
                    s.push_str(WORDS[*w as usize % WORDS.len()]);
                }
                s
            }
            Form::Regex(i) => REGEXES[*i as usize % REGEXES.len()].to_string(),
            Form::Raw(s) => s.chars().take(40).collect(),
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Spec {
    topic: u8,
    kind: u8,
    variants: Vec<Form>,
    short_forms: Vec<Form>,
    mode: u8,
    star: bool,
    case_sensitive: bool,
    role: u8,
    requires_rights: bool,
    framing: u8,
    weight: u8,
    region: u8,
    shared: bool,
}

#[derive(Arbitrary, Debug)]
enum Piece {
    Variant {
        entry: u8,
        variant: u8,
        upper: bool,
        suffix: Option<u8>,
    },
    Short {
        entry: u8,
        form: u8,
    },
    Word(u8),
    Sep(u8),
    Raw(String),
}

#[derive(Arbitrary, Debug)]
struct Input {
    specs: Vec<Spec>,
    pieces: Vec<Piece>,
    max_hits: Option<u8>,
    max_patterns: Option<u8>,
    regex_size_limit: Option<u16>,
    thresholds: Option<(u8, u8)>,
    builder_thresholds: Option<(u8, u8)>,
    model: Option<(u8, u8, u8, u8, u8, u8)>,
    only_alpha: bool,
}

/// The entries, their ids, and one `[name, toml]` pair per lexicon file.
struct Built {
    specs: Vec<EntrySpec>,
    ids: Vec<String>,
    files: Vec<[String; 2]>,
}

fn build(input: &Input) -> Built {
    let mut specs = Vec::new();
    let mut files: Vec<Vec<EntrySpec>> = vec![Vec::new(); TOPICS.len()];
    for (i, s) in input.specs.iter().take(8).enumerate() {
        let t = s.topic as usize % TOPICS.len();
        let mode = match s.mode % 3 {
            0 => None,
            1 => Some("prefix"),
            _ => Some("regex"),
        };
        let mut variants: Vec<String> = s.variants.iter().take(4).map(Form::render).collect();
        if mode == Some("prefix") && s.star {
            for v in &mut variants {
                v.push('*');
            }
        }
        let kind = KINDS[s.kind as usize % KINDS.len()];
        let e = EntrySpec {
            id: format!("{}.{kind}.e{i}", TOPICS[t]),
            kind: kind.to_string(),
            variants,
            mode: mode.map(str::to_string),
            case_sensitive: s.case_sensitive,
            role: ROLES[s.role as usize % ROLES.len()].map(str::to_string),
            requires_rights: s.requires_rights,
            framing: match s.framing % 3 {
                0 => None,
                1 => Some("prc".to_string()),
                _ => Some("advocacy".to_string()),
            },
            weight: (s.weight % 8 != 0).then(|| f64::from(s.weight % 51) / 10.0),
            name: (kind == "person").then(|| format!("Person {i}")),
            region: REGIONS[s.region as usize % REGIONS.len()].map(str::to_string),
            short_forms: s.short_forms.iter().take(2).map(Form::render).collect(),
            shared: s.shared,
        };
        files[t].push(e.clone());
        specs.push(e);
    }
    let ids: Vec<String> = specs.iter().map(|e| e.id.clone()).collect();
    let th = input
        .thresholds
        .map(|(a, b)| (f64::from(a) / 40.0, f64::from(b) / 255.0));
    let texts = files
        .iter()
        .enumerate()
        .filter(|(t, f)| !f.is_empty() || *t == 0)
        .map(|(t, f)| [TOPICS[t].to_string(), lexicon_toml(TOPICS[t], th, f)])
        .collect();
    Built {
        specs,
        ids,
        files: texts,
    }
}

fn document(input: &Input, specs: &[EntrySpec]) -> String {
    let mut doc = String::new();
    for p in input.pieces.iter().take(64) {
        match p {
            Piece::Variant {
                entry,
                variant,
                upper,
                suffix,
            } => {
                let Some(e) = specs.get(*entry as usize % specs.len().max(1)) else {
                    continue;
                };
                let Some(v) = e.variants.get(*variant as usize % e.variants.len().max(1)) else {
                    continue;
                };
                let v = v.trim_end_matches('*');
                if *upper {
                    doc.push_str(&v.to_uppercase());
                } else {
                    doc.push_str(v);
                }
                if let Some(s) = suffix {
                    doc.push_str(["s", "ans", "’s", "'", "-"][*s as usize % 5]);
                }
            }
            Piece::Short { entry, form } => {
                let Some(e) = specs.get(*entry as usize % specs.len().max(1)) else {
                    continue;
                };
                if let Some(v) = e
                    .short_forms
                    .get(*form as usize % e.short_forms.len().max(1))
                {
                    doc.push_str(v);
                }
            }
            Piece::Word(w) => doc.push_str(WORDS[*w as usize % WORDS.len()]),
            Piece::Sep(s) => doc.push_str(SEPS[*s as usize % SEPS.len()]),
            Piece::Raw(s) => doc.extend(s.chars().take(64)),
        }
    }
    doc
}

fuzz_target!(|input: Input| {
    let Built { specs, ids, files } = build(&input);
    let mut b = Classifier::builder();
    b.without_builtin();
    for f in &files {
        b.lexicon_str(&f[0], &f[1]);
    }
    if let Some(n) = input.max_patterns {
        b.max_patterns(n as usize);
    }
    if let Some(n) = input.regex_size_limit {
        b.regex_size_limit(n as usize * 16);
    }
    if let Some((a, c)) = input.builder_thresholds {
        b.thresholds(
            "alpha",
            Thresholds {
                present: f64::from(a) / 40.0,
                primary: f64::from(c) / 255.0,
            },
        );
    }
    if let Some((r, bn, s, ps, pw, hr)) = input.model {
        b.model(ScoreModel {
            rights_factor: f64::from(r) / 50.0,
            benign_factor: f64::from(bn) / 255.0,
            strength_scale: f64::from(s) / 20.0,
            prominence_share: f64::from(ps) / 255.0,
            prominence_weight: f64::from(pw) / 255.0,
            human_rights_min: f64::from(hr) / 20.0,
            ..ScoreModel::default()
        });
    }
    if input.only_alpha {
        b.topics(&["alpha"]);
    }
    let clf = match b.build() {
        Ok(c) => c,
        Err(e) => {
            assert!(
                matches!(e.kind(), ErrorKind::Invalid(_) | ErrorKind::Limit(_)),
                "unexpected error kind: {e}\n{files:#?}"
            );
            return;
        }
    };
    let doc = document(&input, &specs);
    let full = check_classify(&clf, &doc);
    for h in &full.hits {
        assert!(
            ids.iter().any(|id| *id == h.entry),
            "hit of unknown entry {}",
            h.entry
        );
    }
    if let Some(cap) = input.max_hits {
        let cap = cap as usize % 8;
        let capped = b
            .max_hits(cap)
            .build()
            .expect("the same lexicons build again");
        let small = check_classify(&capped, &doc);
        check_capped(&full, &small, cap);
    }
    let half = rightslens_fuzz::invariants::floor_boundary(&doc, doc.len() / 2);
    check_batch(&clf, &[&doc, &doc[..half], &doc[half..]]);
});
