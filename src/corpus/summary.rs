//! Aggregates of a corpus run: counts, score distributions, co-occurrence, most frequent
//! entries and people, and time series by day, month or year.

use super::{Outcome, ReasonKind, Record};
use crate::CONTEXT_TOPIC;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

/// Number of bins of the score histograms (width 0.1).
pub const HISTOGRAM_BINS: usize = 10;

/// The length of the periods of a time series.
///
/// # Examples
///
/// ```
/// use rightslens::corpus::Period;
/// assert_eq!("month".parse::<Period>(), Ok(Period::Month));
/// assert_eq!(Period::Year.key("2024-05-17"), Some("2024"));
/// assert_eq!(Period::Day.key("2024-05"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// One point per day (`2024-05-17`).
    Day,
    /// One point per month (`2024-05`), the default.
    #[default]
    Month,
    /// One point per year (`2024`).
    Year,
}

impl Period {
    /// The period a normalised date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) falls in, or `None`
    /// when the date is less precise than the period.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::corpus::Period;
    /// assert_eq!(Period::Month.key("2024-05-17"), Some("2024-05"));
    /// ```
    pub fn key(self, date: &str) -> Option<&str> {
        let n = match self {
            Period::Day => 10,
            Period::Month => 7,
            Period::Year => 4,
        };
        date.get(..n)
    }
}

impl std::str::FromStr for Period {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Period, String> {
        match s {
            "day" => Ok(Period::Day),
            "month" => Ok(Period::Month),
            "year" => Ok(Period::Year),
            _ => Err(format!(
                "unknown period {s:?} (help: use day, month or year)"
            )),
        }
    }
}

/// Aggregates over all classified documents of one topic.
///
/// # Examples
///
/// ```
/// let s = rightslens::corpus::TopicSummary::default();
/// assert_eq!(s.score_histogram.len(), 0);
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TopicSummary {
    /// Documents where the topic is present.
    pub present: usize,
    /// Documents where the topic is a main subject.
    pub primary: usize,
    /// Hits of the topic, all documents together.
    pub hits: u64,
    /// Mean coverage score over all classified documents (0 when there are none).
    pub mean_score: f64,
    /// Mean coverage score over the documents where the topic is present.
    pub mean_score_present: f64,
    /// Number of documents per score bin: bin `i` counts scores in `[i/10, (i+1)/10)`, the
    /// last bin also counts 1.0.
    pub score_histogram: Vec<usize>,
}

/// How often one lexicon entry was hit.
///
/// # Examples
///
/// ```
/// let e = rightslens::corpus::EntryCount { entry: "tibet.place.tibet".into(), topic: "tibet".into(), documents: 2, hits: 5 };
/// assert!(e.hits >= e.documents as u64);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryCount {
    /// Entry id.
    pub entry: String,
    /// Topic of the entry (`context` for cues).
    pub topic: String,
    /// Documents with at least one stored hit of the entry.
    pub documents: usize,
    /// Stored hits of the entry (see [`ClassifierBuilder::max_hits`](crate::ClassifierBuilder::max_hits)).
    pub hits: u64,
}

/// How often one named prisoner was mentioned.
///
/// # Examples
///
/// ```
/// let p = rightslens::corpus::PrisonerCount { id: "x".into(), name: "Ilham Tohti".into(), documents: 1, mentions: 3 };
/// assert_eq!(p.name, "Ilham Tohti");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrisonerCount {
    /// Entry id of the person.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Documents naming the person.
    pub documents: usize,
    /// Mentions, all documents together.
    pub mentions: u64,
}

/// Counts for one period of the time series.
///
/// # Examples
///
/// ```
/// let p = rightslens::corpus::PeriodCounts::default();
/// assert_eq!(p.documents, 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PeriodCounts {
    /// Classified documents dated in the period.
    pub documents: usize,
    /// Documents per topic where the topic is present (every topic is listed).
    pub present: BTreeMap<String, usize>,
    /// Documents per topic where the topic is a main subject (every topic is listed).
    pub primary: BTreeMap<String, usize>,
}

