//! `rightslens lexicon list|show|check|diff|convert`: look into lexicons, lint your own,
//! compare two versions on a corpus, convert other tools' dictionaries.

mod convert;
mod diff;

use crate::common::{self, CliError, LexiconArgs};
use rightslens::{Classifier, Entry, EntryKind, Lexicon, Severity};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const AFTER_HELP: &str = "\
Examples:
  rightslens lexicon list
  rightslens lexicon show tibet.place.tibet
  rightslens lexicon show \"Ilham Tohti\"
  rightslens lexicon check my-lexicons/
  rightslens lexicon diff old-lexicons/ lexicons/ examples/data
  rightslens lexicon convert LSD2015.lc3 --out-dir my-lexicons/";

const CHECK_HELP: &str = "\
Examples:
  rightslens lexicon check my-lexicons/
  rightslens lexicon check --with-builtin macau.toml

Every message names the file and line: `file:line: error: ...` or `file:line: warning: ...`.
Exit status 2 when there is an error, 0 when there are only warnings or nothing to report.
Check a folder meant for --lexicons on its own, and a file meant for --add-lexicon with
--with-builtin (then ids and forms must not clash with the built-in lexicons).";

/// Options of `rightslens lexicon`.
#[derive(clap::Args, Debug)]
#[command(after_help = AFTER_HELP)]
pub struct LexiconCmd {
    #[command(subcommand)]
    pub command: LexiconSub,
}

/// Output format of `lexicon list` and `lexicon show`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LexFormat {
    /// Text for people.
    Table,
    /// JSON.
    Json,
}

/// The `lexicon` subcommands.
#[derive(clap::Subcommand, Debug)]
pub enum LexiconSub {
    /// List the lexicons in use: topics, entry counts by kind, pattern counts, thresholds.
    #[command(after_help = "Examples:\n  rightslens lexicon list\n  \
                            rightslens lexicon list --lexicons my-lexicons/ --format json")]
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = LexFormat::Table)]
        format: LexFormat,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
    /// Show every field of an entry, by id (or by one of its names or variants).
    #[command(
        after_help = "Examples:\n  rightslens lexicon show tibet.place.tibet\n  \
                            rightslens lexicon show \"Jimmy Lai\" --format json"
    )]
    Show {
        /// Entry id, such as tibet.place.lhasa (a name or variant also works).
        #[arg(value_name = "ID")]
        id: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = LexFormat::Table)]
        format: LexFormat,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
    /// Lint a lexicon folder (or file) and try to compile it, with located messages.
    #[command(after_help = CHECK_HELP)]
    Check {
        /// A folder of *.toml lexicons, or one lexicon file.
        #[arg(value_name = "DIR")]
        path: PathBuf,
        /// Check together with the built-in lexicons (as --add-lexicon uses them).
        #[arg(long)]
        with_builtin: bool,
    },
    /// Compare two lexicon folders on a corpus: verdicts that change, entries that gain or
    /// lose hits, with examples.
    #[command(after_help = diff::HELP)]
    Diff(diff::DiffArgs),
    /// Convert a LIWC, quanteda, Lexicoder or WordStat dictionary to native TOML lexicons.
    #[command(after_help = convert::HELP)]
    Convert(convert::ConvertArgs),
}

/// Runs `rightslens lexicon ...`.
pub fn run(a: &LexiconCmd) -> Result<ExitCode, CliError> {
    match &a.command {
        LexiconSub::List { format, lexicon } => {
            let clf = common::build_classifier(lexicon)?;
            common::out(&list(&clf, *format)?)?;
            Ok(ExitCode::SUCCESS)
        }
        LexiconSub::Show {
            id,
            format,
            lexicon,
        } => {
            let clf = common::build_classifier(lexicon)?;
            common::out(&show(&clf, id, *format)?)?;
            Ok(ExitCode::SUCCESS)
        }
        LexiconSub::Diff(d) => diff::run(d).map(|()| ExitCode::SUCCESS),
        LexiconSub::Convert(c) => convert::run(c).map(|()| ExitCode::SUCCESS),
        LexiconSub::Check { path, with_builtin } => {
            let (report, ok) = check(path, *with_builtin)?;
            common::out(&report)?;
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            })
        }
    }
}

