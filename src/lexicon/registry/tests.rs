//! Registry loading: every malformed row is an error naming file and line; nothing is
//! dropped; duplicates are an error within a file and merged across lexicons.

use super::*;
use crate::ErrorKind;

/// Loads `text` as `origin` and returns the error's `(line, message)`.
fn fails(origin: &str, text: &str) -> (Option<usize>, String) {
    let e = Lexicon::from_registry_str(origin, text).unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::Parse(_) | ErrorKind::Invalid(_)),
        "{e}"
    );
    assert!(e.to_string().starts_with(origin), "{e}");
    (e.line(), e.to_string())
}

const OK: &str = r#"{"name": "Xu Zhiyong", "region": "mainland", "source": "CECC"}"#;

#[test]
fn bad_json_names_its_line() {
    let text = format!("# people\n{OK}\n{{\"name\": \"Ding Jiaxi\", \"region\": \n");
    let (line, msg) = fails("r.jsonl", &text);
    assert_eq!(line, Some(3), "{msg}");
    assert!(msg.contains("not a JSON object"), "{msg}");
    let (line, _) = fails("r.jsonl", &format!("{OK}\n[\"Ding Jiaxi\"]\n"));
    assert_eq!(line, Some(2));
}

#[test]
fn missing_fields_name_their_line() {
    let (line, msg) = fails(
        "r.jsonl",
        &format!("{OK}\n{{\"region\": \"tibet\", \"source\": \"s\"}}\n"),
    );
    assert_eq!(line, Some(2));
    assert!(msg.contains("missing `name`"), "{msg}");
    let (line, msg) = fails(
        "r.jsonl",
        &format!(
            "\n{OK}\n\n{{\"name\": \"Ding Jiaxi\", \"region\": \"mainland\", \"source\": \" \"}}\n"
        ),
    );
    assert_eq!(line, Some(4));
    assert!(
        msg.contains("missing `source`") && msg.contains("Ding Jiaxi"),
        "{msg}"
    );
    let csv = "name,region,source\nDing Jiaxi,mainland,\n";
    let (line, msg) = fails("r.csv", csv);
    assert_eq!(line, Some(2));
    assert!(msg.contains("missing `source`"), "{msg}");
}

#[test]
fn bad_region_and_types_are_errors() {
    let (line, msg) = fails(
        "r.jsonl",
        r#"{"name": "Ding Jiaxi", "region": "beijing", "source": "s"}"#,
    );
    assert_eq!(line, Some(1));
    assert!(
        msg.contains("unknown region \"beijing\"") && msg.contains("hong_kong"),
        "{msg}"
    );
    let (_, msg) = fails(
        "r.jsonl",
        r#"{"name": "Ding Jiaxi", "region": "mainland", "source": "s", "common": "maybe"}"#,
    );
    assert!(msg.contains("`common` must be true or false"), "{msg}");
    let (_, msg) = fails(
        "r.jsonl",
        r#"{"name": ["Ding Jiaxi"], "region": "mainland", "source": "s"}"#,
    );
    assert!(msg.contains("`name` must be a string"), "{msg}");
    let (_, msg) = fails("r.csv", "name,region\nDing Jiaxi,mainland\n");
    assert!(msg.contains("no `source` column"), "{msg}");
}

#[test]
fn unterminated_csv_quote_names_the_line_it_opens() {
    let csv = "name,region,source\nDing Jiaxi,mainland,CECC\n\"Xu Zhiyong,mainland,CECC\nLi Qiaochu,mainland,CECC\n";
    let (line, msg) = fails("r.csv", csv);
    assert_eq!(line, Some(3), "{msg}");
    assert!(msg.contains("never closed"), "{msg}");
    let (line, msg) = fails("r.csv", "name,region,source\nDing Jiaxi,mainland\n");
    assert_eq!(line, Some(2), "{msg}");
}

#[test]
fn quoted_csv_fields_may_hold_commas_and_line_breaks() {
    let csv = "name,region,source,case\nDing Jiaxi,mainland,\"CHRD, case profile\",\"New Citizens\nMovement\"\nXu Zhiyong,mainland,CECC,\n";
    let l = Lexicon::from_registry_str("r.csv", csv).unwrap();
    assert_eq!(l.entries.len(), 2);
    assert_eq!(l.entries[0].source, "CHRD, case profile");
    assert_eq!(l.entries[1].line, 4);
}