/// Aggregates of a whole corpus run, returned by [`scan`](super::scan) (plain serde data).
///
/// `inputs == classified + skipped + failed` always holds, and the counts of
/// [`reasons`](Summary::reasons) add up to `skipped + failed`.
///
/// # Examples
///
/// ```
/// use rightslens::corpus::{scan, CorpusOptions, Input};
/// use rightslens::Classifier;
///
/// let clf = Classifier::new()?;
/// let lines = r#"{"id": "a", "date": "2024-03-01", "text": "The Secretary raised human rights in Tibet."}
/// {"id": "b", "date": "2024-04-09", "text": "They raised human rights in Tibet and forced labour in Xinjiang."}
/// not json
/// "#;
/// let input = Input::json_lines("mem", std::io::Cursor::new(lines));
/// let summary = scan(&clf, vec![input], &CorpusOptions::new(), |_| Ok(()))?;
/// assert_eq!((summary.classified, summary.failed), (2, 1));
/// assert_eq!(summary.topics["tibet"].present, 2);
/// assert_eq!(summary.cooccurrence["tibet"]["xinjiang"], 1);
/// assert_eq!(summary.periods["2024-04"].present["xinjiang"], 1);
/// println!("{}", summary.table(10));
/// # Ok::<(), rightslens::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Summary {
    /// Inputs seen: files, JSON lines and CSV rows (one per [`Record`]).
    pub inputs: usize,
    /// Inputs classified.
    pub classified: usize,
    /// Inputs skipped on purpose (empty, binary, too large, not a regular file...).
    pub skipped: usize,
    /// Inputs that could not be read or parsed.
    pub failed: usize,
    /// Classified inputs that were not valid UTF-8 and were decoded with replacement characters.
    pub utf8_lossy: usize,
    /// Skipped and failed inputs per reason.
    pub reasons: BTreeMap<ReasonKind, usize>,
    /// Bytes of text classified.
    pub bytes: u64,
    /// Words classified.
    pub words: u64,
    /// Classified documents that discuss human rights at all.
    pub human_rights: usize,
    /// Aggregates per topic.
    pub topics: BTreeMap<String, TopicSummary>,
    /// `cooccurrence[a][b]`: documents where both topics are present (the diagonal holds the
    /// documents where the topic is present).
    pub cooccurrence: BTreeMap<String, BTreeMap<String, usize>>,
    /// Entries hit, most documents first (then most hits, then id).
    pub entries: Vec<EntryCount>,
    /// Named prisoners, most documents first (then most mentions, then id).
    pub prisoners: Vec<PrisonerCount>,
    /// The period of the time series.
    pub period: Period,
    /// The time series: counts per period, in date order.
    pub periods: BTreeMap<String, PeriodCounts>,
    /// Classified documents without a date precise enough for the period.
    pub undated: usize,
    /// Inputs whose date field or column held a value that is not a date the run reads
    /// ([`Record::date_unread`]).
    #[serde(default)]
    pub dates_unread: usize,
    /// The first of those (up to 5), as `id: value`.
    #[serde(default)]
    pub dates_unread_examples: Vec<String>,
}

