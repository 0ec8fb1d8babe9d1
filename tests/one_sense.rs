//! One sense per document (issue 17): a place whose mentions a document's own sentences
//! overwhelmingly put in a market, trade, travel or crime register keeps that sense where a
//! sentence gives no cue. The sentences are quoted from the public news articles named above
//! each test; a biography or a rights cue takes no part in the vote.

mod common;

use common::{clf, reasons};
use rightslens::SenseReason;

/// Focus Taiwan (CNA), 8 November 2024, "18 indicted for smuggling 891 kg of ketamine into
/// Taiwan", https://focustaiwan.tw/society/202411080016 (shortened).
const KETAMINE: &str = "18 indicted for smuggling 891 kg of ketamine into Taiwan\n\n\
    The Taiwan Keelung District Prosecutors Office on Friday indicted 18 people on suspicion \
    of smuggling 891.86 kilograms of ketamine into Taiwan.\n\n\
    The office said that upon receiving tip-offs about a plan by drug traffickers to smuggle \
    drugs into Taiwan via the northern coast, it established a task force comprising coast \
    guard officers and police to investigate and monitor suspicious individuals and \
    locations.\n\n\
    On July 8, the task force found a truck carrying 35 sacks of ketamine, a category 3 \
    narcotic in Taiwan, in New Taipei's Wanli District.";

#[test]
fn a_drug_story_keeps_taiwan_out_of_the_issue_where_a_sentence_has_no_cue() {
    let r = clf().classify(KETAMINE);
    let got = reasons(&r, "taiwan");
    // the coast guard sentence alone would read as a security frame
    assert!(got.contains(&SenseReason::Discourse), "{got:?}");
    assert!(got.iter().all(|g| !g.is_issue()), "{got:?}");
    assert!(!r.topics["taiwan"].present);
    // the sentence on its own is still judged by its own words
    let alone = clf().classify(
        "The office established a task force comprising coast guard officers to guard \
         the coast of Taiwan.",
    );
    assert!(reasons(&alone, "taiwan").iter().all(|g| g.is_issue()));
}

#[test]
fn one_political_mention_among_market_ones_is_not_overruled_when_it_has_a_rights_cue() {
    // the drug story, with a sentence of the kind the vote must never overrule
    let text = format!(
        "{KETAMINE}\n\nRights groups said Taiwan's democracy and human rights are threatened \
         by Beijing's pressure."
    );
    let r = clf().classify(&text);
    let got = reasons(&r, "taiwan");
    assert!(got.contains(&SenseReason::RightsCue), "{got:?}");
    assert!(!got.contains(&SenseReason::Discourse), "{got:?}");
    assert!(r.topics["taiwan"].present);
}

/// A sovereignty sentence votes for the issue: the drug story with a sentence from a Daily
/// Mail report of 2020 (aggregated in `soumyadipdas37/finescoop.github.io`,
/// `taiwan_military_says_it_has_right_to_retaliate_against_china.md`).
#[test]
fn a_sovereignty_sentence_outvotes_the_register() {
    let text = format!(
        "{KETAMINE}\n\nBeijing this month held rare large-scale drills near Taiwan, which \
         Taipei called serious provocation but China said was necessary to protect its \
         sovereignty."
    );
    let r = clf().classify(&text);
    let got = reasons(&r, "taiwan");
    // three issue-frame mentions (the coast guard's and the two of the drills sentence)
    // against five ketamine ones: not four to one, so every mention keeps its own sense
    assert_eq!(
        got.iter().filter(|&&g| g == SenseReason::IssueCue).count(),
        3,
        "{got:?}"
    );
    assert!(!got.contains(&SenseReason::Discourse), "{got:?}");
    assert!(r.topics["taiwan"].present);
}

/// Uyghur Times, #MeTooUyghur testimony, https://uyghurtimes.com/?p=5130 (two of its
/// paragraphs): relatives `born in` Qeshqer are still held there, so a biography does not
/// vote the place out of the issue.
#[test]
fn a_biography_of_detained_relatives_does_not_vote() {
    let text = "Salam. In order to support the #metoouyghur movement, here I testify for my \
        relatives who have been illegally detained by the Chinese government.\n\
        Memet Emet (uncle) was born on February 10 1971 and he is from Group 1, Village 8, \
        Saghan Township, Yingisar County Qeshqer Prefecture. He was detained starting from \
        2016 Fall without any charges and sentenced for 10 years.\n\
        Abdukhaliq Memet (nephew) was born on April 10 1991 and he is from Group 1, Village \
        8, Saghan Township, Yingisar County Qeshqer Prefecture.\n\
        Qari Eziz (relative) is from Group 1, Village 8, Saghan Township, Yingisar County \
        Qeshqer Prefecture.\n\
        Abbas Qari Eziz (no picture) is from Group 1, Village 8, Saghan Township, Yingisar \
        County Qeshqer Prefecture.";
    let r = clf().classify(text);
    let got = reasons(&r, "xinjiang");
    assert!(got.contains(&SenseReason::Biography), "{got:?}");
    assert!(!got.contains(&SenseReason::Discourse), "{got:?}");
    assert!(r.topics["xinjiang"].present, "{got:?}");
}

/// Taipei Times, 28 September 2018, "Record ketamine haul seized at southern Taiwan drug
/// factory", https://www.taipeitimes.com/News/taiwan/archives/2018/09/28/2003701324 (two
/// sentences).
const FACTORY: &str = "Record ketamine haul seized at southern Taiwan drug factory.\n\n\
    In July, the team found that a 32-year-old Taiwanese man with a criminal record was the \
    head of a criminal ring that was having drug-production equipment and raw materials for \
    ketamine couriered to Taiwan from China, the bureau said.";

#[test]
fn a_status_frame_is_never_overruled_but_a_security_word_is() {
    // eight ketamine mentions against two issue frames: four to one, so the register wins
    // where a sentence has only `coast guard`, not where it speaks of sovereignty (a
    // sentence of a Daily Mail report of 2020 in `soumyadipdas37/finescoop.github.io`,
    // `china_says_ramping_up_military_drills_near_selfruled_taiwan_are_a_necessary_action.md`)
    let text = format!(
        "{KETAMINE}\n\n{FACTORY}\n\nChina's recent military exercises near Taiwan are a \
         'necessary action' to protect the country's sovereignty, particularly against 'the \
         interference of foreign forces', a government spokesperson has said."
    );
    let r = clf().classify(&text);
    let got = reasons(&r, "taiwan");
    assert_eq!(got.last(), Some(&SenseReason::IssueCue), "{got:?}");
    assert_eq!(
        got.iter().filter(|&&g| g == SenseReason::Discourse).count(),
        1,
        "{got:?}"
    );
    assert!(r.topics["taiwan"].present);
}
