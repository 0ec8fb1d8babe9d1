//! Matching prisoner names of gold labels to the prisoners a report names.

use unicode_normalization::UnicodeNormalization;

/// Folds a name for comparison: NFKC, lowercase, apostrophes and hyphens unified, spaces
/// collapsed.
pub(crate) fn name_key(s: &str) -> String {
    let folded: String = s
        .nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| {
            if crate::normalize::is_apostrophe(c) {
                '\''
            } else if crate::normalize::is_dash(c) || c == '·' || c == '•' {
                ' '
            } else {
                c
            }
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a gold name refers to a reported person: equal after folding to the canonical name
/// or a mention, or one contains the other when the shorter is longer than 3 characters.
pub(crate) fn same_person(gold: &str, names: &[String]) -> bool {
    let g = name_key(gold);
    names.iter().any(|x| {
        *x == g
            || (x.chars().count() > 3
                && g.chars().count() > 3
                && (x.contains(&g) || g.contains(x.as_str())))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_across_spellings() {
        let names = vec![name_key("Chow Hang-tung")];
        assert!(same_person("Chow Hang Tung", &names));
        assert!(!same_person("Joshua Wong", &names));
        assert!(same_person("Panchen Lama", &[name_key("the Panchen Lama")]));
    }
}
