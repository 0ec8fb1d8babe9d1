//! Folding: how text and lexicon forms are made comparable.
//!
//! rightslens never rewrites the document. It reads words straight from the original text and
//! folds each word on its own, so every match keeps its byte offsets into the original. The
//! same folding is applied to lexicon variants when the classifier is built:
//!
//! * Unicode compatibility normalisation (NFKC) for words with non-ASCII characters: full-width
//!   `ＴＩＢＥＴ` becomes `TIBET`, decomposed `U` + combining diaeresis becomes `Ü`;
//! * Unicode case folding (`ÜRÜMQI` and `Ürümqi` fold alike), full where it matters for
//!   names: dotted `İ` folds to `i` (`İlham Tohti`, `TİBET`), final `ς` to `σ`, `ß` to `ss`;
//!   NFKC has already made the long `ſ` an `s` and the Kelvin sign a `K`;
//! * curly, straight and modifier apostrophes become `'`;
//! * soft hyphens and zero-width joiners inside a word are dropped.
//!
//! Between the words of a phrase, any run of whitespace (line breaks included) or dashes is
//! one separator; a possessive `'s` (or a bare trailing `'`) at the end of a phrase is
//! ignored.
//!
//! # Examples
//!
//! ```
//! use rightslens::normalize::fold_phrase;
//! assert_eq!(fold_phrase("Hong\nKong’s"), vec!["hong", "kong"]);
//! assert_eq!(fold_phrase("Government-in-Exile"), vec!["government", "in", "exile"]);
//! assert_eq!(fold_phrase("ＴＩＢＥＴ"), vec!["tibet"]);
//! assert_eq!(fold_phrase("İlham Tohti"), vec!["ilham", "tohti"]);
//! assert_eq!(fold_phrase("People’s Republic"), vec!["people's", "republic"]);
//! ```

use unicode_normalization::UnicodeNormalization;

/// Whether `c` belongs to a script written without spaces between words (Han, kana, Hangul,
/// CJK symbols). Such characters never form part of a Latin-style word; lexicon variants in
/// these scripts are matched anywhere.
///
/// # Examples
///
/// ```
/// assert!(rightslens::normalize::is_cjk('藏'));
/// assert!(!rightslens::normalize::is_cjk('T'));
/// ```
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF      // radicals
        | 0x3040..=0x30FF    // kana
        | 0x3100..=0x31FF    // bopomofo, kana ext
        | 0x3400..=0x4DBF    // ext A
        | 0x4E00..=0x9FFF    // unified ideographs
        | 0xAC00..=0xD7AF    // hangul syllables
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0x20000..=0x3134F) // ext B..G
}

/// Whether `s` holds a CJK character ([`is_cjk`]), with a pass over its bytes first: every
/// such character is encoded from `E2 BA` up, so a text with no byte from `E2` on (most
/// English sentences) is ruled out without decoding a character.
pub(crate) fn has_cjk(s: &str) -> bool {
    let b = s.as_bytes();
    let maybe = b
        .iter()
        .enumerate()
        .any(|(i, &x)| x >= 0xE3 || (x == 0xE2 && b.get(i + 1).is_some_and(|&y| y >= 0xBA)));
    maybe && s.chars().any(is_cjk)
}

/// Whether `c` is part of a word: a letter, digit, combining mark or `_` outside the CJK
/// scripts. The low line joins words as in Unicode word segmentation (UAX #29), so
/// `@Tibet_Watch` is one word and `Tibet` is not found inside it.
///
/// # Examples
///
/// ```
/// use rightslens::normalize::is_word_char;
/// assert!(is_word_char('é'));
/// assert!(is_word_char('7'));
/// assert!(!is_word_char('-'));
/// assert!(is_word_char('_'));
/// assert!(!is_word_char('港'));
/// ```
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    // Range checks for the non-ASCII characters of English text, before the Unicode tables
    // (a test checks them against `is_word_char_by_tables` for every character): the
    // letters of Latin-1 and Latin Extended-A/B, and General Punctuation (dashes, curly
    // quotes, bullets, ellipsis), which holds no letter, digit, mark or joiner.
    match c {
        '\u{C0}'..='\u{24F}' => c != '\u{D7}' && c != '\u{F7}',
        '\u{2010}'..='\u{205F}' => false,
        _ => is_word_char_by_tables(c),
    }
}

