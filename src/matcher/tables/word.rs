//! The table of first words: folded words to their candidates, probed straight from the
//! bytes of the text.

use crate::matcher::hash::{filter_index, load, word_hash, FILTER_BITS};
use std::collections::HashMap;

/// An open-addressing table from folded words to pattern id lists, probed straight from the
/// bytes of the text: an ASCII word is hashed as if lowercased, without being copied.
#[derive(Debug)]
pub(crate) struct WordTable<V> {
    pub(crate) slots: Box<[Slot]>,
    pub(crate) mask: usize,
    /// one bit per value of the low [`FILTER_BITS`] hash bits of the keys: a small (8 KiB)
    /// filter that stays in the L1 cache and rejects most words before the table is read
    pub(crate) filter: Box<[u64]>,
    pub(crate) keys: Vec<Box<[u8]>>,
    pub(crate) ids: Vec<V>,
}

/// A slot of a [`WordTable`]: the key's first eight bytes inline, so that a word of up to
/// eight bytes is compared without reading the key from elsewhere.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Slot {
    pub(crate) key8: u64,
    /// high hash bits, with the key length (capped at 255) in the low byte
    pub(crate) tag: u32,
    /// key index + 1; 0 marks an empty slot
    pub(crate) idx: u32,
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
    pub(crate) fn from_map(map: HashMap<Box<[u8]>, V>) -> WordTable<V> {
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
    pub(crate) fn probe(
        &self,
        h: u64,
        len: usize,
        key8: u64,
        rest_eq: impl Fn(&[u8]) -> bool,
    ) -> Option<&V> {
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
    pub(crate) fn get(&self, folded: &[u8]) -> Option<&V> {
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
    pub(crate) fn get_ascii(&self, bytes: &[u8], start: usize, end: usize) -> Option<&V> {
        let n = end - start;
        self.probe(
            word_hash::<true>(bytes, start, end),
            n,
            load::<true>(bytes, start, n.min(8)),
            |rest| rest.len() == n - 8 && bytes[start + 8..end].eq_ignore_ascii_case(rest),
        )
    }

    pub(crate) fn heap_bytes(&self, value_bytes: impl Fn(&V) -> usize) -> usize {
        self.slots.len() * std::mem::size_of::<Slot>()
            + self.filter.len() * 8
            + self.keys.iter().map(|k| k.len() + 16).sum::<usize>()
            + self.ids.iter().map(value_bytes).sum::<usize>()
    }
}
