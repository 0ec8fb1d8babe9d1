//! Named people in custody: what their names look like ([`names`]) and how to find those no
//! lexicon lists ([`unlisted`]).
//!
//! The registry expansion (`src/lexicon/registry/`) uses [`names`] to decide which forms of a
//! registry name are safe to match.

pub(crate) mod names;
// The classify stage drops listed people whom a document does not present as held.
pub(crate) mod not_held;
pub(crate) mod tibetan_zh;
// The classify stage reports these as unlisted prisoners (src/classifier/evidence.rs).
pub(crate) mod unlisted;
// The classify stage adds a listed person's name as the text writes it in the other script.
pub(crate) mod written;
