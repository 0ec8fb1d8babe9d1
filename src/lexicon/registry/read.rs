//! Reading registry rows from JSON Lines or CSV, with the line of every row for errors.

use crate::error::Error;
use serde_json::Value;
use std::collections::BTreeMap;

/// The regions a registry person may belong to.
pub(crate) const REGIONS: [&str; 4] = ["mainland", "hong_kong", "tibet", "xinjiang"];

/// Where the format is documented, for error help texts.
const HELP: &str = "help: see lexicons/registry/README.md for the registry format";

/// The two registry formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// One JSON object per line.
    JsonLines,
    /// A header row and one person per row; list fields separated by `|`.
    Csv,
}

/// The format of a registry: by the extension of `origin` (`.csv`; `.jsonl`, `.ndjson`,
/// `.json`), else by its first data line (`{` starts JSON Lines).
pub(crate) fn format_of(origin: &str, text: &str) -> Format {
    let ext = origin.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("csv") => Format::Csv,
        Some("jsonl" | "ndjson" | "json") => Format::JsonLines,
        _ => {
            let first = text
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty() && !l.starts_with('#'));
            if first.is_some_and(|l| l.starts_with('{')) {
                Format::JsonLines
            } else {
                Format::Csv
            }
        }
    }
}

/// One registry row, checked field by field but not yet expanded into forms.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub(crate) line: usize,
    pub(crate) id: Option<String>,
    pub(crate) name: String,
    pub(crate) variants: Vec<String>,
    pub(crate) zh: Vec<String>,
    pub(crate) region: String,
    pub(crate) status: Option<String>,
    pub(crate) common: bool,
    pub(crate) source: String,
    pub(crate) case: Option<String>,
    /// Every other key or column, as text.
    pub(crate) extra: BTreeMap<String, String>,
}

/// A field value before it is checked: JSON gives all kinds, CSV only text.
enum Raw {
    Text(String),
    List(Vec<String>),
    Bool(bool),
    Null,
}

/// Reads every row of a registry; the first malformed row is an error naming `origin` and
/// its line.
pub(crate) fn rows(origin: &str, text: &str, format: Format) -> crate::Result<Vec<Row>> {
    match format {
        Format::JsonLines => json_rows(origin, text),
        Format::Csv => csv_rows(origin, text),
    }
}

fn err(origin: &str, line: usize, msg: String) -> Error {
    Error::parse(format!("{msg} ({HELP})"))
        .with_path(origin)
        .with_line(line)
}

fn json_rows(origin: &str, text: &str) -> crate::Result<Vec<Row>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let l = line.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let obj: serde_json::Map<String, Value> = serde_json::from_str(l).map_err(|e| {
            err(
                origin,
                i + 1,
                format!("not a JSON object: {e} (each line holds one person)"),
            )
        })?;
        let fields = obj.into_iter().map(|(k, v)| (k, raw_of_json(v)));
        out.push(row(fields, i + 1).map_err(|m| err(origin, i + 1, m))?);
    }
    Ok(out)
}

fn raw_of_json(v: Value) -> Raw {
    match v {
        Value::Null => Raw::Null,
        Value::Bool(b) => Raw::Bool(b),
        Value::String(s) => Raw::Text(s),
        Value::Array(items) if items.iter().all(Value::is_string) => Raw::List(
            items
                .into_iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
        ),
        other => Raw::Text(other.to_string()),
    }
}

fn csv_rows(origin: &str, text: &str) -> crate::Result<Vec<Row>> {
    if let Some(line) = unterminated_quote(text) {
        return Err(err(
            origin,
            line,
            "a quoted field opened on this line is never closed".into(),
        ));
    }
    let mut rdr = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header: Vec<String> = rdr
        .headers()
        .map_err(|e| err(origin, 1, format!("unreadable CSV header: {e}")))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    for need in ["name", "region", "source"] {
        if !header.iter().any(|h| h == need) {
            return Err(err(origin, 1, format!("the header has no `{need}` column")));
        }
    }
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            err(
                origin,
                line,
                format!("malformed CSV row: {}", csv_cause(&e)),
            )
        })?;
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let fields = header.iter().zip(rec.iter()).map(|(h, v)| {
            let raw = if v.is_empty() {
                Raw::Null
            } else {
                Raw::Text(v.to_string())
            };
            (h.clone(), raw)
        });
        out.push(row(fields, line).map_err(|m| err(origin, line, m))?);
    }
    Ok(out)
}

fn csv_cause(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("{len} fields where the header has {expected_len}"),
        _ => e.to_string(),
    }
}

/// The line of a quote that opens a CSV field and is never closed, if any (RFC 4180: a
/// quote opens a field only at its start; `""` inside it is an escaped quote). Comment
/// lines (`#` at the start of a line, outside quotes) are skipped like the reader does.
fn unterminated_quote(text: &str) -> Option<usize> {
    let (mut line, mut opened_at) = (1, 0);
    let (mut in_quotes, mut field_start, mut line_start) = (false, true, true);
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        if in_quotes {
            match b {
                b'"' if bytes.peek() == Some(&b'"') => {
                    bytes.next();
                }
                b'"' => in_quotes = false,
                b'\n' => line += 1,
                _ => {}
            }
            continue;
        }
        match b {
            b'#' if line_start => {
                for c in bytes.by_ref() {
                    if c == b'\n' {
                        break;
                    }
                }
                line += 1;
                continue;
            }
            b'"' if field_start => {
                in_quotes = true;
                opened_at = line;
            }
            b'\n' => line += 1,
            _ => {}
        }
        field_start = matches!(b, b',' | b'\n' | b'\r');
        line_start = b == b'\n';
    }
    in_quotes.then_some(opened_at)
}

