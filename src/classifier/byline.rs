//! Where a story comes from and who asks: news datelines (`TAIPEI, Taiwan —`, `HONG KONG
//! (Reuters) -`, `Taipei, Aug. 5 (CNA)`) and the outlet labels of press-conference
//! transcripts (`Hong Kong Bauhinia Magazine: ...`, `香港凤凰卫视记者：...`).
//!
//! A dateline says where a story was filed, and a speaker label which outlet a reporter
//! works for, not what the story or the question is about: a wire story datelined Taipei
//! about Hong Kong's courts does not raise Taiwan, and a question from a Hong Kong
//! newspaper at the Taiwan Affairs Office does not raise Hong Kong. [`is_dateline`] and
//! [`is_speaker_label`] recognise such a mention; the sense step then judges that one
//! mention non-issue ([`crate::SenseReason::Dateline`], [`crate::SenseReason::Affiliation`]).
//! Other mentions of the place are judged as usual.

/// Most bytes of a dateline after the place (`, Taiwan, Aug. 15, 2024 (Central News Agency) —`).
const DATELINE_TAIL: usize = 72;

/// Whether the place at `text[start..end]` opens a news dateline: it starts a line (only
/// spaces before it), and what follows is an optional `, Region`, an optional date
/// (`, Aug. 5`, `, 12 June 2023`), an optional agency in brackets (`(Reuters)`), then a dash,
/// or the bracketed agency itself.
///
/// # Examples
///
/// ```ignore
/// assert!(is_dateline("TAIPEI, Taiwan — Three activists...", 0, 6));
/// assert!(!is_dateline("Taipei, Seoul and Tokyo agreed...", 0, 6));
/// ```
pub(super) fn is_dateline(text: &str, start: usize, end: usize) -> bool {
    // only spaces between the line's start and the place, or a city in capitals and its
    // comma (`TAIPEI, Taiwan —`); at most a few words back, so a long line costs nothing
    let mut from = start.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..start];
    let prefix = match window.rfind('\n') {
        Some(p) => &window[p + 1..],
        None if from == 0 => window,
        None => return false,
    };
    let prefix = prefix.trim_start_matches([' ', '\t', '\r', '\u{feff}']);
    let after_city = !prefix.is_empty();
    if after_city {
        let city = prefix.strip_suffix(", ").unwrap_or("");
        let is_city = !city.is_empty()
            && city
                .chars()
                .all(|c| c == ' ' || (c.is_alphabetic() && c.is_uppercase()));
        if !is_city {
            return false;
        }
    }
    let mut limit = (end + DATELINE_TAIL).min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let mut rest = &text[end..limit];
    let mut dated = false;
    // `, Taiwan` (a region after the city), then `, Aug. 5` / `, 12 June 2023`
    for _ in 0..2 {
        let Some(after_comma) = rest.strip_prefix(',') else {
            break;
        };
        let part = after_comma.trim_start_matches(' ');
        if let Some(r) = date(part) {
            rest = r;
            dated = true;
            break;
        }
        match region(part) {
            // the place after a city is the region itself: no second region
            Some(r) if !after_city => rest = r,
            _ => break,
        }
    }
    rest = rest.trim_start_matches(' ');
    let agency = rest.strip_prefix('(').and_then(|r| {
        let close = r.find(')')?;
        (close <= 40 && !r[..close].contains(['\n', '.'])).then(|| &r[close + 1..])
    });
    if let Some(r) = agency {
        rest = r.trim_start_matches(' ');
        if rest.chars().next().is_some_and(|c| c.is_uppercase()) {
            return true;
        }
    }
    let dashed = ["—", "–", "-", ":"].iter().any(|d| rest.starts_with(d));
    dashed && (dated || agency.is_some() || rest.starts_with(['—', '–']) || rest.starts_with("--"))
}

/// Last words of an outlet's name in an English speaker label (`Hong Kong Economic Journal:`).
const OUTLET_WORDS: &[&str] = &[
    "magazine",
    "news",
    "tv",
    "television",
    "daily",
    "times",
    "post",
    "journal",
    "radio",
    "agency",
    "network",
    "reporter",
    "correspondent",
    "herald",
    "tribune",
    "weekly",
    "press",
    "broadcasting",
];

/// Most bytes between the place and the colon of a speaker label.
const LABEL_TAIL: usize = 48;

/// Whether the place at `text[start..end]` is part of a reporter's outlet in a transcript's
/// speaker label: in English, a line that starts with the place and runs through capitalised
/// words to an outlet word and a colon (`Hong Kong Commercial Daily: Recently, ...`); in
/// Chinese, a clause that starts with the place and reaches `记者：` (`香港凤凰卫视记者：近日...`).
///
/// # Examples
///
/// ```ignore
/// assert!(is_speaker_label("Hong Kong Economic Journal: Will the ...", 0, 9));
/// assert!(!is_speaker_label("Hong Kong: authorities must release ...", 0, 9));
/// ```
pub(super) fn is_speaker_label(text: &str, start: usize, end: usize) -> bool {
    let mut limit = (end + LABEL_TAIL).min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let tail = &text[end..limit];
    let mut before = text[..start].chars().rev();
    let first = loop {
        match before.next() {
            Some(' ' | '\t' | '\r' | '\u{feff}' | '\u{3000}') => continue,
            other => break other,
        }
    };
    if tail.starts_with(|c: char| crate::normalize::is_cjk(c)) {
        // a clause start, then the outlet and 记者： with no punctuation between
        if !matches!(first, None | Some('\n' | '。' | '！' | '？' | '；')) {
            return false;
        }
        let clause = tail
            .split(['，', '。', '、', '；', '\n'])
            .next()
            .unwrap_or("");
        return ["记者：", "記者：", "记者:", "記者:"]
            .iter()
            .any(|label| clause.find(label).is_some_and(|k| k <= 30));
    }
    if !matches!(first, None | Some('\n')) {
        return false;
    }
    let Some(colon) = tail.find(':') else {
        return false;
    };
    let label = &tail[..colon];
    let words: Vec<&str> = label.split(' ').filter(|w| !w.is_empty()).collect();
    let Some(last) = words.last() else {
        return false;
    };
    words
        .iter()
        .all(|w| w.starts_with(|c: char| c.is_uppercase()) || *w == "of" || *w == "and")
        && OUTLET_WORDS.iter().any(|o| o.eq_ignore_ascii_case(last))
}

