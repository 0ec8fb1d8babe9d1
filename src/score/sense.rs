//! Step 1 of the scoring model: the sense of a place or ethnonym mention, from what its
//! sentence holds (see the module docs of [`crate::score`]).

use serde::{Deserialize, Serialize};

/// Why a mention was judged issue or non-issue, in the order the rules are tried (see
/// [`judge_sense`]).
///
/// # Examples
///
/// ```
/// use rightslens::SenseReason;
/// assert_eq!(serde_json::to_string(&SenseReason::Biography).unwrap(), "\"biography\"");
/// assert!(SenseReason::RightsCue.is_issue() && !SenseReason::Enumeration.is_issue());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SenseReason {
    /// Non-issue: the place opens a news dateline (`TAIPEI, Taiwan —`, `HONG KONG
    /// (Reuters) -`): where the story was filed, not what it is about.
    Dateline,
    /// Non-issue: the place is part of the outlet a reporter speaks for in a transcript's
    /// speaker label (`Hong Kong Commercial Daily: ...`, `香港凤凰卫视记者：`).
    Affiliation,
    /// Non-issue: the place is part of the name of a company, school or other body (`Moda
    /// Holding Hong Kong`, `Hong Kong Baptist University`, `香港中國人權民運信息中心`): its
    /// home, not its subject.
    OrganisationName,
    /// Non-issue: the place is where people fled or moved to, or reacts, in a sentence
    /// about another topic's place (Taiwan as the refuge of Hong Kongers); or, in a sentence
    /// with no issue frame, only where a person fled, travelled privately or came back from
    /// (`on a trip to Taiwan`, `returned from Taiwan`, `偷渡台湾`).
    ThirdParty,
    /// Issue: a human-rights cue in the same sentence.
    RightsCue,
    /// Issue: an issue frame in the same sentence (`status quo`, `independence`,
    /// `peace and stability`, military pressure).
    IssueCue,
    /// Non-issue: one item of an enumeration of countries and territories (a tariff table,
    /// vaccine recipients, a company's markets, a diplomat's postings).
    Enumeration,
    /// Non-issue: career or life-story wording in the same sentence.
    Biography,
    /// Non-issue: a non-political cue in the same sentence (markets, trade, travel, sport,
    /// weather, wildlife, culture).
    NonPolitical,
    /// Non-issue: the document as a whole has no political register (see
    /// [`crate::score`]).
    Apolitical,
    /// Non-issue: no cue in its own sentence (or only an issue frame), in a document whose
    /// mentions of the topic are overwhelmingly non-issue by their own wording (one sense per
    /// document; see [`judge_sense`]).
    Discourse,
    /// Issue: no sign of another sense, in a document with a political register.
    Plain,
}

impl SenseReason {
    /// Whether this reason makes the mention an issue-sense one.
    pub fn is_issue(self) -> bool {
        matches!(
            self,
            SenseReason::RightsCue | SenseReason::IssueCue | SenseReason::Plain
        )
    }
}

/// What the sentence of a place or ethnonym mention holds, as [`judge_sense`] reads it.
///
/// The classifier fills it from the cues of `lexicons/context.toml` (roles `rights`,
/// `issue`, `place`, `biography`, `benign`) and the other hits of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SenseContext {
    /// The mention opens a news dateline (`TAIPEI, Taiwan —`).
    pub dateline: bool,
    /// The mention is part of a reporter's outlet in a speaker label (`Hong Kong Commercial
    /// Daily: ...`).
    pub affiliation: bool,
    /// The mention is part of an organisation's name (`Moda Holding Hong Kong`,
    /// `香港中國人權民運信息中心`).
    pub organisation_name: bool,
    /// A human-rights cue in the sentence.
    pub rights_cue: bool,
    /// An issue frame in the sentence (`status quo`, `peace and stability`, military
    /// pressure, sovereignty).
    pub issue_cue: bool,
    /// The mention is where people fled or moved to, or the actor reacting, in a sentence
    /// that names another topic's place.
    pub third_party: bool,
    /// Items in the enumeration the mention belongs to (itself included), and whether one
    /// of them is a country or territory outside the five topics and China.
    pub list_items: usize,
    /// ...see `list_items`.
    pub list_has_foreign: bool,
    /// Career or life-story wording in the sentence.
    pub biography_cue: bool,
    /// A non-political cue in the sentence (markets, trade, travel, sport...).
    pub benign_cue: bool,
    /// The document has no political register (see the module docs, step 2).
    pub apolitical: bool,
}

/// Least number of items, the mention included, that makes an enumeration.
pub const LIST_MIN_ITEMS: usize = 2;

