//! Finding lexicon variants in text: one pass over the words of the original text.
//!
//! The hot path works on the raw bytes and never copies a word. The scanner walks the text
//! word by word (see [`crate::segment`] for what a word is). Word starts and ends come from
//! bit masks of 64-byte blocks (ASCII letters and digits; bytes that need a closer look),
//! computed with SSE2 compares on x86_64 and eight bytes at a time elsewhere, so finding a
//! word costs a few bit scans rather than a branch per byte. The common word, a run of ASCII
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
//! can only start at a word start and end at a word end.
//!
//! Variants written in CJK scripts (no spaces between words) are indexed by their first two
//! characters and checked in place at every CJK character and word start, longest first; this
//! replaced an Aho-Corasick automaton that cost more to build than all other tables together.
//! `regex`-mode variants run only near literals every match contains (see [`regexes`]), with
//! word-boundary checks at the match edges. Matches are merged leftmost-longest, so they never
//! overlap.

mod regexes;

use crate::lexicon::MatchMode;
use crate::normalize::{
    fold_phrase, fold_word, is_cjk, is_phrase_separator, is_word_char, next_char, possessive_stem,
    word_end,
};
use crate::segment::with_block;
use regexes::RegexVariants;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// A small, fast, non-cryptographic hasher for folded word keys (the FxHash mixing step).
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut a = [0u8; 8];
            a.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(a)).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut a = [0u8; 8];
            a[..rest.len()].copy_from_slice(rest);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(a) ^ rest.len() as u64).wrapping_mul(K);
        }
        self.0 = h;
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        // the high half folded into the low one: a table index comes from the low bits
        self.0 = (self.0.rotate_left(5) ^ i ^ (i >> 32)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

type WordMap<V> = HashMap<Box<str>, V, BuildHasherDefault<WordHasher>>;

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
struct Pattern {
    tokens: Vec<Box<str>>,
    /// Exact original words when the pattern is case-sensitive.
    case: Option<Vec<Box<str>>>,
    prefix_last: bool,
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
    patterns: Vec<Pattern>,
    /// folded first word -> its candidate patterns
    first: WordTable<FirstWord>,
    /// multi-word candidates by (first word, hash of a plain second word)
    pairs: PairTable,
    /// single-word prefix patterns
    prefixes: PrefixIndex,
    /// the first test of an ASCII word: most words start nothing
    gate: Gate,
    /// CJK variants: automaton + pattern id per automaton pattern
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
    /// target lists of CJK/regex patterns live in `patterns` too (tokens empty)
    n_forms: usize,
}

/// Byte-class masks of 64-byte blocks of a text, computed eight bytes at a time without
/// branches (SWAR): the scanner finds word starts and ends from them with bit scans, instead
/// of a byte loop whose exit at every word end is a mispredicted branch.
struct Blocks<'a> {
    bytes: &'a [u8],
    /// start of the block whose masks are held (a multiple of 64; `usize::MAX`: none yet)
    base: usize,
    /// bit k: byte `base + k` is an ASCII letter or digit
    alnum: u64,
    /// bit k: byte `base + k` is a letter, a digit, an apostrophe or backtick, or non-ASCII
    interesting: u64,
}

const LSB: u64 = 0x0101_0101_0101_0101;
const MSB: u64 = 0x8080_8080_8080_8080;

/// High bit of each byte of `x` (all bytes below 0x80) set where the byte is at least `lo`.
#[inline(always)]
fn bytes_at_least(x: u64, lo: u8) -> u64 {
    (x + LSB * (0x80 - lo as u64)) & MSB
}

/// High bit of each byte of `x` (all bytes below 0x80) set where the byte equals `v`.
#[inline(always)]
fn bytes_equal(x: u64, v: u8) -> u64 {
    let y = x ^ (LSB * v as u64);
    !(y | (y + LSB * 0x7F)) & MSB
}

/// The high bits of the bytes of `m` as eight bits, byte 0 lowest.
#[inline(always)]
fn pack_high_bits(m: u64) -> u64 {
    ((m >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// (letter or digit, interesting) masks of eight bytes read little-endian (see [`Blocks`]).
#[inline(always)]
fn class_masks8(x: u64) -> (u64, u64) {
    let high = x & MSB;
    let low7 = x & !MSB;
    let folded = low7 | (LSB * 0x20);
    let alpha = bytes_at_least(folded, b'a') & !bytes_at_least(folded, b'z' + 1);
    let digit = bytes_at_least(low7, b'0') & !bytes_at_least(low7, b'9' + 1);
    let alnum = (alpha | digit) & !high;
    let apos = (bytes_equal(low7, b'\'') | bytes_equal(low7, b'`')) & !high;
    (pack_high_bits(alnum), pack_high_bits(alnum | apos | high))
}

/// (letter or digit, interesting) masks of a block (see [`Blocks`]), bit k for byte k.
#[inline(always)]
fn block_masks(block: &[u8; 64]) -> (u64, u64) {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: SSE2 is part of the x86_64 baseline, so every x86_64 CPU has it.
        unsafe { block_masks_sse2(block) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        block_masks_swar(block)
    }
}

/// [`block_masks`], eight bytes at a time in a `u64`.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
#[inline(always)]
fn block_masks_swar(block: &[u8; 64]) -> (u64, u64) {
    let (mut alnum, mut interesting) = (0u64, 0u64);
    for (k, c) in block.chunks_exact(8).enumerate() {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        let (w, x) = class_masks8(u64::from_le_bytes(a));
        alnum |= w << (8 * k);
        interesting |= x << (8 * k);
    }
    (alnum, interesting)
}

/// [`block_masks`], sixteen bytes at a time with SSE2 compares.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn block_masks_sse2(block: &[u8; 64]) -> (u64, u64) {
    use std::arch::x86_64::*;
    let (mut alnum, mut interesting) = (0u64, 0u64);
    for (k, c) in block.chunks_exact(16).enumerate() {
        let (mut lo, mut hi) = ([0u8; 8], [0u8; 8]);
        lo.copy_from_slice(&c[..8]);
        hi.copy_from_slice(&c[8..]);
        let v = _mm_set_epi64x(i64::from_le_bytes(hi), i64::from_le_bytes(lo));
        // signed compares: bytes of 0x80 and above are negative, outside every range
        let between = |x: __m128i, lo: u8, hi: u8| {
            _mm_and_si128(
                _mm_cmpgt_epi8(x, _mm_set1_epi8(lo as i8 - 1)),
                _mm_cmplt_epi8(x, _mm_set1_epi8(hi as i8 + 1)),
            )
        };
        let folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
        let w = _mm_or_si128(between(folded, b'a', b'z'), between(v, b'0', b'9'));
        let apos = _mm_or_si128(
            _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\'' as i8)),
            _mm_cmpeq_epi8(v, _mm_set1_epi8(b'`' as i8)),
        );
        let w_bits = _mm_movemask_epi8(w) as u16 as u64;
        // the sign bit of a byte is set exactly for non-ASCII bytes
        let x_bits = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(w, apos), v)) as u16 as u64;
        alnum |= w_bits << (16 * k);
        interesting |= x_bits << (16 * k);
    }
    (alnum, interesting)
}

