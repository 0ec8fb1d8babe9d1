//! Review checks over a set of lexicons: [`lint`] runs one function per rule, in order.

use super::{Entry, EntryKind, Frame, Lexicon, MatchMode, Role, CONTEXT_TOPIC};
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
/// form listed twice in a topic; a lexicon header that names no sources.
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
    let mut l = Linter {
        out: Vec::new(),
        ids: HashMap::new(),
        forms: HashMap::new(),
        topics: lexicons.iter().map(|l| l.topic.as_str()).collect(),
    };
    for lex in lexicons {
        l.sources_named(lex);
        l.thresholds_finite(lex);
        for e in &lex.entries {
            let at = At { lex, e };
            l.id_valid_and_unique(at);
            l.source_present(at);
            l.variants_present(at);
            l.weight_in_range(at);
            l.person_named(at);
            l.region_known(at);
            l.frame_fits_role(at);
            let all = e
                .variants
                .iter()
                .map(|v| (v, e.mode, false))
                .chain(e.short_forms.iter().map(|v| (v, MatchMode::Exact, true)));
            for (v, mode, short) in all {
                l.form(at, Form { v, mode, short });
            }
        }
    }
    let mut out = l.out;
    out.sort_by_key(|i| std::cmp::Reverse(i.severity));
    out
}

/// The findings so far, and what the checks across lexicons remember.
struct Linter<'a> {
    out: Vec<LintIssue>,
    /// entry id -> (origin, line) of its first definition
    ids: HashMap<&'a str, (&'a str, usize)>,
    /// surface form -> (topic, entry id, shared) of the first topic entry that lists it
    forms: HashMap<FormKey, (&'a str, &'a str, bool)>,
    /// the topics of all lexicons
    topics: Vec<&'a str>,
}

/// The entry a check looks at.
#[derive(Clone, Copy)]
struct At<'a> {
    lex: &'a Lexicon,
    e: &'a Entry,
}

/// One surface form of an entry: a variant (in the entry's mode) or a short form.
#[derive(Clone, Copy)]
struct Form<'a> {
    v: &'a str,
    mode: MatchMode,
    short: bool,
}

impl<'a> Linter<'a> {
    fn push(&mut self, sev: Severity, lex: &Lexicon, e: Option<&Entry>, msg: String, help: &str) {
        self.out.push(LintIssue {
            severity: sev,
            origin: lex.origin.clone(),
            line: e.map_or(0, |e| e.line),
            entry: e.map(|e| e.id.clone()),
            message: msg,
            help: help.to_string(),
        });
    }

    fn error(&mut self, at: At<'_>, msg: String, help: &str) {
        self.push(Severity::Error, at.lex, Some(at.e), msg, help);
    }

    fn warning(&mut self, at: At<'_>, msg: String, help: &str) {
        self.push(Severity::Warning, at.lex, Some(at.e), msg, help);
    }

    /// Warning: the lexicon header names no sources.
    fn sources_named(&mut self, lex: &Lexicon) {
        if lex.sources.is_empty() {
            self.push(
                Severity::Warning,
                lex,
                None,
                "the [lexicon] header names no sources".into(),
                "add `sources = [...]` naming where the facts come from",
            );
        }
    }

    /// Error: thresholds that are not finite, or a negative `present` threshold.
    fn thresholds_finite(&mut self, lex: &Lexicon) {
        if let Some(t) = &lex.thresholds {
            if !(t.present.is_finite() && t.primary.is_finite() && t.present >= 0.0) {
                self.push(
                    Severity::Error,
                    lex,
                    None,
                    "thresholds must be finite and non-negative".into(),
                    "use numbers such as present = 0.9, primary = 0.5",
                );
            }
        }
    }

    /// Error: an id not of the form `<topic>.<kind>.<slug>`, or one defined twice.
    fn id_valid_and_unique(&mut self, at: At<'a>) {
        let e = at.e;
        if !valid_id(&e.id) {
            let msg = format!("id {:?} is not of the form <topic>.<kind>.<slug>", e.id);
            self.error(
                at,
                msg,
                "use lowercase letters, digits, '.', '_' and '-' only",
            );
        } else if let Some((origin, l)) = self.ids.get(e.id.as_str()) {
            let msg = format!("duplicate id (first defined at {origin}:{l})");
            self.error(at, msg, "give every entry its own id");
        } else {
            self.ids.insert(&e.id, (&at.lex.origin, e.line));
        }
    }

    /// Error: an empty `source`.
    fn source_present(&mut self, at: At<'_>) {
        if at.e.source.trim().is_empty() {
            let help = "say where the spelling or fact was checked";
            self.error(at, "`source` is empty".into(), help);
        }
    }

    /// Error: no variants.
    fn variants_present(&mut self, at: At<'_>) {
        if at.e.variants.is_empty() {
            let help = "list at least one surface form in `variants = [...]`";
            self.error(at, "variants must not be empty".into(), help);
        }
    }

