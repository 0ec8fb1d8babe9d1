//! What every match of a regex contains, read from its syntax tree: sets of required
//! literals, how far before each a match can start, the bytes a match can start with, and
//! which literals always start a word (triggers, noted by the word scanner).

use regex_syntax::hir::{Class, Hir, HirKind};

/// Shortest literal worth searching for (bytes).
pub(crate) const MIN_LITERAL: usize = 3;

/// Bytes of each literal the searcher looks for (in all ASCII cases).
pub(crate) const LITERAL_WINDOW: usize = 3;

/// Where in `lit` the searcher should look: the window of [`LITERAL_WINDOW`] bytes made of
/// the rarest characters (by English letter frequency; other bytes count as rare), so that
/// it stops at few places that are not the literal (`liz` rather than `ter` in
/// `terilization`).
pub(crate) fn rare_window(lit: &[u8]) -> usize {
    const BY_FREQUENCY: &[u8] = b"etaoinshrdlcumwfgypbvkjxqz";
    let rarity = |b: u8| match BY_FREQUENCY
        .iter()
        .position(|&c| c == b.to_ascii_lowercase())
    {
        Some(r) => r,
        None if b == b' ' => 0,
        None => BY_FREQUENCY.len(),
    };
    let n = lit.len().saturating_sub(LITERAL_WINDOW) + 1;
    (0..n)
        .max_by_key(|&o| {
            let w = &lit[o..(o + LITERAL_WINDOW).min(lit.len())];
            (
                w.iter().map(|&b| rarity(b)).sum::<usize>(),
                std::cmp::Reverse(o),
            )
        })
        .unwrap_or(0)
}

/// Every ASCII upper/lower-case spelling of `head`.
pub(crate) fn case_variants(head: &[u8]) -> Vec<Vec<u8>> {
    let mut out = vec![Vec::with_capacity(head.len())];
    for &b in head {
        let (lo, up) = (b.to_ascii_lowercase(), b.to_ascii_uppercase());
        if lo == up {
            out.iter_mut().for_each(|v| v.push(b));
        } else {
            out = out
                .into_iter()
                .flat_map(|v| {
                    let mut w = v.clone();
                    w.push(up);
                    let mut v = v;
                    v.push(lo);
                    [v, w]
                })
                .collect();
        }
    }
    out
}

/// A literal found through the words that start with its head.
#[derive(Debug)]
pub(crate) struct Trigger {
    /// the literal's first run of ASCII letters and digits, lowercased
    pub(crate) head: Box<[u8]>,
    /// the head's first (up to) eight bytes, little-endian, and the mask of those bytes: a
    /// word whose first bytes differ is passed over with one comparison
    pub(crate) head8: u64,
    pub(crate) mask8: u64,
    /// bytes of the literal before its head
    pub(crate) skip: usize,
    /// index into `lits`
    pub(crate) lit: u32,
}

/// A required literal of a (sub)pattern and how far before it a match can start.
#[derive(Debug, Clone)]
pub(crate) struct Required {
    pub(crate) lit: Vec<u8>,
    pub(crate) before: Option<usize>,
    /// where a match contains the literal as analysed (in the branch it belongs to), the
    /// literal starts the match or follows ASCII other than a letter, digit or apostrophe
    /// (so, in the text, it starts a word when its first byte is one)
    pub(crate) word_start: bool,
}

/// Required literals of a (sub)pattern: every match contains (at least) one of them. Never
/// empty; most often one literal.
pub(crate) type OneOf = Vec<Required>;

/// Higher is a better set: bounded windows first, then one literal rather than several, then
/// rarer (longer) literals, the set being as rare as its most common literal.
///
/// A set serves only where no single literal will do: each of its literals is one more for
/// the searcher (which slows it for all), and a literal of a later alternation, however rare,
/// usually lies farther from the start of the match, so its windows are wider.
///
/// Literals that become triggers cost the searcher nothing, so a set of triggers beats a
/// searched literal (`serfs`, `ſerfs`, ... rather than `erf`, which English words such as
/// `perform` hold).
pub(crate) fn rank(
    set: &OneOf,
) -> (
    bool,
    std::cmp::Reverse<usize>,
    std::cmp::Reverse<usize>,
    usize,
) {
    let letters = |r: &Required| r.lit.iter().filter(|b| !b.is_ascii_whitespace()).count();
    let searched = set.iter().filter(|r| trigger_of(r, 0).is_none()).count();
    (
        set.iter().all(|r| r.before.is_some()),
        std::cmp::Reverse(searched),
        std::cmp::Reverse(set.len()),
        set.iter().map(letters).min().unwrap_or(0),
    )
}

