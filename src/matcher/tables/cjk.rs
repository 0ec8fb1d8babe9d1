//! Variants written in CJK scripts, by their first two characters.

use crate::matcher::hash::HASH_K;
use std::collections::HashMap;

/// CJK variants by their first two characters ([`cjk_key`]; the second is `'\0'` for
/// one-character variants): an open-addressing table of pattern id lists.
#[derive(Debug, Default)]
pub(crate) struct CjkTable {
    /// (key, start and end in `ids`); key 0: empty slot
    pub(crate) slots: Box<[(u64, u32, u32)]>,
    pub(crate) mask: usize,
    pub(crate) ids: Vec<u32>,
}

impl CjkTable {
    pub(crate) fn new(map: HashMap<u64, Vec<u32>>) -> CjkTable {
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

    pub(crate) fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The pattern ids under `k`, longest form first.
    #[inline]
    pub(crate) fn get(&self, k: u64) -> &[u32] {
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

    pub(crate) fn heap_bytes(&self) -> usize {
        self.slots.len() * 16 + self.ids.len() * 4
    }
}

/// Key of [`CjkTable`]: the first two characters of a variant.
#[inline(always)]
pub(crate) fn cjk_key(first: char, second: char) -> u64 {
    (first as u64) << 32 | second as u64
}

/// Whether a CJK character counts as a word: `char::is_alphanumeric`, answered without the
/// Unicode table lookup for the ideographs and syllables that are all letters.
#[inline]
pub(crate) fn is_cjk_letter(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FEF | 0x3400..=0x4DB5 | 0xAC00..=0xD7A3) || c.is_alphanumeric()
}
