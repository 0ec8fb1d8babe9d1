//! Closed word lists that more than one step reads: month names, which open dateline dates
//! (`classifier::byline`) and are never part of a person's name (`prisoners::names`).

/// English month names, lower case.
pub(crate) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Usual abbreviations of English month names in datelines (`Aug. 15`), lower case. Kept
/// apart from [`MONTHS`]: `Jan` and `Mar` are also given names and surnames.
pub(crate) const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Whether `word` (any case) is a month name.
pub(crate) fn is_month(word: &str) -> bool {
    MONTHS.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// Whether `word` (any case) is a month name or its usual abbreviation.
pub(crate) fn is_month_or_abbreviation(word: &str) -> bool {
    is_month(word)
        || MONTH_ABBREVIATIONS
            .iter()
            .any(|m| m.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_abbreviations() {
        assert!(is_month("August") && is_month("MAY"));
        assert!(!is_month("Aug") && is_month_or_abbreviation("Aug"));
        assert!(is_month_or_abbreviation("sept"));
        assert!(!is_month_or_abbreviation("Monday"));
    }
}
