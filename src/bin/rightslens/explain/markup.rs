//! Terminal and plain-text markup of hits: colours per topic, `[[text|label]]` markers.

use rightslens::{Hit, Role};
use std::collections::HashMap;
use std::ops::Range;

pub(super) struct Style {
    pub(super) color: bool,
    pub(super) topic_colors: HashMap<String, &'static str>,
}

pub(super) const PALETTE: [&str; 6] = ["33", "36", "35", "34", "31", "32"];
pub(super) const RESET: &str = "\x1b[0m";

impl Style {
    pub(super) fn new(color: bool, topics: &[String]) -> Style {
        let topic_colors = topics
            .iter()
            .enumerate()
            .map(|(i, t)| (t.clone(), PALETTE[i % PALETTE.len()]))
            .collect();
        Style {
            color,
            topic_colors,
        }
    }

    /// The ANSI style of a label (a topic, or a cue role).
    pub(super) fn code(&self, label: &str) -> String {
        match self.topic_colors.get(label) {
            Some(c) => format!("\x1b[1;{c}m"),
            None if label == "rights" => "\x1b[4;32m".to_string(),
            None => "\x1b[2;4m".to_string(),
        }
    }

    /// `text` marked with `labels` (the first decides the colour).
    pub(super) fn mark(&self, text: &str, labels: &[String]) -> String {
        if self.color {
            format!("{}{text}{RESET}", self.code(&labels[0]))
        } else {
            format!("[[{text}|{}]]", labels.join(","))
        }
    }

    /// A label printed in its own colour (for headings and the legend).
    pub(super) fn label(&self, label: &str) -> String {
        if self.color {
            format!("{}{label}{RESET}", self.code(label))
        } else {
            label.to_string()
        }
    }

    pub(super) fn bold(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1m{s}{RESET}")
        } else {
            s.to_string()
        }
    }
}

/// The label a hit is shown with: its topic, or the role of a context cue.
pub(super) fn hit_label(h: &Hit) -> String {
    if h.role == Role::Topic && h.topic != rightslens::CONTEXT_TOPIC {
        h.topic.to_string()
    } else {
        role_name(h.role)
    }
}

/// The serde spelling of a role (`rights`, `benign`, ...).
pub(super) fn role_name(r: Role) -> String {
    serde_json::to_value(r)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| format!("{r:?}").to_lowercase())
}

/// `text[range]` with the hits inside it marked. Overlapping hits are merged into one mark
/// that carries every label, topic labels first.
pub(super) fn highlight(text: &str, range: Range<usize>, hits: &[&Hit], style: &Style) -> String {
    let mut spans: Vec<(usize, usize, String)> = hits
        .iter()
        .filter(|h| h.start >= range.start && h.end <= range.end && h.start < h.end)
        .map(|h| (h.start, h.end, hit_label(h)))
        .collect();
    spans.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out = String::with_capacity(range.len() + spans.len() * 16);
    let mut pos = range.start;
    let mut i = 0;
    while i < spans.len() {
        let (start, mut end) = (spans[i].0, spans[i].1);
        let mut labels: Vec<String> = Vec::new();
        while i < spans.len() && spans[i].0 < end.max(start + 1) {
            end = end.max(spans[i].1);
            if !labels.contains(&spans[i].2) {
                labels.push(spans[i].2.clone());
            }
            i += 1;
        }
        // topics before cue roles
        labels.sort_by_key(|l| !style.topic_colors.contains_key(l));
        out.push_str(&text[pos..start]);
        out.push_str(&style.mark(&text[start..end], &labels));
        pos = end;
    }
    out.push_str(&text[pos..range.end]);
    out
}

/// A text on one line, whitespace collapsed.
pub(super) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
