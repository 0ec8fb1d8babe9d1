//! Records as CSV in tidy long format.

use super::{Outcome, Record};
use crate::{Error, Result};
use std::fmt;
use std::io::Write;

/// Writes records as CSV in tidy long format: one row per document and topic, with the
/// columns `id, path, line, date, status, topic, score, present, primary, hits, evidence,
/// error`. An input that was not classified gets one row with an empty topic, its status
/// (`skipped` or `failed`) and the reason in `error`.
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
/// assert_eq!(lines.next(), Some("id,path,line,date,status,topic,score,present,primary,hits,evidence,error"));
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
        w.write_record([
            "id", "path", "line", "date", "status", "topic", "score", "present", "primary", "hits",
            "evidence", "error",
        ])
        .map_err(csv_error)?;
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
    /// assert!(out.ends_with("b,b.bin,,,skipped,,,,,,,binary file\n"));
    /// # Ok::<(), rightslens::Error>(())
    /// ```
    pub fn write(&mut self, r: &Record) -> Result<()> {
        let line = r.line.map(|l| l.to_string()).unwrap_or_default();
        let date = r.date.as_deref().unwrap_or("");
        match &r.outcome {
            Outcome::Classified(report) => {
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
        self.w.into_inner().map_err(|e| {
            Error::io(
                "<output>",
                std::io::Error::new(e.error().kind(), e.error().to_string()),
            )
        })
    }
}
