//! TOML lexicon parsing that keeps line numbers for error messages.

use super::{
    Entry, EntryKind, Frame, Framing, Lexicon, MatchMode, Requirement, Role, Sense, Thresholds,
    CONTEXT_TOPIC,
};
use crate::error::Error;
use serde::Deserialize;
use toml::Spanned;

/// A lexicon file: `Spanned` parts when read from TOML, plain ones from the pre-parsed JSON.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile<H, E> {
    lexicon: H,
    thresholds: Option<Thresholds>,
    #[serde(default = "Vec::new")]
    entry: Vec<E>,
}

/// A built-in lexicon as build.rs writes it: the TOML document as JSON and the line of each
/// entry.
#[derive(Deserialize)]
struct Preparsed {
    file: RawFile<RawHeader, RawEntry>,
    lines: Vec<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    topic: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    sources: Vec<String>,
    licence: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: String,
    kind: EntryKind,
    variants: Vec<String>,
    weight: Option<f64>,
    #[serde(default)]
    mode: MatchMode,
    #[serde(default)]
    case_sensitive: bool,
    role: Option<Role>,
    requires: Option<Requirement>,
    framing: Option<Framing>,
    #[serde(default)]
    shared: bool,
    name: Option<String>,
    region: Option<String>,
    #[serde(default)]
    short_forms: Vec<String>,
    source: String,
    note: Option<String>,
    sense: Option<Sense>,
    #[serde(default)]
    support: bool,
    frame: Option<Frame>,
}

/// 1-based line number of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

pub(crate) fn parse(origin: &str, text: &str) -> crate::Result<Lexicon> {
    let raw: RawFile<Spanned<RawHeader>, Spanned<RawEntry>> =
        toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start));
            let msg = e.message().trim().to_string();
            let mut err = Error::parse(format!(
                "{msg} (help: see lexicons/README.md for the lexicon format)"
            ))
            .with_path(origin);
            if let Some(l) = line {
                err = err.with_line(l);
            }
            err
        })?;
    let header_line = line_of(text, raw.lexicon.span().start);
    let header = raw.lexicon.into_inner();
    if header.topic.trim().is_empty() {
        return Err(Error::invalid("`topic` must not be empty")
            .with_path(origin)
            .with_line(header_line));
    }
    // line breaks found once: counting them per entry is quadratic in big files
    let breaks: Vec<usize> = (0..text.len())
        .filter(|&i| text.as_bytes()[i] == b'\n')
        .collect();
    let entries = raw.entry.into_iter().map(|sp| {
        let line = breaks.partition_point(|&b| b < sp.span().start) + 1;
        (sp.into_inner(), line)
    });
    Ok(lexicon(origin, header, raw.thresholds, entries))
}

/// Reads a built-in lexicon pre-parsed by build.rs; `None` when it does not load or would
/// not pass [`parse`], whose error the caller then reports by parsing the TOML.
pub(crate) fn parse_preparsed(origin: &str, json: &str) -> Option<Lexicon> {
    let p: Preparsed = serde_json::from_str(json).ok()?;
    if p.file.lexicon.topic.trim().is_empty() || p.lines.len() != p.file.entry.len() {
        return None;
    }
    let entries = p.file.entry.into_iter().zip(p.lines);
    Some(lexicon(origin, p.file.lexicon, p.file.thresholds, entries))
}

fn lexicon(
    origin: &str,
    header: RawHeader,
    thresholds: Option<Thresholds>,
    entries: impl Iterator<Item = (RawEntry, usize)>,
) -> Lexicon {
    let default_role = if header.topic == CONTEXT_TOPIC {
        Role::Rights
    } else {
        Role::Topic
    };
    let entries = entries
        .map(|(r, line)| Entry {
            id: r.id,
            kind: r.kind,
            variants: r.variants,
            weight: r.weight.unwrap_or(1.0),
            mode: r.mode,
            case_sensitive: r.case_sensitive,
            role: r.role.unwrap_or(default_role),
            requires: r.requires,
            framing: r.framing,
            shared: r.shared,
            name: r.name,
            region: r.region,
            short_forms: r.short_forms,
            source: r.source,
            note: r.note,
            sense: r.sense.unwrap_or(if r.kind == EntryKind::Place {
                Sense::Judged
            } else {
                Sense::Issue
            }),
            support: r.support,
            frame: r.frame,
            line,
            metadata: Default::default(),
        })
        .collect();
    Lexicon {
        origin: origin.to_string(),
        topic: header.topic,
        description: header.description,
        sources: header.sources,
        licence: header.licence,
        thresholds,
        entries,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_line_of_bad_field() {
        let t = "[lexicon]\ntopic = \"t\"\n\n[[entry]]\nid = \"t.a\"\nkind = \"place\"\nvariants = [\"A\"]\nsource = \"s\"\nweigth = 2\n";
        let e = parse("f.toml", t).unwrap_err();
        assert_eq!(e.line(), Some(9), "{e}");
        assert!(e.to_string().contains("weigth"), "{e}");
    }

    #[test]
    fn entry_lines_are_kept() {
        let t = "[lexicon]\ntopic = \"t\"\n\n[[entry]]\nid = \"t.a\"\nkind = \"place\"\nvariants = [\"A\"]\nsource = \"s\"\n\n[[entry]]\nid = \"t.b\"\nkind = \"place\"\nvariants = [\"B\"]\nsource = \"s\"\n";
        let l = parse("f.toml", t).unwrap();
        assert_eq!(l.entries[0].line, 4);
        assert_eq!(l.entries[1].line, 10);
    }

    #[test]
    fn context_entries_default_to_rights_role() {
        let t = "[lexicon]\ntopic = \"context\"\n[[entry]]\nid = \"c.a\"\nkind = \"cue\"\nvariants = [\"torture\"]\nsource = \"s\"\n";
        assert_eq!(parse("c", t).unwrap().entries[0].role, Role::Rights);
    }

    #[test]
    fn preparsed_builtins_equal_their_toml() {
        for (name, text, json) in super::super::BUILTIN {
            let origin = format!("lexicons/{name}.toml");
            let pre = parse_preparsed(&origin, json).expect("build.rs pre-parsed it");
            assert_eq!(pre, parse(&origin, text).unwrap(), "{origin}");
        }
    }

    #[test]
    fn preparsed_that_does_not_load_is_none() {
        assert!(parse_preparsed("x", "null").is_none());
        let t = "[lexicon]\ntopic = \"t\"\n[[entry]]\nid = \"t.a\"\nkind = \"place\"\nvariants = [\"A\"]\nsource = \"s\"\nweigth = 2\n";
        let json = format!(
            r#"{{"file": {}, "lines": [3]}}"#,
            serde_json::to_string(&toml::from_str::<toml::Value>(t).unwrap()).unwrap()
        );
        assert!(parse_preparsed("x", &json).is_none());
        let ok = json.replace("weigth", "weight");
        assert_eq!(parse_preparsed("x", &ok).unwrap().entries[0].line, 3);
    }

    #[test]
    fn missing_header_is_an_error() {
        let e = parse("f.toml", "[[entry]]\nid = \"x\"\n").unwrap_err();
        assert!(e.to_string().contains("lexicon"), "{e}");
    }
}
