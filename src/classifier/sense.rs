//! Step 5 of the classify stage: the sense of each place or ethnonym mention.
//!
//! This file reads the context of a mention (its sentence's cues, the enumeration it may
//! belong to, the words around it) into a [`SenseContext`]; the rules that turn that context
//! into a decision are in [`crate::score::judge_sense`], where `explain` can call them too.

use super::stage::{
    Found, Scratch, BENIGN_CUE, BIO_CUE, CUE_KINDS, ISSUE_CUE, RIGHTS_CUE, STATUS_CUE,
};
use super::Inner;
use crate::score::SenseReason;
use crate::score::{judge_sense, SenseContext};

/// A place named in the document: a topic's place, another country or territory (a
/// `place` cue) or China (a `china` cue).
pub(super) struct ListItem {
    start: usize,
    end: usize,
    /// A country or territory outside the five topics and China.
    foreign: bool,
}

impl ListItem {
    pub(super) fn new(f: &Found, foreign: bool) -> ListItem {
        ListItem {
            start: f.start,
            end: f.end,
            foreign,
        }
    }
}

/// Longest gap, in bytes, between two items of one enumeration (`, and the `).
const LIST_GAP: usize = 48;

/// Words before a place that make it a destination (`fled to`, `refuge in`).
const DESTINATION_VERBS: &[&str] = &[
    "fled",
    "flee",
    "flees",
    "fleeing",
    "escaped",
    "escape",
    "moved",
    "move",
    "emigrated",
    "relocated",
    "resettled",
    "settled",
    "refuge",
    "sanctuary",
    "haven",
    "shelter",
    "arrived",
];

/// Chinese characters or words before a place that make it a destination.
const DESTINATIONS_ZH: &[&str] = &[
    "逃往", "逃到", "逃至", "移居", "移民", "流亡", "前往", "投奔", "抵达", "抵達", "赴", "到",
    "往",
];

/// Chinese words after `在` / `於` / `于` + place that make the place where something was
/// set up, held or lived, not the subject (`在台灣成立`, `於台北舉行`).
const SETTINGS_ZH: &[&str] = &[
    "成立", "创立", "創立", "举行", "舉行", "召开", "召開", "设立", "設立", "定居", "居住", "生活",
    "避难", "避難", "流亡", "落脚", "落腳",
];

/// Whether a Chinese place mention is a destination or a setting (see [`DESTINATIONS_ZH`],
/// [`SETTINGS_ZH`]). `在香港依据国安法起诉` is neither: the place is where the issue is.
fn is_han_locative(text: &str, f: &Found) -> bool {
    let before = window_before(text, f.start, 9);
    if DESTINATIONS_ZH.iter().any(|d| before.ends_with(d)) {
        return true;
    }
    let at = ["在", "於", "于"].iter().any(|p| before.ends_with(p));
    let after = window_after(text, f.end, 9);
    at && SETTINGS_ZH.iter().any(|v| after.starts_with(v))
}

/// Words after a place (or its possessive) that make it an actor reacting
/// (`Taiwan's government said...`).
const ACTOR_NOUNS: &[&str] = &[
    "government",
    "authorities",
    "officials",
    "president",
    "premier",
    "foreign",
    "mainland",
    "leader",
    "leaders",
];

