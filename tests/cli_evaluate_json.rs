//! End-to-end tests of `rightslens evaluate --json` (schema version 1, docs/evaluate-json.md)
//! and of undefined metrics in the text tables, on the blind-labelled set shipped in
//! `tests/data/blind/world`.
#![cfg(feature = "cli")]

mod cli_support;

use cli_support::*;
use serde_json::Value;

fn blind() -> (String, String) {
    let root = format!("{}/tests/data/blind/world", env!("CARGO_MANIFEST_DIR"));
    (format!("{root}/labels.jsonl"), format!("{root}/docs"))
}

fn evaluate_json(extra: &[&str]) -> Value {
    let (gold, docs) = blind();
    let mut c = rl();
    c.args(["evaluate", "--json", "--gold", &gold, &docs])
        .args(extra);
    serde_json::from_str(&stdout_of(&mut c)).unwrap()
}

/// The keys of an object, sorted.
fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

const METRICS: [&str; 5] = ["precision", "recall", "f1", "kappa", "alpha"];

#[test]
fn the_schema_has_every_metric_with_intervals_per_topic_micro_and_macro() {
    let v = evaluate_json(&["--bootstrap", "200"]);
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["documents"]["scored"], 96);
    assert_eq!(v["bootstrap"]["resamples"], 200);
    let topics = v["topics"].as_object().unwrap();
    assert_eq!(topics.len(), 5);
    let decisions = topics
        .values()
        .chain([&v["micro"]])
        .flat_map(|t| [&t["present"], &t["primary"]])
        .chain([&v["human_rights"]]);
    for d in decisions {
        let tp = d["true_positives"].as_u64().unwrap();
        let fp = d["false_positives"].as_u64().unwrap();
        let fn_ = d["false_negatives"].as_u64().unwrap();
        assert_eq!(d["support"], tp + fn_);
        assert_eq!(d["predicted"], tp + fp);
        for m in METRICS {
            let x = &d[m];
            let i = &d["intervals"][m];
            match x.as_f64() {
                // the point estimate of a resampled statistic lies in most percentile
                // intervals; at least the interval must be ordered and in range
                Some(x) => {
                    let (lo, hi) = (i["low"].as_f64().unwrap(), i["high"].as_f64().unwrap());
                    assert!(lo <= hi && (-1.0..=1.0).contains(&x), "{m}: {d}");
                }
                None => assert!(i.is_null(), "an undefined metric has no interval: {d}"),
            }
        }
    }
    // no field named with a Rust-ism
    let text = v.to_string();
    assert!(
        !text.contains("\"fn_\"") && !text.contains("\"tp\""),
        "plain field names"
    );
    // macro averages and prisoner names
    let m = &v["macro_average"]["present"];
    assert_eq!(m["topics"], 5);
    assert!(m["f1"].as_f64().is_some() && m["intervals"]["f1"]["low"].as_f64().is_some());
    let p = &v["prisoner_names"];
    assert!(p["found"].as_u64().unwrap() > 100);
    assert!(p["missed_names"][0]["id"].is_string() && p["missed_names"][0]["name"].is_string());
    // hits are objects with offsets
    let hit = v["mistakes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m["hits"].as_array().unwrap())
        .next()
        .unwrap();
    assert_eq!(keys(hit), ["end", "entry", "start", "text"]);
}

#[test]
fn undefined_metrics_are_null_and_n_a() {
    // No document of the blind set has Tibet as its main subject.
    let v = evaluate_json(&["--bootstrap", "0"]);
    let tibet = &v["topics"]["tibet"]["primary"];
    assert_eq!(tibet["support"], 0);
    assert!(tibet["recall"].is_null(), "{tibet}");
    assert!(
        tibet["intervals"]["f1"].is_null(),
        "--bootstrap 0: no intervals"
    );
    let (gold, docs) = blind();
    let text = stdout_of(rl().args(["evaluate", "--gold", &gold, &docs]));
    let row = text.lines().find(|l| l.starts_with("tibet ")).unwrap();
    assert!(row.ends_with("0.000    n/a  0.000"), "{row}");
}

#[test]
fn intervals_are_reproducible_and_follow_the_seed() {
    let a = evaluate_json(&["--bootstrap", "100"]);
    let b = evaluate_json(&["--bootstrap", "100"]);
    assert_eq!(a, b, "same seed, same output");
    let c = evaluate_json(&["--bootstrap", "100", "--seed", "7"]);
    assert_ne!(
        a["micro"]["present"]["intervals"],
        c["micro"]["present"]["intervals"]
    );
    assert_eq!(a["micro"]["present"]["f1"], c["micro"]["present"]["f1"]);
}

#[test]
fn baseline_and_sweep_add_fields_and_change_nothing_else() {
    let plain = evaluate_json(&["--bootstrap", "50"]);
    let both = evaluate_json(&["--bootstrap", "50", "--baseline", "--sweep"]);
    let mut k = keys(&plain);
    k.extend(["baseline".to_string(), "sweep".to_string()]);
    k.sort();
    assert_eq!(keys(&both), k);
    for key in keys(&plain) {
        assert_eq!(plain[&key], both[&key], "{key} changed");
    }
    assert_eq!(
        keys(&both["baseline"]),
        [
            "human_rights",
            "macro_average",
            "micro",
            "mistakes",
            "prisoner_names",
            "topics"
        ]
    );
    assert_eq!(both["sweep"].as_array().unwrap().len(), 5);
}
