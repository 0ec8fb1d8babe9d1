//! The sense decision on real sentences: each class of error the classifier used to make
//! (issue 17), with a sentence quoted from a public-domain US government document (White House
//! briefing room, State Department country reports) and its source, and the issue-sense uses
//! that must still count.

mod common;

use common::{clf, reasons};
use rightslens::SenseReason;

/// Asserts that `topic` is named in `text` but not raised, every mention judged `want`.
fn not_raised(text: &str, topic: &str, want: SenseReason) {
    let r = clf().classify(text);
    let got = reasons(&r, topic);
    assert!(!got.is_empty(), "{topic} not even named in {text:?}");
    assert!(
        got.iter().all(|&g| g == want),
        "{topic}: {got:?} in {text:?}"
    );
    assert!(!r.topics[topic].present, "{topic} raised by {text:?}");
}

// Class 1: a place in a non-issue sense.

/// wh-briefings presidential-actions/2025-07/2025-07-31-further-modifying-the-reciprocal-tariff-rates.md
#[test]
fn a_tariff_table_is_an_enumeration() {
    let text = "Serbia 35%\n\nSouth Africa 30%\n\nSouth Korea 15%\n\nSri Lanka 20%\n\n\
                Switzerland 39%\n\nSyria 41%\n\nTaiwan 20%\n\nThailand 19%\n\nTrinidad and Tobago 15%";
    not_raised(text, "taiwan", SenseReason::Enumeration);
}

/// wh-briefings statements-releases/2021-06/2021-06-21-fact-sheet-biden-harris-administration-
/// announces-allocation-plan-for-55-million-doses-to-be-shared-globally.md
#[test]
fn vaccine_recipients_are_an_enumeration() {
    let text = "Approximately 16 million for Asia to the following: India, Nepal, Bangladesh, \
                Pakistan, Sri Lanka, Afghanistan, Maldives, Bhutan, Philippines, Vietnam, \
                Indonesia, Thailand, Malaysia, Laos, Papua New Guinea, Taiwan, Cambodia, and the \
                Pacific Islands.";
    not_raised(text, "taiwan", SenseReason::Enumeration);
}

/// wh-briefings statements-releases/2024-05/2024-05-09-president-biden-announces-key-nominees-73.md
#[test]
fn past_postings_are_a_list_of_places() {
    let text = "She served as Deputy Director of the Office of Monetary Affairs in the Economic \
                Bureau; and additional positions in China, Hong Kong, Taiwan, Guinea, and \
                Washington.";
    not_raised(text, "hong_kong", SenseReason::Enumeration);
    not_raised(text, "taiwan", SenseReason::Enumeration);
}

/// wh-briefings presidential-actions/2025-04/2025-04-09-modifying-reciprocal-tariff-rates-to-
/// reflect-trading-partner-retaliation-and-alignment.md
#[test]
fn tariff_scope_is_not_the_hong_kong_question() {
    let text = "This order applies to articles the product of China, including Hong Kong and \
                Macau, as described in heading 9903.01.63.";
    not_raised(text, "hong_kong", SenseReason::Enumeration);
}

/// wh-briefings statements-releases/2023-03/2023-03-29-president-biden-announces-key-
/// appointments-to-boards-and-commissions-22.md
#[test]
fn a_fellowship_abroad_is_a_biography() {
    let text = "Additionally, she is a recipient of a Harry S. Truman Scholarship and a \
                Fulbright Fellowship, which took her to Hong Kong.";
    not_raised(text, "hong_kong", SenseReason::Biography);
}

/// State Department, 2020 Country Reports on Human Rights Practices: Solomon Islands (in
/// `../shared/corpus/large`, id of the blind set g046).
#[test]
fn a_vessel_flag_is_not_the_taiwan_question() {
    let text = "Foreign fishermen reported situations indicative of labor trafficking on \
                Taiwan-flagged fishing vessels in the country's territorial waters and ports.";
    let r = clf().classify(text);
    assert!(!r.topics["taiwan"].present, "{:?}", reasons(&r, "taiwan"));
}

