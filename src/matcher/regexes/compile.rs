//! Compiling the regex variants: each parsed once, analysed, and built for anchored search;
//! the literal searcher and the residual alternation built over all of them.

use super::analysis::{
    case_variants, first_bytes, rare_window, required, trigger_bit, trigger_of, usable, OneOf,
    LITERAL_WINDOW,
};
use super::{pair_key, Literal, RegexVariants, Variant};
use crate::matcher::{BuildError, Limits};
use aho_corasick::{AhoCorasick, MatchKind};
use regex_automata::meta;
use regex_syntax::hir::Hir;

impl RegexVariants {
    /// Compiles `(source, pattern id, form as written)` triples; the sources carry their own
    /// case flags.
    pub(crate) fn new(
        sources: &[(String, u32, String)],
        limits: Limits,
    ) -> Result<RegexVariants, BuildError> {
        let mut rv = RegexVariants {
            variants: Vec::with_capacity(sources.len()),
            literals: None,
            searched: Vec::new(),
            lits: Vec::new(),
            triggers: Vec::new(),
            trigger_keys: Vec::new(),
            trigger_pair: Box::new([0u64; 1024]),
            trigger_three: Box::new([0u64; 1024]),
            residual: None,
            residual_ids: Vec::new(),
        };
        let mut residual_src = Vec::new();
        for (k, (src, pattern, form)) in sources.iter().enumerate() {
            // Parsed once: the syntax tree serves the analysis below and the compilation.
            let hir = parse(src, form, limits)?;
            let re = build_anchored(&hir, limits.regex_size).map_err(|e| e.of_form(form))?;
            match required(&hir).filter(usable) {
                Some(set) => rv.add_literals(k, set),
                None => {
                    residual_src.push(src.clone());
                    rv.residual_ids.push(k);
                }
            }
            let (first, nullable) = first_bytes(&hir);
            let first = if nullable { [true; 256] } else { first };
            rv.variants.push(Variant {
                re,
                pattern: *pattern,
                first,
            });
        }
        // by the first two bytes of their heads (stably), so that a word looks at its own
        // pair's triggers only (`note_word`)
        rv.triggers.sort_by_key(|t| pair_key(&t.head));
        rv.trigger_keys = rv.triggers.iter().map(|t| pair_key(&t.head)).collect();
        rv.searched = (0..rv.lits.len())
            .filter(|&j| !rv.triggers.iter().any(|t| t.lit as usize == j))
            .map(|j| (j, rare_window(&rv.lits[j].bytes)))
            .collect();
        rv.literals = literal_searcher(&rv.lits, &rv.searched)?;
        rv.residual = residual_regex(&residual_src, limits)?;
        Ok(rv)
    }

    /// Adds the required literals of variant `k`, each a trigger when it always starts a word.
    fn add_literals(&mut self, k: usize, set: OneOf) {
        for r in set {
            if let Some(t) = trigger_of(&r, self.lits.len()) {
                if t.head.len() == 2 {
                    let pi = ((t.head[0] as usize) << 8) | t.head[1] as usize;
                    self.trigger_pair[pi / 64] |= 1 << (pi % 64);
                } else {
                    let b = trigger_bit(t.head[0], t.head[1], t.head[2]);
                    self.trigger_three[b / 64] |= 1 << (b % 64);
                }
                self.triggers.push(t);
            }
            self.lits.push(Literal {
                bytes: r.lit,
                owner: k,
                before: r.before.unwrap_or(0),
            });
        }
    }
}

/// The syntax tree of `src`; a source that does not parse is reported as compiling it
/// reports it.
fn parse(src: &str, form: &str, limits: Limits) -> Result<Hir, BuildError> {
    regex_syntax::ParserBuilder::new()
        .build()
        .parse(src)
        .map_err(|e| match build(src, limits.regex_size) {
            Err(c) => c.of_form(form),
            Ok(_) => CompileError::syntax(&e).of_form(form),
        })
}

/// The searcher for the `searched` literals (`(index into lits, window offset)`), if any.
///
/// It looks for three rare bytes of each literal in every ASCII case spelled out, rather
/// than case-insensitively: that keeps its SIMD prefilter (which case-insensitive search
/// loses). Each hit is checked in full when scanning.
fn literal_searcher(
    lits: &[Literal],
    searched: &[(usize, usize)],
) -> Result<Option<AhoCorasick>, BuildError> {
    if searched.is_empty() {
        return Ok(None);
    }
    let mut heads: Vec<Vec<u8>> = Vec::new();
    for &(j, o) in searched {
        let lit = &lits[j].bytes;
        for v in case_variants(&lit[o..(o + LITERAL_WINDOW).min(lit.len())]) {
            if !heads.contains(&v) {
                heads.push(v);
            }
        }
    }
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(&heads)
        .map(Some)
        .map_err(|e| BuildError::LiteralIndex {
            message: e.to_string(),
        })
}

/// The variants without a usable literal as one alternation, if there are any.
fn residual_regex(sources: &[String], limits: Limits) -> Result<Option<meta::Regex>, BuildError> {
    if sources.is_empty() {
        return Ok(None);
    }
    let size = limits.regex_size.saturating_mul(sources.len());
    build(&sources.join("|"), size)
        .map(Some)
        .map_err(|e| BuildError::Combine {
            message: e.message,
            limit: e.limit,
        })
}

fn config(size: usize) -> meta::Config {
    meta::Config::new()
        .nfa_size_limit(Some(size))
        .hybrid_cache_capacity(size.max(1 << 16))
}

/// Why a regex did not compile: the message (with its causes) and whether a limit refused it.
struct CompileError {
    message: String,
    limit: bool,
}

impl CompileError {
    fn new(e: &meta::BuildError) -> CompileError {
        // the meta error says only "error building NFA"; the cause names the limit
        let mut message = e.to_string();
        let mut cause = std::error::Error::source(e);
        while let Some(c) = cause {
            message.push_str(": ");
            message.push_str(&c.to_string());
            cause = c.source();
        }
        let limit = e.size_limit().is_some() || e.syntax_error().is_some_and(syntax_limit);
        CompileError { message, limit }
    }

    /// The error of the regex variant written `form`.
    fn of_form(self, form: &str) -> BuildError {
        BuildError::Regex {
            form: form.to_string(),
            message: self.message,
            limit: self.limit,
        }
    }

    fn syntax(e: &regex_syntax::Error) -> CompileError {
        CompileError {
            message: e.to_string(),
            limit: syntax_limit(e),
        }
    }
}

/// Whether a syntax error is a parser limit (nesting depth, number of groups).
fn syntax_limit(e: &regex_syntax::Error) -> bool {
    use regex_syntax::ast::ErrorKind;
    matches!(e, regex_syntax::Error::Parse(a)
        if matches!(a.kind(), ErrorKind::NestLimitExceeded(_) | ErrorKind::CaptureLimitExceeded))
}

/// A regex searched over the whole text.
fn build(src: &str, size: usize) -> Result<meta::Regex, CompileError> {
    meta::Regex::builder()
        .configure(config(size))
        .build(src)
        .map_err(|e| CompileError::new(&e))
}

/// A regex only ever searched anchored (see [`anchored_match`]): a prefilter, which only
/// finds where an unanchored search may start, would be built for nothing.
fn build_anchored(hir: &Hir, size: usize) -> Result<meta::Regex, CompileError> {
    meta::Regex::builder()
        .configure(config(size).auto_prefilter(false))
        .build_from_hir(hir)
        .map_err(|e| CompileError::new(&e))
}