/// Checks the fields of one row and gathers the rest as metadata.
fn row(fields: impl Iterator<Item = (String, Raw)>, line: usize) -> Result<Row, String> {
    let mut r = Row {
        line,
        id: None,
        name: String::new(),
        variants: Vec::new(),
        zh: Vec::new(),
        region: String::new(),
        status: None,
        common: false,
        source: String::new(),
        case: None,
        extra: BTreeMap::new(),
    };
    for (key, raw) in fields {
        match key.as_str() {
            "id" => r.id = text(&key, raw)?,
            "name" => r.name = text(&key, raw)?.unwrap_or_default(),
            "variants" => r.variants = list(&key, raw)?,
            "zh" => r.zh = list(&key, raw)?,
            "region" => r.region = text(&key, raw)?.unwrap_or_default(),
            "status" => r.status = text(&key, raw)?,
            "common" => r.common = flag(&key, raw)?,
            "source" => r.source = text(&key, raw)?.unwrap_or_default(),
            "case" => r.case = text(&key, raw)?,
            _ => {
                if let Some(v) = metadata_text(raw) {
                    r.extra.insert(key, v);
                }
            }
        }
    }
    if r.name.is_empty() {
        return Err("missing `name` (the person's canonical name)".into());
    }
    if r.source.is_empty() {
        return Err(format!(
            "missing `source` for {:?} (say where the case or spelling was checked)",
            r.name
        ));
    }
    if !REGIONS.contains(&r.region.as_str()) {
        let got = if r.region.is_empty() {
            "missing `region`".to_string()
        } else {
            format!("unknown region {:?}", r.region)
        };
        return Err(format!(
            "{got} for {:?}: use one of {}",
            r.name,
            REGIONS.join(", ")
        ));
    }
    Ok(r)
}

fn text(key: &str, raw: Raw) -> Result<Option<String>, String> {
    match raw {
        Raw::Null => Ok(None),
        Raw::Text(s) => {
            let s = s.trim();
            Ok((!s.is_empty()).then(|| s.to_string()))
        }
        Raw::List(_) | Raw::Bool(_) => Err(format!("`{key}` must be a string")),
    }
}

fn list(key: &str, raw: Raw) -> Result<Vec<String>, String> {
    let items = match raw {
        Raw::Null => Vec::new(),
        Raw::Text(s) => s.split('|').map(str::to_string).collect(),
        Raw::List(v) => v,
        Raw::Bool(_) => return Err(format!("`{key}` must be a list of strings")),
    };
    Ok(items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect())
}

fn flag(key: &str, raw: Raw) -> Result<bool, String> {
    match raw {
        Raw::Null => Ok(false),
        Raw::Bool(b) => Ok(b),
        Raw::Text(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" => Ok(true),
            "false" | "no" | "0" | "" => Ok(false),
            other => Err(format!("`{key}` must be true or false, not {other:?}")),
        },
        Raw::List(_) => Err(format!("`{key}` must be true or false")),
    }
}

fn metadata_text(raw: Raw) -> Option<String> {
    match raw {
        Raw::Null => None,
        Raw::Text(s) => Some(s),
        Raw::List(v) => Some(v.join("|")),
        Raw::Bool(b) => Some(b.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_by_extension_then_content() {
        assert_eq!(format_of("a.csv", "{"), Format::Csv);
        assert_eq!(format_of("a.jsonl", "name"), Format::JsonLines);
        assert_eq!(format_of("mine", "# c\n{\"name\":1}"), Format::JsonLines);
        assert_eq!(format_of("mine", "name,region,source\n"), Format::Csv);
    }

    #[test]
    fn unterminated_quotes_are_found_with_their_line() {
        assert_eq!(unterminated_quote("a,b\n\"x,y\n"), Some(2));
        assert_eq!(unterminated_quote("a,\"b\"\"c\"\n\"x\ny\",z\n"), None);
        // a quote inside an unquoted field is text, not an opening quote
        assert_eq!(unterminated_quote("a,Lam \"Ken\" Wing\n"), None);
        assert_eq!(unterminated_quote("# it's \"fine\n a,b\n"), None);
    }

    #[test]
    fn csv_lists_and_flags() {
        let t = "name,variants,zh,region,common,source,prison\nXu Zhiyong,Zhiyong Xu|,许志永|許志永,mainland,no,CECC,Linyi\n";
        let r = &rows("r.csv", t, Format::Csv).unwrap()[0];
        assert_eq!(r.variants, ["Zhiyong Xu"]);
        assert_eq!(r.zh, ["许志永", "許志永"]);
        assert!(!r.common);
        assert_eq!(r.line, 2);
        assert_eq!(r.extra["prison"], "Linyi");
    }
}
