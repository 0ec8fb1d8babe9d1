//! Bit masks of 64-byte blocks of a text: bit k of a mask tells something about byte k of the
//! block (is it an ASCII letter or digit, may it end a sentence). The word scanner
//! ([`crate::matcher`]) and the sentence splitter ([`crate::segment`]) find the next
//! interesting byte with a bit scan over these masks instead of a branch per byte.
//!
//! On x86_64 a block is compared sixteen bytes at a time with SSE2; elsewhere eight bytes at
//! a time in a `u64` (SWAR) or a byte at a time. This module holds the crate's only `unsafe`
//! code, the calls into the SSE2 functions and [`string_from_utf8`] (bytes that a SIMD check
//! found to be UTF-8 taken as a `String`); the tests check every fast version against its
//! fallback.
#![allow(unsafe_code)]

/// Bytes in a block.
pub(crate) const BLOCK: usize = 64;

/// Calls `f` with the 64 bytes of `bytes` from `base` (a multiple of 64 below
/// `bytes.len()`), the last block padded with spaces.
#[inline(always)]
pub(crate) fn with_block<R>(bytes: &[u8], base: usize, f: impl FnOnce(&[u8; BLOCK]) -> R) -> R {
    let full = bytes.get(base..base + BLOCK);
    match full.and_then(|b| <&[u8; BLOCK]>::try_from(b).ok()) {
        Some(block) => f(block),
        None => {
            let mut block = [b' '; BLOCK];
            let have = &bytes[base..];
            block[..have.len()].copy_from_slice(have);
            f(&block)
        }
    }
}

/// Walks the blocks of a text forward, holding the masks of one block at a time (`M`, as
/// `masks` computes them from the block).
pub(crate) struct BlockCursor<'a, M, F> {
    bytes: &'a [u8],
    /// start of the block whose masks are held (a multiple of 64; `usize::MAX`: none yet)
    base: usize,
    held: M,
    masks: F,
}

impl<'a, M: Copy + Default, F: Fn(&[u8; BLOCK]) -> M> BlockCursor<'a, M, F> {
    /// A cursor over `bytes` that computes the masks of a block with `masks`.
    pub(crate) fn new(bytes: &'a [u8], masks: F) -> Self {
        BlockCursor {
            bytes,
            base: usize::MAX,
            held: M::default(),
            masks,
        }
    }

    /// The first position at or after `i` whose bit is set in the mask `pick` chooses, or
    /// `bytes.len()` if there is none. Padding bytes (spaces) past the end may be reported
    /// only as `bytes.len()` itself, by a mask that marks spaces.
    #[inline(always)]
    pub(crate) fn next_set(&mut self, mut i: usize, pick: impl Fn(&M) -> u64) -> usize {
        let len = self.bytes.len();
        while i < len {
            let base = i & !(BLOCK - 1);
            if base != self.base {
                self.base = base;
                self.held = with_block(self.bytes, base, &self.masks);
            }
            let m = pick(&self.held) >> (i - base);
            if m != 0 {
                return (i + m.trailing_zeros() as usize).min(len);
            }
            i = base + BLOCK;
        }
        len
    }
}

/// The (letter or digit, interesting) masks of a block: bit k of the first is set where byte
/// k is an ASCII letter or digit; of the second, where it is a letter, a digit, an apostrophe,
/// a backtick, a low line `_` (which joins words) or a non-ASCII byte.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordMasks {
    pub(crate) alnum: u64,
    pub(crate) interesting: u64,
}

/// The [`WordMasks`] of a block.
#[inline(always)]
pub(crate) fn word_masks(block: &[u8; BLOCK]) -> WordMasks {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: `word_masks_sse2` needs SSE2, which is part of the x86_64 baseline: every
        // x86_64 CPU has it.
        unsafe { sse2::word_masks(block) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        word_masks_swar(block)
    }
}

/// [`word_masks`], eight bytes at a time in a `u64` (other targets, and the tests' reference).
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
#[inline(always)]
fn word_masks_swar(block: &[u8; BLOCK]) -> WordMasks {
    let mut m = WordMasks::default();
    for (k, c) in block.chunks_exact(8).enumerate() {
        let (w, x) = class_masks8(u64_le(c));
        m.alnum |= w << (8 * k);
        m.interesting |= x << (8 * k);
    }
    m
}

/// Bit k set where `block[k]` is one of `set`.
#[inline]
pub(crate) fn byte_set_mask<const N: usize>(block: &[u8; BLOCK], set: &[u8; N]) -> u64 {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: `sse2::byte_set_mask` needs SSE2, which is part of the x86_64 baseline:
        // every x86_64 CPU has it.
        unsafe { sse2::byte_set_mask(block, set) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        byte_set_mask_bytes(block, set)
    }
}

/// [`byte_set_mask`] a byte at a time (other targets, and the tests' reference).
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn byte_set_mask_bytes<const N: usize>(block: &[u8; BLOCK], set: &[u8; N]) -> u64 {
    block
        .iter()
        .enumerate()
        .filter(|(_, b)| set.contains(b))
        .fold(0, |m, (k, _)| m | 1 << k)
}

