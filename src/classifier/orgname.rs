//! A place inside the name of a company, university or other body: `Moda Holding Hong
//! Kong`, `Hong Kong Baptist University`, `香港中國人權民運信息中心`.
//!
//! The codebook gives a company's or newspaper's home city level 0: the name says where the
//! body is registered, not that the place's question is raised. A mention that
//! [`in_organisation_name`] recognises is judged non-issue
//! ([`crate::SenseReason::OrganisationName`]) whatever its sentence holds, since the
//! sentence's cues are about the body (a rights group's name holds `human rights`), not the
//! place. Bodies the lexicons list by name (`Hong Kong Alliance`, `Hong Kong Journalists
//! Association`) are matched as whole entries and never reach this rule.

/// English words that end the name of a company, school or similar body. Compared
/// case-sensitively, so `the bank of the river` is no name.
const SUFFIXES_EN: &[&str] = &[
    "Holding",
    "Holdings",
    "Limited",
    "Ltd",
    "LTD",
    "LIMITED",
    "Company",
    "Corporation",
    "Corp",
    "Inc",
    "LLC",
    "PLC",
    "Bank",
    "Airlines",
    "Airways",
    "Exchange",
    "University",
    "Polytechnic",
    "Hospital",
    "Airport",
    "Disneyland",
    "Zoo",
];

/// Ends of Chinese names of companies, schools and associations (simplified and
/// traditional).
const SUFFIXES_ZH: &[&str] = &[
    "中心",
    "协会",
    "協會",
    "公司",
    "集团",
    "集團",
    "银行",
    "銀行",
    "大学",
    "大學",
    "学院",
    "學院",
    "医院",
    "醫院",
    "商会",
    "商會",
    "基金会",
    "基金會",
    "交易所",
    "机场",
    "機場",
    "组织",
    "組織",
    "团体",
    "團體",
];

/// Suffixes that always end a noun phrase, so the name may run straight on into its verb
/// (`多個台灣人權組織聲援香港政治犯`).
const CLOSED_SUFFIXES_ZH: &[&str] = &["组织", "組織", "团体", "團體"];

/// Most words of an English name after the place (`Hong Kong Baptist University`).
const MAX_WORDS_AFTER: usize = 3;

/// Most characters of a Chinese name after the place (`香港中國人權民運信息中心`).
const MAX_CHARS_AFTER_ZH: usize = 10;

/// Whether the place at `text[start..end]` is part of an organisation's name:
///
/// - English: up to [`MAX_WORDS_AFTER`] capitalised words follow it and the last is a
///   [suffix](SUFFIXES_EN) (`Hong Kong Baptist University`, `Taiwan Semiconductor
///   Manufacturing Company`), or the word just before it is one (`Moda Holding Hong Kong`);
/// - Chinese: the place starts a run of Chinese characters, with no punctuation, that holds
///   a [suffix](SUFFIXES_ZH) within [`MAX_CHARS_AFTER_ZH`] characters
///   (`香港中國人權民運信息中心的消息`).
///
/// # Examples
///
/// ```ignore
/// let t = "Moda Holding Hong Kong billed the ministry.";
/// assert!(in_organisation_name(t, 13, 22));
/// assert!(!in_organisation_name("Hong Kong authorities arrested them.", 0, 9));
/// ```
pub(super) fn in_organisation_name(text: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..start), text.get(end..)) else {
        return false;
    };
    let place = &text[start..end];
    if place.chars().next().is_some_and(is_han) {
        return han_name_after(after);
    }
    english_name_after(after) || english_suffix_before(before)
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// A run of Chinese characters after the place that ends in an organisation's suffix:
/// the suffix is followed by `的`, punctuation or the end of the run, so `大学生` (a
/// student) and a clause that only reaches a `中心` later are not names.
fn han_name_after(after: &str) -> bool {
    let chars: Vec<char> = after.chars().take(MAX_CHARS_AFTER_ZH + 1).collect();
    let run = chars.iter().take_while(|&&c| is_han(c)).count();
    let mut prefix = String::new();
    for (i, &c) in chars[..run.min(MAX_CHARS_AFTER_ZH)].iter().enumerate() {
        if c == '的' {
            // a name holds no 的: `台灣成立的組織` is a clause, not a name
            return false;
        }
        prefix.push(c);
        let ends_name = match chars.get(i + 1) {
            None => true,
            Some(&next) => next == '的' || !is_han(next),
        };
        if ends_name && SUFFIXES_ZH.iter().any(|s| prefix.ends_with(s)) {
            return true;
        }
        if CLOSED_SUFFIXES_ZH.iter().any(|s| prefix.ends_with(s)) {
            return true;
        }
    }
    false
}

/// Capitalised words after the place, the last of them a suffix, on the same line and
/// with only spaces between them.
fn english_name_after(after: &str) -> bool {
    let mut rest = after;
    for _ in 0..MAX_WORDS_AFTER {
        let Some(r) = rest.strip_prefix(' ') else {
            return false;
        };
        let len = r
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '&'))
            .unwrap_or(r.len());
        let word = &r[..len];
        if !word
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '&')
        {
            return false;
        }
        if SUFFIXES_EN.contains(&word) {
            return true;
        }
        rest = &r[len..];
    }
    false
}

/// The word just before the place is a suffix (`Moda Holding Hong Kong`), itself after a
/// capitalised word, so `the Airport Hong Kong` alone is not enough.
fn english_suffix_before(before: &str) -> bool {
    let mut words = before
        .strip_suffix(' ')
        .unwrap_or("")
        .rsplit(' ')
        .map(|w| w.trim_end_matches(','));
    match (words.next(), words.next()) {
        (Some(suffix), Some(name)) => {
            SUFFIXES_EN.contains(&suffix) && name.chars().next().is_some_and(char::is_uppercase)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::in_organisation_name;

    fn judge(text: &str, place: &str) -> bool {
        let start = text.find(place).expect("place in text");
        in_organisation_name(text, start, start + place.len())
    }

    #[test]
    fn company_and_school_names() {
        assert!(judge(
            "Moda Holding Hong Kong billed the Ministry of Health.",
            "Hong Kong"
        ));
        assert!(judge(
            "a lecturer at Hong Kong Baptist University said",
            "Hong Kong"
        ));
        assert!(judge(
            "Taiwan Semiconductor Manufacturing Company reported earnings.",
            "Taiwan"
        ));
        assert!(judge(
            "根據香港中國人權民運信息中心的消息，浙江等地",
            "香港"
        ));
        assert!(judge("香港大學，", "香港"));
        assert!(judge("在台港人及多個台灣人權組織聲援香港政治犯", "台灣"));
    }

    #[test]
    fn places_that_are_not_names() {
        assert!(!judge(
            "Hong Kong authorities arrested the editors.",
            "Hong Kong"
        ));
        assert!(!judge(
            "The people of Hong Kong deserve freedom.",
            "Hong Kong"
        ));
        assert!(!judge("香港警方以國安法拘捕四人", "香港"));
        assert!(!judge("香港，中國的特別行政區，人權中心", "香港"));
        assert!(!judge("一位香港大学生说", "香港"));
        assert!(!judge("參與在台灣成立的組織及其活動", "台灣"));
        assert!(!judge(
            "新疆维吾尔自治区依法采取包括设立教培中心在内的措施",
            "新疆维吾尔自治区"
        ));
        assert!(!judge("Hong Kong's bank regulator said", "Hong Kong"));
        assert!(!judge("Taiwan\nBank of Taiwan figures", "Taiwan"));
        assert!(!judge("the Airport Hong Kong link", "Hong Kong"));
    }
}
