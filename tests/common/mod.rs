//! Helpers shared by the sense-decision tests (`tests/sense.rs`, `tests/one_sense.rs`).

use rightslens::{Classifier, Report, SenseReason};

/// The default classifier, built once per test binary.
pub fn clf() -> &'static Classifier {
    static CLF: std::sync::OnceLock<Classifier> = std::sync::OnceLock::new();
    CLF.get_or_init(|| Classifier::new().expect("built-in lexicons build"))
}

/// The sense reasons of a topic's mentions, in text order.
#[allow(dead_code)] // not every test file that shares this module asks for reasons
pub fn reasons(r: &Report, topic: &str) -> Vec<SenseReason> {
    r.hits
        .iter()
        .filter(|h| h.topic == topic)
        .filter_map(|h| h.sense.as_ref().map(|s| s.reason))
        .collect()
}