/// [`is_word_char`] of a non-ASCII character, from the Unicode tables.
fn is_word_char_by_tables(c: char) -> bool {
    if is_joiner(c) {
        return true;
    }
    // the cheap range checks first: most non-ASCII text is CJK
    if is_cjk(c) || c == '\u{0F0B}' {
        return false;
    }
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks of the scripts the lexicons use (Latin, Tibetan, Arabic/Uyghur, generic).
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F
        | 0x0483..=0x0489
        | 0x0591..=0x05BD
        | 0x0610..=0x061A
        | 0x064B..=0x065F
        | 0x0670
        | 0x06D6..=0x06ED
        | 0x0F18..=0x0F19
        | 0x0F35 | 0x0F37 | 0x0F39
        | 0x0F71..=0x0F84
        | 0x0F86..=0x0F87
        | 0x0F8D..=0x0FBC
        | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF
        | 0x20D0..=0x20FF
        | 0xFE20..=0xFE2F)
}

/// Invisible characters that may sit inside a word and are dropped by folding.
pub(crate) fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Apostrophe-like characters, all folded to `'`.
///
/// # Examples
///
/// ```
/// assert!(rightslens::normalize::is_apostrophe('’'));
/// ```
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '\u{FF07}' | '`'
    )
}

/// Dash-like characters, which separate the words of a phrase like a space does.
///
/// # Examples
///
/// ```
/// assert!(rightslens::normalize::is_dash('–'));
/// ```
pub fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
    )
}

/// Whether `c` may separate the words of a multi-word phrase (whitespace, dashes, Tibetan
/// syllable marks, zero-width space).
pub(crate) fn is_phrase_separator(c: char) -> bool {
    c.is_whitespace() || is_dash(c) || matches!(c, '\u{200B}' | '\u{0F0B}' | '\u{3000}')
}

/// Folds one word (as found by the scanner) into `out`, replacing its contents.
pub(crate) fn fold_word(word: &str, ascii: bool, out: &mut String) {
    out.clear();
    if !ascii && fold_ascii_with_apostrophes(word, out) {
        return;
    }
    if ascii {
        out.push_str(word);
        // SAFETY-free ASCII lowercase: the string stays valid UTF-8.
        out.make_ascii_lowercase();
        if out.contains('`') {
            // the backtick is an apostrophe inside a word (`Xi`an`), as in the Unicode path
            *out = out.replace('`', "'");
        }
        return;
    }
    fold_normalised(word, out);
}

/// The general fold: NFKC, joiners dropped, apostrophes to `'`, lowercase; appended to `out`.
fn fold_normalised(word: &str, out: &mut String) {
    for c in word.nfkc() {
        if is_joiner(c) {
            continue;
        }
        if is_apostrophe(c) {
            out.push('\'');
            continue;
        }
        fold_case(c, out);
    }
}

/// Appends the case fold of `c` to `out`: lowercase, and where lowercase is not a fold,
/// the full case folding of the Unicode standard (`CaseFolding.txt`, statuses C and F) for
/// the letters of names: `İ` (whose lowercase is `i` with a combining dot) becomes `i`, the
/// final sigma `ς` becomes `σ` (the lowercase of `Σ`), `ß` and `ẞ` become `ss`.
#[inline]
fn fold_case(c: char, out: &mut String) {
    match c {
        '\u{0130}' => out.push('i'),
        '\u{03C2}' => out.push('\u{03C3}'),
        '\u{00DF}' | '\u{1E9E}' => out.push_str("ss"),
        _ => out.extend(c.to_lowercase()),
    }
}

/// Folds a word of ASCII characters and curly single quotes (`China’s`, the common non-ASCII
/// word of English text) without the normalisation tables, into `out` (empty on entry):
/// NFKC leaves ASCII, `’` and `‘` as they are, and both quotes and the backtick fold to `'`.
/// Returns `false`, with `out` emptied, for any other word.
fn fold_ascii_with_apostrophes(word: &str, out: &mut String) -> bool {
    let b = word.as_bytes();
    let mut k = 0;
    while k < b.len() {
        match b[k] {
            b'`' => out.push('\''),
            c if c.is_ascii() => out.push(char::from(c.to_ascii_lowercase())),
            // ‘ U+2018 = E2 80 98, ’ U+2019 = E2 80 99
            0xE2 if b.get(k + 1) == Some(&0x80) && matches!(b.get(k + 2), Some(0x98 | 0x99)) => {
                out.push('\'');
                k += 2;
            }
            _ => {
                out.clear();
                return false;
            }
        }
        k += 1;
    }
    true
}

