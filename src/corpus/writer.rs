//! Records as CSV: the tidy long format of topics ([`CsvWriter`]) and one row per prisoner
//! mention ([`PrisonerCsvWriter`]).

use super::{Outcome, Record};
use crate::{Error, Result};
use std::fmt;
use std::io::Write;

/// The columns of [`CsvWriter`], in order.
///
/// | column | holds |
/// |---|---|
/// | `id` | document id |
/// | `path` | file (or stream name) |
/// | `line` | line of the JSON line or CSV row, else empty |
/// | `date` | normalised date, else empty |
/// | `status` | `classified`, `skipped` or `failed` |
/// | `topic` | the topic of this row (empty for an input not classified) |
/// | `score` | coverage score, 0 to 1 |
/// | `present`, `primary` | `true` / `false` |
/// | `hits` | topic hits counted |
/// | `evidence` | summed evidence |
/// | `human_rights` | `true` / `false`: the document discusses human rights (same on every row of a document) |
/// | `prisoners` | canonical names of the people named in custody, in report order, joined with `; ` (same on every row of a document) |
/// | `error` | why an input was skipped or failed, else empty |
pub const CSV_COLUMNS: [&str; 14] = [
    "id",
    "path",
    "line",
    "date",
    "status",
    "topic",
    "score",
    "present",
    "primary",
    "hits",
    "evidence",
    "human_rights",
    "prisoners",
    "error",
];

/// Writes records as CSV in tidy long format: one row per document and topic, with the
/// columns of [`CSV_COLUMNS`]. An input that was not classified gets one row with an empty
/// topic, its status (`skipped` or `failed`) and the reason in `error`.
///
/// # Examples
///
/// ```
/// use rightslens::corpus::{CsvWriter, Outcome, Record};
/// let clf = rightslens::Classifier::builder().topics(&["tibet"]).build()?;
/// let report = clf.classify_with_id("a", "Free Tibet");
/// let rec = Record::new("a", "a.txt", Outcome::Classified(Box::new(report)));
/// let mut w = CsvWriter::new(Vec::new())?;
/// w.write(&rec)?;
/// let csv = String::from_utf8(w.into_inner()?).unwrap();
/// let mut lines = csv.lines();
/// assert_eq!(lines.next(), Some("id,path,line,date,status,topic,score,present,primary,hits,evidence,human_rights,prisoners,error"));
/// assert!(lines.next().unwrap().starts_with("a,a.txt,,,classified,tibet,"));
/// # Ok::<(), rightslens::Error>(())
/// ```
pub struct CsvWriter<W: Write> {
    w: csv::Writer<W>,
}

impl<W: Write> fmt::Debug for CsvWriter<W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CsvWriter").finish_non_exhaustive()
    }
}

fn csv_error(e: csv::Error) -> Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => Error::io("<output>", e),
        other => Error::io("<output>", std::io::Error::other(format!("{other:?}"))),
    }
}

impl<W: Write> CsvWriter<W> {
    /// A writer; writes the header row.
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::Io`](crate::ErrorKind::Io) error when writing fails.
    ///
    /// # Examples
    ///
    /// ```
    /// let w = rightslens::corpus::CsvWriter::new(Vec::new())?;
    /// assert!(w.into_inner()?.starts_with(b"id,path,"));
    /// # Ok::<(), rightslens::Error>(())
    /// ```
    pub fn new(w: W) -> Result<CsvWriter<W>> {
        let mut w = csv::Writer::from_writer(w);
        w.write_record(CSV_COLUMNS).map_err(csv_error)?;
        Ok(CsvWriter { w })
    }

