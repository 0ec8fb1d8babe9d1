//! Chinese enumerations of detainees joined by the enumeration comma `、`:
//! `随着朱承志、肖勇、吴昌龙、程婉芸等一批维权人士陆续获释`,
//! `如中国政法大学老师游兆和、退休副教授许鲲、企业家于溟等`, `判处张三、李四有期徒刑`.
//!
//! Only one name of such a list stands beside a custody verb, if any; the others are tied to
//! custody by the list itself. A list is taken when
//!
//! * its sentence holds a custody or prisoner phrase ([`CONTEXT`]);
//! * every item after the first is a name: 2-4 Han characters led by a surname, or a name
//!   after a role or occupation word (`高级工程师刘捷`); the first item gives the name at its
//!   end, or nothing (`随着朱承志`, `介绍了杨天水`); a list of places or things fails here;
//! * at least two names come out of it;
//! * no item names an official in office (`法官`, `局长`, `发言人`: `前县长` is a former
//!   one) and the word after `等` is not a group of officials (`等领导人`).

use super::zh::plausible;
use super::zh_lists::CUSTODY;
use super::zh_words::ROLES;
use super::{Candidate, Reason};
use crate::normalize::is_cjk;
use std::ops::Range;

/// Prisoner phrases that, besides [`CUSTODY`], put a list of names in a custody context.
const CONTEXT: &[&str] = &[
    "获释",
    "獲釋",
    "在押",
    "政治犯",
    "良心犯",
    "释放",
    "釋放",
    "失踪",
    "失蹤",
    "服刑",
    "坐牢",
    "判决",
    "判決",
    "有期徒刑",
];

/// Occupations that stand before a name in a list item, besides the finder's role words.
pub(super) const OCCUPATIONS: &[&str] = &[
    "副教授",
    "系主任",
    "主任",
    "老师",
    "老師",
    "教师",
    "教師",
    "专家",
    "專家",
    "工程师",
    "工程師",
    "企业家",
    "企業家",
    "医生",
    "醫生",
    "农民",
    "農民",
    "工人",
    "村民",
    "居民",
    "传道人",
    "傳道人",
    "长老",
    "長老",
    "信徒",
    "基督徒",
    "法轮功学员",
    "法輪功學員",
    "社工",
    "志愿者",
    "志願者",
];

/// Officials: an item with one of these (not after `前` or `原`, former) spoils its list.
const OFFICIALS: &[&str] = &[
    "审判长",
    "審判長",
    "审判员",
    "審判員",
    "法官",
    "检察官",
    "檢察官",
    "检察长",
    "檢察長",
    "警官",
    "警察",
    "民警",
    "狱警",
    "獄警",
    "局长",
    "局長",
    "书记",
    "書記",
    "主席",
    "总理",
    "總理",
    "部长",
    "部長",
    "省长",
    "省長",
    "市长",
    "市長",
    "县长",
    "縣長",
    "发言人",
    "發言人",
    "大使",
    "官员",
    "官員",
    "委员",
    "委員",
];

/// Groups after `等` that make the list one of officials (`习近平、李强等领导人`).
const OFFICIAL_GROUPS: &[&str] = &[
    "领导", "領導", "官员", "官員", "法官", "警察", "干部", "幹部", "高官", "常委",
];

/// Whether `name` may be a person's: [`plausible`], and no custody phrase inside
/// (`一批人士陆续获释` is no name after `人士`).
fn shape(name: &str, after_role: bool) -> Option<f64> {
    let phrase = CUSTODY.iter().chain(CONTEXT).any(|p| name.contains(p));
    if phrase {
        return None;
    }
    plausible(name, after_role)
}

/// What an item of a list gave.
enum Item {
    /// A name (byte span in the sentence) and its shape score.
    Name(Range<usize>, f64),
    /// An official: the whole list is dropped.
    Official,
    /// No name.
    None,
}