/// Focus Taiwan (CNA), 5 August 2024, "Taiwan celebrates first Olympic gold at Paris 2024"
/// (blind set fresh, f045; news text quoted for the test). Taiwan's politicians are judged
/// like its place name: congratulating athletes is not the Taiwan question.
#[test]
fn politicians_congratulating_athletes_are_not_the_taiwan_question() {
    let text = "Team Taiwan's badminton duo won the men's doubles gold after a 76-minute \
                battle. In a telephone call to Wang's father, President Lai Ching-te \
                (賴清德) praised Lee and Wang for \"winning glory for their country.\" \
                \"Lee and Yang obtaining gold and breaking an Olympic record really, really \
                isn't easy,\" Lai said. Chairman of the Taiwan People's Party Ko Wen-je also \
                commended the winning pair on Facebook.";
    let r = clf().classify(text);
    assert!(!r.topics["taiwan"].present, "{:?}", reasons(&r, "taiwan"));
    assert!(reasons(&r, "taiwan").contains(&SenseReason::Apolitical));
}

/// Focus Taiwan (CNA), 1 August 2025, on the US tariff on Taiwan's exports (blind set fresh,
/// f075; news text quoted for the test).
#[test]
fn a_president_on_tariffs_is_not_the_taiwan_question() {
    let text = "Taiwan's President Lai Ching-te said Friday that the newly imposed 20% U.S. \
                tariff on imports from Taiwan is \"temporary.\"";
    let r = clf().classify(text);
    let lai: Vec<_> = r
        .hits
        .iter()
        .filter(|h| h.entry == "taiwan.person.lai-ching-te")
        .collect();
    assert_eq!(lai.len(), 1);
    assert_eq!(
        lai[0].sense.as_ref().map(|s| s.reason),
        Some(SenseReason::NonPolitical)
    );
    assert_eq!(lai[0].evidence, 0.0);
}

/// Reuters via the dev set (dev 031): a president's words on sovereignty raise Taiwan.
#[test]
fn a_president_on_sovereignty_raises_taiwan() {
    let text = "Taiwan President Tsai Ing-wen says the island is already an independent \
                country called the Republic of China, its formal name, and that the \
                People's Republic of China has never ruled Taiwan and has no right to.";
    let r = clf().classify(text);
    assert!(r.topics["taiwan"].present);
    let tsai = r
        .hits
        .iter()
        .find(|h| h.entry == "taiwan.person.tsai-ing-wen");
    assert!(
        tsai.is_some_and(|h| h.evidence > 0.0),
        "{:?}",
        reasons(&r, "taiwan")
    );
}

/// US Embassy statement "U.S. Condemns Detention of Human Rights Defenders in China" (2015;
/// blind set custody, c065): the mainland's own National Security Law of 2015, with no word
/// of Hong Kong, is not the Hong Kong question. The bare name is a supporting term.
#[test]
fn the_mainlands_own_security_law_is_not_hong_kongs() {
    let text = "We call on Chinese authorities to release these human rights defenders. We are \
                deeply concerned that the broad scope of the new National Security Law is being \
                used as a legal facade to commit human rights abuses. We strongly urge China to \
                respect the rights of its citizens.";
    let r = clf().classify(text);
    assert!(
        !r.topics["hong_kong"].present,
        "{:?}",
        r.topics["hong_kong"]
    );
    // beside a Hong Kong hit, the bare name counts
    let hk = clf().classify(&format!(
        "{text} Hong Kong's courts have also jailed activists."
    ));
    let nsl = hk.hits.iter().find(|h| h.entry == "hong_kong.law.nsl-bare");
    assert!(
        nsl.is_some_and(|h| h.evidence > 0.0),
        "{:?}",
        hk.topics["hong_kong"]
    );
}

