//! The line-per-term formats: Lexicoder (`+category` headers) and WordStat (tab-indented
//! categories, terms ending in a weight in parentheses).

use super::Term;

type Read = Result<Vec<Term>, (usize, String)>;

/// Lexicoder `.lc3` / `.lcd`: a line `+name` opens a category, every other non-blank line is
/// a term of the category above it.
pub(super) fn read_lexicoder(text: &str) -> Read {
    let mut current: Option<String> = None;
    let mut terms = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(name) = t.strip_prefix('+') {
            let name = name.trim();
            if name.is_empty() {
                return Err((n, "a '+' line without a category name".into()));
            }
            current = Some(name.to_string());
            continue;
        }
        let Some(cat) = &current else {
            return Err((
                n,
                format!(
                    "term {t:?} comes before any category (help: open one with a line `+name`)"
                ),
            ));
        };
        terms.push(Term {
            path: vec![cat.clone()],
            text: t.to_string(),
            line: n,
        });
    }
    if current.is_none() {
        return Err((
            1,
            "no category (help: a Lexicoder dictionary opens each category with `+name`)".into(),
        ));
    }
    Ok(terms)
}

/// WordStat `.cat`: a line ending in `(weight)` is a term; any other line is a category;
/// leading tabs nest lines under the category above.
pub(super) fn read_wordstat(text: &str) -> Read {
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut terms = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let depth = raw.chars().take_while(|c| *c == '\t').count();
        if raw[depth..].starts_with(' ') {
            return Err((
                n,
                "indented with spaces (help: WordStat nests categories and terms with tabs)".into(),
            ));
        }
        let t = raw.trim();
        match weighted(t) {
            Some(term) => {
                while stack.last().is_some_and(|(d, _)| *d >= depth) {
                    stack.pop();
                }
                if stack.is_empty() {
                    return Err((
                        n,
                        format!("term {term:?} is not under any category (help: indent it with a tab under a category line)"),
                    ));
                }
                if term.is_empty() {
                    return Err((n, "a weight without a term".into()));
                }
                terms.push(Term {
                    path: stack.iter().map(|(_, c)| c.clone()).collect(),
                    text: term.to_string(),
                    line: n,
                });
            }
            None => {
                if t.contains('(') || t.contains(')') {
                    return Err((
                        n,
                        format!("{t:?} is neither a category nor a term: a term ends in a weight such as ` (1)`"),
                    ));
                }
                while stack.last().is_some_and(|(d, _)| *d >= depth) {
                    stack.pop();
                }
                stack.push((depth, t.to_string()));
            }
        }
    }
    Ok(terms)
}

/// The term of a line `TERM (1)`, or `None` for a line without a weight.
fn weighted(line: &str) -> Option<&str> {
    let body = line.strip_suffix(')')?;
    let open = body.rfind('(')?;
    let weight = &body[open + 1..];
    (!weight.is_empty() && weight.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .then(|| body[..open].trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicoder_categories_and_errors() {
        let t = "+negative\nabandon*\nhuman rights abuse\n\n+positive\nfree\n";
        let terms = read_lexicoder(t).unwrap();
        assert_eq!(terms.len(), 3);
        assert_eq!((terms[2].path[0].as_str(), terms[2].line), ("positive", 6));
        assert_eq!(read_lexicoder("\nfoo\n+x\n").unwrap_err().0, 2);
        assert_eq!(read_lexicoder("+x\n+ \n").unwrap_err().0, 2);
    }

    #[test]
    fn wordstat_nesting_and_errors() {
        let t = "RIGHTS\n\tDETENTION\n\t\tDETAIN* (1)\n\t\tRE-EDUCATION CAMP (1)\n\tSPEECH (2)\nPLACES\n\tLHASA (1)\n";
        let terms = read_wordstat(t).unwrap();
        assert_eq!(terms[0].path, ["RIGHTS", "DETENTION"]);
        assert_eq!(terms[2].path, ["RIGHTS"]);
        assert_eq!(terms[3].path, ["PLACES"]);
        assert_eq!(read_wordstat("FOO (1)\n").unwrap_err().0, 1);
        assert_eq!(read_wordstat("A\n  B (1)\n").unwrap_err().0, 2);
        assert_eq!(read_wordstat("A\n\tB (x\n").unwrap_err().0, 2);
    }
}