impl Inner {
    /// Step 5: a sense decision for every hit of a judged entry (places and ethnonyms).
    pub(super) fn judge_senses(&self, text: &str, scratch: &mut Scratch, apolitical: bool) {
        let Scratch {
            found,
            flags,
            first_cue,
            topic_bits,
            items,
            senses,
            ..
        } = scratch;
        senses.clear();
        senses.resize(found.len(), None);
        let lists = enumerations(text, items);
        let mut item = 0;
        for (i, f) in found.iter().enumerate() {
            let e = &self.entries[f.entry as usize];
            if !e.judged {
                continue;
            }
            let s = f.sentence;
            let fl = flags[s];
            while item < items.len() && items[item].end <= f.start {
                item += 1;
            }
            let (list_items, list_has_foreign) = items
                .get(item)
                .filter(|it| it.start == f.start)
                .map_or((1, false), |_| lists[item]);
            let others = topic_bits[s] & !e.topic.filter(|&t| t < 64).map_or(0, |t| 1 << t);
            let ctx = SenseContext {
                dateline: super::byline::is_dateline(text, f.start, f.end),
                affiliation: super::byline::is_speaker_label(text, f.start, f.end),
                organisation_name: e.place
                    && super::orgname::in_organisation_name(text, f.start, f.end),
                rights_cue: super::stage::rights_sentence(fl),
                issue_cue: fl & ISSUE_CUE != 0,
                third_party: (others & self.place_topic_bits != 0
                    && (e.actor || third_party(text, f)))
                    || (e.place && fl & ISSUE_CUE == 0 && personal_movement(text, f)),
                list_items,
                list_has_foreign,
                biography_cue: fl & BIO_CUE != 0,
                benign_cue: fl & BENIGN_CUE != 0,
                apolitical,
            };
            let reason = judge_sense(&ctx);
            let cue = match reason {
                SenseReason::RightsCue => Some(RIGHTS_CUE),
                SenseReason::IssueCue => Some(ISSUE_CUE),
                SenseReason::Biography => Some(BIO_CUE),
                SenseReason::NonPolitical => Some(BENIGN_CUE),
                _ => None,
            }
            .and_then(|c| CUE_KINDS.iter().position(|&k| k == c))
            .map(|k| first_cue[s][k])
            .filter(|&x| x != u32::MAX);
            senses[i] = Some((reason, cue));
        }
    }

    /// Adds the sense decisions of [`Inner::judge_senses`] to the document's votes (see
    /// [`Votes`]); a long document adds its windows one by one.
    pub(super) fn count_votes(&self, scratch: &Scratch, votes: &mut Votes) {
        for (f, s) in scratch.found.iter().zip(&scratch.senses) {
            let (Some((reason, _)), Some(t)) = (s, self.entries[f.entry as usize].topic) else {
                continue;
            };
            let issue = matches!(reason, SenseReason::RightsCue | SenseReason::IssueCue);
            // a life story is about a person, not a register of the document: an exile's
            // relatives `born in Qeshqer` are still held there
            let non = matches!(reason, SenseReason::Enumeration | SenseReason::NonPolitical);
            if !issue && !non {
                continue;
            }
            if votes.0.len() <= t {
                votes.0.resize(t + 1, (0, 0));
            }
            if issue {
                votes.0[t].0 += 1;
            } else {
                votes.0[t].1 += 1;
            }
        }
    }

    /// One sense per document: the weak issue-sense mentions of a topic the document's votes
    /// put in a non-issue register become [`SenseReason::Discourse`] (see [`Votes`]).
    pub(super) fn follow_votes(&self, scratch: &mut Scratch, votes: &Votes) {
        for (f, s) in scratch.found.iter().zip(scratch.senses.iter_mut()) {
            let status = || scratch.flags[f.sentence] & STATUS_CUE != 0;
            let weak = match s {
                Some((SenseReason::Plain, _)) => true,
                Some((SenseReason::IssueCue, _)) => !status(),
                _ => false,
            };
            if weak
                && self.entries[f.entry as usize]
                    .topic
                    .is_some_and(|t| votes.non_issue(t))
            {
                *s = Some((SenseReason::Discourse, None));
            }
        }
    }
}

/// Least number of mentions of a topic that their own sentences judge non-issue (an
/// enumeration, a non-political cue) before the topic's weak mentions follow them.
const DISCOURSE_MIN: usize = 2;

/// How many times the issue-sense mentions by cue the non-issue ones must number.
const DISCOURSE_RATIO: usize = 4;

/// A document keeps to one sense of a place. Per topic, the mentions that their own
/// sentence's wording judges: issue by a rights cue or an issue frame, non-issue in an
/// enumeration of countries or by a market, trade, travel or crime cue. When at least
/// [`DISCOURSE_MIN`] are non-issue and at least [`DISCOURSE_RATIO`] times as many as the
/// issue ones, the topic's mentions with no cue at all ([`SenseReason::Plain`]) or only an
/// issue frame of security or pressure ([`SenseReason::IssueCue`]) are non-issue too
/// ([`SenseReason::Discourse`]): the one bare `Taiwan` of a drug-smuggling story, and the
/// one beside its `coast guard`, are the same Taiwan as its five ketamine sentences.
/// Mentions with a rights cue or a status frame (`frame = "status"`: `sovereignty`,
/// `status quo`) are never overruled, and biographies do not vote.
#[derive(Debug, Default)]
pub(super) struct Votes(Vec<(usize, usize)>);

