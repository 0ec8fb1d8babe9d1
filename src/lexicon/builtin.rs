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

/// Every registry file of `lexicons/registry/` (`*.jsonl`, `*.csv`), sorted by name, as one
/// bundle: build.rs writes each file after a line `\0NAME`, so adding a file needs no code.
pub(crate) const BUILTIN_REGISTRY: &str =
    include_str!(concat!(env!("OUT_DIR"), "/registry.bundle"));

/// The licence of the built-in registries (JSON Lines has no header to carry it).
pub(crate) const BUILTIN_REGISTRY_LICENCE: &str =
    "CC0-1.0 (facts from the sources named per row; wording is the project's own)";
