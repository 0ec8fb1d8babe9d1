//! English shapes that tie people to custody without a verb right beside the name: lists of
//! names with ages (`All three—A, 31, B, 52—pleaded guilty`), a sentence opened by a custody
//! participle (`Detained in Malaysia in 2020, X was repatriated`), and a testimony paragraph
//! that opens with a name and says in a later sentence `He was detained`.

use super::en::{is, passive, runs, tokens, Run, Tok};
use super::en_words::ROLES;
use super::{Candidate, Reason};
use std::ops::Range;

/// Words anywhere in a sentence that put a list of people with ages in custody.
const CUSTODY_WORDS: &[&str] = &[
    "detained",
    "arrested",
    "sentenced",
    "sentences",
    "jailed",
    "imprisoned",
    "convicted",
    "custody",
    "detention",
    "prison",
    "remanded",
    "guilty",
];

/// Participles that may open a sentence whose subject is then held (`Detained by police...`).
const FRONTED: &[&str] = &[
    "detained",
    "arrested",
    "sentenced",
    "jailed",
    "imprisoned",
    "abducted",
    "convicted",
    "kidnapped",
];

/// Pronouns that may open the custody sentence of a testimony paragraph.
const PRONOUNS: &[&str] = &["he", "she"];

/// Tokens that may stand before a name of a list with ages.
const LIST_LEFT: &[&str] = &[",", "—", "–", "-", "(", ":", ";", "and"];

/// Tokens that may follow the age (`X, 31,`, `X, 48—`, `X, 52 and`).
const AGE_RIGHT: &[&str] = &[",", "—", "–", "-", ")", ";", ".", "and"];

/// The confidence of a name in one of these shapes: the shape says it is a person, so a name
/// of unknown origin (`Jumehun Izaq`) scores as a known Western-order name would.
fn confidence(strength: f64, r: &Run) -> f64 {
    strength * r.shape.max(0.7)
}

