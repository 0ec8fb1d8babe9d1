//! Single-word prefix patterns (`Uyghur*`), bucketed by their first bytes.

use super::WordTable;
use crate::matcher::hash::WordMap;
use std::collections::HashMap;

/// Single-word prefix patterns, bucketed by the first [`PREFIX_BUCKET`] bytes of the prefix:
/// one lookup per word instead of one per distinct prefix length.
#[derive(Debug, Default)]
pub(crate) struct PrefixIndex {
    /// first bytes -> indices into `keys`, longest key first
    pub(crate) buckets: WordTable<Vec<u32>>,
    /// prefixes shorter than a bucket key, longest first
    pub(crate) short: Vec<u32>,
    /// folded prefix and its pattern ids
    pub(crate) keys: Vec<(Box<[u8]>, Vec<u32>)>,
}

/// Bytes of a prefix that pick its bucket.
pub(crate) const PREFIX_BUCKET: usize = 3;

impl PrefixIndex {
    pub(crate) fn new(map: WordMap<Vec<u32>>) -> PrefixIndex {
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
    pub(crate) fn first_match<T>(
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

    pub(crate) fn heap_bytes(&self) -> usize {
        self.buckets.heap_bytes(|v| 24 + v.len() * 4)
            + self.short.len() * 4
            + self
                .keys
                .iter()
                .map(|(k, v)| 40 + k.len() + v.len() * 4)
                .sum::<usize>()
    }
}
