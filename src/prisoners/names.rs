//! What a person's name looks like: Han surnames (pinyin, Wade-Giles, Cantonese and in
//! characters), pinyin syllables, and the capitalised words that are never part of a name.
//!
//! Shared by the registry expansion (which forms of a registry name are safe to add) and the
//! unlisted-detainee finder (is this run of capitalised words a name?). The lists are the
//! project's own, from general knowledge of Chinese naming; they only need to be right about
//! frequency classes, not complete.

/// The most frequent Han surnames in romanised form (pinyin, Wade-Giles, Cantonese). A bare
/// surname from this list names thousands of people and is never used alone as a short form.
const COMMON_SURNAMES: &[&str] = &[
    "au", "cai", "cao", "chan", "chang", "chen", "cheng", "cheung", "chow", "chu", "deng", "ding",
    "dong", "du", "fan", "fang", "feng", "fung", "gao", "guo", "han", "he", "ho", "hu", "huang",
    "hui", "jiang", "jin", "kwok", "lai", "lam", "lau", "law", "lee", "leung", "li", "liang",
    "lin", "liu", "lo", "lu", "luo", "ma", "mak", "ng", "pan", "peng", "ren", "shen", "shi",
    "song", "su", "sun", "tam", "tang", "tian", "tsang", "tse", "wang", "wei", "wong", "wu",
    "xiao", "xie", "xu", "yang", "yao", "ye", "yeung", "yip", "yu", "yuan", "zeng", "zhang",
    "zhao", "zheng", "zhou", "zhu",
];

/// Less frequent Han surnames in romanised form. Together with [`COMMON_SURNAMES`] they
/// decide whether a name has the Han `Surname Given` shape.
const OTHER_SURNAMES: &[&str] = &[
    "ai", "an", "bai", "bao", "bi", "bian", "bo", "cen", "chai", "chao", "cheuk", "chi", "chiang",
    "chiu", "choi", "chong", "chou", "chung", "cui", "dai", "diao", "duan", "fok", "fu", "gan",
    "ge", "geng", "gong", "gu", "guan", "gui", "hao", "hou", "hsieh", "hsu", "hua", "huo", "hung",
    "ip", "ji", "jia", "jiao", "kang", "kao", "ko", "kong", "koo", "kuo", "kwan", "kwong", "lei",
    "lian", "liao", "long", "lou", "lui", "lung", "man", "mao", "meng", "miao", "mo", "mok", "mu",
    "ni", "nie", "ning", "niu", "ou", "ouyang", "pang", "poon", "pu", "qi", "qian", "qiao", "qin",
    "qiu", "qu", "ran", "rao", "rong", "ruan", "shao", "shum", "siu", "so", "sui", "sze", "szeto",
    "tan", "tao", "teng", "to", "tong", "tsai", "tseng", "tsoi", "tsui", "wan", "wen", "xi", "xia",
    "xiang", "xing", "xiong", "xue", "yan", "yau", "yi", "yin", "ying", "yue", "yuen", "zang",
    "zhai", "zhan", "zhong", "zhuang", "zhuo", "zou", "zuo",
];

/// Compound (two-syllable) Han surnames in romanised form.
const COMPOUND_SURNAMES: &[&str] = &[
    "shangguan",
    "situ",
    "sima",
    "zhuge",
    "dongfang",
    "huangfu",
    "xiahou",
    "gongsun",
    "linghu",
    "murong",
    "duanmu",
];

/// Surnames that are also English words or abbreviations: never a short form on their own.
const ENGLISH_LOOKING: &[&str] = &[
    "ai", "an", "bo", "chi", "fan", "fang", "ge", "gong", "hung", "kong", "long", "man", "mao",
    "mo", "pang", "so", "tan", "tao", "to", "tong", "wan",
];

/// Han surname characters (simplified and traditional) for names written in Chinese.
const HAN_SURNAMES: &str =
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐\
韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘蔡蒋蔣余于杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖\
贾賈夏韦韋付傅方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向\
汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝\
包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈\
饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党宫宮费費卜冷晏席卫\
衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏佘池查麻苑迟\
遲邝鄺浦";

