//! The list shapes: names with ages, sentences opened by a custody participle, testimony
//! paragraphs, Chinese lists with ages and bracketed romanisations, long Tibetan names in
//! Chinese characters. Each shape has a negative case that must give nothing.

use super::*;

fn names(text: &str) -> Vec<&str> {
    find(text).into_iter().map(|c| &text[c.name]).collect()
}

#[test]
fn english_names_with_ages() {
    // The Hong Kong book-fair case of 2024 (ChinaFile, Hong Kong Free Press): three sellers
    // of self-published protest books, listed with their ages before the verb.
    let t = "All three—Alan Keung Ka-wai, 31, Alex Lee Lung-yin, 52, and his wife, Cannis Chan \
             Sheung-yan, 48—pleaded guilty and received sentences of five to ten months.";
    assert_eq!(
        names(t),
        [
            "Alan Keung Ka-wai",
            "Alex Lee Lung-yin",
            "Cannis Chan Sheung-yan"
        ]
    );
    // after the custody verb (the shape of Tibetan monk arrests in RFA reports)
    let t = "Police arrested the monks Lobsang Tenzin, 19, and Tsering Dorje, 22, in March.";
    assert_eq!(names(t), ["Lobsang Tenzin", "Tsering Dorje"]);
    // a roster and the victims of a crash carry ages but no custody word
    assert!(names("The squad includes Zhang Wei, 24, Li Ming, 27, and Wang Tao, 30.").is_empty());
    assert!(names(
        "The victims were named as Chen Jing, 31, and Liu Yang, 45, who died at the scene."
    )
    .is_empty());
}

#[test]
fn sentence_opened_by_a_custody_participle() {
    // Dui Hua, "Prisoner Updates, 2024": the subject after the opening clause.
    let t = "Detained by Interpol in Malaysia at the request of China on June 17, 2020, Shi \
             Junwei (石俊伟) was sent back to China in September.";
    assert_eq!(names(t), ["Shi Junwei"]);
    // the opening participle is not about custody: nothing
    assert!(names("Born in Urumqi in 1970, Ilham Tohti was a teacher.").is_empty());
}

#[test]
fn testimony_paragraphs() {
    // The shape of the #MeTooUyghur testimonies (Uyghur Times, 2019): a relative per line,
    // the custody in the next sentence.
    let t = "Testimony for my relatives\n\
             Memet Emet (uncle) was born in 1971 in Yengisar County. He was detained in 2016 \
             without any charges.\n\
             Jumehun Izaq (no picture) is from the same village. He was detained in 2016 too.\n";
    assert_eq!(names(t), ["Memet Emet", "Jumehun Izaq"]);
    // a paragraph about a person who is not held
    let t = "Memet Emet (uncle) was born in 1971. He was a farmer all his life.\n";
    assert!(names(t).is_empty());
    // the pronoun sentence is far from the name: not taken
    let t = "Memet Emet (uncle) was born in 1971. He farmed. He sold melons. He was detained.\n";
    assert!(names(t).is_empty());
}

#[test]
fn chinese_lists_with_ages_and_romanisations() {
    // AsiaNews (Chinese edition), five Tibetan monks taken from their monastery: ages before
    // the names, romanisations after, the custody phrase at the end of the sentence.
    let t = "19岁的洛桑桑盖（Lobsang Sangay）、同是18岁的雅非（Yarphel）和南萨（Namsay），\
             于8月12日由安全人员从寺院房间被带走羁押。";
    assert_eq!(names(t), ["洛桑桑盖", "雅非", "南萨"]);
    let t = "另外两名僧侣，二十岁的丹增（Thupwang Tenzin），及二十二岁的阿桑（Asong），也被带走。";
    assert_eq!(names(t), ["丹增", "阿桑"]);
    // a romanisation between the name and the phrase
    assert_eq!(names("藏人索南旺姆（Sonam Wangmo）被捕。"), ["索南旺姆"]);
    // the same shapes with no custody phrase: a team, the victims of a crash
    assert!(names("19岁的王磊（Wang Lei）和21岁的李娜（Li Na）入选国家队。").is_empty());
    assert!(names("车祸中，19岁的张伟、20岁的刘洋不幸遇难。").is_empty());
    // a place with its romanisation is not a person
    assert!(names("僧人在色达县（Serthar）被拘留。").is_empty());
}