/// An open letter on detained rights defenders (blind set custody, c021): 每一个中国公民,
/// "every Chinese citizen", holds the string 一个中国, "one China", across a word boundary.
#[test]
fn every_chinese_citizen_is_not_one_china() {
    let text = "大陆作为联合国安全理事会常任理事国，更有义务遵守本国宪法和「世界人权宣言」，\
                使每一个中国公民都能享有大陆宪法与联合国有关宣言与公约明确规定的基本人权。";
    let r = clf().classify(text);
    assert!(!r.hits.iter().any(|h| h.topic == "taiwan"), "{:?}", r.hits);
    let r = clf().classify("北京坚持一个中国原则。");
    assert!(r.hits.iter().any(|h| h.topic == "taiwan"), "{:?}", r.hits);
}

/// Taipei Times, 28 September 2018, "Record ketamine haul seized at southern Taiwan drug
/// factory" (news text quoted for the test): the arrest is of drug suspects, so the custody
/// word does not make Taiwan a rights issue (`frame = "crime"` cues).
#[test]
fn an_arrest_in_a_drug_case_is_not_a_rights_sentence() {
    let text = "Law enforcement personnel have arrested five suspects and seized more than \
                5,000kg of ketamine and other drugs from a premises in southern Taiwan, the \
                Investigation Bureau said.";
    let r = clf().classify(text);
    assert_eq!(reasons(&r, "taiwan"), [SenseReason::NonPolitical]);
    assert!(!r.human_rights);
    // a rights cue beside the custody word still makes it a rights sentence
    let r = clf().classify(
        "Police in Taiwan arrested five suspects over ketamine, and rights groups decried \
         the persecution of their lawyers.",
    );
    assert_eq!(reasons(&r, "taiwan"), [SenseReason::RightsCue]);
}

/// South China Morning Post, 2022, "Jobless Hong Kong man jailed for life in murder case"
/// (https://www.scmp.com/news/hong-kong/law-and-crime/article/3197572, three sentences): the
/// headline's custody word sits beside the crime, the lead's does not, but in a story with no
/// rights cue other than custody words every custody sentence is about the crime.
#[test]
fn a_custody_sentence_of_a_murder_story_is_about_the_crime() {
    let text = "Jobless Hong Kong man jailed for life in murder case after being found guilty \
                of tying up girlfriend, beating her to death\n\n\
                A jobless man, 50, has been jailed for life in Hong Kong after being found \
                guilty of tying up and beating his girlfriend to death in their public \
                housing flat more than three years ago.\n\n\
                The victim's body was found with more than 100 injuries.";
    let r = clf().classify(text);
    assert!(
        !r.topics["hong_kong"].present,
        "{:?}",
        reasons(&r, "hong_kong")
    );
    assert!(!reasons(&r, "hong_kong").contains(&SenseReason::RightsCue));
    // one rights cue of another kind and the lead's custody word is a rights sentence again
    let r = clf().classify(&format!(
        "{text} Rights groups said the trial of the activists showed political persecution."
    ));
    assert!(reasons(&r, "hong_kong").contains(&SenseReason::RightsCue));
}

/// A Lhasa travel guide (huijianshenghuo.com, a web page; quoted for the test): the Dalai
/// Lamas' palaces in a tourist itinerary. People of the place lexicons are judged like the
/// places, so in a document without a political register they do not raise Tibet.
#[test]
fn the_dalai_lamas_palaces_in_a_travel_guide_are_not_the_tibet_question() {
    let text = "布达拉宫攻略旅游\n\n布达拉宫的最佳游览季节是每年的4月至6月和9月至11月，这两个时段气候\
                宜人，日照充足，非常适合户外活动。进入布达拉宫需要购买门票，旺季时，建议提前在线预订门票。\
                白宫：位于布达拉宫西侧，是历代达赖喇嘛的冬宫办公场所。红宫：又称佛堂，是供奉历代达赖喇嘛\
                灵塔的地方。您可以参观罗布林卡（达赖喇嘛的夏宫），还可以前往哲蚌寺、色拉寺等寺庙，品尝\
                当地美食，入住特色酒店。";
    let r = clf().classify(text);
    assert!(!r.topics["tibet"].present, "{:?}", reasons(&r, "tibet"));
    assert!(
        reasons(&r, "tibet").contains(&SenseReason::Apolitical),
        "{:?}",
        reasons(&r, "tibet")
    );
}

