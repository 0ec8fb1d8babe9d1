//! Arbitrary bytes, decoded lossily, classified with the built-in lexicons.
//!
//! Checks every report invariant (`rightslens_fuzz::invariants`), determinism, batch ==
//! one-by-one, and that `max_hits` only trims the stored hits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rightslens::Classifier;
use rightslens_fuzz::invariants::{check_batch, check_capped, check_classify, floor_boundary};
use std::sync::OnceLock;

const CAP: usize = 3;

fn classifiers() -> &'static (Classifier, Classifier) {
    static CLF: OnceLock<(Classifier, Classifier)> = OnceLock::new();
    CLF.get_or_init(|| {
        let full = Classifier::new().expect("built-in lexicons build");
        let capped = Classifier::builder()
            .max_hits(CAP)
            .build()
            .expect("built-in lexicons build");
        (full, capped)
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (clf, capped) = classifiers();
    let full = check_classify(clf, &text);
    let small = check_classify(capped, &text);
    check_capped(&full, &small, CAP);
    // a prefix cut at an arbitrary char boundary, classified with the whole text in a batch
    let cut = floor_boundary(&text, data.first().map_or(0, |&b| b as usize * 7));
    check_batch(clf, &[&text, &text[..cut], ""]);
});