/// Words of Tibetan personal names in their common English spellings. Besides the first
/// list, the words that two or more Tibetan people of the built-in registry
/// (`lexicons/registry/*.jsonl`, region `tibet`) share (`dhargye`, `jampa`, `jinpa`...) and
/// the names of the days of the week given as personal names (`migmar` Tuesday, `phurbu`
/// Thursday, `pasang` Friday, `penpa` Saturday; `nyima`, `dawa` and `lhakpa` were there).
const TIBETAN_NAME_WORDS: &[&str] = &[
    "chodron", "choedon", "choekyi", "choephel", "chogyal", "dawa", "dechen", "dekyi", "dhargay",
    "dhargye", "dhondup", "dolkar", "dolma", "dorje", "dorjee", "drolma", "drukar", "gedhun",
    "gendun", "gonpo", "gyaltsen", "gyatso", "jampa", "jamyang", "jigme", "jinpa", "kalsang",
    "karma", "kelsang", "khedrub", "konchok", "kunchok", "kunga", "kyab", "lhakpa", "lhamo",
    "lhundup", "lobsang", "lodoe", "losang", "migmar", "namgyal", "ngawang", "norbu", "nyima",
    "padma", "palden", "pasang", "pema", "penpa", "phuntsog", "phuntsok", "phurbu", "rigzin",
    "rinchen", "samten", "sangpo", "sangye", "sherab", "sonam", "tamdin", "tashi", "tenpa",
    "tenzin", "thubten", "trinley", "tsering", "tsewang", "tsomo", "tsultrim", "wangchuk",
    "wangdu", "yangchen", "yeshe", "yeshi",
];

/// Words of Uyghur and Kazakh personal names in their common English spellings, with the
/// distinctive ones that two or more Xinjiang people of the built-in registry share
/// (`abdurehim`, `ablimit`, `memtimin`...).
const UYGHUR_NAME_WORDS: &[&str] = &[
    "abbas",
    "abdiriyim",
    "abduhelil",
    "abdukerim",
    "abdulla",
    "abdullah",
    "abdurehim",
    "abduweli",
    "ablajan",
    "ablet",
    "ablikim",
    "ablimit",
    "adil",
    "ahmet",
    "akbar",
    "alim",
    "arslan",
    "ayup",
    "aziz",
    "bawudun",
    "dawut",
    "dilnur",
    "ehmet",
    "ekber",
    "ekpar",
    "emet",
    "erkin",
    "gheyret",
    "ghopur",
    "gulbahar",
    "gulmira",
    "gulnar",
    "gulshan",
    "halmurat",
    "hasan",
    "hoshur",
    "ilham",
    "ilyas",
    "imin",
    "jalal",
    "kamil",
    "kerim",
    "kurban",
    "mahmut",
    "mamat",
    "memet",
    "memtimin",
    "mihray",
    "mijit",
    "muhammad",
    "mukhtar",
    "niyaz",
    "nurmemet",
    "obul",
    "patigul",
    "perhat",
    "qasim",
    "qurban",
    "rahile",
    "rahima",
    "rozi",
    "sanubar",
    "sidiq",
    "tahir",
    "tashpolat",
    "tiyip",
    "tohti",
    "tursun",
    "yalqun",
    "yasin",
    "yusup",
    "zulhumar",
];

/// Endings typical of Uyghur and Kazakh names (`Tursunjan`, `Gulnisa`, `Abdurehim`).
const UYGHUR_ENDINGS: &[&str] = &[
    "jan", "gul", "nisa", "dulla", "ullah", "hmet", "rehim", "bek", "bay",
];

/// Pinyin initials, longest first so that `zh` is tried before `z`.
const INITIALS: &[&str] = &[
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w", "",
];

/// Pinyin finals (with `v` and `ü` for the umlaut vowel).
const FINALS: &[&str] = &[
    "iang", "iong", "uang", "ueng", "ang", "eng", "ing", "ong", "iao", "ian", "uai", "uan", "van",
    "üan", "ai", "ei", "ao", "ou", "an", "en", "er", "in", "un", "ia", "ie", "iu", "ua", "uo",
    "ui", "ue", "ve", "üe", "a", "o", "e", "i", "u", "v", "ü",
];