impl Summary {
    /// A plain-text report of the summary: counts, reasons, topics, co-occurrence, the `top`
    /// most frequent topic entries (context cues left out) and people, and the time series.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = rightslens::corpus::Summary::default();
    /// assert!(s.table(5).starts_with("0 inputs: 0 classified, 0 skipped, 0 failed"));
    /// ```
    pub fn table(&self, top: usize) -> String {
        let mut o = String::new();
        let _ = writeln!(
            o,
            "{} inputs: {} classified, {} skipped, {} failed",
            self.inputs, self.classified, self.skipped, self.failed
        );
        let _ = writeln!(
            o,
            "{:.1} MB of text, {} words; {} documents discuss human rights; {} decoded with replacement characters",
            self.bytes as f64 / 1e6,
            self.words,
            self.human_rights,
            self.utf8_lossy
        );
        if self.dates_unread > 0 {
            let _ = writeln!(
                o,
                "{} dates not read (e.g. {})",
                self.dates_unread,
                self.dates_unread_examples.join("; ")
            );
        }
        if !self.reasons.is_empty() {
            let _ = writeln!(o, "\nnot classified:");
            for (k, n) in &self.reasons {
                let _ = writeln!(o, "  {:<22} {n:>8}", k.as_str());
            }
        }
        let _ = writeln!(
            o,
            "\n{:<22} {:>8} {:>8} {:>10} {:>8}  score histogram (0.0 .. 1.0)",
            "topic", "present", "primary", "hits", "mean"
        );
        for (t, s) in &self.topics {
            let hist: Vec<String> = s.score_histogram.iter().map(|n| n.to_string()).collect();
            let _ = writeln!(
                o,
                "{t:<22} {:>8} {:>8} {:>10} {:>8.3}  {}",
                s.present,
                s.primary,
                s.hits,
                s.mean_score,
                hist.join(" ")
            );
        }
        if !self.cooccurrence.is_empty() {
            let _ = writeln!(o, "\nco-occurrence (documents where both are present):");
            let names: Vec<&String> = self.cooccurrence.keys().collect();
            let w = names.iter().map(|n| n.len()).max().unwrap_or(0).max(8);
            let _ = write!(o, "{:<w$}", "");
            for n in &names {
                let _ = write!(o, " {:>w$}", n);
            }
            let _ = writeln!(o);
            for (a, row) in &self.cooccurrence {
                let _ = write!(o, "{a:<w$}");
                for b in &names {
                    let _ = write!(o, " {:>w$}", row.get(*b).copied().unwrap_or(0));
                }
                let _ = writeln!(o);
            }
        }
        let topic_entries = self.entries.iter().filter(|e| e.topic != CONTEXT_TOPIC);
        if topic_entries.clone().next().is_some() && top > 0 {
            let _ = writeln!(o, "\nmost frequent topic entries (documents, hits):");
            for e in topic_entries.take(top) {
                let _ = writeln!(o, "  {:<50} {:>8} {:>10}", e.entry, e.documents, e.hits);
            }
        }
        if !self.prisoners.is_empty() && top > 0 {
            let _ = writeln!(o, "\nnamed prisoners (documents, mentions):");
            for p in self.prisoners.iter().take(top) {
                let _ = writeln!(o, "  {:<50} {:>8} {:>10}", p.name, p.documents, p.mentions);
            }
        }
        if !self.periods.is_empty() {
            let topics: Vec<&String> = self.topics.keys().collect();
            let _ = writeln!(
                o,
                "\ndocuments per {} (present; {} undated):",
                match self.period {
                    Period::Day => "day",
                    Period::Month => "month",
                    Period::Year => "year",
                },
                self.undated
            );
            let _ = write!(o, "{:<10} {:>8}", "period", "docs");
            for t in &topics {
                let _ = write!(o, " {:>w$}", t, w = t.len().max(6));
            }
            let _ = writeln!(o);
            for (k, p) in &self.periods {
                let _ = write!(o, "{k:<10} {:>8}", p.documents);
                for t in &topics {
                    let n = p.present.get(*t).copied().unwrap_or(0);
                    let _ = write!(o, " {:>w$}", n, w = t.len().max(6));
                }
                let _ = writeln!(o);
            }
        }
        o
    }
}

