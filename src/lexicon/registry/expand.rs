//! From a registry row to a lexicon person entry: which forms match on their own, which only
//! after a full mention, and which need a human-rights context.
//!
//! The policy, in the order it is applied (documented for users in
//! `lexicons/registry/README.md`):
//!
//! * The canonical `name` and every listed variant match on their own (hyphen and space are
//!   the same to the matcher, so `Lam Wing-kee` also finds `Lam Wing Kee`).
//! * **Order swap.** A Han name written `Surname Given` also gets `Given Surname` (`Xu
//!   Zhiyong` -> `Zhiyong Xu`, `Lam Wing-kee` -> `Wing-kee Lam`) only when all of these hold:
//!   the region is `mainland` or `hong_kong`; the name is exactly two words; the first is a
//!   known Han surname; the given name is two syllables or hyphenated, and is not itself a
//!   surname (so `Wang Li` never becomes `Li Wang`, another person's name in the right order);
//!   and the name is not common. Tibetan and Uyghur names are never swapped: they have no
//!   surname to move.
//! * **English given name.** A Hong Kong name written `English-name Surname Given`
//!   (`Nathan Lau Chak-fung`) also gets `English-name Surname` (`Nathan Lau`), the form news
//!   reports use, unless the name is common.
//! * **Common names.** `common = true`, a one-word name (`Jigme`), or a Han name made of a
//!   frequent surname and a one-syllable given name (`Wang Yi`, `Li Na`: many people, among
//!   them officials and athletes) gives the entry `requires = "rights"`: it counts only in a
//!   sentence with a human-rights cue.
//! * **Chinese names.** A name of three or more characters is a variant; a two-character
//!   name (`张展`) occurs inside ordinary words, so it is a short form (counts after a full
//!   mention). Uyghur names written with a middle dot get every dot in use (`·`, `•`, `‧`, `・`).
//! * **Surname.** The bare surname is a short form only when it is distinctive: a less
//!   frequent Han surname of three or more letters that is not an English word (`Gui`,
//!   `Qin`; never `Wang`, `Chan` or `Long`).

use super::read::Row;
use crate::lexicon::{Entry, EntryKind, MatchMode, Requirement, Role, Sense};
use crate::normalize::{fold_phrase, is_cjk};
use crate::prisoners::names;
use std::collections::BTreeMap;
use unicode_normalization::UnicodeNormalization;

/// The prefix of derived ids.
pub(crate) const ID_PREFIX: &str = "political_prisoners.person.";

/// Middle dots used between the parts of Uyghur and other non-Han names in Chinese script.
const DOTS: [char; 4] = ['·', '•', '‧', '・'];

/// The statuses a registry names with a fixed spelling (others are kept as written).
const STATUSES: [&str; 7] = [
    "detained",
    "sentenced",
    "released",
    "disappeared",
    "died",
    "exiled",
    "unknown",
];

/// The lexicon entry of one registry row (see the module docs for the policy).
///
/// # Errors
///
/// A message (the caller adds file and line) when no id can be derived from the name or a
/// `zh` form is not a Chinese name.
pub(crate) fn person(row: Row) -> Result<Entry, String> {
    let id = match &row.id {
        Some(id) => id.clone(),
        None => derive_id(&row.name)?,
    };
    let tokens: Vec<&str> = row.name.split_whitespace().collect();
    let han = han_shape(&tokens, &row.region);
    let common = row.common
        || han.is_some_and(|(s, g)| names::is_common_surname(s) && names::is_single_syllable(g));
    let mut variants: Vec<String> = Vec::new();
    let mut short_forms: Vec<String> = Vec::new();
    for v in std::iter::once(&row.name).chain(&row.variants) {
        push_form(&mut variants, v.clone());
    }
    if let Some(swapped) = swapped(&tokens, han, common) {
        push_form(&mut variants, swapped);
    }
    if let Some(short) = english_given(&tokens, &row.region, common) {
        push_form(&mut variants, short);
    }
    for z in &row.zh {
        let (n, forms) = chinese_forms(z)?;
        let into = if n == 2 {
            &mut short_forms
        } else {
            &mut variants
        };
        for f in forms {
            // the same name in the other script (师涛 and 師濤), see [`super::han`]
            let others = super::han::counterparts(&f);
            push_form(into, f);
            for other in others {
                push_form(into, other);
            }
        }
    }
    if let Some((surname, _)) = han.filter(|_| tokens.len() == 2) {
        if names::is_distinctive_surname(surname) {
            push_form(&mut short_forms, surname.to_string());
        }
    }
    let one_word = !variants
        .iter()
        .any(|v| v.trim().contains([' ', '-']) || v.chars().any(is_cjk));
    Ok(Entry {
        id,
        kind: EntryKind::Person,
        variants,
        weight: 1.0,
        mode: MatchMode::Exact,
        case_sensitive: false,
        role: Role::Topic,
        requires: (common || one_word).then_some(Requirement::Rights),
        framing: None,
        shared: false,
        name: Some(row.name),
        region: Some(row.region),
        short_forms,
        source: row.source,
        note: row.case.clone(),
        sense: Sense::Issue,
        support: false,
        frame: None,
        line: row.line,
        metadata: metadata(row.status, row.case, row.extra),
    })
}

