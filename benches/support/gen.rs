//! Bench corpus, generated at start from the shipped samples and a fixed seed (nothing is
//! downloaded or committed). Shared by the bench files through `#[path]`.

#![allow(dead_code)]

use std::path::Path;

/// A tiny deterministic generator (64-bit LCG), so every run sees the same bytes.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next_u64() as usize) % items.len()]
    }
}

/// Common English words of news and official statements: the filler of the dense stress
/// corpus ([`Filler::Dense`]). Drawn uniformly, and ten of them are lexicon cues
/// (`government`, `China`, `president`...), so this filler is far denser in lexicon hits than
/// real text.
const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "that",
    "for",
    "on",
    "with",
    "as",
    "was",
    "by",
    "said",
    "it",
    "from",
    "at",
    "is",
    "be",
    "this",
    "have",
    "are",
    "which",
    "has",
    "not",
    "their",
    "government",
    "officials",
    "meeting",
    "statement",
    "week",
    "talks",
    "economic",
    "trade",
    "security",
    "cooperation",
    "United",
    "States",
    "minister",
    "president",
    "secretary",
    "policy",
    "regional",
    "support",
    "called",
    "concerns",
    "countries",
    "international",
    "report",
    "people",
    "year",
    "new",
    "also",
    "would",
    "could",
    "after",
    "during",
    "between",
    "markets",
    "investment",
    "development",
    "agreement",
    "discussed",
    "continued",
    "region",
    "including",
    "spokesperson",
    "conference",
    "climate",
    "energy",
    "partners",
    "allies",
    "Beijing",
    "China",
    "Chinese",
    "Washington",
    "delegation",
    "visit",
    "press",
    "journalists",
    "students",
    "university",
    "court",
    "law",
    "rights",
    "freedom",
    "democracy",
    "election",
];

/// Lexicon topic terms, sprinkled in one word of 60 by both fillers.
const TERMS: &[&str] = &[
    "Tibet",
    "Xinjiang",
    "Hong Kong",
    "Taiwan",
    "Uyghurs",
    "the Dalai Lama",
    "Lhasa",
    "the Taiwan Strait",
    "the National Security Law",
    "Ilham Tohti",
    "Jimmy Lai",
    "political prisoners",
    "forced labor",
    "human rights",
    "Tibetan",
    "East Turkestan",
    "detained",
    "arbitrary detention",
    "Apple Daily",
    "cross-strait",
    "Panchen Lama",
];

const ZH: &[&str] = &[
    "我们",
    "关注",
    "西藏",
    "新疆",
    "香港",
    "台湾",
    "人权",
    "的",
    "情况",
    "政府",
    "表示",
    "会议",
    "问题",
    "发展",
    "经济",
    "合作",
    "国家",
    "安全",
    "维吾尔",
    "达赖喇嘛",
    "记者",
];

/// Builds `n_docs` dense English documents of `words` words each (± 50 %), seeded: [`WORDS`]
/// drawn uniformly, a sentence every 18 words.
pub fn dense_docs(seed: u64, n_docs: usize, words: usize) -> Vec<String> {
    let mut rng = Lcg::new(seed);
    (0..n_docs)
        .map(|_| {
            let len = words / 2 + (rng.next_u64() as usize % (words + 1));
            let mut s = String::with_capacity(len * 7);
            for i in 0..len {
                if i > 0 {
                    s.push(' ');
                }
                let w = if rng.next_u64().is_multiple_of(60) {
                    rng.pick(TERMS)
                } else {
                    rng.pick(WORDS)
                };
                if i % 18 == 0 && i > 0 {
                    s.push_str(". ");
                    let mut c = w.chars();
                    if let Some(f) = c.next() {
                        s.extend(f.to_uppercase());
                        s.push_str(c.as_str());
                    }
                } else if i % 7 == 3 {
                    s.push_str(w);
                    s.push(',');
                } else {
                    s.push_str(w);
                }
            }
            s.push('.');
            s
        })
        .collect()
}

