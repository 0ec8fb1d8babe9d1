//! Multi-word candidates by their first word and the hash of their second.

use super::Cand;
use crate::matcher::hash::{filter_index, FILTER_BITS, HASH_K};

/// Multi-word candidates whose second word is plain and matched whole, by their first word
/// and the hash of their second: after a first word with dozens of candidates (`rights`,
/// `freedom`, `Hong`), one lookup finds the few that the next word can continue, instead of
/// a walk over them all.
#[derive(Debug, Default)]
pub(crate) struct PairTable {
    /// (second-word hash, first word key, start and end in `cands`); `end == 0`: empty
    pub(crate) slots: Box<[(u64, u32, u32, u32)]>,
    pub(crate) mask: usize,
    /// one bit per value of [`filter_index`] of the keys' slot hashes
    pub(crate) filter: Box<[u64]>,
    /// candidates grouped by key, each group longest first
    pub(crate) cands: Vec<Cand>,
}

#[inline(always)]
fn pair_slot_hash(first: u32, second: u64) -> u64 {
    let h = (second ^ (first as u64).wrapping_mul(HASH_K)).wrapping_mul(HASH_K);
    h ^ (h >> 29)
}

impl PairTable {
    /// `(first word key, candidate)` pairs, each first word's candidates in rank order.
    pub(crate) fn new(mut pairs: Vec<(u32, Cand)>) -> PairTable {
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
    pub(crate) fn get(&self, first: u32, second: u64) -> &[Cand] {
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

    pub(crate) fn heap_bytes(&self) -> usize {
        self.slots.len() * 24 + self.filter.len() * 8 + self.cands.len() * 32
    }
}
