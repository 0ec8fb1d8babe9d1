//! The generated bench corpora keep the properties `BENCHMARKS.md` claims for them.
//!
//! The throughput bench compares `classify` with a bare Aho-Corasick scan on text generated
//! at start; its ratio depends on how dense that text is in lexicon hits and how long its
//! words are. These tests pin both, so that a change to the lexicons or to the generator that
//! made the news-like corpus unlike real text (denser than the dev documents, sparser than a
//! corpus of government statements) fails here instead of silently changing what the bench
//! measures.

#[path = "../benches/support/gen.rs"]
mod gen;

use rightslens::Classifier;

/// Words per lexicon hit (context cues included) and bytes per word, as the bench prints them.
fn density(clf: &Classifier, docs: &[String]) -> (f64, f64) {
    let (mut words, mut hits, mut bytes) = (0, 0, 0);
    for d in docs {
        let r = clf.classify(d);
        words += r.words;
        hits += r.hits.len() + r.hits_dropped;
        bytes += d.len();
    }
    assert!(words > 0 && hits > 0, "the corpus has words and hits");
    (words as f64 / hits as f64, bytes as f64 / words as f64)
}

#[test]
fn news_like_corpus_sits_between_the_real_references() {
    let clf = Classifier::new().unwrap();
    let (per_hit, word_bytes) = density(&clf, &gen::news_docs(1, 60, 600));
    // real references (BENCHMARKS.md): dev documents 14.1 words per hit, 245 MB of US
    // government statements 29.3; bytes per word 5.7 and 6.4
    assert!(
        (14.0..=29.5).contains(&per_hit),
        "news-like English: {per_hit:.1} words per hit"
    );
    assert!(
        (5.7..=7.0).contains(&word_bytes),
        "news-like English: {word_bytes:.2} bytes per word"
    );
}

#[test]
fn dense_corpus_is_denser_than_real_text() {
    let clf = Classifier::new().unwrap();
    let (per_hit, _) = density(&clf, &gen::dense_docs(1, 60, 600));
    assert!(per_hit < 10.0, "dense English: {per_hit:.1} words per hit");
}

#[test]
fn generation_is_deterministic_and_sized() {
    let a = gen::mixed_corpus(1 << 20, gen::Filler::News);
    let b = gen::mixed_corpus(1 << 20, gen::Filler::News);
    assert_eq!(a, b, "the same seed gives the same bytes");
    let bytes: usize = a.iter().map(String::len).sum();
    assert!((1 << 20..2 << 20).contains(&bytes), "{bytes} bytes");
    // samples, English and Chinese documents all take part
    assert!(a.iter().any(|d| d.contains("西藏") || d.contains("香港")));
    assert!(a.iter().any(|d| d.contains("Tibet")));
    let dense = gen::mixed_corpus(1 << 20, gen::Filler::Dense);
    assert_ne!(a, dense);
}

#[test]
fn tail_vocabulary_has_many_distinct_words() {
    let v = gen::tail_vocabulary(7);
    let distinct: std::collections::HashSet<&String> = v.iter().collect();
    // a handful of repeats is fine; a small vocabulary would flatter the baseline automaton
    assert!(
        distinct.len() > v.len() * 3 / 4,
        "{} distinct",
        distinct.len()
    );
    let mean = v.iter().map(String::len).sum::<usize>() as f64 / v.len() as f64;
    assert!(
        (5.0..=9.0).contains(&mean),
        "mean tail word length {mean:.2}"
    );
}
