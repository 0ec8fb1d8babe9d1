//! The sense decision on real sentences, continued: entries judged like place names
//! (`cross-strait`, demonyms), the register of a document (a story of ordinary crime, a
//! science or farming feature) and words that only look like a topic (`Sino-Tibetan`). Each
//! test quotes a public document, with its source, and keeps an issue-sense use that must
//! still count where there is one.

mod common;

use common::{clf, reasons};
use rightslens::SenseReason;

/// Xinhua via gov.cn, 17 May 2013, `兩岸警方聯手搗毀73個電信詐騙犯罪團夥` (negatives set, t027):
/// `兩岸` (cross-strait) is judged like the place names, so police work on a telecom-fraud ring
/// aimed at Taiwan residents does not raise Taiwan.
#[test]
fn cross_strait_police_work_on_a_fraud_ring_is_not_the_taiwan_question() {
    let text = "兩岸警方聯手搗毀73個電信詐騙犯罪團夥\n\n\
                公安部17日發佈消息稱,16日,中國公安部直接指揮福建省公安機關聯合台灣警方同步實施集中收網行動,\
                成功搗毀73個針對台灣居民電信詐騙犯罪團夥,搗毀犯罪窩點90處,抓獲犯罪嫌疑人301名。";
    let r = clf().classify(text);
    let got = reasons(&r, "taiwan");
    assert!(got.len() >= 3, "{got:?}");
    assert!(
        got.iter()
            .all(|g| *g != SenseReason::Plain && *g != SenseReason::IssueCue),
        "{got:?}"
    );
    assert!(!r.topics["taiwan"].present);
}

/// PRC Taiwan Affairs Office press conference (dev set, 010): `两岸关系` beside sovereignty
/// words is still the issue.
#[test]
fn cross_strait_relations_beside_sovereignty_still_count() {
    let text = "世界上只有一个中国,大陆和台湾同属一个中国,中国的主权和领土完整从未分割也不容分割,\
                这是两岸关系的真正现状,也是国际社会的普遍共识。";
    let r = clf().classify(text);
    assert!(r.topics["taiwan"].present, "{:?}", reasons(&r, "taiwan"));
}

/// Taiwan News, 2018 (`taiwannews.com.tw/en/news/3395120`, negatives set, t060): a drug
/// seizure whose crime cues (`ketamine`) stand in other sentences than the plain `Taiwan` of
/// its headline. A story of ordinary crime is apolitical, so the headline's mention is judged
/// non-issue; the same headline over a rights story still counts.
#[test]
fn a_drug_seizure_story_is_apolitical() {
    let story = "Taiwan catches 2 tons of drugs hidden inside machinery from China\n\n\
                 Ketamine and raw material enough to supply 5 million users: reports\n\n\
                 Customs in Keelung found 2 tons of raw materials enough to make ketamine for 5 \
                 million people hidden inside machinery imported from China, reports said \
                 Saturday.\n\n\
                 Five suspects were arrested in connection with the cases, but the authorities \
                 were still looking for the ring behind the drugs smuggling.";
    let r = clf().classify(story);
    assert_eq!(reasons(&r, "taiwan"), [SenseReason::Apolitical]);
    assert!(!r.topics["taiwan"].present);
    // one crime cue is not a crime story, and a rights cue other than custody words ends it
    let one = story
        .replacen("Ketamine", "Chemicals", 1)
        .replacen("ketamine", "resin", 1);
    assert!(clf().classify(&one).topics["taiwan"].present);
    let rights = format!("{story}\n\nRights groups condemned the persecution of dissidents.");
    assert!(clf().classify(&rights).topics["taiwan"].present);
}

/// US State Dept., 2020 Country Report on Human Rights Practices: Laos (blind gov set, g031):
/// an ethnolinguistic family of Laos is not Tibetans.
#[test]
fn a_language_family_is_not_tibetans() {
    let text = "The National Assembly has 149 members, including 119 members from the Lao-Tai \
                majority group; the remaining 30 are from ethnic minorities–20 Mon-Khmer, six \
                Hmong-Ioumien, and four Chinese-Tibetan.";
    let r = clf().classify(text);
    assert!(reasons(&r, "tibet").is_empty());
    assert!(!r.topics["tibet"].present);
    let family = "Burmese belongs to the Sino-Tibetan language family.";
    assert!(!clf().classify(family).topics["tibet"].present);
}

