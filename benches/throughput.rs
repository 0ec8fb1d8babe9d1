//! Throughput of `classify` against a bare Aho-Corasick scan of the same bytes.
//!
//! Run with `cargo bench --bench throughput`. Besides criterion's own report, the bench ends
//! with a summary of medians from interleaved runs in the same process, as ratios:
//!
//! * classify (full report: matching, sentences, scores, hits) on one thread vs one
//!   `aho-corasick` scan with `AhoCorasickKind::DFA` forced, leftmost-longest, ASCII
//!   case-insensitive, over all literal forms of the same lexicons, counting matches only;
//! * batch classification on 2 Rayon threads vs 1, next to the same ratio for the baseline
//!   scan (the machine's own scaling, measured in the same rounds).
//!
//! Two corpora are generated at start (`support/gen.rs`), each with the shipped samples, long
//! and short English documents and some Chinese text:
//!
//! * `generated`: news-like English, words drawn at the frequencies of real official
//!   statements with a long tail of rarer words; one word in 19 is a lexicon hit (one in 14 in
//!   the dev documents, one in 29 in a real corpus of US government statements);
//! * `dense`: a stress case of 88 common words drawn uniformly, ten of them lexicon cues, so
//!   one word in 7.6 is a lexicon hit.
//!
//! To measure a corpus of your own as well, name it in `RIGHTSLENS_BENCH_CORPUS`: a JSON Lines file with a `text` field per line
//! or a folder of text files; `RIGHTSLENS_BENCH_MAX_MB` caps how much of it is read:
//!
//! ```sh
//! zcat us_gov_english.jsonl.gz > /tmp/us.jsonl
//! RIGHTSLENS_BENCH_CORPUS=/tmp/us.jsonl RIGHTSLENS_BENCH_MAX_MB=64 cargo bench --bench throughput
//! ```

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use criterion::{black_box, criterion_group, Criterion, Throughput};
use rayon::prelude::*;
use rightslens::{Classifier, Document, Lexicon, MatchMode};
use std::time::Instant;

#[path = "support/gen.rs"]
mod gen;

const CORPUS_BYTES: usize = 8 << 20;

/// Every literal form of the built-in lexicons (regex entries excluded; prefix stars dropped).
fn literal_forms() -> Vec<String> {
    let mut forms = Vec::new();
    for lex in Lexicon::builtin().expect("built-in lexicons parse") {
        for e in &lex.entries {
            if e.mode == MatchMode::Regex {
                continue;
            }
            for v in e.variants.iter().chain(&e.short_forms) {
                forms.push(v.trim_end_matches('*').to_string());
            }
        }
    }
    forms
}

fn baseline() -> AhoCorasick {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(literal_forms())
        .expect("baseline automaton builds")
}

fn classify_serial(clf: &Classifier, docs: &[String]) -> usize {
    docs.iter().map(|d| clf.classify(d).hits.len()).sum()
}

fn scan_serial(ac: &AhoCorasick, docs: &[String]) -> usize {
    docs.iter().map(|d| ac.find_iter(d).count()).sum()
}

/// The baseline scan over the documents on the current Rayon pool: how well this machine
/// scales a job with no allocation and no shared state, the reference for the batch ratio.
fn scan_parallel(ac: &AhoCorasick, docs: &[String]) -> usize {
    docs.par_iter().map(|d| ac.find_iter(d).count()).sum()
}

fn pool(n: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build()
        .expect("thread pool")
}

/// The corpora to measure: the two generated ones, and the user's if one is named (see the
/// module docs), with the prefix of their criterion group names.
fn corpora() -> Vec<(String, &'static str, Vec<String>)> {
    let mut out = vec![
        (
            "generated".to_string(),
            "",
            gen::mixed_corpus(CORPUS_BYTES, gen::Filler::News),
        ),
        (
            "dense".to_string(),
            "dense_",
            gen::mixed_corpus(CORPUS_BYTES, gen::Filler::Dense),
        ),
    ];
    if let Some((name, docs)) = gen::user_corpus() {
        out.push((name, "user_", docs));
    }
    out
}

fn bench_scan(c: &mut Criterion) {
    for (_, prefix, docs) in corpora() {
        bench_corpus(c, prefix, &docs);
    }
}