#[test]
fn long_tibetan_names_in_characters() {
    // RFA Mandarin (Tibet review, November 2022): a Geshe who died after prison.
    let t = "而另一位西藏僧人格西丹增巴桑出狱数年后近日病逝。";
    assert_eq!(names(t), ["格西丹增巴桑"]);
    // a Han name before the same phrase keeps its usual length
    assert_eq!(names("维权人士王荣文出狱后仍受监控。"), ["王荣文"]);
}

#[test]
fn role_and_name_as_the_subject_of_a_custody_clause() {
    // Independent Chinese PEN statement (2010): the verb at the far end of the clause.
    let t = "湖南記者師濤以其雅虎電郵發了一封文件給海外網站便被重判十年；";
    assert_eq!(names(t), ["師濤"]);
    // the lawyer defends someone who was detained: not the lawyer
    assert!(names("律师张凯在法庭上为被捕的牧师辩护。").is_empty());
    assert!(names("记者王晓在现场采访被捕者家属。").is_empty());
    // the phrase belongs to another person named in the clause
    assert_eq!(
        names("律师张凯在得知维权人士李和平被捕后赶往北京。"),
        ["李和平"]
    );
}

#[test]
fn names_under_a_custody_heading() {
    // The layout of diaspora testimonies submitted to the Xinjiang Victims Database.
    let t = "My detained relatives:\n\
             - Abdurehim Memet (brother), taken in 2017\n\
             - Patigul Memet (sister)\n\
             \n\
             Other news follows here.\n";
    assert_eq!(names(t), ["Abdurehim Memet", "Patigul Memet"]);
    // a heading with no custody word: a list of guests is not a list of detainees
    let t = "Family members at the wedding:\n- Abdurehim Memet (brother)\n- Patigul Memet\n";
    assert!(names(t).is_empty());
}

#[test]
fn a_quoted_nickname_inside_a_name() {
    // Christianity Today on the Early Rain and Zion crackdowns, January 2026
    let t = "Yet by October, Chinese authorities had detained pastor Jin “Ezra” Mingri along with \
             nearly 30 pastors and staff at Zion.";
    assert_eq!(names(t), ["Jin “Ezra” Mingri"]);
    // a quoted word between two names is no nickname without a custody construction
    assert!(names("Wang Lin “Joy” Li spoke at the concert.").is_empty());
}

#[test]
fn including_after_a_custody_clause() {
    // the shape of wire reports on group arrests (constructed; names of the 2019 Xiamen
    // gathering cases)
    let t = "Police detained at least ten rights activists in December, including Ding Jiaxi \
             and Zhang Zhongshun.";
    assert_eq!(names(t), ["Ding Jiaxi", "Zhang Zhongshun"]);
    // the clause before the comma has no custody word; or the custody word is in an earlier
    // clause
    assert!(names("Several scholars spoke at the forum, including Wang Lei and Li Na.").is_empty());
    assert!(names(
        "After the activists were detained, the forum went on, including Wang Lei and Li Na."
    )
    .is_empty());
}

#[test]
fn a_list_that_names_the_people_the_sentence_before_counted() {
    // RFA Mandarin, 18 March 2015 (rfa.org/mandarin/yataibaodao/shaoshuminzu/
    // dz-03182015144407.html): seven monks arrested, named in the next sentence, which holds
    // no custody word of its own.
    let t = "一批中共公安人员于本月14号晚上突然闯进那曲地区索县亚拉镇的赞丹寺,强行拘捕了该寺七名僧人。\
             阿旺塔巴说:“这些僧人分别是南杰次成、洛珠丹增、次成果其、次成南杰、塔克伦珠、晋美次成和晋美扎巴。";
    assert_eq!(
        names(t),
        [
            "南杰次成",
            "洛珠丹增",
            "次成果其",
            "次成南杰",
            "塔克伦珠",
            "晋美次成",
            "晋美扎巴"
        ]
    );
    assert!(introduces_names(&t[t.find("阿旺").unwrap_or(0)..]));
    // the same list after a sentence that counts no one in custody gives nothing
    let t = "代表团参观了当地的三座寺院。这些寺院分别是色拉寺、哲蚌寺和甘丹寺。";
    assert!(names(t).is_empty());
    let t = "会议讨论了旅游业。参加者分别是张伟、李娜和王芳。";
    assert!(names(t).is_empty());
}

#[test]
fn a_person_described_or_a_term_is_no_name() {
    // the shapes of Hong Kong police reports and court verdicts (constructed)
    assert!(names("警方拘捕一名本地男子。").is_empty());
    assert!(names("四名市民被捕。").is_empty());
    assert!(names("被告被判管制二年。").is_empty());
}