impl<'a> Blocks<'a> {
    fn new(bytes: &'a [u8]) -> Blocks<'a> {
        Blocks {
            bytes,
            base: usize::MAX,
            alnum: 0,
            interesting: 0,
        }
    }

    /// Loads the masks of the block holding byte `i` (`i < bytes.len()`).
    #[inline(always)]
    fn load(&mut self, i: usize) {
        let base = i & !63;
        if base == self.base {
            return;
        }
        self.base = base;
        let (alnum, interesting) = with_block(self.bytes, base, block_masks);
        self.alnum = alnum;
        self.interesting = interesting;
    }

    /// The first position at or after `i` that holds a letter, digit, apostrophe, backtick
    /// or non-ASCII byte (`bytes.len()` or more if none does).
    #[inline(always)]
    fn next_interesting(&mut self, mut i: usize) -> usize {
        while i < self.bytes.len() {
            self.load(i);
            let m = self.interesting >> (i - self.base);
            if m != 0 {
                return i + m.trailing_zeros() as usize;
            }
            i = self.base + 64;
        }
        i
    }

    /// The first position at or after `i` that is not an ASCII letter or digit.
    #[inline(always)]
    fn word_end(&mut self, mut i: usize) -> usize {
        while i < self.bytes.len() {
            self.load(i);
            let m = !self.alnum >> (i - self.base);
            if m != 0 {
                return i + m.trailing_zeros() as usize;
            }
            i = self.base + 64;
        }
        self.bytes.len()
    }
}

const HASH_K: u64 = 0x517c_c1b7_2722_0a95;

/// Reads up to 8 bytes of `bytes[at..at + n]` (`n <= 8`) as a little-endian word, zero-padded;
/// with `LOWER`, ASCII letters are lowercased (the caller guarantees ASCII letters or digits,
/// for which setting bit 5 is lowercasing).
#[inline(always)]
fn load<const LOWER: bool>(bytes: &[u8], at: usize, n: usize) -> u64 {
    let x = match bytes.get(at..at + 8) {
        Some(c) => {
            let mut a = [0u8; 8];
            a.copy_from_slice(c);
            u64::from_le_bytes(a)
        }
        None => {
            let mut a = [0u8; 8];
            a[..n].copy_from_slice(&bytes[at..at + n]);
            u64::from_le_bytes(a)
        }
    };
    // the low `n` bytes (n = 0 keeps none)
    let mask = u64::MAX.checked_shr(64 - 8 * n as u32).unwrap_or(0);
    let x = if LOWER { x | 0x2020_2020_2020_2020 } else { x };
    x & mask
}

/// Hash of a folded word (`LOWER = false`), or of an ASCII letters-and-digits word as it
/// would fold (`LOWER = true`): both give the same value for the same folded bytes.
#[inline(always)]
fn word_hash<const LOWER: bool>(bytes: &[u8], start: usize, end: usize) -> u64 {
    let n = end - start;
    let mut h = n as u64;
    let mut at = start;
    while end - at > 8 {
        h = (h.rotate_left(5) ^ load::<LOWER>(bytes, at, 8)).wrapping_mul(HASH_K);
        at += 8;
    }
    h = (h.rotate_left(5) ^ load::<LOWER>(bytes, at, end - at)).wrapping_mul(HASH_K);
    h ^ (h >> 29)
}

/// A pattern as listed under its first word, with what it takes to reject it on the second
/// word without reading the pattern itself.
#[derive(Debug, Clone, Copy)]
struct Cand {
    id: u32,
    /// position in its first word's list of all candidates (the order that decides)
    rank: u32,
    /// number of words; 0 for a single-word prefix pattern
    words: u32,
    /// `word_hash` of the second word (multi-word patterns whose second word is matched whole)
    second: u64,
    /// the second word must be checked in full (it is a prefix, or has non-ASCII letters)
    check_second: bool,
    /// the second word is ASCII letters and digits only (no other can match a plain word)
    plain_second: bool,
    /// the pattern is case-sensitive
    case: bool,
    /// `word_hash` of the third word when it is plain and matched whole, else 0
    third: u64,
}

/// Single-word prefix patterns, bucketed by the first [`PREFIX_BUCKET`] bytes of the prefix:
/// one lookup per word instead of one per distinct prefix length.
#[derive(Debug, Default)]
struct PrefixIndex {
    /// first bytes -> indices into `keys`, longest key first
    buckets: WordTable<Vec<u32>>,
    /// prefixes shorter than a bucket key, longest first
    short: Vec<u32>,
    /// folded prefix and its pattern ids
    keys: Vec<(Box<[u8]>, Vec<u32>)>,
}

/// The candidate patterns of one first word.
#[derive(Debug)]
struct FirstWord {
    /// this word's number in [`PairTable`] keys
    key: u32,
    /// all candidates, longest first: the first that matches wins
    all: Box<[Cand]>,
    /// the candidates not listed in [`Matcher::pairs`] (single words, and patterns whose
    /// second word is checked in full), in the same order
    rest: Box<[Cand]>,
    /// whether some candidate is listed in [`Matcher::pairs`]
    paired: bool,
    /// candidates of two words or more (they come first in `all`)
    n_multi: u32,
    /// bit per [`second_lead_bit`] of the second words of the candidates of two words or
    /// more (all bits when one of them is a one-byte prefix)
    second_leads: u64,
}

/// A bit of [`FirstWord::second_leads`]: of the first two bytes of a second word, ASCII
/// letters lowercased (`b1` is 0 when the second byte is not an ASCII letter or digit).
#[inline(always)]
fn second_lead_bit(b0: u8, b1: u8) -> u64 {
    let x = ((b0 | 0x20) as u32) << 8 | (b1 | 0x20) as u32;
    1 << (x.wrapping_mul(0x9E37_79B1) >> 26)
}

/// The [`second_lead_bit`] of the word that follows the word ending at `end`, when it is
/// sure to be the next word's: one space, then an ASCII letter or digit, then ASCII, and
/// after a second letter or digit no non-ASCII byte (a non-ASCII byte may fold to anything,
/// or fold into the letter before it). 0 when no word can follow: the text ends, or
/// ASCII punctuation other than a dash comes next (`U.S.`, `Hong Kong,`).
#[inline(always)]
fn next_lead_bit(bytes: &[u8], end: usize) -> Option<u64> {
    match bytes.get(end) {
        Some(b' ') => {}
        None => return Some(0),
        Some(&b) if (0x21..0x80).contains(&b) && b != b'-' => return Some(0),
        Some(_) => return None,
    }
    let b0 = *bytes.get(end + 1)?;
    if !b0.is_ascii_alphanumeric() {
        return None;
    }
    let b1 = bytes.get(end + 2).copied().unwrap_or(b' ');
    if b1 >= 0x80 {
        return None;
    }
    if b1.is_ascii_alphanumeric() && bytes.get(end + 3).is_some_and(|&b| b >= 0x80) {
        // a combining mark may follow and fold into the second letter (`a` + U+0301 = `á`)
        return None;
    }
    Some(second_lead_bit(
        b0,
        if b1.is_ascii_alphanumeric() { b1 } else { 0 },
    ))
}

/// Multi-word candidates whose second word is plain and matched whole, by their first word
/// and the hash of their second: after a first word with dozens of candidates (`rights`,
/// `freedom`, `Hong`), one lookup finds the few that the next word can continue, instead of
/// a walk over them all.
#[derive(Debug, Default)]
struct PairTable {
    /// (second-word hash, first word key, start and end in `cands`); `end == 0`: empty
    slots: Box<[(u64, u32, u32, u32)]>,
    mask: usize,
    /// one bit per value of [`filter_index`] of the keys' slot hashes
    filter: Box<[u64]>,
    /// candidates grouped by key, each group longest first
    cands: Vec<Cand>,
}

#[inline(always)]
fn pair_slot_hash(first: u32, second: u64) -> u64 {
    let h = (second ^ (first as u64).wrapping_mul(HASH_K)).wrapping_mul(HASH_K);
    h ^ (h >> 29)
}

impl PairTable {
    /// `(first word key, candidate)` pairs, each first word's candidates in rank order.
    fn new(mut pairs: Vec<(u32, Cand)>) -> PairTable {
        pairs.sort_by_key(|(k, c)| (*k, c.second, c.rank));
        let cap = (pairs.len() * 2).next_power_of_two().max(16);
        let mut t = PairTable {
            slots: vec![(0, 0, 0, 0); cap].into_boxed_slice(),
            mask: cap - 1,
            filter: vec![0u64; (1 << FILTER_BITS) / 64].into_boxed_slice(),
            cands: pairs.iter().map(|&(_, c)| c).collect(),
        };
        let mut i = 0;
        while i < pairs.len() {
            let (k, c) = pairs[i];
            let mut j = i + 1;
            while j < pairs.len() && pairs[j].0 == k && pairs[j].1.second == c.second {
                j += 1;
            }
            let h = pair_slot_hash(k, c.second);
            let mut s = h as usize & t.mask;
            while t.slots[s].3 != 0 {
                s = (s + 1) & t.mask;
            }
            t.slots[s] = (c.second, k, i as u32, j as u32);
            let f = filter_index(h);
            t.filter[f / 64] |= 1 << (f % 64);
            i = j;
        }
        t
    }

    /// The candidates of first word `first` whose second word hashes to `second`.
    #[inline]
    fn get(&self, first: u32, second: u64) -> &[Cand] {
        if self.cands.is_empty() {
            return &[];
        }
        let h = pair_slot_hash(first, second);
        let f = filter_index(h);
        if self.filter[f / 64] & (1 << (f % 64)) == 0 {
            return &[];
        }
        let mut s = h as usize & self.mask;
        loop {
            let (h2, k, a, b) = self.slots[s];
            if b == 0 {
                return &[];
            }
            if h2 == second && k == first {
                return &self.cands[a as usize..b as usize];
            }
            s = (s + 1) & self.mask;
        }
    }

    fn heap_bytes(&self) -> usize {
        self.slots.len() * 24 + self.filter.len() * 8 + self.cands.len() * 32
    }
}

/// Bytes of a prefix that pick its bucket.
const PREFIX_BUCKET: usize = 3;

impl PrefixIndex {
    fn new(map: WordMap<Vec<u32>>) -> PrefixIndex {
        let mut keys: Vec<(Box<[u8]>, Vec<u32>)> = map
            .into_iter()
            .map(|(k, v)| (Box::<[u8]>::from(k.as_bytes()), v))
            .collect();
        // longest first, then by bytes (deterministic)
        keys.sort_unstable_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        let mut buckets: HashMap<Box<[u8]>, Vec<u32>> = HashMap::new();
        let mut short = Vec::new();
        for (i, (k, _)) in keys.iter().enumerate() {
            if k.len() >= PREFIX_BUCKET {
                buckets
                    .entry(Box::from(&k[..PREFIX_BUCKET]))
                    .or_default()
                    .push(i as u32);
            } else {
                short.push(i as u32);
            }
        }
        PrefixIndex {
            buckets: WordTable::from_map(buckets),
            short,
            keys,
        }
    }

    /// The first `Some` that `try_ids` gives for the pattern ids of the prefix keys that start
    /// a word, longest key first: those of the word's `bucket`, then the short ones; `starts`
    /// tells whether the word starts with a key. Plain loops, so that it inlines into the scan.
    #[inline]
    fn first_match<T>(
        &self,
        bucket: Option<&Vec<u32>>,
        starts: impl Fn(&[u8]) -> bool,
        mut try_ids: impl FnMut(&[u32]) -> Option<T>,
    ) -> Option<T> {
        let keys = bucket.map_or(&[][..], Vec::as_slice);
        for &k in keys.iter().chain(&self.short) {
            let (key, ids) = &self.keys[k as usize];
            if starts(key) {
                if let Some(m) = try_ids(ids) {
                    return Some(m);
                }
            }
        }
        None
    }

    fn heap_bytes(&self) -> usize {
        self.buckets.heap_bytes(|v| 24 + v.len() * 4)
            + self.short.len() * 4
            + self
                .keys
                .iter()
                .map(|(k, v)| 40 + k.len() + v.len() * 4)
                .sum::<usize>()
    }
}

/// Size of a [`WordTable`]'s filter, in bits (log 2).
const FILTER_BITS: u32 = 16;

/// Bit of a hash in a [`WordTable`]'s filter (bits the slot index does not start from).
#[inline(always)]
fn filter_index(h: u64) -> usize {
    (h >> 40) as usize & ((1 << FILTER_BITS) - 1)
}

/// An open-addressing table from folded words to pattern id lists, probed straight from the
/// bytes of the text: an ASCII word is hashed as if lowercased, without being copied.
#[derive(Debug)]
struct WordTable<V> {
    slots: Box<[Slot]>,
    mask: usize,
    /// one bit per value of the low [`FILTER_BITS`] hash bits of the keys: a small (8 KiB)
    /// filter that stays in the L1 cache and rejects most words before the table is read
    filter: Box<[u64]>,
    keys: Vec<Box<[u8]>>,
    ids: Vec<V>,
}

/// A slot of a [`WordTable`]: the key's first eight bytes inline, so that a word of up to
/// eight bytes is compared without reading the key from elsewhere.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key8: u64,
    /// high hash bits, with the key length (capped at 255) in the low byte
    tag: u32,
    /// key index + 1; 0 marks an empty slot
    idx: u32,
}