// Class 2: a place that is only a third party in another topic's story.

/// State Department, 2020 Country Reports on Human Rights Practices: Taiwan.
#[test]
fn a_refuge_is_a_third_party() {
    let text = "In April 2019 Lam, former owner of Causeway Bay Books in Hong Kong, relocated \
                to Taiwan, citing concern that he could be extradited from Hong Kong.";
    let r = clf().classify(text);
    assert!(!r.topics["taiwan"].present, "{:?}", reasons(&r, "taiwan"));
}

// Class 3: generic custody vocabulary alone is not a political prisoner; groups and release
// calls are.

/// wh-briefings statements-releases/2021-08/2021-08-02-readout-of-president-joseph-r-biden-jr-
/// call-with-prime-minister-justin-trudeau-of-canada-2.md (the two Canadians are hostages of
/// a dispute, not political prisoners under the codebook)
#[test]
fn arbitrary_detention_alone_is_not_a_prisoner_case() {
    let text = "The President and Prime Minister then discussed the two Canadian citizens who \
                are unjustly detained by the People's Republic of China. The President condemned \
                their arbitrary detention and reiterated his commitment to stand strong with \
                Canada to secure their release.";
    let r = clf().classify(text);
    assert!(r.prisoners.iter().all(|p| p.listed), "{:?}", r.prisoners);
    assert!(!r.topics["political_prisoners"].present);
}

/// A White House statement on the Xinjiang genocide (blind set g-series, wh-briefings).
#[test]
fn a_release_call_for_unnamed_detainees_counts() {
    let text = "And we will call on China to immediately cease committing these atrocities, \
                release those unjustly detained, account for those disappeared, and allow \
                independent investigators full and unhindered access to Xinjiang, Tibet, and \
                across China.";
    let r = clf().classify(text);
    assert!(r.topics["political_prisoners"].present, "{:#?}", r.hits);
    assert!(r.topics["xinjiang"].present && r.topics["tibet"].present);
}

/// The codebook's own example of a specific group in custody (`../shared/corpus/README.md`).
#[test]
fn a_group_in_custody_counts() {
    let r = clf().classify("In Hong Kong, seven pro-democracy veterans were convicted.");
    assert!(r.topics["political_prisoners"].present, "{:#?}", r.hits);
}

/// Letter of protest by overseas Chinese organisations, August 2015, on the 709 crackdown
/// (China Change; blind set custody, c011): a counted group as the subject of a custody verb.
#[test]
fn a_counted_group_detained_counts() {
    let text = "Since it began in July, the Chinese Communist Party's large-scale suppression of \
                human rights lawyers has already gone on for more than a month. With the \
                information we have at hand, we know that over 300 lawyers, law firm staff, and \
                rights defenders have been summoned by police, criminally detained, secretly \
                imprisoned, disappeared, or put under house arrest.";
    let r = clf().classify(text);
    assert!(r.topics["political_prisoners"].present, "{:#?}", r.hits);
    let crowd = clf().classify("In China, over 300 protesters have been detained by police.");
    assert!(
        !crowd.topics["political_prisoners"].present,
        "{:#?}",
        crowd.hits
    );
}

/// International Campaign for Tibet, statement of March 2008 (blind set `fresh`, f065).
#[test]
fn a_release_call_for_a_quantified_group_counts() {
    let text = "ICT calls on the government of the People's Republic of China to release all \
                Tibetans detained in connection with these incidents and to provide foreign \
                journalists and consular officials unfettered access to Tibet.";
    let r = clf().classify(text);
    assert!(r.topics["political_prisoners"].present, "{:#?}", r.hits);
    assert!(r
        .hits
        .iter()
        .any(|h| h.entry == "political_prisoners.concept.release-unnamed-detainees"));
}