#[test]
fn a_time_phrase_an_adverb_or_a_title_between_name_and_custody_phrase() {
    // VOA Chinese, 18 May 2010 (Tibetan intellectuals and artists targeted): a time phrase
    let t = "扎西东珠去年12月底被拘捕,并被判处15个月劳教。";
    assert_eq!(names(t), ["扎西东珠"]);
    // Christian Post Chinese (Linfen Covenant house church verdicts): titles after the names,
    // a pair joined by 和 and an adverb before the verb
    let t = "李潔傳道和韓曉棟傳道各被判三年八個月,王強弟兄被判一年十一個月。";
    assert_eq!(names(t), ["李潔", "韓曉棟", "王強"]);
    // constructed negatives: a time phrase with no name before it, a pair of non-names
    assert!(names("去年12月底被拘捕的人数很多。").is_empty());
    assert!(names("警方和公安去年被批评。").is_empty());
}

#[test]
fn a_clause_of_cause_between_name_and_custody_phrase() {
    // Kanzhongguo, 1 October 2020 (a petitioner from Sichuan detained in Beijing)
    let t = "内容显示余凤连因涉嫌“寻衅滋事罪”而遭到刑事拘留。";
    assert_eq!(names(t), ["余凤连"]);
    // Beijing demolition-lawyers site, 14 April 2023 (a farmer who petitioned online)
    let t =
        "2023年4月7日,东明县农民张奎香,因7次在国家信访局网投诉等行为被以“寻衅滋事”的罪名逮捕审判。";
    assert_eq!(names(t), ["张奎香"]);
    // 29 Principles, April 2023 (blind set mixed4, tuning half, k001): a surname short form
    // and `在` are no name, nor is a pair of kin (RFA Mandarin, April 2020, k023)
    assert!(names("丁在2013年被拘捕,2014年被控以「聚衆扰乱公共场所秩序罪」。").is_empty());
    assert!(names("一对藏人父子因聆听精神领袖法会于去年底遭到中国当局拘捕。").is_empty());
    // SET News (Taiwan), September 2024 (blind set mixed3, m043): a charge in quotes after 被依
    let t = "楊智淵被依「分裂國家罪」判刑9年,陸委會要求中共立刻公開判決書。";
    assert_eq!(names(t), ["楊智淵"]);
    // constructed negatives: the cause ends a clause before, or no name stands before it
    assert!(names("他因病住院。张三的邻居被逮捕。").is_empty());
    assert!(names("因涉嫌寻衅滋事罪而遭到刑事拘留的人很多。").is_empty());
}

#[test]
fn a_title_and_a_surname_is_no_name_of_its_own() {
    // Christian News Network relaying ChinaAid, 11 January 2021: the pastor is named in full
    // before; `Pastor Li` alone is not another person
    let t = "Pastor Li was sentenced to 13 years in prison.";
    assert!(names(t).is_empty());
    assert_eq!(
        names("Authorities detained pastor Li Juncai in 2019."),
        ["Li Juncai"]
    );
}

#[test]
fn a_described_agent_a_place_or_two_adverbs_before_the_custody_verb() {
    // Ningxia government notice quoted by a rights site (names set, tuning half, p031):
    // a time phrase, a place phrase, then an agent described rather than named
    assert_eq!(
        names("宁夏籍居民王芳于3月23日在河北省邢台市清河县被3名不明身份男子抓捕。"),
        ["王芳"]
    );
    // Deutsche Welle Chinese, January 2018 (names set, p007): an adverb of time and `也`
    assert_eq!(
        names("辯護律師透露，余文生妻子許豔現在也因相同指控被警方傳喚。"),
        ["許豔"]
    );
    // a crowd is no agent of a custody passive, and a court's summons to testify no custody
    assert!(names("李明被三名记者采访。张伟被法院传唤作证。").is_empty());
}

#[test]
fn a_pronoun_custody_sentence_after_a_sentence_opened_by_a_name() {
    // an aggregator's repost of a Hong Kong court report, January 2023 (names set, p049)
    let t = "A 42-year-old Hong Kong courier has been jailed for eight months.\n\n\
             Wong Chun-kit's crimes also included reposting footage of a protest song being \
             played instead of the national anthem. He had been remanded in custody since \
             November on national security grounds.";
    assert_eq!(names(t), ["Wong Chun-kit"]);
    let t = "Wong Chun-kit had praised a blunder. He was arrested in November.";
    assert_eq!(names(t), ["Wong Chun-kit"]);
    // the name is not the subject, or the pronoun sentence is not about custody
    assert!(names("Police said Wong Chun-kit had praised a blunder. He was arrested.").is_empty());
    assert!(names("Wong Chun-kit had praised a blunder. He was pleased.").is_empty());
}