/// The 290 most frequent words of real English official statements, with how often each
/// occurs per million words. Counted (lowercased; single letters other than `a` and `I`
/// dropped) over every fourth document of the corpus of White House statements and State
/// Department country reports that `BENCHMARKS.md` measures as "real"; the word list and its
/// counts are the only thing taken from it. Together they make 57 % of the words of that
/// corpus; news-like filler draws the rest from [`tail_vocabulary`].
#[rustfmt::skip]
const HEAD: &[(&str, u32)] = &[
    ("the", 56669), ("and", 37738), ("to", 32603), ("of", 31468), ("in", 19743), ("a", 15001),
    ("that", 12447), ("for", 12043), ("on", 8033), ("we", 7274), ("with", 6700), ("is", 6607),
    ("or", 6302), ("I", 6104), ("as", 5818), ("you", 5339), ("it", 4962), ("government", 4618),
    ("were", 4604), ("this", 4524), ("not", 4522), ("by", 4179), ("have", 3983), ("from", 3954),
    ("are", 3799), ("law", 3787), ("president", 3784), ("was", 3742), ("at", 3346),
    ("their", 3338), ("be", 3189), ("they", 2993), ("there", 2938), ("an", 2892), ("but", 2865),
    ("our", 2793), ("so", 2441), ("will", 2400), ("all", 2384), ("he", 2233), ("what", 2156),
    ("rights", 2143), ("who", 2079), ("including", 2068), ("has", 2057), ("other", 2056),
    ("more", 2006), ("about", 1983), ("also", 1922), ("country", 1850), ("security", 1750),
    ("persons", 1746), ("national", 1718), ("labor", 1693), ("no", 1681), ("these", 1680),
    ("going", 1624), ("public", 1613), ("can", 1600), ("one", 1588), ("which", 1571),
    ("know", 1562), ("some", 1549), ("year", 1546), ("state", 1544), ("women", 1525),
    ("had", 1505), ("right", 1495), ("states", 1490), ("do", 1479), ("children", 1478),
    ("against", 1473), ("work", 1449), ("than", 1440), ("been", 1430), ("people", 1427),
    ("human", 1408), ("reported", 1379), ("police", 1367), ("did", 1359), ("just", 1347),
    ("health", 1343), ("united", 1327), ("workers", 1326), ("authorities", 1314), ("his", 1265),
    ("if", 1260), ("them", 1252), ("those", 1251), ("may", 1232), ("ms", 1228), ("access", 1221),
    ("years", 1221), ("cases", 1210), ("any", 1206), ("up", 1193), ("violence", 1191),
    ("when", 1189), ("child", 1154), ("administration", 1135), ("new", 1104), ("freedom", 1093),
    ("during", 1089), ("well", 1083), ("reports", 1080), ("would", 1064), ("court", 1055),
    ("political", 1033), ("through", 1032), ("international", 1026), ("two", 1025), ("out", 1017),
    ("such", 1011), ("its", 1007), ("members", 1005), ("percent", 999), ("many", 976),
    ("over", 975), ("see", 971), ("american", 967), ("under", 962), ("time", 956),
    ("support", 951), ("discrimination", 945), ("first", 936), ("media", 918), ("detention", 910),
    ("because", 900), ("sexual", 899), ("biden", 877), ("department", 876), ("get", 869),
    ("legal", 869), ("officials", 853), ("according", 852), ("here", 847), ("how", 838),
    ("federal", 834), ("today", 832), ("think", 831), ("report", 828), ("prison", 824),
    ("most", 822), ("ministry", 819), ("into", 815), ("said", 814), ("make", 811), ("now", 808),
    ("thank", 806), ("where", 785), ("services", 781), ("office", 777), ("without", 761),
    ("individuals", 743), ("laws", 741), ("provide", 738), ("america", 736), ("local", 735),
    ("domestic", 732), ("after", 731), ("section", 726), ("my", 724), ("based", 721), ("go", 721),
    ("civil", 709), ("could", 708), ("working", 704), ("very", 697), ("your", 696),
    ("million", 689), ("house", 688), ("care", 685), ("social", 681), ("jean", 677),
    ("continued", 676), ("groups", 675), ("pierre", 671), ("order", 670), ("family", 669),
    ("while", 665), ("act", 662), ("provides", 659), ("organizations", 655), ("generally", 646),
    ("us", 645), ("employment", 642), ("does", 642), ("between", 640), ("don", 639),
    ("information", 638), ("continue", 627), ("made", 625), ("like", 622), ("conditions", 622),
    ("foreign", 617), ("three", 614), ("applause", 612), ("communities", 612), ("want", 611),
    ("world", 608), ("only", 608), ("disabilities", 607), ("families", 600), ("day", 598),
    ("education", 597), ("community", 596), ("say", 592), ("ngos", 591), ("refugees", 590),
    ("economic", 581), ("number", 577), ("military", 576), ("protection", 576), ("her", 575),
    ("often", 574), ("union", 573), ("before", 573), ("abuse", 572), ("both", 568),
    ("forces", 567), ("take", 566), ("last", 563), ("criminal", 562), ("back", 559),
    ("across", 552), ("system", 552), ("americans", 551), ("secretary", 549), ("provided", 548),
    ("sector", 546), ("mr", 545), ("high", 544), ("private", 544), ("forced", 543), ("look", 543),
    ("leaders", 541), ("need", 541), ("being", 540), ("me", 536), ("although", 535),
    ("corruption", 523), ("due", 522), ("part", 520), ("constitution", 518), ("general", 515),
    ("days", 511), ("service", 511), ("every", 508), ("age", 499), ("use", 497), ("since", 496),
    ("energy", 494), ("process", 492), ("help", 491), ("she", 489), ("detainees", 489),
    ("asylum", 488), ("independent", 487), ("should", 486), ("gender", 479), ("white", 477),
    ("arrest", 476), ("hours", 473), ("citizens", 472), ("prisoners", 469), ("way", 466),
    ("trafficking", 466), ("within", 465), ("question", 464), ("justice", 464),
    ("assistance", 461), ("vice", 459), ("safety", 456), ("areas", 452), ("school", 451),
    ("then", 449), ("held", 448), ("months", 448), ("plan", 448), ("psaki", 444), ("efforts", 444),
    ("jobs", 443), ("policy", 442), ("official", 441), ("action", 440), ("elections", 440),
    ("executive", 437), ("good", 434), ("again", 432), ("ahead", 432),
];

