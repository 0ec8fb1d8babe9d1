//! Helpers shared by the adversarial tests (`tests/adversarial*.rs`): one test at a time,
//! a shared default classifier, timing, and classifiers on a test lexicon.
#![allow(dead_code)] // each test crate uses its own subset

use crate::toml_lexicon::{lexicon_toml, EntrySpec};
use rightslens::{Classifier, Report};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

/// One test at a time: memory figures stay meaningful and the shared machine stays usable.
pub fn serial() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

pub fn default_classifier() -> &'static Classifier {
    static CLF: OnceLock<Classifier> = OnceLock::new();
    CLF.get_or_init(|| Classifier::new().expect("built-in lexicons build"))
}

pub fn timed<R>(what: &str, f: impl FnOnce() -> R) -> (R, Duration) {
    let t = Instant::now();
    let r = f();
    let d = t.elapsed();
    println!("{what}: {d:.2?}");
    (r, d)
}

/// A classifier on one test lexicon only.
pub fn own(entries: &[EntrySpec]) -> Classifier {
    let toml = lexicon_toml("probe", None, entries);
    Classifier::builder()
        .without_builtin()
        .lexicon_str("probe.toml", &toml)
        .build()
        .unwrap_or_else(|e| panic!("{e}\n{toml}"))
}

pub fn entry(id: &str, variants: &[&str]) -> EntrySpec {
    EntrySpec {
        id: format!("probe.concept.{id}"),
        kind: "concept".into(),
        variants: variants.iter().map(|v| v.to_string()).collect(),
        ..EntrySpec::default()
    }
}

pub fn texts(r: &Report) -> Vec<&str> {
    r.hits.iter().map(|h| h.text.as_str()).collect()
}

/// A synthetic term: two pseudo-words built from the number, unique per `i`.
pub fn synthetic_term(i: usize) -> String {
    const SYL: &[&str] = &[
        "ka", "lo", "mi", "nu", "pe", "ra", "si", "tu", "vo", "ze", "bra", "dre", "gli", "kro",
        "plu", "sta",
    ];
    let mut a = String::new();
    let mut x = i;
    for _ in 0..4 {
        a.push_str(SYL[x % SYL.len()]);
        x /= SYL.len();
    }
    let b = ["ridge", "valley", "county", "office", "league"][i % 5];
    format!("{a} {b}")
}
