//! Classify a whole corpus (folders, files, JSON Lines, CSV, HTML) with bounded memory, and
//! account for every input.
//!
//! ```text
//! cargo run --release --example scan_corpus -- [PATH...] [--jsonl] [--text-field NAME]
//! ```
//!
//! Without a path it reads the sample statements in `examples/data`; `-` reads JSON Lines
//! from standard input. By default it prints one line per input and the summary of the run;
//! with `--jsonl` it prints one JSON line per input (a report, or the reason it has none) and
//! writes the summary to standard error.

use rightslens::corpus::{scan, CorpusOptions, Input, Outcome};
use rightslens::Classifier;
use std::io::Write;

fn main() {
    if let Err(e) = run() {
        // A closed pipe (`| head`) is a normal way to stop reading, not an error.
        let io = e.downcast_ref::<std::io::Error>().or_else(|| {
            std::error::Error::source(&*e).and_then(|s| s.downcast_ref::<std::io::Error>())
        });
        let broken_pipe = io.is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe);
        if !broken_pipe {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    // 1. Arguments: paths, `-` for standard input, and a few options.
    let mut inputs = Vec::new();
    let mut jsonl = false;
    let mut options = CorpusOptions::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--jsonl" => jsonl = true,
            "--text-field" => {
                options.text_field(&args.next().ok_or("--text-field needs a name")?);
            }
            "-h" | "--help" => {
                println!("usage: scan_corpus [PATH...] [--jsonl] [--text-field NAME]");
                return Ok(());
            }
            _ => inputs.push(Input::from_arg(&arg)),
        }
    }
    if inputs.is_empty() {
        inputs.push(Input::path(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data"
        )));
    }

    // 2. Compile the built-in lexicons once. This is the only step that can fail for a
    //    reason other than the output.
    let clf = Classifier::new()?;

    // 3. Scan. The callback sees one record per input (a file, a JSON line or a CSV row), in
    //    input order, whatever the number of threads; the reader stays a few batches ahead,
    //    so memory does not grow with the corpus. An error returned here stops the run.
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let summary = scan(&clf, inputs, &options, |record| {
        if jsonl {
            // The report with `path`, `line`, `date`... added, or
            // {"id", "path", "status", "reason", "error"}: exactly one line per input.
            serde_json::to_writer(&mut out, &record)?;
            writeln!(out)
        } else {
            match &record.outcome {
                Outcome::Classified(report) => {
                    let topics: Vec<String> = report
                        .present_topics()
                        .map(|(t, s)| format!("{t} {:.2}", s.score))
                        .collect();
                    writeln!(out, "{:<40} {}", record.id, topics.join(", "))
                }
                Outcome::Skipped(reason) | Outcome::Failed(reason) => writeln!(
                    out,
                    "{:<40} {}: {reason}",
                    record.id,
                    record.outcome.status()
                ),
            }
        }
    })?;
    out.flush()?;

    // 4. The summary: counts that add up, topics, co-occurrence, people, time series.
    let table = summary.table(10);
    if jsonl {
        eprint!("{table}");
    } else {
        writeln!(out, "\n{table}")?;
        out.flush()?;
    }
    Ok(())
}
