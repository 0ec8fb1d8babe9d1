//! Pre-parses the built-in lexicons for [`Lexicon::builtin`] (see src/lexicon/builtin.rs).
//!
//! Parsing the ~370 KB of TOML in `lexicons/` was most of the first `Classifier::new()` in a
//! process. This script reads every `lexicons/*.toml`, which stay the only source of the data,
//! and writes the same document as JSON to `OUT_DIR`, with the line of each `[[entry]]`. The
//! library reads it through the same serde schema as the TOML (src/lexicon/parse.rs), many
//! times faster, and parses the TOML itself whenever the JSON does not load, so a broken
//! built-in file fails as it always did, with file and line. User lexicons are always parsed
//! from TOML.

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Where each `[[entry]]` table starts.
#[derive(Deserialize)]
struct Spans {
    #[serde(default)]
    entry: Vec<toml::Spanned<IgnoredAny>>,
}

fn main() {
    println!("cargo:rerun-if-changed=lexicons");
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    for ent in std::fs::read_dir("lexicons").expect("lexicons/ is readable") {
        let path = ent.expect("lexicons/ is readable").path();
        if path.extension().and_then(|e| e.to_str()) != Some("toml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("lexicon files are UTF-8 text");
        let json = preparse(&text).unwrap_or_else(|| "null".to_string());
        let name = path.file_stem().expect("a file name");
        let dest = Path::new(&out).join(name).with_extension("json");
        std::fs::write(dest, json).expect("OUT_DIR is writable");
    }
    bundle_registries(Path::new(&out));
}

/// Writes every `lexicons/registry/*.jsonl` and `*.csv`, sorted by name, into one
/// `registry.bundle` that src/lexicon/builtin.rs embeds: each file after a line `\0NAME`.
/// The files are read as they are (the library parses them); only the list is made here, so
/// dropping a registry file into the folder is all it takes to ship it.
fn bundle_registries(out: &Path) {
    let mut files: Vec<_> = std::fs::read_dir("lexicons/registry")
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| {
        matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("jsonl" | "csv")
        )
    });
    files.sort();
    let mut bundle = String::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("registry files are UTF-8 text");
        let name = path.file_name().expect("a file name").to_string_lossy();
        bundle.push('\0');
        bundle.push_str(&name);
        bundle.push('\n');
        bundle.push_str(&text);
        if !text.ends_with('\n') {
            bundle.push('\n');
        }
    }
    std::fs::write(out.join("registry.bundle"), bundle).expect("OUT_DIR is writable");
}

/// What the library reads back (`Preparsed` in src/lexicon/parse.rs).
#[derive(Serialize)]
struct Preparsed<'a> {
    file: &'a toml::Value,
    lines: Vec<usize>,
}

/// `{"file": <the TOML document>, "lines": [<1-based line of each [[entry]]>]}`, or `None`
/// when the text is not TOML or holds values that JSON does not carry exactly (dates,
/// non-finite floats); the library then parses the TOML.
fn preparse(text: &str) -> Option<String> {
    let file: toml::Value = toml::from_str(text).ok()?;
    let spans: Spans = toml::from_str(text).ok()?;
    if !plain(&file) {
        return None;
    }
    let lines: Vec<usize> = spans
        .entry
        .iter()
        .map(|s| {
            text.as_bytes()[..s.span().start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1
        })
        .collect();
    serde_json::to_string(&Preparsed { file: &file, lines }).ok()
}

fn plain(v: &toml::Value) -> bool {
    match v {
        toml::Value::Float(f) => f.is_finite(),
        toml::Value::Datetime(_) => false,
        toml::Value::Array(a) => a.iter().all(plain),
        toml::Value::Table(t) => t.values().all(plain),
        _ => true,
    }
}
