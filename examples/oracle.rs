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
//! rightslens divided by the time of the DFA. Each round also times a third pass (issue 19,
//! item 4): classification plus the JSON Lines record the CLI writes (`--format jsonl`),
//! serialised into a buffered sink, so the cost of writing shows beside the library alone.
//!
//! ```sh
//! RIGHTSLENS_ORACLE_DIR=/path/to/perf/data cargo run --release --example oracle -- 5
//! ```
//!
//! `--jsonl FILE` measures the same three passes on real documents instead (a JSON Lines file
//! with a `text` field per line), with the built-in lexicons; the peer's DFA then holds their
//! literal forms (regex entries left out), as in `benches/throughput.rs`. There is no expected
//! count for such a file, so only the hits found are printed.
//!
//! ```sh
//! cargo run --release --example oracle -- 5 --jsonl real.jsonl
//! ```
//!
//! `--export DIR` (with `--jsonl FILE`) measures nothing: it writes what a whole-process
//! comparison on real documents needs, `DIR/lexicon.tsv` (the peer's literal forms, one
//! `form<TAB>topic` a line, topics the peer does not know counted as `other`) and
//! `DIR/docs/NNNNN.txt` (one file per document), so that `rightslens classify DIR/docs` and
//! the perf scripts' `rust-peers ac-ll-dfa-docs DIR/lexicon.tsv DIR/docs` read the same files.
//!
//! ```sh
//! cargo run --release --example oracle -- --jsonl real.jsonl --export /tmp/real
//! ```

#[path = "../tests/oracle_support/mod.rs"]
mod oracle_support;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use oracle_support::{add_hits, differences, Counts, Oracle};
use rightslens::corpus::{Outcome, Record};
use rightslens::MatchMode;
use std::io::Write;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut rounds = 3;
    let mut jsonl = None;
    let mut export = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--jsonl" => jsonl = Some(args.next().ok_or("--jsonl needs a file")?),
            "--export" => export = Some(args.next().ok_or("--export needs a folder")?),
            n => rounds = n.parse()?,
        }
    }
    let (docs, clf, oracle) = match jsonl {
        Some(path) => (read_jsonl(&path)?, rightslens::Classifier::new()?, None),
        None => {
            let Some(oracle) = Oracle::from_env()? else {
                eprintln!("set RIGHTSLENS_ORACLE_DIR to the oracle corpus's data/ folder");
                std::process::exit(2);
            };
            (oracle.documents()?, oracle.classifier()?, Some(oracle))
        }
    };
    let bytes: usize = docs.iter().map(String::len).sum();
    let peer = Peer::new(&clf)?;
    if let Some(dir) = export {
        return export_files(std::path::Path::new(&dir), &peer, &docs);
    }
    println!(
        "{} documents, {:.1} MB, {} terms",
        docs.len(),
        bytes as f64 / 1e6,
        peer.topic.len()
    );

    let mut ratios = Vec::new();
    let mut jsonl_ratios = Vec::new();
    let mut counts = (Counts::new(), Counts::new());
    for round in 1..=rounds {
        let t = Instant::now();
        let mut got = Counts::new();
        for d in &docs {
            add_hits(&mut got, &clf.classify(d));
        }
        let ours = t.elapsed().as_secs_f64();
        // The same classification, each report written as the CLI's JSON Lines record.
        let t = Instant::now();
        let mut out = std::io::BufWriter::with_capacity(1 << 16, CountingSink(0));
        for (i, d) in docs.iter().enumerate() {
            let id = format!("doc-{i:05}");
            let report = clf.classify_with_id(id.as_str(), d);
            let rec = Record::new(id, "docs", Outcome::Classified(Box::new(report)));
            serde_json::to_writer(&mut out, &rec)?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
        let with_jsonl = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let mut per_topic = vec![0u64; peer.names.len()];
        for d in &docs {
            peer.scan(d, &mut per_topic);
        }
        let theirs = t.elapsed().as_secs_f64();
        let theirs_count: Counts = peer.names.iter().cloned().zip(per_topic).collect();
        ratios.push(ours / theirs);
        jsonl_ratios.push(with_jsonl / theirs);
        println!(
            "round {round}: rightslens {ours:.2} s ({:.0} MB/s), DFA {theirs:.2} s ({:.0} MB/s), ratio {:.2}; \
             with JSON Lines {with_jsonl:.2} s ({:.0} MB of records), ratio {:.2}",
            bytes as f64 / 1e6 / ours,
            bytes as f64 / 1e6 / theirs,
            ours / theirs,
            out.get_ref().0 as f64 / 1e6,
            with_jsonl / theirs
        );
        counts = (got, theirs_count);
    }
    let total = |c: &Counts| c.values().sum::<u64>();
    ratios.sort_by(f64::total_cmp);
    jsonl_ratios.sort_by(f64::total_cmp);
    if let (Some(m), Some(j)) = (ratios.get(rounds / 2), jsonl_ratios.get(rounds / 2)) {
        println!(
            "median ratio over {rounds} rounds: rightslens / DFA {m:.2}; with JSON Lines / DFA {j:.2}"
        );
    }
    let Some(oracle) = oracle else {
        println!(
            "rightslens: {} hits; DFA: {} whole-word matches",
            total(&counts.0),
            total(&counts.1)
        );
        return Ok(());
    };
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
    Ok(())
}

