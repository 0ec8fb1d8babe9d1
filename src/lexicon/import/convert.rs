//! Terms read from a dictionary turned into lexicons, and lexicons written as native TOML.

use super::{DictFormat, Imported, Skipped, Term};
use crate::error::Error;
use crate::lexicon::{Entry, EntryKind, Lexicon, MatchMode, Role, Sense, CONTEXT_TOPIC};
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

/// A snake_case name of ASCII letters, digits and `_` (empty when nothing is left).
fn snake(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_string()
}

/// An id segment: like [`snake`] with `-` between words.
fn slug(s: &str) -> String {
    snake(s).replace('_', "-")
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Whether a term (without its trailing `*`) can be an exact or prefix variant: letters,
/// digits, spaces, dashes, and apostrophes inside words.
fn plain(body: &str) -> bool {
    let chars: Vec<char> = body.chars().collect();
    chars.iter().enumerate().all(|(k, &c)| {
        c.is_alphanumeric()
            || c.is_whitespace()
            || c == '-'
            || (is_apostrophe(c)
                && k > 0
                && chars[k - 1].is_alphanumeric()
                && chars.get(k + 1).is_some_and(|n| n.is_alphanumeric()))
    })
}

/// A glob term as a regex: `*` any word characters, `?` one, words joined by spaces or dashes.
fn glob_regex(term: &str) -> String {
    let words: Vec<String> = term
        .split_whitespace()
        .map(|w| {
            w.chars()
                .map(|c| match c {
                    '*' => r"\w*".to_string(),
                    '?' => r"\w".to_string(),
                    c => regex_syntax::escape(c.encode_utf8(&mut [0; 4])),
                })
                .collect()
        })
        .collect();
    words.join(r"[\s\-]+")
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af | 0xf900..=0xfaff)
}

/// The variants, mode and case rule of a term, or why it cannot be one.
fn form(term: &str) -> Result<(Vec<String>, MatchMode, bool), String> {
    let term = term.split_whitespace().collect::<Vec<_>>().join(" ");
    if !term.chars().any(char::is_alphanumeric) {
        return Err("it has no letter or digit, and rightslens matches words".into());
    }
    let body = term.strip_suffix('*').unwrap_or(&term);
    let wild_inside = body.contains(['*', '?']);
    let (variant, mode) = if !wild_inside && plain(body) {
        let mode = if body.len() < term.len() {
            MatchMode::Prefix
        } else {
            MatchMode::Exact
        };
        (term.clone(), mode)
    } else {
        (glob_regex(&term), MatchMode::Regex)
    };
    let letters = body.chars().filter(|c| !c.is_whitespace()).count();
    if mode != MatchMode::Regex && letters < 3 && !body.chars().any(is_cjk) {
        // short forms must be case-sensitive: list the usual spellings
        let lower = variant.to_lowercase();
        let mut cap = String::new();
        let mut chars = lower.chars();
        if let Some(f) = chars.next() {
            cap.extend(f.to_uppercase());
            cap.push_str(chars.as_str());
        }
        let mut v = vec![lower, cap, variant.to_uppercase()];
        v.dedup();
        let mut seen = HashSet::new();
        v.retain(|x| seen.insert(x.clone()));
        return Ok((v, mode, true));
    }
    Ok((vec![variant], mode, false))
}

/// The lexicons of a dictionary's terms, one per top-level category.
pub(super) fn lexicons(
    origin: &str,
    format: DictFormat,
    terms: Vec<Term>,
) -> crate::Result<Imported> {
    let file = std::path::Path::new(origin)
        .file_name()
        .map_or(origin.to_string(), |f| f.to_string_lossy().into_owned());
    let mut lexicons: Vec<Lexicon> = Vec::new();
    let mut by_category: HashMap<String, usize> = HashMap::new();
    let mut ids: HashSet<String> = HashSet::new();
    let mut seen: HashMap<(usize, Vec<String>, MatchMode), usize> = HashMap::new();
    let mut skipped = Vec::new();
    for t in terms {
        let category = t.path[0].clone();
        let k = match by_category.get(&category) {
            Some(&k) => k,
            None => {
                let mut topic = snake(&category);
                if topic.is_empty() {
                    topic = format!("category_{}", lexicons.len() + 1);
                }
                if topic == CONTEXT_TOPIC {
                    return Err(Error::parse(format!(
                        "category {category:?} would become the reserved topic \"context\" \
                         (help: rename the category)"
                    ))
                    .with_path(origin)
                    .with_line(t.line));
                }
                let base = topic.clone();
                let mut n = 2;
                while lexicons.iter().any(|l| l.topic == topic) {
                    topic = format!("{base}_{n}");
                    n += 1;
                }
                lexicons.push(Lexicon {
                    origin: origin.to_string(),
                    topic,
                    description: format!(
                        "{category} (from the {} dictionary {file})",
                        format.name()
                    ),
                    sources: vec![format!("{} dictionary {file}", format.name())],
                    licence: None,
                    thresholds: None,
                    entries: Vec::new(),
                });
                by_category.insert(category, lexicons.len() - 1);
                lexicons.len() - 1
            }
        };
        let topic = lexicons[k].topic.clone();
        let (variants, mode, case_sensitive) = match form(&t.text) {
            Ok(f) => f,
            Err(reason) => {
                skipped.push(Skipped {
                    topic,
                    term: t.text,
                    line: t.line,
                    reason,
                });
                continue;
            }
        };
        let key = (k, variants.iter().map(|v| v.to_lowercase()).collect(), mode);
        if let Some(first) = seen.get(&key) {
            skipped.push(Skipped {
                topic,
                term: t.text,
                line: t.line,
                reason: if *first == t.line {
                    "listed under two categories of this topic; kept under the first".to_string()
                } else {
                    format!("repeats the term of line {first} in this topic")
                },
            });
            continue;
        }
        seen.insert(key, t.line);
        let sub: Vec<String> = t.path[1..]
            .iter()
            .map(|s| slug(s))
            .filter(|s| !s.is_empty())
            .collect();
        let mut stem = format!("{topic}.concept.");
        for s in &sub {
            stem.push_str(s);
            stem.push('.');
        }
        let word = slug(&t.text.replace(['*', '?'], ""));
        stem.push_str(if word.is_empty() { "term" } else { &word });
        let mut id = stem.clone();
        let mut n = 2;
        while !ids.insert(id.clone()) {
            id = format!("{stem}-{n}");
            n += 1;
        }
        let note = (t.path.len() > 1).then(|| format!("subtopic: {}", t.path[1..].join(" / ")));
        lexicons[k].entries.push(Entry {
            id,
            kind: EntryKind::Concept,
            variants,
            weight: 1.0,
            mode,
            case_sensitive,
            role: Role::Topic,
            requires: None,
            framing: None,
            shared: true,
            name: None,
            region: None,
            short_forms: Vec::new(),
            source: format!(
                "{} dictionary {file}, line {}: {}",
                format.name(),
                t.line,
                t.text
            ),
            note,
            sense: Sense::Issue,
            support: false,
            frame: None,
            line: t.line,
            metadata: Default::default(),
        });
    }
    if lexicons.is_empty() {
        return Err(
            Error::parse(format!("{} dictionary: no terms", format.name())).with_path(origin),
        );
    }
    Ok(Imported {
        format,
        lexicons,
        skipped,
    })
}

