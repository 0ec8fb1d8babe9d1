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
    let lower = sentence.to_lowercase();
    words.iter().any(|w| {
        lower.match_indices(w).any(|(i, _)| {
            if !w.is_ascii() {
                return true;
            }
            let before = lower[..i].chars().next_back();
            let after = lower[i + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// Whether `sentence` holds a custody word, `arrest warrant` aside.
fn custody(sentence: &str) -> bool {
    holds(sentence, CUSTODY)
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
    let sentences: Vec<&str> = valid
        .iter()
        .map(|m| &text[sentence_around(text, (*m).clone())])
        .collect();
    if sentences.iter().any(|s| custody(s)) {
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
}
