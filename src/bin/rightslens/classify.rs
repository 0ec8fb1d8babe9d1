//! `rightslens classify`: classify files, folders, JSON Lines and CSV, streaming and in
//! parallel, with one output record per input (see `rightslens::corpus`).

use crate::common::{self, CliError, LexiconArgs};
use crate::html::corpus::CorpusPage;
use crate::interrupt::{Interrupt, Signal};
use rightslens::corpus::{
    estimate_bytes, scan_each, CorpusOptions, CsvWriter, Input, Outcome, Period, PrisonerCsvWriter,
    ReasonKind, Record, Summary, Tally, DEFAULT_MAX_DOCUMENT_BYTES,
};
use std::fs::File;
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

Exit status: 0 done; 1 nothing to classify (no input found, a warning says so) or, under
--strict, an input failed; 2 a path named here does not exist, the text field or column
(--text-field) is missing in every record, or another usage error; 130 / 143 interrupted by
SIGINT / SIGTERM (the output then ends with a whole record, and standard error says how to
resume with --skip).

CSV output columns: id, path, line, date, status, topic, score, present, primary, hits,
evidence, human_rights, prisoners, error. --prisoners-csv FILE writes one row per prisoner
mention: id, path, line, date, prisoner_id, name, listed, region, start, end, mention,
custody_start, custody_end, custody.