/// Finds the end of the word that starts at byte `start` (which must hold a word character).
///
/// Returns `(end, ascii, apostrophe)`: the end byte offset, whether the word is pure ASCII,
/// and the byte offset of its last internal apostrophe, if any. An apostrophe belongs to the
/// word only when a word character follows it (`China’s`, `Xi'an`).
pub(crate) fn word_end(text: &str, start: usize) -> (usize, bool, Option<usize>) {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut ascii = true;
    let mut apos = None;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_alphanumeric() || b == b'_' {
                i += 1;
                continue;
            }
            if b == b'\'' || b == b'`' {
                if let Some(c) = next_char(text, i + 1) {
                    if is_word_char(c) && i > start {
                        apos = Some(i);
                        i += 1;
                        continue;
                    }
                }
            }
            break;
        }
        let Some(c) = next_char(text, i) else { break };
        if is_word_char(c) {
            ascii = false;
            i += c.len_utf8();
            continue;
        }
        if is_apostrophe(c) && i > start {
            if let Some(n) = next_char(text, i + c.len_utf8()) {
                if is_word_char(n) {
                    ascii = false;
                    apos = Some(i);
                    i += c.len_utf8();
                    continue;
                }
            }
        }
        break;
    }
    (i, ascii, apos)
}

#[inline]
pub(crate) fn next_char(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Splits a phrase into folded words, the way lexicon variants are compiled.
///
/// Characters that are neither word characters nor separators (punctuation) end the word
/// they follow. A possessive `'s` at the end of the phrase is dropped.
///
/// # Examples
///
/// ```
/// use rightslens::normalize::fold_phrase;
/// assert_eq!(fold_phrase("ÜRÜMQI"), vec!["ürümqi"]);
/// assert_eq!(fold_phrase("Tibet's"), vec!["tibet"]);
/// assert!(fold_phrase("  -- ").is_empty());
/// ```
pub fn fold_phrase(phrase: &str) -> Vec<String> {
    split_phrase(phrase).0
}

/// Splits a phrase into folded words and the punctuation after each of them (see
/// [`gap_char`]): `Antony J. Blinken` gives `antony`, `j`, `blinken` with the gaps `""`,
/// `"."` and `""`; `BN(O)` gives `bn`, `o` with `"("` and `")"`. An empty gap between two
/// words is a run of separators (whitespace, dashes). Punctuation before the first word is
/// not kept; punctuation after the last is kept only when some punctuation stands between
/// the words (`U.S.`, `BN(O)`; not `Tibet.` or `(Hong Kong)`), and never an apostrophe
/// (`Tibetans'` is `tibetans`).
pub(crate) fn split_phrase(phrase: &str) -> (Vec<String>, Vec<String>) {
    let mut out = Vec::new();
    let mut gaps = Vec::new();
    let mut gap = String::new();
    let mut i = 0;
    let mut buf = String::new();
    while i < phrase.len() {
        let Some(c) = next_char(phrase, i) else { break };
        if is_word_char(c) {
            let (end, ascii, _) = word_end(phrase, i);
            fold_word(&phrase[i..end], ascii, &mut buf);
            // a "word" of invisible joiners only (a ZWJ between emoji) folds to nothing
            if !buf.is_empty() {
                if !out.is_empty() {
                    gaps.push(std::mem::take(&mut gap));
                }
                gap.clear();
                out.push(buf.clone());
            }
            // a word that folds to nothing leaves the gap as it was
            i = end;
        } else {
            if !is_phrase_separator(c) {
                gap.push(gap_char(c));
            }
            i += c.len_utf8();
        }
    }
    if let Some(last) = out.last_mut() {
        if let Some(stem) = possessive_stem(last) {
            let stem = stem.to_string();
            *last = stem;
        }
        gap.retain(|c| c != '\'');
        if gaps.iter().all(String::is_empty) {
            gap.clear();
        }
        gaps.push(gap);
    }
    (out, gaps)
}

/// A punctuation character between words, folded for comparison: apostrophes become `'`,
/// double quotes `"`, full-width ASCII punctuation its ASCII form.
///
/// # Examples
///
/// ```
/// use rightslens::normalize::gap_char;
/// assert_eq!(gap_char('’'), '\'');
/// assert_eq!(gap_char('“'), '"');
/// assert_eq!(gap_char('．'), '.');
/// ```
pub fn gap_char(c: char) -> char {
    if is_apostrophe(c) {
        return '\'';
    }
    match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// The stem of a folded word that ends in a possessive `'s`.
pub(crate) fn possessive_stem(folded: &str) -> Option<&str> {
    folded.strip_suffix("'s").filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_pass_of_has_cjk_agrees_with_is_cjk() {
        // every character alone, and beside curly quotes and Latin text
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let alone = c.to_string();
            assert_eq!(has_cjk(&alone), is_cjk(c), "{c:?}");
            let mixed = format!("He said \u{2019}{c}\u{201D} in Lhasa");
            assert_eq!(has_cjk(&mixed), is_cjk(c), "{c:?}");
        }
        assert!(!has_cjk("Tibet’s monks “were detained” — 2024"));
        assert!(has_cjk("Tibet (西藏)"));
    }

    #[test]
    fn word_char_ranges_agree_with_the_tables() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(
                is_word_char(c),
                is_word_char_by_tables(c),
                "U+{:04X}",
                c as u32
            );
        }
    }

    /// `fold_word` through the Unicode normalisation path, whatever the word.
    fn fold_by_tables(word: &str) -> String {
        let mut out = String::new();
        fold_normalised(word, &mut out);
        out
    }

    proptest::proptest! {
        #[test]
        fn apostrophe_words_fold_as_normalised(word in "[aZ0'`’‘é\u{0301}ﬁ]{0,8}") {
            let mut out = String::from("stale");
            fold_word(&word, word.is_ascii(), &mut out);
            proptest::prop_assert_eq!(out, fold_by_tables(&word));
        }
    }

    #[test]
    fn word_end_handles_apostrophes() {
        assert_eq!(word_end("China’s policy", 0).0, "China’s".len());
        assert_eq!(word_end("Tibetans' rights", 0).0, "Tibetans".len());
        assert_eq!(word_end("Xi'an", 0), (5, true, Some(2)));
    }

    #[test]
    fn fold_handles_nfkc_and_case() {
        let mut s = String::new();
        fold_word("ＨＯＮＧ", false, &mut s);
        assert_eq!(s, "hong");
        fold_word("U\u{308}RU\u{308}MQI", false, &mut s);
        assert_eq!(s, "ürümqi");
        fold_word("Tib\u{00AD}et", false, &mut s);
        assert_eq!(s, "tibet");
    }

    #[test]
    fn case_folding_for_names() {
        let fold = |w: &str| {
            let mut s = String::new();
            fold_word(w, w.is_ascii(), &mut s);
            s
        };
        // dotted capital I (Turkish, Azerbaijani, Uyghur Latin): İlham Tohti
        assert_eq!(fold("İlham"), "ilham");
        assert_eq!(fold("TİBET"), "tibet");
        // the same dotted I written as I + combining dot above
        assert_eq!(fold("TI\u{307}BET"), "tibet");
        // long s and the Kelvin sign fold through NFKC
        assert_eq!(fold("Tibeſ"), "tibes");
        assert_eq!(fold("\u{212A}ashgar"), "kashgar");
        // final sigma and capital sigma fold alike; sharp s as ss
        assert_eq!(fold("ΤΙΒΕΤΟΣ"), fold("Τιβετος"));
        assert_eq!(fold("Τιβετος"), fold("τιβετοσ"));
        assert_eq!(fold("Straße"), fold("STRASSE"));
        assert_eq!(fold("STRAẞE"), "strasse");
    }

    #[test]
    fn phrase_separators() {
        assert_eq!(fold_phrase("Hong   Kong"), vec!["hong", "kong"]);
        assert_eq!(
            fold_phrase("East Turkestan—Government"),
            vec!["east", "turkestan", "government"]
        );
    }
}
