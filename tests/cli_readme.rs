//! The README's sample commands, run on the shipped samples: each ```text block preceded by
//! `<!-- readme-check -->` starts with `$ rightslens ARGS` and shows the command's standard
//! output, which must be what the command prints now (lines compared without trailing
//! spaces). `<!-- readme-check: prefix -->` marks a block cut short with a last line `...`:
//! the lines before it must start the output.
#![cfg(feature = "cli")]

mod cli_support;

use cli_support::*;

/// One checked block of the README.
struct Sample {
    /// 1-based line of the `$ rightslens` line.
    line: usize,
    args: Vec<String>,
    expected: Vec<String>,
    prefix: bool,
}

/// Splits a command line into words, honouring double quotes (enough for the README).
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in s.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    out.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            c => {
                cur.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(cur);
    }
    out
}

fn samples(readme: &str) -> Vec<Sample> {
    let lines: Vec<&str> = readme.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let marker = lines[i].trim();
        let prefix = match marker {
            "<!-- readme-check -->" => false,
            "<!-- readme-check: prefix -->" => true,
            _ => {
                i += 1;
                continue;
            }
        };
        assert_eq!(
            lines.get(i + 1).map(|l| l.trim()),
            Some("```text"),
            "README line {}: a marker must precede a ```text block",
            i + 1
        );
        let cmd = lines[i + 2];
        let args = words(cmd.strip_prefix("$ rightslens ").unwrap_or_else(|| {
            panic!(
                "README line {}: the block must start with `$ rightslens`",
                i + 3
            )
        }));
        let mut expected = Vec::new();
        let mut j = i + 3;
        while lines[j].trim() != "```" {
            expected.push(lines[j].trim_end().to_string());
            j += 1;
        }
        if prefix {
            assert_eq!(
                expected.pop().as_deref(),
                Some("..."),
                "README line {}: a prefix block ends with `...`",
                j
            );
        }
        out.push(Sample {
            line: i + 3,
            args,
            expected,
            prefix,
        });
        i = j + 1;
    }
    out
}

#[test]
fn readme_samples_show_what_the_commands_print() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let samples = samples(&readme);
    assert!(
        samples.len() >= 5,
        "the README's marked samples went missing"
    );
    for s in &samples {
        let mut c = rl();
        c.current_dir(root).args(&s.args).env("NO_COLOR", "1");
        let out = stdout_of(&mut c);
        let got: Vec<String> = out.lines().map(|l| l.trim_end().to_string()).collect();
        let got = if s.prefix {
            &got[..s.expected.len().min(got.len())]
        } else {
            &got[..]
        };
        if got != s.expected {
            panic!(
                "README line {} (`rightslens {}`) shows:\n{}\n\nbut the command prints:\n{}",
                s.line,
                s.args.join(" "),
                s.expected.join("\n"),
                got.join("\n")
            );
        }
    }
}

#[test]
fn command_words() {
    assert_eq!(
        words(r#"lexicon show "Jimmy Lai""#),
        ["lexicon", "show", "Jimmy Lai"]
    );
    assert_eq!(words("classify  a b"), ["classify", "a", "b"]);
}