/// Builds a [`Summary`] one [`Record`] at a time; [`scan`](super::scan) uses it, and so can
/// code that classifies records its own way.
///
/// Adding the same records in the same order gives the same summary, bit for bit.
///
/// # Examples
///
/// ```
/// use rightslens::corpus::{Outcome, Period, Record, Tally};
/// use rightslens::Classifier;
///
/// let clf = Classifier::new()?;
/// let mut tally = Tally::new(clf.topics(), Period::Year);
/// let report = clf.classify_with_id("a", "The Secretary raised human rights in Tibet.");
/// let mut rec = Record::new("a", "mem", Outcome::Classified(Box::new(report)));
/// rec.date = Some("2023-01-02".into());
/// tally.add(&rec);
/// let s = tally.finish();
/// assert_eq!(s.periods["2023"].present["tibet"], 1);
/// # Ok::<(), rightslens::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Tally {
    s: Summary,
    /// per topic, in the order of `s.topics`: the sum of the scores, and of the scores of
    /// documents where the topic is present
    score_sums: Vec<(f64, f64)>,
    /// `cooccurrence[a * n + b]` for topics `a`, `b` by position in `s.topics` (copied into
    /// the summary's map by `finish`)
    cooccurrence: Vec<usize>,
    /// positions of the topics present in the record being added (reused)
    present: Vec<usize>,
    /// each entry's counts, and the number (`inputs`) of the last record that had a hit of it
    entries: HashMap<String, (EntryCount, usize)>,
    prisoners: HashMap<String, PrisonerCount>,
}

impl Tally {
    /// An empty tally for these topics (usually [`Classifier::topics`](crate::Classifier::topics)).
    ///
    /// # Examples
    ///
    /// ```
    /// let t = rightslens::corpus::Tally::new(&["tibet"], Default::default());
    /// assert_eq!(t.finish().topics["tibet"].present, 0);
    /// ```
    pub fn new<S: AsRef<str>>(topics: &[S], period: Period) -> Tally {
        let mut s = Summary {
            period,
            ..Summary::default()
        };
        for t in topics {
            let t = t.as_ref().to_string();
            s.topics.insert(
                t.clone(),
                TopicSummary {
                    score_histogram: vec![0; HISTOGRAM_BINS],
                    ..TopicSummary::default()
                },
            );
            let row = topics.iter().map(|u| (u.as_ref().to_string(), 0)).collect();
            s.cooccurrence.insert(t, row);
        }
        let n = s.topics.len();
        Tally {
            s,
            score_sums: vec![(0.0, 0.0); n],
            cooccurrence: vec![0; n * n],
            present: Vec::new(),
            entries: HashMap::new(),
            prisoners: HashMap::new(),
        }
    }

