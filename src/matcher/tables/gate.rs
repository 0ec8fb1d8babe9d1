//! The gate: the first test of a word of ASCII letters and digits, which rules out most
//! words that start nothing.

use crate::matcher::hash::HASH_K;

/// The first test of an ASCII word of letters and digits, on its first eight bytes `x`
/// (lowercased, zero past its end, see [`crate::matcher::hash::load`]) and its length, with one bit of each of
/// three small bitmaps (18 KiB in all, so they stay in the L1 cache): whether the word may
/// be a first word of `Matcher::first` (a hash of `x` and the length), and whether it may
/// start a prefix pattern, a regex trigger or a CJK variant (a hash of its first four bytes
/// for keys of three bytes or more; its first two bytes for shorter ones). The bitmaps hold
/// the bits of every key, so a word that fails starts no match: the gate only errs by
/// letting a word through (about one word in twenty of those that start nothing, with the
/// built-in lexicons).
#[derive(Debug)]
pub(crate) struct Gate {
    /// bit [`Gate::first_bit`] of every first word
    pub(crate) first: Box<[u64; Gate::WORDS]>,
    /// bit [`Gate::lead4_bit`] of every word start of four bytes that starts with a prefix
    /// key or trigger head of three bytes or more
    pub(crate) lead4: Box<[u64; Gate::WORDS]>,
    /// bit [`Gate::short_bit`] of every word start of two bytes that starts with a key of
    /// one or two bytes (prefix keys, trigger heads, ASCII first characters of CJK variants)
    pub(crate) short: Box<[u64; Gate::SHORT_WORDS]>,
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
    /// [`Gate::test`]: the word may be a first word of `Matcher::first`
    pub(crate) const FIRST: u32 = 1;
    /// [`Gate::test`]: the word may start a prefix key, a trigger head or a CJK variant
    pub(crate) const LEAD: u32 = 2;

    pub(crate) fn new() -> Gate {
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

    pub(crate) fn set_first(&mut self, x: u64, len: usize) {
        Gate::set(&mut self.first[..], Gate::first_bit(x, len));
    }

    /// Sets the bits of every word that starts with `key` (a prefix key, trigger head or the
    /// first character of a CJK variant); a key with a byte no word of ASCII letters and
    /// digits holds sets nothing.
    pub(crate) fn set_lead(&mut self, key: &[u8]) {
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
    pub(crate) fn test(&self, x: u64, len: usize) -> u32 {
        let (f, l, s) = (
            Gate::first_bit(x, len),
            Gate::lead4_bit(x),
            Gate::short_bit(x),
        );
        let first = (self.first[f / 64] >> (f % 64)) & 1;
        let lead = ((self.lead4[l / 64] >> (l % 64)) | (self.short[s / 64] >> (s % 64))) & 1;
        (first | lead << 1) as u32
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        (self.first.len() + self.lead4.len() + self.short.len()) * 8
    }
}
