//! The invariants every report must satisfy, whatever the text and the lexicons.
//!
//! One definition serves two users: the fuzz targets of this crate (`tests/fuzz`) and the
//! property tests of the main crate (`tests/properties.rs`, `tests/regressions.rs`,
//! `tests/adversarial.rs`), which include this file with `#[path = "fuzz/src/invariants.rs"]`.
//! It therefore depends on `rightslens` and `std` only.
//!
//! Every check panics with a message naming the broken rule, so a fuzzer or a property test
//! reports the rule and the input together.
#![allow(dead_code)]

use rightslens::{Classifier, Document, Report, Role};
use std::collections::{BTreeSet, HashMap};

/// Asserts that `start..end` is a non-empty span on char boundaries of `text` that slices
/// to `got`.
pub fn check_span(text: &str, start: usize, end: usize, got: &str, what: &str) {
    assert!(
        start < end && end <= text.len(),
        "{what} span {start}..{end} out of range (text has {} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what} span {start}..{end} not on char boundaries"
    );
    assert_eq!(&text[start..end], got, "{what} text differs from its span");
}

fn check_unit(x: f64, what: &str) {
    assert!(
        x.is_finite() && (0.0..=1.0).contains(&x),
        "{what} = {x} not in [0, 1]"
    );
}

fn check_non_negative(x: f64, what: &str) {
    assert!(
        x.is_finite() && x >= 0.0,
        "{what} = {x} not finite and >= 0"
    );
}

/// Checks one report against the text it was computed from and the classifier that made it.
///
/// Rules: byte, word and sentence counts agree with [`rightslens::segment`]; every hit and
/// every prisoner mention lies on char boundaries and slices to its text; hits are sorted by
/// start and never overlap within a topic (several entries may report the very same span, one
/// hit each); mentions of one prisoner are sorted and never overlap; every topic of the
/// classifier has a score, every figure is finite and ratios lie in [0, 1]; `primary` implies
/// `present` and `raised_early`, `raised_early` a first sentence, and a topic without hits is
/// neither present nor primary.
pub fn check_report(clf: &Classifier, text: &str, r: &Report) {
    assert_eq!(r.bytes, text.len(), "bytes");
    assert_eq!(r.words, rightslens::segment::word_count(text), "word count");
    assert_eq!(
        r.sentences,
        rightslens::segment::sentences(text).count(),
        "sentence count"
    );

    let mut prev_start = 0;
    // topic -> (start, end, entry) of its last hit
    let mut last: HashMap<&str, (usize, usize, &str)> = HashMap::new();
    for h in &r.hits {
        check_span(text, h.start, h.end, &h.text, "hit");
        assert!(h.start >= prev_start, "hits not sorted by start: {h:?}");
        prev_start = h.start;
        if let Some(&(s, e, entry)) = last.get(&*h.topic) {
            let same_span_other_entry = (s, e) == (h.start, h.end) && entry != h.entry;
            assert!(
                h.start >= e || same_span_other_entry,
                "hit {h:?} overlaps the previous hit {s}..{e} ({entry}) of its topic"
            );
        }
        last.insert(&h.topic, (h.start, h.end, &h.entry));
        assert!(
            h.sentence < r.sentences.max(1),
            "hit sentence {} of {}",
            h.sentence,
            r.sentences
        );
        check_non_negative(h.evidence, "hit evidence");
        assert!(h.role != Role::Block, "a block entry was reported: {h:?}");
        if h.role != Role::Topic {
            assert_eq!(h.evidence, 0.0, "a cue carries evidence: {h:?}");
        }
    }

    let mut ids = BTreeSet::new();
    for p in &r.prisoners {
        assert!(ids.insert(&p.id), "prisoner {} listed twice", p.id);
        assert!(!p.mentions.is_empty(), "prisoner {} without mentions", p.id);
        let mut end = 0;
        for (k, m) in p.mentions.iter().enumerate() {
            check_span(text, m.start, m.end, &m.text, "mention");
            assert!(
                k == 0 || m.start >= end,
                "mentions of {} overlap or are unsorted",
                p.id
            );
            end = m.end;
        }
    }

    let want: BTreeSet<&str> = clf.topics().iter().map(String::as_str).collect();
    let got: BTreeSet<&str> = r.topics.keys().map(String::as_str).collect();
    assert_eq!(got, want, "report topics differ from the classifier's");
    for (name, t) in &r.topics {
        check_unit(t.score, &format!("{name}.score"));
        check_unit(t.sentence_share, &format!("{name}.sentence_share"));
        check_unit(t.rights_context, &format!("{name}.rights_context"));
        check_unit(t.benign_context, &format!("{name}.benign_context"));
        assert!(
            t.rights_context + t.benign_context <= 1.0 + 1e-9,
            "{name}: context shares add up to more than 1"
        );
        if let Some(f) = t.first_mention {
            check_unit(f, &format!("{name}.first_mention"));
        }
        check_non_negative(t.evidence, &format!("{name}.evidence"));
        check_non_negative(t.weighted, &format!("{name}.weighted"));
        check_non_negative(t.per_1000_words, &format!("{name}.per_1000_words"));
        assert!(!t.primary || t.present, "{name}: primary but not present");
        assert!(
            !t.primary || t.main_subject,
            "{name}: primary but not a main subject"
        );
        assert!(
            !t.raised_early || t.first_sentence.is_some(),
            "{name}: raised early but never raised"
        );
        assert!(t.entries <= t.hits, "{name}: more entries than hits");
        assert_eq!(
            t.first_sentence.is_some(),
            t.hits > 0,
            "{name}: first_sentence and hits disagree"
        );
        assert_eq!(
            t.first_mention.is_some(),
            t.hits > 0,
            "{name}: first_mention and hits disagree"
        );
        if t.hits == 0 {
            assert!(
                !t.present && t.evidence == 0.0,
                "{name}: present without hits"
            );
        }
        if let Some(s) = t.first_sentence {
            assert!(
                s < r.sentences.max(1),
                "{name}: first_sentence out of range"
            );
        }
    }
    check_non_negative(r.rights_cues, "rights_cues");
}