/// China cues that China-focused news repeats ("China", "Beijing"): one word in 80.
const CHINA_CUES: &[&str] = &[
    "China",
    "Chinese",
    "Beijing",
    "the Chinese government",
    "the People's Republic of China",
];

/// How many distinct rarer words the news-like filler draws from, Zipf-weighted.
const TAIL_WORDS: usize = 20_000;

/// Pronounceable made-up words for the long tail of a vocabulary: English text draws 43 % of
/// its words from outside its 290 most frequent ones, and those are longer (7.4 letters on
/// average in the corpus [`HEAD`] was counted on). One word in three is capitalised, like
/// the names and places of news. Made-up words keep the bench free of downloaded text while
/// giving an automaton the many distinct byte paths of a real vocabulary.
pub fn tail_vocabulary(seed: u64) -> Vec<String> {
    const ONSETS: &[&str] = &[
        "", "", "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v",
        "w", "y", "z", "ch", "pr", "st", "th", "tr", "sh", "br",
    ];
    const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "a", "e", "i", "o", "y", "ea", "ou"];
    const CODAS: &[&str] = &[
        "", "", "", "", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ng",
    ];
    const ENDINGS: &[&str] = &[
        "", "", "", "", "s", "ed", "ing", "tion", "ment", "ly", "al", "er", "ity", "ive",
    ];
    let mut rng = Lcg::new(seed);
    (0..TAIL_WORDS)
        .map(|i| {
            let syllables = [1, 2, 2, 2, 2, 3, 1, 2][(rng.next_u64() % 8) as usize];
            let mut w = String::new();
            for _ in 0..syllables {
                w.push_str(rng.pick(ONSETS));
                w.push_str(rng.pick(VOWELS));
                w.push_str(rng.pick(CODAS));
            }
            w.push_str(rng.pick(ENDINGS));
            if i % 3 == 0 {
                let mut c = w.chars();
                let first = c.next().map(|f| f.to_ascii_uppercase());
                w = first.into_iter().chain(c).collect();
            }
            w
        })
        .collect()
}

/// Draws the words of news-like text: [`HEAD`] words at their real frequencies, numbers
/// (2 %), and Zipf-weighted words of [`tail_vocabulary`] for the rest; lexicon topic terms
/// ([`TERMS`]) replace one word in 60 and China cues one in 80.
pub struct NewsWords {
    rng: Lcg,
    head_cum: Vec<u32>,
    tail: Vec<String>,
    tail_cum: Vec<f64>,
}

