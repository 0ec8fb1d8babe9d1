//! Prisoner registries: JSON Lines or CSV files of named people, read into ordinary
//! `political_prisoners` person entries.
//!
//! A registry holds one person per row (the format is documented in
//! `lexicons/registry/README.md`):
//!
//! | field | required | meaning |
//! |---|---|---|
//! | `id` | no | entry id; derived from the name as `political_prisoners.person.<slug>` if absent |
//! | `name` | yes | canonical name |
//! | `variants` | no | other spellings (a JSON list; in CSV separated by `|`) |
//! | `zh` | no | names in Chinese characters, simplified and traditional (list; `|` in CSV) |
//! | `region` | yes | `mainland`, `hong_kong`, `tibet` or `xinjiang` |
//! | `status` | no | `detained`, `sentenced`, `released`, `disappeared`, `died`, `exiled`, `unknown` or free text |
//! | `common` | no | `true` when the name is common: it then counts only in a human-rights context |
//! | `source` | yes | where the case or spelling was checked |
//! | `case` | no | a short description of the case |
//! | anything else | no | kept as text in [`Entry::metadata`] |
//!
//! Rows become entries through the matching policy of [`expand`] (order swaps, Chinese names
//! in both scripts, common-name guard, surname short forms). Within one registry an id may appear once; a
//! registry added to a [`ClassifierBuilder`](crate::ClassifierBuilder) is merged with the
//! people already loaded by [`merge`].

mod expand;
mod han;
mod read;

use super::{Entry, EntryKind, Lexicon};
use crate::error::Error;
use crate::normalize::{fold_phrase, is_cjk};
use std::collections::HashMap;
use std::path::Path;

/// The topic of every registry entry.
pub(crate) const TOPIC: &str = "political_prisoners";

impl Lexicon {
    /// Reads a prisoner registry (JSON Lines or CSV, format in `lexicons/registry/README.md`) into a
    /// `political_prisoners` lexicon of person entries; `origin` names it in errors and
    /// picks the format by its extension (`.csv`; `.jsonl`, `.ndjson`, `.json`), else the
    /// text decides (a first data line starting with `{` is JSON Lines).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Parse`](crate::ErrorKind::Parse) naming `origin` and the line of the
    /// first malformed row (bad JSON, a missing `name`, `region` or `source`, an unknown
    /// region, an unterminated CSV quote, a `zh` form that is not Chinese);
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) when two rows have the same id.
    ///
    /// # Examples
    ///
    /// A two-word Han name also matches in Western order; a Chinese name of three characters
    /// is a variant of its own; extra columns are kept as metadata.
    ///
    /// ```
    /// use rightslens::Lexicon;
    /// let csv = "name,zh,region,status,source,prison\n\
    ///            Xu Zhiyong,许志永|許志永,mainland,sentenced,CECC Political Prisoner Database,Linyi\n";
    /// let lex = Lexicon::from_registry_str("mine.csv", csv)?;
    /// let e = &lex.entries[0];
    /// assert_eq!(e.id, "political_prisoners.person.xu-zhiyong");
    /// assert_eq!(e.variants, ["Xu Zhiyong", "Zhiyong Xu", "许志永", "許志永"]);
    /// assert_eq!(e.metadata["prison"], "Linyi");
    ///
    /// let bad = "{\"name\": \"Xu Zhiyong\", \"region\": \"mainland\"}\n";
    /// let err = Lexicon::from_registry_str("mine.jsonl", bad).unwrap_err();
    /// assert_eq!(err.line(), Some(1));
    /// assert!(err.to_string().contains("source"));
    /// # Ok::<(), rightslens::Error>(())
    /// ```
    pub fn from_registry_str(origin: &str, text: &str) -> crate::Result<Lexicon> {
        let rows = read::rows(origin, text, read::format_of(origin, text))?;
        let mut entries = Vec::with_capacity(rows.len());
        let mut seen: HashMap<String, usize> = HashMap::with_capacity(rows.len());
        for row in rows {
            let line = row.line;
            let e = expand::person(row)
                .map_err(|m| Error::parse(m).with_path(origin).with_line(line))?;
            if let Some(first) = seen.insert(e.id.clone(), line) {
                return Err(Error::invalid(format!(
                    "duplicate id (first at line {first}) (help: give distinct people distinct ids, e.g. add `\"id\": \"{}-2\"`, or merge the rows)",
                    e.id
                ))
                .with_path(origin)
                .with_line(line)
                .with_entry(e.id));
            }
            entries.push(e);
        }
        let mut sources: Vec<String> = Vec::new();
        let mut known = std::collections::HashSet::new();
        for e in &entries {
            if known.insert(e.source.as_str()) {
                sources.push(e.source.clone());
            }
        }
        Ok(Lexicon {
            origin: origin.to_string(),
            topic: TOPIC.to_string(),
            description: format!("prisoner registry ({} people)", entries.len()),
            sources,
            licence: None,
            thresholds: None,
            entries,
        })
    }

    /// Reads a prisoner registry file (see [`Lexicon::from_registry_str`]).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) when the file cannot be read, or an error of
    /// [`Lexicon::from_registry_str`].
    ///
    /// # Examples
    ///
    /// ```
    /// let err = rightslens::Lexicon::from_registry_file("/no/such/registry.csv").unwrap_err();
    /// assert!(matches!(err.kind(), rightslens::ErrorKind::Io(_)));
    /// ```
    pub fn from_registry_file(path: impl AsRef<Path>) -> crate::Result<Lexicon> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Lexicon::from_registry_str(&path.display().to_string(), &text)
    }
}