    /// Counts one record.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::corpus::{Outcome, Reason, ReasonKind, Record, Tally};
    /// let mut t = Tally::new(&["tibet"], Default::default());
    /// let r = Record::new("x", "x.bin", Outcome::Skipped(Reason::new(ReasonKind::Binary, "binary file")));
    /// t.add(&r);
    /// let s = t.finish();
    /// assert_eq!((s.inputs, s.skipped, s.reasons[&ReasonKind::Binary]), (1, 1, 1));
    /// ```
    pub fn add(&mut self, r: &Record) {
        let s = &mut self.s;
        s.inputs += 1;
        if let Some(v) = &r.date_unread {
            s.dates_unread += 1;
            if s.dates_unread_examples.len() < 5 {
                s.dates_unread_examples.push(format!("{}: {v}", r.id));
            }
        }
        let report = match &r.outcome {
            Outcome::Classified(report) => report,
            Outcome::Skipped(reason) => {
                s.skipped += 1;
                *s.reasons.entry(reason.kind).or_default() += 1;
                return;
            }
            Outcome::Failed(reason) => {
                s.failed += 1;
                *s.reasons.entry(reason.kind).or_default() += 1;
                return;
            }
        };
        s.classified += 1;
        s.utf8_lossy += usize::from(r.utf8_lossy);
        s.bytes += report.bytes as u64;
        s.words += report.words as u64;
        s.human_rights += usize::from(report.human_rights);
        // Both maps are sorted by topic name: one merging pass pairs each report topic with
        // its aggregate (by position `k` in `s.topics`), without a lookup per topic.
        let n = s.topics.len();
        self.present.clear();
        let mut next = s.topics.iter_mut().enumerate();
        let mut cur = next.next();
        for (t, ts) in &report.topics {
            while cur
                .as_ref()
                .is_some_and(|(_, (k, _))| k.as_str() < t.as_str())
            {
                cur = next.next();
            }
            let Some((k, (name, agg))) = cur.as_mut() else {
                break;
            };
            if name.as_str() != t.as_str() {
                continue;
            }
            agg.hits += ts.hits as u64;
            let bin = ((ts.score * HISTOGRAM_BINS as f64) as usize).min(HISTOGRAM_BINS - 1);
            agg.score_histogram[bin] += 1;
            let sums = &mut self.score_sums[*k];
            sums.0 += ts.score;
            if ts.present {
                sums.1 += ts.score;
                agg.present += 1;
                self.present.push(*k);
            }
            agg.primary += usize::from(ts.primary);
        }
        for &a in &self.present {
            for &b in &self.present {
                self.cooccurrence[a * n + b] += 1;
            }
        }
        // `s.inputs` numbers this record: an entry counts a document at its first hit in it
        let this = s.inputs;
        for h in &report.hits {
            match self.entries.get_mut(&*h.entry) {
                Some((e, last)) => {
                    e.hits += 1;
                    e.documents += usize::from(*last != this);
                    *last = this;
                }
                None => {
                    let e = EntryCount {
                        entry: h.entry.to_string(),
                        topic: h.topic.to_string(),
                        documents: 1,
                        hits: 1,
                    };
                    self.entries.insert(h.entry.to_string(), (e, this));
                }
            }
        }
        for p in &report.prisoners {
            let e = self
                .prisoners
                .entry(p.id.to_string())
                .or_insert_with(|| PrisonerCount {
                    id: p.id.to_string(),
                    name: p.name.to_string(),
                    documents: 0,
                    mentions: 0,
                });
            e.documents += 1;
            e.mentions += p.mentions.len() as u64;
        }
        match r.date.as_deref().and_then(|d| s.period.key(d)) {
            Some(k) => {
                let p = match s.periods.get_mut(k) {
                    Some(p) => p,
                    None => {
                        let zero: BTreeMap<String, usize> =
                            s.topics.keys().map(|t| (t.clone(), 0)).collect();
                        s.periods.entry(k.to_string()).or_insert(PeriodCounts {
                            documents: 0,
                            present: zero.clone(),
                            primary: zero,
                        })
                    }
                };
                p.documents += 1;
                for (t, ts) in &report.topics {
                    if ts.present {
                        if let Some(n) = p.present.get_mut(t) {
                            *n += 1;
                        }
                    }
                    if ts.primary {
                        if let Some(n) = p.primary.get_mut(t) {
                            *n += 1;
                        }
                    }
                }
            }
            None => s.undated += 1,
        }
    }

    /// The summary of the records added so far.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = rightslens::corpus::Tally::new(&["tibet"], Default::default()).finish();
    /// assert_eq!(s.inputs, 0);
    /// ```
    pub fn finish(self) -> Summary {
        let mut s = self.s;
        let n = s.topics.len();
        // the rows and columns of `s.cooccurrence` are the topics of `s.topics`, in order
        for (a, row) in s.cooccurrence.values_mut().enumerate() {
            for (b, count) in row.values_mut().enumerate() {
                *count = self.cooccurrence.get(a * n + b).copied().unwrap_or(0);
            }
        }
        for (k, agg) in s.topics.values_mut().enumerate() {
            let (all, present) = self.score_sums.get(k).copied().unwrap_or_default();
            if s.classified > 0 {
                agg.mean_score = all / s.classified as f64;
            }
            if agg.present > 0 {
                agg.mean_score_present = present / agg.present as f64;
            }
        }
        let mut entries: Vec<EntryCount> = self.entries.into_values().map(|(e, _)| e).collect();
        entries.sort_by(|a, b| {
            (b.documents, b.hits)
                .cmp(&(a.documents, a.hits))
                .then_with(|| a.entry.cmp(&b.entry))
        });
        let mut prisoners: Vec<PrisonerCount> = self.prisoners.into_values().collect();
        prisoners.sort_by(|a, b| {
            (b.documents, b.mentions)
                .cmp(&(a.documents, a.mentions))
                .then_with(|| a.id.cmp(&b.id))
        });
        s.entries = entries;
        s.prisoners = prisoners;
        s
    }
}