impl NewsWords {
    pub fn new(seed: u64) -> NewsWords {
        let mut acc = 0;
        let head_cum = HEAD
            .iter()
            .map(|&(_, n)| {
                acc += n;
                acc
            })
            .collect();
        let mut acc = 0.0;
        // ranks after those of HEAD, so the tail continues the head's Zipf curve
        let tail_cum = (1..=TAIL_WORDS)
            .map(|r| {
                acc += 1.0 / (r + HEAD.len()) as f64;
                acc
            })
            .collect();
        NewsWords {
            rng: Lcg::new(seed),
            head_cum,
            tail: tail_vocabulary(seed ^ 0x7A11),
            tail_cum,
        }
    }

    /// Appends the next word (or lexicon term) to `out`.
    pub fn push_next(&mut self, out: &mut String) {
        let r = self.rng.next_u64();
        if r.is_multiple_of(60) {
            out.push_str(self.rng.pick(TERMS));
            return;
        }
        if r % 80 == 1 {
            out.push_str(self.rng.pick(CHINA_CUES));
            return;
        }
        let x = (self.rng.next_u64() % 1_000_000) as u32;
        let head_total = self.head_cum.last().copied().unwrap_or(0);
        if x < head_total {
            let i = self.head_cum.partition_point(|&c| c <= x);
            out.push_str(HEAD[i].0);
        } else if x < head_total + 20_000 {
            let n = self.rng.next_u64();
            let digits = [1, 2, 2, 4][(n % 4) as usize];
            out.push_str(&(n % 10u64.pow(digits)).to_string());
        } else {
            let total = self.tail_cum.last().copied().unwrap_or(1.0);
            let u = (self.rng.next_u64() % (1 << 30)) as f64 / (1u64 << 30) as f64 * total;
            let i = self
                .tail_cum
                .partition_point(|&c| c <= u)
                .min(TAIL_WORDS - 1);
            out.push_str(&self.tail[i]);
            // possessives of names, with the curly apostrophe of edited text
            if self.tail[i].starts_with(|c: char| c.is_ascii_uppercase()) && r % 16 == 2 {
                out.push_str("\u{2019}s");
            }
        }
    }
}

/// Builds `n_docs` news-like English documents of `words` words each (± 50 %), seeded:
/// sentences of 8 to 36 words, a comma in about one word in 14, paragraphs of about four
/// sentences, words drawn by [`NewsWords`].
pub fn news_docs(seed: u64, n_docs: usize, words: usize) -> Vec<String> {
    let mut draw = NewsWords::new(seed);
    let mut rng = Lcg::new(seed ^ 0x5EED);
    (0..n_docs)
        .map(|_| {
            let len = words / 2 + (rng.next_u64() as usize % (words + 1));
            let mut s = String::with_capacity(len * 7);
            let mut left_in_sentence = 0;
            for _ in 0..len {
                if left_in_sentence == 0 {
                    if !s.is_empty() {
                        s.push('.');
                        s.push_str(if rng.next_u64().is_multiple_of(4) {
                            "\n\n"
                        } else {
                            " "
                        });
                    }
                    left_in_sentence = 8 + rng.next_u64() as usize % 29;
                    let at = s.len();
                    draw.push_next(&mut s);
                    if let Some(f) = s[at..].chars().next() {
                        let upper: String = f.to_uppercase().collect();
                        s.replace_range(at..at + f.len_utf8(), &upper);
                    }
                } else {
                    s.push(' ');
                    draw.push_next(&mut s);
                    if left_in_sentence > 1 && rng.next_u64().is_multiple_of(14) {
                        s.push(',');
                    }
                }
                left_in_sentence -= 1;
            }
            s.push('.');
            s
        })
        .collect()
}

/// Builds `n_docs` Chinese documents of about `chars` characters.
pub fn chinese_docs(seed: u64, n_docs: usize, chars: usize) -> Vec<String> {
    let mut rng = Lcg::new(seed);
    (0..n_docs)
        .map(|_| {
            let mut s = String::new();
            while s.chars().count() < chars {
                s.push_str(rng.pick(ZH));
                if rng.next_u64().is_multiple_of(12) {
                    s.push('。');
                }
            }
            s
        })
        .collect()
}