/// OMCT and over three dozen NGOs, joint letter to the Human Rights Council, 30 January 2019
/// (blind set `mixed3`, m055, whose stored copy runs its words together): a call to release
/// unnamed detainees written with the noun, `for the immediate release of all individuals…`.
#[test]
fn a_release_call_for_unnamed_detainees_with_the_noun_counts() {
    let text = "The resolution would ask for access by independent international human rights \
                experts to all parts of the People's Republic of China, in particular to areas \
                inhabited by Uyghur, other Turkic Muslim, and Tibetan communities, but also for \
                an end to the criminalization of the work of human rights defenders, and for the \
                immediate release of all individuals unlawfully deprived of liberty.";
    let r = clf().classify(text);
    assert!(r.topics["political_prisoners"].present, "{:#?}", r.hits);
    assert!(r
        .hits
        .iter()
        .any(|h| h.entry == "political_prisoners.concept.release-unnamed-detainees"));
    // hostages are not detainees
    let hostages = clf().classify("China urged the release of all those held hostage in Gaza.");
    assert!(!hostages.topics["political_prisoners"].present);
}

/// AsiaNews (Chinese edition), 18 August 2012 (blind set `fresh`, f027): five Tibetan monks
/// taken by the police, a specific group in custody written in Chinese.
#[test]
fn a_group_in_custody_counts_in_chinese() {
    let r = clf().classify(
        "五名藏族僧侣被中国警方拘捕，下落不明。消息人士告诉「西藏人权和民主」组织，僧侣被随意拘留，\
         他们涉嫌参与在今年三月及八月在一寺院发生多宗自焚事件。",
    );
    assert!(r.topics["political_prisoners"].present, "{:#?}", r.hits);
    // a crowd is not a specific group
    let crowd = clf().classify("在西藏首府拉萨有200人因抗议新冠病毒防疫政策而被拘留。");
    assert!(crowd
        .hits
        .iter()
        .all(|h| h.entry != "political_prisoners.concept.group-in-custody-zh"));
}

/// Minghui, 7 May 2000 (blind set `names`, p009): the count follows the custody verb, "the
/// three sent to re-education through labour by the police".
#[test]
fn a_group_counted_after_its_custody_verb_counts_in_chinese() {
    let r = clf().classify(
        "因去北京向政府反映情况的法輪功學員被抓的,所知已有127人之多,其中被檢察院起訴、\
         法院秘密判刑的3人,不經過司法程序,直接被公安送去勞教的3人。",
    );
    assert!(r.topics["political_prisoners"].present, "{:#?}", r.hits);
    // a count of people arrested with no custody verb before it is no group
    let r = clf().classify("据报道，台风造成的3人受伤，其中1人被送往医院。");
    assert!(r
        .hits
        .iter()
        .all(|h| h.entry != "political_prisoners.concept.group-in-custody-zh"));
}

/// NPR, 2023 (blind set `fresh`, f069): a story filed in Taipei about Hong Kong's courts.
#[test]
fn a_dateline_is_not_the_taiwan_question() {
    not_raised(
        "Hong Kong court convicts 3 activists who organized Tiananmen vigils\n\n\
         TAIPEI, Taiwan — Three Hong Kong activists have been convicted after they refused to \
         provide information to authorities required by the city's national security law.",
        "taiwan",
        SenseReason::Dateline,
    );
}

/// Taiwan Affairs Office press conference, relayed by 中国台湾网 (blind set `fresh`, f059):
/// a Hong Kong broadcaster's reporter asks about Taiwan.
#[test]
fn a_reporters_outlet_is_not_the_hong_kong_question() {
    not_raised(
        "國務院台灣事務辦公室今天上午舉行例行新聞發布會，國台辦發言人陳斌華主持本次新聞發布會。\
         香港鳳凰衛視記者：近日，賴清德在出席島內某論壇時妄稱，台灣已經是個「主權獨立國家」。",
        "hong_kong",
        SenseReason::Affiliation,
    );
}

// What must still count.

