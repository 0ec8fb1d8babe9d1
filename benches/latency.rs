//! Latency of one short statement, and the cost of building the default classifier.
//!
//! Run with `cargo bench --bench latency`. Targets (from the performance issue): a 200-word
//! statement classifies in under 50 µs; the default classifier builds in under 20 ms. The
//! built-in lexicons are loaded once per process, so the first build (timed once, at start, before
//! anything else) is reported apart from later builds (criterion's `build/default_classifier`
//! and the median in the summary). The summary also prints the classifier's memory size.

use criterion::{black_box, criterion_group, Criterion};
use rightslens::Classifier;
use std::time::Instant;

#[path = "support/gen.rs"]
mod gen;

fn bench_latency(c: &mut Criterion) {
    let clf = Classifier::new().expect("default classifier");
    let statement = gen::statement_200_words();
    assert_eq!(statement.split_whitespace().count(), 200);
    c.bench_function("classify_200_word_statement", |b| {
        b.iter(|| black_box(clf.classify(black_box(&statement)).words))
    });
    let mut g = c.benchmark_group("build");
    g.sample_size(20);
    g.bench_function("default_classifier", |b| {
        b.iter(|| black_box(Classifier::new().expect("builds").pattern_count()))
    });
    g.finish();
}

fn summary(first_build_ms: f64) {
    let clf = Classifier::new().expect("default classifier");
    let statement = gen::statement_200_words();
    let mut lat = Vec::new();
    for _ in 0..2001 {
        let t = Instant::now();
        black_box(clf.classify(black_box(&statement)));
        lat.push(t.elapsed().as_secs_f64() * 1e6);
    }
    let mut build = Vec::new();
    for _ in 0..21 {
        let t = Instant::now();
        black_box(Classifier::new().expect("builds"));
        build.push(t.elapsed().as_secs_f64() * 1e3);
    }
    println!();
    println!("== summary (medians)");
    println!(
        "200-word statement   {:8.1} µs   (target < 50 µs)",
        gen::median(lat)
    );
    println!(
        "first build          {first_build_ms:8.2} ms   (target < 20 ms; one sample, loads the lexicons)"
    );
    println!(
        "later builds         {:8.2} ms   (built-in lexicons already parsed in this process)",
        gen::median(build)
    );
    println!(
        "classifier size      {:8.2} MB  ({} variants)",
        clf.memory_usage() as f64 / 1e6,
        clf.pattern_count()
    );
}

criterion_group!(benches, bench_latency);

fn main() {
    let t = Instant::now();
    black_box(Classifier::new().expect("builds"));
    let first_build_ms = t.elapsed().as_secs_f64() * 1e3;
    benches();
    Criterion::default().configure_from_args().final_summary();
    summary(first_build_ms);
}
