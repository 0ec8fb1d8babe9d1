//! Lexicons: the curated data the classifier matches against.
//!
//! A [`Lexicon`] is one TOML file describing one topic (or the shared `context` cues). Its
//! [`Entry`] values carry an id, a [`EntryKind`], the surface forms (`variants`), a weight, a
//! [`MatchMode`], a [`Role`] and a source note. The format is documented in
//! `lexicons/README.md`; [`Lexicon::parse`] reads it and keeps line numbers for errors, and
//! [`lint`] runs the review checks over a set of lexicons.

mod builtin;
pub mod import;
mod lint;
mod parse;
mod registry;

pub use lint::{lint, LintIssue, Severity};

pub(crate) use builtin::{BUILTIN, BUILTIN_REGISTRY, BUILTIN_REGISTRY_LICENCE};
pub(crate) use registry::merge as merge_registry;

use serde::{Deserialize, Serialize};

/// The five topics of the default lexicons, in report order.
///
/// User lexicons may add topics of their own; these are the ones rightslens ships.
///
/// # Examples
///
/// ```
/// assert_eq!(rightslens::DEFAULT_TOPICS[0], "tibet");
/// assert_eq!(rightslens::DEFAULT_TOPICS.len(), 5);
/// ```
pub const DEFAULT_TOPICS: [&str; 5] = [
    "tibet",
    "xinjiang",
    "hong_kong",
    "taiwan",
    "political_prisoners",
];

/// The reserved topic name of the cue lexicon (human-rights cues, non-political senses,
/// blocking phrases). Its entries never score as a topic.
///
/// # Examples
///
/// ```
/// assert_eq!(rightslens::CONTEXT_TOPIC, "context");
/// ```
pub const CONTEXT_TOPIC: &str = "context";

/// What an entry names.
///
/// # Examples
///
/// ```
/// use rightslens::EntryKind;
/// assert_eq!(serde_json::to_string(&EntryKind::Organisation).unwrap(), "\"organisation\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// A place: region, city, county, monastery.
    Place,
    /// A named person.
    Person,
    /// An institution, party, company or group.
    Organisation,
    /// A law, act or ordinance.
    Law,
    /// A policy or programme.
    Policy,
    /// A dated event.
    Event,
    /// A concept or general term.
    Concept,
    /// A context cue (human-rights vocabulary, a non-political sense of a place).
    Cue,
}

/// How an entry's variants are matched.
///
/// # Examples
///
/// ```
/// use rightslens::MatchMode;
/// assert_eq!(MatchMode::default(), MatchMode::Exact);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchMode {
    /// Whole-word phrase after folding (the default).
    #[default]
    Exact,
    /// Each variant ends in `*`; its last word matches any word starting with it.
    Prefix,
    /// Each variant is a regular expression (case-insensitive unless `case_sensitive`).
    Regex,
}

/// What a hit of an entry means for scoring.
///
/// # Examples
///
/// ```
/// use rightslens::Role;
/// assert_eq!(serde_json::to_string(&Role::Rights).unwrap(), "\"rights\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Evidence for the entry's topic.
    #[default]
    Topic,
    /// A human-rights cue: raises the weight of topic hits in the same sentence.
    Rights,
    /// A non-political sense (markets, sport, travel): lowers topic hits in its sentence.
    Benign,
    /// A political-register cue (government, president, sovereignty, military...): a
    /// document without such cues or rights cues is apolitical, and bare place names in it
    /// weigh little.
    Political,
    /// A reference to China or its government (`China`, `Beijing`, `CCP`, `中国`); also a
    /// political cue. Entries with `requires = "china"` need one near them, or many in the
    /// document (see [`ScoreModel::china_window`](crate::ScoreModel::china_window)).
    China,
    /// Only shields its words from shorter matches; never reported.
    Block,
    /// An issue frame (sovereignty, security, status: `status quo`, `independence`,
    /// `peace and stability`, `coercion`): a place named in its sentence is named as an issue.
    /// Also a political cue.
    Issue,
    /// Another country or territory (`Japan`, `Vietnam`, `Macau`): three or more places in a
    /// row make an enumeration, in which a topic's place is one item of a list (a tariff
    /// table, vaccine recipients, a company's markets), not an issue.
    Place,
    /// Career and life-story wording (`served as`, `born in`, `immigrated`, `fellowship`): a
    /// place named in its sentence is part of a biography.
    Biography,
}

