//! Writes lexicon TOML text from plain values, escaping every string, so that any Rust string
//! can be handed to the parser as a variant.
#![allow(dead_code)]

use std::fmt::Write;

/// A TOML basic string holding `s` exactly: quotes, backslashes and control characters are
/// escaped, everything else is copied.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML array of basic strings.
pub fn quote_list<S: AsRef<str>>(items: &[S]) -> String {
    let parts: Vec<String> = items.iter().map(|s| quote(s.as_ref())).collect();
    format!("[{}]", parts.join(", "))
}

/// One entry to write.
#[derive(Debug, Clone, Default)]
pub struct EntrySpec {
    /// Entry id.
    pub id: String,
    /// `kind` value.
    pub kind: String,
    /// Surface forms.
    pub variants: Vec<String>,
    /// `mode` value, if any.
    pub mode: Option<String>,
    /// `case_sensitive = true` when set.
    pub case_sensitive: bool,
    /// `role` value, if any.
    pub role: Option<String>,
    /// `requires = "rights"` when set.
    pub requires_rights: bool,
    /// `framing` value, if any.
    pub framing: Option<String>,
    /// `weight`, if any.
    pub weight: Option<f64>,
    /// `name` (persons).
    pub name: Option<String>,
    /// `region` (persons).
    pub region: Option<String>,
    /// `short_forms`.
    pub short_forms: Vec<String>,
    /// `shared = true` when set.
    pub shared: bool,
}

/// The TOML text of one lexicon file for `topic` with `entries`, and optional thresholds.
pub fn lexicon_toml(topic: &str, thresholds: Option<(f64, f64)>, entries: &[EntrySpec]) -> String {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "[lexicon]\ntopic = {}\nsources = [\"fuzz\"]\n",
        quote(topic)
    );
    if let Some((present, primary)) = thresholds {
        let _ = writeln!(
            t,
            "[thresholds]\npresent = {present:?}\nprimary = {primary:?}\n"
        );
    }
    for e in entries {
        let _ = writeln!(t, "[[entry]]");
        let _ = writeln!(t, "id = {}", quote(&e.id));
        let _ = writeln!(t, "kind = {}", quote(&e.kind));
        let _ = writeln!(t, "variants = {}", quote_list(&e.variants));
        let _ = writeln!(t, "source = \"fuzz\"");
        if let Some(m) = &e.mode {
            let _ = writeln!(t, "mode = {}", quote(m));
        }
        if e.case_sensitive {
            let _ = writeln!(t, "case_sensitive = true");
        }
        if let Some(r) = &e.role {
            let _ = writeln!(t, "role = {}", quote(r));
        }
        if e.requires_rights {
            let _ = writeln!(t, "requires = \"rights\"");
        }
        if let Some(f) = &e.framing {
            let _ = writeln!(t, "framing = {}", quote(f));
        }
        if let Some(w) = e.weight {
            let _ = writeln!(t, "weight = {w:?}");
        }
        if let Some(n) = &e.name {
            let _ = writeln!(t, "name = {}", quote(n));
        }
        if let Some(r) = &e.region {
            let _ = writeln!(t, "region = {}", quote(r));
        }
        if !e.short_forms.is_empty() {
            let _ = writeln!(t, "short_forms = {}", quote_list(&e.short_forms));
        }
        if e.shared {
            let _ = writeln!(t, "shared = true");
        }
        t.push('\n');
    }
    t
}