/// A capitalised place name of one to three words after a dateline's comma; returns the
/// rest of the text.
fn region(s: &str) -> Option<&str> {
    let mut rest = s;
    for i in 0..3 {
        let word_len = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphabetic() || c == '.'))
            .map_or(rest.len(), |(k, _)| k);
        if word_len == 0 || !rest.starts_with(|c: char| c.is_uppercase()) {
            return (i > 0).then_some(rest);
        }
        rest = &rest[word_len..];
        match rest.strip_prefix(' ') {
            Some(r) if r.starts_with(|c: char| c.is_uppercase()) => rest = r,
            _ => return Some(rest),
        }
    }
    Some(rest)
}

/// A date after a dateline's comma (`Aug. 5`, `March 3, 2024`, `12 June 2023`); returns the
/// rest of the text.
fn date(s: &str) -> Option<&str> {
    let rest = if let Some((month, rest)) = split_word(s) {
        let rest = rest
            .strip_prefix('.')
            .unwrap_or(rest)
            .trim_start_matches(' ');
        let (day, rest) = split_digits(rest)?;
        (is_month(month) && day <= 2).then_some(rest)?
    } else {
        let (day, rest) = split_digits(s)?;
        let (month, rest) = split_word(rest.trim_start_matches(' '))?;
        (day <= 2 && is_month(month)).then_some(rest)?
    };
    // an optional year: `, 2024` or ` 2024`
    let year = rest.trim_start_matches([',', ' ']);
    match split_digits(year) {
        Some((4, r)) => Some(r),
        _ => Some(rest),
    }
}

fn is_month(w: &str) -> bool {
    crate::words::is_month_or_abbreviation(w)
}

/// The leading ASCII letters of `s` and what follows them.
fn split_word(s: &str) -> Option<(&str, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    (n > 0).then(|| s.split_at(n))
}

/// How many ASCII digits `s` starts with, and what follows them.
fn split_digits(s: &str) -> Option<(usize, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    (n > 0).then(|| (n, &s[n..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, place: &str) -> bool {
        let start = text.find(place).expect("place in text");
        is_dateline(text, start, start + place.len())
    }

    #[test]
    fn wire_datelines() {
        assert!(at(
            "Title\n\nTAIPEI, Taiwan — Three Hong Kong activists",
            "TAIPEI"
        ));
        assert!(at(
            "Title\n\nTAIPEI, Taiwan — Three Hong Kong activists",
            "Taiwan"
        ));
        assert!(at("Taipei, Aug. 5 (CNA) People across Taiwan", "Taipei"));
        assert!(at(
            "TAIPEI (TVBS News) — The Mainland Affairs Council",
            "TAIPEI"
        ));
        assert!(at("HONG KONG (Reuters) - A court on Monday", "HONG KONG"));
        assert!(at("  Hong Kong, 12 June 2023 – Police said", "Hong Kong"));
        assert!(at("LHASA, March 14, 2008 -- Shops burned", "LHASA"));
    }

    fn label(text: &str, place: &str) -> bool {
        let start = text.find(place).expect("place in text");
        is_speaker_label(text, start, start + place.len())
    }

    #[test]
    fn outlets_in_speaker_labels() {
        assert!(label(
            "Title\n\nHong Kong Bauhinia Magazine: Recently, the US",
            "Hong Kong"
        ));
        assert!(label("发布会。香港凤凰卫视记者：近日，赖清德", "香港"));
        assert!(label("Q\n香港中评社记者：请问", "香港"));
        assert!(!label(
            "Hong Kong: authorities must release Jimmy Lai",
            "Hong Kong"
        ));
        assert!(!label("Protests in Hong Kong Daily: news", "Hong Kong"));
        assert!(!label("我们关注香港局势。记者：", "香港"));
    }

    #[test]
    fn places_in_prose_are_not_datelines() {
        assert!(!at("Taipei, Seoul and Tokyo agreed on chips.", "Taipei"));
        assert!(!at("Taiwan is a democracy - and a thriving one.", "Taiwan"));
        assert!(!at("Protests in Hong Kong — police said", "Hong Kong"));
        assert!(!at("Hong Kong (the city) has changed.", "Hong Kong"));
        assert!(!at("Tibet, March 2008: the uprising", "Tibet"));
        assert!(!at("In Seoul, Taiwan — and others", "Taiwan"));
        assert!(!at("Japan, Taiwan, Korea — all of them", "Taiwan"));
    }
}
