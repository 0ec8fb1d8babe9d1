//! Compiling variants into a [`Matcher`], as a row of named steps: check the count, start
//! the regex variants on a thread of their own, add every other variant as a pattern
//! (deduplicated: one pattern per distinct form, with all its targets), then build the tables
//! the scan probes and the gate in front of them.

use super::hash::{load, WordHasher, WordMap};
use super::regexes::RegexVariants;
use super::tables::{
    cand, cjk_key, second_lead_bit, Cand, CjkTable, FirstWord, Gate, LeadBits, PairTable,
    PrefixIndex, WordTable,
};
use super::{BuildError, Limits, Matcher, Pattern, Variant};
use crate::lexicon::MatchMode;
use crate::normalize::{is_cjk, is_word_char, next_char, split_phrase, word_end};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// Dedup key -> pattern id.
type Seen<K> = HashMap<K, u32, BuildHasherDefault<WordHasher>>;

impl Matcher {
    /// Compiles `variants` within `limits`.
    pub(crate) fn new(variants: &[Variant<'_>], limits: Limits) -> Result<Matcher, BuildError> {
        if variants.len() > limits.max_patterns {
            return Err(BuildError::TooManyVariants {
                count: variants.len(),
                max: limits.max_patterns,
            });
        }
        // The regex variants compile on another thread while the word tables are built.
        let regex_job = RegexJob::start(regex_sources(variants), limits);
        let mut patterns = Patterns::with_capacity(variants.len());
        for v in variants {
            patterns.add(v)?;
        }
        let regexes = regex_job.finish()?;
        Ok(patterns.into_matcher(regexes, variants.len()))
    }

    /// The [`Gate`] of the compiled tables: the bits of every first word of ASCII letters and
    /// digits, and the first three bytes of every word that can start a prefix pattern, a
    /// regex trigger or a CJK variant.
    fn gate(&self) -> Gate {
        let mut g = Gate::new();
        for k in &self.first.keys {
            if k.iter().all(u8::is_ascii_alphanumeric) {
                g.set_first(load::<false>(k, 0, k.len().min(8)), k.len());
            }
        }
        for (k, _) in &self.prefixes.keys {
            g.set_lead(k);
        }
        if let Some(rv) = &self.regexes {
            for h in rv.trigger_heads() {
                g.set_lead(h);
            }
        }
        for b0 in 0..=255u8 {
            if self.cjk_ascii[b0 as usize] {
                g.set_lead(&[b0]);
            }
        }
        g
    }
}

/// The sources of the `regex`-mode variants, in order: `(source with case flag, 0, form)`.
fn regex_sources(variants: &[Variant<'_>]) -> Vec<(String, u32, String)> {
    variants
        .iter()
        .filter(|v| v.mode == MatchMode::Regex)
        .map(|v| {
            let src = ascii_boundaries(v.form);
            let flag = if v.case_sensitive { "-i" } else { "i" };
            (format!("(?{flag}:{src})"), 0, v.form.to_string())
        })
        .collect()
}

/// The regex variants of a matcher being compiled, on a thread of their own when one starts.
enum RegexJob {
    Thread(std::thread::JoinHandle<Result<RegexVariants, BuildError>>),
    Done(Result<Option<RegexVariants>, BuildError>),
}

impl RegexJob {
    fn start(sources: Vec<(String, u32, String)>, limits: Limits) -> RegexJob {
        if sources.is_empty() {
            return RegexJob::Done(Ok(None));
        }
        let sources = std::sync::Arc::new(sources);
        let job = std::sync::Arc::clone(&sources);
        match std::thread::Builder::new().spawn(move || RegexVariants::new(&job, limits)) {
            Ok(h) => RegexJob::Thread(h),
            // no thread to be had: compile them here
            Err(_) => RegexJob::Done(RegexVariants::new(&sources, limits).map(Some)),
        }
    }

    fn finish(self) -> Result<Option<RegexVariants>, BuildError> {
        match self {
            RegexJob::Thread(h) => h
                .join()
                .unwrap_or_else(|p| std::panic::resume_unwind(p))
                .map(Some),
            RegexJob::Done(r) => r,
        }
    }
}

/// The patterns of a matcher being built, and the maps its tables are made from.
struct Patterns {
    patterns: Vec<Pattern>,
    /// folded first word -> patterns of words (not single-word prefixes)
    first: WordMap<Vec<u32>>,
    /// folded single-word prefix -> patterns
    prefixes: WordMap<Vec<u32>>,
    /// [`cjk_key`] -> CJK patterns
    cjk: HashMap<u64, Vec<u32>>,
    cjk_first: Box<[u64; 1024]>,
    cjk_ascii: Box<[bool; 256]>,
    /// word patterns by a hash of their words (the next free value on a collision), checked
    /// against the patterns, so no copy of the words is kept for it
    seen: Seen<u64>,
    cjk_seen: Seen<String>,
    /// pattern ids of the regex variants, in order
    regex_ids: Vec<u32>,
}

impl Patterns {
    fn with_capacity(n: usize) -> Patterns {
        Patterns {
            patterns: Vec::new(),
            first: WordMap::default(),
            prefixes: WordMap::default(),
            cjk: HashMap::new(),
            cjk_first: Box::new([0u64; 1024]),
            cjk_ascii: Box::new([false; 256]),
            seen: Seen::with_capacity_and_hasher(n, Default::default()),
            cjk_seen: Seen::default(),
            regex_ids: Vec::new(),
        }
    }

    /// Adds one variant: a regex pattern (compiled elsewhere), a CJK form or words.
    fn add(&mut self, v: &Variant<'_>) -> Result<(), BuildError> {
        let prefix = match v.mode {
            MatchMode::Regex => {
                self.regex_ids.push(self.patterns.len() as u32);
                self.push(Vec::new(), None, None, false, v.target);
                return Ok(());
            }
            MatchMode::Exact => false,
            MatchMode::Prefix => true,
        };
        let form = if prefix {
            v.form
                .trim_end()
                .strip_suffix('*')
                .ok_or_else(|| BuildError::PrefixWithoutStar {
                    form: v.form.to_string(),
                })?
        } else {
            v.form
        };
        if form.chars().any(is_cjk) {
            self.add_cjk(v, form)
        } else {
            self.add_words(v, form, prefix)
        }
    }

    fn push(
        &mut self,
        tokens: Vec<Box<str>>,
        case: Option<Vec<Box<str>>>,
        gaps: Option<Box<[Box<str>]>>,
        prefix: bool,
        t: u32,
    ) {
        self.patterns.push(Pattern {
            tokens,
            case,
            gaps,
            prefix_last: prefix,
            targets: vec![t],
        });
    }

    /// Adds `target` to pattern `id` (another variant with the same form).
    fn add_target(&mut self, id: u32, target: u32) {
        let p = &mut self.patterns[id as usize];
        if !p.targets.contains(&target) {
            p.targets.push(target);
        }
    }

    /// A variant written in a CJK script: one folded form, found by its first two characters.
    fn add_cjk(&mut self, v: &Variant<'_>, form: &str) -> Result<(), BuildError> {
        let key: String = fold_phrase_cjk(form);
        if key.is_empty() {
            return Err(BuildError::NoLetters {
                form: v.form.to_string(),
            });
        }
        if let Some(&id) = self.cjk_seen.get(&key) {
            self.add_target(id, v.target);
            return Ok(());
        }
        let id = self.patterns.len() as u32;
        let first = key.chars().next().map_or(' ', |c| c.to_ascii_lowercase());
        let second = key.chars().nth(1).map_or('\0', |c| c.to_ascii_lowercase());
        self.push(
            vec![key.clone().into_boxed_str()],
            None,
            None,
            false,
            v.target,
        );
        self.cjk_seen.insert(key, id);
        if first.is_ascii() {
            self.cjk_ascii[first as usize] = true;
            self.cjk_ascii[first.to_ascii_uppercase() as usize] = true;
        }
        self.cjk.entry(cjk_key(first, second)).or_default().push(id);
        let bit = first as usize & 0xFFFF;
        self.cjk_first[bit / 64] |= 1 << (bit % 64);
        Ok(())
    }

    /// A variant of words: same words, prefix flag and exact words make the same pattern.
    fn add_words(&mut self, v: &Variant<'_>, form: &str, prefix: bool) -> Result<(), BuildError> {
        let (words, mut gaps) = split_phrase(form);
        if prefix {
            // the last word of a prefix pattern goes on: nothing can stand right after it
            if let Some(tail) = gaps.last_mut() {
                tail.clear();
            }
        }
        let tokens: Vec<Box<str>> = words.into_iter().map(String::into_boxed_str).collect();
        // punctuation between words: kept only when some gap holds any
        let gaps: Option<Box<[Box<str>]>> = gaps
            .iter()
            .any(|g| !g.is_empty())
            .then(|| gaps.into_iter().map(String::into_boxed_str).collect());
        if tokens.is_empty() {
            return Err(BuildError::NoLettersOrDigits {
                form: v.form.to_string(),
            });
        }
        let case = v.case_sensitive.then(|| original_words(form));
        let mut h = {
            let mut hasher = WordHasher::default();
            (&tokens, prefix, &case, &gaps).hash(&mut hasher);
            hasher.finish()
        };
        while let Some(&id) = self.seen.get(&h) {
            let p = &self.patterns[id as usize];
            if p.tokens == tokens && p.prefix_last == prefix && p.case == case && p.gaps == gaps {
                self.add_target(id, v.target);
                return Ok(());
            }
            h = h.wrapping_add(1);
        }
        let id = self.patterns.len() as u32;
        self.seen.insert(h, id);
        let first = tokens[0].clone();
        let single_prefix = prefix && tokens.len() == 1;
        self.push(tokens, case, gaps, prefix, v.target);
        let map = if single_prefix {
            &mut self.prefixes
        } else {
            &mut self.first
        };
        map.entry(first).or_default().push(id);
        Ok(())
    }

    /// The matcher of these patterns and the compiled regex variants.
    fn into_matcher(mut self, regexes: Option<RegexVariants>, n_forms: usize) -> Matcher {
        let (first, pairs) = first_tables(&self.patterns, std::mem::take(&mut self.first));
        let pats = &self.patterns;
        for ids in self.cjk.values_mut() {
            ids.sort_by_key(|&id| std::cmp::Reverse(pats[id as usize].tokens[0].len()));
        }
        let mut m = Matcher {
            first,
            pairs,
            prefixes: PrefixIndex::new(self.prefixes),
            gate: Gate::default(),
            cjk: CjkTable::new(self.cjk),
            cjk_first: self.cjk_first,
            cjk_ascii: self.cjk_ascii,
            regexes: regexes.map(|mut r| {
                r.set_patterns(&self.regex_ids);
                r
            }),
            patterns: self.patterns,
            n_forms,
        };
        m.gate = m.gate();
        m
    }
}

/// The table of first words and the pair table, from the patterns listed under each first
/// word: longest first, then with punctuation before without, exact before prefix,
/// case-sensitive before folded.
fn first_tables(pats: &[Pattern], mut map: WordMap<Vec<u32>>) -> (WordTable<FirstWord>, PairTable) {
    for ids in map.values_mut() {
        ids.sort_by_key(|&id| {
            let p = &pats[id as usize];
            (
                std::cmp::Reverse(p.tokens.len()),
                p.gaps.is_none(),
                p.prefix_last,
                p.case.is_none(),
            )
        });
    }
    let mut pairs: Vec<(u32, Cand)> = Vec::new();
    let first: HashMap<Box<[u8]>, FirstWord> = map
        .into_iter()
        .enumerate()
        .map(|(key, (k, ids))| {
            let fw = first_word(pats, key as u32, &ids, &mut pairs);
            (Box::<[u8]>::from(k.as_bytes()), fw)
        })
        .collect();
    (WordTable::from_map(first), PairTable::new(pairs))
}

/// The candidates of the first word numbered `key`, patterns `ids` in rank order; those
/// found through the pair table are added to `pairs`.
fn first_word(pats: &[Pattern], key: u32, ids: &[u32], pairs: &mut Vec<(u32, Cand)>) -> FirstWord {
    let all: Box<[Cand]> = ids
        .iter()
        .enumerate()
        .map(|(rank, &id)| cand(id, rank as u32, &pats[id as usize]))
        .collect();
    let by_pair = |c: &Cand| c.words >= 2 && !c.check_second;
    pairs.extend(all.iter().filter(|c| by_pair(c)).map(|&c| (key, c)));
    let multi = || all.iter().filter(|c| c.words >= 2);
    let second_leads = multi()
        .map(|c| second_leads(&pats[c.id as usize]))
        .fold(0, |a, b| a | b);
    FirstWord {
        key,
        n_multi: multi().count() as u32,
        second_leads,
        paired: all.iter().any(by_pair),
        punct: all.iter().any(|c| c.punct),
        rest: all.iter().filter(|c| !by_pair(c)).copied().collect(),
        all,
    }
}

/// The [`second_lead_bit`]s a second word of pattern `p` may have (all bits when it is a
/// one-byte prefix or does not start with an ASCII letter or digit).
fn second_leads(p: &Pattern) -> LeadBits {
    match p.tokens[1].as_bytes() {
        [_] if p.prefix_last && p.tokens.len() == 2 => LeadBits::MAX,
        [b0, ..] if !b0.is_ascii_alphanumeric() => LeadBits::MAX,
        [b0, b1, ..] if b1.is_ascii_alphanumeric() => second_lead_bit(*b0, *b1),
        [b0, ..] => second_lead_bit(*b0, 0),
        [] => LeadBits::MAX,
    }
}

/// The words of a form as written (for case-sensitive patterns), apostrophes normalised.
fn original_words(form: &str) -> Vec<Box<str>> {
    let mut out: Vec<Box<str>> = Vec::new();
    let mut i = 0;
    while i < form.len() {
        let Some(c) = next_char(form, i) else { break };
        if is_word_char(c) {
            let (e, _, _) = word_end(form, i);
            out.push(Box::<str>::from(&form[i..e]));
            i = e;
        } else {
            i += c.len_utf8();
        }
    }
    if let Some(last) = out.last_mut() {
        let s: &str = last;
        if let Some(stem) = s.strip_suffix("'s").or_else(|| s.strip_suffix("’s")) {
            if !stem.is_empty() {
                *last = Box::<str>::from(stem);
            }
        }
    }
    out
}

/// A CJK variant as searched: NFKC, whitespace removed (CJK text has no spaces).
fn fold_phrase_cjk(form: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    form.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// Rewrites `\b` and `\B` (outside character classes) as ASCII word boundaries, which the
/// regex crate's fast DFA engines support; match edges are checked again with Unicode word
/// characters afterwards.
fn ascii_boundaries(src: &str) -> String {
    let mut out = String::with_capacity(src.len() + 16);
    let mut chars = src.chars();
    let mut class = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(b @ ('b' | 'B')) if class == 0 => {
                    out.push_str("(?-u:\\");
                    out.push(b);
                    out.push(')');
                }
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            },
            '[' => {
                class += 1;
                out.push(c);
            }
            ']' if class > 0 => {
                class -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}