    /// Writes the rows of one record.
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::Io`](crate::ErrorKind::Io) error when writing fails.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::corpus::{CsvWriter, Outcome, Reason, ReasonKind, Record};
    /// let skipped = Outcome::Skipped(Reason::new(ReasonKind::Binary, "binary file"));
    /// let rec = Record::new("b", "b.bin", skipped);
    /// let mut w = CsvWriter::new(Vec::new())?;
    /// w.write(&rec)?;
    /// let out = String::from_utf8(w.into_inner()?).unwrap();
    /// assert!(out.ends_with("b,b.bin,,,skipped,,,,,,,,,binary file\n"));
    /// # Ok::<(), rightslens::Error>(())
    /// ```
    pub fn write(&mut self, r: &Record) -> Result<()> {
        let line = r.line.map(|l| l.to_string()).unwrap_or_default();
        let date = r.date.as_deref().unwrap_or("");
        match &r.outcome {
            Outcome::Classified(report) => {
                let human_rights = if report.human_rights { "true" } else { "false" };
                let names: Vec<&str> = report.prisoners.iter().map(|p| &*p.name).collect();
                let prisoners = names.join("; ");
                for (topic, s) in &report.topics {
                    self.w
                        .write_record([
                            r.id.as_str(),
                            &r.path,
                            &line,
                            date,
                            "classified",
                            topic,
                            &s.score.to_string(),
                            if s.present { "true" } else { "false" },
                            if s.primary { "true" } else { "false" },
                            &s.hits.to_string(),
                            &s.evidence.to_string(),
                            human_rights,
                            &prisoners,
                            "",
                        ])
                        .map_err(csv_error)?;
                }
            }
            Outcome::Skipped(reason) | Outcome::Failed(reason) => {
                self.w
                    .write_record([
                        r.id.as_str(),
                        &r.path,
                        &line,
                        date,
                        r.outcome.status(),
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        &reason.message,
                    ])
                    .map_err(csv_error)?;
            }
        }
        Ok(())
    }

    /// Flushes buffered rows to the underlying writer.
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::Io`](crate::ErrorKind::Io) error when writing fails.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut w = rightslens::corpus::CsvWriter::new(Vec::new())?;
    /// w.flush()?;
    /// # Ok::<(), rightslens::Error>(())
    /// ```
    pub fn flush(&mut self) -> Result<()> {
        self.w.flush().map_err(|e| Error::io("<output>", e))
    }

    /// Flushes and returns the underlying writer.
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::Io`](crate::ErrorKind::Io) error when the final flush fails.
    ///
    /// # Examples
    ///
    /// ```
    /// let w = rightslens::corpus::CsvWriter::new(Vec::new())?;
    /// assert!(!w.into_inner()?.is_empty());
    /// # Ok::<(), rightslens::Error>(())
    /// ```
    pub fn into_inner(self) -> Result<W> {
        finish(self.w)
    }
}

/// The columns of [`PrisonerCsvWriter`], in order.
///
/// | column | holds |
/// |---|---|
/// | `id`, `path`, `line`, `date` | the document, as in [`CSV_COLUMNS`] |
/// | `prisoner_id` | the lexicon or registry entry id, or `unlisted:<name>` |
/// | `name` | canonical name (as written, for an unlisted person) |
/// | `listed` | `true` when a lexicon or registry holds the person |
/// | `region` | `tibet`, `xinjiang`, `hong_kong`, `mainland`, or empty |
/// | `start`, `end`, `mention` | byte offsets of this mention in the document's text, and its text |
/// | `custody_start`, `custody_end`, `custody` | for an unlisted person, the custody phrase that made them a detainee (else empty) |
pub const PRISONER_CSV_COLUMNS: [&str; 14] = [
    "id",
    "path",
    "line",
    "date",
    "prisoner_id",
    "name",
    "listed",
    "region",
    "start",
    "end",
    "mention",
    "custody_start",
    "custody_end",
    "custody",
];

/// Writes one CSV row per mention of a named prisoner, with the columns of
/// [`PRISONER_CSV_COLUMNS`]. Inputs that were not classified, and documents that name
/// nobody, give no rows (the topic CSV of [`CsvWriter`] accounts for every input).
///
/// # Examples
///
/// ```
/// use rightslens::corpus::{Outcome, PrisonerCsvWriter, Record};
/// let clf = rightslens::Classifier::new()?;
/// let report = clf.classify_with_id("d", "Free Ilham Tohti. Ilham Tohti must be released.");
/// let rec = Record::new("d", "d.txt", Outcome::Classified(Box::new(report)));
/// let mut w = PrisonerCsvWriter::new(Vec::new())?;
/// w.write(&rec)?;
/// let csv = String::from_utf8(w.into_inner()?).unwrap();
/// let rows: Vec<&str> = csv.lines().collect();
/// assert_eq!(rows.len(), 3, "header and one row per mention");
/// assert!(rows[1].starts_with("d,d.txt,,,political_prisoners.person.ilham-tohti,Ilham Tohti,true,xinjiang,5,16,Ilham Tohti"));
/// # Ok::<(), rightslens::Error>(())
/// ```
pub struct PrisonerCsvWriter<W: Write> {
    w: csv::Writer<W>,
}