#[test]
fn a_relative_clause_of_custody_before_a_role_and_name() {
    // VOA Chinese, 18 May 2010, on an ICT report (names set, tuning half, p055)
    assert_eq!(
        names(
            "报告援引的首要实例是今年4月23日被警察拘捕、至今下落不明的47岁的知名藏族作家、\
             青海民族出版社藏文室编辑扎西加措,笔名学东,又称扎加。"
        ),
        ["扎西加措"]
    );
    assert_eq!(names("被关押的维权人士李大明。"), ["李大明"]);
    // no name after the role, or the clause is about a name before it
    assert!(names("被关押的维权人士的家属表示不满。").is_empty());
    assert_eq!(names("王芳被拘留的消息传出后。"), ["王芳"]);
}

#[test]
fn persecuted_uyghur_scholars_with_romanisations_and_full_stops_for_dots() {
    // World Uyghur Congress relay of a UHRP briefing on detained Uyghur intellectuals: the
    // transliterations are written with a full stop for the dot, each after an occupation
    let t = "几百位被迫害维吾尔知识分子的呼声一直未能发出来,包括新疆师范大学文学教授、\
             系主任阿布拜丝儿.树库尔(Abdubesir Shukuri),文学教师、诗人古丽妮萨.伊明(Gulnisa Imin),\
             和青年学者艾赫买提.莫敏塔热米(Exmet Momin Tarimi)。";
    assert_eq!(
        names(t),
        ["阿布拜丝儿.树库尔", "古丽妮萨.伊明", "艾赫买提.莫敏塔热米"]
    );
    // an occupation before a name is no name of its own, and a stop that ends a sentence
    // written in Latin script joins nothing
    let t = "被迫害的文学教师、诗人和学者都被关押。Police said.王力被捕。";
    assert_eq!(names(t), ["王力"]);
}

#[test]
fn names_right_after_a_relative_clause_of_custody() {
    // ChinaAid via a Chinese church news site, on the Linfen Golden Lampstand church leaders
    // (names2 set, tuning half, q049)
    let t = "被判兩年勞教的高福琴姊妹、趙國愛姊妹、楊子珍姊妹、楊紅珍姊妹和李雙平弟兄已於2011年7月相繼出獄。";
    assert_eq!(names(t), ["高福琴", "趙國愛", "楊子珍", "楊紅珍", "李雙平"]);
    let t = "被判三年的王曉光已於2012年10月10日出獄,被判三年半的楊璇今年4月10日出獄。";
    assert_eq!(names(t), ["王曉光", "楊璇"]);
    // what follows the clause is no name, or not one ended where a name ends
    assert!(names("被捕的人数已达百人。").is_empty());
    assert!(names("被判刑的消息传出。").is_empty());
    assert!(names("被关押的王府井商户代表表示不满。").is_empty());
}

#[test]
fn a_word_of_kinship_before_a_name() {
    // VOA Chinese on a Uyghur woman in Turkey whose sister and brother were sentenced in
    // Hotan (names2 set, tuning half, q017)
    let t = "当收到姐姐迪丽努尔·买苏木江和哥哥塔衣尔江·买苏木江入狱的消息时。";
    assert_eq!(names(t), ["迪丽努尔·买苏木江", "塔衣尔江·买苏木江"]);
    assert_eq!(names("他的儿子王明被捕。"), ["王明"]);
    // kin with no name after it, or two characters with no surname after it
    assert!(names("他的妻子和儿子被捕。").is_empty());
    assert!(names("他的儿子今天被捕。").is_empty());
}

#[test]
fn an_approximate_age_and_whereabouts_unknown() {
    // RFA Mandarin, 2008, on Tibetans missing after the March protests (names2 set, tuning
    // half, q015)
    let t = "西藏日喀则地区一名青年,今年二十多岁的洛桑,他参加示威游行后,到现在仍下落不明。";
    assert_eq!(names(t), ["洛桑"]);
    // an age and a name with no custody phrase, or no age at all
    assert!(names("今年二十多岁的洛桑,他参加了比赛。").is_empty());
    assert!(names("很多的洛桑,到现在仍下落不明。").is_empty());
}