/// The story a context cue belongs to (`frame = "..."` in a lexicon entry), where its role
/// alone does not say enough.
///
/// # Examples
///
/// ```
/// use rightslens::{Lexicon, Frame};
/// let lex = Lexicon::parse("cues.toml", r#"
/// [lexicon]
/// topic = "context"
/// [[entry]]
/// id = "context.cue.jail"
/// kind = "cue"
/// role = "rights"
/// frame = "custody"
/// variants = ["jailed"]
/// source = "generic vocabulary"
/// "#).unwrap();
/// assert_eq!(lex.entries[0].frame, Some(Frame::Custody));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Frame {
    /// A custody word (`detained`, `sentenced`, `判刑`), on a rights cue. Once the prisoner
    /// topic has evidence, every sentence holding one counts towards its prominence: a story
    /// about a detainee names him once, then tells of his custody.
    Custody,
    /// Ordinary crime (`cocaine`, `phone scam`, `诈骗`), on a non-political cue. In a
    /// sentence whose only rights cues are custody words, the arrest is of a suspect: a place
    /// named there is judged without them (a drug seizure in Taiwan is not the Taiwan
    /// question).
    Crime,
    /// A question of status or sovereignty (`sovereignty`, `status quo`, `independence`,
    /// `主权`), on an issue frame. It makes its sentence's place an issue whatever the rest
    /// of the document is about: a sport report that says Taiwan competes as Chinese Taipei
    /// because China claims the island raises the Taiwan question there, where the
    /// document's market, sport or crime register overrules weaker frames such as `coast
    /// guard` (see [`crate::score::judge_sense`]).
    Status,
}

/// Whether the hits of an entry are judged in context or always count as the issue.
///
/// A place or an ethnonym can be named in a non-issue sense (a tariff list, a nominee's past
/// posting, a travel note); a law, policy, event, organisation or named prisoner cannot.
/// The default is [`Sense::Judged`] for `kind = "place"` and [`Sense::Issue`] otherwise;
/// an entry can set `sense = "judged"` (ethnonyms such as `Uyghur`, `Tibetan`) or
/// `sense = "issue"` explicitly. How a mention is judged is in [`crate::score`].
///
/// # Examples
///
/// ```
/// use rightslens::Sense;
/// assert_eq!(serde_json::to_string(&Sense::Judged).unwrap(), "\"judged\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sense {
    /// Each mention is judged from its context: only issue-sense mentions add evidence.
    Judged,
    /// Every mention counts as the issue.
    Issue,
}

/// A condition a hit must meet to count.
///
/// # Examples
///
/// ```
/// use rightslens::Requirement;
/// assert_eq!(serde_json::to_string(&Requirement::Rights).unwrap(), "\"rights\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// The hit's sentence must also hold a human-rights cue.
    Rights,
    /// The hit must be near a reference to China: a `china` cue, or a hit of a topic entry
    /// without a requirement (`Tibet`, `Ilham Tohti`); or the document must be dense in them
    /// (see [`ScoreModel::china_window`](crate::ScoreModel::china_window)).
    China,
}

/// The voice a term marks.
///
/// # Examples
///
/// ```
/// use rightslens::Framing;
/// assert_eq!(serde_json::to_string(&Framing::Prc).unwrap(), "\"prc\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Framing {
    /// PRC official vocabulary (`Xizang`, `vocational education and training centres`).
    Prc,
    /// Advocacy vocabulary (`East Turkestan`, `occupied Tibet`).
    Advocacy,
}

pub use crate::score::Thresholds;