#[inline(always)]
fn slot_tag(h: u64, len: usize) -> u32 {
    ((h >> 32) as u32 & !0xFF) | len.min(255) as u32
}

impl<V> Default for WordTable<V> {
    fn default() -> Self {
        WordTable {
            slots: Box::new([]),
            mask: 0,
            filter: Box::new([]),
            keys: Vec::new(),
            ids: Vec::new(),
        }
    }
}

impl<V> WordTable<V> {
    fn from_map(map: HashMap<Box<[u8]>, V>) -> WordTable<V> {
        let cap = (map.len() * 2).next_power_of_two().max(16);
        let mut t = WordTable {
            slots: vec![Slot::default(); cap].into_boxed_slice(),
            mask: cap - 1,
            filter: vec![0u64; (1 << FILTER_BITS) / 64].into_boxed_slice(),
            keys: Vec::with_capacity(map.len()),
            ids: Vec::with_capacity(map.len()),
        };
        let mut entries: Vec<_> = map.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (k, v) in entries {
            let h = word_hash::<false>(&k, 0, k.len());
            let mut i = h as usize & t.mask;
            while t.slots[i].idx != 0 {
                i = (i + 1) & t.mask;
            }
            t.slots[i] = Slot {
                key8: load::<false>(&k, 0, k.len().min(8)),
                tag: slot_tag(h, k.len()),
                idx: t.keys.len() as u32 + 1,
            };
            let f = filter_index(h);
            t.filter[f / 64] |= 1 << (f % 64);
            t.keys.push(k);
            t.ids.push(v);
        }
        t
    }

