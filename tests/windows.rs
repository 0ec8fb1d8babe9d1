//! A long document is classified a window at a time (`ClassifierBuilder::window_bytes`), and
//! its report is the one the whole document gets: on the shipped documents, on all of them
//! joined into one long text, and on generated dense documents whose counts are known.

use rightslens::{Classifier, Report};
use std::path::Path;

/// Texts of the shipped blind-test documents, in file-name order.
fn shipped_docs() -> Vec<String> {
    let mut texts = Vec::new();
    for set in [
        "gov",
        "world",
        "fresh",
        "custody",
        "news",
        "negatives",
        "names",
        "names2",
        "mixed3",
        "mixed4",
        "names3",
        "mixed5",
    ] {
        let dir =
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/blind/{set}/docs"));
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        texts.extend(
            paths
                .iter()
                .filter_map(|p| std::fs::read(p).ok())
                .map(|b| String::from_utf8_lossy(&b).into_owned()),
        );
    }
    assert!(texts.len() > 100, "{} shipped documents", texts.len());
    texts
}

fn pair(max_hits: usize) -> (Classifier, Classifier) {
    let whole = Classifier::builder()
        .max_hits(max_hits)
        .window_bytes(usize::MAX)
        .build()
        .unwrap();
    let windows = Classifier::builder()
        .max_hits(max_hits)
        .window_bytes(1024)
        .build()
        .unwrap();
    (whole, windows)
}

/// The two reports, compared field by field first so that a failure names the field.
fn assert_same(windows: &Report, whole: &Report, what: &str) {
    assert_eq!(windows.topics, whole.topics, "{what}: topics");
    assert_eq!(
        (windows.words, windows.sentences, windows.rights_cues),
        (whole.words, whole.sentences, whole.rights_cues),
        "{what}: totals"
    );
    assert_eq!(windows.prisoners, whole.prisoners, "{what}: prisoners");
    assert_eq!(windows.hits, whole.hits, "{what}: hits");
    assert_eq!(windows, whole, "{what}");
}

#[test]
fn shipped_documents_in_windows_get_the_same_reports() {
    let (whole, windows) = pair(usize::MAX);
    let mut cut = 0;
    for (i, text) in shipped_docs().iter().enumerate() {
        cut += usize::from(text.len() > 3 * 1024);
        let want = whole.classify(text);
        assert_same(&windows.classify(text), &want, &format!("document {i}"));
    }
    // many of them are long enough to be cut more than once
    assert!(cut > 30, "{cut} documents cut");
}

#[test]
fn all_shipped_documents_as_one_text_in_windows_get_the_same_report() {
    let text = shipped_docs().join("\n\n");
    for max_hits in [usize::MAX, 100] {
        let (whole, windows) = pair(max_hits);
        let want = whole.classify(&text);
        assert!(want.topics.values().filter(|t| t.present).count() >= 4);
        assert_same(&windows.classify(&text), &want, "joined documents");
    }
}

#[test]
fn dense_generated_document_has_known_counts_in_windows() {
    // every sentence a topic place, a region name or a listed prisoner in custody (his
    // short name only after the full one); lists of places with and without digits
    let unit = "Tibet. Xinjiang. Hong Kong. Taiwan. Ilham Tohti was detained. Tohti is held. \
                Tibet, Xinjiang and Taiwan. 1. Tibet 2. Macau. ";
    let n = 400;
    let text = format!(
        "Police detained the activist Zhang Wuzhou in 2018. {}\
         Police in Beijing detained Liu Dongfang, a petitioner.",
        unit.repeat(n)
    );
    let (whole, windows) = pair(1_000);
    let want = whole.classify(&text);
    let got = windows.classify(&text);
    assert_same(&got, &want, "dense document");
    // the places of the two lists are items of enumerations, not issue mentions; Tibet and
    // Taiwan are in one with Macau in every unit and never beside a cue, so the document's
    // votes put them in a non-issue register and their bare mentions follow (one sense per
    // document); Hong Kong, in no such list, counts its bare sentence in every unit
    let hits = |t: &str| got.topics[t].hits;
    assert_eq!(
        (hits("tibet"), hits("taiwan"), hits("hong_kong")),
        (0, 0, n)
    );
    assert_eq!(got.sentences, 10 * n + 2);
    // listed people in order of first mention (one in the first window), then the person no
    // list holds, named in the last window
    let names: Vec<_> = got.prisoners.iter().map(|p| (&*p.name, p.listed)).collect();
    assert_eq!(
        names,
        [
            ("Zhang Wuzhou", true),
            ("Ilham Tohti", true),
            ("Liu Dongfang", false)
        ]
    );
    let tohti = got
        .prisoners
        .iter()
        .find(|p| p.name == "Ilham Tohti")
        .unwrap();
    assert_eq!(tohti.mentions.len(), 1_000.min(2 * n));
    // the first 1,000 hits in text order are kept, the rest counted
    assert_eq!(got.hits.len(), 1_000);
    assert!(got.hits.windows(2).all(|w| w[0].start <= w[1].start));
    assert!(got.hits[..3].iter().any(|h| h.text == "Zhang Wuzhou"));
    assert_eq!(
        got.hits_dropped + got.hits.len(),
        want.hits_dropped + want.hits.len()
    );
}
