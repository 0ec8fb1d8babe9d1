//! Dates of documents: from a date field (`2024-05-17`, `2024/05/17`, `20240517`, `2024-05`,
//! `2024`) or from a file name, normalised to `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`).

/// A normalised date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) at the start of a field value:
/// `2024-05-17`, `2024-05-17T09:30:00Z`, `2024/05/17`, `20240517`, `2024-05`, `2024`.
pub(crate) fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    if let Some((y, m, d, n)) = ymd_at(b, 0) {
        if n == b.len() || !b[n].is_ascii_digit() {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    let year = digits(b, 0, 4)?;
    if !(1000..=2999).contains(&year) {
        return None;
    }
    if b.len() == 4 {
        return Some(format!("{year:04}"));
    }
    if matches!(b.get(4), Some(b'-' | b'/' | b'.')) && (b.len() == 7) {
        let m = digits(b, 5, 2)?;
        if (1..=12).contains(&m) {
            return Some(format!("{year:04}-{m:02}"));
        }
    }
    None
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
        assert_eq!(parse_date("May 17, 2024"), None);
        assert_eq!(parse_date("202405171"), None);
        assert_eq!(parse_date(""), None);
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
