//! English custody constructions around runs of capitalised name words.

use super::en_held::{among_held, held_state};
use super::en_words::{
    is_count, ADVERBS, APPOSITIVE_CUSTODY, AUX, FILLERS, HONORIFICS, KIN, NOUNS, PARTICIPLES,
    ROLES, VERBS,
};
use super::{en_lists, Candidate, Reason};
use crate::normalize::is_cjk;
use crate::prisoners::names;

/// A word or punctuation mark of a sentence, with its byte span.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'a> {
    pub(super) s: &'a str,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// A run of 2-4 name-shaped words: token indices `[first, last]` and its shape score.
#[derive(Debug, Clone, Copy)]
pub(super) struct Run {
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) shape: f64,
}

/// Splits a sentence into words (letters and digits, with inner hyphens and apostrophes),
/// runs of CJK characters, and single punctuation marks.
pub(super) fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = i + c.len_utf8();
        if is_cjk(c) {
            while let Some(&(j, d)) = it.peek().filter(|(_, d)| is_cjk(*d)) {
                end = j + d.len_utf8();
                it.next();
            }
        } else if c.is_alphanumeric() {
            while let Some(&(j, d)) = it.peek() {
                let joiner = matches!(d, '-' | '\'' | '’')
                    && s[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if (d.is_alphanumeric() && !is_cjk(d)) || joiner {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
        }
        out.push(Tok {
            s: &s[i..end],
            start: i,
            end,
        });
    }
    out
}

pub(super) fn is(t: Option<&Tok<'_>>, words: &[&str]) -> bool {
    t.is_some_and(|t| words.iter().any(|w| w.eq_ignore_ascii_case(t.s)))
}

/// How much a run of words looks like a person's name (0 when it cannot be one).
pub(super) fn shape(words: &[&str]) -> f64 {
    if words.iter().any(|w| names::is_not_name_word(w)) {
        return 0.0;
    }
    let pinyin_or_short = |w: &&str| {
        w.contains('-') || names::pinyin_syllables(w).is_some_and(|n| n <= 2) || w.len() <= 5
    };
    let han_at =
        |k: usize| names::is_han_surname(words[k]) && words[k + 1..].iter().all(pinyin_or_short);
    let tib = words
        .iter()
        .filter(|w| names::is_tibetan_name_word(w))
        .count();
    let uy = words
        .iter()
        .filter(|w| names::is_uyghur_name_word(w))
        .count();
    let n = words.len();
    let english_han = n == 3 && han_at(1) && words[2].contains('-'); // Andrew Chiu Ka-yin
    if n <= 3 && han_at(0) {
        0.95
    } else if english_han || tib == n || uy == n {
        0.9
    } else if 2 * (tib + uy) >= n {
        0.75
    } else if n == 2 && names::is_han_surname(words[1]) && !names::is_han_surname(words[0]) {
        0.7 // Jimmy Lai, Joshua Wong
    } else {
        0.4
    }
}

/// The runs of 2-4 name-shaped words; a possessive (`Chen's`) ends a run and spoils it.
pub(super) fn runs(toks: &[Tok<'_>]) -> Vec<Run> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let name_like = |t: &Tok<'_>| names::is_name_token(t.s) && !names::is_not_name_word(t.s);
        if !name_like(&toks[i]) {
            i += 1;
            continue;
        }
        // a capitalised title or role opening a sentence is no part of the name (`Monk
        // Lobsang Samten has remained incommunicado`)
        let title = |t: &Tok<'_>| is(Some(t), HONORIFICS) || is(Some(t), ROLES);
        if title(&toks[i]) && toks.get(i + 2).is_some_and(name_like) && name_like(&toks[i + 1]) {
            i += 1;
        }
        let mut j = i;
        let mut nickname = None;
        loop {
            if j + 1 < toks.len() && name_like(&toks[j + 1]) {
                j += 1;
            } else if let Some(q) = quoted_nickname(toks, j + 1).filter(|_| nickname.is_none()) {
                nickname = Some(j + 2);
                j = q;
            } else {
                break;
            }
        }
        let words: Vec<&str> = (i..=j)
            .filter(|&k| Some(k) != nickname && !matches!(toks[k].s, "“" | "”" | "\""))
            .map(|k| toks[k].s)
            .collect();
        let possessive = words
            .last()
            .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"));
        if (2..=4).contains(&words.len()) && !possessive {
            let sh = shape(&words);
            if sh > 0.0 {
                out.push(Run {
                    first: i,
                    last: j,
                    shape: sh,
                });
            }
        }
        i = j + 1;
    }
    out
}

/// The shape of a run, at least that of a known Western-order name when a word of kinship
/// stands right before it and every word of the name is pinyin (`brother Aniwaier
/// Tuersun`: Uyghur names written through Chinese): the word says a person follows. Other
/// role words keep the plain shape (`entrepreneur Michael Spavor` stays out), and so do
/// names of other spellings (`his wife Zahra Rahnavard`, held in Iran, in a report that
/// names China once).
pub(super) fn role_shape(toks: &[Tok<'_>], r: &Run) -> f64 {
    let before = r.first.checked_sub(1).and_then(|k| toks.get(k));
    let pinyin = toks[r.first..=r.last]
        .iter()
        .all(|t| names::pinyin_syllables(t.s).is_some());
    if is(before, KIN) && pinyin {
        r.shape.max(0.7)
    } else {
        r.shape
    }
}

/// A nickname in quotes inside a name, starting at token `i` (`Jin “Ezra” Mingri`): the
/// index of the name word after the closing quote.
fn quoted_nickname(toks: &[Tok<'_>], i: usize) -> Option<usize> {
    let open = toks.get(i)?;
    let word = toks.get(i + 1)?;
    let close = toks.get(i + 2)?;
    let after = toks.get(i + 3)?;
    let quotes = matches!((open.s, close.s), ("“", "”") | ("\"", "\""));
    let name = |w: &str| names::is_name_token(w) && !names::is_not_name_word(w);
    (quotes && name(word.s) && name(after.s)).then_some(i + 3)
}

/// Finds candidates in one sentence (spans relative to it).
pub(super) fn find(s: &str) -> Vec<Candidate> {
    let toks = tokens(s);
    let words = toks
        .iter()
        .filter(|t| t.s.chars().any(char::is_alphabetic))
        .count();
    // a headline in title case, where every word looks like a name, has almost no word in
    // lower case; a sentence that lists people has its verbs and `and` in lower case
    // (`Wang Zhong, Zhang Guilin and Li Ming were arrested in China`)
    let lower = toks
        .iter()
        .filter(|t| t.s.chars().next().is_some_and(char::is_lowercase))
        .count();
    if words > 5 && lower * 5 < words {
        return Vec::new();
    }
    let runs = runs(&toks);
    let mut out = Vec::new();
    for (k, r) in runs.iter().enumerate() {
        let found = after(&toks, r.last + 1).or_else(|| before(&toks, r.first));
        let Some((reason, strength, ev)) = found else {
            continue;
        };
        let mut push = |r: &Run| {
            out.push(Candidate {
                name: toks[r.first].start..toks[r.last].end,
                evidence: ev.clone(),
                reason,
                confidence: strength * role_shape(&toks, r),
            })
        };
        push(r);
        // a list shares the phrase: `lawyers A, B and C were held`, `detained A and B`
        let members: Box<dyn Iterator<Item = (&Run, &Run)>> =
            if reason == Reason::Object || reason == Reason::NounOf {
                Box::new(runs[k..].iter().zip(&runs[k + 1..]))
            } else {
                Box::new(runs[..=k].iter().rev().skip(1).zip(runs[..=k].iter().rev()))
            };
        for (a, b) in members {
            let (left, right) = if a.first < b.first { (a, b) } else { (b, a) };
            let between: Vec<&str> = toks[left.last + 1..right.first]
                .iter()
                .map(|t| t.s)
                .collect();
            // a role may stand before the next name: `lawyer Wang Yu, her husband Bao Longjun`
            let lead = between
                .iter()
                .take_while(|w| matches!(**w, "," | "and"))
                .count();
            let (joins, roles) = between.split_at(lead);
            let described = !roles.is_empty()
                && (reason == Reason::Object || reason == Reason::NounOf)
                && roles.len() <= 4
                && is(toks.get(right.first - 1), ROLES)
                && roles.iter().all(|w| {
                    let t = Some(&Tok {
                        s: w,
                        start: 0,
                        end: 0,
                    });
                    is(t, ROLES) || is(t, FILLERS)
                });
            // a title before each name: `Fr. Zhang Guilin, Fr. Su Guipeng and Fr. Zhao He`
            let titled = roles.len() <= 4
                && roles
                    .iter()
                    .all(|w| *w == "." || HONORIFICS.iter().any(|h| w.eq_ignore_ascii_case(h)));
            if !matches!(joins, [","] | ["and"] | [",", "and"])
                || !(roles.is_empty() || described || titled)
            {
                break;
            }
            push(if reason == Reason::Object || reason == Reason::NounOf {
                b
            } else {
                a
            });
        }
    }
    out.extend(en_lists::ages(&toks, &runs));
    out.extend(en_lists::fronted(&toks, &runs));
    out.extend(super::en_possessive::find(&toks));
    out.extend(super::en_single::find(&toks));
    out.extend(super::en_chain::find(&toks, &runs));
    out
}

/// A construction after the name, starting at token `i`: `was detained`, `, who was held`,
/// `, a scholar held since`, `, detained in May`.
fn after(toks: &[Tok<'_>], mut i: usize) -> Option<(Reason, f64, std::ops::Range<usize>)> {
    // a name in another script in brackets: `Ai Weiwei (艾未未) was ...`
    if is(toks.get(i), &["("]) {
        // `(also known as Li Mingyi)`: up to eight tokens to the closing bracket
        let close = (i + 1..toks.len().min(i + 10)).find(|&k| toks[k].s == ")");
        if let Some(k) = close {
            i = k + 1;
        }
    }
    if let Some(found) = passive(toks, i, 1.0) {
        return Some((Reason::Subject, found.0, found.1));
    }
    if !is(toks.get(i), &[","]) {
        return None;
    }
    let first = toks.get(i + 1)?;
    if is(Some(first), &["who"]) {
        if let Some((w, ev)) = passive(toks, i + 2, 1.0) {
            return Some((Reason::Subject, w, ev));
        }
    }
    // `X, sentenced in May`, but not `X, sentenced the activists` (X passed the sentence)
    let object = [
        "the", "a", "an", "his", "her", "their", "them", "him", "several", "many", "dozens", "two",
        "three", "four", "five",
    ];
    if let Some(&(_, w)) = PARTICIPLES
        .iter()
        .find(|(p, _)| first.s.eq_ignore_ascii_case(p))
        .filter(|_| !is(toks.get(i + 2), &object))
    {
        return Some((Reason::Appositive, w * 0.95, first.start..first.end));
    }
    if passive(toks, i + 1, 0.85).is_some() {
        // `A, B and C, were held` after a list
        return passive(toks, i + 1, 0.85).map(|(w, ev)| (Reason::Subject, w, ev));
    }
    // up to two appositive clauses (`, 36, a monk from Kirti Monastery,`), then perhaps the
    // verb of the subject
    let mut at = i;
    for _ in 0..2 {
        let start = at + 1;
        let first = toks.get(start)?;
        let limit = toks.len().min(start + 24);
        let close = (start..limit).find(|&j| matches!(toks[j].s, "," | ";" | "." | ")"));
        // `X, one of the most prominent lawyers arrested in the 709 crackdown`
        let determiner = [
            "a", "an", "the", "another", "his", "her", "their", "also", "one",
        ];
        if is(Some(first), &determiner) {
            let clause = &toks[start..close.unwrap_or(limit)];
            if let Some(t) = clause.iter().find(|t| is(Some(t), APPOSITIVE_CUSTODY)) {
                return Some((Reason::Appositive, 0.8, t.start..t.end));
            }
        }
        at = close.filter(|&j| toks[j].s == ",")?;
        // a comma inside quotes: `, “China’s conscience,” was`
        let verb = at + 1 + usize::from(is(toks.get(at + 1), &["”", "\""]));
        if let Some((w, ev)) = passive(toks, verb, 0.85) {
            return Some((Reason::Subject, w, ev));
        }
    }
    None
}

/// `[has|had|have] [been] [adverbs] PARTICIPLE`, or `disappeared` / `died in custody` with no
/// auxiliary, from token `i`; the strength and span of the phrase.
pub(super) fn passive(
    toks: &[Tok<'_>],
    i: usize,
    scale: f64,
) -> Option<(f64, std::ops::Range<usize>)> {
    let start = toks.get(i)?.start;
    let mut j = i;
    if is(toks.get(j), &["has", "had", "have"]) {
        j += 1;
        // `has also been charged`
        while is(toks.get(j), ADVERBS) && !is(toks.get(j), AUX) {
            j += 1;
        }
    }
    let aux = is(toks.get(j), AUX);
    if aux {
        j += 1;
    }
    while is(toks.get(j), ADVERBS) {
        j += 1;
    }
    if is(toks.get(j), &["not", "never"]) {
        return None;
    }
    let t = toks.get(j)?;
    let lower = t.s.to_lowercase();
    if let Some(end) = held_state(toks, j).filter(|_| aux) {
        return Some((0.85 * scale, start..end));
    }
    if let Some(end) = among_held(toks, j).filter(|_| aux) {
        return Some((0.85 * scale, start..end));
    }
    // `received a sentence of 18 years`, `was given a ten-year prison term`
    let given = lower == "received" || (aux && matches!(lower.as_str(), "given" | "handed"));
    if given {
        let tail = &toks[j + 1..toks.len().min(j + 5)];
        if let Some(n) = tail
            .iter()
            .find(|t| is(Some(t), &["sentence", "term", "jail", "prison"]))
        {
            return Some((0.85 * scale, start..n.end));
        }
        // `were given four years`: a number of years or months right after the verb
        let years = is(toks.get(j + 2), &["years", "months"])
            && toks.get(j + 1).is_some_and(|t| is_count(t.s));
        if years {
            return Some((0.85 * scale, start..toks[j + 2].end));
        }
    }
    if !aux {
        let died = lower == "died"
            && is(toks.get(j + 1), &["in"])
            && is(toks.get(j + 2), &["custody", "prison", "detention", "jail"]);
        let gone = matches!(lower.as_str(), "disappeared" | "vanished")
            || (lower == "went" && is(toks.get(j + 1), &["missing"]));
        let last = j + if died {
            2
        } else {
            usize::from(lower == "went")
        };
        return (died || gone).then(|| (0.85 * scale, start..toks[last].end));
    }
    let &(_, w) = PARTICIPLES.iter().find(|(p, _)| *p == lower)?;
    // `held` and `serving` need what they hold: `held in`, `serving a ten-year sentence`
    // `taken` reaches further: `taken from their churches to a nearby hotel for interrogation`
    let reach = if lower == "taken" { 13 } else { 7 };
    let tail = &toks[j + 1..toks.len().min(j + reach)];
    let needs = match lower.as_str() {
        "serving" => Some(&["sentence", "prison", "term", "years", "life"][..]),
        "taken" => Some(&["away", "custody", "interrogation", "questioning"][..]),
        "placed" => Some(&["surveillance", "arrest", "custody", "detention"][..]),
        "released" => Some(&["prison", "jail", "detention", "custody", "bail"][..]),
        "remanded" => Some(&["custody", "prison", "jail", "detention"][..]),
        _ => None,
    };
    if let Some(words) = needs {
        tail.iter().find(|t| is(Some(t), words))?;
    }
    Some((w * scale, start..t.end))
}

/// A construction before the name at token `first`: a custody verb or `noun of`, with role
/// words and fillers between (`police detained her lawyer X`, `the release of activist X`).
pub(super) fn before(
    toks: &[Tok<'_>],
    first: usize,
) -> Option<(Reason, f64, std::ops::Range<usize>)> {
    let mut j = first;
    let mut role_seen = false;
    while j > 0 && first - j < 7 {
        let t = &toks[j - 1];
        if construction(toks, j).is_some() {
            break;
        }
        let role = is(Some(t), ROLES);
        let filler = is(Some(t), FILLERS) || (names::is_name_token(t.s) && role_seen);
        if !(role || filler) {
            return None;
        }
        role_seen |= role;
        j -= 1;
    }
    // the word right before the name must be a role or the construction itself
    if j < first && !is(toks.get(first - 1), ROLES) {
        return None;
    }
    construction(toks, j)
}

/// The custody verb or `noun of` that ends right before token `j`.
fn construction(toks: &[Tok<'_>], j: usize) -> Option<(Reason, f64, std::ops::Range<usize>)> {
    let prev = toks.get(j.checked_sub(1)?)?;
    if prev.s == ":" {
        // `remain in detention: X, a senior administrator...`
        let before = &toks[j.saturating_sub(4)..j - 1];
        let held = [
            "detention",
            "custody",
            "detained",
            "arrested",
            "jailed",
            "imprisoned",
            "sentenced",
            "prison",
            "detainees",
            "prisoners",
        ];
        return before
            .iter()
            .rev()
            .find(|t| is(Some(t), &held))
            .map(|t| (Reason::Object, 0.8, t.start..prev.end));
    }
    if is(Some(prev), &["were", "was"]) {
        // inverted: `Also arrested were preacher X`, `among those arrested on August 17
        // were Pastor X`; a date may stand between the participle and the verb
        let mut k = j.checked_sub(2)?;
        while k > 0 && j - k < 6 {
            let t = toks[k].s;
            let date = t.bytes().all(|b| b.is_ascii_digit())
                || crate::words::is_month(t)
                || is(Some(&toks[k]), &["on", "in"]);
            if !date {
                break;
            }
            k -= 1;
        }
        let held = [
            "arrested",
            "detained",
            "jailed",
            "sentenced",
            "imprisoned",
            "convicted",
        ];
        return is(toks.get(k), &held).then(|| (Reason::Object, 0.85, toks[k].start..prev.end));
    }
    if is(Some(prev), &["for"]) {
        // `reduced the sentence for journalist X`
        let noun = toks.get(j.checked_sub(2)?)?;
        return is(Some(noun), &["sentence", "sentences"]).then_some((
            Reason::NounOf,
            0.85,
            noun.start..prev.end,
        ));
    }
    if is(Some(prev), &["of"]) {
        let noun = toks.get(j.checked_sub(2)?)?;
        let arrest = is(Some(noun), &["arrest"]) && is(toks.get(j.wrapping_sub(3)), &["house"]);
        if is(Some(noun), NOUNS) || arrest {
            return Some((Reason::NounOf, 0.85, noun.start..prev.end));
        }
        return None;
    }
    if is(Some(prev), VERBS) {
        let lower = prev.s.to_lowercase();
        let include = lower.starts_with("includ");
        // `those detained include X`, `jailed activists including X`
        if include {
            let p2 = toks.get(j.checked_sub(2)?)?;
            let held_words = &[
                "detained",
                "jailed",
                "imprisoned",
                "arrested",
                "detainees",
                "prisoners",
                "sentenced",
                "convicted",
                "disappeared",
                "disappearances",
                "detentions",
                "arrests",
            ];
            if is(Some(p2), held_words) {
                return Some((Reason::Object, 0.8, p2.start..prev.end));
            }
            // `twelve activists were detained on Sunday, including X`: a comma, and the clause
            // before it (up to thirty words, no other comma) holds a custody word
            if p2.s != "," {
                return None;
            }
            let from = j.saturating_sub(32);
            let clause = &toks[from..j - 2];
            let last_comma = clause.iter().rposition(|t| matches!(t.s, "," | ";"));
            let clause = &clause[last_comma.map_or(0, |k| k + 1)..];
            let held = clause.iter().rev().find(|t| is(Some(t), held_words));
            return held.map(|t| (Reason::Object, 0.75, t.start..prev.end));
        }
        let w = if matches!(lower.as_str(), "release" | "releasing" | "free" | "freeing") {
            0.8
        } else {
            0.9
        };
        return Some((Reason::Object, w, prev.start..prev.end));
    }
    None
}