/// One lexicon entry: a named thing and the forms that refer to it.
///
/// # Examples
///
/// ```
/// use rightslens::{Lexicon, EntryKind};
/// let lex = Lexicon::parse("demo.toml", r#"
/// [lexicon]
/// topic = "demo"
/// [[entry]]
/// id = "demo.place.lhasa"
/// kind = "place"
/// variants = ["Lhasa", "拉萨"]
/// source = "Wikipedia: Lhasa"
/// "#).unwrap();
/// let e = &lex.entries[0];
/// assert_eq!(e.kind, EntryKind::Place);
/// assert_eq!(e.weight, 1.0);
/// assert_eq!(e.line, 4);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Entry {
    /// Stable id, unique across all loaded lexicons.
    pub id: String,
    /// What the entry names.
    pub kind: EntryKind,
    /// Surface forms.
    pub variants: Vec<String>,
    /// Evidence weight of one hit.
    pub weight: f64,
    /// How variants are matched.
    pub mode: MatchMode,
    /// Whether letter case must match exactly.
    pub case_sensitive: bool,
    /// What a hit means for scoring.
    pub role: Role,
    /// A condition a hit must meet to count.
    pub requires: Option<Requirement>,
    /// The voice the term marks, if any.
    pub framing: Option<Framing>,
    /// Whether another topic may claim the same surface form.
    pub shared: bool,
    /// Canonical name (persons).
    pub name: Option<String>,
    /// Region of a person: a topic id (`tibet`, `xinjiang`, `hong_kong`) or `mainland`.
    pub region: Option<String>,
    /// Forms that count only after a full variant appeared earlier in the same document.
    pub short_forms: Vec<String>,
    /// Where the fact or spelling comes from.
    pub source: String,
    /// Reviewer note.
    pub note: Option<String>,
    /// Whether each mention is judged in context (see [`Sense`]).
    pub sense: Sense,
    /// A supporting term (`arbitrary detention`, `subversion of state power`): it adds
    /// evidence only when the document also holds a hit of an entry of the same topic that
    /// is not a supporting term, so generic vocabulary alone never raises a topic.
    pub support: bool,
    /// What kind of story a cue belongs to, where that matters beyond its role (see
    /// [`Frame`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frame: Option<Frame>,
    /// 1-based line of the entry in its file (0 when built in code).
    pub line: usize,
    /// Facts of a person read from a prisoner registry (`status`, `case` and any other
    /// registry column), as text; empty for TOML entries. See
    /// [`Lexicon::from_registry_str`].
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub metadata: std::collections::BTreeMap<String, String>,
}

/// The built-in lexicons, parsed once per process and shared (see [`Lexicon::builtin`]): the
/// TOML files in their order, then the registries of `lexicons/registry/` by file name.
pub(crate) fn builtin_shared() -> crate::Result<&'static [Lexicon]> {
    use rayon::prelude::*;
    static PARSED: std::sync::OnceLock<Result<Vec<Lexicon>, String>> = std::sync::OnceLock::new();
    PARSED
        .get_or_init(|| {
            let toml = BUILTIN.par_iter().map(|(name, text, json)| {
                let origin = format!("lexicons/{name}.toml");
                parse::parse_preparsed(&origin, json)
                    .map_or_else(|| parse::parse(&origin, text), Ok)
            });
            let registries = registry::split_bundle(BUILTIN_REGISTRY)
                .into_par_iter()
                .map(|(name, text)| {
                    let mut l =
                        Lexicon::from_registry_str(&format!("lexicons/registry/{name}"), text)?;
                    l.licence = Some(BUILTIN_REGISTRY_LICENCE.to_string());
                    Ok(l)
                });
            toml.chain(registries)
                .collect::<crate::Result<Vec<Lexicon>>>()
                .map_err(|e| e.to_string())
        })
        .as_deref()
        .map_err(|e| crate::Error::parse(e.clone()))
}

/// One parsed lexicon file: a topic and its entries.
///
/// # Examples
///
/// ```
/// use rightslens::Lexicon;
/// let lex = Lexicon::parse("mine.toml", "[lexicon]\ntopic = \"macau\"\n").unwrap();
/// assert_eq!(lex.topic, "macau");
/// assert!(lex.entries.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Lexicon {
    /// Where the lexicon came from (a file path or a name given by the caller).
    pub origin: String,
    /// The topic this file describes (`context` for the cue lexicon).
    pub topic: String,
    /// One-line description.
    pub description: String,
    /// Sources named in the header.
    pub sources: Vec<String>,
    /// Licence of the data.
    pub licence: Option<String>,
    /// Thresholds for this topic, overriding the defaults.
    pub thresholds: Option<Thresholds>,
    /// The entries, in file order.
    pub entries: Vec<Entry>,
}

