//! The lookup tables a scan probes, each built once from the compiled patterns.
//!
//! * [`WordTable`]: folded first words to their candidates ([`FirstWord`], [`Cand`]);
//! * [`PairTable`]: multi-word candidates by first word and second-word hash;
//! * [`PrefixIndex`]: single-word prefix patterns;
//! * [`CjkTable`]: variants in CJK scripts by their first two characters;
//! * [`Gate`]: three small bitmaps that rule out most ASCII words before any lookup.

mod cjk;
mod first;
mod gate;
mod pair;
mod prefix;
mod word;

pub(crate) use cjk::{cjk_key, is_cjk_letter, CjkTable};
pub(crate) use first::{cand, second_lead_bit, Cand, FirstWord, LeadBits};
pub(crate) use gate::Gate;
pub(crate) use pair::PairTable;
pub(crate) use prefix::{PrefixIndex, PREFIX_BUCKET};
pub(crate) use word::WordTable;
