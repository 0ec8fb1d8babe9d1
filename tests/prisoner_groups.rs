//! Specific groups in custody written in English (`political_prisoners.concept.group-in-custody`),
//! on real sentences: the codebook counts a specific group held without names, not a crowd.

mod common;

use common::clf;

const GROUP: &str = "political_prisoners.concept.group-in-custody";

fn group_hits(text: &str) -> usize {
    let r = clf().classify(text);
    r.hits.iter().filter(|h| h.entry == GROUP).count()
}

/// Free Tibet on Yarchen Gar, 2019 (names3 set, tuning half, r035): a relative clause after a
/// comma, with an adverb between `have` and `been`.
#[test]
fn a_counted_group_who_have_since_been_detained() {
    let text = "Further evictions and repression at Yarchen Gar in Tibet. Among those removed \
                from the religious community are 70 nuns, who have since been detained.";
    assert_eq!(group_hits(text), 1);
    assert!(clf().classify(text).topics["political_prisoners"].present);
}

/// Minghui, reposted by the Falun Dafa Association of Australia, 2024 (names3 set, tuning
/// half, r043): counted cases of practitioners sentenced.
#[test]
fn counted_cases_of_practitioners_being_sentenced() {
    let text = "(Minghui.org) A total of 94 cases of Falun Gong practitioners being sentenced \
                for their faith in China were reported in July and August 2024.";
    assert_eq!(group_hits(text), 1);
}

/// A group counted in words with the custody participle right after it, as the codebook's
/// own example has it (`seven pro-democracy veterans convicted`); a count in digits there
/// is left out, and so is a crowd.
#[test]
fn a_group_counted_in_words_with_a_participle() {
    let text = "Hong Kong: seven pro-democracy veterans convicted over a 2019 protest in China.";
    assert_eq!(group_hits(text), 1);
    let crowd = "Hong Kong police said thousands of protesters detained in China were freed.";
    assert_eq!(group_hits(crowd), 0);
}
