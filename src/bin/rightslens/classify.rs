//! `rightslens classify`: classify files, folders, JSON Lines and CSV, streaming and in
//! parallel, with one output record per input (see `rightslens::corpus`).

use crate::common::{self, CliError, LexiconArgs};
use crate::html::corpus::CorpusPage;
use rightslens::corpus::{
    estimate_bytes, scan, CorpusOptions, CsvWriter, Input, Outcome, Period, Record, Summary,
    DEFAULT_MAX_DOCUMENT_BYTES,
};
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Output formats of `rightslens classify`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One line per input: id, topics present with scores (* = primary), people named.
    Table,
    /// One JSON document: {"records": [...], "summary": {...}}.
    Json,
    /// One JSON line per input: its report, or {"id", "path", "status", "reason", "error"}.
    Jsonl,
    /// Tidy long CSV: one row per input and topic.
    Csv,
    /// Only the summary of the run (counts, topics, co-occurrence, people, time series).
    Summary,
    /// One self-contained HTML page: charts, documents with their evidence, run manifest.
    Html,
}

/// Period of the time series in the summary.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodArg {
    /// Per day.
    Day,
    /// Per month.
    Month,
    /// Per year.
    Year,
}

const AFTER_HELP: &str = "\
Inputs: folders are walked recursively in sorted order (hidden files and .gitignore'd files
left out); .txt/.md are read as text, .html/.htm as visible text, .jsonl/.ndjson one document
per line, .csv one document per row; `-` reads JSON Lines from standard input.

Every input (file, JSON line, CSV row) yields exactly one output record: its report, or the
reason it was skipped or failed. Output order is input order, whatever --threads is.

Examples:
  rightslens classify statements/ --format summary
  rightslens classify statements/ --format html > report.html
  rightslens classify news.jsonl --format jsonl --text-field body > reports.jsonl
  zcat dump.jsonl.gz | rightslens classify - --format csv > topics.csv";

/// Options of `rightslens classify`.
#[derive(clap::Args, Debug)]
#[command(after_help = AFTER_HELP)]
pub struct ClassifyArgs {
    /// Files or folders to classify; `-` reads JSON Lines from standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// JSON field or CSV column holding the text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,
    /// JSON field or CSV column holding the document id (else `file:line`).
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,
    /// JSON field or CSV column holding the date (else a date in the file name).
    #[arg(long, value_name = "NAME", default_value = "date")]
    pub date_field: String,
    /// Period of the time series in the summary.
    #[arg(long, value_enum, default_value_t = PeriodArg::Month)]
    pub period: PeriodArg,
    /// Follow symbolic links inside folders (loops are detected).
    #[arg(long)]
    pub follow_symlinks: bool,
    /// Include hidden files and folders.
    #[arg(long)]
    pub hidden: bool,
    /// Do not leave out files matched by .gitignore / .ignore rules.
    #[arg(long)]
    pub no_ignore: bool,
    /// Exit with status 1 if any input failed.
    #[arg(long)]
    pub strict: bool,
    /// Skip inputs with malformed bytes (in their encoding; JSON Lines and CSV: UTF-8) instead of
    /// decoding them with replacement characters.
    #[arg(long)]
    pub strict_utf8: bool,
    /// Fail a whole CSV file whose quote is never closed (default: fail the row and each
    /// line the quote swallowed, with line numbers, and classify the rest).
    #[arg(long)]
    pub strict_csv: bool,
    /// Add the classified text to each JSON line ("text"; for web pages the extracted main
    /// content), the text that hit offsets refer to.
    #[arg(long)]
    pub emit_text: bool,
    /// No progress bar and no closing counts on standard error.
    #[arg(short, long)]
    pub quiet: bool,
    /// Largest file, JSON line or CSV row read (bytes; K, M, G suffixes allowed); larger ones are skipped.
    #[arg(long, value_name = "BYTES", value_parser = parse_bytes, default_value_t = DEFAULT_MAX_DOCUMENT_BYTES)]
    pub max_bytes: usize,
    /// Also write the summary of the run as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub summary_json: Option<PathBuf>,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
}

