//! The same person written in the other script right beside a mention, as Chinese-language
//! reports on Uyghurs and Tibetans often do: `热依拉.达乌提(Rahile Dawut)`, and English ones
//! the other way round: `Bao Luo (保罗)`.
//!
//! A listed person found by one spelling is then also reported under the spelling the text
//! gives in the other script, which may not be the lexicon's (`达乌提` here, `达吾提` there).

use crate::normalize::is_cjk;
use std::ops::Range;

/// Middle dots and the full stop some texts put between the parts of a transliterated name.
const DOTS: [char; 5] = {
    let d = super::names::NAME_DOTS;
    [d[0], d[1], d[2], d[3], '.']
};

/// Most characters a name in the other script may hold.
const MAX_CHARS: usize = 16;

fn name_char(c: char) -> bool {
    is_cjk(c) || DOTS.contains(&c)
}

/// The span of the name in the other script beside the mention `text[start..end]`: in
/// brackets right after it, or right before an opening bracket that starts it. Only a mention
/// in Latin script gets one (a Chinese mention is already the form such texts label).
///
/// ```ignore
/// let t = "包括民俗学专家热依拉.达乌提(Rahile Dawut)博士";
/// let m = t.find("Rahile").unwrap();
/// let r = other_script(t, m, m + "Rahile Dawut".len()).unwrap();
/// assert_eq!(&t[r], "热依拉.达乌提"); // after the occupation word 专家
/// ```
pub(crate) fn other_script(text: &str, start: usize, end: usize) -> Option<Range<usize>> {
    let mention = text.get(start..end)?;
    if mention.chars().any(is_cjk) {
        return None;
    }
    after(text, end).or_else(|| before(text, start))
}

/// `Bao Luo (保罗)`: a bracket right after the mention holding only a name.
fn after(text: &str, end: usize) -> Option<Range<usize>> {
    let rest = text.get(end..)?;
    let rest_trim = rest.strip_prefix(' ').unwrap_or(rest);
    let open = rest_trim
        .chars()
        .next()
        .filter(|c| matches!(c, '(' | '（'))?;
    let from = end + (rest.len() - rest_trim.len()) + open.len_utf8();
    let inside: String = text[from..]
        .chars()
        .take_while(|&c| name_char(c))
        .take(MAX_CHARS + 1)
        .collect();
    let to = from + inside.len();
    let closed = text[to..].starts_with([')', '）']);
    let n = inside.chars().filter(|c| is_cjk(*c)).count();
    (closed && (2..=MAX_CHARS).contains(&n) && !inside.starts_with(DOTS)).then_some(from..to)
}

/// `热依拉.达乌提(Rahile Dawut)`: a name right before the bracket that opens at the mention,
/// from the last role or occupation word before it (`专家`, `诗人`) or from the edge of the run
/// of Chinese characters.
fn before(text: &str, start: usize) -> Option<Range<usize>> {
    let head = text.get(..start)?;
    let head = head.strip_suffix(['(', '（'])?;
    let head = head.strip_suffix(' ').unwrap_or(head);
    let run: usize = head
        .chars()
        .rev()
        .take_while(|&c| name_char(c))
        .take(MAX_CHARS + 8)
        .map(char::len_utf8)
        .sum();
    let from = head.len() - run;
    let run_text = &head[from..];
    let mut from = from + crate::prisoners::unlisted::after_last_role(run_text);
    // in a dotted name, the given name before the first dot holds no `家` (`歌唱家`, an
    // occupation) and no conjunction (`和`): the name starts after the last of them
    if let Some(dot) = head[from..].find(DOTS) {
        let given = &head[from..from + dot];
        if let Some((i, c)) = given
            .char_indices()
            .rfind(|&(_, c)| matches!(c, '家' | '和' | '及' | '与' | '與'))
        {
            from += i + c.len_utf8();
        }
    }
    let name = &head[from..];
    let n = name.chars().filter(|c| is_cjk(*c)).count();
    let dotted = name.contains(DOTS) && !name.starts_with(DOTS) && !name.ends_with(DOTS);
    // a run with no role word and no dot is only a name when it is as short as one
    let ok = (2..=MAX_CHARS).contains(&n) && (dotted || n <= 4);
    ok.then_some(from..head.len())
}

#[cfg(test)]
mod tests {
    use super::other_script;

    fn beside<'a>(t: &'a str, mention: &str) -> Option<&'a str> {
        let m = t.find(mention)?;
        other_script(t, m, m + mention.len()).map(|r| &t[r])
    }

    #[test]
    fn names_in_the_other_script_on_either_side() {
        // UHRP report in Chinese on disappeared Uyghur intellectuals (2019): the Chinese name
        // first, after an occupation word, the romanisation in brackets
        let t = "包括民俗学专家热依拉.达乌提(Rahile Dawut)博士;2新疆大学校长、教授塔史博拉提.提依普(Tashpolat Teyip);";
        assert_eq!(beside(t, "Rahile Dawut"), Some("热依拉.达乌提"));
        assert_eq!(beside(t, "Tashpolat Teyip"), Some("塔史博拉提.提依普"));
        // the same report: a conjunction and an occupation in -家 before the name
        let t = "和歌唱家阿布拉江.阿乌提阿优普(Ablajan Awut Ayup)";
        assert_eq!(
            beside(t, "Ablajan Awut Ayup"),
            Some("阿布拉江.阿乌提阿优普")
        );
        // China Change, 15 April 2018: the romanisation first, the characters in brackets
        let t = "including Bao Luo (保罗), Lu Bi (卢比), Liu Chunlin (刘春林), and others";
        assert_eq!(beside(t, "Lu Bi"), Some("卢比"));
        assert_eq!(beside(t, "Liu Chunlin"), Some("刘春林"));
    }

    #[test]
    fn no_name_when_the_bracket_holds_something_else() {
        // constructed: an abbreviation, a year, a long Chinese phrase with no role word
        assert_eq!(beside("Gao Zhen (CAFA) was detained", "Gao Zhen"), None);
        assert_eq!(beside("Gao Zhen (2024) was detained", "Gao Zhen"), None);
        assert_eq!(
            beside("他在北京被警方带走的消息(Gao Zhen)", "Gao Zhen"),
            None
        );
        // a Chinese mention gets none
        assert_eq!(beside("王全璋(王全璋)", "王全璋"), None);
    }
}