impl Votes {
    pub(super) fn clear(&mut self) {
        self.0.clear();
    }

    /// Whether the document puts `topic` in a non-issue register.
    fn non_issue(&self, topic: usize) -> bool {
        self.0
            .get(topic)
            .is_some_and(|&(issue, non)| non >= DISCOURSE_MIN && issue * DISCOURSE_RATIO <= non)
    }
}

/// For each place of `items` (in text order), the size of the enumeration it belongs to and
/// whether one of its items is a foreign country or territory, in one pass. Items of one
/// enumeration lie at most [`LIST_GAP`] bytes apart with a separator between them (see
/// [`is_separator_gap`]).
fn enumerations(text: &str, items: &[ListItem]) -> Vec<(usize, bool)> {
    let mut out = vec![(1, false); items.len()];
    let mut start = 0;
    for i in 0..=items.len() {
        let linked = i > 0
            && i < items.len()
            && items[i].start >= items[i - 1].end
            && items[i].start - items[i - 1].end <= LIST_GAP
            && text
                .get(items[i - 1].end..items[i].start)
                .is_some_and(is_separator_gap);
        if !linked && i > start {
            let group = &items[start..i];
            let foreign = group.iter().any(|it| it.foreign);
            out[start..i].fill((group.len(), foreign));
            start = i;
        }
    }
    out
}

/// Whether the text between two places separates items of a list: a comma, semicolon,
/// `、`, bracket, slash or percentage, `and` / `or`, only spaces and digits (a table), or only
/// the words of a jurisdiction's title (`The Special Administrative Region of`). A full stop
/// never does.
fn is_separator_gap(gap: &str) -> bool {
    let numbered = gap
        .chars()
        .all(|c| c.is_whitespace() || c.is_ascii_digit() || c == '.');
    if !numbered && gap.contains(['.', '。', '?', '!']) {
        return false;
    }
    if numbered {
        return gap.bytes().any(|b| b.is_ascii_digit());
    }
    if gap.trim().is_empty() {
        return false;
    }
    let words = || {
        gap.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    gap.contains([',', ';', '、', '(', '%', '/', '，'])
        || words().any(|w| w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or"))
        || words().all(|w| {
            w.bytes().all(|b| b.is_ascii_digit())
                || TITLE_WORDS.iter().any(|t| t.eq_ignore_ascii_case(w))
        })
}

/// Words of a jurisdiction's title, which may stand between two items of a list.
const TITLE_WORDS: &[&str] = &["the", "of", "special", "administrative", "region", "sar"];

/// Whether a place mention is a destination (`fled to Taiwan`) or an actor reacting
/// (`Taiwan's government said`). The caller checks that the sentence names another topic's
/// place.
fn third_party(text: &str, f: &Found) -> bool {
    // Chinese: where people go (`逃往台灣`, `赴台`), or where something was set up or held
    // (`在台灣成立的「香港…聯盟」`)
    if is_han_locative(text, f) {
        return true;
    }
    // a few words either side: bounded windows keep this linear in long runs of letters
    let before = window_before(text, f.start, 64);
    let mut words = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(3);
    let destination = match (words.next(), words.next(), words.next()) {
        (Some(p), Some(v), _) if is_prep(p) => is_destination_verb(v),
        (Some(the), Some(p), Some(v)) if the.eq_ignore_ascii_case("the") && is_prep(p) => {
            is_destination_verb(v)
        }
        _ => false,
    };
    if destination {
        return true;
    }
    let after = window_after(text, f.end, 64)
        .trim_start_matches(['\'', '’'])
        .trim_start_matches(['s', 'S']);
    let next = after
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty());
    next.is_some_and(|w| ACTOR_NOUNS.iter().any(|a| a.eq_ignore_ascii_case(w)))
}

/// Chinese words before a place that make it where a person fled or slipped across to
/// (`偷渡台湾`, `逃往台灣`): never an official's destination, unlike `前往` or `赴`.
const REFUGE_ZH: &[&str] = &["偷渡", "偷渡至", "偷渡到", "逃往", "逃到", "逃至", "投奔"];

/// Whether a place is only where a person fled, travelled privately or came back from,
/// in a sentence with no issue frame: `fled to Taiwan`, `on a trip to Taiwan`, `returned from
/// Taiwan`, `leaving Taiwan for the US`, `偷渡台湾`. Under the codebook the place is then a
/// third party in a person's story (a Hong Kong fugitive, a murder suspect, an exile moving
/// on), as when it receives people in another topic's story ([`third_party`]).
fn personal_movement(text: &str, f: &Found) -> bool {
    let before = window_before(text, f.start, 64);
    if REFUGE_ZH.iter().any(|d| before.ends_with(d)) {
        return true;
    }
    let mut words = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let (w1, w2, w3, w4) = (words.next(), words.next(), words.next(), words.next());
    let is = |w: Option<&str>, set: &[&str]| {
        w.is_some_and(|w| set.iter().any(|s| s.eq_ignore_ascii_case(w)))
    };
    let refuge = [
        "fled",
        "flee",
        "flees",
        "fleeing",
        "escaped",
        "escape",
        "emigrated",
        "relocated",
        "resettled",
    ];
    // `while they were on a trip to Taiwan`; not `Speaker Pelosi was planning a trip to
    // Taiwan`, an official's
    let private_trip = is(w1, &["to"])
        && (is(w2, &["holiday", "vacation"])
            || (is(w2, &["trip"])
                && (is(w3, &["on"])
                    || (is(w3, &["a", "their", "his", "her"]) && is(w4, &["on"])))));
    let back_from =
        is(w1, &["from"]) && is(w2, &["returned", "returning", "return", "returns", "back"]);
    let leaving = is(w1, &["leaving", "left", "leave", "leaves"])
        && window_after(text, f.end, 8)
            .trim_start()
            .starts_with("for ");
    (is(w1, &["to"]) && is(w2, &refuge)) || private_trip || back_from || leaving
}

/// At most `n` bytes of `text` ending at `end`, cut at a character boundary.
fn window_before(text: &str, end: usize, n: usize) -> &str {
    let mut start = end.saturating_sub(n);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..end]
}