const KINDS: [(EntryKind, &str); 8] = [
    (EntryKind::Place, "place"),
    (EntryKind::Person, "person"),
    (EntryKind::Organisation, "organisation"),
    (EntryKind::Law, "law"),
    (EntryKind::Policy, "policy"),
    (EntryKind::Event, "event"),
    (EntryKind::Concept, "concept"),
    (EntryKind::Cue, "cue"),
];

#[derive(Serialize)]
struct ListRow {
    topic: String,
    origin: String,
    description: String,
    entries: usize,
    kinds: BTreeMap<&'static str, usize>,
    roles: BTreeMap<String, usize>,
    patterns: usize,
    regex_patterns: usize,
    thresholds: Option<rightslens::Thresholds>,
}

/// The serde spelling of a value that serialises as a string.
fn spelling<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| "?".to_string())
}

fn patterns_of(e: &Entry) -> usize {
    e.variants.len() + e.short_forms.len()
}

fn list(clf: &Classifier, format: LexFormat) -> Result<String, String> {
    let rows: Vec<ListRow> = clf
        .lexicons()
        .iter()
        .map(|l| {
            let mut kinds = BTreeMap::new();
            for (k, name) in KINDS {
                kinds.insert(name, l.entries.iter().filter(|e| e.kind == k).count());
            }
            let mut roles = BTreeMap::new();
            for e in &l.entries {
                *roles.entry(spelling(&e.role)).or_insert(0) += 1;
            }
            ListRow {
                topic: l.topic.clone(),
                origin: l.origin.clone(),
                description: l.description.clone(),
                entries: l.entries.len(),
                kinds,
                roles,
                patterns: l.entries.iter().map(patterns_of).sum(),
                regex_patterns: l
                    .entries
                    .iter()
                    .filter(|e| e.mode == rightslens::MatchMode::Regex)
                    .map(|e| e.variants.len())
                    .sum(),
                thresholds: clf.thresholds(&l.topic),
            }
        })
        .collect();
    if format == LexFormat::Json {
        let mut s = serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?;
        s.push('\n');
        return Ok(s);
    }
    let mut o = String::new();
    let short = [
        "place", "person", "org", "law", "policy", "event", "concept", "cue",
    ];
    let _ = write!(o, "{:<20} {:>7}", "topic", "entries");
    let widths: Vec<usize> = short.iter().map(|s| s.len().max(4)).collect();
    for (s, w) in short.iter().zip(&widths) {
        let _ = write!(o, " {s:>w$}");
    }
    let _ = writeln!(
        o,
        " {:>8} {:>5} {:>11}  file",
        "patterns", "regex", "thresholds"
    );
    let mut total = ListRow {
        topic: "total".into(),
        origin: String::new(),
        description: String::new(),
        entries: 0,
        kinds: BTreeMap::new(),
        roles: BTreeMap::new(),
        patterns: 0,
        regex_patterns: 0,
        thresholds: None,
    };
    for r in &rows {
        total.entries += r.entries;
        total.patterns += r.patterns;
        total.regex_patterns += r.regex_patterns;
        for (k, n) in &r.kinds {
            *total.kinds.entry(k).or_insert(0) += n;
        }
    }
    for r in rows.iter().chain(std::iter::once(&total)) {
        let _ = write!(o, "{:<20} {:>7}", r.topic, r.entries);
        for ((_, name), w) in KINDS.iter().zip(&widths) {
            let _ = write!(o, " {:>w$}", r.kinds.get(name).copied().unwrap_or(0));
        }
        let th = r
            .thresholds
            .map_or("-".to_string(), |t| format!("{}/{}", t.present, t.primary));
        let line = format!(
            " {:>8} {:>5} {:>11}  {}",
            r.patterns, r.regex_patterns, th, r.origin
        );
        let _ = writeln!(o, "{}", line.trim_end());
    }
    let _ = writeln!(
        o,
        "\ntopics: {}\ncompiled patterns: {} ({:.1} MiB of matcher memory)\n\
         thresholds: present (evidence) / primary (coverage score)",
        clf.topics().join(", "),
        clf.pattern_count(),
        clf.memory_usage() as f64 / (1024.0 * 1024.0)
    );
    Ok(o)
}

