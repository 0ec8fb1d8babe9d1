//! Tibetan names as Chinese writes them: transliterations built of two-character parts
//! (`洛桑` Lobsang, `丹增` Tenzin, `旺姆` Wangmo), often four to eight characters long, with or
//! without a middle dot between the parts (`洛桑·桑盖`).
//!
//! A Han name is two to four characters led by a surname; a Tibetan name in characters has no
//! surname and may be longer, so the finder needs its own test for it. The parts are the
//! project's own list of the common Tibetan given-name words in their usual Chinese
//! transliterations (simplified and traditional), plus the title `格西` (Geshe); it only needs
//! to cover the frequent words, and a name must be made of them entirely.

use super::names::NAME_DOTS as DOTS;

/// Two-character transliterations of common Tibetan name words.
const PARTS: &[&str] = &[
    "阿旺", "巴桑", "白玛", "貝瑪", "贝玛", "边巴", "邊巴", "才旺", "才让", "才讓", "才仁", "策仁",
    "成来", "赤列", "次成", "次旦", "次仁", "达瓦", "達瓦", "达娃", "達娃", "达杰", "達傑", "丹增",
    "丹真", "旦增", "单增", "單增", "德吉", "德庆", "德慶", "顿珠", "頓珠", "多吉", "多杰", "多傑",
    "尕藏", "格桑", "格西", "根敦", "更登", "更敦", "贡布", "貢布", "贡觉", "貢覺", "加措", "嘉措",
    "坚赞", "堅贊", "降巴", "久美", "晋美", "晉美", "吉美", "拉巴", "拉毛", "拉姆", "洛桑", "罗桑",
    "羅桑", "米玛", "米瑪", "尼玛", "尼瑪", "彭措", "平措", "普布", "强巴", "強巴", "琼达", "瓊達",
    "曲珍", "曲扎", "确吉", "確吉", "却吉", "卻吉", "群培", "仁青", "仁钦", "仁欽", "仁增", "桑盖",
    "桑蓋", "桑杰", "桑傑", "桑吉", "索朗", "索南", "土登", "图登", "圖登", "旺堆", "旺久", "旺杰",
    "旺傑", "旺姆", "旺秋", "完玛", "完瑪", "西绕", "西繞", "央金", "益西", "伊西", "泽仁", "澤仁",
    "扎西", "紮西", "札西", "扎巴", "东珠", "東珠", "洛珠", "南杰", "南傑", "朗杰", "朗傑", "次旺",
    "伦珠", "倫珠", "才旦", "卓玛", "卓瑪", "卓嘎", "尊珠", "喜饶", "喜饒", "雍仲",
];

/// Whether `name` is a Tibetan name in Chinese characters: two to four known two-character
/// parts, dots between parts allowed (`洛桑桑盖`, `格西丹增巴桑`, `索南·旺姆`).
///
/// ```ignore
/// assert!(is_tibetan_name("洛桑桑盖"));
/// assert!(!is_tibetan_name("洛桑寺")); // a monastery, not a person
/// ```
pub(crate) fn is_tibetan_name(name: &str) -> bool {
    let chars: Vec<char> = name.chars().filter(|c| !DOTS.contains(c)).collect();
    if !(4..=8).contains(&chars.len()) || !chars.len().is_multiple_of(2) {
        return false;
    }
    chars.chunks(2).all(|p| {
        let mut buf = [0u8; 8];
        let a = p[0].encode_utf8(&mut buf).len();
        let b = p[1].encode_utf8(&mut buf[a..]).len();
        std::str::from_utf8(&buf[..a + b]).is_ok_and(|w| PARTS.contains(&w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_make_names() {
        assert!(is_tibetan_name("洛桑桑盖"));
        assert!(is_tibetan_name("格西丹增巴桑"));
        assert!(is_tibetan_name("索南·旺姆"));
        assert!(!is_tibetan_name("丹增")); // one part: the finder's Han rules decide
        assert!(!is_tibetan_name("洛桑寺院"));
        assert!(!is_tibetan_name("洛桑桑"));
    }

    #[test]
    fn parts_are_two_characters_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for p in PARTS {
            assert_eq!(p.chars().count(), 2, "{p}");
            assert!(seen.insert(p), "{p} twice");
        }
    }
}
