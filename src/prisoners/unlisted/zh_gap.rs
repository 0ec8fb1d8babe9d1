//! What may stand between a Chinese name and the custody phrase after it: an adverb (`各`,
//! `也`), a time phrase (`扎西东珠去年12月底被拘捕`), a title (`王强弟兄被判`), a second name
//! joined by `和` (`李洁传道和韩晓栋传道各被判`), or a clause of cause
//! (`余凤连因涉嫌“寻衅滋事罪”而遭到刑事拘留`).

use super::zh::{name_before, plausible};
use super::zh_words::KIN;
use crate::prisoners::names;

/// Titles written after a name (`王强弟兄`, `李洁传道`): the name ends before them.
pub(super) const TITLES_AFTER: &[&str] = &[
    "弟兄", "姊妹", "姐妹", "兄弟", "传道", "傳道", "牧师", "牧師", "长老", "長老", "神父", "修女",
    "先生", "女士", "律师", "律師",
];

/// Adverbs of two or three characters between a name and its custody phrase (`现在`, `随后`, `本人`).
const ADVERBS: &[&str] = &[
    "现在",
    "現在",
    "目前",
    "当时",
    "當時",
    "随后",
    "隨後",
    "随即",
    "隨即",
    "已经",
    "已經",
    "曾经",
    "曾經",
    "先后",
    "先後",
    "同时",
    "同時",
    "本人",
    "后来",
    "後來",
    "最终",
    "最終",
    "再次",
    "一度",
    "近日",
    "日前",
    "又一次",
    "再一次",
];

/// Characters of a time phrase between a name and its custody phrase (`去年12月底`,
/// `于本月28日`, `1月19號`).
const TIME_CHARS: &str = "0123456789０１２３４５６７８９一二三四五六七八九十两兩今去前本上下年月日号號底初旬周週晚早午凌晨";

/// [`name_before`] the custody phrase at byte `end`, or else before what may stand between
/// a name and its phrase: an adverb (`各`, `也`), a time phrase (`扎西东珠去年12月底被拘捕`),
/// a title (`王强弟兄被判`), in that order from the phrase back.
pub(super) fn name_before_gap(s: &str, end: usize) -> Option<(std::ops::Range<usize>, f64)> {
    let at = gap_before(s, end);
    if at < end {
        if let Some(found) = name_before(s, at).or_else(|| name_after_and(s, at)) {
            return Some(found);
        }
    }
    name_before(s, end)
        .or_else(|| name_after_and(s, end))
        .or_else(|| name_before_cause(s, end))
        .or_else(|| surname_before_title(s, at))
}

/// A surname alone before a title (`丁长老`, `周牧师`), which stands for the person the text
/// names in full before (`丁中福长老`): the span of the surname, with the title starting at
/// `at`. The finder resolves it against the whole text ([`super::zh_refs`]) or drops it.
fn surname_before_title(s: &str, at: usize) -> Option<(std::ops::Range<usize>, f64)> {
    TITLES_AFTER.iter().find(|t| s[at..].starts_with(*t))?;
    let c = s[..at].chars().next_back()?;
    if !names::is_han_surname_char(c) {
        return None;
    }
    let start = at - c.len_utf8();
    let edge = s[..start]
        .chars()
        .next_back()
        .is_none_or(|b| !crate::normalize::is_cjk(b) || "和及与與、".contains(b));
    edge.then_some((start..at, 0.8))
}

/// The text before a clause of cause that ends at the custody phrase at `end` (a comma
/// before `因` trimmed): the clause starts at the last `因` within 48 characters before `end`,
/// with no sentence or clause end (`。`, `；`) in it.
fn before_cause(s: &str, end: usize) -> Option<&str> {
    let head = &s[..end];
    let window: usize = head.chars().rev().take(48).map(char::len_utf8).sum();
    let from = end - window;
    let cause = from + head[from..].rfind('因')?;
    if head[cause..].contains(['。', '；', ';']) {
        return None;
    }
    Some(s[..cause].trim_end_matches([',', '，']))
}