    /// The value of the key with hash `h`, length `len` and first eight bytes `key8`;
    /// `rest_eq` compares bytes 8.. of a longer key.
    #[inline(always)]
    fn probe(&self, h: u64, len: usize, key8: u64, rest_eq: impl Fn(&[u8]) -> bool) -> Option<&V> {
        if self.keys.is_empty() {
            return None;
        }
        let f = filter_index(h);
        if self.filter[f / 64] & (1 << (f % 64)) == 0 {
            return None;
        }
        let tag = slot_tag(h, len);
        let mut i = h as usize & self.mask;
        loop {
            let s = self.slots[i];
            if s.idx == 0 {
                return None;
            }
            if s.tag == tag && s.key8 == key8 {
                let k = s.idx as usize - 1;
                if len <= 8 || rest_eq(&self.keys[k][8..]) {
                    return Some(&self.ids[k]);
                }
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The value of a folded word.
    #[inline]
    fn get(&self, folded: &[u8]) -> Option<&V> {
        let n = folded.len();
        self.probe(
            word_hash::<false>(folded, 0, n),
            n,
            load::<false>(folded, 0, n.min(8)),
            |rest| rest == &folded[8..],
        )
    }

    /// The value of `bytes[start..end]`, ASCII letters and digits only, as it would fold.
    #[inline(always)]
    fn get_ascii(&self, bytes: &[u8], start: usize, end: usize) -> Option<&V> {
        let n = end - start;
        self.probe(
            word_hash::<true>(bytes, start, end),
            n,
            load::<true>(bytes, start, n.min(8)),
            |rest| rest.len() == n - 8 && bytes[start + 8..end].eq_ignore_ascii_case(rest),
        )
    }

    fn heap_bytes(&self, value_bytes: impl Fn(&V) -> usize) -> usize {
        self.slots.len() * std::mem::size_of::<Slot>()
            + self.filter.len() * 8
            + self.keys.iter().map(|k| k.len() + 16).sum::<usize>()
            + self.ids.iter().map(value_bytes).sum::<usize>()
    }
}

/// The regex variants of a matcher being compiled, on a thread of their own when one starts.
enum RegexJob {
    Thread(std::thread::JoinHandle<Result<RegexVariants, String>>),
    Done(Result<Option<RegexVariants>, String>),
}

impl RegexJob {
    fn start(sources: Vec<(String, u32, String)>, limits: Limits) -> RegexJob {
        if sources.is_empty() {
            return RegexJob::Done(Ok(None));
        }
        let sources = std::sync::Arc::new(sources);
        let job = std::sync::Arc::clone(&sources);
        match std::thread::Builder::new().spawn(move || RegexVariants::new(&job, limits)) {
            Ok(h) => RegexJob::Thread(h),
            // no thread to be had: compile them here
            Err(_) => RegexJob::Done(RegexVariants::new(&sources, limits).map(Some)),
        }
    }

    fn finish(self) -> Result<Option<RegexVariants>, String> {
        match self {
            RegexJob::Thread(h) => h
                .join()
                .unwrap_or_else(|p| std::panic::resume_unwind(p))
                .map(Some),
            RegexJob::Done(r) => r,
        }
    }
}

/// The first test of an ASCII word of letters and digits, on its first eight bytes `x`
/// (lowercased, zero past its end, see [`load`]) and its length, with one bit of each of
/// three small bitmaps (18 KiB in all, so they stay in the L1 cache): whether the word may
/// be a first word of [`Matcher::first`] (a hash of `x` and the length), and whether it may
/// start a prefix pattern, a regex trigger or a CJK variant (a hash of its first four bytes
/// for keys of three bytes or more; its first two bytes for shorter ones). The bitmaps hold
/// the bits of every key, so a word that fails starts no match: the gate only errs by
/// letting a word through (about one word in twenty of those that start nothing, with the
/// built-in lexicons).
#[derive(Debug)]
struct Gate {
    /// bit [`Gate::first_bit`] of every first word
    first: Box<[u64; Gate::WORDS]>,
    /// bit [`Gate::lead4_bit`] of every word start of four bytes that starts with a prefix
    /// key or trigger head of three bytes or more
    lead4: Box<[u64; Gate::WORDS]>,
    /// bit [`Gate::short_bit`] of every word start of two bytes that starts with a key of
    /// one or two bytes (prefix keys, trigger heads, ASCII first characters of CJK variants)
    short: Box<[u64; Gate::SHORT_WORDS]>,
}

/// The bytes a word of ASCII letters and digits holds once lowercased, and 0 (past its end).
const WORD_BYTES: &[u8; 37] = b"\x000123456789abcdefghijklmnopqrstuvwxyz";

impl Default for Gate {
    fn default() -> Gate {
        Gate::new()
    }
}

impl Gate {
    const BITS: u32 = 16;
    /// `u64`s of [`Gate::first`] and [`Gate::lead4`] (fixed sizes: no bounds checks)
    const WORDS: usize = (1 << Gate::BITS) / 64;
    /// `u64`s of [`Gate::short`]: two bytes of 7 bits
    const SHORT_WORDS: usize = (1 << 14) / 64;
    /// [`Gate::test`]: the word may be a first word of [`Matcher::first`]
    const FIRST: u32 = 1;
    /// [`Gate::test`]: the word may start a prefix key, a trigger head or a CJK variant
    const LEAD: u32 = 2;

    fn new() -> Gate {
        Gate {
            first: Box::new([0; Gate::WORDS]),
            lead4: Box::new([0; Gate::WORDS]),
            short: Box::new([0; Gate::SHORT_WORDS]),
        }
    }

    #[inline(always)]
    fn first_bit(x: u64, len: usize) -> usize {
        let h = (x ^ (len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(HASH_K);
        (h >> (64 - Gate::BITS)) as usize
    }

    #[inline(always)]
    fn lead4_bit(x: u64) -> usize {
        ((x as u32).wrapping_mul(0x9E37_79B1) >> (32 - Gate::BITS)) as usize
    }

    /// The first two bytes, 7 bits each (a word's bytes are ASCII).
    #[inline(always)]
    fn short_bit(x: u64) -> usize {
        ((x & 0x7F) << 7 | (x >> 8) & 0x7F) as usize
    }

    fn set(bits: &mut [u64], b: usize) {
        bits[b / 64] |= 1 << (b % 64);
    }

    fn set_first(&mut self, x: u64, len: usize) {
        Gate::set(&mut self.first[..], Gate::first_bit(x, len));
    }

    /// Sets the bits of every word that starts with `key` (a prefix key, trigger head or the
    /// first character of a CJK variant); a key with a byte no word of ASCII letters and
    /// digits holds sets nothing.
    fn set_lead(&mut self, key: &[u8]) {
        let key: Vec<u8> = key.iter().map(u8::to_ascii_lowercase).collect();
        if key.is_empty() || !key.iter().take(4).all(|b| WORD_BYTES[1..].contains(b)) {
            return;
        }
        let x = |b: &[u8]| b.iter().rev().fold(0u64, |x, &b| x << 8 | u64::from(b));
        match key.len() {
            1 => {
                for &c in WORD_BYTES {
                    Gate::set(&mut self.short[..], Gate::short_bit(x(&[key[0], c])));
                }
            }
            2 => Gate::set(&mut self.short[..], Gate::short_bit(x(&key))),
            3 => {
                for &c in WORD_BYTES {
                    Gate::set(
                        &mut self.lead4[..],
                        Gate::lead4_bit(x(&[key[0], key[1], key[2], c])),
                    );
                }
            }
            _ => Gate::set(&mut self.lead4[..], Gate::lead4_bit(x(&key[..4]))),
        }
    }

    /// What the word with first eight bytes `x` and length `len` may be: [`Gate::FIRST`],
    /// [`Gate::LEAD`], both, or (for most words) neither, 0.
    #[inline(always)]
    fn test(&self, x: u64, len: usize) -> u32 {
        let (f, l, s) = (
            Gate::first_bit(x, len),
            Gate::lead4_bit(x),
            Gate::short_bit(x),
        );
        let first = (self.first[f / 64] >> (f % 64)) & 1;
        let lead = ((self.lead4[l / 64] >> (l % 64)) | (self.short[s / 64] >> (s % 64))) & 1;
        (first | lead << 1) as u32
    }

    fn heap_bytes(&self) -> usize {
        (self.first.len() + self.lead4.len() + self.short.len()) * 8
    }
}

impl Matcher {
    pub(crate) fn new(variants: &[Variant<'_>], limits: Limits) -> Result<Matcher, String> {
        if variants.len() > limits.max_patterns {
            return Err(format!(
                "{} variants exceed the limit of {} (help: raise it with ClassifierBuilder::max_patterns)",
                variants.len(),
                limits.max_patterns
            ));
        }
        let mut m = Matcher {
            patterns: Vec::new(),
            first: WordTable::default(),
            pairs: PairTable::default(),
            prefixes: PrefixIndex::default(),
            gate: Gate::default(),
            cjk: CjkTable::default(),
            cjk_first: Box::new([0u64; 1024]),
            cjk_ascii: Box::new([false; 256]),
            regexes: None,
            n_forms: variants.len(),
        };
        let mut first_map: WordMap<Vec<u32>> = WordMap::default();
        let mut cjk_map: HashMap<u64, Vec<u32>> = HashMap::new();
        let mut prefix_map: WordMap<Vec<u32>> = WordMap::default();
        // dedup key -> pattern id
        type Seen<K> = HashMap<K, u32, BuildHasherDefault<WordHasher>>;
        let mut seen: Seen<u64> =
            Seen::with_capacity_and_hasher(variants.len(), Default::default());
        let mut cjk_seen: Seen<String> = Seen::default();
        // The regex variants compile on another thread while the word tables are built; the
        // loop below numbers their patterns.
        let regex_sources: Vec<(String, u32, String)> = variants
            .iter()
            .filter(|v| v.mode == MatchMode::Regex)
            .map(|v| {
                let src = ascii_boundaries(v.form);
                let flag = if v.case_sensitive { "-i" } else { "i" };
                (format!("(?{flag}:{src})"), 0, v.form.to_string())
            })
            .collect();
        let regex_job = RegexJob::start(regex_sources, limits);
        let mut regex_ids: Vec<u32> = Vec::new();
        for v in variants {
            match v.mode {
                MatchMode::Regex => {
                    regex_ids.push(m.patterns.len() as u32);
                    m.patterns.push(Pattern {
                        tokens: Vec::new(),
                        case: None,
                        prefix_last: false,
                        targets: vec![v.target],
                    });
                }
                MatchMode::Exact | MatchMode::Prefix => {
                    let prefix = v.mode == MatchMode::Prefix;
                    let form = if prefix {
                        v.form
                            .trim_end()
                            .strip_suffix('*')
                            .ok_or_else(|| format!("prefix variant {:?} must end in '*'", v.form))?
                    } else {
                        v.form
                    };
                    if form.chars().any(is_cjk) {
                        let key: String = fold_phrase_cjk(form);
                        if key.is_empty() {
                            return Err(format!("variant {:?} has no letters", v.form));
                        }
                        if let Some(&id) = cjk_seen.get(&key) {
                            let p = &mut m.patterns[id as usize];
                            if !p.targets.contains(&v.target) {
                                p.targets.push(v.target);
                            }
                        } else {
                            let id = m.patterns.len() as u32;
                            let first = key.chars().next().map_or(' ', |c| c.to_ascii_lowercase());
                            let second =
                                key.chars().nth(1).map_or('\0', |c| c.to_ascii_lowercase());
                            m.patterns.push(Pattern {
                                tokens: vec![key.clone().into_boxed_str()],
                                case: None,
                                prefix_last: false,
                                targets: vec![v.target],
                            });
                            cjk_seen.insert(key, id);
                            if first.is_ascii() {
                                m.cjk_ascii[first as usize] = true;
                                m.cjk_ascii[first.to_ascii_uppercase() as usize] = true;
                            }
                            cjk_map.entry(cjk_key(first, second)).or_default().push(id);
                            let bit = first as usize & 0xFFFF;
                            m.cjk_first[bit / 64] |= 1 << (bit % 64);
                        }
                        continue;
                    }
                    let tokens: Vec<Box<str>> = fold_phrase(form)
                        .into_iter()
                        .map(String::into_boxed_str)
                        .collect();
                    if tokens.is_empty() {
                        return Err(format!("variant {:?} has no letters or digits", v.form));
                    }
                    let case = if v.case_sensitive {
                        Some(original_words(form))
                    } else {
                        None
                    };
                    // same words, prefix flag and exact words: same pattern. `seen` keys are
                    // hashes (the next free value on a collision), checked against the
                    // patterns, so no copy of the words is kept for it.
                    let mut h = {
                        let mut hasher = WordHasher::default();
                        (&tokens, prefix, &case).hash(&mut hasher);
                        hasher.finish()
                    };
                    let mut dup = None;
                    while let Some(&id) = seen.get(&h) {
                        let p = &m.patterns[id as usize];
                        if p.tokens == tokens && p.prefix_last == prefix && p.case == case {
                            dup = Some(id);
                            break;
                        }
                        h = h.wrapping_add(1);
                    }
                    if let Some(id) = dup {
                        let p = &mut m.patterns[id as usize];
                        if !p.targets.contains(&v.target) {
                            p.targets.push(v.target);
                        }
                        continue;
                    }
                    let id = m.patterns.len() as u32;
                    seen.insert(h, id);
                    let first = tokens[0].clone();
                    let single_prefix = prefix && tokens.len() == 1;
                    m.patterns.push(Pattern {
                        tokens,
                        case,
                        prefix_last: prefix,
                        targets: vec![v.target],
                    });
                    if single_prefix {
                        prefix_map.entry(first).or_default().push(id);
                    } else {
                        first_map.entry(first).or_default().push(id);
                    }
                }
            }
        }
        // longest first, then exact before prefix, case-sensitive before folded
        let pats = &m.patterns;
        for ids in first_map.values_mut() {
            ids.sort_by_key(|&id| {
                let p = &pats[id as usize];
                (
                    std::cmp::Reverse(p.tokens.len()),
                    p.prefix_last,
                    p.case.is_none(),
                )
            });
        }
        let pats = &m.patterns;
        let mut pairs: Vec<(u32, Cand)> = Vec::new();
        let first: HashMap<Box<[u8]>, FirstWord> = first_map
            .into_iter()
            .enumerate()
            .map(|(key, (k, ids))| {
                let all: Box<[Cand]> = ids
                    .iter()
                    .enumerate()
                    .map(|(rank, &id)| cand(id, rank as u32, &pats[id as usize]))
                    .collect();
                let by_pair = |c: &Cand| c.words >= 2 && !c.check_second;
                pairs.extend(all.iter().filter(|c| by_pair(c)).map(|&c| (key as u32, c)));
                let multi = || all.iter().filter(|c| c.words >= 2);
                let second_leads = multi()
                    .map(|c| {
                        let p = &pats[c.id as usize];
                        let t = p.tokens[1].as_bytes();
                        match t {
                            [_] if p.prefix_last && p.tokens.len() == 2 => u64::MAX,
                            [b0, ..] if !b0.is_ascii_alphanumeric() => u64::MAX,
                            [b0, b1, ..] if b1.is_ascii_alphanumeric() => second_lead_bit(*b0, *b1),
                            [b0, ..] => second_lead_bit(*b0, 0),
                            [] => u64::MAX,
                        }
                    })
                    .fold(0, |a, b| a | b);
                let fw = FirstWord {
                    key: key as u32,
                    n_multi: multi().count() as u32,
                    second_leads,
                    paired: all.iter().any(by_pair),
                    rest: all.iter().filter(|c| !by_pair(c)).copied().collect(),
                    all,
                };
                (Box::<[u8]>::from(k.as_bytes()), fw)
            })
            .collect();
        m.first = WordTable::from_map(first);
        m.pairs = PairTable::new(pairs);
        m.prefixes = PrefixIndex::new(prefix_map);
        if let Some(mut r) = regex_job.finish()? {
            r.set_patterns(&regex_ids);
            m.regexes = Some(r);
        }
        m.gate = m.gate();
        let pats = &m.patterns;
        for ids in cjk_map.values_mut() {
            ids.sort_by_key(|&id| std::cmp::Reverse(pats[id as usize].tokens[0].len()));
        }
        m.cjk = CjkTable::new(cjk_map);
        Ok(m)
    }

    /// The [`Gate`] of the compiled tables: the bits of every first word of ASCII letters and
    /// digits, and the first three bytes of every word that can start a prefix pattern, a
    /// regex trigger or a CJK variant.
    fn gate(&self) -> Gate {
        let mut g = Gate::new();
        for k in &self.first.keys {
            if k.iter().all(u8::is_ascii_alphanumeric) {
                g.set_first(load::<false>(k, 0, k.len().min(8)), k.len());
            }
        }
        for (k, _) in &self.prefixes.keys {
            g.set_lead(k);
        }
        if let Some(rv) = &self.regexes {
            for h in rv.trigger_heads() {
                g.set_lead(h);
            }
        }
        for b0 in 0..=255u8 {
            if self.cjk_ascii[b0 as usize] {
                g.set_lead(&[b0]);
            }
        }
        g
    }

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

    /// Finds all non-overlapping matches in `text`, leftmost-longest, and counts words.
    pub(crate) fn scan(&self, text: &str, out: &mut Vec<RawMatch>) -> ScanStats {
        out.clear();
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut words = 0;
        let mut key = String::new();
        let mut scratch = String::new();
        let cjk = !self.cjk.is_empty();
        let rv = self.regexes.as_ref();
        // where the word scan saw the head of a regex literal
        let mut sites: Vec<regexes::Site> = Vec::new();
        let mut i = 0;
        let mut skip_until = 0;
        let mut blocks = Blocks::new(bytes);
        loop {
            // the next byte that is not ASCII punctuation or space (apostrophes included)
            i = blocks.next_interesting(i);
            if i >= n {
                break;
            }
            let b = bytes[i];
            if b == b'\'' || b == b'`' {
                i += 1;
                continue;
            }
            if b < 0x80 {
                // The common case: a word of ASCII letters and digits followed by ASCII that
                // is not an apostrophe, its end found in the byte-class masks. It is matched
                // from the raw bytes.
                let j = blocks.word_end(i + 1);
                let after = bytes.get(j).copied().unwrap_or(b' ');
                if after < 0x80 && after != b'\'' && after != b'`' {
                    words += 1;
                    // the gate rules out most words that start nothing, with one branch (not
                    // one per kind of variant, which would be mispredicted on every other
                    // word), and tells what to look up for the rest
                    let x = load::<true>(bytes, i, (j - i).min(8));
                    let need = self.gate.test(x, j - i);
                    if need != 0 {
                        if need & Gate::LEAD != 0 {
                            if let Some(rv) = rv {
                                if rv.may_trigger(bytes, i, j - i) {
                                    rv.note_word(bytes, i, &mut sites);
                                }
                            }
                        }
                        if i >= skip_until {
                            if let Some(m) = self.match_ascii_word(text, i, j, need, &mut scratch) {
                                skip_until = m.end;
                                out.push(m);
                            }
                        }
                    }
                    i = j;
                    continue;
                }
            } else {
                let Some(c) = next_char(text, i) else { break };
                if !is_word_char(c) {
                    if is_cjk(c) && is_cjk_letter(c) {
                        words += 1;
                    }
                    // CJK variants start at a CJK character, or at the opening quote of a
                    // quoted form (“藏独”, 「藏獨」, which the bare characters would not
                    // isolate: 收藏独特 holds 藏独); other characters are ruled out with one
                    // bit test
                    if cjk && i >= skip_until && self.may_start_cjk(c) {
                        if let Some(m) = self.cjk_at(text, i, c) {
                            skip_until = m.end;
                            out.push(m);
                        }
                    }
                    i += c.len_utf8();
                    continue;
                }
            }
            // Any other word (non-ASCII letters, apostrophes): found, folded and looked up.
            let (end, ascii, apos) = word_end(text, i);
            words += 1;
            if let Some(rv) = rv {
                // the word itself, and what follows each apostrophe inside it: a regex match
                // may start there (`Teachers’Professional`), its edge being the apostrophe
                let mut k = i;
                while k < end {
                    if rv.may_trigger(bytes, k, end - k) {
                        rv.note_word(bytes, k, &mut sites);
                    }
                    match apos {
                        Some(_) => k = after_apostrophe(text, k, end),
                        None => break,
                    }
                }
            }
            if i >= skip_until {
                if let Some(m) = self.cjk_at_ascii_lead(text, i) {
                    skip_until = m.end;
                    out.push(m);
                }
            }
            if i >= skip_until {
                fold_word(&text[i..end], ascii, &mut key);
                if let Some(m) = self.match_at(text, i, end, apos, &key, &mut scratch) {
                    skip_until = m.end;
                    out.push(m);
                }
            }
            i = end;
        }
        if let Some(rv) = &self.regexes {
            let before = out.len();
            rv.scan(text, &sites, out);
            if out.len() > before {
                merge_overlaps(out);
            }
        }
        ScanStats { words }
    }

    /// A CJK variant that starts with the ASCII letter or digit at byte `i` (`709大抓捕`).
    #[inline]
    fn cjk_at_ascii_lead(&self, text: &str, i: usize) -> Option<RawMatch> {
        let lead = text.as_bytes()[i];
        if self.cjk_ascii[lead as usize] {
            self.cjk_at(text, i, char::from(lead.to_ascii_lowercase()))
        } else {
            None
        }
    }

    /// Matches at the word `text[start..end]` of ASCII letters and digits, without copying it;
    /// `need` holds the word's [`Gate`] flags.
    #[inline]
    fn match_ascii_word(
        &self,
        text: &str,
        start: usize,
        end: usize,
        need: u32,
        scratch: &mut String,
    ) -> Option<RawMatch> {
        if need & Gate::LEAD != 0 {
            if let Some(m) = self.cjk_at_ascii_lead(text, start) {
                return Some(m);
            }
        }
        let bytes = text.as_bytes();
        if need & Gate::FIRST != 0 {
            if let Some(fw) = self.first.get_ascii(bytes, start, end) {
                if let Some(m) = self.word_candidates(fw, text, start, end, scratch) {
                    return Some(m);
                }
            }
        }
        if need & Gate::LEAD == 0 {
            return None;
        }
        // longest prefix first: those of the word's bucket, then the short ones
        let word = &bytes[start..end];
        let bucket = (word.len() >= PREFIX_BUCKET)
            .then(|| {
                self.prefixes
                    .buckets
                    .get_ascii(bytes, start, start + PREFIX_BUCKET)
            })
            .flatten();
        self.prefixes.first_match(
            bucket,
            |k| word.len() >= k.len() && word[..k.len()].eq_ignore_ascii_case(k),
            |ids| self.prefix_candidates(ids, text, start, end),
        )
    }

    /// The first candidate of first word `fw` that matches at the word `text[start..end]`.
    ///
    /// The common cases are decided here without a call: a single word whose case does not
    /// matter, and a word such as `in` or `for` whose longer candidates cannot go on with
    /// the next word's first two bytes.
    #[inline(always)]
    fn word_candidates(
        &self,
        fw: &FirstWord,
        text: &str,
        start: usize,
        end: usize,
        scratch: &mut String,
    ) -> Option<RawMatch> {
        let singles = if fw.n_multi == 0 {
            &fw.all[..]
        } else if next_lead_bit(text.as_bytes(), end).is_some_and(|b| fw.second_leads & b == 0) {
            &fw.all[fw.n_multi as usize..]
        } else {
            return self.first_candidates(fw, text, start, end, scratch);
        };
        match singles.first() {
            None => None,
            Some(c) if !c.case => Some(RawMatch {
                start,
                end,
                pattern: c.id,
            }),
            Some(_) => self.all_candidates(singles, text, start, end, scratch),
        }
    }

    /// [`Matcher::word_candidates`] when a candidate of two words or more may match.
    #[inline(never)]
    fn first_candidates(
        &self,
        fw: &FirstWord,
        text: &str,
        start: usize,
        end: usize,
        scratch: &mut String,
    ) -> Option<RawMatch> {
        if fw.paired {
            // The word after this one decides which paired candidates are worth a look:
            // those listed under it, merged in rank order with the rest.
            let nw = next_word(text, end);
            let paired: &[Cand] = match nw {
                Some(nw) if nw.plain => self
                    .pairs
                    .get(fw.key, word_hash::<true>(text.as_bytes(), nw.start, nw.end)),
                None => &[],
                // a second word with apostrophes or non-ASCII letters: all candidates
                Some(_) => return self.all_candidates(&fw.all, text, start, end, scratch),
            };
            let (mut a, mut b) = (paired.iter().peekable(), fw.rest.iter().peekable());
            // hash of the third word (0: not plain), found once when first needed
            let mut third: Option<Option<u64>> = None;
            loop {
                let c = match (a.peek(), b.peek()) {
                    (Some(x), Some(y)) if x.rank < y.rank => a.next(),
                    (Some(_), None) => a.next(),
                    (_, Some(_)) => b.next(),
                    (None, None) => return None,
                };
                let c = c?;
                if c.words == 1 && !c.case {
                    return Some(RawMatch {
                        start,
                        end,
                        pattern: c.id,
                    });
                }
                let p = &self.patterns[c.id as usize];
                let nw = match nw {
                    Some(nw) => nw,
                    // no word follows: only a single word can match
                    None if c.words >= 2 => continue,
                    None => {
                        if self.case_ok(p, text, start, end) && !p.prefix_last {
                            return Some(RawMatch {
                                start,
                                end,
                                pattern: c.id,
                            });
                        }
                        continue;
                    }
                };
                if c.words >= 2 && nw.plain && !c.plain_second {
                    // a plain word never folds to a word with other characters
                    continue;
                }
                if c.third != 0 && nw.plain {
                    // three words or more: most fail on the third, rejected by its hash
                    let third = *third.get_or_insert_with(|| {
                        next_word(text, nw.end).map(|w| {
                            if w.plain {
                                word_hash::<true>(text.as_bytes(), w.start, w.end)
                            } else {
                                0
                            }
                        })
                    });
                    match third {
                        None => continue,
                        Some(h) if h != 0 && h != c.third => continue,
                        _ => {}
                    }
                }
                if c.words == 2 && nw.plain && !c.case {
                    // two words, the second plain: compared in place, as `try_pattern` would
                    let w = &text.as_bytes()[nw.start..nw.end];
                    let tok = p.tokens[1].as_bytes();
                    let ok = if p.prefix_last {
                        w.len() >= tok.len() && w[..tok.len()].eq_ignore_ascii_case(tok)
                    } else {
                        w.eq_ignore_ascii_case(tok)
                    };
                    if ok {
                        return Some(RawMatch {
                            start,
                            end: nw.end,
                            pattern: c.id,
                        });
                    }
                    continue;
                }
                if let Some(e) = self.try_pattern(p, text, end, scratch) {
                    if self.case_ok(p, text, start, e) {
                        return Some(RawMatch {
                            start,
                            end: e,
                            pattern: c.id,
                        });
                    }
                }
            }
        }
        self.all_candidates(&fw.all, text, start, end, scratch)
    }

    /// The first candidate in `cands` (longest first) that matches at the word ending at
    /// `end`.
    #[inline]
    fn all_candidates(
        &self,
        cands: &[Cand],
        text: &str,
        start: usize,
        end: usize,
        scratch: &mut String,
    ) -> Option<RawMatch> {
        // The word after the first one, found and hashed once for all candidates: most
        // multi-word candidates fail on it, and are rejected without reading the pattern.
        let mut next: Option<Option<(NextWord, u64)>> = None;
        for c in cands {
            if c.words == 1 && !c.case {
                return Some(RawMatch {
                    start,
                    end,
                    pattern: c.id,
                });
            }
            if c.words >= 2 {
                let nw = *next.get_or_insert_with(|| {
                    next_word(text, end).map(|nw| {
                        let h = if nw.plain {
                            word_hash::<true>(text.as_bytes(), nw.start, nw.end)
                        } else {
                            0
                        };
                        (nw, h)
                    })
                });
                let Some((nw, h)) = nw else { continue };
                if nw.plain && !c.check_second {
                    if h != c.second {
                        continue;
                    }
                    if c.words == 2 {
                        // two words, the second plain: confirmed here, without a second walk
                        let p = &self.patterns[c.id as usize];
                        let w = &text.as_bytes()[nw.start..nw.end];
                        if w.eq_ignore_ascii_case(p.tokens[1].as_bytes())
                            && self.case_ok(p, text, start, nw.end)
                        {
                            return Some(RawMatch {
                                start,
                                end: nw.end,
                                pattern: c.id,
                            });
                        }
                        continue;
                    }
                }
            }
            let p = &self.patterns[c.id as usize];
            if let Some(e) = self.try_pattern(p, text, end, scratch) {
                if self.case_ok(p, text, start, e) {
                    return Some(RawMatch {
                        start,
                        end: e,
                        pattern: c.id,
                    });
                }
            }
        }
        None
    }

    /// The first single-word prefix candidate in `ids` that matches `text[start..end]`.
    fn prefix_candidates(
        &self,
        ids: &[u32],
        text: &str,
        start: usize,
        end: usize,
    ) -> Option<RawMatch> {
        for &id in ids {
            let p = &self.patterns[id as usize];
            if self.case_ok(p, text, start, end) {
                return Some(RawMatch {
                    start,
                    end,
                    pattern: id,
                });
            }
        }
        None
    }

    /// Whether some CJK variant may start with `c` (no false negatives).
    #[inline]
    fn may_start_cjk(&self, c: char) -> bool {
        let bit = c as usize & 0xFFFF;
        self.cjk_first[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// The longest CJK variant that starts at byte `i`, whose first character is `c`.
    fn cjk_at(&self, text: &str, i: usize, c: char) -> Option<RawMatch> {
        let key = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            c
        };
        if !self.may_start_cjk(key) {
            return None;
        }
        // variants of two or more characters are listed under their first two, so only
        // those whose second character is the text's are compared; then one-character ones
        // (the characters a list's forms are known to start with are not compared again)
        let n1 = c.len_utf8();
        let second = next_char(text, i + n1)
            .map(|c| c.to_ascii_lowercase())
            .filter(|&c| c != '\0');
        let longer = second.map_or((&[][..], 0), |s| {
            (self.cjk.get(cjk_key(key, s)), n1 + s.len_utf8())
        });
        let lists = [longer, (self.cjk.get(cjk_key(key, '\0')), n1)];
        let rest = &text.as_bytes()[i..];
        for (list, known) in lists {
            for &id in list {
                let form = self.patterns[id as usize].tokens[0].as_bytes();
                if rest.len() >= form.len()
                    && rest[known..form.len()].eq_ignore_ascii_case(&form[known..])
                {
                    return Some(RawMatch {
                        start: i,
                        end: i + form.len(),
                        pattern: id,
                    });
                }
            }
        }
        None
    }

    /// Tries every candidate that starts with the word `text[start..end]` (folded `key`).
    fn match_at(
        &self,
        text: &str,
        start: usize,
        end: usize,
        apos: Option<usize>,
        key: &str,
        scratch: &mut String,
    ) -> Option<RawMatch> {
        if let Some(fw) = self.first.get(key.as_bytes()) {
            if let Some(m) = self.word_candidates(fw, text, start, end, scratch) {
                return Some(m);
            }
        }
        // possessive: the first word alone, without its 's
        if let Some(stem) = possessive_stem(key) {
            if let (Some(fw), Some(a)) = (self.first.get(stem.as_bytes()), apos) {
                for c in fw.all.iter() {
                    let p = &self.patterns[c.id as usize];
                    if p.tokens.len() == 1 && !p.prefix_last && self.case_ok(p, text, start, a) {
                        return Some(RawMatch {
                            start,
                            end: a,
                            pattern: c.id,
                        });
                    }
                }
            }
        }
        // single-word prefixes, longest prefix first
        let e = match (possessive_stem(key), apos) {
            (Some(_), Some(a)) => a,
            _ => end,
        };
        let key = key.as_bytes();
        let bucket = (key.len() >= PREFIX_BUCKET)
            .then(|| self.prefixes.buckets.get(&key[..PREFIX_BUCKET]))
            .flatten();
        self.prefixes.first_match(
            bucket,
            |k| key.starts_with(k),
            |ids| self.prefix_candidates(ids, text, start, e),
        )
    }

    /// Checks tokens `1..` of `p` after the first word, which ends at `end`.
    fn try_pattern(&self, p: &Pattern, text: &str, end: usize, buf: &mut String) -> Option<usize> {
        let n = p.tokens.len();
        if n == 1 {
            return if p.prefix_last { None } else { Some(end) };
        }
        let bytes = text.as_bytes();
        let mut pos = end;
        for (k, tok) in p.tokens.iter().enumerate().skip(1) {
            let nw = next_word(text, pos)?;
            let (pos_w, we, ascii, apos) = (nw.start, nw.end, nw.ascii, nw.apos);
            pos = pos_w;
            let last = k == n - 1;
            let tok = tok.as_bytes();
            if ascii && apos.is_none() {
                // plain ASCII word: compare in place
                let w = &bytes[pos..we];
                if !last {
                    if !w.eq_ignore_ascii_case(tok) {
                        return None;
                    }
                    pos = we;
                    continue;
                }
                let ok = if p.prefix_last {
                    w.len() >= tok.len() && w[..tok.len()].eq_ignore_ascii_case(tok)
                } else {
                    w.eq_ignore_ascii_case(tok)
                };
                return ok.then_some(we);
            }
            fold_word(&text[pos..we], ascii, buf);
            if !last {
                if buf.as_bytes() != tok {
                    return None;
                }
                pos = we;
                continue;
            }
            if buf.as_bytes() == tok && !p.prefix_last {
                return Some(we);
            }
            let stem = possessive_stem(buf);
            if let (Some(stem), Some(a)) = (stem, apos) {
                if p.prefix_last && stem.as_bytes().starts_with(tok) || stem.as_bytes() == tok {
                    return Some(a);
                }
            }
            if p.prefix_last && buf.as_bytes().starts_with(tok) {
                return Some(we);
            }
            return None;
        }
        None
    }

    fn case_ok(&self, p: &Pattern, text: &str, start: usize, end: usize) -> bool {
        let Some(words) = &p.case else { return true };
        let span = &text[start..end];
        let mut k = 0;
        let mut i = 0;
        while i < span.len() {
            let Some(c) = next_char(span, i) else { break };
            if is_word_char(c) {
                let (e, _, _) = word_end(span, i);
                let Some(w) = words.get(k) else { return false };
                let got = &span[i..e];
                let last = k + 1 == words.len();
                let ok = if p.prefix_last && last {
                    got.starts_with(&**w)
                } else {
                    got == &**w
                };
                if !ok {
                    return false;
                }
                k += 1;
                i = e;
            } else {
                i += c.len_utf8();
            }
        }
        k == words.len()
    }
}

/// The byte after the next apostrophe in `text[from + 1..end]` (`end` if there is none).
fn after_apostrophe(text: &str, from: usize, end: usize) -> usize {
    let mut k = from + 1;
    while k < end {
        match next_char(text, k) {
            Some(c) if crate::normalize::is_apostrophe(c) => return k + c.len_utf8(),
            Some(c) => k += c.len_utf8(),
            None => return end,
        }
    }
    end
}

/// CJK variants by their first two characters ([`cjk_key`]; the second is `'\0'` for
/// one-character variants): an open-addressing table of pattern id lists.
#[derive(Debug, Default)]
struct CjkTable {
    /// (key, start and end in `ids`); key 0: empty slot
    slots: Box<[(u64, u32, u32)]>,
    mask: usize,
    ids: Vec<u32>,
}

impl CjkTable {
    fn new(map: HashMap<u64, Vec<u32>>) -> CjkTable {
        let cap = (map.len() * 2).next_power_of_two().max(16);
        let mut t = CjkTable {
            slots: vec![(0, 0, 0); cap].into_boxed_slice(),
            mask: cap - 1,
            ids: Vec::new(),
        };
        let mut entries: Vec<_> = map.into_iter().collect();
        entries.sort_unstable();
        for (k, ids) in entries {
            let mut s = Self::slot(k) & t.mask;
            while t.slots[s].0 != 0 {
                s = (s + 1) & t.mask;
            }
            let start = t.ids.len() as u32;
            t.ids.extend(ids);
            t.slots[s] = (k, start, t.ids.len() as u32);
        }
        t
    }

    #[inline(always)]
    fn slot(k: u64) -> usize {
        ((k ^ (k >> 29)).wrapping_mul(HASH_K) >> 32) as usize
    }

    fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The pattern ids under `k`, longest form first.
    #[inline]
    fn get(&self, k: u64) -> &[u32] {
        if self.ids.is_empty() {
            return &[];
        }
        let mut s = Self::slot(k) & self.mask;
        loop {
            let (key, a, b) = self.slots[s];
            if key == k {
                return &self.ids[a as usize..b as usize];
            }
            if key == 0 {
                return &[];
            }
            s = (s + 1) & self.mask;
        }
    }

    fn heap_bytes(&self) -> usize {
        self.slots.len() * 16 + self.ids.len() * 4
    }
}

/// Key of [`Matcher::cjk`]: the first two characters of a variant.
#[inline(always)]
fn cjk_key(first: char, second: char) -> u64 {
    (first as u64) << 32 | second as u64
}

/// Whether a CJK character counts as a word: `char::is_alphanumeric`, answered without the
/// Unicode table lookup for the ideographs and syllables that are all letters.
#[inline]
fn is_cjk_letter(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FEF | 0x3400..=0x4DB5 | 0xAC00..=0xD7A3) || c.is_alphanumeric()
}

/// The candidate record of pattern `id` under its first word.
fn cand(id: u32, rank: u32, p: &Pattern) -> Cand {
    let plain = |t: &[u8]| t.iter().all(u8::is_ascii_alphanumeric);
    let second = p.tokens.get(1).map(|t| t.as_bytes());
    let plain_second = second.is_some_and(plain);
    let third = p
        .tokens
        .get(2)
        .map(|t| t.as_bytes())
        .filter(|t| plain(t) && !(p.prefix_last && p.tokens.len() == 3));
    Cand {
        plain_second,
        third: third.map_or(0, |t| word_hash::<false>(t, 0, t.len())),
        id,
        rank,
        words: p.tokens.len() as u32,
        second: second.map_or(0, |t| word_hash::<false>(t, 0, t.len())),
        // a prefix second word, or one that no plain ASCII word folds to: checked in full
        check_second: (p.prefix_last && p.tokens.len() == 2) || !plain_second,
        case: p.case.is_some(),
    }
}

/// The word that follows a phrase separator at `pos`, as found by [`next_word`].
#[derive(Debug, Clone, Copy)]
struct NextWord {
    start: usize,
    end: usize,
    ascii: bool,
    apos: Option<usize>,
    /// ASCII letters and digits only: compared in place, without folding
    plain: bool,
}

/// The first position at or after `i` that is not an ASCII letter or digit, eight bytes at
/// a time.
#[inline]
fn ascii_word_end(bytes: &[u8], mut i: usize) -> usize {
    loop {
        let x = match bytes.get(i..i + 8) {
            Some(c) => {
                let mut a = [0u8; 8];
                a.copy_from_slice(c);
                u64::from_le_bytes(a)
            }
            None => {
                let mut a = [b' '; 8];
                let rest = &bytes[i.min(bytes.len())..];
                a[..rest.len()].copy_from_slice(rest);
                u64::from_le_bytes(a)
            }
        };
        let stop = !class_masks8(x).0 & 0xFF;
        if stop != 0 {
            return (i + stop.trailing_zeros() as usize).min(bytes.len());
        }
        i += 8;
    }
}

/// Skips one phrase separator run at `pos` (whitespace, dashes; at least one character) and
/// returns the word that starts after it, if a word starts there.
#[inline]
fn next_word(text: &str, mut pos: usize) -> Option<NextWord> {
    let bytes = text.as_bytes();
    let sep_start = pos;
    loop {
        match bytes.get(pos) {
            Some(b' ') => pos += 1,
            Some(&b) if !(0x20..0x80).contains(&b) || b == b'-' => match next_char(text, pos) {
                Some(c) if is_phrase_separator(c) => pos += c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    if pos == sep_start {
        return None;
    }
    // the common case: ASCII letters and digits followed by ASCII other than an apostrophe
    let j = ascii_word_end(bytes, pos);
    if j > pos {
        let after = bytes.get(j).copied().unwrap_or(b' ');
        if after < 0x80 && after != b'\'' && after != b'`' {
            return Some(NextWord {
                start: pos,
                end: j,
                ascii: true,
                apos: None,
                plain: true,
            });
        }
    }
    let c = next_char(text, pos)?;
    if !is_word_char(c) {
        return None;
    }
    let (end, ascii, apos) = word_end(text, pos);
    Some(NextWord {
        start: pos,
        end,
        ascii,
        apos,
        plain: ascii && apos.is_none(),
    })
}

/// The words of a form as written (for case-sensitive patterns), apostrophes normalised.
fn original_words(form: &str) -> Vec<Box<str>> {
    let mut out: Vec<Box<str>> = Vec::new();
    let mut i = 0;
    while i < form.len() {
        let Some(c) = next_char(form, i) else { break };
        if is_word_char(c) {
            let (e, _, _) = word_end(form, i);
            out.push(Box::<str>::from(&form[i..e]));
            i = e;
        } else {
            i += c.len_utf8();
        }
    }
    if let Some(last) = out.last_mut() {
        let s: &str = last;
        if let Some(stem) = s.strip_suffix("'s").or_else(|| s.strip_suffix("’s")) {
            if !stem.is_empty() {
                *last = Box::<str>::from(stem);
            }
        }
    }
    out
}

/// A CJK variant as searched: NFKC, whitespace removed (CJK text has no spaces).
fn fold_phrase_cjk(form: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    form.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// Rewrites `\b` and `\B` (outside character classes) as ASCII word boundaries, which the
/// regex crate's fast DFA engines support; match edges are checked again with Unicode word
/// characters afterwards.
fn ascii_boundaries(src: &str) -> String {
    let mut out = String::with_capacity(src.len() + 16);
    let mut chars = src.chars();
    let mut class = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(b @ ('b' | 'B')) if class == 0 => {
                    out.push_str("(?-u:\\");
                    out.push(b);
                    out.push(')');
                }
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            },
            '[' => {
                class += 1;
                out.push(c);
            }
            ']' if class > 0 => {
                class -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Whether a regex match starts and ends on word edges.
fn on_word_edges(text: &str, start: usize, end: usize) -> bool {
    let first = next_char(text, start);
    let before = text[..start].chars().next_back();
    let last = text[..end].chars().next_back();
    let after = next_char(text, end);
    let starts_ok = !(first.is_some_and(is_word_char) && before.is_some_and(is_word_char));
    let ends_ok = !(last.is_some_and(is_word_char) && after.is_some_and(is_word_char));
    starts_ok && ends_ok
}

/// Sorts matches by start (longer first on ties) and drops those that overlap an earlier one.
fn merge_overlaps(v: &mut Vec<RawMatch>) {
    v.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut last_end = 0;
    let mut first = true;
    v.retain(|m| {
        if first || m.start >= last_end {
            first = false;
            last_end = m.end;
            true
        } else {
            false
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(forms: &[(&str, MatchMode, bool)]) -> Matcher {
        let vs: Vec<Variant> = forms
            .iter()
            .enumerate()
            .map(|(i, (f, m, c))| Variant {
                form: f,
                mode: *m,
                case_sensitive: *c,
                target: i as u32,
            })
            .collect();
        Matcher::new(
            &vs,
            Limits {
                max_patterns: 1000,
                regex_size: 1 << 20,
            },
        )
        .unwrap()
    }

    /// The texts of the matches `m` finds in `text`.
    fn found<'t>(m: &Matcher, text: &'t str) -> Vec<&'t str> {
        let mut out = Vec::new();
        m.scan(text, &mut out);
        out.iter().map(|r| &text[r.start..r.end]).collect()
    }

    /// (name, terms, text, expected matched slices)
    #[allow(clippy::type_complexity)]
    const CASES: &[(&str, &[&str], &str, &[&str])] = &[
        ("word boundary", &["Tibet"], "Tibetans in Tibet", &["Tibet"]),
        (
            "longest wins",
            &["East Turkestan", "East Turkestan Government-in-Exile"],
            "the East Turkestan Government in Exile said",
            &["East Turkestan Government in Exile"],
        ),
        (
            "failed longer keeps shorter",
            &["Taiwan", "Taiwan Strait"],
            "the Taiwan Straits",
            &["Taiwan"],
        ),
        ("possessive", &["China"], "China’s policy", &["China"]),
        (
            "possessive third word",
            &["Human Rights Watch", "human rights"],
            "Human Rights Watch’s report",
            &["Human Rights Watch"],
        ),
        (
            "third word decides",
            &["Hong Kong", "Hong Kong Watch", "Hong Kong Free Press"],
            "Hong Kong Free Press and Hong Kong watchers, Hong Kong Watch",
            &["Hong Kong Free Press", "Hong Kong", "Hong Kong Watch"],
        ),
        (
            "line break in phrase",
            &["Hong Kong"],
            "in Hong\nKong today",
            &["Hong\nKong"],
        ),
        ("unicode case", &["Ürümqi"], "ÜRÜMQI riots", &["ÜRÜMQI"]),
        (
            "curly apostrophe blocks",
            &["Republic of China", "People's Republic of China"],
            "the People’s Republic of China",
            &["People’s Republic of China"],
        ),
        (
            "cjk without spaces",
            &["西藏", "达赖喇嘛"],
            "关于西藏和达赖喇嘛的问题",
            &["西藏", "达赖喇嘛"],
        ),
        ("full width", &["Tibet"], "ＴＩＢＥＴ", &["ＴＩＢＥＴ"]),
        (
            "hyphen equals space",
            &["Government in Exile"],
            "Government-in-Exile",
            &["Government-in-Exile"],
        ),
        ("empty text", &["Tibet"], "", &[]),
        ("no hits", &["Tibet"], "nothing to see", &[]),
        (
            "punctuation inside phrase fails",
            &["Hong Kong"],
            "Hong, Kong",
            &[],
        ),
    ];

    #[test]
    fn table() {
        for (name, terms, text, want) in CASES {
            let forms: Vec<_> = terms
                .iter()
                .map(|t| (*t, MatchMode::Exact, false))
                .collect();
            assert_eq!(&found(&matcher(&forms), text), want, "case {name}");
        }
    }

    #[test]
    fn prefix_and_case() {
        let m = matcher(&[
            ("Uyghur*", MatchMode::Prefix, false),
            ("TAR", MatchMode::Exact, true),
        ]);
        let text = "Uyghurs and the TAR, not tar; Uyghur’s";
        assert_eq!(found(&m, text), ["Uyghurs", "TAR", "Uyghur"]);
    }

    #[test]
    fn second_word_filter_edges() {
        let m = matcher(&[
            ("Hong Kong", MatchMode::Exact, false),
            ("rights o*", MatchMode::Prefix, false),
            ("rights", MatchMode::Exact, false),
        ]);
        // a fullwidth letter folds to ASCII; a one-byte prefix takes any second byte
        let text = "Hong Kｏng rights office, rights x";
        assert_eq!(found(&m, text), ["Hong Kｏng", "rights office", "rights"]);
    }

    #[test]
    fn regex_with_edges() {
        let m = matcher(&[(r"article\s+23", MatchMode::Regex, false)]);
        let text = "Article 23 and particle 230";
        let mut out = Vec::new();
        m.scan(text, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(&text[out[0].start..out[0].end], "Article 23");
    }

    #[test]
    fn word_count_equals_segment() {
        let m = matcher(&[("x", MatchMode::Exact, false)]);
        for t in ["Tibet’s people, 西藏 and ＴＩＢＥＴ", "a-b c\u{00AD}d", ""] {
            let mut out = Vec::new();
            assert_eq!(
                m.scan(t, &mut out).words,
                crate::segment::word_count(t),
                "{t}"
            );
        }
    }

    #[test]
    fn cjk_letter_shortcut_agrees_with_unicode() {
        for c in [
            '\u{3400}', '\u{4DB5}', '\u{4E00}', '\u{9FEF}', '\u{AC00}', '\u{D7A3}',
        ]
        .into_iter()
        .chain(('\u{2E80}'..='\u{D7AF}').filter(|&c| is_cjk(c)))
        {
            assert_eq!(is_cjk_letter(c), c.is_alphanumeric(), "{:X}", c as u32);
        }
    }

    proptest::proptest! {
        /// The bit scans over the byte-class masks find what byte-by-byte loops find, at
        /// every position, across block edges and in the padded last block.
        #[test]
        fn block_masks_agree_with_byte_loops(
            bytes in proptest::collection::vec(proptest::prop_oneof![
                proptest::sample::select(b"aZ09 .,'`-\n\x7f@[{".to_vec()),
                0x80u8..=0xFF,
                0u8..0x80,
            ], 0..300)
        ) {
            for c in bytes.chunks(64) {
                let mut block = [b' '; 64];
                block[..c.len()].copy_from_slice(c);
                proptest::prop_assert_eq!(block_masks(&block), block_masks_swar(&block));
            }
            let mut blocks = Blocks::new(&bytes);
            for i in 0..=bytes.len() {
                let interesting = (i..bytes.len())
                    .find(|&k| {
                        let b = bytes[k];
                        b.is_ascii_alphanumeric() || b >= 0x80 || b == b'\'' || b == b'`'
                    })
                    .unwrap_or(bytes.len());
                proptest::prop_assert_eq!(blocks.next_interesting(i).min(bytes.len()), interesting);
                let end = (i..bytes.len())
                    .find(|&k| !bytes[k].is_ascii_alphanumeric())
                    .unwrap_or(bytes.len());
                proptest::prop_assert_eq!(blocks.word_end(i), end);
                proptest::prop_assert_eq!(ascii_word_end(&bytes, i), end);
            }
        }
    }

    /// The matcher of the built-in lexicons, and the words of their variants.
    fn builtin_matcher() -> (Matcher, Vec<String>) {
        let lexicons = crate::Lexicon::builtin().unwrap();
        let mut vs = Vec::new();
        let mut words = Vec::new();
        for e in lexicons.iter().flat_map(|l| &l.entries) {
            for (v, mode) in e
                .variants
                .iter()
                .map(|v| (v, e.mode))
                .chain(e.short_forms.iter().map(|v| (v, MatchMode::Exact)))
            {
                vs.push(Variant {
                    form: v,
                    mode,
                    case_sensitive: e.case_sensitive,
                    target: vs.len() as u32,
                });
                if mode != MatchMode::Regex {
                    words.extend(
                        v.split([' ', '-'])
                            .map(|w| w.trim_end_matches('*').to_string()),
                    );
                }
            }
        }
        let limits = Limits {
            max_patterns: 100_000,
            regex_size: 1 << 24,
        };
        (Matcher::new(&vs, limits).unwrap(), words)
    }

    #[test]
    fn gate_passes_every_key() {
        let (m, _) = builtin_matcher();
        for k in m
            .first
            .keys
            .iter()
            .filter(|k| k.iter().all(u8::is_ascii_alphanumeric))
        {
            assert!(
                m.gate.test(load::<false>(k, 0, k.len().min(8)), k.len()) & Gate::FIRST != 0,
                "{k:?}"
            );
        }
        let mut starts: Vec<Vec<u8>> = m.prefixes.keys.iter().map(|(k, _)| k.to_vec()).collect();
        starts.extend(
            m.regexes
                .iter()
                .flat_map(|r| r.trigger_heads())
                .map(<[u8]>::to_vec),
        );
        starts.extend(
            (0..=127u8)
                .filter(|&b| m.cjk_ascii[b as usize])
                .map(|b| vec![b]),
        );
        assert!(
            starts.iter().any(|k| k.len() == 1),
            "a one-byte key is tested"
        );
        assert!(
            starts.iter().any(|k| k.len() == 2),
            "a two-byte key is tested"
        );
        assert!(
            starts.iter().any(|k| k.len() == 3),
            "a three-byte key is tested"
        );
        for k in starts
            .iter()
            .filter(|k| k.iter().all(u8::is_ascii_alphanumeric))
        {
            for tail in ["", "s", "ed", "x9z", "abcdefgh"] {
                let w = [&k[..], tail.as_bytes()].concat();
                let x = load::<true>(&w, 0, w.len().min(8));
                assert!(
                    m.gate.test(x, w.len()) & Gate::LEAD != 0,
                    "{:?}",
                    String::from_utf8_lossy(&w)
                );
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// The gate changes no match: scanning with it finds what scanning with a gate that
        /// lets every word through finds, on text made of the built-in lexicons' words,
        /// common words and random ones in any case.
        #[test]
        fn gate_changes_no_match(
            picks in proptest::collection::vec(
                (0..10_000usize, 0..3usize, 0..6usize, "[a-zA-Z0-9]{1,12}"),
                0..60,
            ),
        ) {
            static BUILTIN: std::sync::OnceLock<(Matcher, Matcher, Vec<String>)> =
                std::sync::OnceLock::new();
            let (gated, open, words) = BUILTIN.get_or_init(|| {
                let (gated, words) = builtin_matcher();
                let mut open = builtin_matcher().0;
                let gate = &mut open.gate;
                for bits in [&mut gate.first[..], &mut gate.lead4[..], &mut gate.short[..]] {
                    bits.fill(u64::MAX);
                }
                (gated, open, words)
            });
            const COMMON: [&str; 12] = [
                "the", "this", "states", "than", "release", "of", "be", "new", "709", "a", "for",
                "statehood",
            ];
            const SEPS: [&str; 6] = [" ", ", ", "-", ". ", "\n", "’s "];
            let mut text = String::new();
            for (k, source, sep, random) in &picks {
                let w = match source {
                    0 => words[k % words.len()].clone(),
                    1 => COMMON[k % COMMON.len()].to_string(),
                    _ => random.clone(),
                };
                text.push_str(&if k % 3 == 0 { w.to_uppercase() } else { w });
                text.push_str(SEPS[*sep]);
            }
            let (mut a, mut b) = (Vec::new(), Vec::new());
            let (sa, sb) = (gated.scan(&text, &mut a), open.scan(&text, &mut b));
            proptest::prop_assert_eq!(sa.words, sb.words);
            proptest::prop_assert_eq!(a, b, "{:?}", text);
        }
    }

    proptest::proptest! {
        /// What `next_lead_bit` claims about the next word holds: 0 means that no word
        /// follows, any other bit is that of the next word's first two bytes.
        #[test]
        fn next_lead_bit_tells_the_truth(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', 'B', 'z', '7', ' ', ' ', '.', ',', '-', '\'', '(', '\n', '\t', 'é', '’',
                '\u{2014}', '\u{3000}', '\u{0301}', '西', '\u{7F}', '\u{1C}',
            ]), 0..40),
        ) {
            let text: String = chars.into_iter().collect();
            let bytes = text.as_bytes();
            for end in 1..=bytes.len() {
                if !text.is_char_boundary(end) || !bytes[end - 1].is_ascii_alphanumeric() {
                    continue;
                }
                let Some(bit) = next_lead_bit(bytes, end) else { continue };
                match next_word(&text, end) {
                    None => proptest::prop_assert_eq!(bit, 0, "{:?} at {}", text, end),
                    Some(w) => {
                        let mut key = String::new();
                        fold_word(&text[w.start..w.end], w.ascii, &mut key);
                        let k = key.as_bytes();
                        let b1 = k.get(1).copied().filter(u8::is_ascii_alphanumeric).unwrap_or(0);
                        proptest::prop_assert_eq!(bit, second_lead_bit(k[0], b1), "{:?} at {}", text, end);
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        /// Candidates found through the pair table (and rejected on the first bytes of their
        /// second word, or on their third word) are the ones the plain walk over all
        /// candidates of a first word finds.
        #[test]
        fn pair_table_agrees_with_walking_all_candidates(
            forms in proptest::collection::vec(
                (proptest::collection::vec(0..8usize, 1..5), proptest::bool::ANY, proptest::bool::ANY),
                1..12,
            ),
            words in proptest::collection::vec((0..11usize, 0..4usize, 0..7usize), 0..40),
        ) {
            const VOCAB: [&str; 11] = [
                "hong", "kong", "lama's", "dalai", "rights", "o", "watch", "défense", "human", "of",
                "tar",
            ];
            const CASES: [fn(&str) -> String; 4] = [
                |w| w.to_string(),
                |w| w.to_uppercase(),
                |w| {
                    let mut c = w.chars();
                    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
                },
                |w| w.to_string(),
            ];
            const SEPS: [&str; 7] = [" ", "  ", "-", ", ", "\n", "’s ", " \u{0301}"];
            let texts: Vec<String> = forms
                .iter()
                .map(|(ws, prefix, _)| {
                    let f: Vec<&str> = ws.iter().map(|&w| VOCAB[w]).collect();
                    format!("{}{}", f.join(" "), if *prefix { "*" } else { "" })
                })
                .collect();
            let variants: Vec<(&str, MatchMode, bool)> = texts
                .iter()
                .zip(&forms)
                .map(|(t, (_, prefix, case))| {
                    let mode = if *prefix { MatchMode::Prefix } else { MatchMode::Exact };
                    (t.as_str(), mode, *case)
                })
                .collect();
            let mut text = String::new();
            for &(w, c, sep) in &words {
                text.push_str(&CASES[c](VOCAB[w]));
                text.push_str(SEPS[sep]);
            }
            let fast = matcher(&variants);
            let mut plain = matcher(&variants);
            plain.pairs = PairTable::default();
            for fw in plain.first.ids.iter_mut() {
                fw.paired = false;
                fw.second_leads = u64::MAX;
            }
            let (mut a, mut b) = (Vec::new(), Vec::new());
            fast.scan(&text, &mut a);
            plain.scan(&text, &mut b);
            proptest::prop_assert_eq!(a, b, "{:?} in {:?}", texts, text);
        }
    }
}