#[test]
fn duplicate_ids_in_one_file_are_an_error_with_both_lines() {
    let text = format!("{OK}\n{OK}\n");
    let e = Lexicon::from_registry_str("r.jsonl", &text).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Invalid(_)));
    assert_eq!(e.line(), Some(2));
    assert_eq!(e.entry(), Some("political_prisoners.person.xu-zhiyong"));
    assert!(e.to_string().contains("first at line 1"), "{e}");
}

#[test]
fn every_row_becomes_an_entry() {
    let rows: String = (0..500)
        .map(|i| format!("{{\"id\": \"political_prisoners.person.p{i}\", \"name\": \"Tenzin Person{i}\", \"region\": \"tibet\", \"source\": \"s\", \"prison\": {i}}}\n"))
        .collect();
    let l = Lexicon::from_registry_str("r.jsonl", &rows).unwrap();
    assert_eq!(l.entries.len(), 500);
    assert_eq!(l.entries[499].metadata["prison"], "499");
    assert_eq!(l.entries[499].line, 500);
}

#[test]
fn merge_keeps_loaded_people_and_their_guards() {
    let toml = r#"[lexicon]
topic = "political_prisoners"
[[entry]]
id = "political_prisoners.person.wang-yu"
kind = "person"
name = "Wang Yu"
region = "mainland"
variants = ["lawyer Wang Yu"]
short_forms = ["Wang Yu"]
source = "s"
[[entry]]
id = "political_prisoners.person.gui-minhai"
kind = "person"
name = "Gui Minhai"
region = "mainland"
variants = ["Gui Minhai"]
source = "s"
"#;
    let mut lexicons = vec![Lexicon::parse("p.toml", toml).unwrap()];
    let reg = "name,variants,zh,region,source,status\nWang Yu,,王宇律师,mainland,r,released\nGui Minhai,Kwai Min-hoi,桂民海,mainland,r,sentenced\nDing Jiaxi,,丁家喜,mainland,r,sentenced\n";
    merge(
        &mut lexicons,
        Lexicon::from_registry_str("r.csv", reg).unwrap(),
    )
    .unwrap();
    let (toml, reg) = (&lexicons[0], &lexicons[1]);
    let wang = &toml.entries[0];
    assert_eq!(
        wang.variants,
        ["lawyer Wang Yu"],
        "the bare name stays a short form"
    );
    assert!(wang.short_forms.contains(&"王宇律师".to_string()));
    assert_eq!(wang.metadata["status"], "released");
    let gui = &toml.entries[1];
    assert!(
        gui.variants.iter().any(|v| v == "Kwai Min-hoi")
            && gui.variants.iter().any(|v| v == "桂民海")
    );
    assert_eq!(gui.source, "s", "the loaded entry keeps its source");
    assert_eq!(reg.entries.len(), 1);
    assert_eq!(reg.entries[0].name.as_deref(), Some("Ding Jiaxi"));
}

#[test]
fn bundle_splits_into_files() {
    let b = "\0a.jsonl\n{}\n\0b.csv\nname\n";
    assert_eq!(split_bundle(b), [("a.jsonl", "{}\n"), ("b.csv", "name\n")]);
    assert!(split_bundle("").is_empty());
}

#[test]
fn a_name_shared_with_another_topic_counts_only_after_a_full_mention() {
    let official = "[lexicon]\ntopic = \"xinjiang\"\n[[entry]]\nid = \"xinjiang.person.chen-quanguo\"\nkind = \"person\"\nname = \"Chen Quanguo\"\nregion = \"xinjiang\"\nvariants = [\"Chen Quanguo\"]\nsource = \"s\"\n";
    let mut lexicons = vec![Lexicon::parse("x.toml", official).unwrap()];
    let reg = "name,zh,region,source\nChen Quanguo,陈全国同名,mainland,r\n";
    merge(
        &mut lexicons,
        Lexicon::from_registry_str("r.csv", reg).unwrap(),
    )
    .unwrap();
    let p = &lexicons[1].entries[0];
    assert_eq!(p.variants, ["陈全国同名", "陳全國同名"]);
    assert!(p.short_forms.contains(&"Chen Quanguo".to_string()));
    assert!(p.short_forms.contains(&"Quanguo Chen".to_string()));
    let only = "name,region,source\nChen Quanguo,mainland,r\n";
    lexicons.truncate(1);
    let e = merge(
        &mut lexicons,
        Lexicon::from_registry_str("o.csv", only).unwrap(),
    )
    .unwrap_err();
    assert_eq!(e.line(), Some(2));
    assert!(
        e.to_string().contains("xinjiang.person.chen-quanguo"),
        "{e}"
    );
}
