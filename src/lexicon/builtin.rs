//! The default lexicons, embedded in the library so it works with no files on disk.

/// `(name, TOML text, JSON text)` of one built-in lexicon: `lexicons/NAME.toml` and the same
/// document pre-parsed by build.rs.
macro_rules! builtin {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../lexicons/", $name, ".toml")),
            include_str!(concat!(env!("OUT_DIR"), "/", $name, ".json")),
        )
    };
}

/// Every built-in lexicon, in report order: the five topics, then the context cues. The TOML
/// files are the source; the JSON only spares parsing them at run time (see build.rs).
pub(crate) const BUILTIN: &[(&str, &str, &str)] = &[
    builtin!("tibet"),
    builtin!("xinjiang"),
    builtin!("hong_kong"),
    builtin!("taiwan"),
    builtin!("political_prisoners"),
    builtin!("context"),
];