fn metadata(
    status: Option<String>,
    case: Option<String>,
    extra: BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    let mut m = extra;
    if let Some(s) = status {
        let lower = s.to_lowercase();
        let s = if STATUSES.contains(&lower.as_str()) {
            lower
        } else {
            s
        };
        m.insert("status".into(), s);
    }
    if let Some(c) = case {
        m.insert("case".into(), c);
    }
    m
}

/// `political_prisoners.person.<slug>`: the name without diacritics, lowercase ASCII letters
/// and digits joined by `-` (`Gedhun Chöekyi Nyima` -> `gedhun-choekyi-nyima`).
pub(crate) fn derive_id(name: &str) -> Result<String, String> {
    let mut slug = String::new();
    for c in name.nfd() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '\'' || c == '’' || c == '.')
            && !slug.is_empty()
            && !slug.ends_with('-')
        {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        return Err(format!(
            "cannot derive an id from the name {name:?}: give the row an `id` (political_prisoners.person.<slug>)"
        ));
    }
    Ok(format!("{ID_PREFIX}{slug}"))
}

/// `(surname, given)` of a romanised Han name in the mainland or Hong Kong: two or three
/// words, the first a known surname, the others pinyin or Cantonese syllables.
fn han_shape<'a>(tokens: &[&'a str], region: &str) -> Option<(&'a str, &'a str)> {
    if !matches!(region, "mainland" | "hong_kong") || !(2..=3).contains(&tokens.len()) {
        return None;
    }
    let surname = tokens[0];
    let rest_ok = tokens[1..].iter().all(|t| names::is_name_token(t));
    (names::is_han_surname(surname) && names::is_name_token(surname) && rest_ok)
        .then(|| (surname, tokens[1]))
}

/// The `Given Surname` form of a two-word Han name, when that is safe (see module docs).
fn swapped(tokens: &[&str], han: Option<(&str, &str)>, common: bool) -> Option<String> {
    let (surname, given) = han?;
    let multi = given.contains('-') || names::pinyin_syllables(given).is_some_and(|n| n >= 2);
    (tokens.len() == 2 && !common && multi && !names::is_han_surname(given))
        .then(|| format!("{given} {surname}"))
}

/// The `English-name Surname` form of a Hong Kong name written `English-name Surname Given`
/// (`Nathan Lau Chak-fung` -> `Nathan Lau`, as news reports name him), when the first word is
/// no Han surname, the second is one, the given name is hyphenated and the name not common.
fn english_given(tokens: &[&str], region: &str, common: bool) -> Option<String> {
    let [first, surname, given] = tokens else {
        return None;
    };
    let ok = region == "hong_kong"
        && !common
        && given.contains('-')
        && names::is_han_surname(surname)
        && !names::is_han_surname(first)
        && first.chars().next().is_some_and(char::is_uppercase);
    ok.then(|| format!("{first} {surname}"))
}

/// The character count of a Chinese name (dots not counted) and its forms (every middle dot
/// spelling when it has one).
fn chinese_forms(z: &str) -> Result<(usize, Vec<String>), String> {
    let z: String = z.chars().filter(|c| !c.is_whitespace()).collect();
    let bad = z.chars().find(|&c| !is_cjk(c) && !DOTS.contains(&c));
    if let Some(c) = bad {
        return Err(format!(
            "`zh` form {z:?} has {c:?}, which is not a Chinese character (help: put romanised spellings in `variants`)"
        ));
    }
    let n = z.chars().filter(|&c| is_cjk(c)).count();
    if n < 2 {
        return Err(format!("`zh` form {z:?} is shorter than two characters"));
    }
    if !z.contains(DOTS) {
        return Ok((n, vec![z]));
    }
    let forms = DOTS
        .iter()
        .map(|&d| {
            z.chars()
                .map(|c| if DOTS.contains(&c) { d } else { c })
                .collect()
        })
        .collect();
    Ok((n, forms))
}

