//! Named people in custody: what their names look like ([`names`]).
//!
//! The registry expansion (`src/lexicon/registry/`) uses these to decide which forms of a
//! registry name are safe to match.

pub(crate) mod names;