/// Capitalised words that are never part of a person's name in the texts rightslens reads:
/// titles, institutions, places, peoples, religions, months and days, sentence openers.
const NOT_NAME_WORDS: &[&str] = &[
    // sentence openers, pronouns, determiners
    "a",
    "according",
    "after",
    "all",
    "also",
    "an",
    "and",
    "another",
    "as",
    "at",
    "before",
    "both",
    "but",
    "by",
    "during",
    "each",
    "for",
    "former",
    "from",
    "he",
    "her",
    "his",
    "however",
    "in",
    "it",
    "its",
    "last",
    "many",
    "meanwhile",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "dr",
    "no",
    "not",
    "of",
    "on",
    "one",
    "other",
    "our",
    "several",
    "she",
    "since",
    "some",
    "such",
    "that",
    "the",
    "their",
    "these",
    "they",
    "this",
    "those",
    "three",
    "to",
    "two",
    "under",
    "until",
    "we",
    "when",
    "where",
    "while",
    "who",
    "with",
    "yet",
    // institutions and offices
    "academy",
    "agency",
    "army",
    "authorities",
    "bureau",
    "chairman",
    "church",
    "city",
    "commission",
    "committee",
    "communist",
    "congress",
    "council",
    "county",
    "court",
    "daily",
    "department",
    "detention",
    "district",
    "front",
    "government",
    "group",
    "higher",
    "house",
    "institute",
    "intermediate",
    "justice",
    "law",
    "league",
    "ministry",
    "municipal",
    "national",
    "news",
    "office",
    "party",
    "people",
    "people's",
    "peoples",
    "police",
    "prefecture",
    "premier",
    "president",
    "prison",
    "procuratorate",
    "province",
    "provincial",
    "public",
    "region",
    "republic",
    "security",
    "state",
    "station",
    "supreme",
    "times",
    "tribunal",
    "union",
    "united",
    "university",
    "watch",
    "work",
    // peoples, religions, places often capitalised next to names
    "beijing",
    "britain",
    "british",
    "buddhist",
    "canada",
    "canadian",
    "catholic",
    "catholics",
    "china",
    "chinese",
    "christian",
    "christians",
    "communists",
    "dalai",
    "europe",
    "european",
    "falun",
    "gong",
    "guangdong",
    "guangzhou",
    "han",
    "hong",
    "hui",
    "kashgar",
    "kazakh",
    "kazakhs",
    "kong",
    "lama",
    "lhasa",
    "macau",
    "mongolian",
    "muslim",
    "muslims",
    "panchen",
    "protestant",
    "rinpoche",
    "shanghai",
    "shenzhen",
    "sichuan",
    "taiwan",
    "taiwanese",
    "tibet",
    "tibetan",
    "tibetans",
    "uighur",
    "uighurs",
    "urumqi",
    "us",
    "usa",
    "uyghur",
    "uyghurs",
    "wuhan",
    "xinjiang",
    "xizang",
    "yunnan",
    // days (months: crate::words::MONTHS)
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn contains(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The middle dots written between the parts of a transliterated name (`伊力哈木·土赫提`).
pub(crate) const NAME_DOTS: [char; 4] = ['·', '•', '‧', '・'];

/// Whether `word` (any case) is a romanised Han surname.
pub(crate) fn is_han_surname(word: &str) -> bool {
    contains(COMMON_SURNAMES, word)
        || contains(OTHER_SURNAMES, word)
        || contains(COMPOUND_SURNAMES, word)
}

/// Whether `word` (any case) is one of the most frequent Han surnames.
pub(crate) fn is_common_surname(word: &str) -> bool {
    contains(COMMON_SURNAMES, word)
}

/// Whether a surname is distinctive enough to stand for its person after a full mention:
/// a known, less frequent surname of at least three letters that is not an English word.
pub(crate) fn is_distinctive_surname(word: &str) -> bool {
    word.len() >= 3
        && (contains(OTHER_SURNAMES, word) || contains(COMPOUND_SURNAMES, word))
        && !contains(COMMON_SURNAMES, word)
        && !contains(ENGLISH_LOOKING, word)
}

/// Whether `word` is a known word of Tibetan names.
pub(crate) fn is_tibetan_name_word(word: &str) -> bool {
    contains(TIBETAN_NAME_WORDS, word)
}

/// Whether `word` is a known word of Uyghur or Kazakh names, or ends like one.
pub(crate) fn is_uyghur_name_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    contains(UYGHUR_NAME_WORDS, &lower)
        || (lower.len() >= 6 && UYGHUR_ENDINGS.iter().any(|e| lower.ends_with(e)))
}

/// Whether `c` begins a Han surname in Chinese script.
pub(crate) fn is_han_surname_char(c: char) -> bool {
    HAN_SURNAMES.contains(c)
}

/// Whether a capitalised word can never be part of a name (title, institution, place,
/// people, month, sentence opener).
pub(crate) fn is_not_name_word(word: &str) -> bool {
    contains(NOT_NAME_WORDS, word) || crate::words::is_month(word)
}

/// Number of pinyin syllables `word` splits into, or `None` when it is not pinyin
/// (`Quanzhang` is 2, `Yi` is 1, `Wing` is `None`). Apostrophes separate syllables.
pub(crate) fn pinyin_syllables(word: &str) -> Option<usize> {
    let lower = word.to_lowercase();
    let mut total = 0;
    for part in lower.split(['\'', '’']) {
        total += syllables_of(part)?;
    }
    (total > 0).then_some(total)
}

/// The fewest syllables `s` splits into (dynamic programming over byte positions).
fn syllables_of(s: &str) -> Option<usize> {
    if s.is_empty() || s.len() > 24 {
        return None;
    }
    let mut best: Vec<Option<usize>> = vec![None; s.len() + 1];
    best[0] = Some(0);
    for i in 0..s.len() {
        let Some(n) = best[i] else { continue };
        if !s.is_char_boundary(i) {
            continue;
        }
        for ini in INITIALS {
            let Some(rest) = s[i..].strip_prefix(ini) else {
                continue;
            };
            for fin in FINALS {
                if rest.starts_with(fin) && allowed(ini, fin) {
                    let j = i + ini.len() + fin.len();
                    if best[j].is_none_or(|b| b > n + 1) {
                        best[j] = Some(n + 1);
                    }
                }
            }
        }
    }
    best[s.len()]
}

/// Whether an initial may precede a final: `w` and `y` stand for a vowel glide and take only
/// the finals pinyin spells with them (`wang`, `yong`, never `wing`).
fn allowed(initial: &str, fin: &str) -> bool {
    match initial {
        "w" => matches!(
            fin,
            "a" | "o" | "u" | "ai" | "ei" | "an" | "en" | "ang" | "eng"
        ),
        "y" => matches!(
            fin,
            "a" | "e"
                | "i"
                | "o"
                | "u"
                | "ao"
                | "ou"
                | "an"
                | "in"
                | "ang"
                | "ing"
                | "ong"
                | "ue"
                | "uan"
                | "un"
        ),
        _ => true,
    }
}

/// Whether a romanised given name is a single syllable (`Yi`, `Jun`, `Qiang`): with a
/// frequent surname such a name is shared by many people.
pub(crate) fn is_single_syllable(given: &str) -> bool {
    !given.contains('-') && pinyin_syllables(given) == Some(1)
}

/// Whether a token has the shape of a romanised name word: a capital letter followed by
/// lowercase letters (hyphenated parts such as `Hang-tung`, an inner apostrophe, Latin
/// diacritics allowed), at least two letters.
pub(crate) fn is_name_token(tok: &str) -> bool {
    let mut chars = tok.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() || tok.chars().count() < 2 {
        return false;
    }
    let mut prev = first;
    for c in chars {
        let ok = c.is_lowercase()
            || ((c == '-' || c == '\'' || c == '’') && prev.is_alphabetic())
            || (prev == '-' && c.is_alphabetic());
        if !ok {
            return false;
        }
        prev = c;
    }
    prev.is_alphabetic()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_syllables_of_names() {
        assert_eq!(pinyin_syllables("Quanzhang"), Some(2));
        assert_eq!(pinyin_syllables("Zhiyong"), Some(2));
        assert_eq!(pinyin_syllables("Yi"), Some(1));
        assert_eq!(pinyin_syllables("Qiang"), Some(1));
        assert_eq!(pinyin_syllables("Xi'an"), Some(2));
        assert_eq!(pinyin_syllables("Wing"), None);
        assert_eq!(pinyin_syllables("Tohti"), None);
        assert!(is_single_syllable("Jun") && !is_single_syllable("Minhai"));
    }

    #[test]
    fn surname_classes() {
        assert!(is_common_surname("Wang") && is_han_surname("Wang"));
        assert!(is_distinctive_surname("Gui") && is_distinctive_surname("Qin"));
        assert!(!is_distinctive_surname("Wang") && !is_distinctive_surname("Long"));
        assert!(is_han_surname_char('王') && is_han_surname_char('張'));
        assert!(!is_han_surname_char('的'));
    }

    #[test]
    fn name_token_shapes() {
        for ok in ["Wang", "Hang-tung", "Yuet-ngor", "Choekyi", "Gülbahar"] {
            assert!(is_name_token(ok), "{ok}");
        }
        for bad in ["wang", "NSL", "A", "Wang-", "Hong Kong", "X1"] {
            assert!(!is_name_token(bad), "{bad}");
        }
        assert!(is_not_name_word("Court") && is_not_name_word("july"));
    }
}
