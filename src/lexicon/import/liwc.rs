//! LIWC dictionaries: the `%` legend layout (LIWC 2001-2015) and the LIWC-22 spreadsheet
//! layout (a CSV whose first column is `DicTerm` and whose other columns mark membership
//! with `X`).

use super::Term;
use std::collections::HashMap;

type Read = Result<Vec<Term>, (usize, String)>;

/// Reads either layout, told apart by the first non-blank line.
pub(super) fn read(text: &str) -> Read {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let head = first.trim().trim_start_matches('"').to_ascii_lowercase();
    if head.starts_with("dicterm") {
        read_2022(text)
    } else {
        read_2015(text)
    }
}

/// `%`, a legend of `id<TAB>name` lines (leading tabs nest a category under the one above),
/// `%`, then `term<TAB>id<TAB>id...` lines.
fn read_2015(text: &str) -> Read {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty());
    match lines.next() {
        Some((_, l)) if l.trim() == "%" => {}
        Some((n, _)) => {
            return Err((
                n,
                "expected '%' to open the category legend (help: a LIWC .dic starts with '%', \
                 then `id<TAB>name` lines, then '%')"
                    .into(),
            ))
        }
        None => return Err((1, "the file is empty".into())),
    }
    let mut legend: HashMap<String, Vec<String>> = HashMap::new();
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut closed = false;
    for (n, line) in lines.by_ref() {
        if line.trim() == "%" {
            closed = true;
            break;
        }
        let depth = line.chars().take_while(|c| *c == '\t').count();
        let mut parts = line.split_whitespace();
        let (Some(id), Some(_)) = (parts.next(), line.split_whitespace().nth(1)) else {
            return Err((
                n,
                format!("legend line {:?} is not `id<TAB>name`", line.trim()),
            ));
        };
        if !id.chars().all(|c| c.is_ascii_digit()) {
            return Err((n, format!("category id {id:?} is not a number")));
        }
        let name = parts.collect::<Vec<_>>().join(" ");
        if legend.contains_key(norm(id)) {
            return Err((n, format!("category id {id} is defined twice")));
        }
        while stack.last().is_some_and(|(d, _)| *d >= depth) {
            stack.pop();
        }
        stack.push((depth, name));
        legend.insert(
            norm(id).to_string(),
            stack.iter().map(|(_, name)| name.clone()).collect(),
        );
    }
    if !closed {
        return Err((
            text.lines().count().max(1),
            "the category legend is not closed by a second '%'".into(),
        ));
    }
    let mut terms = Vec::new();
    for (n, line) in lines {
        let (term, ids): (String, Vec<&str>) = if line.contains('\t') {
            let mut fields = line.split('\t');
            let term = fields.next().unwrap_or("").trim().to_string();
            (term, fields.flat_map(str::split_whitespace).collect())
        } else {
            // space-separated: the numbers at the end are the categories
            let tokens: Vec<&str> = line.split_whitespace().collect();
            let k = tokens
                .iter()
                .rposition(|t| !t.chars().all(|c| c.is_ascii_digit()))
                .map_or(0, |k| k + 1);
            (tokens[..k].join(" "), tokens[k..].to_vec())
        };
        if term.is_empty() {
            return Err((n, "a line with categories but no term".into()));
        }
        if ids.is_empty() {
            return Err((n, format!("term {term:?} names no category")));
        }
        let mut paths: Vec<&Vec<String>> = Vec::new();
        for id in ids {
            if !id.chars().all(|c| c.is_ascii_digit()) {
                return Err((
                    n,
                    format!(
                        "{id:?} is not a category number (help: conditional codes such as \
                         `(02 134)131` or `<of>` of LIWC 2007 are not supported; keep the plain \
                         numbers)"
                    ),
                ));
            }
            let Some(path) = legend.get(norm(id)) else {
                return Err((
                    n,
                    format!("term {term:?} names category {id}, which is not in the legend"),
                ));
            };
            paths.push(path);
        }
        // a term listed under a category and one nested in it belongs to the nested one
        for p in &paths {
            let deeper = paths.iter().any(|q| q.len() > p.len() && q.starts_with(p));
            if !deeper {
                terms.push(Term {
                    path: (*p).clone(),
                    text: term.clone(),
                    line: n,
                });
            }
        }
    }
    Ok(terms)
}

