//! Shared code of the rightslens fuzz targets: the report invariants and a lexicon writer.
//!
//! The invariants live in `invariants.rs` so that the main crate's property tests can include
//! the very same file.

pub mod invariants;
pub mod toml_lexicon;
