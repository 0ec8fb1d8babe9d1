//! Classify every `.txt` and `.md` file under a folder, in parallel.
//!
//! ```text
//! cargo run --release --example classify_folder -- [FOLDER] [--jsonl]
//! ```
//!
//! Without a folder it reads the sample statements shipped in `examples/data`. By default it
//! prints a table (document, topics present with their coverage scores, people named); with
//! `--jsonl` it prints one JSON report per document. A document's id is its path relative to
//! the folder, without extension (`docs/000.txt` under `docs` gives `000`).

use rightslens::{Classifier, Document};
use std::io::Write;
use std::path::{Path, PathBuf};

fn main() {
    if let Err(e) = run() {
        // A closed pipe (`| head`) is a normal way to stop reading, not an error.
        let broken_pipe = e
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe);
        if !broken_pipe {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut folder = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data"));
    let mut jsonl = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--jsonl" => jsonl = true,
            "-h" | "--help" => {
                println!("usage: classify_folder [FOLDER] [--jsonl]");
                return Ok(());
            }
            _ => folder = PathBuf::from(arg),
        }
    }

    // 1. Collect the files, sorted so that the output order never depends on the file system.
    let mut files = Vec::new();
    walk(&folder, &mut files)?;
    files.sort();

    // 2. Read them. A file that cannot be read or is not UTF-8 is reported, not dropped.
    let mut docs = Vec::new();
    for path in &files {
        let id = path
            .strip_prefix(&folder)
            .unwrap_or(path)
            .with_extension("")
            .to_string_lossy()
            .replace('\\', "/");
        match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => docs.push(Document::new(id, text)),
                Err(_) => eprintln!("skipped {}: not valid UTF-8", path.display()),
            },
            Err(e) => eprintln!("skipped {}: {e}", path.display()),
        }
    }

    // 3. Compile the built-in lexicons once, then classify in parallel (output keeps input order).
    let clf = Classifier::new()?;
    let reports = clf.classify_documents(&docs);

    // 4. Print.
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if jsonl {
        for r in &reports {
            serde_json::to_writer(&mut out, r)?;
            writeln!(out)?;
        }
        out.flush()?;
        return Ok(());
    }
    writeln!(
        out,
        "{:<28} {:<58} people named",
        "document", "topics present (score; * = primary)"
    )?;
    for r in &reports {
        let topics: Vec<String> = r
            .present_topics()
            .map(|(t, s)| format!("{t} {:.2}{}", s.score, if s.primary { "*" } else { "" }))
            .collect();
        let people: Vec<&str> = r.prisoners.iter().map(|p| &*p.name).collect();
        let topics = if topics.is_empty() {
            "-".to_string()
        } else {
            topics.join(", ")
        };
        writeln!(out, "{:<28} {:<58} {}", r.id, topics, people.join(", "))?;
    }
    out.flush()?;
    Ok(())
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let ft = entry.file_type()?;
        if ft.is_dir() {
            walk(&path, out)?;
        } else if ft.is_file()
            && matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("txt" | "md")
            )
        {
            out.push(path);
        }
    }
    Ok(())
}
