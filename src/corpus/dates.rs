//! Dates of documents: from a date field or column, read with `jiff` in the forms feeds and
//! exports use (ISO 8601 and RFC 3339, RFC 2822, month names, day-first or month-first
//! numbers when unambiguous, Unix seconds), or from a file name; normalised to `YYYY-MM-DD`
//! (or `YYYY-MM`, `YYYY`). A value that is none of these is reported, not dropped in silence
//! ([`Record::date_unread`](crate::corpus::Record::date_unread)).

use jiff::civil::Date;

/// Month-name layouts tried with `strptime` (`%B` full names, `%b` short ones).
const NAMED: &[&str] = &[
    "%B %d, %Y",
    "%B %d %Y",
    "%d %B %Y",
    "%d %B, %Y",
    "%A, %B %d, %Y",
    "%A %B %d, %Y",
    "%A, %d %B %Y",
    "%a, %d %b %Y",
    "%a %b %d %Y",
    "%b %d, %Y",
    "%b %d %Y",
    "%d %b %Y",
    "%d %b, %Y",
    "%B %Y",
    "%b %Y",
];

/// A normalised date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) from a field value, or `None`.
///
/// Read: `2024-05-17`, `2024-05-17T09:30:00Z` and other ISO 8601 / RFC 3339 forms (the date
/// as written, whatever the offset), `2024/05/17`, `20240517`, `2024-05`, `2024`; RFC 2822
/// (`Fri, 15 Mar 2024 10:00:00 +0000`); month names (`March 15, 2024`, `15 March 2024`,
/// `Mar. 15, 2024`, `March 2024`); `15/03/2024` or `03/15/2024` when only one reading is a
/// date (`04/05/2024` is ambiguous and not read); Unix seconds (9 to 11 digits) and
/// milliseconds (13 digits), as UTC dates.
pub(crate) fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    if let Some((y, m, d, n)) = ymd_at(b, 0) {
        if n == b.len() || !b[n].is_ascii_digit() {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    if b.iter().all(u8::is_ascii_digit) {
        return match b.len() {
            4 => year_only(b),
            9..=11 => unix(s.parse().ok()?),
            13 => unix(s.parse::<i64>().ok()? / 1000),
            _ => None,
        };
    }
    if b.len() == 7 && matches!(b.get(4), Some(b'-' | b'/' | b'.')) {
        let year = digits(b, 0, 4)?;
        let m = digits(b, 5, 2)?;
        return ((1000..=2999).contains(&year) && (1..=12).contains(&m))
            .then(|| format!("{year:04}-{m:02}"));
    }
    if let Ok(zdt) = jiff::fmt::rfc2822::parse(s) {
        return Some(zdt.date().to_string());
    }
    if let Some(d) = day_month(b) {
        return Some(d);
    }
    // Month names: "Mar. 15" reads as "Mar 15"; a trailing time is left out.
    let cleaned = s.replace('.', "");
    for layout in NAMED {
        if let Ok((tm, end)) = jiff::fmt::strtime::BrokenDownTime::parse_prefix(layout, &cleaned) {
            let whole = cleaned[end..].starts_with(|c: char| !c.is_ascii_alphanumeric())
                || end == cleaned.len();
            if !whole || !tm.year().is_some_and(|y| (1000..=2999).contains(&y)) {
                continue;
            }
            if let Ok(d) = tm.to_date() {
                return Some(d.to_string());
            }
            if layout.ends_with("%Y") && !layout.contains("%d") {
                if let (Some(y), Some(m)) = (tm.year(), tm.month()) {
                    return Some(format!("{y:04}-{m:02}"));
                }
            }
        }
    }
    None
}

/// A four-digit year alone.
fn year_only(b: &[u8]) -> Option<String> {
    let year = digits(b, 0, 4)?;
    (1000..=2999).contains(&year).then(|| format!("{year:04}"))
}

/// The UTC date of a Unix time in seconds.
fn unix(seconds: i64) -> Option<String> {
    let ts = jiff::Timestamp::from_second(seconds).ok()?;
    Some(
        ts.to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .date()
            .to_string(),
    )
}

/// `DD/MM/YYYY`, `MM/DD/YYYY` (or with `.` or `-`), when only one of the two readings is a
/// valid date or both give the same date.
fn day_month(b: &[u8]) -> Option<String> {
    let sep = *b.iter().find(|c| !c.is_ascii_digit())?;
    if !matches!(sep, b'/' | b'.' | b'-') {
        return None;
    }
    let parts: Vec<&[u8]> = b.split(|&c| c == sep).collect();
    let [x, y, year] = parts.as_slice() else {
        return None;
    };
    if year.len() != 4 || x.is_empty() || y.is_empty() || x.len() > 2 || y.len() > 2 {
        return None;
    }
    let num = |p: &[u8]| digits(p, 0, p.len());
    let (x, y, year) = (num(x)?, num(y)?, num(year)?);
    if !(1000..=2999).contains(&year) {
        return None;
    }
    let date = |m: u32, d: u32| Date::new(year as i16, m as i8, d as i8).ok();
    match (date(y, x), date(x, y)) {
        (Some(a), Some(b)) if a == b => Some(a.to_string()),
        (Some(a), None) | (None, Some(a)) => Some(a.to_string()),
        _ => None,
    }
}

/// The first date in a file name (`2024-05-17`, `2024_05_17`, `2024.05.17` or `20240517`,
/// not part of a longer number), normalised to `YYYY-MM-DD`.
pub(crate) fn date_in_name(name: &str) -> Option<String> {
    let b = name.as_bytes();
    for i in 0..b.len() {
        if i > 0 && b[i - 1].is_ascii_digit() {
            continue;
        }
        if let Some((y, m, d, n)) = ymd_at(b, i) {
            if n == b.len() || !b[n].is_ascii_digit() {
                return Some(format!("{y:04}-{m:02}-{d:02}"));
            }
        }
    }
    None
}

/// A valid year-month-day at `i`, with one separator (`-`, `/`, `_`, `.`) used twice or none;
/// returns the parts and the end offset.
fn ymd_at(b: &[u8], i: usize) -> Option<(u32, u32, u32, usize)> {
    let y = digits(b, i, 4)?;
    let sep = *b.get(i + 4)?;
    let (m, d, end) = if matches!(sep, b'-' | b'/' | b'_' | b'.') {
        if b.get(i + 7) != Some(&sep) {
            return None;
        }
        (digits(b, i + 5, 2)?, digits(b, i + 8, 2)?, i + 10)
    } else {
        (digits(b, i + 4, 2)?, digits(b, i + 6, 2)?, i + 8)
    };
    if !(1000..=2999).contains(&y) || !(1..=12).contains(&m) || d == 0 {
        return None;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (d <= days).then_some((y, m, d, end))
}

fn digits(b: &[u8], i: usize, n: usize) -> Option<u32> {
    let s = b.get(i..i + n)?;
    s.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_fields() {
        assert_eq!(parse_date("2024-05-17").as_deref(), Some("2024-05-17"));
        assert_eq!(
            parse_date(" 2024-05-17T09:30:00Z").as_deref(),
            Some("2024-05-17")
        );
        assert_eq!(parse_date("2024/05/17").as_deref(), Some("2024-05-17"));
        assert_eq!(parse_date("20240517").as_deref(), Some("2024-05-17"));
        assert_eq!(parse_date("2024-05").as_deref(), Some("2024-05"));
        assert_eq!(parse_date("2024").as_deref(), Some("2024"));
        assert_eq!(parse_date("2024-02-30"), None);
        assert_eq!(parse_date("2024-13"), None);
        assert_eq!(
            parse_date("202405171").as_deref(),
            Some("1976-05-31"),
            "Unix seconds"
        );
        assert_eq!(parse_date("12345"), None);
        assert_eq!(parse_date(""), None);
    }

    #[test]
    fn dates_in_the_forms_feeds_use() {
        let cases = [
            ("March 15, 2024", Some("2024-03-15")),
            ("15 March 2024", Some("2024-03-15")),
            ("Mar. 15, 2024", Some("2024-03-15")),
            ("15 Mar 2024", Some("2024-03-15")),
            ("Friday, March 15, 2024", Some("2024-03-15")),
            ("March 2024", Some("2024-03")),
            ("Fri, 15 Mar 2024 10:00:00 +0000", Some("2024-03-15")),
            ("Fri, 15 Mar 2024 23:30:00 -0500", Some("2024-03-15")),
            ("2024-03-15T23:30:00-05:00", Some("2024-03-15")),
            ("15/03/2024", Some("2024-03-15")),
            ("03/15/2024", Some("2024-03-15")),
            ("15.03.2024", Some("2024-03-15")),
            ("05/05/2024", Some("2024-05-05")),
            ("04/05/2024", None),
            ("1710460800", Some("2024-03-15")),
            ("1710460800000", Some("2024-03-15")),
            ("31 February 2024", None),
            ("soon", None),
            ("Q1 2024", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_date(input).as_deref(), want, "{input}");
        }
    }

    #[test]
    fn dates_in_file_names() {
        assert_eq!(
            date_in_name("2025-02-10-cfpb.md").as_deref(),
            Some("2025-02-10")
        );
        assert_eq!(
            date_in_name("readout_20240229.html").as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(date_in_name("x_2023_02_29.txt"), None, "not a leap year");
        assert_eq!(
            date_in_name("id-120240517.txt"),
            None,
            "part of a longer number"
        );
        assert_eq!(date_in_name("2024-05-17x"), Some("2024-05-17".into()));
        assert_eq!(date_in_name("2024-05_17"), None, "mixed separators");
        assert_eq!(date_in_name("000.txt"), None);
    }
}