/// A TOML string literal.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A lexicon as native TOML, loadable with `--lexicons DIR` or `--add-lexicon FILE`; the
/// `skipped` terms of its topic are listed as comments at the end.
///
/// # Examples
///
/// ```
/// use rightslens::import::{import_str, to_toml, DictFormat};
/// let got = import_str("d.lc3", "+protest\nmarch*\nsit-in\n", DictFormat::Lexicoder)?;
/// let toml = to_toml(&got.lexicons[0], &got.skipped);
/// assert!(toml.contains("variants = [\"march*\"]\nmode = \"prefix\""));
/// let back = rightslens::Lexicon::parse("protest.toml", &toml)?;
/// assert_eq!(back.entries.len(), 2);
/// # Ok::<(), rightslens::Error>(())
/// ```
pub fn to_toml(lex: &Lexicon, skipped: &[Skipped]) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# Converted by `rightslens lexicon convert` from {}.\n\
         # Each term is one entry; add ids, sources and weights as you review it\n\
         # (format: lexicons/README.md).\n",
        lex.origin
    );
    let _ = writeln!(o, "[lexicon]\ntopic = {}", quoted(&lex.topic));
    let _ = writeln!(o, "description = {}", quoted(&lex.description));
    let sources: Vec<String> = lex.sources.iter().map(|s| quoted(s)).collect();
    let _ = writeln!(o, "sources = [{}]", sources.join(", "));
    for e in &lex.entries {
        let variants: Vec<String> = e.variants.iter().map(|v| quoted(v)).collect();
        let _ = writeln!(o, "\n[[entry]]\nid = {}\nkind = \"concept\"", quoted(&e.id));
        let _ = writeln!(o, "variants = [{}]", variants.join(", "));
        match e.mode {
            MatchMode::Exact => {}
            MatchMode::Prefix => o.push_str("mode = \"prefix\"\n"),
            MatchMode::Regex => o.push_str("mode = \"regex\"\n"),
        }
        if e.case_sensitive {
            o.push_str("case_sensitive = true\n");
        }
        let _ = writeln!(o, "shared = true\nsource = {}", quoted(&e.source));
        if let Some(n) = &e.note {
            let _ = writeln!(o, "note = {}", quoted(n));
        }
    }
    let mine: Vec<&Skipped> = skipped.iter().filter(|s| s.topic == lex.topic).collect();
    if !mine.is_empty() {
        let _ = writeln!(o, "\n# Terms not converted:");
        for s in mine {
            let _ = writeln!(o, "# line {}: {:?}: {}", s.line, s.term, s.reason);
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_follow_the_wildcards() {
        assert_eq!(
            form("abandon*").unwrap(),
            (vec!["abandon*".into()], MatchMode::Prefix, false)
        );
        assert_eq!(form("human  rights").unwrap().0, ["human rights"]);
        assert_eq!(
            form("colo?r").unwrap(),
            (vec![r"colo\wr".into()], MatchMode::Regex, false)
        );
        assert_eq!(form("*ism").unwrap().0, [r"\w*ism"]);
        assert_eq!(
            form("one country, two systems").unwrap().0,
            [r"one[\s\-]+country,[\s\-]+two[\s\-]+systems"]
        );
        assert_eq!(
            form("we").unwrap(),
            (
                vec!["we".into(), "We".into(), "WE".into()],
                MatchMode::Exact,
                true
            )
        );
        assert_eq!(form("don't").unwrap().1, MatchMode::Exact);
        assert!(form(":)").is_err());
    }

    #[test]
    fn names_become_snake_case() {
        assert_eq!(snake("Moral Care.Virtue"), "moral_care_virtue");
        assert_eq!(slug("re-education camp*"), "re-education-camp");
    }
}