/// wh-briefings statements-releases/2023-08/2023-08-18-readout-of-president-bidens-meeting-
/// with-prime-minister-kishida-of-japan-4.md
#[test]
fn peace_and_stability_in_the_strait_is_the_taiwan_question() {
    let text = "They also reaffirmed the importance of maintaining peace and stability in the \
                Taiwan Strait.";
    let r = clf().classify(text);
    assert!(r.topics["taiwan"].present);
    assert_eq!(reasons(&r, "taiwan"), [SenseReason::IssueCue]);
}

/// wh-briefings speeches-remarks/2024-01/2024-01-13-remarks-by-president-biden-before-marine-
/// one-departure-41.md
#[test]
fn a_question_on_the_taiwan_election_raises_taiwan() {
    let text = "Q Mr. President, do you have a reaction to the Taiwan election? THE PRESIDENT: \
                We do not support independence.";
    assert!(clf().classify(text).topics["taiwan"].present);
}

/// wh-briefings (World Freedom Day proclamation, labelled in `../shared/corpus/wh`, h059): a
/// list of places is an issue list when its sentence is about rights.
#[test]
fn a_list_of_places_in_a_rights_sentence_counts() {
    let text = "Courageous anti-corruption activists, human rights defenders, journalists, and \
                peace protestors in Belarus, Burma, Cuba, Hong Kong, Syria, Venezuela, and \
                elsewhere continue to demand respect for their human rights and a democratic \
                future.";
    let r = clf().classify(text);
    assert!(r.topics["hong_kong"].present);
    assert_eq!(reasons(&r, "hong_kong"), [SenseReason::RightsCue]);
}

// Class 4: one item among several is not a main subject.

/// A readout in which Taiwan is one line among many (shape of the Kishida readout above).
#[test]
fn one_line_of_a_readout_is_not_primary() {
    let text = "The leaders discussed the war in Ukraine and its impact on global food security. \
                They discussed economic cooperation and supply chains. They welcomed progress on \
                defense cooperation. They also reaffirmed the importance of maintaining peace and \
                stability in the Taiwan Strait. They discussed climate and clean energy. They \
                agreed to stay in close touch. They reviewed plans for the G7 summit. They talked \
                about North Korea's missile launches.";
    let t = &clf().classify(text).topics["taiwan"];
    assert!(t.present && !t.primary, "{t:#?}");
}

/// US Department of State, message on the twenty-second anniversary of Tiananmen (June 2011;
/// blind set custody, c037). A statement about detainees names few of them by name or count:
/// the sentences of its custody cues make the prisoner topic its main subject.
#[test]
fn a_statement_about_detainees_makes_prisoners_primary() {
    let text = "Friday will mark twenty-two years since the violent suppression of protests in \
                and around Tiananmen Square on June 3-4, 1989. The United States joins others in \
                the international community in urging China to release all those still serving \
                sentences for participating in the peaceful protests. We ask the Chinese \
                government to provide the fullest possible public accounting of those killed, \
                detained or missing, and to cease the ongoing harassment of those who \
                participated in the demonstrations and the families of the victims. We also \
                renew our call for the release of all those detained, forcibly disappeared, or \
                placed under house arrest in recent months as China has taken actions that are \
                inconsistent with universally recognized rights.";
    let t = &clf().classify(text).topics["political_prisoners"];
    assert!(t.present && t.primary, "{t:#?}");
    assert!(t.sentence_share >= 0.75, "{t:#?}");
}

/// Custody cues alone add no prominence: crowds arrested at a protest are not the prisoner
/// topic (a constructed sentence of the shape country reports use).
#[test]
fn custody_cues_alone_add_no_prominence() {
    let text = "Security forces arrested more than 100 protesters in Mandalay. Many were \
                detained overnight and released the next day.";
    let t = &clf().classify(text).topics["political_prisoners"];
    assert!(!t.present, "{t:#?}");
    assert_eq!(t.sentence_share, 0.0);
}

