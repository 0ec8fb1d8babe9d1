//! `regex`-mode variants, run only where they can match.
//!
//! Running every regex over every byte was the largest single cost of a scan: the regex crate
//! finds no prefilter for an alternation of case-insensitive regexes with optional leading
//! words, so its lazy DFA walks the whole text. Instead, each regex is analysed once, at build
//! time, from its syntax tree:
//!
//! * a **set of required literals**: runs of literal characters such that every match
//!   contains one of them (letters of a case-insensitive regex count when their class is
//!   an ASCII case pair; `s` and `k`, whose classes also hold `ſ` and the Kelvin sign, give
//!   one spelling each way, up to four per run). Usually the set is one literal
//!   (`professional`); an alternation whose every branch has a required literal gives one
//!   literal per branch and spelling (`release|freeing` gives `release`, `releaſe` and
//!   `freeing`), all belonging to the regex;
//! * for each literal, the **most bytes a match can hold before it** (bounded when everything
//!   before it has a maximum length);
//! * the **bytes a match can start with**.
//!
//! Literals that start a word in every match are noted by the word scanner as it passes the
//! words that start with them ("triggers"; sets of triggers are preferred, since they cost
//! no pass of their own); the others are found by one Aho-Corasick pass.
//! Each occurrence opens a window: the few positions within reach before it that can start
//! a match. The windows of a regex are tried in order of their first position, the regex
//! anchored at each position not already tried or inside a match found, with the whole text
//! as context for `\b`: the same matches as trying it at every position of the text, since a
//! match found this way is a match on the whole text, and every match contains one of the
//! literals within reach of its start, so none is missed. Regexes without a usable literal
//! set (a literal too short, or an unbounded part before it) run as one alternation over the
//! whole text, as before.

use super::{on_word_edges, Limits, RawMatch};
use aho_corasick::{AhoCorasick, MatchKind};
use regex_automata::{meta, Anchored, Input};
use regex_syntax::hir::{Class, Hir, HirKind};

/// Shortest literal worth searching for (bytes).
const MIN_LITERAL: usize = 3;

/// Bytes of each literal the searcher looks for (in all ASCII cases).
const LITERAL_WINDOW: usize = 3;