/// Whether every literal of `set` can be searched for, with a bounded window before it.
pub(crate) fn usable(set: &OneOf) -> bool {
    set.iter()
        .all(|r| r.before.is_some() && r.lit.len() >= MIN_LITERAL)
}

/// Bit of three lowercase head bytes in the trigger filter.
#[inline(always)]
pub(crate) fn trigger_bit(b0: u8, b1: u8, b2: u8) -> usize {
    let x = (b0 as u32) | (b1 as u32) << 8 | (b2 as u32) << 16;
    (x.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// The trigger of a literal that always starts a word, if it has a head of two or more ASCII
/// letters or digits.
pub(crate) fn trigger_of(r: &Required, lit: usize) -> Option<Trigger> {
    let skip = r
        .lit
        .iter()
        .take_while(|b| !b.is_ascii_alphanumeric() && b.is_ascii())
        .count();
    let starts_word = if skip == 0 {
        r.word_start
    } else {
        // after a space or other ASCII punctuation of the literal itself
        let b = r.lit[skip - 1];
        b.is_ascii() && b != b'\'' && b != b'`'
    };
    // ASCII letters and digits, and other word characters (`ſerfs`: the scanner notes words
    // with non-ASCII letters too, at their start)
    let rest = &r.lit[skip..];
    let head_len = match std::str::from_utf8(rest) {
        Ok(s) => s
            .char_indices()
            .find(|&(_, c)| !crate::normalize::is_word_char(c))
            .map_or(s.len(), |(k, _)| k),
        Err(_) => rest
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count(),
    };
    let head: Vec<u8> = rest[..head_len]
        .iter()
        .map(u8::to_ascii_lowercase)
        .collect();
    let n = head.len().min(8);
    let mut a = [0u8; 8];
    a[..n].copy_from_slice(&head[..n]);
    (starts_word && head.len() >= 2).then(|| Trigger {
        head8: u64::from_le_bytes(a),
        mask8: if n == 8 {
            u64::MAX
        } else {
            (1u64 << (8 * n)) - 1
        },
        head: head.into_boxed_slice(),
        skip,
        lit: lit as u32,
    })
}

/// The literal bytes one node stands for, if it is one character or literal string; a class
/// counts when it is exactly one character or an ASCII letter in both cases. ASCII letters
/// come out lowercased.
fn literal_bytes(h: &Hir) -> Option<Vec<u8>> {
    match h.kind() {
        HirKind::Literal(l) => Some(l.0.to_ascii_lowercase()),
        HirKind::Class(Class::Unicode(c)) => {
            let chars = class_chars(c)?;
            match chars[..] {
                [a] => Some(a.to_string().to_ascii_lowercase().into_bytes()),
                [a, b] if a.is_ascii() && b.is_ascii() && a.eq_ignore_ascii_case(&b) => {
                    Some(vec![a.to_ascii_lowercase() as u8])
                }
                _ => None,
            }
        }
        HirKind::Class(Class::Bytes(c)) => {
            let r = c.ranges();
            match r {
                [x] if x.start() == x.end() => Some(vec![x.start().to_ascii_lowercase()]),
                [x, y]
                    if x.start() == x.end()
                        && y.start() == y.end()
                        && x.start().eq_ignore_ascii_case(&y.start()) =>
                {
                    Some(vec![x.start().to_ascii_lowercase()])
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// The characters of a class made of single characters and pairs of neighbours (`[Ssſ]`),
/// or `None` for a class with a wider range.
fn class_chars(c: &regex_syntax::hir::ClassUnicode) -> Option<Vec<char>> {
    let mut chars = Vec::new();
    for r in c.ranges() {
        if r.end() as u32 - r.start() as u32 >= 2 {
            return None;
        }
        chars.push(r.start());
        if r.end() != r.start() {
            chars.push(r.end());
        }
    }
    Some(chars)
}

/// Most spellings of one run of literal nodes (see [`literal_spellings`]).
const MAX_SPELLINGS: usize = 4;

/// The spellings of one node: [`literal_bytes`] if it has them; else two for a class of an
/// ASCII letter in both cases and the one other character that folds to it, as
/// case-insensitive regexes have for `s` (`ſ` U+017F) and `k` (the Kelvin sign U+212A).
fn literal_spellings(h: &Hir) -> Option<Vec<Vec<u8>>> {
    if let Some(b) = literal_bytes(h) {
        return Some(vec![b]);
    }
    let HirKind::Class(Class::Unicode(c)) = h.kind() else {
        return None;
    };
    let chars = class_chars(c)?;
    let (ascii, other): (Vec<char>, Vec<char>) = chars.into_iter().partition(char::is_ascii);
    match (&ascii[..], &other[..]) {
        ([a, b], [o]) if a != b && a.eq_ignore_ascii_case(b) => Some(vec![
            vec![a.to_ascii_lowercase() as u8],
            o.to_string().into_bytes(),
        ]),
        _ => None,
    }
}

/// The required literals of a run with these spellings.
fn run_set(spellings: Vec<Vec<u8>>, before: Option<usize>, word_start: bool) -> OneOf {
    spellings
        .into_iter()
        .map(|lit| Required {
            lit,
            before,
            word_start,
        })
        .collect()
}

/// The best set of required literals of `h`, if any.
pub(crate) fn required(h: &Hir) -> Option<OneOf> {
    match h.kind() {
        HirKind::Capture(c) => required(&c.sub),
        HirKind::Repetition(r) if r.min == 1 && r.max == Some(1) => required(&r.sub),
        HirKind::Concat(v) => required_in_sequence(v),
        HirKind::Literal(_) | HirKind::Class(_) => required_in_sequence(std::slice::from_ref(h)),
        // A match of an alternation is a match of one branch: it contains one literal of
        // that branch's set, within that branch's reach of the start.
        HirKind::Alternation(branches) => {
            let mut set: OneOf = Vec::new();
            for b in branches {
                for r in required(b)? {
                    match set.iter_mut().find(|s| s.lit == r.lit) {
                        Some(s) => {
                            s.before = s.before.zip(r.before).map(|(a, b)| a.max(b));
                            s.word_start &= r.word_start;
                        }
                        None => set.push(r),
                    }
                }
            }
            Some(set)
        }
        _ => None,
    }
}

fn better(best: &mut Option<OneOf>, cand: OneOf) {
    if cand.is_empty() || cand.iter().any(|r| r.lit.len() < MIN_LITERAL) {
        return;
    }
    if best.as_ref().is_none_or(|b| rank(&cand) > rank(b)) {
        *best = Some(cand);
    }
}

/// The best set of required literals of a sequence: a run of literal nodes, or the set of a
/// child.
fn required_in_sequence(v: &[Hir]) -> Option<OneOf> {
    let mut best = None;
    // most bytes before child i (None: unbounded)
    let mut offset = Some(0usize);
    // the spellings of the current run of literal nodes (one, empty, between runs)
    let mut run: Vec<Vec<u8>> = vec![Vec::new()];
    let mut run_before = Some(0usize);
    let mut run_word_start = false;
    for (i, child) in v.iter().enumerate() {
        let spellings = literal_spellings(child).filter(|s| s.len() * run.len() <= MAX_SPELLINGS);
        if let Some(spellings) = spellings {
            if run[0].is_empty() {
                run_before = offset;
                run_word_start = after_edge(&v[..i]);
            }
            run = run
                .iter()
                .flat_map(|r| spellings.iter().map(move |s| [&r[..], s].concat()))
                .collect();
        } else {
            let done = std::mem::replace(&mut run, vec![Vec::new()]);
            better(&mut best, run_set(done, run_before, run_word_start));
            let nested = matches!(
                child.kind(),
                HirKind::Capture(_)
                    | HirKind::Repetition(_)
                    | HirKind::Concat(_)
                    | HirKind::Alternation(_)
            );
            if let Some(set) = nested.then(|| required(child)).flatten() {
                // A literal that starts the child's match starts a word only if what comes
                // before the child ends at a word edge.
                let edge = after_edge(&v[..i]);
                let set = set
                    .into_iter()
                    .map(|r| Required {
                        lit: r.lit,
                        before: offset.zip(r.before).map(|(a, b)| a + b),
                        word_start: r.word_start && edge,
                    })
                    .collect();
                better(&mut best, set);
            }
        }
        offset = offset
            .zip(child.properties().maximum_len())
            .map(|(a, b)| a + b);
    }
    better(&mut best, run_set(run, run_before, run_word_start));
    best
}

/// Whether whatever `prev` (the nodes before a literal) matches ends with ASCII other than a
/// letter, digit or apostrophe, or is empty up to the start of the match.
fn after_edge(prev: &[Hir]) -> bool {
    for h in prev.iter().rev() {
        let (set, nullable) = last_bytes(h);
        let wordish = set.iter().enumerate().any(|(b, &on)| {
            on && (b >= 0x80 || (b as u8).is_ascii_alphanumeric() || b == 39 || b == 96)
        });
        if wordish {
            return false;
        }
        if !nullable {
            return true;
        }
    }
    true
}

/// The bytes a match of `h` can end with, and whether `h` can match the empty string.
fn last_bytes(h: &Hir) -> ([bool; 256], bool) {
    match h.kind() {
        HirKind::Literal(l) => {
            let mut set = [false; 256];
            match l.0.last() {
                Some(&b) => {
                    set[b as usize] = true;
                    (set, false)
                }
                None => (set, true),
            }
        }
        HirKind::Repetition(r) => {
            let (s, nullable) = last_bytes(&r.sub);
            (s, nullable || r.min == 0)
        }
        HirKind::Capture(c) => last_bytes(&c.sub),
        HirKind::Concat(v) => {
            let mut set = [false; 256];
            for child in v.iter().rev() {
                let (s, nullable) = last_bytes(child);
                union(&mut set, &s);
                if !nullable {
                    return (set, false);
                }
            }
            (set, true)
        }
        HirKind::Alternation(v) => {
            let mut set = [false; 256];
            let mut any_nullable = false;
            for child in v {
                let (s, nullable) = last_bytes(child);
                union(&mut set, &s);
                any_nullable |= nullable;
            }
            (set, any_nullable)
        }
        // one character: its last byte is its only byte (ASCII) or a continuation byte
        HirKind::Class(_) | HirKind::Empty | HirKind::Look(_) => {
            let (mut set, nullable) = first_bytes(h);
            if set[0xC2..].iter().any(|&b| b) {
                set[0x80..=0xBF].fill(true);
            }
            (set, nullable)
        }
    }
}

/// The bytes a match of `h` can start with, and whether `h` can match the empty string.
pub(crate) fn first_bytes(h: &Hir) -> ([bool; 256], bool) {
    let mut set = [false; 256];
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => return (set, true),
        HirKind::Literal(l) => match l.0.first() {
            Some(&b) => set[b as usize] = true,
            None => return (set, true),
        },
        HirKind::Class(Class::Unicode(c)) => {
            for r in c.ranges() {
                let (a, z) = (r.start() as u32, r.end() as u32);
                for b in a..=z.min(0x7F) {
                    set[b as usize] = true;
                }
                if z >= 0x80 {
                    // any lead byte of a multi-byte character (conservative)
                    set[0xC2..=0xF4].fill(true);
                }
            }
        }
        HirKind::Class(Class::Bytes(c)) => {
            for r in c.ranges() {
                for b in r.start()..=r.end() {
                    set[b as usize] = true;
                }
            }
        }
        HirKind::Repetition(r) => {
            let (s, nullable) = first_bytes(&r.sub);
            return (s, nullable || r.min == 0);
        }
        HirKind::Capture(c) => return first_bytes(&c.sub),
        HirKind::Concat(v) => {
            for child in v {
                let (s, nullable) = first_bytes(child);
                union(&mut set, &s);
                if !nullable {
                    return (set, false);
                }
            }
            return (set, true);
        }
        HirKind::Alternation(v) => {
            let mut any_nullable = false;
            for child in v {
                let (s, nullable) = first_bytes(child);
                union(&mut set, &s);
                any_nullable |= nullable;
            }
            return (set, any_nullable);
        }
    }
    (set, false)
}

fn union(a: &mut [bool; 256], b: &[bool; 256]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x |= *y;
    }
}