Examples:
  rightslens classify statements/ --format summary
  rightslens classify statements/ --format html > report.html
  rightslens classify news.jsonl --format jsonl --text-field body > reports.jsonl
  zcat dump.jsonl.gz | rightslens classify - --format csv > topics.csv
  rightslens classify news.jsonl --format csv --prisoners-csv people.csv > topics.csv
  rightslens classify news.jsonl --format jsonl --skip 5000 >> reports.jsonl";

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
    /// Also write one CSV row per prisoner mention to FILE (columns below).
    #[arg(long, value_name = "FILE")]
    pub prisoners_csv: Option<PathBuf>,
    /// Leave out the first N inputs (records) from the output and the counts, to resume an
    /// interrupted run; they are still read and classified.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub skip: u64,
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
    let period = match a.period {
        PeriodArg::Day => Period::Day,
        PeriodArg::Month => Period::Month,
        PeriodArg::Year => Period::Year,
    };
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
        .period(period);
    if a.paths.iter().filter(|p| *p == "-").count() > 1 {
        return Err(CliError::Failed(
            "standard input (-) can be read only once".to_string(),
        ));
    }
    check_paths_exist(&a.paths)?;
    let inputs: Vec<Input> = a.paths.iter().map(|p| Input::from_arg(p)).collect();

    // A progress bar only where a person watches it and it does not mix with the output.
    let show_progress = !a.quiet
        && io::stderr().is_terminal()
        && (a.format == Format::Summary || !io::stdout().is_terminal());
    let progress = show_progress.then(|| Progress::new(estimate_bytes(&inputs, &opts)));

    let mut people = match &a.prisoners_csv {
        Some(path) => Some(PeopleCsv::create(path)?),
        None => None,
    };
    let interrupt = Interrupt::install()?;
    let stdout = io::stdout();
    let w = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut out = match a.format {
        Format::Html => Output::Html(Box::new(CorpusPage::new(&clf, &a.paths, w))),
        _ => Output::new(a.format, w)?,
    };
    let started = Instant::now();
    let mut run = RunState::new(Tally::new(clf.topics(), period));
    // the run's summary counts the records written (`--skip` leaves some out), so the
    // library's own tally is not needed
    let result = scan_each(&clf, inputs, &opts, |record| {
        // Stop between two records: the output holds whole records only.
        if interrupt.received().is_some() {
            return Err(io::Error::new(io::ErrorKind::Interrupted, "interrupted"));
        }
        run.seen += 1;
        if run.seen <= a.skip {
            return Ok(());
        }
        if let Some(p) = &progress {
            p.record(&record);
        }
        out.record(&record)?;
        if let Some(people) = &mut people {
            people.write(&record)?;
        }
        run.add(record);
        Ok(())
    });
    if let Some(p) = &progress {
        p.finish();
    }
    let stopped_by = match result {
        Ok(_) => None,
        Err(e) => match interrupt.received() {
            Some(signal) => Some(signal),
            None => {
                if let Some(msg) = people.as_mut().and_then(|p| p.error.take()) {
                    return Err(CliError::Failed(msg));
                }
                let io = std::error::Error::source(&e).and_then(|s| s.downcast_ref::<io::Error>());
                return Err(match io {
                    Some(io) => common::write_error(io::Error::new(io.kind(), io.to_string())),
                    None => CliError::Failed(e.to_string()),
                });
            }
        },
    };
    let RunState {
        tally,
        seen,
        last_id,
        missing_text,
        structured,
    } = run;
    let summary = tally.finish();
    out.finish(&summary).map_err(common::write_error)?;
    if let Some(people) = people {
        people.finish()?;
    }
    if let Some(path) = &a.summary_json {
        let json = serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())?;
        std::fs::write(path, json + "\n")
            .map_err(|e| format!("{}: cannot write: {}", path.display(), common::io_cause(&e)))?;
    }
    if let Some(signal) = stopped_by {
        report_interruption(signal, seen, last_id.as_deref(), &summary);
        return Ok(ExitCode::from(signal.exit_status()));
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
    if seen == 0 {
        eprintln!(
            "warning: nothing to classify: no input found in {} (supported: .txt, .md, .html, .jsonl, .csv)",
            a.paths.join(", ")
        );
        return Ok(ExitCode::from(1));
    }
    if missing_text > 0 && missing_text == structured && summary.classified == 0 {
        return Err(CliError::Failed(format!(
            "no record has the text field or column \"{}\" ({missing_text} record{} failed; \
             help: name the field that holds the text with --text-field)",
            a.text_field,
            if missing_text == 1 { "" } else { "s" }
        )));
    }
    if a.strict && summary.failed > 0 {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Fails with exit status 2 (before any output) when a path named on the command line does
/// not exist, as ripgrep does; inside folders a vanished file stays a failed record.
fn check_paths_exist(paths: &[String]) -> Result<(), CliError> {
    let missing: Vec<String> = paths
        .iter()
        .filter(|p| *p != "-")
        .filter_map(|p| match std::fs::symlink_metadata(p) {
            Ok(_) => None,
            Err(e) => Some(format!("{p}: {}", common::io_cause(&e))),
        })
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(CliError::Failed(missing.join("; ")))
    }
}

/// What the record callback keeps: the counts of the records written and what the exit
/// status needs.
struct RunState {
    tally: Tally,
    /// Records received, including those left out by `--skip`.
    seen: u64,
    /// Id of the last record written.
    last_id: Option<String>,
    /// Records failed because the text field or column is missing.
    missing_text: u64,
    /// Records from JSON Lines or CSV (those with a line number, or a missing text column).
    structured: u64,
}

impl RunState {
    fn new(tally: Tally) -> RunState {
        RunState {
            tally,
            seen: 0,
            last_id: None,
            missing_text: 0,
            structured: 0,
        }
    }

    fn add(&mut self, record: Record) {
        self.tally.add(&record);
        let missing = record
            .outcome
            .reason()
            .is_some_and(|r| r.kind == ReasonKind::MissingText);
        self.missing_text += u64::from(missing);
        self.structured += u64::from(missing || record.line.is_some());
        self.last_id = Some(record.id);
    }
}

/// Tells on standard error that the run stopped, what was written, and how to resume.
fn report_interruption(signal: Signal, seen: u64, last_id: Option<&str>, summary: &Summary) {
    // The record that was refused when the signal was noticed is not counted in `seen`.
    let last = last_id.map_or(String::new(), |id| format!(", the last one {id:?}"));
    eprintln!(
        "interrupted by {}: the output holds {} whole record{} ({} classified, {} skipped, {} failed){last}; \
         to resume, run the same command with --skip {seen} and append to the output",
        signal.name(),
        summary.inputs,
        if summary.inputs == 1 { "" } else { "s" },
        summary.classified,
        summary.skipped,
        summary.failed,
    );
}

/// The `--prisoners-csv` file.
struct PeopleCsv {
    path: PathBuf,
    w: PrisonerCsvWriter<io::BufWriter<File>>,
    /// The message of a write error, to tell it from an error on standard output.
    error: Option<String>,
}

impl PeopleCsv {
    fn create(path: &std::path::Path) -> Result<PeopleCsv, CliError> {
        let cannot = |e: String| CliError::Failed(format!("{}: cannot write: {e}", path.display()));
        let f = File::create(path).map_err(|e| cannot(common::io_cause(&e)))?;
        let w = PrisonerCsvWriter::new(io::BufWriter::new(f)).map_err(|e| cannot(e.to_string()))?;
        Ok(PeopleCsv {
            path: path.to_path_buf(),
            w,
            error: None,
        })
    }

    fn write(&mut self, r: &Record) -> io::Result<()> {
        self.w.write(r).map_err(|e| {
            let msg = format!("{}: cannot write: {e}", self.path.display());
            self.error = Some(msg.clone());
            io::Error::other(msg)
        })
    }

    fn finish(mut self) -> Result<(), CliError> {
        self.w
            .flush()
            .map_err(|e| CliError::Failed(format!("{}: cannot write: {e}", self.path.display())))
    }
}

/// Where records go, in the chosen format.
enum Output<W: Write> {
    /// Table, JSON, JSON Lines or summary, written by hand; `line` is the JSON Lines
    /// record being formed, reused from record to record.
    Plain {
        format: Format,
        w: W,
        first: bool,
        line: Vec<u8>,
    },
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
            line: Vec::new(),
        })
    }

    fn record(&mut self, r: &Record) -> io::Result<()> {
        let (format, w, first, line) = match self {
            Output::Csv(c) => return c.write(r).map_err(to_io),
            Output::Html(h) => return h.record(r),
            Output::Plain {
                format,
                w,
                first,
                line,
            } => (*format, w, first, line),
        };
        match format {
            Format::Jsonl => {
                // formed in memory, then written at once: serde_json's many small writes go
                // to a `Vec` (inlined copies) instead of through the `BufWriter`
                line.clear();
                serde_json::to_writer(&mut *line, r)?;
                line.push(b'\n');
                w.write_all(line)
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
                    let line = format!("{:<32} {:<58} {}", r.id, topics, people.join(", "));
                    writeln!(w, "{}", line.trim_end())
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