/// Eight bytes read little-endian.
#[inline(always)]
fn u64_le(c: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(c);
    u64::from_le_bytes(a)
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

/// The (letter or digit, interesting) masks (see [`WordMasks`]) of eight bytes read
/// little-endian, as eight bits each, without branches.
#[inline(always)]
pub(crate) fn class_masks8(x: u64) -> (u64, u64) {
    let high = x & MSB;
    let low7 = x & !MSB;
    let folded = low7 | (LSB * 0x20);
    let alpha = bytes_at_least(folded, b'a') & !bytes_at_least(folded, b'z' + 1);
    let digit = bytes_at_least(low7, b'0') & !bytes_at_least(low7, b'9' + 1);
    let alnum = (alpha | digit) & !high;
    let apos =
        (bytes_equal(low7, b'\'') | bytes_equal(low7, b'`') | bytes_equal(low7, b'_')) & !high;
    (pack_high_bits(alnum), pack_high_bits(alnum | apos | high))
}

/// `bytes` as a `String` if they are UTF-8, else the bytes back: [`String::from_utf8`] with
/// the check done by `simdutf8` (32 or 16 bytes at a time, the widest the CPU has), several
/// times faster than the standard library's on a corpus of mostly ASCII files.
pub(crate) fn string_from_utf8(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        return Err(bytes);
    }
    // SAFETY: `simdutf8` has just checked that `bytes` are valid UTF-8.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// The SSE2 versions: sixteen bytes per compare.
#[cfg(target_arch = "x86_64")]
mod sse2 {
    use super::{u64_le, WordMasks, BLOCK};
    use std::arch::x86_64::*;

    /// Calls `f` with each sixteen-byte lane of the block and its number.
    #[target_feature(enable = "sse2")]
    #[inline]
    fn each_lane(block: &[u8; BLOCK], mut f: impl FnMut(usize, __m128i)) {
        for (k, c) in block.chunks_exact(16).enumerate() {
            let (lo, hi) = (u64_le(&c[..8]), u64_le(&c[8..]));
            f(k, _mm_set_epi64x(hi as i64, lo as i64));
        }
    }

    /// [`super::word_masks`].
    #[target_feature(enable = "sse2")]
    pub(super) fn word_masks(block: &[u8; BLOCK]) -> WordMasks {
        let mut m = WordMasks::default();
        // signed compares: bytes of 0x80 and above are negative, outside every range
        let between = |x: __m128i, lo: u8, hi: u8| {
            _mm_and_si128(
                _mm_cmpgt_epi8(x, _mm_set1_epi8(lo as i8 - 1)),
                _mm_cmplt_epi8(x, _mm_set1_epi8(hi as i8 + 1)),
            )
        };
        each_lane(block, |k, v| {
            let folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
            let w = _mm_or_si128(between(folded, b'a', b'z'), between(v, b'0', b'9'));
            let apos = _mm_or_si128(
                _mm_or_si128(
                    _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\'' as i8)),
                    _mm_cmpeq_epi8(v, _mm_set1_epi8(b'`' as i8)),
                ),
                _mm_cmpeq_epi8(v, _mm_set1_epi8(b'_' as i8)),
            );
            let w_bits = _mm_movemask_epi8(w) as u16 as u64;
            // the sign bit of a byte is set exactly for non-ASCII bytes
            let x_bits = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(w, apos), v)) as u16 as u64;
            m.alnum |= w_bits << (16 * k);
            m.interesting |= x_bits << (16 * k);
        });
        m
    }

    /// [`super::byte_set_mask`].
    #[target_feature(enable = "sse2")]
    pub(super) fn byte_set_mask<const N: usize>(block: &[u8; BLOCK], set: &[u8; N]) -> u64 {
        let mut mask = 0u64;
        each_lane(block, |k, v| {
            let mut any = _mm_setzero_si128();
            for &b in set {
                any = _mm_or_si128(any, _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8)));
            }
            mask |= (_mm_movemask_epi8(any) as u16 as u64) << (16 * k);
        });
        mask
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn strings_from_utf8_as_the_standard_library_reads_them() {
        let cases: [&[u8]; 7] = [
            b"",
            b"Tibet and Xinjiang",
            "西藏 Tibet’s «Lhasa» \u{1F600}".as_bytes(),
            b"Caf\xe9",
            b"\xE8\xA5",
            b"ok then \xF0\x9F\x98",
            b"\xED\xA0\x80 surrogate",
        ];
        for bytes in cases {
            let long: Vec<u8> = bytes
                .iter()
                .copied()
                .cycle()
                .take(bytes.len() * 40)
                .collect();
            for b in [bytes.to_vec(), long] {
                let want = String::from_utf8(b.clone()).map_err(|e| e.into_bytes());
                assert_eq!(string_from_utf8(b.clone()), want, "{b:?}");
            }
        }
    }
    use super::*;

    fn bytes() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
        proptest::collection::vec(
            proptest::prop_oneof![
                proptest::sample::select(b"aZ09 .,'`_-\n\x7f@[{!?".to_vec()),
                0x80u8..=0xFF,
                0u8..0x80,
            ],
            0..300,
        )
    }

    proptest::proptest! {
        /// The fast masks equal their fallbacks on every block, the padded last one included.
        #[test]
        fn fast_masks_equal_fallbacks(bytes in bytes()) {
            const SET: [u8; 6] = [b'.', b'!', b'?', b'\n', 0xE3, 0xEF];
            for base in (0..bytes.len()).step_by(BLOCK) {
                let (fast, slow) = with_block(&bytes, base, |b| (word_masks(b), word_masks_swar(b)));
                proptest::prop_assert_eq!(fast, slow);
                let (fast, slow) =
                    with_block(&bytes, base, |b| (byte_set_mask(b, &SET), byte_set_mask_bytes(b, &SET)));
                proptest::prop_assert_eq!(fast, slow);
            }
        }

        /// The cursor finds what a byte loop finds, from every start, across block edges.
        #[test]
        fn cursor_equals_byte_loop(bytes in bytes()) {
            let mut cursor = BlockCursor::new(&bytes, word_masks);
            for i in 0..=bytes.len() {
                let want = (i..bytes.len())
                    .find(|&k| !bytes[k].is_ascii_alphanumeric())
                    .unwrap_or(bytes.len());
                proptest::prop_assert_eq!(cursor.next_set(i, |m| !m.alnum), want);
            }
        }
    }
}
