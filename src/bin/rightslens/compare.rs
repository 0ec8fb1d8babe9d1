//! `rightslens compare A B`: what one document raises that the other does not.

use crate::common::{self, CliError, LexiconArgs};
use rightslens::{Classifier, Report};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::process::ExitCode;

const AFTER_HELP: &str = "\
Examples:
  rightslens compare ngo_letter.txt readout.txt
  rightslens compare --format json ngo_letter.txt readout.txt

Typical use: A is a letter asking an official to raise issues, B the readout of the meeting.
The table puts the coverage scores side by side; the lists below it name the topics and the
political prisoners that A raises and B does not, and the reverse.";

/// Output format of `compare`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareFormat {
    /// A table for people.
    Table,
    /// One JSON object.
    Json,
}

/// Options of `rightslens compare`.
#[derive(clap::Args, Debug)]
#[command(after_help = AFTER_HELP)]
pub struct CompareArgs {
    /// First document (e.g. the letter asking to raise issues); - for standard input.
    #[arg(value_name = "A")]
    pub a: String,
    /// Second document (e.g. the readout of the meeting); - for standard input.
    #[arg(value_name = "B")]
    pub b: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CompareFormat::Table)]
    pub format: CompareFormat,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
}

/// One side of the comparison.
#[derive(Serialize, Debug)]
struct Side {
    id: String,
    words: usize,
    topics: BTreeMap<String, TopicSide>,
    prisoners: Vec<PrisonerSide>,
}

#[derive(Serialize, Debug, Clone, Copy)]
struct TopicSide {
    score: f64,
    evidence: f64,
    present: bool,
    primary: bool,
}

#[derive(Serialize, Debug, Clone)]
struct PrisonerSide {
    id: String,
    name: String,
    mentions: usize,
}

/// What one side raises and the other does not.
#[derive(Serialize, Debug, Default)]
struct Difference {
    /// Topics present on this side and absent on the other.
    topics: Vec<String>,
    /// Topics primary on this side and only present on the other.
    more_prominent: Vec<String>,
    /// Named prisoners on this side only (canonical names).
    prisoners: Vec<String>,
}

#[derive(Serialize, Debug)]
struct Comparison {
    a: Side,
    b: Side,
    only_in_a: Difference,
    only_in_b: Difference,
    /// Named prisoners both raise.
    prisoners_in_both: Vec<String>,
}