fn candidate(
    toks: &[Tok<'_>],
    r: &Run,
    evidence: Range<usize>,
    reason: Reason,
    w: f64,
) -> Candidate {
    Candidate {
        name: toks[r.first].start..toks[r.last].end,
        evidence,
        reason,
        confidence: confidence(w, r),
    }
}

/// The start of the line holding byte `at` of `text`, if it is at most `max` bytes back (the
/// search is bounded so that a long text without line breaks costs nothing per sentence).
fn line_start(text: &str, at: usize, max: usize) -> Option<usize> {
    let from = floor_boundary(text, at.saturating_sub(max));
    match text[from..at].rfind('\n') {
        Some(i) => Some(from + i + 1),
        None => (from == 0).then_some(0),
    }
}

/// A run followed by `, AGE` and a list mark: `Alan Keung Ka-wai, 31,`.
fn has_age(toks: &[Tok<'_>], r: &Run) -> bool {
    let left =
        r.first == 0 || is(toks.get(r.first - 1), LIST_LEFT) || is(toks.get(r.first - 1), ROLES);
    let age = toks
        .get(r.last + 2)
        .and_then(|t| t.s.parse::<u32>().ok())
        .is_some_and(|n| (1..=110).contains(&n));
    let right = toks.get(r.last + 3).is_none_or(|t| is(Some(t), AGE_RIGHT));
    left && is(toks.get(r.last + 1), &[","]) && age && right
}

/// Two or more names with ages in a sentence that holds a custody word:
/// `All three—Alan Keung Ka-wai, 31, Alex Lee Lung-yin, 52, and his wife, Cannis Chan
/// Sheung-yan, 48—pleaded guilty`. A list of ages with no custody word (a team, the victims
/// of a crash) gives nothing.
pub(super) fn ages(toks: &[Tok<'_>], runs: &[Run]) -> Vec<Candidate> {
    let listed: Vec<&Run> = runs.iter().filter(|r| has_age(toks, r)).collect();
    if listed.len() < 2 {
        return Vec::new();
    }
    let Some(ev) = toks.iter().find(|t| is(Some(t), CUSTODY_WORDS)) else {
        return Vec::new();
    };
    let reason = if ev.start > toks[listed[0].first].start {
        Reason::Subject
    } else {
        Reason::Object
    };
    listed
        .into_iter()
        .map(|r| candidate(toks, r, ev.start..ev.end, reason, 0.85))
        .collect()
}

/// A sentence opened by a custody participle, whose subject is the first name after a comma
/// followed by its verb: `Detained by Interpol in Malaysia ... on June 17, 2020, Shi Junwei
/// (石俊伟) was repatriated to China`.
pub(super) fn fronted(toks: &[Tok<'_>], runs: &[Run]) -> Option<Candidate> {
    let first = toks.first().filter(|t| is(Some(t), FRONTED))?;
    let r = runs
        .iter()
        .find(|r| r.first > 1 && toks[r.first - 1].s == ",")?;
    let mut i = r.last + 1;
    if is(toks.get(i), &["("]) && toks.get(i + 2).is_some_and(|t| t.s == ")") {
        i += 3;
    }
    let verb = toks
        .get(i)
        .is_some_and(|t| t.s.chars().all(|c| c.is_ascii_lowercase()) && t.s != "and");
    verb.then(|| candidate(toks, r, first.start..first.end, Reason::Subject, 0.8))
}

/// The largest character boundary of `text` at or before byte `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A custody sentence opened by a pronoun (`He was detained...`, `She had been remanded in
/// custody`): the strength of its custody phrase and the phrase's span in `text`.
fn pronoun_custody(text: &str, sentence: &Range<usize>) -> Option<(f64, Range<usize>)> {
    let s = text.get(sentence.clone())?;
    // the first word, read before the whole sentence is split into tokens: most sentences
    // open with no pronoun, and this runs for every sentence the finder reads
    let first = s
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if !PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(first)) {
        return None;
    }
    let toks = tokens(s);
    if !is(toks.first(), PRONOUNS) {
        return None;
    }
    let (w, ev) = passive(&toks, 1, 1.0)?;
    Some((w, sentence.start + ev.start..sentence.start + ev.end))
}

/// A testimony paragraph: a line that opens with a name (then a bracket such as `(uncle)`, a
/// comma or `was` / `is`), and whose first sentences go on `He was detained...`. `sentence`
/// is the custody sentence (a byte range of `text`); the name is found at the start of its
/// line, at most two sentences before it.
pub(super) fn testimony(text: &str, sentence: Range<usize>) -> Option<Candidate> {
    let (w, evidence) = pronoun_custody(text, &sentence)?;
    let line = line_start(text, sentence.start, 600)?;
    let prefix = &text[line..sentence.start];
    if prefix.trim().is_empty() || crate::segment::sentences(prefix).count() > 2 {
        return None;
    }
    let head = tokens(prefix);
    let runs = runs(&head);
    let r = runs.first().filter(|r| r.first == 0)?;
    let next = head.get(r.last + 1);
    let bracket =
        is(next, &["("]) && (r.last + 2..head.len().min(r.last + 7)).any(|j| head[j].s == ")");
    let verb = is(next, &[",", "was", "is", "has", "had"]);
    if !(bracket || verb) {
        return None;
    }
    let name = line + head[r.first].start..line + head[r.last].end;
    Some(Candidate {
        name,
        evidence,
        reason: Reason::Subject,
        confidence: confidence(0.85 * w, r),
    })
}

/// A sentence `He had been remanded in custody...` right after one that opens with a name of
/// a known shape as its subject, possessive or not (`Wong Chun-kit had praised...`, `Wong
/// Chun-kit's crimes also included...`): the pronoun is that person. `sentence` is the
/// custody sentence (a byte range of `text`); the sentence before it is read in the 600
/// bytes before it.
pub(super) fn pronoun_after_subject(text: &str, sentence: Range<usize>) -> Option<Candidate> {
    let (w, evidence) = pronoun_custody(text, &sentence)?;
    let from = floor_boundary(text, sentence.start.saturating_sub(600));
    let window = &text[from..sentence.start];
    let spans: Vec<Range<usize>> = crate::segment::sentences(window).collect();
    // the sentence before must be whole: not the first of a window cut inside the text
    let prev = spans.last().filter(|_| spans.len() >= 2 || from == 0)?;
    let p = &window[prev.clone()];
    let head = tokens(p);
    let possessive = head.iter().take(5).find_map(|t| {
        ["'s", "’s"]
            .iter()
            .find_map(|m| t.s.strip_suffix(m))
            .map(|stem| t.start + stem.len())
    });
    let named = &p[..possessive.unwrap_or(p.len())];
    let nt = tokens(named);
    let r = runs(&nt).into_iter().next().filter(|r| r.first == 0)?;
    let subject = match possessive {
        Some(_) => r.last + 1 == nt.len(),
        // then a verb or an adverb: a lower-case word
        None => nt.get(r.last + 1).is_some_and(|t| {
            t.s.chars().all(|c| c.is_ascii_lowercase()) && !matches!(t.s, "and" | "or")
        }),
    };
    if !subject || r.shape < 0.7 {
        return None;
    }
    let at = from + prev.start;
    Some(Candidate {
        name: at + nt[r.first].start..at + nt[r.last].end,
        evidence,
        reason: Reason::Subject,
        confidence: 0.85 * w * r.shape,
    })
}

/// Custody words of a heading over a list of people (`Detained family members`).
const HEADING_CUSTODY: &[&str] = &[
    "detained",
    "imprisoned",
    "arrested",
    "jailed",
    "sentenced",
    "disappeared",
    "interned",
    "incarcerated",
];

/// Nouns of a heading over a list of people.
const HEADING_PEOPLE: &[&str] = &[
    "relatives",
    "family",
    "members",
    "people",
    "detainees",
    "prisoners",
    "persons",
    "individuals",
    "brothers",
    "sisters",
    "siblings",
    "children",
];

/// Marks that may open a list item: bullets and numbers.
const BULLETS: &[char] = &['-', '*', '•', '–', '—', '·'];

/// Names listed under a heading that says they are held (`My detained relatives:`, `Detained
/// family members`): the heading is a short line holding a custody word and a word for
/// people, and each following line up to a blank one that opens with a name (after a bullet
/// or a number) followed by the end of the line, a bracket, a comma, a dash or a colon gives
/// that name. `sentence` is a byte range of `text` in the heading line.
pub(super) fn under_heading(text: &str, sentence: Range<usize>) -> Vec<Candidate> {
    let mut out = Vec::new();
    let Some(start) = line_start(text, sentence.start, 100) else {
        return out;
    };
    let mut limit = text.len().min(start + 101).max(sentence.start);
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let Some(end) = text[sentence.start..limit]
        .find('\n')
        .map(|i| sentence.start + i)
    else {
        return out;
    };
    let heading = &text[start..end];
    let htoks = tokens(heading);
    if !htoks.iter().any(|t| is(Some(t), HEADING_PEOPLE)) {
        return out;
    }
    let Some(ev) = htoks.iter().find(|t| is(Some(t), HEADING_CUSTODY)) else {
        return out;
    };
    let mut at = end + 1;
    while at < text.len() {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let line = &text[at..line_end];
        if line.trim().is_empty() {
            break;
        }
        let lead = line.len()
            - line
                .trim_start_matches(|c: char| {
                    c.is_whitespace() || BULLETS.contains(&c) || c.is_ascii_digit() || c == '.'
                })
                .len();
        let toks = tokens(&line[lead..]);
        let runs = runs(&toks);
        let item = runs.first().filter(|r| r.first == 0).filter(|r| {
            toks.get(r.last + 1)
                .is_none_or(|t| matches!(t.s, "(" | "," | "—" | "–" | "-" | ":"))
        });
        if let Some(r) = item {
            let base = at + lead;
            out.push(Candidate {
                name: base + toks[r.first].start..base + toks[r.last].end,
                evidence: start + ev.start..start + ev.end,
                reason: Reason::Subject,
                confidence: confidence(0.8, r),
            });
        }
        at = line_end + 1;
    }
    out
}
