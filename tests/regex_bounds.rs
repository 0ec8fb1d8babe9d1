//! Regex variants are bounded (issue 21, item 6): lint warns on unbounded stretches that can
//! run across words or sit at either end of a pattern, and a pathological variant still
//! classifies a large document (its cost is checked, as work counted, in the matcher's own
//! tests: `pathological_regexes_run_in_linear_time`).

use rightslens::{lint, Classifier, Lexicon, Severity};

fn lexicon(variants: &[&str]) -> String {
    let list: Vec<String> = variants.iter().map(|v| format!("{v:?}")).collect();
    format!(
        "[lexicon]\ntopic = \"probe\"\nsources = [\"test\"]\n\n[[entry]]\n\
         id = \"probe.concept.re\"\nkind = \"concept\"\nmode = \"regex\"\n\
         variants = [{}]\nsource = \"test\"\n",
        list.join(", ")
    )
}

fn warnings(variant: &str) -> Vec<String> {
    let lex = Lexicon::parse("probe.toml", &lexicon(&[variant])).unwrap();
    lint(&[lex])
        .into_iter()
        .filter(|i| i.severity == Severity::Warning)
        .map(|i| i.message)
        .collect()
}

#[test]
fn lint_warns_on_unbounded_stretches() {
    for v in [
        r"Tibet.*X",
        r"the .*Uyghur",
        r"release.+prisoners",
        r"Tibet[^,]*camp",
    ] {
        let w = warnings(v);
        assert!(w.iter().any(|m| m.contains("across words")), "{v}: {w:?}");
    }
    for v in [
        r"\s*Tibet",
        r"Tibet\s+",
        r"\w+\s+Union",
        r"\b(?:Tibet)\s*\b",
    ] {
        let w = warnings(v);
        assert!(w.iter().any(|m| m.contains("start or end")), "{v}: {w:?}");
    }
    // bounded stretches, and unbounded runs of spaces between words, are fine
    for v in [
        r"Tibet.{0,40}X",
        r"Article\s+23",
        r"one[\s\-]+country",
        r"BN\(O\)",
    ] {
        assert!(warnings(v).is_empty(), "{v}: {:?}", warnings(v));
    }
}

#[test]
fn pathological_regex_classifies_a_large_document() {
    let clf = Classifier::builder()
        .without_builtin()
        .lexicon_str("probe.toml", &lexicon(&[r"Tibet.*X"]))
        .build()
        .unwrap();
    let text = "Tibet ".repeat(40_000);
    let r = clf.classify(&text);
    assert!(r.hits.is_empty());
    // a match within the cap is still found at the end of the long document
    let text = format!("{text}Tibet and X");
    let r = clf.classify(&text);
    assert_eq!(r.hits.len(), 1, "{:?}", r.hits);
    // the leftmost start within the cap (1 KiB) of the X
    let h = &r.hits[0];
    assert_eq!(h.end, text.len());
    assert!(
        h.end - h.start <= 1024 && h.end - h.start > 1000,
        "{}",
        h.end - h.start
    );
    assert!(h.text.starts_with("Tibet"));
}