/// Classifies `text`, checks the report, checks that a second run gives the same report, and
/// returns it.
pub fn check_classify(clf: &Classifier, text: &str) -> Report {
    let r = clf.classify(text);
    check_report(clf, text, &r);
    let again = clf.classify(text);
    assert_eq!(r, again, "classify is not deterministic");
    r
}

/// Checks that the parallel entry points give the reports of one-by-one classification, in
/// input order.
pub fn check_batch(clf: &Classifier, texts: &[&str]) {
    let all = clf.classify_all(texts);
    assert_eq!(all.len(), texts.len(), "classify_all length");
    for (i, (r, t)) in all.iter().zip(texts).enumerate() {
        assert_eq!(
            *r,
            clf.classify_with_id(&i.to_string(), t),
            "classify_all differs from classify_with_id for text {i}"
        );
    }
    let docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(format!("doc-{i}"), *t))
        .collect();
    let reports = clf.classify_documents(&docs);
    assert_eq!(reports.len(), docs.len(), "classify_documents length");
    for (r, d) in reports.iter().zip(&docs) {
        assert_eq!(
            *r,
            clf.classify_with_id(&d.id, &d.text),
            "classify_documents differs for {}",
            d.id
        );
    }
}

/// Checks that a report made with `max_hits(cap)` keeps the first `cap` hits of the uncapped
/// report, counts the rest in `hits_dropped`, and scores exactly alike.
pub fn check_capped(full: &Report, capped: &Report, cap: usize) {
    let total = full.hits.len() + full.hits_dropped;
    let kept = total.min(cap);
    assert_eq!(full.hits_dropped, 0, "the uncapped report dropped hits");
    assert_eq!(capped.hits.len(), kept, "capped hit count");
    assert_eq!(
        capped.hits[..],
        full.hits[..kept],
        "capped hits are not a prefix"
    );
    assert_eq!(capped.hits_dropped, total - kept, "hits_dropped");
    assert_eq!(capped.topics, full.topics, "capping changed the scores");
    // the same people, each with the first `cap` of their mentions
    assert_eq!(
        capped.prisoners.len(),
        full.prisoners.len(),
        "capping changed the prisoners"
    );
    for (c, f) in capped.prisoners.iter().zip(&full.prisoners) {
        assert_eq!(
            (&c.id, &c.name),
            (&f.id, &f.name),
            "capping changed the prisoners"
        );
        let k = f.mentions.len().min(cap);
        assert_eq!(
            c.mentions[..],
            f.mentions[..k],
            "capped mentions are not a prefix"
        );
    }
    assert_eq!(
        capped.human_rights, full.human_rights,
        "capping changed human_rights"
    );
    assert_eq!(capped.framing, full.framing, "capping changed framing");
}

/// The byte offset of the char boundary nearest below `i` (at most `text.len()`).
pub fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