/// The name before a clause of cause that ends at the custody phrase at `end`:
/// `余凤连因涉嫌“寻衅滋事罪”而遭到刑事拘留`, `农民张奎香,因7次……投诉等行为被以……罪名逮捕`.
/// The clause starts at the last `因` within 48 characters before `end`, with no sentence
/// or clause end (`。`, `；`) in it; a comma may stand before `因`.
fn name_before_cause(s: &str, end: usize) -> Option<(std::ops::Range<usize>, f64)> {
    let before = before_cause(s, end)?;
    let at = gap_before(s, before.len());
    name_before(s, at).or_else(|| {
        // in running text (`内容显示余凤连因……`) no edge marks the name's start: three
        // characters led by a surname
        let start = s[..at].char_indices().rev().nth(2)?.0;
        let name = &s[start..at];
        let led = name.chars().next().is_some_and(names::is_han_surname_char);
        led.then(|| plausible(name, false))
            .flatten()
            .map(|sh| (start..at, 0.9 * sh))
    })
}

/// The names of a `、` list before a clause of cause that ends at the custody phrase at `end`
/// (`廣東揭陽市的林素貞、江碧吟、麗英,因閱讀法輪大法書籍,遭非法判刑`): at least two items of two or
/// three Han characters, at least two of them led by a surname; the first item may follow a
/// description ending in `的`, a role word or punctuation. Empty when there is no such list.
pub(super) fn list_before_cause(s: &str, end: usize) -> Vec<std::ops::Range<usize>> {
    let Some(before) = before_cause(s, end) else {
        return Vec::new();
    };
    let mut items = Vec::new();
    let mut stop = before.len();
    loop {
        let item_start = before[..stop]
            .rfind('、')
            .map_or(0, |k| k + '、'.len_utf8());
        let item = &before[item_start..stop];
        let n = item.chars().count();
        let whole = (2..=3).contains(&n)
            && item.chars().all(crate::normalize::is_cjk)
            && plausible(item, true).is_some();
        if whole && item_start > 0 {
            items.push(item_start..stop);
            stop = item_start - '、'.len_utf8();
            continue;
        }
        // the first item: its last three (or two) characters after `的`, a role or an edge
        let found = [3usize, 2].into_iter().find_map(|len| {
            let chars: Vec<(usize, char)> = item.char_indices().collect();
            let (k, _) = *chars.get(chars.len().checked_sub(len)?)?;
            let name = &item[k..];
            let left = &item[..k];
            let edge = left.is_empty()
                || left.ends_with('的')
                || super::zh_words::ROLES.iter().any(|r| left.ends_with(r))
                || left
                    .chars()
                    .next_back()
                    .is_some_and(|c| !crate::normalize::is_cjk(c));
            let led = name.chars().next().is_some_and(names::is_han_surname_char);
            (edge && led && plausible(name, true).is_some()).then_some(item_start + k..stop)
        });
        items.extend(found);
        break;
    }
    let led = items
        .iter()
        .filter(|r| {
            s[r.start..]
                .chars()
                .next()
                .is_some_and(names::is_han_surname_char)
        })
        .count();
    if items.len() < 2 || led < 2 {
        return Vec::new();
    }
    items.reverse();
    items
}

/// The second name of a pair, ending at `end` right after `和`, `及`, `与` (`……和韩晓栋`),
/// when a name stands before the conjunction too.
fn name_after_and(s: &str, end: usize) -> Option<(std::ops::Range<usize>, f64)> {
    let starts: Vec<usize> = s[..end].char_indices().map(|(i, _)| i).collect();
    [3, 2].into_iter().find_map(|len| {
        let start = *starts.get(starts.len().checked_sub(len)?)?;
        let shape = plausible(&s[start..end], false)?;
        partner_before(s, start)?;
        Some((start..end, shape))
    })
}