impl Lexicon {
    /// Parses one lexicon from TOML text; `origin` names it in error messages.
    ///
    /// Only the format is checked here (types, required fields, unknown fields); rules that
    /// span entries (unique ids, valid regexes) are checked by
    /// [`ClassifierBuilder::build`](crate::ClassifierBuilder::build) and by [`lint`].
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Parse`](crate::ErrorKind::Parse) with the origin and line number when the
    /// text is not TOML or does not follow the schema.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::Lexicon;
    /// let err = Lexicon::parse("bad.toml", "[lexicon]\ntopic = \"t\"\n[[entry]]\nid = \"t.a\"\nkind = \"nonsense\"\nvariants = [\"a\"]\nsource = \"s\"\n").unwrap_err();
    /// assert_eq!(err.line(), Some(5));
    /// ```
    pub fn parse(origin: &str, text: &str) -> crate::Result<Lexicon> {
        parse::parse(origin, text)
    }

    /// Reads and parses a lexicon file.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) when the file cannot be read, or a parse error
    /// as for [`Lexicon::parse`].
    ///
    /// # Examples
    ///
    /// ```
    /// let err = rightslens::Lexicon::from_file("/does/not/exist.toml").unwrap_err();
    /// assert!(err.to_string().contains("/does/not/exist.toml"));
    /// ```
    pub fn from_file(path: impl AsRef<std::path::Path>) -> crate::Result<Lexicon> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| crate::Error::io(path, e))?;
        parse::parse(&path.display().to_string(), &text).map_err(|e| e.with_path(path))
    }

    /// The built-in lexicons embedded in the library, in a fixed order.
    ///
    /// The embedded TOML is parsed once per process (it is immutable data) and cloned for
    /// each caller, so building several classifiers does not parse it again.
    ///
    /// # Errors
    ///
    /// Never in a released build (a test parses every built-in file); the `Result` keeps the
    /// signature honest.
    ///
    /// # Examples
    ///
    /// ```
    /// let lexicons = rightslens::Lexicon::builtin().unwrap();
    /// assert!(lexicons.iter().any(|l| l.topic == "tibet"));
    /// ```
    pub fn builtin() -> crate::Result<Vec<Lexicon>> {
        builtin_shared().map(<[Lexicon]>::to_vec)
    }

    /// Reads every `*.toml` file of a directory (not recursive), sorted by file name.
    ///
    /// # Errors
    ///
    /// An I/O error for the directory or a file, or the first parse error.
    ///
    /// # Examples
    ///
    /// ```
    /// let dir = std::env::temp_dir().join("rightslens-doc-lexdir");
    /// std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join("a.toml"), "[lexicon]\ntopic = \"a\"\n").unwrap();
    /// let lexicons = rightslens::Lexicon::from_dir(&dir).unwrap();
    /// assert_eq!(lexicons[0].topic, "a");
    /// ```
    pub fn from_dir(dir: impl AsRef<std::path::Path>) -> crate::Result<Vec<Lexicon>> {
        let dir = dir.as_ref();
        let rd = std::fs::read_dir(dir).map_err(|e| crate::Error::io(dir, e))?;
        let mut paths = Vec::new();
        for ent in rd {
            let ent = ent.map_err(|e| crate::Error::io(dir, e))?;
            let p = ent.path();
            if p.extension().and_then(|s| s.to_str()) == Some("toml") && p.is_file() {
                paths.push(p);
            }
        }
        paths.sort();
        if paths.is_empty() {
            return Err(crate::Error::invalid(
                "no *.toml lexicon files in this directory (help: lexicon files end in .toml)",
            )
            .with_path(dir));
        }
        paths.iter().map(Lexicon::from_file).collect()
    }
}
