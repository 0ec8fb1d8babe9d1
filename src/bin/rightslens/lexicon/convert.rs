//! `rightslens lexicon convert FILE`: a LIWC, quanteda, Lexicoder or WordStat dictionary as
//! native TOML lexicons (see `rightslens::import`).

use crate::common::{self, CliError};
use rightslens::import::{self, DictFormat, Imported};
use rightslens::{Classifier, Severity};
use std::path::{Path, PathBuf};

/// Help text after the options of `lexicon convert`.
pub const HELP: &str = "\
Examples:
  rightslens lexicon convert LSD2015.lc3 --category negative > negative.toml
  rightslens lexicon convert moral.dic --out-dir my-lexicons/
  rightslens classify docs/ --lexicons my-lexicons/

Formats (told by the extension, or --from): liwc (.dic, .dicx), quanteda (.yml, .yaml),
lexicoder (.lc3, .lcd), wordstat (.cat). Each top-level category becomes one topic (one TOML
file); nested categories become subtopics (in entry ids and notes). A trailing * is a prefix
match; * or ? elsewhere becomes a regex. Terms that cannot be expressed are listed on standard
error and as comments at the end of the TOML. Where the semantics differ from the original
tools: lexicons/README.md, \"Converting other dictionaries\".";

/// Options of `lexicon convert`.
#[derive(clap::Args, Debug)]
pub struct ConvertArgs {
    /// The dictionary file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Its format: liwc, quanteda, lexicoder or wordstat (default: from the extension).
    #[arg(long, value_name = "FORMAT")]
    pub from: Option<String>,
    /// Write only this category (by its name or topic name) to standard output.
    #[arg(long, value_name = "NAME", conflicts_with = "out_dir")]
    pub category: Option<String>,
    /// Write one TOML file per category into DIR (created if needed; existing files are kept).
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

/// Runs `lexicon convert`.
pub fn run(a: &ConvertArgs) -> Result<(), CliError> {
    let format = match &a.from {
        Some(name) => Some(DictFormat::from_name(name).ok_or_else(|| {
            format!("--from {name:?}: unknown format (help: liwc, quanteda, lexicoder or wordstat)")
        })?),
        None => None,
    };
    let imported = import::import_file(&a.file, format).map_err(|e| e.to_string())?;
    check_loads(&imported)?;
    for s in &imported.skipped {
        eprintln!(
            "{}:{}: note: term {:?} not converted: {}",
            a.file.display(),
            s.line,
            s.term,
            s.reason
        );
    }
    if let Some(dir) = &a.out_dir {
        return write_dir(&imported, dir);
    }
    let chosen: Vec<&rightslens::Lexicon> = match &a.category {
        Some(c) => imported
            .lexicons
            .iter()
            .filter(|l| &l.topic == c || l.description.starts_with(&format!("{c} (from")))
            .collect(),
        None => imported.lexicons.iter().collect(),
    };
    let topics: Vec<&str> = imported.lexicons.iter().map(|l| l.topic.as_str()).collect();
    match chosen.as_slice() {
        [one] => common::out(&import::to_toml(one, &imported.skipped)),
        [] => Err(CliError::Failed(format!(
            "{}: no category {:?} (help: its categories are {})",
            a.file.display(),
            a.category.as_deref().unwrap_or(""),
            topics.join(", ")
        ))),
        _ => Err(CliError::Failed(format!(
            "{}: {} categories ({}); one TOML file holds one topic (help: pick one with \
             --category NAME, or write them all with --out-dir DIR)",
            a.file.display(),
            topics.len(),
            topics.join(", ")
        ))),
    }
}

/// The converted lexicons must pass the same checks as any lexicon folder.
fn check_loads(imported: &Imported) -> Result<(), CliError> {
    let issues = rightslens::lint(&imported.lexicons);
    if let Some(i) = issues.iter().find(|i| i.severity == Severity::Error) {
        return Err(CliError::Failed(format!(
            "the converted lexicons do not pass the checks: {i}"
        )));
    }
    let mut b = Classifier::builder();
    b.without_builtin();
    for l in &imported.lexicons {
        b.lexicon(l.clone());
    }
    b.build()
        .map(|_| ())
        .map_err(|e| CliError::Failed(format!("the converted lexicons do not compile: {e}")))
}

fn write_dir(imported: &Imported, dir: &Path) -> Result<(), CliError> {
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("{}: cannot create: {}", dir.display(), common::io_cause(&e)))?;
    let targets: Vec<PathBuf> = imported
        .lexicons
        .iter()
        .map(|l| dir.join(format!("{}.toml", l.topic)))
        .collect();
    if let Some(p) = targets.iter().find(|p| p.exists()) {
        return Err(CliError::Failed(format!(
            "{}: already exists; nothing written (help: choose an empty folder)",
            p.display()
        )));
    }
    for (l, p) in imported.lexicons.iter().zip(&targets) {
        std::fs::write(p, import::to_toml(l, &imported.skipped))
            .map_err(|e| format!("{}: cannot write: {}", p.display(), common::io_cause(&e)))?;
        eprintln!("wrote {} ({} entries)", p.display(), l.entries.len());
    }
    Ok(())
}
