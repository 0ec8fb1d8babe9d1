//! The text of a page as it is written out: white space collapsed, and the strongest
//! separator asked for between two pieces of text (space, tab, line break, blank line).

use super::{BLOCKS, CELLS, LINES};

/// The text being built, with the pending separator between what is written and what comes.
#[derive(Default)]
pub(super) struct Text {
    s: String,
    /// 0 none, 1 space, 2 tab, 3 line break, 4 blank line: the strongest wins.
    pending: u8,
}

impl Text {
    pub(super) fn want(&mut self, sep: u8) {
        self.pending = self.pending.max(sep);
    }

    pub(super) fn open(&mut self, name: &str) {
        if BLOCKS.contains(&name) {
            self.want(4);
        } else if CELLS.contains(&name) {
            self.want(2);
        } else if name == "br" {
            // `<br>` has no content: the break comes after whatever was written.
            self.want(3);
        }
    }

    pub(super) fn close(&mut self, name: &str) {
        if BLOCKS.contains(&name) {
            self.want(4);
        } else if LINES.contains(&name) {
            self.want(3);
        }
    }

    pub(super) fn text(&mut self, t: &str, pre: bool) {
        if pre {
            if t.is_empty() {
                return;
            }
            self.flush_separator();
            self.s.push_str(t);
            return;
        }
        for (i, word) in t.split_ascii_whitespace().enumerate() {
            if i == 0 && t.starts_with(|c: char| c.is_ascii_whitespace()) {
                self.want(1);
            }
            if i > 0 {
                self.want(1);
            }
            self.flush_separator();
            self.s.push_str(word);
        }
        if t.ends_with(|c: char| c.is_ascii_whitespace()) && !self.s.is_empty() {
            self.want(1);
        }
    }

    pub(super) fn flush_separator(&mut self) {
        if !self.s.is_empty() {
            match self.pending {
                1 => self.s.push(' '),
                2 => self.s.push('\t'),
                3 => self.s.push('\n'),
                4 => self.s.push_str("\n\n"),
                _ => {}
            }
        }
        self.pending = 0;
    }

    pub(super) fn finish(self) -> String {
        self.s
    }
}
