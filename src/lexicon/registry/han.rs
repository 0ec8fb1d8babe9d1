//! The simplified and traditional spellings of a Chinese name.
//!
//! Registries usually give a detainee's name in one script (the CECC and Dui Hua records in
//! simplified characters, Hong Kong and Taiwan media in traditional), and the same person is
//! written in the other script by half of the Chinese-language press: 师涛 is 師濤 in a Hong
//! Kong report. [`counterparts`] gives the other script's spelling, character by character,
//! from OpenCC's character tables (`lexicons/zh/STCharacters.txt` and `TSCharacters.txt`,
//! Apache-2.0, see `lexicons/zh/README.md`).
//!
//! Names are not prose, so two choices differ from a text converter's:
//! * a character with several counterparts takes the first, the common one (`涛` -> `濤`),
//!   except that the **first character keeps itself when the table lists it among its
//!   counterparts**: the surnames 范, 于, 余, 沈 and 姜 are written the same in both scripts,
//!   although as words they become 範, 於, 餘, 瀋 and 薑;
//! * no phrase tables: a name is converted one character at a time.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Character -> its counterparts in the other script, most common first.
type Table = HashMap<char, Vec<char>>;

const SIMPLIFIED_TO_TRADITIONAL: &str = include_str!("../../../lexicons/zh/STCharacters.txt");
const TRADITIONAL_TO_SIMPLIFIED: &str = include_str!("../../../lexicons/zh/TSCharacters.txt");

/// Reads one OpenCC character table (`key<TAB>value value...`, `#` comments); entries of
/// more than one character on either side are skipped.
fn parse(text: &str) -> Table {
    let mut table = Table::new();
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some((key, values)) = line.split_once('\t') else {
            continue;
        };
        let mut k = key.chars();
        let (Some(key), None) = (k.next(), k.next()) else {
            continue;
        };
        let values: Vec<char> = values
            .split(' ')
            .filter_map(|v| {
                let mut c = v.chars();
                match (c.next(), c.next()) {
                    (Some(c), None) => Some(c),
                    _ => None,
                }
            })
            .collect();
        if !values.is_empty() {
            table.insert(key, values);
        }
    }
    table
}

fn tables() -> &'static (Table, Table) {
    static TABLES: OnceLock<(Table, Table)> = OnceLock::new();
    TABLES.get_or_init(|| {
        (
            parse(SIMPLIFIED_TO_TRADITIONAL),
            parse(TRADITIONAL_TO_SIMPLIFIED),
        )
    })
}

/// `name` converted with `table`, one character at a time (see the module docs).
fn convert(name: &str, table: &Table) -> String {
    name.chars()
        .enumerate()
        .map(|(i, c)| match table.get(&c) {
            Some(to) if i == 0 && to.contains(&c) => c,
            Some(to) => to[0],
            None => c,
        })
        .collect()
}

/// The traditional and simplified spellings of a Chinese name that differ from it (none,
/// one or two).
///
/// # Examples
///
/// ```ignore
/// assert_eq!(counterparts("师涛"), vec!["師濤"]);
/// assert_eq!(counterparts("師濤"), vec!["师涛"]);
/// assert_eq!(counterparts("范木根"), vec!["范木根"]); // the surname is kept
/// ```
pub(super) fn counterparts(name: &str) -> Vec<String> {
    let (s2t, t2s) = tables();
    let mut out: Vec<String> = Vec::new();
    for other in [convert(name, s2t), convert(name, t2s)] {
        if other != name && !out.contains(&other) {
            out.push(other);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_get_the_other_script() {
        assert_eq!(counterparts("师涛"), vec!["師濤"]);
        assert_eq!(counterparts("師濤"), vec!["师涛"]);
        assert_eq!(counterparts("王有才"), Vec::<String>::new());
        assert_eq!(counterparts("伊力哈木·土赫提"), Vec::<String>::new());
        assert_eq!(counterparts("刘晓波"), vec!["劉曉波"]);
    }

    #[test]
    fn surnames_that_both_scripts_share_are_kept() {
        // 范 as a word is 範 in traditional script, but the surname Fan is 范 in both
        assert_eq!(counterparts("范木根"), Vec::<String>::new());
        assert_eq!(counterparts("于世文"), Vec::<String>::new());
        // inside the given name the common counterpart is taken
        assert_eq!(counterparts("张发"), vec!["張發"]);
    }
}