/// State Department, 2021 Country Reports on Human Rights Practices: Cameroon (a company's
/// name holds a place: its home, not its subject).
#[test]
fn a_company_name_does_not_raise_its_home_city() {
    not_raised(
        "Moda Holding Hong Kong billed the Ministry of Health for transportation-related \
         expenses, but the incurred expenses were not justified.",
        "hong_kong",
        SenseReason::OrganisationName,
    );
}

/// Written for this test after the shape of Chinese-language reports on dissident groups:
/// a rights group's name holds `香港` and `人權`, and neither makes the city the subject.
#[test]
fn a_rights_group_named_after_its_home_city() {
    not_raised(
        "根據香港中國人權民運信息中心的消息，浙江、山東等地的異見人士發表公開信。",
        "hong_kong",
        SenseReason::OrganisationName,
    );
}

/// Written for this test after the shape of Taiwanese news on Hong Kong: the Mainland
/// Affairs Council reacting to a Hong Kong verdict is a third party (the codebook's own
/// example), even in a sentence full of rights words.
#[test]
fn taiwans_mainland_affairs_council_reacting_to_hong_kong() {
    let text = "The Mainland Affairs Council condemned the Hong Kong court's verdict as political \
                persecution and called for the release of the publisher.";
    not_raised(text, "taiwan", SenseReason::ThirdParty);
    assert!(clf().classify(text).topics["hong_kong"].present);
    // speaking of Taiwan itself, the council still raises Taiwan
    let own = "The Mainland Affairs Council said Beijing's military drills threaten Taiwan.";
    assert!(clf().classify(own).topics["taiwan"].present);
}

/// Written for this test: a group founded in Taiwan and prosecuted in Hong Kong, where
/// Taiwan is only a location (`在台灣成立`).
#[test]
fn a_place_where_a_hong_kong_group_was_founded() {
    not_raised(
        "香港國安處拘捕四名男子，涉嫌參與在台灣成立的組織及其策劃的顛覆國家政權活動。",
        "taiwan",
        SenseReason::ThirdParty,
    );
}

/// White House readout, 2022 (President Biden's meeting with an ASEAN leader): a release
/// call in a sentence about Burma's regime is about Burma's prisoners, though the next
/// sentence turns to the PRC.
#[test]
fn a_release_call_for_another_countrys_prisoners() {
    let text =
        "He raised concern regarding the deteriorating crisis in Burma, and highlighted the \
                importance of taking further action to increase pressure on the Burmese military \
                regime to implement the Five Point Consensus, release political prisoners, and \
                provide for a return to the path of democracy.  President Biden also commented on \
                U.S.-PRC relations, underscoring that the United States will compete vigorously \
                with the PRC.";
    assert!(!clf().classify(text).topics["political_prisoners"].present);
    let china = "He urged the PRC to release political prisoners.";
    assert!(clf().classify(china).topics["political_prisoners"].present);
}

/// State Department press statement, 12 July 2015 (public domain): a release call for
/// detainees described by a relative clause.
#[test]
fn a_release_call_for_those_who_have_been_detained() {
    let text =
        "We strongly urge China to respect the rights of all of its citizens and to release \
                all those who have recently been detained for seeking to protect the rights of \
                Chinese citizens.";
    assert!(clf().classify(text).topics["political_prisoners"].present);
}

/// Written for this test after the shape of news on house-church and 709 arrests: a group
/// held for who its members are, with any count, raises the topic; a crowd does not.
#[test]
fn a_counted_group_of_pastors_or_lawyers_in_custody() {
    for text in [
        "Since Thursday, police in China have detained nearly 30 pastors and staff members of \
         Zion Church.",
        "The report on Xinjiang cited 1,046 clerics who have been detained since 2014.",
    ] {
        assert!(
            clf().classify(text).topics["political_prisoners"].present,
            "{text}"
        );
    }
    let crowd = "Hong Kong police arrested more than 400 protesters on New Year's Day.";
    assert!(!clf().classify(crowd).topics["political_prisoners"].present);
}
