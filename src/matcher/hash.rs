//! The word hash every table of the matcher shares: a folded word and an ASCII word of the
//! text (hashed as if lowercased, straight from its bytes) hash alike.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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

pub(crate) type WordMap<V> = HashMap<Box<str>, V, BuildHasherDefault<WordHasher>>;

pub(crate) const HASH_K: u64 = 0x517c_c1b7_2722_0a95;

/// Reads up to 8 bytes of `bytes[at..at + n]` (`n <= 8`) as a little-endian word, zero-padded;
/// with `LOWER`, ASCII letters are lowercased (the caller guarantees ASCII letters or digits,
/// for which setting bit 5 is lowercasing).
#[inline(always)]
pub(crate) fn load<const LOWER: bool>(bytes: &[u8], at: usize, n: usize) -> u64 {
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
pub(crate) fn word_hash<const LOWER: bool>(bytes: &[u8], start: usize, end: usize) -> u64 {
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

/// Size of a table's filter of hash bits, in bits (log 2).
pub(crate) const FILTER_BITS: u32 = 16;

/// Bit of a hash in a table filter (bits the slot index does not start from).
#[inline(always)]
pub(crate) fn filter_index(h: u64) -> usize {
    (h >> 40) as usize & ((1 << FILTER_BITS) - 1)
}
