//! `rightslens`: the command-line face of the rightslens library.
//!
//! One module per subcommand; every module exposes an `Args` struct (clap) and a
//! `run(&Args) -> Result<ExitCode, CliError>` (see [`common::CliError`]).

mod classify;
mod common;
mod compare;
mod evaluate;
mod explain;
mod html;
mod interrupt;
mod lexicon;

use clap::{Parser, Subcommand};
use common::CliError;
use std::process::ExitCode;

const AFTER_HELP: &str = "\
Examples:
  rightslens classify statements/ --format table
  rightslens explain readout.txt
  rightslens compare ngo_letter.txt readout.txt
  rightslens lexicon list
  rightslens evaluate --gold labels.jsonl docs/

Exit status: 0 success; 1 some inputs failed (under --strict) or classify found nothing to read;
2 usage or configuration error (also: a path named that does not exist, a text field missing
in every record); 130 / 143 classify interrupted by SIGINT / SIGTERM.";

/// Tells which China-related human-rights issues (Tibet, Xinjiang, Hong Kong, Taiwan,
/// political prisoners) a statement raises, how prominently, and why.
#[derive(Parser, Debug)]
#[command(name = "rightslens", version, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Classify files, folders or JSON Lines on standard input.
    Classify(classify::ClassifyArgs),
    /// Show a document with its hits highlighted and how each topic score was reached.
    Explain(explain::ExplainArgs),
    /// What topics and named prisoners one document raises that another does not.
    Compare(compare::CompareArgs),
    /// List, show, check, compare and convert lexicons.
    Lexicon(lexicon::LexiconCmd),
    /// Measure the classifier against hand labels (JSON Lines).
    Evaluate(evaluate::EvaluateArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Classify(a) => classify::run(a),
        Command::Explain(a) => explain::run(a).map_err(CliError::from_message),
        Command::Compare(a) => compare::run(a),
        Command::Lexicon(a) => lexicon::run(a),
        Command::Evaluate(a) => evaluate::run(a),
    };
    match result {
        Ok(code) => code,
        Err(CliError::BrokenPipe) => ExitCode::SUCCESS,
        Err(CliError::Failed(msg)) => {
            eprintln!("error: {msg}");
            ExitCode::from(2)
        }
    }
}