/// Where a name would end before the custody phrase at `end`, past an adverb, a time phrase
/// and a title (see [`name_before_gap`]); `end` when none of them stands there.
fn gap_before(s: &str, end: usize) -> usize {
    let mut at = end;
    // adverbs, one after another (`许艳现在也被……传唤`, `许艳本人也因……`)
    for _ in 0..3 {
        let head = &s[..at];
        let word = ADVERBS.iter().find(|a| head.ends_with(*a)).map(|a| a.len());
        let char = head
            .chars()
            .next_back()
            .filter(|c| "各均都也已又亦再则則曾".contains(*c))
            .map(char::len_utf8);
        match word.or(char) {
            Some(n) => at -= n,
            None => break,
        }
    }
    at = place_before(s, at);
    at = age_bracket_before(s, at);
    // a time phrase: a run of time characters with a unit in it, perhaps after `于`
    let run: usize = s[..at]
        .chars()
        .rev()
        .take_while(|&c| TIME_CHARS.contains(c))
        .take(14)
        .map(char::len_utf8)
        .sum();
    let time = &s[at - run..at];
    if run > 0 && time.contains(['年', '月', '日', '号', '號', '底', '初', '旬']) {
        at -= run;
        if let Some(c) = s[..at]
            .chars()
            .next_back()
            .filter(|c| matches!(c, '于' | '於' | '自'))
        {
            at -= c.len_utf8();
        }
        // a comma between the name and the time (`覃永沛,2019年10月31号被抓`)
        if let Some(c) = s[..at]
            .chars()
            .next_back()
            .filter(|c| matches!(c, ',' | '，'))
        {
            at -= c.len_utf8();
        }
    }
    at = age_bracket_before(s, at);
    if let Some(t) = TITLES_AFTER.iter().find(|t| s[..at].ends_with(*t)) {
        at -= t.len();
    }
    // a couple or pair after the names (`于世文、陈卫夫妇在河南郑州被刑事拘留`)
    if let Some(t) = PAIR_AFTER.iter().find(|t| s[..at].ends_with(*t)) {
        at -= t.len();
    }
    // a relative held with the person, not named (`降边多杰和儿子于……被当局从家中带走`)
    if let Some(k) = KIN.iter().find(|k| s[..at].ends_with(*k)) {
        let head = &s[..at - k.len()];
        if let Some(and) = ["和", "及", "与", "與"].iter().find(|a| head.ends_with(*a)) {
            at -= k.len() + and.len();
        }
    }
    at
}

/// Where an age in brackets that ends at `end` starts (`林宗明（68歲，退休人士）被控`: the age,
/// perhaps an occupation after it); `end` when none stands there.
fn age_bracket_before(s: &str, end: usize) -> usize {
    let head = &s[..end];
    let Some(body) = head.strip_suffix('）').or_else(|| head.strip_suffix(')')) else {
        return end;
    };
    let Some(open) = body.rfind(['（', '(']) else {
        return end;
    };
    let inner = body[open..].trim_start_matches(['（', '(']);
    let digits = inner.chars().take_while(char::is_ascii_digit).count();
    let aged = digits > 0 && inner[digits..].starts_with(['歲', '岁']);
    if aged && inner.chars().count() <= 16 {
        open
    } else {
        end
    }
}

/// Words for a couple or a pair written after the names (`A、B夫妇`, `A和B二人`).
const PAIR_AFTER: &[&str] = &["夫妇", "夫婦", "夫妻", "二人", "两人", "兩人"];

/// Last characters of a place phrase (`在河北省邢台市清河县`, `在北京`).
const PLACE_ENDS: &str = "省市县縣区區镇鎮乡鄉村州京";

/// Where a place phrase that ends at `end` starts: `在` and at most twelve characters ending
/// in a place word (`在河北省邢台市清河县被……抓捕`); `end` when none stands there.
fn place_before(s: &str, end: usize) -> usize {
    let head = &s[..end];
    if !head
        .chars()
        .next_back()
        .is_some_and(|c| PLACE_ENDS.contains(c))
    {
        return end;
    }
    let mut chars = head.char_indices().rev().take(13);
    chars
        .find(|&(_, c)| c == '在' || !crate::normalize::is_cjk(c))
        .filter(|&(_, c)| c == '在')
        .map_or(end, |(i, _)| i)
}

/// The first name of a pair joined by `和`, `及`, `与` before a custody phrase, the second
/// name starting at `second` (`李洁传道和韩晓栋传道各被判`).
pub(super) fn partner_before(s: &str, second: usize) -> Option<(std::ops::Range<usize>, f64)> {
    // a word of kinship may lead the second name: `姐姐A和哥哥B入狱`
    let second = KIN
        .iter()
        .find(|k| s[..second].ends_with(*k))
        .map_or(second, |k| second - k.len());
    let and = ["和", "及", "与", "與"]
        .iter()
        .find(|a| s[..second].ends_with(*a))?;
    let end = gap_before(s, second - and.len());
    name_before(s, end).or_else(|| surname_before_title(s, end))
}
