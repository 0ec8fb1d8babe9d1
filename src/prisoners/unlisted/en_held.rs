//! States of custody after an auxiliary (`is in prison`, `remains under house arrest`,
//! `have remained incommunicado`) and `was among N people arrested`: the phrases
//! [`passive`](super::en::passive) takes where no custody participle stands.

use super::en::{is, Tok};

/// A state of custody after an auxiliary, from token `j`: `in prison`, `in custody`,
/// `in detention`, `in jail`, `under house arrest`, `behind bars`; the end of the phrase.
pub(super) fn held_state(toks: &[Tok<'_>], j: usize) -> Option<usize> {
    // one adjective may stand inside: `under illegal house arrest`, `in secret detention`
    let adjectives = [
        "illegal",
        "strict",
        "secret",
        "extralegal",
        "pretrial",
        "pre-trial",
    ];
    if is(toks.get(j + 1), &adjectives) && is(toks.get(j), &["in", "under"]) {
        let mut shifted: Vec<Tok<'_>> = vec![toks[j]];
        shifted.extend_from_slice(&toks[j + 2..toks.len().min(j + 4)]);
        return held_state(&shifted, 0);
    }
    // `have remained incommunicado`, `is held incommunicado`
    if is(toks.get(j), &["incommunicado"]) {
        return Some(toks[j].end);
    }
    let t = toks.get(j + 1)?;
    let place =
        is(toks.get(j), &["in"]) && is(Some(t), &["prison", "custody", "detention", "jail"]);
    let bars = is(toks.get(j), &["behind"]) && is(Some(t), &["bars"]);
    if place || bars {
        return Some(t.end);
    }
    let arrest =
        is(toks.get(j), &["under"]) && is(Some(t), &["house"]) && is(toks.get(j + 2), &["arrest"]);
    arrest.then(|| toks[j + 2].end)
}

/// `among (the) (N) (people|activists...) arrested|detained...` from token `j`, after an
/// auxiliary (`X was among 10 people police arrested`); the end of the phrase.
pub(super) fn among_held(toks: &[Tok<'_>], j: usize) -> Option<usize> {
    if !is(toks.get(j), &["among"]) {
        return None;
    }
    let held = [
        "arrested",
        "detained",
        "jailed",
        "imprisoned",
        "sentenced",
        "convicted",
        "held",
        "detainees",
        "prisoners",
    ];
    (j + 1..toks.len().min(j + 8))
        .take_while(|&k| !matches!(toks[k].s, "," | ";" | "."))
        .find(|&k| is(toks.get(k), &held))
        .map(|k| toks[k].end)
}