/// Appends `form` unless an equal form (after folding case, hyphens and spaces) is there.
fn push_form(forms: &mut Vec<String>, form: String) {
    let key = |f: &str| {
        if f.chars().any(is_cjk) {
            vec![f.to_string()]
        } else {
            fold_phrase(f)
        }
    };
    let k = key(&form);
    if !forms.iter().any(|f| key(f) == k) {
        forms.push(form);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, region: &str) -> Row {
        Row {
            line: 1,
            id: None,
            name: name.into(),
            variants: vec![],
            zh: vec![],
            region: region.into(),
            status: None,
            common: false,
            source: "test".into(),
            case: None,
            extra: BTreeMap::new(),
        }
    }

    #[test]
    fn ids_are_derived_from_names() {
        assert_eq!(
            derive_id("Gedhun Chöekyi Nyima").unwrap(),
            "political_prisoners.person.gedhun-choekyi-nyima"
        );
        assert_eq!(
            derive_id("Lam Wing-kee").unwrap(),
            "political_prisoners.person.lam-wing-kee"
        );
        assert!(derive_id("王全璋").is_err());
    }

    #[test]
    fn han_names_get_the_swapped_order_when_safe() {
        let e = person(row("Xu Zhiyong", "mainland")).unwrap();
        assert_eq!(e.variants, ["Xu Zhiyong", "Zhiyong Xu"]);
        assert!(e.requires.is_none());
        let e = person(row("Lam Wing-kee", "hong_kong")).unwrap();
        assert_eq!(e.variants, ["Lam Wing-kee", "Wing-kee Lam"]);
        // a given name that is also a surname: the swap would name someone else
        assert_eq!(
            person(row("Wang Li", "mainland")).unwrap().variants,
            ["Wang Li"]
        );
        // no surname to move in Uyghur or Tibetan names, nor in Western order
        for (n, r) in [
            ("Ilham Tohti", "xinjiang"),
            ("Tashi Wangchuk", "tibet"),
            ("Jimmy Lai", "hong_kong"),
        ] {
            assert_eq!(person(row(n, r)).unwrap().variants, [n]);
        }
    }

    #[test]
    fn hong_kong_names_with_an_english_name_get_the_short_form_news_uses() {
        // one of the Hong Kong 47, named "Nathan Lau" in court reports (HKFP, 2022)
        let e = person(row("Nathan Lau Chak-fung", "hong_kong")).unwrap();
        assert!(
            e.variants.iter().any(|v| v == "Nathan Lau"),
            "{:?}",
            e.variants
        );
        // not for a mainland name, nor when the first word is itself a surname
        let e = person(row("Nathan Lau Chak-fung", "mainland")).unwrap();
        assert!(!e.variants.iter().any(|v| v == "Nathan Lau"));
        let e = person(row("Tseung Chau Ching-yu", "hong_kong")).unwrap();
        assert!(!e.variants.iter().any(|v| v == "Tseung Chau"));
    }

    #[test]
    fn common_names_need_a_rights_context() {
        assert_eq!(
            person(row("Wang Yi", "mainland")).unwrap().requires,
            Some(Requirement::Rights)
        );
        assert_eq!(
            person(row("Jigme", "tibet")).unwrap().requires,
            Some(Requirement::Rights)
        );
        let mut r = row("Zhang Zhan", "mainland");
        r.common = true;
        let e = person(r).unwrap();
        assert_eq!(e.requires, Some(Requirement::Rights));
        assert_eq!(e.variants, ["Zhang Zhan"], "no swap for a common name");
    }

    #[test]
    fn chinese_names_and_surnames() {
        let mut r = row("Gui Minhai", "mainland");
        r.zh = vec!["桂民海".into()];
        let e = person(r).unwrap();
        assert_eq!(e.variants, ["Gui Minhai", "Minhai Gui", "桂民海"]);
        assert_eq!(e.short_forms, ["Gui"]);
        let mut r = row("Zhang Zhan", "mainland");
        r.zh = vec!["张展".into(), "張展".into()];
        assert_eq!(person(r).unwrap().short_forms, ["张展", "張展"]);
        // one script given, both matched
        let mut r = row("Shi Tao", "mainland");
        r.zh = vec!["师涛".into()];
        assert_eq!(person(r).unwrap().short_forms, ["师涛", "師濤"]);
        let mut r = row("Ilham Tohti", "xinjiang");
        r.zh = vec!["伊力哈木·土赫提".into()];
        assert_eq!(person(r).unwrap().variants.len(), 5);
        let mut r = row("X Y", "mainland");
        r.zh = vec!["Wang".into()];
        assert!(person(r).unwrap_err().contains("not a Chinese character"));
    }

    #[test]
    fn status_and_extra_columns_are_metadata() {
        let mut r = row("Xu Zhiyong", "mainland");
        r.status = Some("Sentenced".into());
        r.case = Some("New Citizens Movement".into());
        r.extra.insert("prison".into(), "Linyi".into());
        let e = person(r).unwrap();
        assert_eq!(e.metadata["status"], "sentenced");
        assert_eq!(e.metadata["case"], "New Citizens Movement");
        assert_eq!(e.metadata["prison"], "Linyi");
    }
}