fn bench_corpus(c: &mut Criterion, prefix: &str, docs: &[String]) {
    let clf = Classifier::new().expect("default classifier");
    let ac = baseline();
    let bytes: usize = docs.iter().map(String::len).sum();
    // Both must find something, or the comparison would be meaningless.
    assert!(classify_serial(&clf, docs) > 0);
    assert!(scan_serial(&ac, docs) > 0);

    let mut g = c.benchmark_group(format!("{prefix}single_thread"));
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("classify", |b| {
        b.iter(|| black_box(classify_serial(&clf, black_box(docs))))
    });
    g.bench_function("aho_corasick_dfa_baseline", |b| {
        b.iter(|| black_box(scan_serial(&ac, black_box(docs))))
    });
    g.finish();

    let batch: Vec<Document> = docs
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(i.to_string(), t.clone()))
        .collect();
    let mut g = c.benchmark_group(format!("{prefix}batch"));
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    for threads in [1, 2] {
        let p = pool(threads);
        g.bench_function(format!("classify_documents_{threads}_threads"), |b| {
            b.iter(|| p.install(|| black_box(clf.classify_documents(black_box(&batch)).len())))
        });
    }
    g.finish();
}

/// Interleaved runs in one process, so machine noise hits both sides alike; prints medians.
fn ratio_summary(name: &str, docs: &[String]) {
    let clf = Classifier::new().expect("default classifier");
    let ac = baseline();
    let mb = docs.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    // how dense the corpus is in lexicon hits, which is what classify's cost depends on most
    let (words, hits) = docs.iter().fold((0, 0), |(w, h), d| {
        let r = clf.classify(d);
        (w + r.words, h + r.hits.len() + r.hits_dropped)
    });
    let batch: Vec<Document> = docs
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(i.to_string(), t.clone()))
        .collect();
    let (p1, p2) = (pool(1), pool(2));
    let (mut cl, mut ba, mut t1, mut t2) = (vec![], vec![], vec![], vec![]);
    let (mut r_base, mut r_threads, mut r_scan) = (vec![], vec![], vec![]);
    for _ in 0..11 {
        let t = Instant::now();
        black_box(classify_serial(&clf, docs));
        cl.push(mb / t.elapsed().as_secs_f64());
        let t = Instant::now();
        black_box(scan_serial(&ac, docs));
        ba.push(mb / t.elapsed().as_secs_f64());
        let t = Instant::now();
        p1.install(|| black_box(clf.classify_documents(&batch).len()));
        t1.push(mb / t.elapsed().as_secs_f64());
        let t = Instant::now();
        p2.install(|| black_box(clf.classify_documents(&batch).len()));
        t2.push(mb / t.elapsed().as_secs_f64());
        // the ratios of each round too: the machine's speed drifts less within a round
        r_base.push(cl[cl.len() - 1] / ba[ba.len() - 1]);
        r_threads.push(t2[t2.len() - 1] / t1[t1.len() - 1]);
        let t = Instant::now();
        p1.install(|| black_box(scan_parallel(&ac, docs)));
        let s1 = t.elapsed().as_secs_f64();
        let t = Instant::now();
        p2.install(|| black_box(scan_parallel(&ac, docs)));
        r_scan.push(s1 / t.elapsed().as_secs_f64());
    }
    let (cl, ba, t1, t2) = (
        gen::median(cl),
        gen::median(ba),
        gen::median(t1),
        gen::median(t2),
    );
    println!();
    println!(
        "== ratio summary, {name} corpus ({mb:.1} MB, {} documents; medians of 11 interleaved runs)",
        docs.len()
    );
    println!(
        "lexicon hits                {:8.1} words per hit",
        words as f64 / hits.max(1) as f64
    );
    println!("classify, 1 thread          {cl:8.1} MB/s");
    println!("aho-corasick DFA baseline   {ba:8.1} MB/s");
    println!(
        "ratio classify / baseline   {:8.2}x   (target >= 1.0x, stretch 1.5x; median of the \
         rounds' ratios {:.2}x)",
        cl / ba,
        gen::median(r_base)
    );
    println!("batch, 1 thread             {t1:8.1} MB/s");
    println!("batch, 2 threads            {t2:8.1} MB/s");
    println!(
        "ratio 2 threads / 1 thread  {:8.2}x   (target >= 1.85x; median of the rounds' \
         ratios {:.2}x)",
        t2 / t1,
        gen::median(r_threads)
    );
    println!(
        "  same for the baseline scan {:8.2}x   (median of the rounds' ratios: what this machine \
         gives a job with no allocation and no shared state)",
        gen::median(r_scan)
    );
}

criterion_group!(benches, bench_scan);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    for (name, _, docs) in corpora() {
        ratio_summary(&name, &docs);
    }
}
