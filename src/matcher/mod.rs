//! Finding lexicon variants in text: one pass over the words of the original text.
//!
//! The hot path works on the raw bytes and never copies a word. The scanner walks the text
//! word by word (see [`crate::segment`] for what a word is). Word starts and ends come from
//! bit masks of 64-byte blocks (ASCII letters and digits; bytes that need a closer look; see
//! [`crate::blocks`]), so finding a word costs a few bit scans rather than a branch per byte. The common word, a run of ASCII
//! letters and digits, first meets a gate: three small bitmaps, tested with its first eight
//! bytes and its length, tell whether it may be the first word of some variant and whether
//! it may start a prefix pattern, a CJK variant or a regex trigger. Most words stop there
//! (in real English text, about four in five). The others are hashed as if lowercased,
//! straight from the text, and probed in an open-addressing table keyed by the folded first
//! word of every variant, or looked up among the prefixes and trigger heads. Other words
//! (non-ASCII letters, apostrophes) are folded (see [`crate::normalize`]) and hashed the same
//! way.
//!
//! The candidate variants of a first word are checked in place against the following words,
//! longest first, so the longest candidate whose word boundaries are valid wins and a longer
//! candidate that fails never hides a shorter valid one. The next word's first two bytes are
//! checked against a small filter of the candidates' second words; when it passes, the next
//! word is found once and the candidates it can continue come from a table keyed by the first
//! word and the second word's hash, merged in order with those that need a full check; longer
//! ones are rejected on a hash of their third word. Word boundaries are inherent: a variant
//! can only start at a word start and end at a word end. Words are those of Unicode word
//! segmentation (UAX #29) as far as matching goes: a low line `_` joins words, so `Tibet` is
//! not found in `@Tibet_Watch`. Punctuation written between the words of a variant (`Antony
//! J. Blinken`, `U.S. Congress`, `BN(O)`) must stand in the text between the same words
//! (curly and straight quotes alike, separators around it allowed).
//!
//! Variants written in CJK scripts (no spaces between words) are indexed by their first two
//! characters and checked in place at every CJK character and word start, longest first.
//! `regex`-mode variants run only near literals every match contains (see [`regexes`]), with
//! word-boundary checks at the match edges. Matches are merged leftmost-longest, so they never
//! overlap.
//!
//! # Layout
//!
//! * [`build`]: variants -> [`Matcher`] (patterns, deduplication, the tables);
//! * [`tables`]: the lookup tables the scan probes (first words, word pairs, prefixes, CJK
//!   forms, and the gate that rules most words out);
//! * [`scan`]: the walk over the words of a text; [`candidates`]: checking the candidates
//!   of a word in place; [`words`]: finding the next word and word edges from the bytes;
//! * [`regexes`]: `regex`-mode variants (analysis of their syntax apart from scanning);
//! * [`hash`]: the word hash every table shares; [`error`]: what building can fail on.

mod build;
mod candidates;
mod error;
mod hash;
mod regexes;
mod scan;
mod tables;
#[cfg(test)]
mod tests;
mod words;

pub(crate) use error::BuildError;

use crate::lexicon::MatchMode;
use regexes::RegexVariants;
use tables::{Cand, CjkTable, FirstWord, Gate, PairTable, PrefixIndex, WordTable};

/// One variant to find, as the builder hands it to the matcher.
#[derive(Debug, Clone)]
pub(crate) struct Variant<'a> {
    pub(crate) form: &'a str,
    pub(crate) mode: MatchMode,
    pub(crate) case_sensitive: bool,
    /// Opaque target the caller maps back to an entry (and whether it is a short form).
    pub(crate) target: u32,
}

/// Limits that keep lexicon compilation bounded.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub(crate) max_patterns: usize,
    pub(crate) regex_size: usize,
}

/// A compiled word-sequence pattern.
#[derive(Debug)]
pub(crate) struct Pattern {
    tokens: Vec<Box<str>>,
    /// Exact original words when the pattern is case-sensitive.
    case: Option<Vec<Box<str>>>,
    prefix_last: bool,
    /// The punctuation after each word (`.` after `j` in `Antony J. Blinken`, `)` after `o`
    /// in `BN(O)`), when some gap holds any: an empty gap between two words is a run of
    /// separators (see [`crate::normalize::split_phrase`]).
    gaps: Option<Box<[Box<str>]>>,
    targets: Vec<u32>,
}

/// A match before it is mapped to entries: byte span in the original and the target ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawMatch {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Index into [`Matcher::targets_of`].
    pub(crate) pattern: u32,
}

/// Statistics of one scan, computed in the same pass.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct ScanStats {
    pub(crate) words: usize,
}

/// All compiled variants.
#[derive(Debug)]
pub(crate) struct Matcher {
    /// every pattern, by id; regex patterns have no tokens, CJK ones a single folded form
    patterns: Vec<Pattern>,
    /// folded first word -> its candidate patterns
    first: WordTable<FirstWord>,
    /// multi-word candidates by (first word, hash of a plain second word)
    pairs: PairTable,
    /// single-word prefix patterns
    prefixes: PrefixIndex,
    /// the first test of an ASCII word: most words start nothing
    gate: Gate,
    /// Variants with CJK characters, by their first character (ASCII-lowercased): pattern
    /// ids, longest form first. Checked in place at CJK characters and word starts.
    cjk: CjkTable,
    /// bit per low 16 bits of the first characters in `cjk`: most CJK characters of a text
    /// start no variant and are rejected here without a hash lookup
    cjk_first: Box<[u64; 1024]>,
    /// ASCII first characters of CJK variants (`709大抓捕`): only words starting with one of
    /// them are looked up in `cjk`.
    cjk_ascii: Box<[bool; 256]>,
    /// The regex variants (see [`regexes`]).
    regexes: Option<RegexVariants>,
    /// number of variants given (before deduplication)
    n_forms: usize,
}

impl Matcher {
    /// Number of variants compiled (before deduplication).
    pub(crate) fn n_forms(&self) -> usize {
        self.n_forms
    }

    /// Approximate heap size of the compiled matcher, in bytes.
    pub(crate) fn heap_bytes(&self) -> usize {
        let mut n = std::mem::size_of::<[u64; 1024]>();
        n += self.gate.heap_bytes();
        for p in &self.patterns {
            n += std::mem::size_of::<Pattern>() + p.targets.len() * 4;
            n += p.tokens.iter().map(|t| t.len() + 16).sum::<usize>();
            if let Some(c) = &p.case {
                n += c.iter().map(|t| t.len() + 16).sum::<usize>();
            }
            if let Some(g) = &p.gaps {
                n += g.iter().map(|t| t.len() + 16).sum::<usize>();
            }
        }
        n += self
            .first
            .heap_bytes(|fw| 40 + std::mem::size_of_val::<[Cand]>(&fw.all) * 2);
        n += self.pairs.heap_bytes();
        n += self.prefixes.heap_bytes();
        n += self.cjk.heap_bytes();
        n
    }

    /// The targets of a matched pattern.
    pub(crate) fn targets_of(&self, pattern: u32) -> &[u32] {
        &self.patterns[pattern as usize].targets
    }
}