/// Reads the item `s[from..to]` whose name ends at `to`; `first` allows text before the name
/// with no role word (`随着朱承志`).
fn item_ending(s: &str, from: usize, to: usize, first: bool, introduced: bool) -> Item {
    let item = &s[from..to];
    if official(item) {
        return Item::Official;
    }
    if introduced {
        // after `分别是`, every item is a name as after a role word
        return match shape(item, true) {
            Some(sh) => Item::Name(from..to, sh),
            None => Item::None,
        };
    }
    // after the last role or occupation word
    let role_end = ROLES
        .iter()
        .chain(OCCUPATIONS)
        .chain(OFFICIALS) // former officials only: `official` said no
        .filter_map(|r| item.rfind(r).map(|i| i + r.len()))
        .max();
    if let Some(e) = role_end.filter(|&e| e < item.len()) {
        return match shape(&item[e..], true) {
            Some(sh) => Item::Name(from + e..to, sh),
            None => Item::None,
        };
    }
    if let Some(sh) = shape(item, false) {
        return Item::Name(from..to, sh);
    }
    if !first {
        return Item::None;
    }
    // the first item: the last three, then two characters led by a surname
    let starts: Vec<usize> = item.char_indices().map(|(i, _)| i).collect();
    for len in [3, 2] {
        let Some(&k) = starts.len().checked_sub(len).and_then(|k| starts.get(k)) else {
            continue;
        };
        if let Some(sh) = shape(&item[k..], false) {
            return Item::Name(from + k..to, sh);
        }
    }
    Item::None
}

/// Whether an item names an official in office.
fn official(item: &str) -> bool {
    OFFICIALS.iter().any(|o| {
        item.match_indices(o).any(|(i, _)| {
            let before = &item[..i];
            !(before.contains('前') || before.contains('原'))
        })
    })
}

/// Words that end the last item of a list (`张三、李四等`, `……李四有期徒刑`, `……李四被捕`).
const LAST_ENDS: &[&str] = &[
    "等",
    "有期徒刑",
    "无期徒刑",
    "無期徒刑",
    "死刑",
    "被",
    "已",
    "均",
    "都",
    "分别",
    "分別",
    "先后",
    "先後",
    "，",
    "。",
    "；",
    ",",
    ";",
    "（",
    "(",
    "：",
];

/// Conjunctions before the final name of a list (`张三、李四和王五`).
const AND: &[&str] = &["和", "及", "与", "與"];

/// The last item, which starts at `from`: its name ends at the first of [`LAST_ENDS`] or a
/// conjunction (then one more name follows) within 24 characters, or at the sentence end.
/// Returns the items read and where the list ends.
fn last_items(s: &str, from: usize, introduced: bool) -> (Vec<Item>, usize) {
    let mut items = Vec::new();
    let mut from = from;
    let mut conjunction_seen = false;
    let ends: Vec<usize> = s[from..]
        .char_indices()
        .map(|(i, _)| from + i)
        .chain([s.len()])
        .collect();
    let mut k = 2;
    while k < ends.len() {
        let i = ends[k];
        if i - from > 24 * 3 {
            break;
        }
        let rest = &s[i..];
        let and = (!conjunction_seen)
            .then(|| AND.iter().find(|a| rest.starts_with(*a)))
            .flatten();
        let end = i == s.len() || LAST_ENDS.iter().any(|e| rest.starts_with(e));
        if and.is_some() || end {
            match item_ending(s, from, i, false, introduced) {
                item @ Item::Name(..) => {
                    items.push(item);
                    if let Some(a) = and {
                        conjunction_seen = true;
                        from = i + a.len();
                        k = ends.partition_point(|&e| e < from) + 2;
                        continue;
                    }
                    return (items, i);
                }
                Item::Official => {
                    items.push(Item::Official);
                    return (items, i);
                }
                Item::None if end && !rest.starts_with(['被', '已', '均', '都']) => break,
                Item::None => {}
            }
        }
        k += 1;
    }
    items.push(Item::None);
    (items, from)
}

/// Finds the names of `、` lists in one sentence that holds a custody phrase (spans relative
/// to it).
pub(super) fn find(s: &str) -> Vec<Candidate> {
    match custody_phrase(s) {
        Some(evidence) if s.contains('、') => read_lists(s, evidence),
        _ => Vec::new(),
    }
}

/// The first custody or prisoner phrase of `s`.
fn custody_phrase(s: &str) -> Option<Range<usize>> {
    CUSTODY
        .iter()
        .chain(CONTEXT)
        .filter_map(|p| s.find(p).map(|i| i..i + p.len()))
        .min_by_key(|r| r.start)
}