/// Adds a user registry to the loaded lexicons, merging the people they already hold.
///
/// A registry person is the same as a loaded `political_prisoners` person when it has the
/// same id, or its canonical name (folded: case, hyphens, spaces) is that person's name or
/// one of its variants. The loaded entry then stays as it is (id, source, matching policy)
/// and gains the registry's forms it lacks, and its metadata keys it lacks: as variants when
/// the loaded entry matches its own name, else as short forms (an entry such as `Wang Yu`
/// that counts only as `lawyer Wang Yu` keeps its guard). Everyone else joins as the
/// registry's own lexicon.
///
/// A registry person may share a name with an entry of another topic (a prisoner and an
/// official both called `Chen Quanguo`): such a form becomes a short form of the prisoner,
/// counting only after another full form of that person, so the other entry keeps it. The
/// same words in another order (`Quanguo Chen`) are demoted too, as long as one full form
/// remains (`Kong Hong` stays a name next to `Hong Kong` when it is the only one).
///
/// # Errors
///
/// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) naming the row when every form of a
/// person is claimed by another topic.
pub(crate) fn merge(lexicons: &mut Vec<Lexicon>, mut registry: Lexicon) -> crate::Result<()> {
    // id, and folded name or variant -> (lexicon, entry) of every loaded prisoner
    let mut by_id: HashMap<String, (usize, usize)> = HashMap::new();
    let mut by_name: HashMap<Vec<String>, (usize, usize)> = HashMap::new();
    for (li, l) in lexicons
        .iter()
        .enumerate()
        .filter(|(_, l)| l.topic == TOPIC)
    {
        for (ei, e) in l.entries.iter().enumerate() {
            if e.kind != EntryKind::Person {
                continue;
            }
            by_id.insert(e.id.clone(), (li, ei));
            let forms = e.name.iter().chain(e.variants.iter());
            for f in forms.filter(|f| !f.chars().any(is_cjk)) {
                by_name.entry(fold_phrase(f)).or_insert((li, ei));
            }
        }
    }
    registry.entries.retain(|r| {
        let found = by_id
            .get(&r.id)
            .or_else(|| r.name.as_deref().and_then(|n| by_name.get(&fold_phrase(n))));
        let Some(&(li, ei)) = found else {
            return true;
        };
        absorb(&mut lexicons[li].entries[ei], r);
        false
    });
    let (others, others_any_order) = other_topic_forms(lexicons);
    for e in &mut registry.entries {
        let (taken, free): (Vec<String>, Vec<String>) = e
            .variants
            .drain(..)
            .partition(|v| others.contains_key(&form_key(v)));
        // the order swap of a taken name (`Quanguo Chen`) is taken with it
        let taken_words: Vec<Vec<String>> = taken.iter().map(|v| any_order(v)).collect();
        let (swaps, free): (Vec<String>, Vec<String>) = free
            .into_iter()
            .partition(|v| taken_words.contains(&any_order(v)));
        let taken: Vec<String> = taken.into_iter().chain(swaps).collect();
        if free.is_empty() {
            let other = taken.first().and_then(|v| others.get(&form_key(v)));
            return Err(Error::invalid(format!(
                "every form of this person is also an entry of another topic ({}) (help: add a distinguishing variant such as \"lawyer {}\", or drop the row)",
                other.map_or("", String::as_str),
                e.name.as_deref().unwrap_or("")
            ))
            .with_path(&registry.origin)
            .with_line(e.line)
            .with_entry(e.id.clone()));
        }
        // the same words in another order (`Quanguo Chen`) yield too, if a form remains
        let (swapped, kept): (Vec<String>, Vec<String>) = free
            .iter()
            .cloned()
            .partition(|v| others_any_order.contains_key(&any_order(v)));
        let (free, swapped) = if kept.is_empty() {
            (free, Vec::new())
        } else {
            (kept, swapped)
        };
        e.variants = free;
        e.short_forms.extend(taken);
        e.short_forms.extend(swapped);
    }
    lexicons.push(registry);
    Ok(())
}

