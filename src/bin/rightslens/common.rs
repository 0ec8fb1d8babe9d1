//! Options and helpers shared by the subcommands: lexicon selection, thread count, output.

use std::io::{self, Write};
use std::path::PathBuf;

/// Which lexicons to load and how many threads to use (shared by `classify`, `explain`,
/// `compare` and `evaluate`).
#[derive(clap::Args, Debug, Clone, Default)]
pub struct LexiconArgs {
    /// Use the lexicons in DIR (every *.toml) instead of the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub lexicons: Option<PathBuf>,
    /// Add a lexicon file to the lexicons in use (repeatable).
    #[arg(long = "add-lexicon", value_name = "FILE")]
    pub add_lexicon: Vec<PathBuf>,
    /// Add a prisoner registry, JSON Lines or CSV (repeatable; format in
    /// lexicons/registry/README.md).
    #[arg(long = "add-registry", value_name = "FILE")]
    pub add_registry: Vec<PathBuf>,
    /// Only report these topics (comma-separated, e.g. tibet,xinjiang).
    #[arg(long, value_name = "TOPICS", value_delimiter = ',')]
    pub topics: Vec<String>,
    /// Number of worker threads (default: one per CPU).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Most variants all lexicons together may hold.
    #[arg(long, value_name = "N", default_value_t = rightslens::DEFAULT_MAX_PATTERNS)]
    pub max_patterns: usize,
    /// Compiled-size limit of each regex variant, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = rightslens::DEFAULT_REGEX_SIZE_LIMIT)]
    pub regex_size_limit: usize,
}

/// Hits stored per report by the command-line tool (`hits_dropped` counts the rest).
pub const MAX_STORED_HITS: usize = 10_000;

/// Builds the classifier the options ask for and sizes the global thread pool.
///
/// Errors are one line naming the lexicon file (and line) and the cause.
pub fn build_classifier(a: &LexiconArgs) -> Result<rightslens::Classifier, String> {
    if let Some(n) = a.threads {
        if n == 0 {
            return Err("--threads must be at least 1".to_string());
        }
        // A second call (e.g. in one process running two subcommands) keeps the first pool.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
    let mut b = rightslens::Classifier::builder();
    b.max_patterns(a.max_patterns)
        .regex_size_limit(a.regex_size_limit);
    // Bound memory on hostile input (a document of "Tibet. " repeated): reports keep the
    // first MAX_STORED_HITS hits; scores and counts still include every hit.
    b.max_hits(MAX_STORED_HITS);
    if let Some(dir) = &a.lexicons {
        if !dir.is_dir() {
            return Err(format!(
                "{}: not a directory (--lexicons takes a folder of *.toml lexicons)",
                dir.display()
            ));
        }
        b.without_builtin().lexicon_dir(dir);
    }
    for f in &a.add_lexicon {
        b.lexicon_file(f);
    }
    for f in &a.add_registry {
        b.registry_file(f);
    }
    let topics: Vec<&str> = a
        .topics
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect();
    if !topics.is_empty() {
        b.topics(&topics);
    }
    b.build().map_err(|e| build_error(&e, a))
}

/// A build error as one line; a limit names the lexicons when no single file is to blame,
/// and the option that raises it.
fn build_error(e: &rightslens::Error, a: &LexiconArgs) -> String {
    let rightslens::ErrorKind::Limit(msg) = e.kind() else {
        return e.to_string();
    };
    let s = e
        .to_string()
        .replace(" (help: raise it with ClassifierBuilder::max_patterns)", "");
    let help = if msg.contains("variants exceed") {
        format!(
            "raise the limit with --max-patterns N, now {}",
            a.max_patterns
        )
    } else if msg.contains("regex") {
        format!(
            "raise the limit with --regex-size-limit BYTES, now {}",
            a.regex_size_limit
        )
    } else {
        "use fewer regex variants".to_string()
    };
    if e.path().is_some() {
        return format!("{s} (help: {help})");
    }
    let mut files: Vec<String> = Vec::new();
    match &a.lexicons {
        Some(dir) => files.push(format!("{}/*.toml", dir.display())),
        None => files.push("the built-in lexicons".to_string()),
    }
    files.extend(a.add_lexicon.iter().map(|f| f.display().to_string()));
    files.extend(a.add_registry.iter().map(|f| f.display().to_string()));
    format!("{s}, in {} together (help: {help})", files.join(", "))
}

/// Reads a document as `classify` reads it: a file path, or `-` for standard input (HTML when
/// it starts like a page). The encoding is found as in corpus runs and a web page gives its
/// title and main content, so offsets and hits agree with `classify`.
pub fn read_document(path: &str) -> Result<String, String> {
    use rightslens::corpus::{document_text, Markup};
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        io::Read::read_to_end(&mut io::stdin().lock(), &mut buf)
            .map_err(|e| format!("<stdin>: cannot read: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("{path}: cannot read: {}", io_cause(&e)))?
    };
    let (name, markup) = if path == "-" {
        ("<stdin>", Markup::sniff(&bytes))
    } else {
        (path, Markup::of_path(std::path::Path::new(path)))
    };
    let jsonl = std::path::Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"));
    if jsonl {
        let head = &bytes[..bytes.len().min(256 << 10)];
        if let Some(n) = rightslens::corpus::label_records(head, "text") {
            return Err(format!(
                "{name}: skipped: label file, not documents: none of its first {n} records \
                 has a \"text\" field"
            ));
        }
    }
    let doc = document_text(&bytes, markup).map_err(|r| format!("{name}: {r}"))?;
    if doc.lossy {
        eprintln!(
            "{name}: note: malformed {} bytes replaced by U+FFFD",
            doc.encoding
        );
    }
    Ok(doc.text)
}

/// A short lowercase cause for an I/O error, without the OS error number.
pub fn io_cause(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            let s = s.find(" (os error").map_or(s.as_str(), |i| &s[..i]);
            let mut c = s.chars();
            match c.next() {
                Some(first) => first.to_lowercase().chain(c).collect(),
                None => String::new(),
            }
        }
    }
}