/// Words that introduce the names of people the text has just counted:
/// `拘捕了该寺七名僧人。……这些僧人分别是南杰次成、洛珠丹增……和晋美扎巴`.
const INTRODUCERS: &[&str] = &[
    "分别是",
    "分別是",
    "分别为",
    "分別為",
    "名字是",
    "名字为",
    "名字為",
    "他们是",
    "他們是",
];

/// The names of a list introduced by one of [`INTRODUCERS`] in sentence `s`, when `prev`
/// (the sentence before) counts people in custody (`七名僧人`, `12名港人`) and `s` holds no
/// custody phrase of its own. Name spans are relative to `s`, the evidence (the custody
/// phrase of `prev`) relative to `prev`.
pub(super) fn introduced(prev: &str, s: &str) -> Vec<Candidate> {
    if !introduces(s) || custody_phrase(s).is_some() {
        return Vec::new();
    }
    let Some(evidence) = custody_phrase(prev) else {
        return Vec::new();
    };
    if !prev.contains('名') && !prev.contains("一批") {
        return Vec::new();
    }
    let mut out = read_lists(s, 0..0);
    for c in &mut out {
        c.evidence = evidence.clone();
        c.reason = Reason::ZhAfter;
    }
    out
}

/// Whether `s` holds a `、` list after one of [`INTRODUCERS`].
pub(super) fn introduces(s: &str) -> bool {
    s.contains('、') && INTRODUCERS.iter().any(|w| s.contains(w))
}

/// Reads the `、` lists of `s` whose custody phrase is `evidence`.
fn read_lists(s: &str, evidence: Range<usize>) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(k) = s[pos..].find('、').map(|k| pos + k) {
        // the list's first item: back from the first `、` over Han characters
        let first_from = s[..k]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_cjk(c))
            .last()
            .map_or(k, |(i, _)| i);
        // `这些僧人分别是南杰次成、……`: the first name starts after the introducer
        let intro = INTRODUCERS
            .iter()
            .filter_map(|w| s[first_from..k].rfind(w).map(|i| first_from + i + w.len()))
            .max();
        let introduced = intro.is_some();
        let first_from = intro.unwrap_or(first_from);
        let mut items = vec![item_ending(s, first_from, k, !introduced, introduced)];
        let mut at = k + '、'.len_utf8();
        loop {
            let next = s[at..].char_indices().find(|&(_, c)| !is_cjk(c));
            match next {
                Some((i, '、')) if i > 0 => {
                    items.push(item_ending(s, at, at + i, false, introduced));
                    at += i + '、'.len_utf8();
                }
                _ => break,
            }
        }
        let (last, end) = last_items(s, at, introduced);
        items.extend(last);
        pos = end.max(at);
        let officials_after = s[end..]
            .strip_prefix('等')
            .is_some_and(|rest| OFFICIAL_GROUPS.iter().any(|g| rest.starts_with(g)));
        let spoiled = items.iter().any(|i| matches!(i, Item::Official))
            || items[1..].iter().any(|i| matches!(i, Item::None))
            || (introduced && matches!(items[0], Item::None))
            || officials_after;
        if spoiled {
            continue;
        }
        let names: Vec<(Range<usize>, f64)> = items
            .into_iter()
            .filter_map(|i| match i {
                Item::Name(r, sh) => Some((r, sh)),
                _ => None,
            })
            .collect();
        if names.len() < 2 {
            continue;
        }
        for (name, shape) in names {
            out.push(Candidate::zh(name, evidence.clone(), 0.85 * shape));
        }
    }
    out
}

/// Prison terms a name stands right before in a verdict (`李四有期徒刑三年`).
const TERMS: &[&str] = &["有期徒刑", "无期徒刑", "無期徒刑", "死刑"];

