//! Review checks over a set of lexicons.

use super::{EntryKind, Lexicon, MatchMode, Role, CONTEXT_TOPIC};
use crate::normalize::{fold_phrase, is_cjk};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

/// How serious a lint finding is. Errors stop [`ClassifierBuilder::build`](crate::ClassifierBuilder::build).
///
/// # Examples
///
/// ```
/// assert!(rightslens::Severity::Error > rightslens::Severity::Warning);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth a reviewer's look; the lexicon still works.
    Warning,
    /// The lexicon cannot be used as written.
    Error,
}

/// One finding of [`lint`], located by origin, line and entry id.
///
/// # Examples
///
/// ```
/// use rightslens::{lint, Lexicon};
/// let lex = Lexicon::parse("x.toml", "[lexicon]\ntopic = \"x\"\n[[entry]]\nid = \"x.place.a\"\nkind = \"place\"\nvariants = [\"\"]\nsource = \"\"\n").unwrap();
/// let issues = lint(&[lex]);
/// assert!(issues.iter().any(|i| i.message.contains("source")));
/// assert!(issues[0].to_string().starts_with("x.toml:3:"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LintIssue {
    /// Error or warning.
    pub severity: Severity,
    /// Lexicon origin (file path or name).
    pub origin: String,
    /// 1-based line of the entry (0 for file-level findings).
    pub line: usize,
    /// Entry id, when the finding concerns one entry.
    pub entry: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

impl fmt::Display for LintIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.origin)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {sev}: ")?;
        if let Some(e) = &self.entry {
            write!(f, "entry \"{e}\": ")?;
        }
        write!(f, "{} (help: {})", self.message, self.help)
    }
}

/// A surface form as the matcher sees it: folded words, match mode, case sensitivity.
type FormKey = (Vec<String>, MatchMode, bool);

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        })
}