/// Where in `lit` the searcher should look: the window of [`LITERAL_WINDOW`] bytes made of
/// the rarest characters (by English letter frequency; other bytes count as rare), so that
/// it stops at few places that are not the literal (`liz` rather than `ter` in
/// `terilization`).
fn rare_window(lit: &[u8]) -> usize {
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
fn case_variants(head: &[u8]) -> Vec<Vec<u8>> {
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

/// One regex variant as compiled.
#[derive(Debug)]
struct Variant {
    re: meta::Regex,
    pattern: u32,
    /// Bytes a match can start with.
    first: [bool; 256],
}

/// A required literal of one variant.
#[derive(Debug)]
struct Literal {
    /// ASCII letters lowercased
    bytes: Vec<u8>,
    /// the variant (index into `variants`) every match of which contains this literal or
    /// another of its set
    owner: usize,
    /// most bytes a match can hold before this literal
    before: usize,
}

/// All regex variants of a matcher.
#[derive(Debug)]
pub(super) struct RegexVariants {
    variants: Vec<Variant>,
    /// Finds the windows of the `searched` literals.
    literals: Option<AhoCorasick>,
    /// the literals the searcher looks for: (index into `lits`, offset of its window)
    searched: Vec<(usize, usize)>,
    /// required literals of the windowed variants (each has one or more)
    lits: Vec<Literal>,
    /// literals whose occurrences start words: found by the word scanner, not the searcher
    triggers: Vec<Trigger>,
    /// bit per lowercase first two bytes of two-byte heads, and per hash of the first three
    /// bytes of longer heads ([`trigger_bit`])
    trigger_pair: Box<[u64; 1024]>,
    trigger_three: Box<[u64; 1024]>,
    /// The variants without a usable literal, as one alternation over the whole text.
    residual: Option<meta::Regex>,
    residual_ids: Vec<usize>,
}

/// A literal found through the words that start with its head.
#[derive(Debug)]
struct Trigger {
    /// the literal's first run of ASCII letters and digits, lowercased
    head: Box<[u8]>,
    /// the head's first (up to) eight bytes, little-endian, and the mask of those bytes: a
    /// word whose first bytes differ is passed over with one comparison
    head8: u64,
    mask8: u64,
    /// bytes of the literal before its head
    skip: usize,
    /// index into `lits`
    lit: u32,
}

/// A place where a literal may start, noted by the word scanner: (byte offset, literal).
pub(super) type Site = (usize, u32);

/// A required literal of a (sub)pattern and how far before it a match can start.
#[derive(Debug, Clone)]
struct Required {
    lit: Vec<u8>,
    before: Option<usize>,
    /// where a match contains the literal as analysed (in the branch it belongs to), the
    /// literal starts the match or follows ASCII other than a letter, digit or apostrophe
    /// (so, in the text, it starts a word when its first byte is one)
    word_start: bool,
}

/// Required literals of a (sub)pattern: every match contains (at least) one of them. Never
/// empty; most often one literal.
type OneOf = Vec<Required>;

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
fn rank(
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
fn usable(set: &OneOf) -> bool {
    set.iter()
        .all(|r| r.before.is_some() && r.lit.len() >= MIN_LITERAL)
}

impl RegexVariants {
    /// Compiles `(source, pattern id, form as written)` triples; the sources carry their own
    /// case flags.
    pub(super) fn new(
        sources: &[(String, u32, String)],
        limits: Limits,
    ) -> Result<RegexVariants, String> {
        let mut variants = Vec::with_capacity(sources.len());
        let mut lits: Vec<Literal> = Vec::new();
        let mut residual_src = Vec::new();
        let mut residual_ids = Vec::new();
        let mut triggers: Vec<Trigger> = Vec::new();
        let mut trigger_pair = Box::new([0u64; 1024]);
        let mut trigger_three = Box::new([0u64; 1024]);
        for (k, (src, pattern, form)) in sources.iter().enumerate() {
            // Parsed once: the syntax tree serves the analysis below and the compilation.
            // A source that does not parse is reported as compiling it reports it.
            let hir = regex_syntax::ParserBuilder::new()
                .build()
                .parse(src)
                .map_err(|e| match build(src, limits.regex_size) {
                    Err(m) => format!("bad regex {form:?}: {m}"),
                    Ok(_) => format!("bad regex {form:?}: {e}"),
                })?;
            let re = build_anchored(&hir, limits.regex_size)
                .map_err(|e| format!("bad regex {form:?}: {e}"))?;
            match required(&hir).filter(usable) {
                Some(set) => {
                    for r in set {
                        if let Some(t) = trigger_of(&r, lits.len()) {
                            if t.head.len() == 2 {
                                let pi = ((t.head[0] as usize) << 8) | t.head[1] as usize;
                                trigger_pair[pi / 64] |= 1 << (pi % 64);
                            } else {
                                let b = trigger_bit(t.head[0], t.head[1], t.head[2]);
                                trigger_three[b / 64] |= 1 << (b % 64);
                            }
                            triggers.push(t);
                        }
                        lits.push(Literal {
                            bytes: r.lit,
                            owner: k,
                            before: r.before.unwrap_or(0),
                        });
                    }
                }
                None => {
                    residual_src.push(src.clone());
                    residual_ids.push(k);
                }
            }
            let (first, nullable) = first_bytes(&hir);
            let first = if nullable { [true; 256] } else { first };
            variants.push(Variant {
                re,
                pattern: *pattern,
                first,
            });
        }
        let searched: Vec<(usize, usize)> = (0..lits.len())
            .filter(|&j| !triggers.iter().any(|t| t.lit as usize == j))
            .map(|j| (j, rare_window(&lits[j].bytes)))
            .collect();
        let literals = if searched.is_empty() {
            None
        } else {
            // The searcher looks for three rare bytes of each literal in every ASCII case
            // spelled out, rather than case-insensitively: that keeps its SIMD prefilter
            // (which case-insensitive search loses). Each hit is checked in full below.
            let mut heads: Vec<Vec<u8>> = Vec::new();
            for &(j, o) in &searched {
                let lit = &lits[j].bytes;
                for v in case_variants(&lit[o..(o + LITERAL_WINDOW).min(lit.len())]) {
                    if !heads.contains(&v) {
                        heads.push(v);
                    }
                }
            }
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostFirst)
                    .build(&heads)
                    .map_err(|e| format!("cannot index the regex literals: {e}"))?,
            )
        };
        let residual = if residual_src.is_empty() {
            None
        } else {
            let n = residual_src.len();
            Some(
                build(&residual_src.join("|"), limits.regex_size.saturating_mul(n))
                    .map_err(|e| format!("cannot combine the regex variants: {e}"))?,
            )
        };
        Ok(RegexVariants {
            variants,
            literals,
            searched,
            lits,
            triggers,
            trigger_pair,
            trigger_three,
            residual,
            residual_ids,
        })
    }

    /// Sets the pattern id of each variant, in the order of the sources given to [`new`].
    ///
    /// [`new`]: RegexVariants::new
    pub(super) fn set_patterns(&mut self, ids: &[u32]) {
        debug_assert_eq!(ids.len(), self.variants.len());
        for (v, &id) in self.variants.iter_mut().zip(ids) {
            v.pattern = id;
        }
    }

    /// Whether the word starting at byte `i` of `bytes` (`len` bytes long) may start with the
    /// head of a trigger.
    #[inline(always)]
    pub(super) fn may_trigger(&self, bytes: &[u8], i: usize, len: usize) -> bool {
        if len < 2 {
            return false;
        }
        let (b0, b1) = (
            bytes[i].to_ascii_lowercase(),
            bytes[i + 1].to_ascii_lowercase(),
        );
        let pi = ((b0 as usize) << 8) | b1 as usize;
        if self.trigger_pair[pi / 64] & (1 << (pi % 64)) != 0 {
            return true;
        }
        if len < 3 {
            return false;
        }
        let b = trigger_bit(b0, b1, bytes[i + 2].to_ascii_lowercase());
        self.trigger_three[b / 64] & (1 << (b % 64)) != 0
    }

    /// The head of every trigger (lowercase ASCII letters and digits, two or more).
    pub(super) fn trigger_heads(&self) -> impl Iterator<Item = &[u8]> + '_ {
        self.triggers.iter().map(|t| &t.head[..])
    }

    /// Notes the literals whose heads start the word at byte `i`.
    #[cold]
    pub(super) fn note_word(&self, bytes: &[u8], i: usize, sites: &mut Vec<Site>) {
        let w = &bytes[i..];
        // the word's first eight bytes, ASCII letters lowercased (heads are lowercase)
        let mut a = [0u8; 8];
        let n = w.len().min(8);
        a[..n].copy_from_slice(&w[..n]);
        let w8 = u64::from_le_bytes(a.map(|b| b.to_ascii_lowercase()));
        for t in &self.triggers {
            if w8 & t.mask8 == t.head8
                && w.len() >= t.head.len()
                && w[..t.head.len()].eq_ignore_ascii_case(&t.head)
                && i >= t.skip
            {
                sites.push((i - t.skip, t.lit));
            }
        }
    }

    /// Appends the matches of all regex variants in `text` to `out` (not merged); `sites`
    /// are the trigger sites the word scanner noted.
    pub(super) fn scan(&self, text: &str, sites: &[Site], out: &mut Vec<RawMatch>) {
        let bytes = text.as_bytes();
        // the windows to try: (first position, literal occurrence, index into `lits`)
        let mut windows: Vec<(usize, usize, u32)> = Vec::new();
        let mut open = |p: usize, j: usize| {
            let lit = &self.lits[j];
            let hay = &bytes[p..];
            if hay.len() >= lit.bytes.len()
                && hay[..lit.bytes.len()].eq_ignore_ascii_case(&lit.bytes)
            {
                windows.push((p.saturating_sub(lit.before), p, j as u32));
            }
        };
        for &(p, j) in sites {
            open(p, j as usize);
        }
        if let Some(ac) = &self.literals {
            let mut at = 0;
            // Every position where some literal starts: search from one byte past the last
            // (the prefilter keeps this fast), then check the literals at that position.
            while let Some(m) = ac.find(aho_corasick::Input::new(text).range(at..)) {
                let q = m.start();
                at = q + 1;
                for &(j, o) in &self.searched {
                    if let Some(p) = q.checked_sub(o) {
                        open(p, j);
                    }
                }
                if at >= bytes.len() {
                    break;
                }
            }
        }
        // In order of first position, each window tries only positions past those that
        // earlier windows of its variant tried, or past the end of their matches: a
        // variant's positions are tried in text order, as a scan of every position would.
        // (Windows come from two sources and literals differ in reach and offset, so their
        // order as found is not that order.)
        windows.sort_unstable();
        // next position still to try, per variant
        let mut next = vec![0usize; self.variants.len()];
        for (s, p, j) in windows {
            self.try_window(self.lits[j as usize].owner, s, p, text, &mut next, out);
        }
        if let Some(all) = &self.residual {
            let mut at = 0;
            while let Some(mat) = all.search(&Input::new(text).range(at..)) {
                let start = mat.start();
                for &k in &self.residual_ids {
                    let v = &self.variants[k];
                    if let Some(e) = anchored_match(&v.re, text, start) {
                        out.push(RawMatch {
                            start,
                            end: e,
                            pattern: v.pattern,
                        });
                        break;
                    }
                }
                at = if mat.end() > start {
                    mat.end()
                } else {
                    next_boundary(text, start)
                };
                if at > text.len() {
                    break;
                }
            }
        }
    }

    /// Tries variant `k` anchored at every position from `from` to its literal at `p` that
    /// can start a match (and that no earlier window of `k` tried).
    fn try_window(
        &self,
        k: usize,
        from: usize,
        p: usize,
        text: &str,
        next: &mut [usize],
        out: &mut Vec<RawMatch>,
    ) {
        let bytes = text.as_bytes();
        let v = &self.variants[k];
        let mut s = from.max(next[k]);
        while s <= p {
            if v.first[bytes[s] as usize] && text.is_char_boundary(s) {
                if let Some(e) = anchored_match(&v.re, text, s) {
                    out.push(RawMatch {
                        start: s,
                        end: e,
                        pattern: v.pattern,
                    });
                    s = e;
                    continue;
                }
            }
            s += 1;
        }
        next[k] = next[k].max(s);
    }

    /// Number of variants that run over the whole text (no usable literal).
    #[cfg(test)]
    fn residual_count(&self) -> usize {
        self.residual_ids.len()
    }
}