/// A category number without leading zeros (LIWC 2007 writes `01`).
fn norm(id: &str) -> &str {
    match id.trim_start_matches('0') {
        "" => "0",
        s => s,
    }
}

/// `DicTerm,cat1,cat2...` then one row per term with `X` under each of its categories.
fn read_2022(text: &str) -> Read {
    let mut rd = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let header = rd
        .headers()
        .map_err(|e| (1, format!("cannot read the header row: {e}")))?
        .clone();
    let cats: Vec<String> = header
        .iter()
        .skip(1)
        .map(|c| c.trim().to_string())
        .collect();
    if cats.is_empty() {
        return Err((1, "no category columns after DicTerm".into()));
    }
    if let Some(k) = cats.iter().position(String::is_empty) {
        return Err((1, format!("column {} has no category name", k + 2)));
    }
    let mut terms = Vec::new();
    for row in rd.records() {
        let row = row.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            (line, format!("not a well-formed CSV row: {e}"))
        })?;
        let n = row.position().map_or(0, |p| p.line() as usize);
        let term = row.get(0).unwrap_or("").trim();
        if term.is_empty() {
            return Err((n, "a row without a term in the DicTerm column".into()));
        }
        let mut any = false;
        for (cell, cat) in row.iter().skip(1).zip(&cats) {
            match cell.trim() {
                "" => {}
                "X" | "x" => {
                    any = true;
                    terms.push(Term {
                        path: vec![cat.clone()],
                        text: term.to_string(),
                        line: n,
                    });
                }
                other => {
                    return Err((
                        n,
                        format!("{other:?} under {cat:?}: a LIWC-22 cell holds X or nothing"),
                    ))
                }
            }
        }
        if !any {
            return Err((n, format!("term {term:?} is marked in no category")));
        }
    }
    Ok(terms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legend_nesting_gives_paths() {
        let t = "%\n1\taffect\n\t2\tposemo\n3\tsocial\n%\nhappy\t1\t2\nfriend*\t3\n";
        let terms = read(t).unwrap();
        assert_eq!(terms.len(), 2, "happy goes to the nested category only");
        assert_eq!(terms[0].path, ["affect", "posemo"]);
        assert_eq!(terms[1].path, ["social"]);
        assert_eq!(terms[1].line, 7);
    }

    #[test]
    fn space_separated_phrases_keep_their_words() {
        let terms = read("%\n1 fam\n%\nkind of 1\n").unwrap();
        assert_eq!(terms[0].text, "kind of");
    }

    #[test]
    fn malformed_2015_files_name_the_line() {
        assert_eq!(read("1\tx\n").unwrap_err().0, 1);
        assert_eq!(read("%\n1\tx\nfoo\t1\n").unwrap_err().0, 3);
        let e = read("%\n1\tx\n%\nlike\t(02 134)1\n").unwrap_err();
        assert_eq!(e.0, 4);
        assert!(e.1.contains("conditional"), "{}", e.1);
        assert_eq!(read("%\n1\tx\n%\n\nalone\n").unwrap_err().0, 5);
    }

    #[test]
    fn liwc22_rows() {
        let t = "DicTerm,Rights,Places\ndetain*,X,\nlhasa,,X\nboth,X,X\n";
        let terms = read(t).unwrap();
        assert_eq!(terms.len(), 4);
        assert_eq!((terms[1].path[0].as_str(), terms[1].line), ("Places", 3));
        let e = read("DicTerm,A\nfoo,2\n").unwrap_err();
        assert_eq!(e.0, 2);
        assert_eq!(read("DicTerm,A\nfoo,\n").unwrap_err().0, 2);
    }
}
