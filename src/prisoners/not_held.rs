//! People whom a document names but does not present as held.
//!
//! A registry holds people who were once in custody or are targeted by the authorities; a
//! document may name one of them for another reason. Three readings are taken out of the
//! prisoner list (the codebook counts people detained, imprisoned, disappeared or under house
//! arrest). They are asked of listed people and of those the finder of unlisted detainees
//! found (`Ng was sentenced to 12 months, suspended for 24 months` reads as a custody phrase):
//!
//! * **Wanted only**: every sentence that names the person lacks a custody word, and one of
//!   them says the person is wanted (`are wanted for alleged offences`, `a HK$1 million
//!   bounty`, `通缉`). People with bounties on them live abroad.
//! * **Commentator only**: a former detainee (registry status `released` or `exiled`) whose
//!   sentences lack a custody word and who is quoted as a source
//!   (`Peter Dahlin, director of Safeguard Defenders, told The Telegraph`).
//!
//! * **Suspended sentence only**: every clause naming the person with a custody word says
//!   the sentence is suspended (`was sentenced to 12 months in prison, suspended for 24
//!   months`, `判處監禁12個月，緩刑24個月`), and none speaks of arrest or detention. A suspended
//!   death sentence (`死缓`) is served in prison and does not count as suspended.
//!
//! Otherwise a single custody word in any sentence naming the person keeps them: `Joshua
//! Wong, who was jailed in 2020, said` is a prisoner still.

use std::ops::Range;

/// Words that put the person in custody (any case; English words at word edges).
const CUSTODY: &[&str] = &[
    "arrested",
    "detained",
    "detention",
    "jailed",
    "jail",
    "imprisoned",
    "imprisonment",
    "prison",
    "prisoner",
    "sentenced",
    "convicted",
    "custody",
    "house arrest",
    "disappeared",
    "abducted",
    "behind bars",
    "released",
    "freed",
    "held",
    "charged",
    "被捕",
    "拘",
    "押",
    "判",
    "入狱",
    "入獄",
    "监禁",
    "監禁",
    "获释",
    "獲釋",
    "失踪",
    "失蹤",
];

/// Words that say the person is sought, not held.
const WANTED: &[&str] = &[
    "is wanted",
    "are wanted",
    "was wanted",
    "were wanted",
    "wanted for",
    "wanted by",
    "wanted list",
    "bounty",
    "bounties",
    "arrest warrant",
    "arrest warrants",
    "通缉",
    "通緝",
    "悬红",
    "懸紅",
    "悬赏",
    "懸賞",
];

/// Verbs of speech after a quoted source (`X told`, `X, director of Y, said`).
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "wrote",
    "writes",
    "added",
    "explained",
    "noted",
    "argued",
    "warned",
    "commented",
];

/// Chinese verbs of speech right after the name (`X表示`).
const SPEECH_ZH: &[&str] = &["表示", "说", "說", "指出", "称", "稱", "认为", "認為"];