/// A personal blog on Hong Kong milk tea, August 2011 (`mslnut.blogspot.com`, blind set
/// mixed3, m003): the demonym `港人` is judged like the ethnonyms, so a food story that
/// names Hong Kong people six times does not raise Hong Kong.
#[test]
fn hong_kong_people_drinking_milk_tea_are_no_hong_kong_question() {
    let text = "三點三(下午茶)的傳統\n\n\
                香濃順滑的港式奶茶是香港地道美食,不少港人每天都要到茶餐廳喝一杯奶茶,甚至有遊客「慕名而來」,\
                專程到茶餐廳品嘗這種地道美食。\n\n\
                不過,英國人的西茶味道較淡,不合港人口味;於是,港人便在西茶中加入奶及糖,這便成了港式奶茶的雛形。\
                後來,港人更研製用製棉襖的毛布來自製隔茶渣的茶袋。";
    let r = clf().classify(text);
    let got = reasons(&r, "hong_kong");
    assert!(got.len() >= 4, "{got:?}");
    assert!(!r.topics["hong_kong"].present, "{got:?}");
    // beside a rights cue the demonym still counts
    let r = clf().classify("港人被大規模拘捕,國際社會譴責打壓人權。");
    assert!(
        r.topics["hong_kong"].present,
        "{:?}",
        reasons(&r, "hong_kong")
    );
}

/// People's Daily Xinjiang channel, 24 April 2023 (blind set mixed4, tuning half, k049), and
/// China News Service, 9 August 2025 (k013): Xinjiang as the site of an observatory and
/// Tibet as the home of a highland-barley industry are no questions of either place.
#[test]
fn an_observatory_and_a_barley_industry_are_no_questions() {
    let sky = "探訪中國天文的“新疆力量”——新疆天文台南山觀測站蹲點式調研\n\n\
               2023年3月7日,一則消息沖上熱搜:中國科學院新疆天文台南山觀測站1米大視場光學望遠鏡(NOWT),\
               首次發現一顆近地小行星。\n\n\
               如此遠的距離,如此小的星體,怎樣在浩渺宇宙中被發現?為何是在新疆發現它?";
    let r = clf().classify(sky);
    assert!(!reasons(&r, "xinjiang").is_empty());
    assert!(
        !r.topics["xinjiang"].present,
        "{:?}",
        reasons(&r, "xinjiang")
    );
    let barley = "西藏首屆青稞產業發展大會在拉薩舉辦\n\n\
                  在喜迎西藏自治區成立60周年之際,西藏首屆青稞產業發展大會於8日在拉薩市舉辦,為期兩天。";
    let r = clf().classify(barley);
    assert!(!r.topics["tibet"].present, "{:?}", reasons(&r, "tibet"));
}

/// In Focus Hong Kong, 21 June 2018, `Cocaine Trafficker Gets 34-year Jail Sentence` (names3
/// set, tuning half, r055): in a story of ordinary crime, a person arrested in a sentence with
/// a crime cue is a suspect, not a political prisoner; the same person arrested for a protest
/// is one.
#[test]
fn a_drug_trafficker_arrested_is_no_political_prisoner() {
    let story = "A 39-year-old man was sentenced to 34 years in jail on Thursday after he was \
                 convicted of trafficking more than 67 kilogrammes of cocaine, in what police \
                 said was one of Hong Kong's biggest ever drug trafficking cases. The High Court \
                 heard that delivery van driver Lui Wing-yip was arrested in a Sau Mau Ping \
                 carpark in June 2016 with three suitcases and a bag containing cocaine \
                 estimated to be worth about HK$100 million.";
    let r = clf().classify(story);
    assert!(r.prisoners.is_empty(), "{:?}", r.prisoners);
    assert!(!r.topics["political_prisoners"].present);
    // a registry person's namesake jailed in the same story (the registry's Wong Yat-chin is
    // a Hong Kong student activist)
    let namesake = format!(
        "{story} Meanwhile, Wong Yat-chin, 37, who was an accomplice of Lui, was jailed for 22 \
         years and 8 months, after pleading guilty to two counts of drug trafficking."
    );
    let r = clf().classify(&namesake);
    assert!(r.prisoners.is_empty(), "{:?}", r.prisoners);
    let protest = "Hong Kong police cracked down on dissent under the national security law. \
                   Delivery van driver Lui Wing-yip was arrested in a Sau Mau Ping carpark in \
                   June 2016 for organising a protest against the government.";
    let r = clf().classify(protest);
    assert!(
        r.prisoners.iter().any(|p| p.name == "Lui Wing-yip"),
        "{:?}",
        r.prisoners
    );
}