/// At most `n` bytes of `text` starting at `start`, cut at a character boundary.
fn window_after(text: &str, start: usize, n: usize) -> &str {
    let mut end = (start + n).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[start..end]
}

fn is_prep(w: &str) -> bool {
    ["to", "in", "into", "for"]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(w))
}

fn is_destination_verb(w: &str) -> bool {
    DESTINATION_VERBS.iter().any(|v| v.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_link_list_items() {
        assert!(is_separator_gap(", "));
        assert!(is_separator_gap(", and the "));
        assert!(is_separator_gap(" 20%  "));
        assert!(is_separator_gap(" or "));
        assert!(!is_separator_gap(" is not "));
        assert!(!is_separator_gap(". In "));
        assert!(is_separator_gap(" 23.  "));
        assert!(is_separator_gap("  The Special Administrative Region of "));
    }

    #[test]
    fn destinations_and_actors() {
        let f = |text: &str, place: &str| {
            let start = text.find(place).unwrap();
            third_party(
                text,
                &Found {
                    entry: 0,
                    start,
                    end: start + place.len(),
                    sentence: 0,
                },
            )
        };
        assert!(f("Activists fled to Taiwan after the crackdown.", "Taiwan"));
        assert!(f("They sought refuge in the Taiwan of today.", "Taiwan"));
        assert!(f("Taiwan's government said it would help.", "Taiwan"));
        assert!(!f("China threatened Taiwan with drills.", "Taiwan"));
        assert!(f("涉嫌非法參與在台灣成立的「香港民主建國聯盟」", "台灣"));
        assert!(f("多名香港社運人士逃往台灣", "台灣"));
        assert!(!f("中共對台灣施壓", "台灣"));
        assert!(!f("并停止在香港依据国安法起诉和平表达意见的人士", "香港"));
    }
}