/// The names of a verdict that gives each person a term, after the first: in a sentence
/// with `判处`, a name right after a comma or semicolon and right before a prison term
/// (`判处张三有期徒刑五年，李四有期徒刑三年`).
pub(super) fn terms(s: &str) -> Vec<Candidate> {
    let Some(verdict) = ["判处", "判處"]
        .iter()
        .find_map(|v| s.find(v).map(|i| i..i + v.len()))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, c) in s[verdict.end..].char_indices() {
        if !matches!(c, '，' | ',' | '；' | ';' | '、') {
            continue;
        }
        let from = verdict.end + i + c.len_utf8();
        let rest = &s[from..];
        let end = rest
            .char_indices()
            .skip(2)
            .take(3)
            .map(|(k, _)| k)
            .find(|&k| TERMS.iter().any(|t| rest[k..].starts_with(t)));
        let Some(end) = end else { continue };
        if let Some(sh) = shape(&rest[..end], false) {
            out.push(Candidate {
                name: from..from + end,
                evidence: verdict.clone(),
                reason: Reason::ZhAfter,
                confidence: 0.85 * sh,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::find;

    fn names(s: &str) -> Vec<&str> {
        find(s).iter().map(|c| &s[c.name.clone()]).collect()
    }

    #[test]
    fn a_list_of_people_released_gives_every_name() {
        // Weiquanwang round-up, February 2013 (wqw2010.blogspot.com/2013/02/2013.html)
        let s = "刚刚进入中国农历春节,随着朱承志、肖勇、吴昌龙、程婉芸等一批维权蒙冤人士陆续获释,呼吁释放在押政治犯的公民运动又在中国大陆拉开序幕。";
        assert_eq!(names(s), ["朱承志", "肖勇", "吴昌龙", "程婉芸"]);
    }

    #[test]
    fn names_after_occupations_in_a_list_of_the_arrested() {
        // NTD report on Falun Gong arrests, 20 May 2015 (ntdtv.com/b5/2015/05/20/a1198090.html)
        let s = "而被非法抓捕的1449名法輪功學員中,有很多是主流社會的精英人士,如中國政法大學老師游兆和、北京政法職業學院退休副教授許鯤、天津市導航專家熊輝豐、原航天部八三五八研究所高級工程師劉元傑、南京電子研究所第十四所高級工程師劉捷、前四川蒲江縣縣長李曉波、瀋陽服裝企業家於溟等。";
        assert_eq!(
            names(s),
            [
                "游兆和",
                "許鯤",
                "熊輝豐",
                "劉元傑",
                "劉捷",
                "李曉波",
                "於溟"
            ]
        );
    }

    #[test]
    fn a_list_after_release_or_before_a_prisoner_phrase() {
        // open letter calling for releases (xinsheng.net, 2001; the ending adapted)
        let s = "公开信呼吁北京当局释放胡石根、江棋生等异议人士。";
        assert_eq!(names(s), ["胡石根", "江棋生"]);
        // Weiquanwang round-up, February 2013 (abridged)
        let s = "他向全世界介绍了杨天水、刘贤斌、陈卫等一个个在押的中国著名政治犯悲惨境遇。";
        assert_eq!(names(s), ["杨天水", "刘贤斌", "陈卫"]);
        // constructed on the shape of the 2016 Tianjin subversion verdicts
        let s = "法院以颠覆国家政权罪判处周世锋、胡石根有期徒刑。";
        assert_eq!(names(s), ["周世锋", "胡石根"]);
    }

    #[test]
    fn a_verdict_with_a_term_per_person() {
        // the shape of Chinese court announcements (constructed, names from the 2019 Guangzhou
        // verdicts on labour activists)
        let s = "法院以聚众扰乱社会秩序罪判处孟晗有期徒刑一年九个月，何晓波有期徒刑一年。";
        let v: Vec<&str> = super::terms(s).iter().map(|c| &s[c.name.clone()]).collect();
        assert_eq!(v, ["何晓波"]);
        // no verdict verb: a sentence that only mentions prison terms
        let s = "该罪最高可处无期徒刑，张三有期徒刑的说法不实。";
        assert!(super::terms(s).is_empty());
    }

    #[test]
    fn places_officials_and_sentences_without_custody_give_nothing() {
        // constructed negatives: places
        assert!(names("西藏、新疆、香港等地的政治犯仍被关押。").is_empty());
        // officials named in a custody sentence
        assert!(names("审判长张军、审判员李明宣布判处被告有期徒刑。").is_empty());
        assert!(names("习近平、李强等领导人出席会议，会议讨论释放问题。").is_empty());
        assert!(names("公安局长王刚、副局长刘伟带队逮捕了多人。").is_empty());
        // no custody phrase
        assert!(names("张伟、李娜、王芳等选手获得了金牌。").is_empty());
        // one name only
        assert!(names("随着朱承志、一批人士陆续获释。").is_empty());
    }
}
