//! Visible text of an HTML page, through the HTML5 tokenizer of `html5ever` (the parser of
//! Servo), so that entities, comments, raw-text elements and malformed markup are handled as
//! the HTML standard says.
//!
//! Only the tokenizer runs, not the tree builder: text extraction needs no DOM, and the
//! tokenizer works in linear time and constant extra memory, whereas building the tree of a
//! deeply nested page (100,000 unclosed `<div>`s) takes quadratic time.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;

/// Elements whose content the tokenizer reads as raw text and that are never shown.
const RAW_HIDDEN: &[&str] = &[
    "script", "style", "iframe", "noembed", "noframes", "noscript",
];

/// Elements whose content is not shown (templates, embedded objects, form option lists,
/// SVG and MathML), counted while open.
const HIDDEN: &[&str] = &[
    "template", "object", "svg", "math", "select", "datalist", "canvas",
];

/// Elements after which text starts a new paragraph (a blank line).
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "textarea",
    "title",
    "ul",
    "xmp",
];

/// Elements after which text starts a new line.
const LINES: &[&str] = &["br", "li", "tr", "option"];

/// Table cells: separated by a tab so that cell text does not run together.
const CELLS: &[&str] = &["td", "th"];

/// Extracts the visible text of an HTML document.
///
/// The page goes through an HTML5 tokenizer; the content of `script`, `style`, `noscript`,
/// `iframe`, `template`, `svg` and similar elements is dropped, comments too. Runs of white
/// space collapse to one space (except inside `pre`, `textarea` and `xmp`), block elements
/// (`title`, `p`, `div`, headings, lists, tables...) are separated by a blank line and `br`,
/// list items and table rows by a line break, so that sentences do not run into each other.
/// Entities are decoded. Time is linear in the size of the page, however it is nested.
///
/// Reports on HTML files classify this text: their offsets refer to the extracted text, not
/// to the markup.
///
/// # Examples
///
/// ```
/// use rightslens::corpus::html_text;
///
/// let page = "<html><head><title>Readout</title><style>p{color:red}</style></head>\
///             <body><p>They discussed <b>Tibet</b>&nbsp;and Xinjiang.</p>\
///             <script>var tibet = 1;</script><ul><li>One</li><li>Two</li></ul></body></html>";
/// assert_eq!(html_text(page), "Readout\n\nThey discussed Tibet\u{a0}and Xinjiang.\n\nOne\nTwo");
/// ```
pub fn html_text(html: &str) -> String {
    let sink = Sink {
        state: RefCell::new(State::default()),
    };
    let tok = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tok.feed(&input);
    tok.end();
    let state = tok.sink.state.into_inner();
    state.text.finish()
}

#[derive(Default)]
struct State {
    text: Text,
    /// Inside a raw-text element that is not shown (until its end tag).
    raw_hidden: bool,
    /// Open hidden elements.
    hidden: usize,
    /// Open elements whose white space is kept.
    pre: usize,
}

struct Sink {
    state: RefCell<State>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut st = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => return st.tag(&tag),
            Token::CharacterTokens(t) if !st.raw_hidden && st.hidden == 0 => {
                let pre = st.pre > 0;
                st.text.text(&t, pre);
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl State {
    fn tag(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        let start = tag.kind == TagKind::StartTag;
        if RAW_HIDDEN.contains(&name) {
            // The tokenizer reports the matching end tag only, so nothing inside is a tag.
            self.raw_hidden = start;
            return if !start {
                TokenSinkResult::Continue
            } else if name == "script" {
                TokenSinkResult::RawData(RawKind::ScriptData)
            } else {
                TokenSinkResult::RawData(RawKind::Rawtext)
            };
        }
        if HIDDEN.contains(&name) {
            if start && !tag.self_closing {
                self.hidden += 1;
            } else if !start {
                self.hidden = self.hidden.saturating_sub(1);
            }
            return TokenSinkResult::Continue;
        }
        if self.hidden > 0 {
            return TokenSinkResult::Continue;
        }
        let keeps_space = matches!(name, "pre" | "textarea" | "xmp" | "listing" | "plaintext");
        if start {
            self.text.open(name);
            if keeps_space {
                self.pre += 1;
            }
            match name {
                "title" | "textarea" => return TokenSinkResult::RawData(RawKind::Rcdata),
                "xmp" => return TokenSinkResult::RawData(RawKind::Rawtext),
                "plaintext" => return TokenSinkResult::Plaintext,
                _ => {}
            }
        } else {
            if keeps_space {
                self.pre = self.pre.saturating_sub(1);
            }
            self.text.close(name);
        }
        TokenSinkResult::Continue
    }
}

/// The text being built, with the pending separator between what is written and what comes.
#[derive(Default)]
struct Text {
    s: String,
    /// 0 none, 1 space, 2 tab, 3 line break, 4 blank line: the strongest wins.
    pending: u8,
}

impl Text {
    fn want(&mut self, sep: u8) {
        self.pending = self.pending.max(sep);
    }

    fn open(&mut self, name: &str) {
        if BLOCKS.contains(&name) {
            self.want(4);
        } else if CELLS.contains(&name) {
            self.want(2);
        } else if name == "br" {
            // `<br>` has no content: the break comes after whatever was written.
            self.want(3);
        }
    }

    fn close(&mut self, name: &str) {
        if BLOCKS.contains(&name) {
            self.want(4);
        } else if LINES.contains(&name) {
            self.want(3);
        }
    }

    fn text(&mut self, t: &str, pre: bool) {
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

    fn flush_separator(&mut self) {
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

    fn finish(self) -> String {
        self.s
    }
}

#[cfg(test)]
mod tests {
    use super::html_text;

    #[test]
    fn drops_scripts_styles_and_comments() {
        let t = html_text(
            "<p>Hong Kong<!-- Tibet --></p><script>Xinjiang</script><style>.taiwan{}</style>\
             <noscript>Taiwan</noscript><template><p>Tibet</p></template>",
        );
        assert_eq!(t, "Hong Kong");
    }

    #[test]
    fn separates_blocks_lines_and_cells() {
        let t = html_text(
            "<h1>Title</h1><div>First.<br>Second.</div>\
             <table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
        );
        assert_eq!(t, "Title\n\nFirst.\nSecond.\n\na\tb\nc");
    }

    #[test]
    fn collapses_white_space_but_keeps_pre() {
        let t = html_text("<p>  a \n\n b  <i>c</i>d </p><pre>x\n  y</pre>");
        assert_eq!(t, "a b cd\n\nx\n  y");
    }

    #[test]
    fn malformed_markup_and_empty_input() {
        assert_eq!(html_text(""), "");
        assert_eq!(html_text("<p>unclosed <b>bold"), "unclosed bold");
        assert_eq!(html_text("&lt;Tibet&gt; &amp; co"), "<Tibet> & co");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(100_000) + "deep";
        assert_eq!(html_text(&html), "deep");
    }
}