impl<W: Write> fmt::Debug for PrisonerCsvWriter<W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PrisonerCsvWriter").finish_non_exhaustive()
    }
}

impl<W: Write> PrisonerCsvWriter<W> {
    /// A writer; writes the header row.
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::Io`](crate::ErrorKind::Io) error when writing fails.
    ///
    /// # Examples
    ///
    /// ```
    /// let w = rightslens::corpus::PrisonerCsvWriter::new(Vec::new())?;
    /// assert!(w.into_inner()?.starts_with(b"id,path,line,date,prisoner_id,"));
    /// # Ok::<(), rightslens::Error>(())
    /// ```
    pub fn new(w: W) -> Result<PrisonerCsvWriter<W>> {
        let mut w = csv::Writer::from_writer(w);
        w.write_record(PRISONER_CSV_COLUMNS).map_err(csv_error)?;
        Ok(PrisonerCsvWriter { w })
    }

    /// Writes one row per prisoner mention of a record (none when it was not classified).
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::Io`](crate::ErrorKind::Io) error when writing fails.
    ///
    /// # Examples
    ///
    /// ```
    /// use rightslens::corpus::{Outcome, PrisonerCsvWriter, Reason, ReasonKind, Record};
    /// let rec = Record::new("e", "e.txt", Outcome::Skipped(Reason::new(ReasonKind::Empty, "empty file")));
    /// let mut w = PrisonerCsvWriter::new(Vec::new())?;
    /// w.write(&rec)?;
    /// assert_eq!(w.into_inner()?.iter().filter(|&&b| b == b'\n').count(), 1, "header only");
    /// # Ok::<(), rightslens::Error>(())
    /// ```
    pub fn write(&mut self, r: &Record) -> Result<()> {
        let Outcome::Classified(report) = &r.outcome else {
            return Ok(());
        };
        let line = r.line.map(|l| l.to_string()).unwrap_or_default();
        let date = r.date.as_deref().unwrap_or("");
        for p in &report.prisoners {
            let (cs, ce, ct) = match &p.custody {
                Some(c) => (c.start.to_string(), c.end.to_string(), c.text.as_str()),
                None => (String::new(), String::new(), ""),
            };
            for m in &p.mentions {
                self.w
                    .write_record([
                        r.id.as_str(),
                        &r.path,
                        &line,
                        date,
                        &p.id,
                        &p.name,
                        if p.listed { "true" } else { "false" },
                        p.region.as_deref().unwrap_or(""),
                        &m.start.to_string(),
                        &m.end.to_string(),
                        m.text.as_str(),
                        &cs,
                        &ce,
                        ct,
                    ])
                    .map_err(csv_error)?;
            }
        }
        Ok(())
    }

    /// Flushes buffered rows to the underlying writer.
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::Io`](crate::ErrorKind::Io) error when writing fails.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut w = rightslens::corpus::PrisonerCsvWriter::new(Vec::new())?;
    /// w.flush()?;
    /// # Ok::<(), rightslens::Error>(())
    /// ```
    pub fn flush(&mut self) -> Result<()> {
        self.w.flush().map_err(|e| Error::io("<output>", e))
    }

    /// Flushes and returns the underlying writer.
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::Io`](crate::ErrorKind::Io) error when the final flush fails.
    ///
    /// # Examples
    ///
    /// ```
    /// let w = rightslens::corpus::PrisonerCsvWriter::new(Vec::new())?;
    /// assert!(!w.into_inner()?.is_empty());
    /// # Ok::<(), rightslens::Error>(())
    /// ```
    pub fn into_inner(self) -> Result<W> {
        finish(self.w)
    }
}

/// Flushes a CSV writer and returns what it wrote to.
fn finish<W: Write>(w: csv::Writer<W>) -> Result<W> {
    w.into_inner().map_err(|e| {
        Error::io(
            "<output>",
            std::io::Error::new(e.error().kind(), e.error().to_string()),
        )
    })
}
