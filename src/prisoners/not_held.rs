//! Listed people whom a document names but does not present as held.
//!
//! A registry holds people who were once in custody or are targeted by the authorities; a
//! document may name one of them for another reason. Two readings are taken out of the
//! prisoner list (the codebook counts people detained, imprisoned, disappeared or under house
//! arrest):
//!
//! * **Wanted only**: every sentence that names the person lacks a custody word, and one of
//!   them says the person is wanted (`are wanted for alleged offences`, `a HK$1 million
//!   bounty`, `通缉`). People with bounties on them live abroad.
//! * **Commentator only**: a former detainee (registry status `released` or `exiled`) whose
//!   sentences lack a custody word and who is quoted as a source
//!   (`Peter Dahlin, director of Safeguard Defenders, told The Telegraph`).
//!
//! A single custody word in any sentence naming the person keeps them: `Joshua Wong, who was
//! jailed in 2020, said` is a prisoner still.

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

/// Whether the person named at `mentions` (byte spans of `text`) is, in this text, not held:
/// wanted only, or (for a `former` detainee) a quoted commentator only. See the module docs.
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
}