/// Entries matching a query: the exact id; else entries whose name or a variant equals it
/// (case-insensitive); else entries whose id contains it.
fn find<'c>(clf: &'c Classifier, q: &str) -> Vec<(&'c Lexicon, &'c Entry)> {
    let all: Vec<(&Lexicon, &Entry)> = clf
        .lexicons()
        .iter()
        .flat_map(|l| l.entries.iter().map(move |e| (l, e)))
        .collect();
    let exact: Vec<_> = all.iter().copied().filter(|(_, e)| e.id == q).collect();
    if !exact.is_empty() {
        return exact;
    }
    let ql = q.to_lowercase();
    let by_name: Vec<_> = all
        .iter()
        .copied()
        .filter(|(_, e)| {
            e.name.as_deref().is_some_and(|n| n.to_lowercase() == ql)
                || e.variants.iter().any(|v| v.to_lowercase() == ql)
        })
        .collect();
    if !by_name.is_empty() {
        return by_name;
    }
    all.into_iter()
        .filter(|(_, e)| e.id.contains(&ql))
        .collect()
}

#[derive(Serialize)]
struct Shown<'a> {
    topic: &'a str,
    origin: &'a str,
    #[serde(flatten)]
    entry: &'a Entry,
}

fn show(clf: &Classifier, q: &str, format: LexFormat) -> Result<String, String> {
    let found = find(clf, q);
    if found.is_empty() {
        return Err(format!(
            "no entry with id or name {q:?} (help: `rightslens lexicon list` shows the topics; \
             ids look like tibet.place.lhasa)"
        ));
    }
    if found.len() > 1 && found.iter().all(|(_, e)| e.id != q) && found.len() > 10 {
        let ids: Vec<&str> = found.iter().take(10).map(|(_, e)| e.id.as_str()).collect();
        return Err(format!(
            "{} entries match {q:?}; give a full id, e.g. {}",
            found.len(),
            ids.join(", ")
        ));
    }
    if format == LexFormat::Json {
        let v: Vec<Shown> = found
            .iter()
            .map(|(l, e)| Shown {
                topic: &l.topic,
                origin: &l.origin,
                entry: e,
            })
            .collect();
        let mut s = serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?;
        s.push('\n');
        return Ok(s);
    }
    let mut o = String::new();
    for (i, (l, e)) in found.iter().enumerate() {
        if i > 0 {
            o.push('\n');
        }
        let quoted = |v: &[String]| -> String {
            if v.is_empty() {
                "-".to_string()
            } else {
                v.iter()
                    .map(|s| format!("{s:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        let opt = |v: Option<String>| v.unwrap_or_else(|| "-".to_string());
        let yn = |b: bool| if b { "yes" } else { "no" };
        let location = if e.line > 0 {
            format!("{}:{}", l.origin, e.line)
        } else {
            l.origin.clone()
        };
        let rows: Vec<(&str, String)> = vec![
            ("id", e.id.clone()),
            ("topic", l.topic.clone()),
            ("defined at", location),
            ("kind", spelling(&e.kind)),
            ("name", opt(e.name.clone())),
            ("variants", quoted(&e.variants)),
            ("short forms", quoted(&e.short_forms)),
            ("weight", e.weight.to_string()),
            ("mode", spelling(&e.mode)),
            ("case sensitive", yn(e.case_sensitive).to_string()),
            ("role", spelling(&e.role)),
            ("requires", opt(e.requires.map(|r| spelling(&r)))),
            ("framing", opt(e.framing.map(|f| spelling(&f)))),
            ("shared", yn(e.shared).to_string()),
            ("region", opt(e.region.clone())),
            ("source", e.source.clone()),
            ("note", opt(e.note.clone())),
        ];
        for (k, v) in rows {
            let _ = writeln!(o, "{:<15} {v}", format!("{k}:"));
        }
    }
    Ok(o)
}

/// `path:line: error: ...` for a library error.
fn located(e: &rightslens::Error, fallback: &Path) -> String {
    let mut s = e.path().unwrap_or(fallback).display().to_string();
    if let Some(l) = e.line() {
        let _ = write!(s, ":{l}");
    }
    s.push_str(": error: ");
    if let Some(id) = e.entry() {
        let _ = write!(s, "entry \"{id}\": ");
    }
    let _ = write!(s, "{}", e.kind());
    s
}

/// Lints and compiles the lexicons at `path`; returns the report and whether it passed.
fn check(path: &Path, with_builtin: bool) -> Result<(String, bool), String> {
    let files: Vec<PathBuf> = if path.is_dir() {
        let rd = std::fs::read_dir(path)
            .map_err(|e| format!("{}: cannot read: {}", path.display(), common::io_cause(&e)))?;
        let mut v: Vec<PathBuf> = rd
            .filter_map(|d| d.ok().map(|d| d.path()))
            .filter(|p| p.extension().and_then(|x| x.to_str()) == Some("toml") && p.is_file())
            .collect();
        v.sort();
        v
    } else if path.exists() {
        vec![path.to_path_buf()]
    } else {
        return Err(format!("{}: no such file or directory", path.display()));
    };
    if files.is_empty() {
        return Err(format!(
            "{}: no *.toml lexicon files in this folder",
            path.display()
        ));
    }
    let mut o = String::new();
    let (mut errors, mut warnings) = (0usize, 0usize);
    let mut parsed: Vec<Lexicon> = Vec::new();
    for f in &files {
        match Lexicon::from_file(f) {
            Ok(l) => parsed.push(l),
            Err(e) => {
                errors += 1;
                let _ = writeln!(o, "{}", located(&e, f));
            }
        }
    }
    let mine: Vec<String> = parsed.iter().map(|l| l.origin.clone()).collect();
    let mut all = if with_builtin {
        Lexicon::builtin().map_err(|e| format!("built-in lexicons: {e}"))?
    } else {
        Vec::new()
    };
    all.extend(parsed.iter().cloned());
    let issues = rightslens::lint(&all);
    for i in issues.iter().filter(|i| mine.contains(&i.origin)) {
        match i.severity {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
        }
        let _ = writeln!(o, "{i}");
    }
    let lint_errors = issues.iter().any(|i| i.severity == Severity::Error);
    if errors == 0 && !lint_errors {
        // lint passed: the compile step catches what only the matcher sees (limits...)
        let mut b = Classifier::builder();
        if !with_builtin {
            b.without_builtin();
        }
        for l in &parsed {
            b.lexicon(l.clone());
        }
        if let Err(e) = b.build() {
            errors += 1;
            let _ = writeln!(o, "{}", located(&e, path));
        }
    } else if errors == 0 {
        // errors only in the built-in lexicons: report them, they block a build too
        for i in issues.iter().filter(|i| i.severity == Severity::Error) {
            errors += 1;
            let _ = writeln!(o, "{i}");
        }
    }
    let entries: usize = parsed.iter().map(|l| l.entries.len()).sum();
    let _ = writeln!(
        o,
        "checked {} file{}, {} entries: {} error{}, {} warning{}",
        files.len(),
        if files.len() == 1 { "" } else { "s" },
        entries,
        errors,
        if errors == 1 { "" } else { "s" },
        warnings,
        if warnings == 1 { "" } else { "s" },
    );
    Ok((o, errors == 0))
}