/// The forms of the topic entries of topics other than prisoners and context, as written
/// ([`form_key`]) and in sorted word order ([`any_order`]), with the id of their entry.
fn other_topic_forms(lexicons: &[Lexicon]) -> (FormIds, FormIds) {
    let (mut exact, mut sorted) = (HashMap::new(), HashMap::new());
    let others = lexicons
        .iter()
        .filter(|l| l.topic != TOPIC && l.topic != super::CONTEXT_TOPIC);
    for e in others.flat_map(|l| &l.entries) {
        if e.role == super::Role::Topic && e.mode != super::MatchMode::Regex {
            for v in &e.variants {
                exact.insert(form_key(v), e.id.clone());
                sorted.insert(any_order(v), e.id.clone());
            }
        }
    }
    (exact, sorted)
}

/// Folded forms and the id of the entry that has them.
type FormIds = HashMap<Vec<String>, String>;

/// A form's words in sorted order, so that `Quanguo Chen` meets `Chen Quanguo`.
fn any_order(f: &str) -> Vec<String> {
    let mut k = form_key(f);
    k.sort_unstable();
    k
}

/// A form as the matcher compares it: CJK byte for byte, other text folded.
fn form_key(f: &str) -> Vec<String> {
    if f.chars().any(is_cjk) {
        vec![f.to_string()]
    } else {
        fold_phrase(f)
    }
}

/// Gives `into` the forms and metadata of `from` that it lacks (see [`merge`]).
fn absorb(into: &mut Entry, from: &Entry) {
    let key = form_key;
    let has_own_name = into
        .name
        .as_deref()
        .is_some_and(|n| into.variants.iter().any(|v| key(v) == key(n)));
    let known: Vec<Vec<String>> = into
        .variants
        .iter()
        .chain(&into.short_forms)
        .map(|f| key(f))
        .collect();
    for f in from.variants.iter().chain(&from.short_forms) {
        if known.contains(&key(f)) {
            continue;
        }
        let is_short = from.short_forms.contains(f);
        if has_own_name && !is_short {
            into.variants.push(f.clone());
        } else {
            into.short_forms.push(f.clone());
        }
    }
    for (k, v) in &from.metadata {
        into.metadata.entry(k.clone()).or_insert_with(|| v.clone());
    }
}

/// Splits the bundle build.rs writes from `lexicons/registry/` into `(file name, text)`:
/// each file starts with a line `\0NAME`.
pub(crate) fn split_bundle(bundle: &str) -> Vec<(&str, &str)> {
    bundle
        .split('\0')
        .filter(|part| !part.is_empty())
        .map(|part| part.split_once('\n').unwrap_or((part, "")))
        .collect()
}

#[cfg(test)]
mod tests;
