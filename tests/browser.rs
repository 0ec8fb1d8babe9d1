//! The HTML reports in a real browser: headless Chromium loads the corpus report
//! (`classify --format html`) and the document report (`explain --format html`), and the test
//! reads the DOM Chromium built (`--dump-dom`) and takes screenshots (`--screenshot`).
//!
//! It checks that the charts and the highlights are in the rendered page and that a
//! `<script>` written inside a document did not run (it would mark the page).
//!
//! Chromium is looked up as `$RIGHTSLENS_CHROMIUM`, then `chromium`, `chromium-browser`,
//! `google-chrome` on the `PATH`. Where none is found the test prints that it is SKIPPED and
//! passes, unless `RIGHTSLENS_REQUIRE_CHROMIUM=1` (set by `.ci/run`, which installs Debian's
//! `chromium`), when a missing browser is a failure.
#![cfg(feature = "cli")]

use assert_cmd::Command;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

/// A document that tries to run a script in the report in three ways.
const HOSTILE: &str = "Police detained Uyghurs in Xinjiang after protests in Hong Kong. \
<script>document.body.setAttribute('data-pwned','script')</script> \
<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\"> \
\"><svg onload=\"document.body.setAttribute('data-pwned','svg')\"> Tibet's monks were jailed.";

fn chromium() -> Option<PathBuf> {
    let names = std::env::var_os("RIGHTSLENS_CHROMIUM")
        .map(PathBuf::from)
        .into_iter()
        .chain(["chromium", "chromium-browser", "google-chrome"].map(PathBuf::from));
    for n in names {
        if n.is_absolute() && n.is_file() {
            return Some(n);
        }
        let path = std::env::var_os("PATH").unwrap_or_default();
        for dir in std::env::split_paths(&path) {
            let p = dir.join(&n);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// Chromium, or `None` after saying the test is skipped (a failure when it is required).
fn browser_or_skip() -> Option<PathBuf> {
    let found = chromium();
    if found.is_none() {
        let required = std::env::var("RIGHTSLENS_REQUIRE_CHROMIUM").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "RIGHTSLENS_REQUIRE_CHROMIUM=1 but no chromium on the PATH \
             (help: apt-get install chromium, or set RIGHTSLENS_CHROMIUM)"
        );
        // straight to the stream, past the test harness's capture, so `cargo test` shows it
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: tests/browser.rs needs Chromium (apt-get install chromium); none found, \
             so the HTML reports were not checked in a browser"
        );
    }
    found
}

/// Runs Chromium headless on a local file with extra arguments; returns standard output.
fn run_chromium(bin: &Path, profile: &Path, args: &[String], page: &Path) -> String {
    let mut child = std::process::Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--hide-scrollbars",
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut s);
        s
    });
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait on chromium").is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish within 120 s on {}", page.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().expect("reader thread")
}

fn rl() -> Command {
    Command::cargo_bin("rightslens").expect("binary built")
}

/// The DOM after load, and a screenshot checked to be a PNG of some size.
fn render(bin: &Path, dir: &Path, page: &Path, shot: &Path, height: u32) -> String {
    let profile = dir.join(format!("profile-{}", shot.display().to_string().len()));
    let dom = run_chromium(bin, &profile, &["--dump-dom".to_string()], page);
    assert!(
        dom.contains("<body"),
        "no DOM from chromium for {}",
        page.display()
    );
    run_chromium(
        bin,
        &profile,
        &[
            format!("--screenshot={}", shot.display()),
            format!("--window-size=900,{height}"),
        ],
        page,
    );
    let png = std::fs::read(shot).expect("a screenshot was written");
    assert!(png.starts_with(b"\x89PNG"), "not a PNG");
    assert!(png.len() > 10_000, "screenshot of {} bytes", png.len());
    dom
}

fn assert_no_script_ran(dom: &str) {
    assert!(
        !dom.contains("data-pwned=\""),
        "a script from the document ran"
    );
    assert!(
        !dom.to_lowercase().contains("<script"),
        "a script element is in the DOM"
    );
    assert!(dom.contains("&lt;script&gt;"), "the script shows as text");
}

#[test]
fn reports_render_in_chromium_without_running_document_scripts() {
    let Some(bin) = browser_or_skip() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();

    // a dated corpus, so the report has its line chart; one document is hostile
    let mut lines = String::new();
    let samples = [
        (
            "2024-01-10",
            "The Secretary raised human rights in Tibet and the case of Ilham Tohti.",
        ),
        (
            "2024-02-03",
            "Forced labour in Xinjiang and the national security law in Hong Kong.",
        ),
        (
            "2024-02-21",
            "Beijing increased military pressure on Taiwan.",
        ),
        ("2024-03-15", HOSTILE),
    ];
    for (i, (date, text)) in samples.iter().enumerate() {
        let v = serde_json::json!({"id": format!("doc{i}"), "date": date, "text": text});
        lines.push_str(&format!("{v}\n"));
    }
    let corpus = dir.join("corpus.jsonl");
    std::fs::write(&corpus, lines).unwrap();
    let out = rl()
        .args(["classify", "--format", "html", "-q"])
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let corpus_html = dir.join("corpus.html");
    std::fs::write(&corpus_html, &out.stdout).unwrap();
    let dom = render(&bin, dir, &corpus_html, &dir.join("corpus.png"), 2400);
    for chart in ["chart bars", "chart lines", "chart heatmap"] {
        assert!(
            dom.contains(&format!("<svg class=\"{chart}\"")),
            "{chart} missing"
        );
    }
    assert!(
        dom.contains("class=\"series\" data-topic=\"xinjiang\""),
        "xinjiang series"
    );
    assert!(
        dom.contains("href=\"#doc-3\""),
        "documents link to their evidence"
    );
    assert!(dom.contains("id=\"doc-3\""), "evidence anchors");
    assert!(
        dom.contains("Run manifest") && dom.contains("FNV-1a 64"),
        "manifest"
    );
    assert!(
        !dom.contains("data-pwned=\""),
        "a script from the document ran"
    );
    assert!(
        !dom.to_lowercase().contains("<script"),
        "a script element is in the DOM"
    );

    // the hostile document on its own
    let doc = dir.join("hostile.txt");
    std::fs::write(&doc, HOSTILE).unwrap();
    let out = rl()
        .args(["explain", "--format", "html"])
        .arg(&doc)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc_html = dir.join("document.html");
    std::fs::write(&doc_html, &out.stdout).unwrap();
    let dom = render(&bin, dir, &doc_html, &dir.join("document.png"), 2000);
    assert_no_script_ran(&dom);
    assert!(
        dom.contains("Xinjiang<span class=\"lbl\">xinjiang</span></mark>"),
        "a labelled highlight"
    );
    assert!(dom.contains("<mark class=\"t"), "topic-coloured marks");
    assert!(dom.contains("How each score was reached"), "the breakdown");
    if let Some(keep) = std::env::var_os("RIGHTSLENS_SCREENSHOT_DIR") {
        for f in ["corpus.png", "document.png"] {
            std::fs::copy(dir.join(f), Path::new(&keep).join(f)).unwrap();
        }
    }
}
