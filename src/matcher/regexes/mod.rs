//! `regex`-mode variants, run only where they can match.
//!
//! The regex crate finds no prefilter for an alternation of case-insensitive regexes with
//! optional leading words, so running them over the whole text walks every byte. Instead,
//! each regex is analysed once, at build time, from its syntax tree ([`analysis`]):
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
//! whole text, a window at a time.
//!
//! No match holds more than [`scan::MAX_MATCH_BYTES`] (1 KiB), and no search reads more than
//! that past where it starts (two windows of it for the alternation), so the work of a regex
//! on a document is linear in its length whatever the pattern: `Tibet.*X` on 240 KB of
//! "Tibet Tibet ..." once read the rest of the text at every `Tibet`. Lint warns about such
//! stretches (`src/lexicon/lint.rs`).

//!
//! [`compile`] builds the variants from their sources; [`scan`] runs them over a text.

mod analysis;
mod compile;
mod scan;
#[cfg(test)]
mod tests;

use aho_corasick::AhoCorasick;
use analysis::Trigger;
use regex_automata::meta;

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
pub(crate) struct RegexVariants {
    variants: Vec<Variant>,
    /// Finds the windows of the `searched` literals.
    literals: Option<AhoCorasick>,
    /// the literals the searcher looks for: (index into `lits`, offset of its window)
    searched: Vec<(usize, usize)>,
    /// required literals of the windowed variants (each has one or more)
    lits: Vec<Literal>,
    /// literals whose occurrences start words: found by the word scanner, not the searcher;
    /// sorted by the [`pair_key`] of their heads
    triggers: Vec<Trigger>,
    /// the [`pair_key`] of each trigger's head, in the same order (searched without
    /// following a pointer per trigger)
    trigger_keys: Vec<u16>,
    /// bit per lowercase first two bytes of two-byte heads, and per hash of the first three
    /// bytes of longer heads ([`trigger_bit`])
    trigger_pair: Box<[u64; 1024]>,
    trigger_three: Box<[u64; 1024]>,
    /// The variants without a usable literal, as one alternation over the whole text.
    residual: Option<meta::Regex>,
    residual_ids: Vec<usize>,
}

/// The first two bytes of a trigger's head (or of a word, lowercased) as one number: the
/// order of [`RegexVariants::triggers`].
#[inline]
pub(crate) fn pair_key(head: &[u8]) -> u16 {
    let byte = |k: usize| head.get(k).copied().unwrap_or(0);
    u16::from_be_bytes([byte(0), byte(1)])
}

/// A place where a literal may start, noted by the word scanner: (byte offset, literal).
pub(crate) type Site = (usize, u32);

impl RegexVariants {
    /// Sets the pattern id of each variant, in the order of the sources given to [`new`].
    ///
    /// [`new`]: RegexVariants::new
    pub(crate) fn set_patterns(&mut self, ids: &[u32]) {
        debug_assert_eq!(ids.len(), self.variants.len());
        for (v, &id) in self.variants.iter_mut().zip(ids) {
            v.pattern = id;
        }
    }

    /// The head of every trigger (lowercase ASCII letters and digits, two or more).
    pub(crate) fn trigger_heads(&self) -> impl Iterator<Item = &[u8]> + '_ {
        self.triggers.iter().map(|t| &t.head[..])
    }

    /// Number of variants that run over the whole text (no usable literal).
    #[cfg(test)]
    fn residual_count(&self) -> usize {
        self.residual_ids.len()
    }
}