    /// Error: a weight outside (0, 5].
    fn weight_in_range(&mut self, at: At<'_>) {
        let w = at.e.weight;
        if !(w > 0.0 && w <= 5.0) {
            self.error(
                at,
                format!("weight {w} is outside (0, 5]"),
                "use 1.0 for core terms, 0.3-0.7 for weak ones, up to 3 for unambiguous ones",
            );
        }
    }

    /// Error: a person (topic role) without a canonical name or a full-name variant.
    fn person_named(&mut self, at: At<'_>) {
        let e = at.e;
        if e.kind != EntryKind::Person || e.role != Role::Topic {
            return;
        }
        if e.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
            let msg = "a person needs a canonical `name`".into();
            self.error(at, msg, "add name = \"Full Name\"");
        }
        // A single-word name counts as full when the entry needs a rights context (Tibetans
        // are often known by one name).
        let full = e.requires.is_some()
            || e.variants
                .iter()
                .any(|v| v.trim().contains(' ') || v.chars().any(is_cjk) || v.contains('-'));
        if !full {
            self.error(
                at,
                "a person needs at least one full-name variant".into(),
                "add the full name; put bare surnames in `short_forms`",
            );
        }
    }

    /// Error: a `region` that is neither a loaded topic nor `mainland`.
    fn region_known(&mut self, at: At<'_>) {
        if let Some(r) = &at.e.region {
            if r != "mainland" && !self.topics.contains(&r.as_str()) {
                self.error(
                    at,
                    format!("unknown region {r:?}"),
                    "use a loaded topic id (tibet, xinjiang, hong_kong) or \"mainland\"",
                );
            }
        }
    }

    /// Error: a `frame` on an entry of another role than its own (`custody` on rights cues,
    /// `crime` on non-political ones, `status` on issue frames).
    fn frame_fits_role(&mut self, at: At<'_>) {
        let want = match at.e.frame {
            Some(Frame::Custody) => Role::Rights,
            Some(Frame::Crime) => Role::Benign,
            Some(Frame::Status) => Role::Issue,
            _ => return,
        };
        if at.e.role != want {
            self.error(
                at,
                format!("frame {:?} on a {:?} entry", at.e.frame, at.e.role),
                "frame = \"custody\" goes on rights cues (`detained`), frame = \"crime\" on benign ones (`cocaine`), frame = \"status\" on issue frames (`sovereignty`)",
            );
        }
    }

    /// The checks of one surface form, in order; a form that cannot be read as words stops
    /// at the first that fails.
    fn form(&mut self, at: At<'a>, f: Form<'a>) {
        if !self.form_not_empty(at, f) || !self.mode_well_formed(at, f) {
            return;
        }
        let body = f.v.trim_end().trim_end_matches('*');
        let cjk = body.chars().any(is_cjk);
        let tokens = if cjk {
            vec![body.chars().filter(|c| !c.is_whitespace()).collect()]
        } else {
            fold_phrase(body)
        };
        if tokens.is_empty() {
            let msg = format!("variant {:?} has no letters or digits", f.v);
            self.error(at, msg, "remove it");
            return;
        }
        if !cjk {
            self.form_long_enough(at, f, body);
        }
        self.form_claimed_once(at, f, tokens);
    }

    /// Error: an empty variant.
    fn form_not_empty(&mut self, at: At<'_>, f: Form<'_>) -> bool {
        let ok = !f.v.trim().is_empty();
        if !ok {
            self.error(at, "a variant is empty".into(), "remove the empty string");
        }
        ok
    }

    /// Error: a regex that does not compile, or a prefix variant without its `*`. Returns
    /// whether the form goes on to the word checks (not a regex, a well-formed prefix).
    fn mode_well_formed(&mut self, at: At<'_>, f: Form<'_>) -> bool {
        match f.mode {
            MatchMode::Regex => {
                // too big for the default limits: the builder's `regex_size_limit` decides
                let err = regex::Regex::new(f.v)
                    .err()
                    .filter(|e| !matches!(e, regex::Error::CompiledTooBig(_)));
                if let Some(err) = err {
                    let first = err.to_string().lines().last().unwrap_or("").to_string();
                    let msg = format!("regex {:?} does not compile: {first}", f.v);
                    self.error(at, msg, "fix the pattern (Rust regex syntax)");
                } else {
                    self.regex_stretches_bounded(at, f);
                }
                false
            }
            MatchMode::Prefix if !f.v.trim_end().ends_with('*') => {
                let msg = format!("prefix variant {:?} does not end in '*'", f.v);
                self.error(at, msg, "write it as \"Uyghur*\", or use mode = \"exact\"");
                false
            }
            _ => true,
        }
    }

    /// Warning: a regex with an unbounded stretch that can run across words (`.*`, `.+`,
    /// `[^,]*`: a repeated class holding both letters and spaces), or an unbounded stretch
    /// at either end of the pattern (`\s*Tibet`, `Tibet\s+`). Each makes the regex read far
    /// past the literal it is found by; the matcher caps every match at
    /// `MAX_MATCH_BYTES` (1 KiB) so the run time stays linear, but such a variant finds
    /// matches no reader would mean and is slow.
    fn regex_stretches_bounded(&mut self, at: At<'_>, f: Form<'_>) {
        let Ok(hir) = regex_syntax::Parser::new().parse(f.v) else {
            return;
        };
        let (across, edge) = (crosses_words(&hir), unbounded_edge(&hir));
        if across || edge {
            let what = if across {
                "an unbounded stretch that can run across words"
            } else {
                "an unbounded stretch at its start or end"
            };
            self.warning(
                at,
                format!("regex {:?} has {what}", f.v),
                "bound it (`.{0,40}`, `\\s{1,3}`), or drop a stretch at either end",
            );
        }
    }

    /// Error: a form shorter than 3 characters (2 for short forms, which only count after a
    /// full mention) that is neither case-sensitive nor context-restricted.
    fn form_long_enough(&mut self, at: At<'_>, f: Form<'_>, body: &str) {
        let chars = body.chars().filter(|c| !c.is_whitespace()).count();
        let min = if f.short { 2 } else { 3 };
        let e = at.e;
        if chars < min && !e.case_sensitive && e.requires.is_none() {
            self.error(
                at,
                format!("form {:?} is shorter than 3 characters", f.v),
                "set case_sensitive = true or requires = \"rights\", or drop it",
            );
        }
    }

    /// Error: a form of a topic entry claimed by another topic (unless both entries say
    /// `shared = true`); warning: one listed twice within a topic. Cues (rights, benign) and
    /// blocks may share forms with topic terms, and short forms only count after a full
    /// mention, so they are not compared.
    fn form_claimed_once(&mut self, at: At<'a>, f: Form<'_>, tokens: Vec<String>) {
        let e = at.e;
        if e.role != Role::Topic || f.short {
            return;
        }
        let key = (tokens, f.mode, e.case_sensitive);
        let topic = if at.lex.topic == CONTEXT_TOPIC {
            CONTEXT_TOPIC
        } else {
            at.lex.topic.as_str()
        };
        let v = f.v;
        match self.forms.get(&key).copied() {
            Some((t, other, shared)) if t != topic && !(e.shared && shared) => self.error(
                at,
                format!("form {v:?} is also claimed by \"{other}\" (topic {t})"),
                "keep it in one topic, or mark both entries shared = true",
            ),
            Some((t, other, _)) if t == topic && other != e.id => self.warning(
                at,
                format!("form {v:?} is also a variant of \"{other}\""),
                "merge the entries or drop the duplicate form",
            ),
            Some(_) => {}
            None => {
                self.forms.insert(key, (topic, &e.id, e.shared));
            }
        }
    }
}

