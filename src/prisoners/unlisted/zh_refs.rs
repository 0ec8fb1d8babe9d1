//! A surname alone before a title (`丁长老`, `周牧师`) stands for the person the text names in
//! full before it with the same title (`丁中福长老`): church and lawyers' reports name each
//! person once in full, then by surname and title (`丁长老和周牧师自2023年11月30日被警方拘押`).
//! The finder takes the surname where a custody phrase follows
//! ([`super::zh_gap::name_before_gap`]); this resolves it against the whole text.

use super::zh_gap::TITLES_AFTER;
use crate::normalize::is_cjk;
use std::ops::Range;

/// The span of the full name that the one-character surname at `name` (followed by a title
/// in `text`) stands for: the only name the text writes before it as the surname, one or
/// two more characters and the same title. None when there is no such name, or two.
pub(super) fn resolve(text: &str, name: Range<usize>) -> Option<Range<usize>> {
    let surname = text.get(name.clone())?;
    let title = TITLES_AFTER
        .iter()
        .find(|t| text[name.end..].starts_with(*t))?;
    let mut found: Option<Range<usize>> = None;
    for (i, _) in text[..name.start].match_indices(surname) {
        let rest = &text[i + surname.len()..];
        let given = [2usize, 1].into_iter().find_map(|n| {
            let chars: Vec<char> = rest.chars().take(n).collect();
            let len: usize = chars.iter().map(|c| c.len_utf8()).sum();
            (chars.len() == n && chars.iter().all(|&c| is_cjk(c)) && rest[len..].starts_with(title))
                .then_some(len)
        });
        let Some(len) = given else {
            continue;
        };
        let span = i..i + surname.len() + len;
        match &found {
            None => found = Some(span),
            Some(f) if text[f.clone()] == text[span.clone()] => {}
            Some(_) => return None,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::resolve;

    fn at(text: &str, needle: &str) -> std::ops::Range<usize> {
        let i = text.rfind(needle).unwrap();
        i..i + needle.len()
    }

    #[test]
    fn a_surname_and_title_stand_for_the_full_name_before() {
        // China Aid's weekly update, July 2024 (blind set mixed5, tuning half, v021; abridged)
        let t = "丁中福长老和周松林牧师的庭审已于7月24日结束。丁长老和周牧师自2023年11月30日被警方拘押。";
        let d = resolve(t, at(t, "丁")).map(|r| &t[r]);
        assert_eq!(d, Some("丁中福"));
        let z = resolve(t, at(t, "周")).map(|r| &t[r]);
        assert_eq!(z, Some("周松林"));
    }

    #[test]
    fn no_full_name_or_two_of_them_leave_it_unresolved() {
        let t = "周牧师被警方拘押。";
        assert_eq!(resolve(t, at(t, "周")), None);
        let t = "王全璋律师和王宇律师的案件。王律师被带走。";
        assert_eq!(resolve(t, at(t, "王")), None);
    }
}
