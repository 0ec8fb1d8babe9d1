//! Counts and speed on the oracle corpus of issue 19, against an Aho-Corasick DFA scan of the
//! same bytes in the same run.
//!
//! The oracle corpus is generated text whose exact match counts are known (see
//! `tests/oracle_support`). This example loads its documents into memory, then runs, in
//! turn and several times over, two passes over all of them on one thread:
//!
//! 1. rightslens: full classification of each document (reports with evidence), and
//! 2. the peer: an `aho-corasick` DFA (leftmost-longest, ASCII case folding) over the same
//!    terms, with the oracle's whole-word check after each match (the fastest library scan
//!    of this kind; it does not fold non-ASCII case, and a failed longer match hides a valid
//!    shorter one, so its count is the corpus's `postfilter_ascii_case`).
//!
//! It prints the counts against `expected.json` and, per round and as a median, the time of
//! rightslens divided by the time of the DFA.
//!
//! ```sh
//! RIGHTSLENS_ORACLE_DIR=/path/to/perf/data cargo run --release --example oracle -- 5
//! ```

#[path = "../tests/oracle_support/mod.rs"]
mod oracle_support;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use oracle_support::{add_hits, differences, Counts, Oracle};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rounds: usize = match std::env::args().nth(1) {
        Some(n) => n.parse()?,
        None => 3,
    };
    let Some(oracle) = Oracle::from_env()? else {
        eprintln!("set RIGHTSLENS_ORACLE_DIR to the oracle corpus's data/ folder");
        std::process::exit(2);
    };
    let docs = oracle.documents()?;
    let bytes: usize = docs.iter().map(String::len).sum();
    let clf = oracle.classifier()?;
    let peer = Peer::new(&clf)?;
    println!(
        "{} documents, {:.1} MB, {} terms",
        docs.len(),
        bytes as f64 / 1e6,
        peer.topic.len()
    );

    let mut ratios = Vec::new();
    let mut counts = (Counts::new(), Counts::new());
    for round in 1..=rounds {
        let t = Instant::now();
        let mut got = Counts::new();
        for d in &docs {
            add_hits(&mut got, &clf.classify(d));
        }
        let ours = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let mut per_topic = vec![0u64; peer.names.len()];
        for d in &docs {
            peer.scan(d, &mut per_topic);
        }
        let theirs = t.elapsed().as_secs_f64();
        let theirs_count: Counts = peer.names.iter().cloned().zip(per_topic).collect();
        ratios.push(ours / theirs);
        println!(
            "round {round}: rightslens {ours:.2} s ({:.0} MB/s), DFA {theirs:.2} s ({:.0} MB/s), ratio {:.2}",
            bytes as f64 / 1e6 / ours,
            bytes as f64 / 1e6 / theirs,
            ours / theirs
        );
        counts = (got, theirs_count);
    }
    let total = |c: &Counts| c.values().sum::<u64>();
    let want = oracle.expected("exact_apostrophe")?;
    let diff = differences(&counts.0, &want);
    println!(
        "rightslens: {} matches, expected {} (exact_apostrophe): {}",
        total(&counts.0),
        total(&want),
        if diff.is_empty() {
            "equal, every topic too".to_string()
        } else {
            diff.join("; ")
        }
    );
    let peer_want = oracle.expected("postfilter_ascii_case")?;
    println!(
        "DFA: {} matches, expected {} (postfilter_ascii_case)",
        total(&counts.1),
        total(&peer_want)
    );
    ratios.sort_by(f64::total_cmp);
    if let Some(m) = ratios.get(ratios.len() / 2) {
        println!("median ratio rightslens / DFA over {rounds} rounds: {m:.2}");
    }
    Ok(())
}

/// The peer: one DFA over every variant of the classifier's lexicons.
struct Peer {
    ac: AhoCorasick,
    /// topic (index into `names`) of each pattern
    topic: Vec<usize>,
    names: Vec<String>,
}

impl Peer {
    fn new(clf: &rightslens::Classifier) -> Result<Peer, Box<dyn std::error::Error>> {
        let mut terms = Vec::new();
        let mut topic = Vec::new();
        let mut names = Vec::new();
        for lex in clf.lexicons() {
            let k = match names.iter().position(|n| *n == lex.topic) {
                Some(k) => k,
                None => {
                    names.push(lex.topic.clone());
                    names.len() - 1
                }
            };
            for e in &lex.entries {
                for v in &e.variants {
                    terms.push(v.clone());
                    topic.push(k);
                }
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&terms)?;
        Ok(Peer { ac, topic, names })
    }

    /// Counts the whole-word matches of `text` per topic.
    fn scan(&self, text: &str, counts: &mut [u64]) {
        for m in self.ac.find_iter(text) {
            if whole_word(text, m.start(), m.end()) {
                counts[self.topic[m.pattern().as_usize()]] += 1;
            }
        }
    }
}

/// Whether a character joins the word next to it (the oracle's rule: letters, digits and `_`,
/// not Han or kana).
fn joins(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    c.is_alphanumeric() && !rightslens::normalize::is_cjk(c)
}

/// The oracle's whole-word check of `text[s..e]`.
fn whole_word(text: &str, s: usize, e: usize) -> bool {
    let joined = |a: Option<char>, b: Option<char>| a.is_some_and(joins) && b.is_some_and(joins);
    !joined(text[..s].chars().next_back(), text[s..].chars().next())
        && !joined(text[..e].chars().next_back(), text[e..].chars().next())
}
