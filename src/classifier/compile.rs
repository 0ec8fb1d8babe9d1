//! From lexicons to the compiled form: one [`CompiledEntry`] per lexicon entry and one
//! [`Matcher`] over every variant.

use super::builder::ClassifierBuilder;
use super::{Classifier, Inner};
use crate::error::Result;
use crate::intern::intern;
use crate::lexicon::{
    EntryKind, Framing, Lexicon, MatchMode, Requirement, Role, Sense, Thresholds, CONTEXT_TOPIC,
};
use crate::matcher::{Limits, Matcher, Variant};
use std::borrow::Cow;
use std::sync::Arc;

/// The topic whose `person` entries are reported as named prisoners.
const PRISONER_TOPIC: &str = "political_prisoners";

#[derive(Debug)]
pub(super) struct CompiledEntry {
    /// Interned (see [`crate::intern`]), so hits borrow it without allocating.
    pub(super) id: &'static str,
    /// index into `topics`; None for context cues and roles other than Topic
    pub(super) topic: Option<usize>,
    /// Interned, like `id`.
    pub(super) topic_name: &'static str,
    pub(super) place: bool,
    /// A judged organisation or person: an actor, which is a third party whenever its
    /// sentence is about another topic's place.
    pub(super) actor: bool,
    /// Each mention is judged issue or non-issue in context (`sense = "judged"`).
    pub(super) judged: bool,
    /// A supporting term: counts only beside another hit of its topic.
    pub(super) support: bool,
    /// The story a cue belongs to (custody, crime), see [`crate::Frame`].
    pub(super) frame: Option<crate::Frame>,
    pub(super) role: Role,
    pub(super) weight: f64,
    pub(super) requires: Option<Requirement>,
    pub(super) framing: Option<Framing>,
    /// Interned name and region of a named prisoner.
    pub(super) prisoner: Option<(&'static str, Option<&'static str>)>,
    /// A former detainee by its registry status (`released`, `exiled`): quoted as a source
    /// with no custody word, not a prisoner (`crate::prisoners::not_held`).
    pub(super) former: bool,
    pub(super) region_topic: Option<usize>,
    /// For an entry with short forms (whose full mentions must be remembered): its slot in
    /// the per-document table of latest full mentions ([`Scratch::last_full`]).
    pub(super) short_slot: Option<u32>,
}

/// A matcher error with the lexicon file, line and entry of the variant it blames.
fn locate(e: crate::matcher::BuildError, lexicons: &[Lexicon]) -> crate::Error {
    let at = e.form().and_then(|form| {
        lexicons.iter().find_map(|l| {
            l.entries
                .iter()
                .find(|en| en.variants.iter().chain(&en.short_forms).any(|v| v == form))
                .map(|en| (l, en))
        })
    });
    let err = crate::Error::from(e);
    match at {
        Some((l, en)) => err
            .with_path(&l.origin)
            .with_line(en.line)
            .with_entry(&en.id),
        None => err,
    }
}

pub(super) fn compile(
    b: &ClassifierBuilder,
    lexicons: Cow<'static, [Lexicon]>,
) -> Result<Classifier> {
    let mut topics: Vec<String> = Vec::new();
    for l in lexicons.iter() {
        if l.topic != CONTEXT_TOPIC && !topics.contains(&l.topic) {
            topics.push(l.topic.clone());
        }
    }
    let thresholds: Vec<Thresholds> = topics
        .iter()
        .map(|t| {
            b.thresholds
                .get(t)
                .copied()
                .or_else(|| {
                    lexicons
                        .iter()
                        .filter(|l| &l.topic == t)
                        .find_map(|l| l.thresholds)
                })
                .unwrap_or_default()
        })
        .collect();
    let topic_ix = |t: &str| topics.iter().position(|x| x == t);
    let mut entries = Vec::new();
    let mut targets = Vec::new();
    let mut n_short = 0u32;
    let mut vs: Vec<Variant<'_>> = Vec::new();
    for l in lexicons.iter() {
        let topic_name = intern(&l.topic);
        for e in &l.entries {
            let ei = entries.len() as u32;
            let is_prisoner =
                e.kind == EntryKind::Person && l.topic == PRISONER_TOPIC && e.role == Role::Topic;
            entries.push(CompiledEntry {
                id: intern(&e.id),
                topic: if e.role == Role::Topic {
                    topic_ix(&l.topic)
                } else {
                    None
                },
                topic_name,
                place: e.kind == EntryKind::Place,
                actor: e.sense == Sense::Judged
                    && matches!(e.kind, EntryKind::Organisation | EntryKind::Person),
                judged: e.sense == Sense::Judged && e.role == Role::Topic,
                support: e.support,
                frame: e.frame,
                role: e.role,
                weight: e.weight,
                requires: e.requires,
                framing: e.framing,
                prisoner: is_prisoner.then(|| {
                    (
                        intern(e.name.as_deref().unwrap_or(&e.id)),
                        e.region.as_deref().map(intern),
                    )
                }),
                former: matches!(
                    e.metadata.get("status").map(String::as_str),
                    Some("released" | "exiled")
                ),
                region_topic: e
                    .region
                    .as_deref()
                    .and_then(topic_ix)
                    .filter(|&r| Some(r) != topic_ix(&l.topic)),
                short_slot: (!e.short_forms.is_empty()).then(|| {
                    n_short += 1;
                    n_short - 1
                }),
            });
            let full = targets.len() as u32;
            targets.push((ei, false));
            for v in &e.variants {
                vs.push(Variant {
                    form: v,
                    mode: e.mode,
                    case_sensitive: e.case_sensitive,
                    target: full,
                });
            }
            if !e.short_forms.is_empty() {
                let short = targets.len() as u32;
                targets.push((ei, true));
                for v in &e.short_forms {
                    vs.push(Variant {
                        form: v,
                        mode: MatchMode::Exact,
                        case_sensitive: e.case_sensitive,
                        target: short,
                    });
                }
            }
        }
    }
    let limits = Limits {
        max_patterns: b.max_patterns,
        regex_size: b.regex_size_limit,
    };
    let matcher = Matcher::new(&vs, limits).map_err(|e| locate(e, &lexicons))?;
    drop(vs);
    let prisoner_topic = topics.iter().position(|t| t == PRISONER_TOPIC);
    let place_topic_bits = entries
        .iter()
        .filter(|e| e.place)
        .filter_map(|e| e.topic.filter(|&t| t < 64))
        .fold(0u64, |bits, t| bits | 1 << t);
    Ok(Classifier {
        inner: Arc::new(Inner {
            matcher,
            entries,
            targets,
            n_short: n_short as usize,
            topics,
            thresholds,
            model: b.model,
            max_hits: b.max_hits,
            window_bytes: b.window_bytes,
            place_topic_bits,
            prisoner_topic: prisoner_topic.filter(|_| b.unlisted),
            lexicons,
        }),
    })
}
