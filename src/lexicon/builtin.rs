//! The default lexicons, embedded in the library so it works with no files on disk.

/// `(name, TOML text)` of every built-in lexicon, in report order: the five topics, then the
/// context cues.
pub(crate) const BUILTIN: &[(&str, &str)] = &[
    ("tibet", include_str!("../../lexicons/tibet.toml")),
    ("xinjiang", include_str!("../../lexicons/xinjiang.toml")),
    ("hong_kong", include_str!("../../lexicons/hong_kong.toml")),
    ("taiwan", include_str!("../../lexicons/taiwan.toml")),
    (
        "political_prisoners",
        include_str!("../../lexicons/political_prisoners.toml"),
    ),
    ("context", include_str!("../../lexicons/context.toml")),
];