/// A travel-trade item on the Taklimakan railway loop, June 2022 (blind set mixed5, tuning
/// half, v009; abridged): `China's largest desert` three times does not put a railway story
/// in a political register (China cues count towards it up to two of them).
#[test]
fn china_named_thrice_in_a_railway_story_is_no_political_register() {
    let text = "World's first desert rail loop around China's largest desert completed\n\n\
                New 2,712 km (1,685 mi) railway loop line around China's Taklimakan desert was \
                inaugurated today.\n\n\
                The opening of the railroad brings an end to the unavailability of train \
                service in five counties and certain towns in southern Xinjiang and shortens \
                the travel time for locals.\n\n\
                The loop, a key national railway project, encircles China's largest desert, and \
                links major cities including Aksu, Kashgar, Hotan and Korla along its route.";
    let r = clf().classify(text);
    let got = reasons(&r, "xinjiang");
    assert!(!r.topics["xinjiang"].present, "{got:?}");
    assert!(got.contains(&SenseReason::Apolitical), "{got:?}");
    // the same place in a short political item still counts
    let r = clf()
        .classify("Beijing rejected the statement and said Xinjiang is China's internal affair.");
    assert!(
        r.topics["xinjiang"].present,
        "{:?}",
        reasons(&r, "xinjiang")
    );
}

/// A Hong Kong diaspora blog on entry rules, 2023 (blind set mixed5, tuning half, v019):
/// Taiwan among the places that lose visa-free entry to Indonesia is a travel rule, not the
/// Taiwan question; a visa ban on officials is a sanction and stays out of the cue.
#[test]
fn visa_free_entry_lists_are_travel_rules() {
    let text =
        "印尼因擔憂「公共秩序混亂和疾病潛在傳播」,已暫停對大約159個國家和地區實施免簽證政策,\
                同時也包括中國香港和臺灣。";
    let r = clf().classify(text);
    assert!(!r.topics["taiwan"].present, "{:?}", reasons(&r, "taiwan"));
    let text = "The State Department imposed visa bans on officials over pressure on Taiwan.";
    assert!(clf().classify(text).topics["taiwan"].present);
}

/// Hong Kong Free Press, 29 April 2019, on Chan Tong-kai (blind set names, tuning half,
/// p059; abridged), and Initium Media on the 12 Hong Kongers, December 2020 (p069): Taiwan
/// as where a person travelled or tried to flee is a third party in that person's story,
/// even beside custody words; an official's trip still raises the question.
#[test]
fn a_private_trip_or_a_flight_to_taiwan_is_a_third_party() {
    let text = "A Hong Kong court has jailed a man who admitted to killing his pregnant \
                girlfriend while they were on a trip to Taiwan. Hong Kong authorities arrested \
                Chan last year after he returned from Taiwan.";
    let r = clf().classify(text);
    let got = reasons(&r, "taiwan");
    assert!(!r.topics["taiwan"].present, "{got:?}");
    assert!(got.iter().all(|g| *g == SenseReason::ThirdParty), "{got:?}");
    let text = "8月23日凌晨,邓棨然、乔映瑜在香港西贡布袋澳码头会合,企图偷渡台湾。";
    assert!(!clf().classify(text).topics["taiwan"].present);
    let text = "The Speaker's trip to Taiwan angered Beijing, which launched military drills.";
    assert!(clf().classify(text).topics["taiwan"].present);
    // a White House briefing, 2022: the question is about the official's planned trip
    let text = "Q    It was pretty widely reported yesterday that Speaker Pelosi was planning a \
                trip to Taiwan.  Beijing reacted very negatively to that.";
    assert!(clf().classify(text).topics["taiwan"].present);
}
