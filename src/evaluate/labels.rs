//! Gold labels: hand-coded documents read from JSON Lines.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One hand-coded document.
///
/// # Examples
///
/// ```
/// let g = rightslens::evaluate::Gold::parse_jsonl(r#"{"id":"x","topics":{"taiwan":1}}"#).unwrap();
/// assert_eq!(g[0].topics["taiwan"], 1);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Gold {
    /// Document id (matched against the report id, or its last `/` component).
    pub id: String,
    /// Level per topic: 0, 1 or 2. Missing topics count as 0.
    #[serde(default)]
    pub topics: BTreeMap<String, u8>,
    /// Whether the document discusses human rights, if coded.
    #[serde(default)]
    pub human_rights: Option<bool>,
    /// Named political prisoners, as written in the text.
    #[serde(default)]
    pub prisoners: Vec<String>,
}

impl Gold {
    /// Parses gold labels from JSON Lines text (blank lines are skipped).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Input`](crate::ErrorKind::Input) with the line number of the first line
    /// that is not a valid label object.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = rightslens::evaluate::Gold::parse_jsonl("{\"id\":\"a\"}\nnot json").unwrap_err();
    /// assert_eq!(err.line(), Some(2));
    /// ```
    pub fn parse_jsonl(text: &str) -> Result<Vec<Gold>> {
        let mut out = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let g: Gold = serde_json::from_str(line)
                .map_err(|e| Error::input(format!("not a gold label: {e}")).with_line(n + 1))?;
            out.push(g);
        }
        Ok(out)
    }

    /// Reads a gold-label file.
    ///
    /// # Errors
    ///
    /// An I/O error naming the file, or a parse error with its line.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(rightslens::evaluate::Gold::from_file("/no/labels.jsonl").is_err());
    /// ```
    pub fn from_file(path: impl AsRef<std::path::Path>) -> Result<Vec<Gold>> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Gold::parse_jsonl(&text).map_err(|e| e.with_path(path))
    }

    /// The gold level of `topic` (0 when not coded).
    pub(crate) fn level(&self, topic: &str) -> u8 {
        self.topics.get(topic).copied().unwrap_or(0)
    }
}
