//! quanteda YAML dictionaries: nested keys whose leaves are lists of terms.
//!
//! Only the part of YAML that dictionaries use is read (block mappings, block and flow lists
//! of strings, quoted and plain scalars, comments), so every term keeps its line number; any
//! other construct is an error naming its line rather than a guess.

use super::Term;

type Read = Result<Vec<Term>, (usize, String)>;

/// What a key has held so far.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Holds {
    Nothing,
    Terms,
    Keys,
}

struct Key {
    indent: usize,
    name: String,
    holds: Holds,
}

pub(super) fn read(text: &str) -> Read {
    let mut stack: Vec<Key> = Vec::new();
    let mut terms = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = strip_comment(raw);
        let t = line.trim();
        if t.is_empty() || t == "---" || t == "..." {
            continue;
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        if line[indent..].starts_with('\t') {
            return Err((
                n,
                "indented with a tab (help: YAML indents with spaces)".into(),
            ));
        }
        if let Some(item) = t
            .strip_prefix('-')
            .filter(|r| r.is_empty() || r.starts_with(' '))
        {
            while stack.last().is_some_and(|k| k.indent > indent) {
                stack.pop();
            }
            let Some(owner) = stack.last_mut() else {
                return Err((n, "a list item outside any key".into()));
            };
            if owner.holds == Holds::Keys {
                return Err((
                    n,
                    format!("key {:?} holds both subkeys and terms", owner.name),
                ));
            }
            owner.holds = Holds::Terms;
            let item = item.trim();
            if item.is_empty()
                || item.starts_with('[')
                || item.starts_with('{')
                || key_value(item).is_some()
            {
                return Err((
                    n,
                    "a list item must be a single term (help: nest categories as keys, not in lists)".into(),
                ));
            }
            let path = stack.iter().map(|k| k.name.clone()).collect();
            terms.push(Term {
                path,
                text: scalar(item, n)?,
                line: n,
            });
            continue;
        }
        let Some((key, value)) = key_value(t) else {
            return Err((n, format!("{t:?} is neither `key:` nor `- term`")));
        };
        while stack.last().is_some_and(|k| k.indent >= indent) {
            stack.pop();
        }
        if let Some(parent) = stack.last_mut() {
            if parent.holds == Holds::Terms {
                return Err((
                    n,
                    format!("key {:?} holds both terms and subkeys", parent.name),
                ));
            }
            parent.holds = Holds::Keys;
        }
        let name = scalar(key, n)?;
        if name.is_empty() {
            return Err((n, "an empty key".into()));
        }
        stack.push(Key {
            indent,
            name,
            holds: Holds::Nothing,
        });
        let path: Vec<String> = stack.iter().map(|k| k.name.clone()).collect();
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        if let Some(k) = stack.last_mut() {
            k.holds = Holds::Terms;
        }
        let items = if let Some(inner) = value.strip_prefix('[') {
            let Some(inner) = inner.strip_suffix(']') else {
                return Err((n, "a flow list `[...]` must close on the same line".into()));
            };
            split_flow(inner, n)?
        } else if value.starts_with('{')
            || value.starts_with('&')
            || value.starts_with('|')
            || value.starts_with('>')
        {
            return Err((
                n,
                format!("{value:?}: only lists of terms are supported as values"),
            ));
        } else {
            vec![scalar(value, n)?]
        };
        for text in items {
            terms.push(Term {
                path: path.clone(),
                text,
                line: n,
            });
        }
    }
    if terms.is_empty() {
        return Err((
            1,
            "no terms (help: write `key:` lines with `- term` lists under them)".into(),
        ));
    }
    Ok(terms)
}

/// `line` without a trailing comment (a `#` at the start or after a space, outside quotes).
fn strip_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') if prev == ' ' || prev == '[' || prev == ',' || prev == '-' => {
                quote = Some(c)
            }
            (Some(q), c) if c == q => quote = None,
            (None, '#') if prev == ' ' || prev == '\t' || i == 0 => return &line[..i],
            _ => {}
        }
        prev = c;
    }
    line
}

/// `key: value` split at the first `: ` (or a final `:`) outside quotes.
fn key_value(t: &str) -> Option<(&str, &str)> {
    let mut quote: Option<char> = None;
    for (i, c) in t.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') if i == 0 => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, ':') => {
                let rest = &t[i + 1..];
                if rest.is_empty() || rest.starts_with(' ') {
                    return Some((&t[..i], rest));
                }
            }
            _ => {}
        }
    }
    None
}

/// A scalar: `"double"` (with `\"` and `\\`), `'single'` (with `''`), or plain.
fn scalar(s: &str, n: usize) -> Result<String, (usize, String)> {
    let s = s.trim();
    if let Some(body) = s.strip_prefix('"') {
        let Some(body) = body.strip_suffix('"') else {
            return Err((n, format!("unclosed double quote in {s:?}")));
        };
        let mut out = String::new();
        let mut chars = body.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('"') => out.push('"'),
                    Some('\\') => out.push('\\'),
                    Some('t') => out.push('\t'),
                    other => {
                        return Err((
                            n,
                            format!("unsupported escape \\{} in {s:?}", other.unwrap_or(' ')),
                        ))
                    }
                }
            } else {
                out.push(c);
            }
        }
        return Ok(out);
    }
    if let Some(body) = s.strip_prefix('\'') {
        let Some(body) = body.strip_suffix('\'') else {
            return Err((n, format!("unclosed single quote in {s:?}")));
        };
        return Ok(body.replace("''", "'"));
    }
    Ok(s.to_string())
}

/// The items of a flow list's inside, split at commas outside quotes.
fn split_flow(inner: &str, n: usize) -> Result<Vec<String>, (usize, String)> {
    let mut items = Vec::new();
    let mut quote: Option<char> = None;
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '[' | ']' | '{' | '}') => {
                return Err((
                    n,
                    "nested lists and maps are not supported in a flow list".into(),
                ))
            }
            (None, ',') => {
                items.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&inner[start..]);
    items
        .into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| scalar(s, n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_keys_block_and_flow_lists() {
        let t = "# a comment\nrights:\n  detention:\n    - detain*\n    - \"re-education camp\" # why\n  speech: [censor*, 'writer''s union']\nplaces:\n- lhasa\n";
        let terms = read(t).unwrap();
        let got: Vec<(String, &str, usize)> = terms
            .iter()
            .map(|t| (t.path.join("/"), t.text.as_str(), t.line))
            .collect();
        assert_eq!(
            got,
            [
                ("rights/detention".to_string(), "detain*", 4),
                ("rights/detention".to_string(), "re-education camp", 5),
                ("rights/speech".to_string(), "censor*", 6),
                ("rights/speech".to_string(), "writer's union", 6),
                ("places".to_string(), "lhasa", 8),
            ]
        );
    }

    #[test]
    fn malformed_yaml_names_the_line() {
        assert_eq!(read("a:\n  - x\n  b:\n    - y\n").unwrap_err().0, 3);
        assert_eq!(read("- x\n").unwrap_err().0, 1);
        assert_eq!(read("a:\n\t- x\n").unwrap_err().0, 2);
        assert_eq!(read("a: [x, y\n").unwrap_err().0, 1);
        assert_eq!(read("a:\n  just text\n").unwrap_err().0, 2);
        assert_eq!(read("a:\n  - \"open\n").unwrap_err().0, 2);
        assert_eq!(read("a: {b: c}\n").unwrap_err().0, 1);
    }
}
