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

/// Common English words of news and official statements (filler).
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

/// Lexicon terms sprinkled at a realistic density (about one per 60 words).
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

/// Builds `n_docs` English documents of `words` words each (± 50 %), seeded.
pub fn english_docs(seed: u64, n_docs: usize, words: usize) -> Vec<String> {
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

/// The mixed corpus used by the throughput benches: shipped samples, long and short English
/// documents, and some Chinese text; about `target_bytes` in total.
pub fn mixed_corpus(target_bytes: usize) -> Vec<String> {
    let mut docs = samples();
    let mut seed = 1;
    while docs.iter().map(String::len).sum::<usize>() < target_bytes {
        docs.extend(english_docs(seed, 40, 600)); // statements and news items
        docs.extend(english_docs(seed + 1, 2, 8000)); // report sections
        docs.extend(english_docs(seed + 2, 40, 120)); // short readouts
        docs.extend(chinese_docs(seed + 3, 4, 800));
        seed += 4;
    }
    docs
}

/// A statement of exactly 200 words (latency bench): 200 words drawn like the others.
pub fn statement_200_words() -> String {
    let long = english_docs(42, 1, 400).remove(0);
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