/// The sentence around `at`: from after the previous sentence end to the next one (`.`, `!`,
/// `?` before a space or line end, Chinese full stops, line breaks).
pub(crate) fn sentence_around(text: &str, at: Range<usize>) -> Range<usize> {
    let is_end = |i: usize, c: char| match c {
        '。' | '！' | '？' | '\n' => true,
        '.' | '!' | '?' => text[i + 1..]
            .chars()
            .next()
            .is_none_or(|n| n.is_whitespace()),
        _ => false,
    };
    let start = text[..at.start]
        .char_indices()
        .rev()
        .find(|&(i, c)| is_end(i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at.end..]
        .char_indices()
        .find(|&(i, c)| is_end(at.end + i, c))
        .map_or(text.len(), |(i, c)| at.end + i + c.len_utf8());
    start..end
}

/// Whether `sentence` holds one of `words` (ASCII words must stand at word edges).
fn holds(sentence: &str, words: &[&str]) -> bool {
    holds_where(sentence, words, |_, _| true)
}

/// Whether `sentence` holds one of `words` (ASCII words at word edges) at a place `keep`
/// accepts, given the lower-cased sentence and the byte offset right after the word.
fn holds_where(sentence: &str, words: &[&str], keep: impl Fn(&str, usize) -> bool) -> bool {
    let lower = sentence.to_lowercase();
    words.iter().any(|w| {
        lower.match_indices(w).any(|(i, _)| {
            let end = i + w.len();
            let edges = !w.is_ascii() || {
                let before = lower[..i].chars().next_back();
                let after = lower[end..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            };
            edges && keep(&lower, end)
        })
    })
}

/// Plural nouns after which a custody word describes a group, not the person named
/// (`a Norway-based activist who documents missing and imprisoned Uyghurs`).
const GROUPS: &[&str] = &[
    "uyghurs",
    "uighurs",
    "tibetans",
    "kazakhs",
    "people",
    "activists",
    "lawyers",
    "dissidents",
    "journalists",
    "writers",
    "muslims",
    "christians",
    "others",
];

/// Whether `sentence` holds a custody word, `arrest warrant` aside, that is not an
/// adjective of a group (`imprisoned Uyghurs`).
fn custody(sentence: &str) -> bool {
    holds_where(sentence, CUSTODY, |lower, end| {
        let next = lower[end..]
            .trim_start()
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        !GROUPS.contains(&next)
    })
}

/// Whether the name at `m` is quoted as a source: a speech verb after it (perhaps after an
/// appositive between commas), or `said` / `according to` right before it.
fn quoted(text: &str, m: &Range<usize>) -> bool {
    let s = sentence_around(text, m.clone());
    let after = &text[m.end..s.end];
    let before = text[s.start..m.start].trim_end();
    let first_word = |t: &str| -> String {
        t.trim_start()
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase()
    };
    if SPEECH.contains(&first_word(after).as_str()) {
        return true;
    }
    // `X, director of Safeguard Defenders, told`
    if let Some(rest) = after.strip_prefix(',') {
        if let Some(close) = rest.find(',') {
            let appositive = &rest[..close];
            let short = appositive.split_whitespace().count() <= 10;
            if short
                && !custody(appositive)
                && SPEECH.contains(&first_word(&rest[close + 1..]).as_str())
            {
                return true;
            }
        }
    }
    if SPEECH_ZH.iter().any(|v| after.starts_with(v)) {
        return true;
    }
    let lower = before.to_lowercase();
    lower.ends_with("said") || lower.ends_with("says") || lower.ends_with("according to")
}

/// Words of a suspended sentence (`suspended death sentence` is excluded where it is read).
const SUSPENDED: &[&str] = &["suspended", "缓刑", "緩刑"];

/// Words of arrest or detention that keep a person held even beside a suspended sentence
/// (`detained since May 2014, was given a suspended sentence`).
const DETAINED: &[&str] = &[
    "arrested",
    "detained",
    "detention",
    "custody",
    "remanded",
    "被捕",
    "拘留",
    "羁押",
    "羈押",
    "逮捕",
];

/// The clause of `sentence` (a range of `text`) that holds the mention `m`: clauses end at
/// `;`, `；` and before `while` / `whilst` (`Ng was sentenced …, suspended for 24 months whilst
/// Leung received …`).
fn clause_around(text: &str, sentence: &Range<usize>, m: &Range<usize>) -> Range<usize> {
    let s = &text[sentence.clone()];
    let at = m.start - sentence.start;
    let mut start = 0;
    let mut end = s.len();
    for sep in [";", "；", " while ", " whilst ", ", while ", ", whilst "] {
        for (i, _) in s.match_indices(sep) {
            if i + sep.len() <= at {
                start = start.max(i + sep.len());
            } else if i >= m.end - sentence.start {
                end = end.min(i);
            }
        }
    }
    sentence.start + start..sentence.start + end
}

/// Whether the clause says the sentence is suspended (`suspended death sentence` and `死缓`
/// are prison terms, not suspended ones).
fn suspended(clause: &str) -> bool {
    holds_where(clause, SUSPENDED, |lower, end| {
        !lower[end..].trim_start().starts_with("death")
    })
}

/// Whether every clause naming the person with a custody word speaks of a suspended
/// sentence after the name, one does, and none of them of arrest or detention (`Lee and Ng
/// received suspended sentences, and Lai was jailed`: Lai's sentence is not suspended).
fn suspended_only(text: &str, mentions: &[&Range<usize>], sentences: &[Range<usize>]) -> bool {
    let mut any = false;
    for (m, s) in mentions.iter().zip(sentences) {
        let c = clause_around(text, s, m);
        let clause = &text[c.clone()];
        if suspended(&text[m.end..c.end]) {
            if holds(clause, DETAINED) {
                return false;
            }
            any = true;
        } else if custody(&text[s.clone()]) && custody(clause) {
            return false;
        }
    }
    any
}

/// Whether the person named at `mentions` (byte spans of `text`) is, in this text, not held:
/// wanted only, serving a suspended sentence only, or (for a `former` detainee) a quoted
/// commentator only. See the module docs.
pub(crate) fn not_held(text: &str, mentions: &[Range<usize>], former: bool) -> bool {
    let valid: Vec<&Range<usize>> = mentions
        .iter()
        .filter(|m| text.get((*m).clone()).is_some())
        .collect();
    if valid.is_empty() {
        return false;
    }
    let spans: Vec<Range<usize>> = valid
        .iter()
        .map(|m| sentence_around(text, (*m).clone()))
        .collect();
    let sentences: Vec<&str> = spans.iter().map(|s| &text[s.clone()]).collect();
    // a former detainee cited as the source of the sentence (`…had been sentenced to a
    // lengthy prison sentence, according to X, a Norway-based activist`): what comes before
    // `according to` is the report, about someone else; the name's own appositive still
    // counts (`according to X, who was jailed in 2014`)
    let own_part = |m: &Range<usize>, around: &Range<usize>| -> bool {
        let cited = text[around.start..m.start]
            .trim_end()
            .to_lowercase()
            .ends_with("according to");
        let from = if former && cited {
            m.start
        } else {
            around.start
        };
        custody(&text[from..around.end])
    };
    if suspended_only(text, &valid, &spans) {
        return true;
    }
    if valid.iter().zip(&spans).any(|(m, s)| own_part(m, s)) {
        return false;
    }
    let wanted = sentences.iter().any(|s| holds(s, WANTED));
    wanted || (former && valid.iter().any(|m| quoted(text, m)))
}

#[cfg(test)]
mod tests {
    use super::not_held;

    fn spans(text: &str, name: &str) -> Vec<std::ops::Range<usize>> {
        text.match_indices(name)
            .map(|(i, n)| i..i + n.len())
            .collect()
    }

    #[test]
    fn people_with_bounties_are_not_held() {
        // Hong Kong Free Press on the December 2023 warrants (abridged)
        let t = "Simon Cheng, Frances Hui, Joey Siu, Johnny Fok, and Tony Choi are wanted for \
                 alleged offenses under the national security law. Fok, 42, and Choi, 46, face \
                 accusations of inciting secession.";
        assert!(not_held(t, &spans(t, "Johnny Fok"), true));
        let t = "警方以涉嫌煽动分裂国家罪通缉霍嘉志，悬红一百万港元。";
        assert!(not_held(t, &spans(t, "霍嘉志"), true));
    }

    #[test]
    fn a_quoted_former_detainee_is_not_held() {
        // The Telegraph, quoted in a report on Chinese police stations abroad
        let t = "\"This is all taking place under the radar,\" Peter Dahlin, director of \
                 Safeguard Defenders, told The Telegraph.";
        assert!(not_held(t, &spans(t, "Peter Dahlin"), true));
        let t = "The group is run by Peter Dahlin, said a researcher.";
        assert!(!not_held(t, &spans(t, "Peter Dahlin"), true));
    }

    #[test]
    fn a_custody_word_or_a_current_prisoner_keeps_them() {
        let t = "Joshua Wong, who was jailed in 2020, said he would not give up. He is wanted \
                 abroad.";
        assert!(!not_held(t, &spans(t, "Joshua Wong"), true));
        // quoted, but not a former detainee by the registry: a prisoner still
        let t = "Ilham Tohti said in 2013 that Uyghurs wanted dialogue.";
        assert!(!not_held(t, &spans(t, "Ilham Tohti"), false));
        // the wanted person later arrested
        let t = "Johnny Fok, wanted since 2023, was arrested in Macau.";
        assert!(!not_held(t, &spans(t, "Johnny Fok"), true));
        // no mention at all
        assert!(!not_held("text", &[], true));
    }

    #[test]
    fn a_former_detainee_cited_for_someone_elses_sentence_is_not_held() {
        // RFA via a blog, December 2021 (blind set mixed4, tuning half, k011)
        let t = "Rumors circulated in the Uyghur community that she had been sentenced to a \
                 lengthy prison sentence, according to Abduweli Ayup, a Norway-based activist \
                 and linguist who documents missing and imprisoned Uyghurs in Xinjiang.";
        assert!(not_held(t, &spans(t, "Abduweli Ayup"), true));
        // his own appositive still counts, and a current prisoner is never taken out
        let t = "She was sentenced, according to Abduweli Ayup, who was jailed in 2014.";
        assert!(!not_held(t, &spans(t, "Abduweli Ayup"), true));
        let t = "She was sentenced, according to Ilham Tohti.";
        assert!(!not_held(t, &spans(t, "Ilham Tohti"), false));
    }

    #[test]
    fn a_suspended_sentence_only_is_not_held() {
        // Hong Kong Free Press, 16 April 2021 (blind set names3, tuning half, r023; abridged)
        let t = "Ex-lawmaker and barrister Margaret Ng was sentenced to 12 months in prison, \
                 suspended for 24 months whilst ex-lawmaker Leung Yiu-chung received eight months \
                 imprisonment, suspended for 12 months. Lee Cheuk-yan was jailed for 12 months.";
        assert!(not_held(t, &spans(t, "Margaret Ng"), true));
        assert!(not_held(t, &spans(t, "Leung Yiu-chung"), true));
        assert!(!not_held(t, &spans(t, "Lee Cheuk-yan"), true));
        let t = "Martin Lee handed 2-year suspended jail sentence over peaceful 2019 demo";
        assert!(not_held(t, &spans(t, "Martin Lee"), true));
    }

    #[test]
    fn detention_or_a_suspended_death_sentence_keeps_them() {
        // a suspended death sentence is a prison term (names2 tuning half, q021)
        let t = "Yang Hengjun, an Australian writer, has been handed a suspended death sentence.";
        assert!(!not_held(t, &spans(t, "Yang Hengjun"), false));
        let t = "Pu Zhiqiang, detained since May 2014, was given a three-year suspended sentence.";
        assert!(!not_held(t, &spans(t, "Pu Zhiqiang"), true));
        // the suspended sentence is someone else's: Lai's clause follows it
        let t = "Lee and Ng received suspended sentences, and Jimmy Lai was jailed for a year.";
        assert!(!not_held(t, &spans(t, "Jimmy Lai"), false));
        let t = "Margaret Ng was jailed in 2021; her appeal failed. Ng's sentence was suspended.";
        assert!(!not_held(t, &spans(t, "Margaret Ng"), true));
        let t = "黎智英被判监禁12个月。李柱铭被判监禁11个月，缓刑24个月。";
        assert!(not_held(t, &spans(t, "李柱铭"), true));
        assert!(!not_held(t, &spans(t, "黎智英"), false));
    }
}