/// Runs every review check over `lexicons` together and returns the findings, errors first.
///
/// Checks: ids present, well-formed and unique across all lexicons; `kind`, `source` and
/// `variants` present and non-empty; weights in (0, 5]; prefix variants end in `*`; regexes
/// compile; persons have a canonical `name`, a full-name variant and a known `region`; no form
/// shorter than 3 characters (2 for short forms) unless case-sensitive, context-restricted or
/// in a CJK script; no
/// surface form claimed by two topics unless both entries say `shared = true`. Warnings: a
/// phrase whose words are separated by anything but spaces and dashes (an apostrophe counts
/// only inside a word, as in `Xi'an`), which can never match; a form listed twice in a topic;
/// a lexicon header that names no sources.
///
/// # Examples
///
/// ```
/// let lexicons = rightslens::Lexicon::builtin().unwrap();
/// let errors: Vec<_> = rightslens::lint(&lexicons)
///     .into_iter()
///     .filter(|i| i.severity == rightslens::Severity::Error)
///     .collect();
/// assert!(errors.is_empty(), "{errors:?}");
/// ```
pub fn lint(lexicons: &[Lexicon]) -> Vec<LintIssue> {
    let mut out = Vec::new();
    let mut ids: HashMap<&str, (&str, usize)> = HashMap::new();
    // folded form -> (topic, entry id, shared, origin, line)
    let mut forms: HashMap<FormKey, (&str, &str, bool)> = HashMap::new();
    let topics: Vec<&str> = lexicons.iter().map(|l| l.topic.as_str()).collect();
    for lex in lexicons {
        let mut push = |sev, line, entry: Option<&str>, msg: String, help: &str| {
            out.push(LintIssue {
                severity: sev,
                origin: lex.origin.clone(),
                line,
                entry: entry.map(str::to_string),
                message: msg,
                help: help.to_string(),
            })
        };
        if lex.sources.is_empty() && lex.topic != "demo" {
            push(
                Severity::Warning,
                0,
                None,
                "the [lexicon] header names no sources".into(),
                "add `sources = [...]` naming where the facts come from",
            );
        }
        if let Some(t) = &lex.thresholds {
            if !(t.present.is_finite() && t.primary.is_finite() && t.present >= 0.0) {
                push(
                    Severity::Error,
                    0,
                    None,
                    "thresholds must be finite and non-negative".into(),
                    "use numbers such as present = 0.9, primary = 0.5",
                );
            }
        }
        for e in &lex.entries {
            let id = Some(e.id.as_str());
            let line = e.line;
            if !valid_id(&e.id) {
                push(
                    Severity::Error,
                    line,
                    id,
                    format!("id {:?} is not of the form <topic>.<kind>.<slug>", e.id),
                    "use lowercase letters, digits, '.', '_' and '-' only",
                );
            } else if let Some((origin, l)) = ids.get(e.id.as_str()) {
                push(
                    Severity::Error,
                    line,
                    id,
                    format!("duplicate id (first defined at {origin}:{l})"),
                    "give every entry its own id",
                );
            } else {
                ids.insert(&e.id, (&lex.origin, line));
            }
            if e.source.trim().is_empty() {
                push(
                    Severity::Error,
                    line,
                    id,
                    "`source` is empty".into(),
                    "say where the spelling or fact was checked",
                );
            }
            if e.variants.is_empty() {
                push(
                    Severity::Error,
                    line,
                    id,
                    "variants must not be empty".into(),
                    "list at least one surface form in `variants = [...]`",
                );
            }
            if !(e.weight > 0.0 && e.weight <= 5.0) {
                push(
                    Severity::Error,
                    line,
                    id,
                    format!("weight {} is outside (0, 5]", e.weight),
                    "use 1.0 for core terms, 0.3-0.7 for weak ones, up to 3 for unambiguous ones",
                );
            }
            if e.kind == EntryKind::Person && e.role == Role::Topic {
                if e.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
                    push(
                        Severity::Error,
                        line,
                        id,
                        "a person needs a canonical `name`".into(),
                        "add name = \"Full Name\"",
                    );
                }
                // A single-word name counts as full when the entry needs a rights context
                // (Tibetans are often known by one name).
                let full = e.requires.is_some()
                    || e.variants.iter().any(|v| {
                        v.trim().contains(' ') || v.chars().any(is_cjk) || v.contains('-')
                    });
                if !full {
                    push(
                        Severity::Error,
                        line,
                        id,
                        "a person needs at least one full-name variant".into(),
                        "add the full name; put bare surnames in `short_forms`",
                    );
                }
            }
            if let Some(r) = &e.region {
                if r != "mainland" && !topics.contains(&r.as_str()) {
                    push(
                        Severity::Error,
                        line,
                        id,
                        format!("unknown region {r:?}"),
                        "use a loaded topic id (tibet, xinjiang, hong_kong) or \"mainland\"",
                    );
                }
            }
            let all = e
                .variants
                .iter()
                .map(|v| (v, e.mode, false))
                .chain(e.short_forms.iter().map(|v| (v, MatchMode::Exact, true)));
            for (v, mode, short) in all {
                if v.trim().is_empty() {
                    push(
                        Severity::Error,
                        line,
                        id,
                        "a variant is empty".into(),
                        "remove the empty string",
                    );
                    continue;
                }
                match mode {
                    MatchMode::Regex => {
                        // too big for the default limits: the builder's `regex_size_limit` decides
                        let err = regex::Regex::new(v)
                            .err()
                            .filter(|e| !matches!(e, regex::Error::CompiledTooBig(_)));
                        if let Some(err) = err {
                            let first = err.to_string().lines().last().unwrap_or("").to_string();
                            push(
                                Severity::Error,
                                line,
                                id,
                                format!("regex {v:?} does not compile: {first}"),
                                "fix the pattern (Rust regex syntax)",
                            );
                        }
                        continue;
                    }
                    MatchMode::Prefix if !v.trim_end().ends_with('*') => {
                        push(
                            Severity::Error,
                            line,
                            id,
                            format!("prefix variant {v:?} does not end in '*'"),
                            "write it as \"Uyghur*\", or use mode = \"exact\"",
                        );
                        continue;
                    }
                    _ => {}
                }
                let body = v.trim_end().trim_end_matches('*');
                let cjk = body.chars().any(is_cjk);
                let tokens = if cjk {
                    vec![body.chars().filter(|c| !c.is_whitespace()).collect()]
                } else {
                    fold_phrase(body)
                };
                if tokens.is_empty() {
                    push(
                        Severity::Error,
                        line,
                        id,
                        format!("variant {v:?} has no letters or digits"),
                        "remove it",
                    );
                    continue;
                }
                if !cjk && mode != MatchMode::Regex && tokens.len() > 1 {
                    // Only whitespace and dashes may separate the words of a phrase.
                    // An apostrophe belongs to a word only between two letters (`Xi'an`);
                    // one that opens or closes a word (`dge 'dun`) stops the phrase.
                    let inner: Vec<char> = body.trim().chars().collect();
                    let word =
                        |k: Option<&char>| k.is_some_and(|&c| crate::normalize::is_word_char(c));
                    let stray = inner.iter().enumerate().any(|(k, &c)| {
                        if crate::normalize::is_apostrophe(c) {
                            return !(k > 0 && word(inner.get(k - 1)) && word(inner.get(k + 1)));
                        }
                        !(crate::normalize::is_word_char(c)
                            || crate::normalize::is_phrase_separator(c))
                    });
                    if stray {
                        push(
                            Severity::Warning,
                            line,
                            id,
                            format!("variant {v:?} has punctuation between its words and can never match"),
                            "only spaces and dashes may separate words: drop the punctuation or use mode = \"regex\"",
                        );
                    }
                }
                let chars = body.chars().filter(|c| !c.is_whitespace()).count();
                // Short forms only count after a full mention, so two letters suffice there.
                let min = if short { 2 } else { 3 };
                if !cjk && chars < min && !e.case_sensitive && e.requires.is_none() {
                    push(
                        Severity::Error,
                        line,
                        id,
                        format!("form {v:?} is shorter than 3 characters"),
                        "set case_sensitive = true or requires = \"rights\", or drop it",
                    );
                }
                // Cues (rights, benign) and blocks may share forms with topic terms: a form can
                // be evidence for a topic and a human-rights cue at once.
                // Short forms only count after a full mention, so they may be shared too.
                if e.role != Role::Topic || short {
                    continue;
                }
                let key = (tokens, mode, e.case_sensitive);
                let topic = if lex.topic == CONTEXT_TOPIC {
                    CONTEXT_TOPIC
                } else {
                    lex.topic.as_str()
                };
                match forms.get(&key) {
                    Some((t, other, shared)) if *t != topic && !(e.shared && *shared) => push(
                        Severity::Error,
                        line,
                        id,
                        format!("form {v:?} is also claimed by \"{other}\" (topic {t})"),
                        "keep it in one topic, or mark both entries shared = true",
                    ),
                    Some((t, other, _)) if *t == topic && *other != e.id => push(
                        Severity::Warning,
                        line,
                        id,
                        format!("form {v:?} is also a variant of \"{other}\""),
                        "merge the entries or drop the duplicate form",
                    ),
                    Some(_) => {}
                    None => {
                        forms.insert(key, (topic, &e.id, e.shared));
                    }
                }
            }
        }
    }
    out.sort_by_key(|i| std::cmp::Reverse(i.severity));
    out
}