/// Runs `rightslens compare`.
pub fn run(a: &CompareArgs) -> Result<ExitCode, CliError> {
    if a.a == "-" && a.b == "-" {
        return Err(CliError::Failed(
            "only one of A and B can be - (standard input)".to_string(),
        ));
    }
    let ta = common::read_document(&a.a)?;
    let tb = common::read_document(&a.b)?;
    let clf = common::build_classifier(&a.lexicon)?;
    let name = |p: &str| {
        if p == "-" {
            "<stdin>".to_string()
        } else {
            p.to_string()
        }
    };
    let ra = clf.classify_with_id(&name(&a.a), &ta);
    let rb = clf.classify_with_id(&name(&a.b), &tb);
    let mut c = compare(&ra, &rb);
    // list topics in the classifier's (lexicon) order, as the table does
    let rank = |t: &String| {
        clf.topics()
            .iter()
            .position(|x| x == t)
            .unwrap_or(usize::MAX)
    };
    for d in [&mut c.only_in_a, &mut c.only_in_b] {
        d.topics.sort_by_key(rank);
        d.more_prominent.sort_by_key(rank);
    }
    let out = match a.format {
        CompareFormat::Json => {
            let mut s = serde_json::to_string_pretty(&c).map_err(|e| e.to_string())?;
            s.push('\n');
            s
        }
        CompareFormat::Table => table(&clf, &c),
    };
    common::out(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn side(r: &Report) -> Side {
    Side {
        id: r.id.clone(),
        words: r.words,
        topics: r
            .topics
            .iter()
            .map(|(t, s)| {
                (
                    t.clone(),
                    TopicSide {
                        score: s.score,
                        evidence: s.evidence,
                        present: s.present,
                        primary: s.primary,
                    },
                )
            })
            .collect(),
        prisoners: r
            .prisoners
            .iter()
            .map(|p| PrisonerSide {
                id: p.id.to_string(),
                name: p.name.to_string(),
                mentions: p.mentions.len(),
            })
            .collect(),
    }
}

fn difference(x: &Side, y: &Side) -> Difference {
    let mut d = Difference::default();
    for (t, s) in &x.topics {
        let other = y.topics.get(t);
        if s.present && !other.is_some_and(|o| o.present) {
            d.topics.push(t.clone());
        } else if s.primary && other.is_some_and(|o| o.present && !o.primary) {
            d.more_prominent.push(t.clone());
        }
    }
    for p in &x.prisoners {
        if !y.prisoners.iter().any(|q| q.id == p.id) {
            d.prisoners.push(p.name.clone());
        }
    }
    d
}

fn compare(ra: &Report, rb: &Report) -> Comparison {
    let (a, b) = (side(ra), side(rb));
    let only_in_a = difference(&a, &b);
    let only_in_b = difference(&b, &a);
    let prisoners_in_both = a
        .prisoners
        .iter()
        .filter(|p| b.prisoners.iter().any(|q| q.id == p.id))
        .map(|p| p.name.clone())
        .collect();
    Comparison {
        a,
        b,
        only_in_a,
        only_in_b,
        prisoners_in_both,
    }
}

fn level(s: Option<&TopicSide>) -> &'static str {
    match s {
        Some(s) if s.primary => "primary",
        Some(s) if s.present => "present",
        _ => "-",
    }
}

fn list(v: &[String]) -> String {
    if v.is_empty() {
        "none".to_string()
    } else {
        v.join(", ")
    }
}

fn table(clf: &Classifier, c: &Comparison) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "A: {} ({} words)", c.a.id, c.a.words);
    let _ = writeln!(o, "B: {} ({} words)\n", c.b.id, c.b.words);
    let _ = writeln!(
        o,
        "{:<22} {:>7} {:<8} {:>7} {:<8} note",
        "topic", "A score", "A", "B score", "B"
    );
    let mut topics: Vec<&String> = clf.topics().iter().collect();
    for t in c.a.topics.keys().chain(c.b.topics.keys()) {
        if !topics.contains(&t) {
            topics.push(t);
        }
    }
    for t in topics {
        let (sa, sb) = (c.a.topics.get(t), c.b.topics.get(t));
        let note = if c.only_in_a.topics.contains(t) {
            "only in A"
        } else if c.only_in_b.topics.contains(t) {
            "only in B"
        } else if c.only_in_a.more_prominent.contains(t) {
            "more prominent in A"
        } else if c.only_in_b.more_prominent.contains(t) {
            "more prominent in B"
        } else {
            ""
        };
        let _ = writeln!(
            o,
            "{:<22} {:>7.2} {:<8} {:>7.2} {:<8} {}",
            t,
            sa.map_or(0.0, |s| s.score),
            level(sa),
            sb.map_or(0.0, |s| s.score),
            level(sb),
            note
        );
    }
    // trim trailing spaces left by an empty note
    o = o.lines().map(str::trim_end).collect::<Vec<_>>().join("\n");
    o.push('\n');
    for (label, d) in [
        ("Raised in A, not in B", &c.only_in_a),
        ("Raised in B, not in A", &c.only_in_b),
    ] {
        let _ = writeln!(o, "\n{label}:");
        let _ = writeln!(o, "  topics:    {}", list(&d.topics));
        if !d.more_prominent.is_empty() {
            let _ = writeln!(o, "  (more prominent: {})", list(&d.more_prominent));
        }
        let _ = writeln!(o, "  prisoners: {}", list(&d.prisoners));
    }
    let _ = writeln!(
        o,
        "\nNamed prisoners in both: {}",
        list(&c.prisoners_in_both)
    );
    o
}