/// `123`, `64K`, `32M`, `2G` (binary multiples).
fn parse_bytes(s: &str) -> Result<usize, String> {
    let s = s.trim();
    let (num, mult) = match s.char_indices().last() {
        Some((i, 'k' | 'K')) => (&s[..i], 1usize << 10),
        Some((i, 'm' | 'M')) => (&s[..i], 1 << 20),
        Some((i, 'g' | 'G')) => (&s[..i], 1 << 30),
        _ => (s, 1),
    };
    let n: usize = num
        .trim()
        .parse()
        .map_err(|_| format!("{s:?} is not a size (help: write e.g. 1048576, 512K, 64M or 1G)"))?;
    n.checked_mul(mult)
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("{s:?} is not a usable size"))
}

/// Runs `rightslens classify`.
pub fn run(a: &ClassifyArgs) -> Result<ExitCode, CliError> {
    let clf = common::build_classifier(&a.lexicon)?;
    let mut opts = CorpusOptions::new();
    opts.text_field(&a.text_field)
        .id_field(&a.id_field)
        .date_field(&a.date_field)
        .follow_symlinks(a.follow_symlinks)
        .include_hidden(a.hidden)
        .respect_ignore_files(!a.no_ignore)
        .strict_utf8(a.strict_utf8)
        .strict_csv(a.strict_csv)
        .emit_text(a.emit_text)
        .max_document_bytes(a.max_bytes)
        .period(match a.period {
            PeriodArg::Day => Period::Day,
            PeriodArg::Month => Period::Month,
            PeriodArg::Year => Period::Year,
        });
    if a.paths.iter().filter(|p| *p == "-").count() > 1 {
        return Err(CliError::Failed(
            "standard input (-) can be read only once".to_string(),
        ));
    }
    let inputs: Vec<Input> = a.paths.iter().map(|p| Input::from_arg(p)).collect();

    // A progress bar only where a person watches it and it does not mix with the output.
    let show_progress = !a.quiet
        && io::stderr().is_terminal()
        && (a.format == Format::Summary || !io::stdout().is_terminal());
    let progress = show_progress.then(|| Progress::new(estimate_bytes(&inputs, &opts)));

    let stdout = io::stdout();
    let w = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut out = match a.format {
        Format::Html => Output::Html(Box::new(CorpusPage::new(&clf, &a.paths, w))),
        _ => Output::new(a.format, w)?,
    };
    let started = Instant::now();
    let result = scan(&clf, inputs, &opts, |record| {
        if let Some(p) = &progress {
            p.record(&record);
        }
        out.record(&record)
    });
    if let Some(p) = &progress {
        p.finish();
    }
    let summary = match result {
        Ok(s) => s,
        Err(e) => {
            let io = std::error::Error::source(&e).and_then(|s| s.downcast_ref::<io::Error>());
            return Err(match io {
                Some(io) => common::write_error(io::Error::new(io.kind(), io.to_string())),
                None => CliError::Failed(e.to_string()),
            });
        }
    };
    out.finish(&summary).map_err(common::write_error)?;
    if let Some(path) = &a.summary_json {
        let json = serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())?;
        std::fs::write(path, json + "\n")
            .map_err(|e| format!("{}: cannot write: {}", path.display(), common::io_cause(&e)))?;
    }
    // The summary format already starts with these counts.
    if !a.quiet && a.format != Format::Summary {
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        eprintln!(
            "{} inputs: {} classified, {} skipped, {} failed ({:.1} MB of text in {:.1} s, {:.1} MB/s)",
            summary.inputs,
            summary.classified,
            summary.skipped,
            summary.failed,
            summary.bytes as f64 / 1e6,
            secs,
            summary.bytes as f64 / 1e6 / secs
        );
    }
    if !a.quiet && a.format != Format::Summary && summary.dates_unread > 0 {
        eprintln!(
            "{} dates not read (e.g. {})",
            summary.dates_unread,
            summary.dates_unread_examples.join("; ")
        );
    }
    if a.strict && summary.failed > 0 {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Where records go, in the chosen format.
enum Output<W: Write> {
    /// Table, JSON, JSON Lines or summary, written by hand.
    Plain { format: Format, w: W, first: bool },
    /// CSV, through the library's tidy writer.
    Csv(Box<CsvWriter<W>>),
    /// One HTML page, written when the run ends.
    Html(Box<CorpusPage<W>>),
}

impl<W: Write> Output<W> {
    fn new(format: Format, mut w: W) -> Result<Output<W>, CliError> {
        match format {
            Format::Csv => {
                return CsvWriter::new(w)
                    .map(|c| Output::Csv(Box::new(c)))
                    .map_err(|e| CliError::Failed(e.to_string()))
            }
            Format::Table => writeln!(
                w,
                "{:<32} {:<58} people named",
                "document", "topics present (score; * = primary)"
            )
            .map_err(common::write_error)?,
            Format::Json => write!(w, "{{\"records\":[").map_err(common::write_error)?,
            Format::Jsonl | Format::Summary | Format::Html => {}
        }
        Ok(Output::Plain {
            format,
            w,
            first: true,
        })
    }

    fn record(&mut self, r: &Record) -> io::Result<()> {
        let (format, w, first) = match self {
            Output::Csv(c) => return c.write(r).map_err(to_io),
            Output::Html(h) => return h.record(r),
            Output::Plain { format, w, first } => (*format, w, first),
        };
        match format {
            Format::Jsonl => {
                serde_json::to_writer(&mut *w, r)?;
                w.write_all(b"\n")
            }
            Format::Json => {
                if !*first {
                    w.write_all(b",")?;
                }
                *first = false;
                w.write_all(b"\n")?;
                serde_json::to_writer(&mut *w, r).map_err(io::Error::from)
            }
            Format::Table => match &r.outcome {
                Outcome::Classified(report) => {
                    let topics: Vec<String> = report
                        .present_topics()
                        .map(|(t, s)| {
                            format!("{t} {:.2}{}", s.score, if s.primary { "*" } else { "" })
                        })
                        .collect();
                    let topics = if topics.is_empty() {
                        "-".to_string()
                    } else {
                        topics.join(", ")
                    };
                    let people: Vec<&str> = report.prisoners.iter().map(|p| &*p.name).collect();
                    writeln!(w, "{:<32} {:<58} {}", r.id, topics, people.join(", "))
                }
                Outcome::Skipped(reason) | Outcome::Failed(reason) => {
                    writeln!(w, "{:<32} {}: {}", r.id, r.outcome.status(), reason)
                }
            },
            Format::Summary | Format::Csv | Format::Html => Ok(()),
        }
    }

    fn finish(self, summary: &Summary) -> io::Result<()> {
        let (format, mut w) = match self {
            Output::Csv(mut c) => return c.flush().map_err(to_io),
            Output::Html(h) => return h.finish(summary),
            Output::Plain { format, w, .. } => (format, w),
        };
        match format {
            Format::Json => {
                write!(w, "\n],\"summary\":")?;
                serde_json::to_writer(&mut w, summary)?;
                writeln!(w, "}}")?;
            }
            Format::Summary => write!(w, "{}", summary.table(20))?,
            Format::Table | Format::Jsonl | Format::Csv | Format::Html => {}
        }
        w.flush()
    }
}

/// The sink-side error of a CSV write, back as an `io::Error` (keeping a broken pipe's kind).
fn to_io(e: rightslens::Error) -> io::Error {
    match std::error::Error::source(&e).and_then(|s| s.downcast_ref::<io::Error>()) {
        Some(io) => io::Error::new(io.kind(), io.to_string()),
        None => io::Error::other(e.to_string()),
    }
}

/// The progress bar: bytes against the estimated total, documents per second, ETA.
struct Progress {
    bar: indicatif::ProgressBar,
    docs: std::cell::Cell<u64>,
    started: Instant,
}

impl Progress {
    fn new(total: Option<u64>) -> Progress {
        let bar = match total {
            Some(n) => indicatif::ProgressBar::new(n),
            None => indicatif::ProgressBar::new_spinner(),
        };
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(4));
        let template = if total.is_some() {
            "{elapsed_precise} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {msg} ETA {eta}"
        } else {
            "{spinner} {elapsed_precise} {bytes} {bytes_per_sec} {msg}"
        };
        if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.enable_steady_tick(Duration::from_millis(250));
        Progress {
            bar,
            docs: std::cell::Cell::new(0),
            started: Instant::now(),
        }
    }

    fn record(&self, r: &Record) {
        self.bar.inc(r.input_bytes);
        let n = self.docs.get() + 1;
        self.docs.set(n);
        if n.is_multiple_of(64) {
            let secs = self.started.elapsed().as_secs_f64().max(1e-9);
            self.bar
                .set_message(format!("{n} inputs ({:.0}/s)", n as f64 / secs));
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