/// The sense of one mention of a place or ethnonym: the first rule that applies, in this
/// order:
///
/// 0. the place opens a news dateline (`TAIPEI, Taiwan — Three Hong Kong activists...`):
///    **non-issue** ([`SenseReason::Dateline`]), whatever the sentence holds; so is the
///    outlet of a transcript's speaker label (`Hong Kong Commercial Daily: ...`,
///    [`SenseReason::Affiliation`]), and a place inside an organisation's name (`Moda
///    Holding Hong Kong`, [`SenseReason::OrganisationName`]);
/// 1. the place only receives people or reacts in a sentence about another topic's place
///    (`Lam ... relocated to Taiwan, citing concern that he could be extradited from Hong
///    Kong`): **non-issue** ([`SenseReason::ThirdParty`]), even in a rights sentence, which
///    is about the other place; a judged organisation or person (Taiwan's Mainland Affairs
///    Council) is an actor by nature, so naming another topic's place, or a prisoner from
///    it, in its sentence is enough; so is a place that is only where a person fled,
///    travelled privately or came back from, in a sentence with no issue frame (`killing
///    his girlfriend while they were on trip to Taiwan`, `企图偷渡台湾`);
/// 2. a human-rights cue in the sentence: **issue** ([`SenseReason::RightsCue`]); custody
///    words alone in a sentence about ordinary crime (`arrested five suspects ... ketamine`,
///    cues with `frame = "crime"`) are not one, nor are they anywhere in a story of
///    ordinary crime: a document whose only rights cues are custody words, some of them
///    beside such a cue (`jailed for life in murder case ... has been jailed for life in
///    Hong Kong`);
/// 3. an issue frame in the sentence: **issue** ([`SenseReason::IssueCue`]);
/// 4. one item of an enumeration of at least [`LIST_MIN_ITEMS`] places that includes a
///    country or territory other than the five topics and China: **non-issue**
///    ([`SenseReason::Enumeration`]); `Xinjiang, Tibet and Hong Kong` is not such a list;
/// 5. career or life-story wording in the sentence: **non-issue**
///    ([`SenseReason::Biography`]);
/// 6. a non-political cue in the sentence: **non-issue** ([`SenseReason::NonPolitical`]);
/// 7. an apolitical document: **non-issue** ([`SenseReason::Apolitical`]);
/// 8. otherwise **issue** ([`SenseReason::Plain`]): a place named in a political text.
///
/// Then one pass over the document (one sense per document): when at least two mentions of
/// a topic are non-issue by rules 4 or 6 and at most a quarter as many are issue by rules 2
/// or 3, the topic's mentions judged by rule 8, or by rule 3 with a frame of security or
/// pressure only (`coast guard`, `threat`), become **non-issue**
/// ([`SenseReason::Discourse`]). A drug-smuggling story that names Taiwan in five ketamine
/// sentences does not raise the Taiwan question in its sixth, bare one. A mention with a
/// rights cue or a status frame (`sovereignty`, `status quo`: [`crate::Frame::Status`]) is
/// never overruled, and biographies (rule 5: an exile's relatives `born in Kashgar` are
/// still held there) do not vote.
///
/// Only issue-sense mentions add evidence. Entries that always count (laws, policies,
/// events, most organisations, named prisoners) are not judged; the people of the four
/// place lexicons (politicians, officials, religious leaders, exiles), parties that also
/// turn up in sport, trade, travel or celebrity news, and bodies that often speak of another
/// topic (Taiwan's Mainland Affairs Council) are, with `sense = "judged"` in their lexicon
/// entry: the Dalai Lamas' summer palace in a travel guide is not the Tibet question.
///
/// # Examples
///
/// ```
/// use rightslens::score::{judge_sense, SenseContext};
/// use rightslens::SenseReason;
/// let tariff_table = SenseContext { list_items: 5, list_has_foreign: true, ..Default::default() };
/// assert_eq!(judge_sense(&tariff_table), SenseReason::Enumeration);
/// let rights_list = SenseContext { rights_cue: true, ..tariff_table };
/// assert_eq!(judge_sense(&rights_list), SenseReason::RightsCue);
/// assert_eq!(judge_sense(&SenseContext::default()), SenseReason::Plain);
/// ```
pub fn judge_sense(c: &SenseContext) -> SenseReason {
    if c.dateline {
        SenseReason::Dateline
    } else if c.affiliation {
        SenseReason::Affiliation
    } else if c.organisation_name {
        SenseReason::OrganisationName
    } else if c.third_party {
        SenseReason::ThirdParty
    } else if c.rights_cue {
        SenseReason::RightsCue
    } else if c.issue_cue {
        SenseReason::IssueCue
    } else if c.list_items >= LIST_MIN_ITEMS && c.list_has_foreign {
        SenseReason::Enumeration
    } else if c.biography_cue {
        SenseReason::Biography
    } else if c.benign_cue {
        SenseReason::NonPolitical
    } else if c.apolitical {
        SenseReason::Apolitical
    } else {
        SenseReason::Plain
    }
}