/// The `text` of each line of a JSON Lines file.
fn read_jsonl(path: &str) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut docs = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        match v.get("text").and_then(|t| t.as_str()) {
            Some(t) => docs.push(t.to_string()),
            None => return Err(format!("{path}:{}: no text field", n + 1).into()),
        }
    }
    Ok(docs)
}

/// The topics the perf scripts' peer knows; any other topic is counted as `other`.
const PEER_TOPICS: [&str; 6] = [
    "tibet",
    "xinjiang",
    "hong_kong",
    "taiwan",
    "political_prisoners",
    "other",
];

/// Writes the peer's lexicon (`lexicon.tsv`) and one text file per document (`docs/`).
fn export_files(
    dir: &std::path::Path,
    peer: &Peer,
    docs: &[String],
) -> Result<(), Box<dyn std::error::Error>> {
    let docs_dir = dir.join("docs");
    std::fs::create_dir_all(&docs_dir).map_err(|e| format!("{}: {e}", docs_dir.display()))?;
    let mut tsv = String::new();
    let mut left_out = 0;
    for (term, &k) in peer.terms.iter().zip(&peer.topic) {
        if term.is_empty() || term.contains(['\t', '\n', '\r']) {
            left_out += 1;
            continue;
        }
        let name = peer.names[k].as_str();
        let topic = if PEER_TOPICS.contains(&name) {
            name
        } else {
            "other"
        };
        tsv.push_str(&format!("{term}\t{topic}\n"));
    }
    let path = dir.join("lexicon.tsv");
    std::fs::write(&path, tsv).map_err(|e| format!("{}: {e}", path.display()))?;
    for (i, d) in docs.iter().enumerate() {
        let path = docs_dir.join(format!("{i:05}.txt"));
        std::fs::write(&path, d).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    println!(
        "wrote {} ({} forms, {left_out} left out) and {} documents to {}",
        path.display(),
        peer.terms.len() - left_out,
        docs.len(),
        docs_dir.display()
    );
    Ok(())
}

/// A sink that counts the bytes written to it.
struct CountingSink(usize);

impl Write for CountingSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The peer: one DFA over every literal form of the classifier's lexicons.
struct Peer {
    ac: AhoCorasick,
    /// the literal forms the DFA holds
    terms: Vec<String>,
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
            for e in lex.entries.iter().filter(|e| e.mode != MatchMode::Regex) {
                for v in e.variants.iter().chain(&e.short_forms) {
                    terms.push(v.trim_end_matches('*').to_string());
                    topic.push(k);
                }
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&terms)?;
        Ok(Peer {
            ac,
            terms,
            topic,
            names,
        })
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