/// Why a subcommand stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CliError {
    /// The reader of standard output went away (`| head`): `main` exits quietly, status 0.
    BrokenPipe,
    /// A one-line message; `main` prints it and exits with status 2.
    Failed(String),
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::BrokenPipe => f.write_str("broken pipe"),
            CliError::Failed(m) => f.write_str(m),
        }
    }
}

impl From<String> for CliError {
    fn from(message: String) -> CliError {
        CliError::Failed(message)
    }
}

/// What a broken pipe becomes in a subcommand that still reports errors as `String`
/// (`explain`); [`CliError::from_message`] turns it back.
const BROKEN_PIPE_MESSAGE: &str = "\u{0}broken pipe";

impl From<CliError> for String {
    fn from(e: CliError) -> String {
        match e {
            CliError::BrokenPipe => BROKEN_PIPE_MESSAGE.to_string(),
            CliError::Failed(m) => m,
        }
    }
}

impl CliError {
    /// The error of a subcommand that reports errors as `String` (see [`BROKEN_PIPE_MESSAGE`]).
    pub fn from_message(message: String) -> CliError {
        if message == BROKEN_PIPE_MESSAGE {
            CliError::BrokenPipe
        } else {
            CliError::Failed(message)
        }
    }
}

/// Writes a string to standard output; a closed pipe (`| head`) is [`CliError::BrokenPipe`],
/// after which the caller should stop.
pub fn out(s: &str) -> Result<(), CliError> {
    let mut o = io::stdout().lock();
    o.write_all(s.as_bytes())
        .and_then(|_| o.flush())
        .map_err(write_error)
}

/// Turns an error writing to standard output into the CLI's error
/// ([`CliError::BrokenPipe`] when the reader went away, so `main` exits quietly).
pub fn write_error(e: io::Error) -> CliError {
    if e.kind() == io::ErrorKind::BrokenPipe {
        CliError::BrokenPipe
    } else {
        CliError::Failed(format!("<stdout>: cannot write: {}", io_cause(&e)))
    }
}