/// Whether `h` repeats, without an upper bound, a class that matches both a letter and a
/// space (`.*`, `[^,]+`, `[\s\S]*`).
fn crosses_words(h: &regex_syntax::hir::Hir) -> bool {
    use regex_syntax::hir::{Class, HirKind};
    match h.kind() {
        HirKind::Repetition(r) => {
            let wide = match r.sub.kind() {
                HirKind::Class(Class::Unicode(c)) => {
                    let has = |x: char| c.ranges().iter().any(|r| r.start() <= x && x <= r.end());
                    has('a') && has(' ')
                }
                HirKind::Class(Class::Bytes(c)) => {
                    let has = |x: u8| c.ranges().iter().any(|r| r.start() <= x && x <= r.end());
                    has(b'a') && has(b' ')
                }
                _ => false,
            };
            (r.max.is_none() && wide) || crosses_words(&r.sub)
        }
        HirKind::Capture(c) => crosses_words(&c.sub),
        HirKind::Concat(v) | HirKind::Alternation(v) => v.iter().any(crosses_words),
        _ => false,
    }
}

/// Whether `h` starts or ends with a repetition that has no upper bound (`\s*Tibet`).
fn unbounded_edge(h: &regex_syntax::hir::Hir) -> bool {
    use regex_syntax::hir::{Hir, HirKind};
    fn edge(h: &Hir, last: bool) -> bool {
        match h.kind() {
            HirKind::Repetition(r) => r.max.is_none(),
            HirKind::Capture(c) => edge(&c.sub, last),
            HirKind::Alternation(v) => v.iter().any(|b| edge(b, last)),
            HirKind::Concat(v) => {
                // look-around assertions (`\b`, `^`) take no text: the edge is past them
                let mut parts = v.iter().filter(|p| !matches!(p.kind(), HirKind::Look(_)));
                let part = if last {
                    parts.next_back()
                } else {
                    parts.next()
                };
                part.is_some_and(|p| edge(p, last))
            }
            _ => false,
        }
    }
    edge(h, false) || edge(h, true)
}