/// Bit of three lowercase head bytes in the trigger filter.
#[inline(always)]
fn trigger_bit(b0: u8, b1: u8, b2: u8) -> usize {
    let x = (b0 as u32) | (b1 as u32) << 8 | (b2 as u32) << 16;
    (x.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// The trigger of a literal that always starts a word, if it has a head of two or more ASCII
/// letters or digits.
fn trigger_of(r: &Required, lit: usize) -> Option<Trigger> {
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

fn config(size: usize) -> meta::Config {
    meta::Config::new()
        .nfa_size_limit(Some(size))
        .hybrid_cache_capacity(size.max(1 << 16))
}

/// A regex searched over the whole text.
fn build(src: &str, size: usize) -> Result<meta::Regex, String> {
    meta::Regex::builder()
        .configure(config(size))
        .build(src)
        .map_err(|e| build_error(&e))
}

/// A regex only ever searched anchored (see [`anchored_match`]): a prefilter, which only
/// finds where an unanchored search may start, would be built for nothing.
fn build_anchored(hir: &Hir, size: usize) -> Result<meta::Regex, String> {
    meta::Regex::builder()
        .configure(config(size).auto_prefilter(false))
        .build_from_hir(hir)
        .map_err(|e| build_error(&e))
}

fn build_error(e: &meta::BuildError) -> String {
    // the meta error says only "error building NFA"; the cause names the limit
    let mut msg = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        msg.push_str(": ");
        msg.push_str(&c.to_string());
        cause = c.source();
    }
    msg
}

/// The end of a non-empty match of `re` anchored at `start` whose edges are word edges.
#[inline]
fn anchored_match(re: &meta::Regex, text: &str, start: usize) -> Option<usize> {
    let m = re.search(&Input::new(text).range(start..).anchored(Anchored::Yes))?;
    (m.end() > start && on_word_edges(text, start, m.end())).then_some(m.end())
}

/// The next character boundary after `i` (or `text.len() + 1` at the end).
fn next_boundary(text: &str, i: usize) -> usize {
    let mut j = i + 1;
    while j < text.len() && !text.is_char_boundary(j) {
        j += 1;
    }
    j
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
fn required(h: &Hir) -> Option<OneOf> {
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
fn first_bytes(h: &Hir) -> ([bool; 256], bool) {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The required literal of `src`, which has at most one spelling that the ASCII letters
    /// of the text can have (its others have `ſ` or the Kelvin sign for an `s` or a `k`).
    fn analyse(src: &str) -> Option<Required> {
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(src)
            .unwrap();
        required(&hir).map(|set| {
            let odd = |r: &&Required| {
                let lit = String::from_utf8_lossy(&r.lit).into_owned();
                lit.contains('\u{17F}') || lit.contains('\u{212A}')
            };
            let plain: Vec<Required> = set.iter().filter(|r| !odd(r)).cloned().collect();
            assert_eq!(plain.len(), 1, "{set:?}");
            plain.into_iter().next().unwrap()
        })
    }

    #[test]
    fn finds_literals_and_bounds() {
        let r =
            analyse(r"(?i:(?:calls? for |urged )?(?:the )?release of (?:all )?prisoners)").unwrap();
        // in bytes: the `s` of "calls" may also be the two-byte `ſ` (U+017F)
        assert_eq!(r.before, Some("calls for the ".len() + 1));
        // 's' folds to ſ too: "release of " is one spelling, "releaſe of " another
        assert_eq!(r.lit, b"release of ", "{r:?}");
        let r = analyse(r"(?i:Professional\s+Teachers)").unwrap();
        assert_eq!(r.before, Some(0));
        assert_eq!(r.lit, b"professional");
        // each `s` doubles the spellings; past four, the run stops before the next one
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(r"(?i)Serfs Day")
            .unwrap();
        let set = required(&hir).unwrap();
        let lits: Vec<String> = set
            .iter()
            .map(|r| String::from_utf8(r.lit.clone()).unwrap())
            .collect();
        assert_eq!(lits, ["serfs day", "serfſ day", "ſerfs day", "ſerfſ day"]);
        assert!(analyse(r"\w+\s+Union").unwrap().before.is_none());
        assert!(analyse(r"(?i:a|b)").is_none());
        let r = analyse("民生观察").unwrap();
        assert_eq!(r.lit, "民生观察".as_bytes());
    }

    #[test]
    fn finds_one_of_literal_sets() {
        let hir = |src: &str| {
            regex_syntax::ParserBuilder::new()
                .build()
                .parse(src)
                .unwrap()
        };
        let set = |src: &str| required(&hir(src)).filter(usable);
        // (literal, reach before it, starts a word) of each member of a set
        fn members(s: &OneOf) -> Vec<(&[u8], Option<usize>, bool)> {
            s.iter()
                .map(|r| (&r.lit[..], r.before, r.word_start))
                .collect()
        }
        // as the builtin that ran over the whole text: one literal per branch and spelling
        // (`s` folds to `ſ` too); the last group's set is less rare ("tor" of "pastors")
        let s =
            set(r"(?i)\b(release|releasing|freeing) (all |the )?(journalists|pastors)\b").unwrap();
        assert_eq!(
            members(&s),
            [
                (&b"release"[..], Some(0), true),
                ("releaſe".as_bytes(), Some(0), true),
                (&b"releasing"[..], Some(0), true),
                ("releaſing".as_bytes(), Some(0), true),
                (&b"freeing"[..], Some(0), true)
            ]
        );
        // all of them start words: found by the word scan, none by the searcher
        assert!(s.iter().all(|r| trigger_of(r, 0).is_some()));
        // each literal keeps its own reach; one inside a word does not start one
        let s = set(r"(?:(?:urged )?release|the freeing|x?unfreed) (?:them|us)").unwrap();
        assert_eq!(
            members(&s),
            [
                (&b"release"[..], Some(6), true),
                (&b"the freeing"[..], Some(0), true),
                (&b"unfreed"[..], Some(1), false)
            ]
        );
        // a branch without a literal (or with too short a one) leaves none for the whole
        assert!(set(r"(?i)\b(?:release|\w+ing)\b").is_none());
        assert!(set(r"(?:release|xy)\b").is_none());
        assert!(set(r"(?:release|)\b").is_none());
    }

    #[test]
    fn no_builtin_regex_runs_over_the_whole_text() {
        let lexicons = crate::lexicon::builtin_shared().unwrap();
        let vs: Vec<crate::matcher::Variant> = lexicons
            .iter()
            .flat_map(|l| &l.entries)
            .filter(|e| e.mode == crate::lexicon::MatchMode::Regex)
            .flat_map(|e| {
                e.variants.iter().map(|v| crate::matcher::Variant {
                    form: v,
                    mode: e.mode,
                    case_sensitive: e.case_sensitive,
                    target: 0,
                })
            })
            .collect();
        assert!(vs.len() >= 10, "{}", vs.len());
        let limits = Limits {
            max_patterns: 1000,
            regex_size: 1 << 22,
        };
        let m = crate::matcher::Matcher::new(&vs, limits).unwrap();
        let rv = m.regexes.as_ref().unwrap();
        assert_eq!(rv.residual_count(), 0, "{:?}", rv.residual_ids);
    }

    /// A matcher holding only `forms` as case-insensitive regex variants.
    fn matcher(forms: &[&str]) -> crate::matcher::Matcher {
        let vs: Vec<crate::matcher::Variant> = forms
            .iter()
            .enumerate()
            .map(|(i, f)| crate::matcher::Variant {
                form: f,
                mode: crate::lexicon::MatchMode::Regex,
                case_sensitive: i == 3,
                target: i as u32,
            })
            .collect();
        let limits = Limits {
            max_patterns: 100,
            regex_size: 1 << 22,
        };
        crate::matcher::Matcher::new(&vs, limits).unwrap()
    }

    #[test]
    fn same_matches_as_a_full_scan() {
        let m = matcher(&[
            r"\b(?:calls? for |urged )?(?:the )?release of (?:all )?(?:political prisoners|detainees)\b",
            r"BN\(O\)",
            r"\w+\s+Union",
            r"Article\s+23",
        ]);
        let rv = m.regexes.as_ref().unwrap();
        // `\w+` before "union" has no bound
        assert_eq!(rv.residual_count(), 1);
        // "release" (and "releaſe"), "bn" and "article" start words in every match: found
        // by the word scan
        assert_eq!(rv.triggers.len(), 4, "{:?}", rv.triggers);
        let text = "They urged the release of all political prisoners. A BN(O) holder; \
                    Teachers Union; called for release of detainees. Article 23 and \
                    RELEASE OF DETAINEES, unreleased of detainees, article 23";
        let mut out = Vec::new();
        m.scan(text, &mut out);
        let got: Vec<&str> = out.iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(
            got,
            [
                "urged the release of all political prisoners",
                "BN(O)",
                "Teachers Union",
                "release of detainees",
                "Article 23",
                "RELEASE OF DETAINEES",
            ]
        );
    }

    /// Every match the windows find is one a scan of every position finds, and back.
    #[test]
    fn windows_equal_trying_every_position() {
        use proptest::prelude::*;
        let sources = [
            r"\b(?:calls? for |urg(?:e|ed) )?(?:the )?release of (?:all )?(?:political prisoners|detainees)\b",
            r"Professional[\s]+Teachers['’]?[\s]+Union",
            r"BN\(O\)",
            r"\bpro[- ]democracy (?:activists?|figures) (?:jailed|detained)\b",
            r"(?:Mr\.|Ms\.) (?:Jimmy )?Lai",
            r"Serfs['’]?\s+Emancipation",
            // case-insensitive `s` and `k` also match `ſ` and the Kelvin sign
            r"(?i)Serfs['’]?\s+Emancipation",
            r"(?i)\bkeeps (?:them|us)\b",
            // one-of literal sets: the builtin that had none, and one whose literals differ
            // in reach, offset and way of being found (trigger or searcher)
            r"\b(release|releasing|freeing) (all |the |those )?(detained |jailed |arbitrarily detained )?(journalists|activists|human rights lawyers|detainees|pastors)\b",
            r"(?:(?:urged |called for )?release|(?:the )?freeing|x?unfreed|\(freed\)) (?:of )?(?:all )?(?:them|us)\b",
        ];
        let words = [
            "release",
            "RELEASE",
            "releaſe",
            "of",
            "all",
            "the",
            "calls",
            "for",
            "urged",
            "political",
            "prisoners",
            "detainees",
            "unreleased",
            "Professional",
            "Teachers’",
            "Union",
            "BN(O)",
            "bn(o)",
            "pro-democracy",
            "pro",
            "democracy",
            "activists",
            "figures",
            "jailed",
            "detained",
            "西藏",
            "é",
            ",",
            ".",
            "calls for the release of all political prisoners",
            "urged the release of detainees",
            "urge the RELEASE OF political prisoners",
            "Professional Teachers’ Union",
            "professional\nteachers union",
            "pro-democracy activists jailed",
            "Pro democracy figures detained",
            "Mr. Lai",
            "Ms. Jimmy Lai",
            "mr.",
            "Lai",
            "Serfs",
            "Emancipation",
            "Serfs Emancipation",
            "serfs’ emancipation",
            "Preserfs Emancipation",
            "ſerfs",
            "SERFſ",
            "ſerfſ’ emancipation",
            "keeps",
            "\u{212A}EEPS",
            "keepſ us",
            "releasing",
            "freeing",
            "Freeing",
            "those",
            "arbitrarily detained",
            "journalists",
            "human rights lawyers",
            "pastors",
            "release all jailed journalists",
            "freeing the arbitrarily detained activists",
            "Releasing those detained human rights lawyers",
            "them",
            "us",
            "called for release of all them",
            "urged release of us",
            "the freeing of them",
            "xunfreed of us",
            "unfreed of all them",
            "(freed) of us",
            "(freed)",
            "unfreed",
            "xunfreed",
        ];
        let seps = [" ", " ", " ", "\n", "-", "", "  "];
        let (mut triggered, mut searched) = (0, 0);
        for src in sources {
            let m = matcher(&[src]);
            let rv = m.regexes.as_ref().unwrap();
            assert_eq!(rv.residual_count(), 0, "{src}");
            triggered += rv.triggers.len();
            searched += rv.searched.len();
            if src.contains("unfreed") {
                // one variant, five literals (two spellings of "release"), found both ways
                assert_eq!(rv.lits.len(), 5, "{:?}", rv.lits);
                assert!(!rv.triggers.is_empty() && !rv.searched.is_empty());
            }
            let v = &rv.variants[0];
            let matched = std::cell::Cell::new(0);
            proptest!(ProptestConfig::with_cases(300), |(picks in prop::collection::vec((0..words.len(), 0..seps.len()), 0..40))| {
                let mut text = String::new();
                for (w, s) in picks {
                    text.push_str(words[w]);
                    text.push_str(seps[s]);
                }
                let mut got = Vec::new();
                m.scan(&text, &mut got);
                let got: Vec<(usize, usize)> = got.iter().map(|m| (m.start, m.end)).collect();
                let mut want = Vec::new();
                let mut s = 0;
                while s <= text.len() {
                    if text.is_char_boundary(s) {
                        if let Some(e) = anchored_match(&v.re, &text, s) {
                            want.push((s, e));
                            s = e;
                            continue;
                        }
                    }
                    s += 1;
                }
                matched.set(matched.get() + want.len());
                prop_assert_eq!(got, want, "{:?}", text);
            });
            assert!(matched.get() > 50, "{src}: too few matches to compare");
        }
        // both ways of finding literals are exercised
        assert!(triggered > 0 && searched > 0, "{triggered} {searched}");
    }
}