/// The sample statements shipped in `examples/data`.
pub fn samples() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// Which English text the generated corpus is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filler {
    /// News-like text ([`news_docs`]): real word frequencies with a long tail of rarer words,
    /// lexicon topic terms in one word of 60 and China cues in one of 80. The bench's main
    /// generated corpus.
    News,
    /// A stress case ([`dense_docs`]): 88 common words drawn uniformly, ten of them lexicon
    /// cues (`government`, `China`, `president`...), so one word in 7.6 is a lexicon hit,
    /// against one in 14 in the dev documents and one in 29 in the real corpus.
    Dense,
}

/// The mixed corpus used by the throughput benches: shipped samples, long and short English
/// documents, and some Chinese text; about `target_bytes` in total.
pub fn mixed_corpus(target_bytes: usize, filler: Filler) -> Vec<String> {
    let english = match filler {
        Filler::News => news_docs,
        Filler::Dense => dense_docs,
    };
    let mut docs = samples();
    let mut seed = 1;
    while docs.iter().map(String::len).sum::<usize>() < target_bytes {
        docs.extend(english(seed, 40, 600)); // statements and news items
        docs.extend(english(seed + 1, 2, 8000)); // report sections
        docs.extend(english(seed + 2, 40, 120)); // short readouts
        docs.extend(chinese_docs(seed + 3, 4, 800));
        seed += 4;
    }
    docs
}

/// A statement of exactly 200 words (latency bench), from the dense filler: the more hits, the
/// more report work, so this is the slower kind of statement.
pub fn statement_200_words() -> String {
    let long = dense_docs(42, 1, 400).remove(0);
    let words: Vec<&str> = long.split(' ').take(200).collect();
    words.join(" ")
}

/// The environment variable that names a corpus of the user's own to measure as well: a JSON
/// Lines file (one object per line with a `text` field, as `rightslens classify` reads) or
/// a folder of text files (read recursively).
pub const CORPUS_VAR: &str = "RIGHTSLENS_BENCH_CORPUS";

/// At most this many megabytes of it are read (default: all).
pub const MAX_MB_VAR: &str = "RIGHTSLENS_BENCH_MAX_MB";

/// The documents of the corpus named by [`CORPUS_VAR`], with a short name for the reports;
/// `None` if the variable is not set. Panics with a clear message if it cannot be read (a
/// bench has no better way to report it).
pub fn user_corpus() -> Option<(String, Vec<String>)> {
    let path = std::path::PathBuf::from(std::env::var_os(CORPUS_VAR)?);
    let max_bytes = std::env::var(MAX_MB_VAR)
        .ok()
        .map(|v| {
            v.parse::<usize>()
                .unwrap_or_else(|_| panic!("{MAX_MB_VAR}={v:?} is not a number of megabytes"))
                * 1_000_000
        })
        .unwrap_or(usize::MAX);
    let mut docs = Vec::new();
    let mut total = 0;
    let mut push = |text: String, docs: &mut Vec<String>| {
        if total < max_bytes && !text.is_empty() {
            total += text.len();
            docs.push(text);
        }
    };
    let fail = |e: &dyn std::fmt::Display| -> ! { panic!("{CORPUS_VAR}={}: {e}", path.display()) };
    if path.is_dir() {
        let mut stack = vec![path.clone()];
        let mut files = Vec::new();
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| fail(&e)) {
                let p = entry.unwrap_or_else(|e| fail(&e)).path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    files.push(p);
                }
            }
        }
        files.sort();
        for f in files {
            let bytes = std::fs::read(&f).unwrap_or_else(|e| fail(&e));
            push(String::from_utf8_lossy(&bytes).into_owned(), &mut docs);
        }
    } else {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&e));
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let v: serde_json::Value = serde_json::from_str(line)
                .unwrap_or_else(|e| fail(&format!("line {}: {e}", n + 1)));
            match v.get("text").and_then(|t| t.as_str()) {
                Some(t) => push(t.to_string(), &mut docs),
                None => fail(&format!("line {}: no \"text\" field", n + 1)),
            }
        }
    }
    if docs.is_empty() {
        fail(&"no documents");
    }
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Some((name, docs))
}

/// Median of a non-empty sample.
pub fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}
