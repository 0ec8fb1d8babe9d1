//! # rightslens
//!
//! rightslens reads statements (diplomatic readouts, press-conference transcripts, NGO
//! letters, news) and tells which China-related human-rights issues they raise: **Tibet,
//! Xinjiang / East Turkestan, Hong Kong, Taiwan and political prisoners**, how prominently,
//! and why, with evidence a person can check (byte offsets into the original text).
//!
//! ## Tour
//!
//! * [`Classifier`] is compiled once from lexicons by a [`ClassifierBuilder`] and is then
//!   immutable, cheap to clone and `Send + Sync`.
//! * [`Classifier::classify`] returns a [`Report`]: one [`TopicScore`] per topic (coverage
//!   score, `present`, `primary` and the figures behind them), every [`Hit`], and the named
//!   [`Prisoner`]s. Reports are plain serde data.
//! * [`Lexicon`]s are TOML data files (`lexicons/` in the repository, embedded in the library);
//!   [`lint`] checks them. The format is in `lexicons/README.md`.
//! * [`score`] documents the scoring model; [`segment`] and [`normalize`] say what counts as a
//!   sentence, a word and a match.
//! * [`corpus`] runs whole collections (folders, `.txt`/`.md`/`.html`, JSON Lines, CSV,
//!   standard input) in parallel with bounded memory: [`corpus::scan`] yields one [`Record`]
//!   per input, classified or with the reason it was not, and a [`Summary`] of the run.
//!
//! ## Classify a string
//!
//! ```
//! use rightslens::Classifier;
//!
//! let clf = Classifier::new()?;
//! let report = clf.classify(
//!     "The Secretary raised the cases of the Panchen Lama Gedhun Choekyi Nyima and \
//!      Ilham Tohti, and concerns about Tibet and Xinjiang.",
//! );
//! assert!(report.topics["tibet"].present);
//! assert!(report.topics["political_prisoners"].present);
//! assert!(!report.topics["taiwan"].present);
//! let names: Vec<&str> = report.prisoners.iter().map(|p| p.name.as_ref()).collect();
//! assert!(names.contains(&"Ilham Tohti"));
//! # Ok::<(), rightslens::Error>(())
//! ```
//!
//! ## Add your own lexicon
//!
//! ```
//! let macau = r#"
//! [lexicon]
//! topic = "macau"
//! sources = ["own notes"]
//!
//! [[entry]]
//! id = "macau.place.macau"
//! kind = "place"
//! variants = ["Macau", "Macao"]
//! source = "Wikipedia: Macau"
//! "#;
//! let clf = rightslens::Classifier::builder().lexicon_str("macau.toml", macau).build()?;
//! assert!(clf.classify("Elections in Macao").topics["macau"].present);
//! # Ok::<(), rightslens::Error>(())
//! ```
//!
//! ## Many documents in parallel
//!
//! ```
//! use rightslens::{Classifier, Document};
//! let clf = Classifier::new()?;
//! let docs = vec![
//!     Document::new("a", "They discussed the Taiwan Strait."),
//!     Document::new("b", "Hong Kong stocks closed higher on the Hang Seng."),
//! ];
//! let reports = clf.classify_documents(&docs);
//! assert!(reports[0].topics["taiwan"].present);
//! assert!(!reports[1].topics["hong_kong"].present);
//! # Ok::<(), rightslens::Error>(())
//! ```
//!
//! ## JSON
//!
//! ```
//! let clf = rightslens::Classifier::new()?;
//! let json = serde_json::to_string(&clf.classify_with_id("doc-1", "Free Tibet"))?;
//! assert!(json.starts_with("{\"id\":\"doc-1\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Crate features
//!
//! One feature, `cli` (on by default), builds the `rightslens` command-line tool and brings
//! its dependencies (clap, indicatif, and signal-hook on Unix). Everything above is always
//! available; library users who do not want the tool depend on rightslens with
//! `default-features = false`.
#![deny(missing_docs)]
#![deny(unsafe_code)]
#![deny(rustdoc::broken_intra_doc_links)]
#![doc(test(attr(deny(warnings))))]

mod blocks;
mod classifier;
pub mod corpus;
mod error;
pub mod evaluate;
mod intern;
mod lexicon;
mod matcher;
pub mod normalize;
mod prisoners;
mod report;
pub mod score;
pub mod segment;
mod words;

pub use classifier::{
    Classifier, ClassifierBuilder, Document, DEFAULT_MAX_PATTERNS, DEFAULT_REGEX_SIZE_LIMIT,
    DEFAULT_WINDOW_BYTES,
};
/// The string type of [`Hit::text`] and [`Mention::text`], re-exported from `compact_str`.
pub use compact_str::CompactString;
pub use corpus::{CorpusOptions, Input, Outcome, Record, Summary};
pub use error::{Error, ErrorKind, Result};
pub use lexicon::import;
pub use lexicon::{
    lint, Entry, EntryKind, Frame, Framing, Lexicon, LintIssue, MatchMode, Requirement, Role,
    Sense, Severity, Thresholds, CONTEXT_TOPIC, DEFAULT_TOPICS,
};
pub use report::{FramingCounts, Hit, Judgement, Mention, Prisoner, Report, TopicScore};
pub use score::{ScoreModel, SenseReason};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
