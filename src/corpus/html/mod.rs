//! Text of an HTML page, through the HTML5 tokenizer of `html5ever` (the parser of Servo), so
//! that entities, comments, raw-text elements and malformed markup are handled as the HTML
//! standard says: all visible text ([`html_text`]), or what a reader reads, the title and
//! main content ([`html_main_text`]; [`page`] keeps the element stack and tells furniture).
//!
//! Only the tokenizer runs, not the tree builder: text extraction needs no DOM, and the
//! tokenizer works in linear time, whereas building the tree of a deeply nested page
//! (100,000 unclosed `<div>`s) takes quadratic time. The main content takes two passes: the
//! first weighs the elements, the second writes the chosen one.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;

mod page;
mod text;

use page::{Stack, Weight};
use text::Text;

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
pub(super) const BLOCKS: &[&str] = &[
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
pub(super) const LINES: &[&str] = &["br", "li", "tr", "option"];

/// Table cells: separated by a tab so that cell text does not run together.
pub(super) const CELLS: &[&str] = &["td", "th"];

/// Extracts the visible text of an HTML document.
///
/// The page goes through an HTML5 tokenizer; the content of `script`, `style`, `noscript`,
/// `iframe`, `template`, `svg` and similar elements is dropped, comments too. Runs of white
/// space collapse to one space (except inside `pre`, `textarea` and `xmp`), block elements
/// (`title`, `p`, `div`, headings, lists, tables...) are separated by a blank line and `br`,
/// list items and table rows by a line break, so that sentences do not run into each other.
/// Entities are decoded. Time is linear in the size of the page, however it is nested.
///
/// This is the whole visible text, menus and sidebars included; corpus runs, `explain` and
/// `compare` classify [`html_main_text`] instead.
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
    run(html, Mode::All).text.finish()
}

/// Extracts what a reader of an HTML page reads: its title and its main content.
///
/// Page furniture is left out: `nav`, `aside`, `menu` and `dialog` elements; labels,
/// legends, buttons and text areas of forms (a `form` itself may wrap a whole page, so a
/// search or newsletter form is told by its role, class or id); the page's `header` and
/// `footer` (those inside an `article`, `main` or `section` hold a headline or byline and
/// stay); elements whose ARIA role is navigation, banner, contentinfo, complementary or
/// search; elements whose class or id is one of the usual names of menus, sidebars,
/// "trending" and "related" lists, share buttons, search forms, cookie notices and comments;
/// and elements hidden with `hidden`, `aria-hidden="true"` or `display: none`.
/// Scripts, styles and everything [`html_text`] drops are dropped too.
///
/// Of what remains, the main content is the largest `<article>` if it holds at least a third
/// of the page's text, else the largest `<main>` on the same terms, else the container
/// (`div`, `section`, `td`...) richest in paragraph text if it holds a third of the text,
/// else everything that is not furniture. The `<title>` comes first. A page that would give
/// nothing this way gives its whole visible text. Time is linear in the size of the page (two
/// passes of the tokenizer).
///
/// # Examples
///
/// ```
/// use rightslens::corpus::html_main_text;
///
/// let page = "<html><head><title>Scholar sentenced</title></head><body>\
///     <nav><a href=/tibet>Tibet</a> <a href=/taiwan>Taiwan</a></nav>\
///     <article><h1>Ilham Tohti</h1><p>The Uyghur economist remains in prison.</p></article>\
///     <aside class=trending><h2>Trending</h2><a href=/hk>Hong Kong protests</a></aside>\
///     <footer>Contact us</footer></body></html>";
/// assert_eq!(
///     html_main_text(page),
///     "Scholar sentenced\n\nIlham Tohti\n\nThe Uyghur economist remains in prison."
/// );
/// ```
pub fn html_main_text(html: &str) -> String {
    let weights = match run(
        html,
        Mode::Weigh(vec![Weight {
            kind: 3,
            ..Weight::default()
        }]),
    )
    .mode
    {
        Mode::Weigh(w) => w,
        _ => Vec::new(),
    };
    let target = main_element(&weights);
    let text = run(
        html,
        Mode::Emit {
            target,
            inside: target == 0,
            at: None,
        },
    )
    .text
    .finish();
    if text.is_empty() {
        html_text(html)
    } else {
        text
    }
}

/// Used by corpus runs (the same function as [`html_main_text`]).
pub(crate) fn main_text(html: &str) -> String {
    html_main_text(html)
}

/// The ordinal of the element holding the main content (0: the whole page).
fn main_element(weights: &[Weight]) -> usize {
    let total = weights.first().map_or(0, |w| w.text);
    let largest = |kind: u8| {
        weights
            .iter()
            .enumerate()
            .filter(|(_, w)| w.kind == kind)
            .max_by_key(|(i, w)| (w.text, std::cmp::Reverse(*i)))
            .filter(|(_, w)| w.text > 0 && w.text * 3 >= total)
            .map(|(i, _)| i)
    };
    if let Some(i) = largest(1).or_else(|| largest(2)) {
        return i;
    }
    weights
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, w)| w.kind != 0)
        .max_by_key(|(i, w)| (w.score, std::cmp::Reverse(*i)))
        .filter(|(_, w)| w.score > 0 && w.score * 3 >= total)
        .map_or(0, |(i, _)| i)
}

/// What a pass of the tokenizer does with the text.
enum Mode {
    /// Writes all visible text ([`html_text`]).
    All,
    /// Weighs each element (first pass of [`html_main_text`]).
    Weigh(Vec<Weight>),
    /// Writes the title and the text inside `target` that is not furniture (second pass).
    Emit {
        target: usize,
        /// Inside the target now.
        inside: bool,
        /// The target's index in the stack while it is open.
        at: Option<usize>,
    },
}

fn run(html: &str, mode: Mode) -> State {
    let sink = Sink {
        state: RefCell::new(State {
            text: Text::default(),
            raw_hidden: false,
            hidden: 0,
            pre: 0,
            stack: Stack::new(),
            mode,
        }),
    };
    let tok = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tok.feed(&input);
    tok.end();
    tok.sink.state.into_inner()
}

struct State {
    text: Text,
    /// Inside a raw-text element that is not shown (until its end tag).
    raw_hidden: bool,
    /// Open hidden elements.
    hidden: usize,
    /// Open elements whose white space is kept.
    pre: usize,
    stack: Stack,
    mode: Mode,
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
            Token::CharacterTokens(t) if !st.raw_hidden && st.hidden == 0 => st.chars(&t),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl State {
    fn chars(&mut self, t: &str) {
        let pre = self.pre > 0;
        let State {
            text, stack, mode, ..
        } = self;
        match mode {
            Mode::All => text.text(t, pre),
            Mode::Weigh(weights) => {
                let n = t.bytes().filter(|b| !b.is_ascii_whitespace()).count();
                stack.weigh(n, weights);
            }
            Mode::Emit { inside, .. } => {
                if stack.in_title() || (*inside && !stack.dropped()) {
                    text.text(t, pre);
                }
            }
        }
    }

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
        if start {
            self.structure_start(tag);
        } else {
            self.structure_end(name);
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

    /// Keeps the stack of open elements, the weights and the target up to date.
    fn structure_start(&mut self, tag: &Tag) {
        if matches!(self.mode, Mode::All) {
            return;
        }
        let Some((ordinal, kind)) = self.stack.start(tag) else {
            return;
        };
        match &mut self.mode {
            Mode::Weigh(weights) => weights.push(Weight {
                kind,
                ..Weight::default()
            }),
            Mode::Emit { target, inside, at } => {
                if ordinal == *target {
                    *inside = true;
                    *at = self.stack.depth_of(ordinal);
                }
            }
            Mode::All => {}
        }
    }

    fn structure_end(&mut self, name: &str) {
        if matches!(self.mode, Mode::All) {
            return;
        }
        self.stack.end(name);
        if let Mode::Emit { inside, at, .. } = &mut self.mode {
            if at.is_some_and(|i| self.stack.depth() <= i) {
                *inside = false;
                *at = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{html_main_text, html_text};

    #[test]
    fn main_text_drops_furniture_and_keeps_the_article() {
        let page = "<title>Report</title><header class=site-header>Tibet Taiwan</header>\
            <div id=nav>Hong Kong</div><div role=navigation>Xinjiang</div>\
            <article><header><h1>Headline</h1></header><p>Body text of the story.</p>\
            <div class=share>Share on Tibet</div><footer>By A. Writer</footer></article>\
            <div aria-hidden=true>hidden</div><form><label>Search Taiwan</label></form>\
            <footer>Copyright</footer>";
        assert_eq!(
            html_main_text(page),
            "Report\n\nHeadline\n\nBody text of the story.\n\nBy A. Writer"
        );
    }

    #[test]
    fn a_form_around_the_whole_page_is_not_furniture() {
        let page = "<body><form id=form1 method=post><div class=nav><a>Taiwan</a></div>\
            <div id=story><p>The statement on Tibet, at some length to be the main text.</p>\
            <p>A second paragraph of the statement.</p></div>\
            <form class=search><input name=q><p>Search Xinjiang</p></form>\
            <label>Email</label><button>Send</button></form></body>";
        assert_eq!(
            html_main_text(page),
            "The statement on Tibet, at some length to be the main text.\n\n\
             A second paragraph of the statement."
        );
    }

    #[test]
    fn main_text_finds_the_densest_block_without_article_or_main() {
        let page = "<body><div class=top><a href=/>Home</a> <a href=/t>Taiwan news</a></div>\
            <div class=content><div class=story><p>First paragraph of the story.</p>\
            <p>Second paragraph, somewhat longer than the first one.</p></div></div>\
            <div class=box><p>Short teaser.</p></div></body>";
        assert_eq!(
            html_main_text(page),
            "First paragraph of the story.\n\nSecond paragraph, somewhat longer than the first one."
        );
    }

    #[test]
    fn main_text_of_a_small_teaser_article_is_the_whole_page() {
        let page = "<p>A long statement about rights in the region, several sentences.</p>\
            <p>More of it here, at length.</p><article><p>Teaser</p></article>";
        assert_eq!(
            html_main_text(page),
            "A long statement about rights in the region, several sentences.\n\n\
             More of it here, at length.\n\nTeaser"
        );
    }

    #[test]
    fn main_text_of_furniture_only_falls_back_to_all_text() {
        assert_eq!(html_main_text("<nav>Only a menu</nav>"), "Only a menu");
        assert_eq!(html_main_text(""), "");
    }

    #[test]
    fn main_text_on_deep_and_broken_nesting() {
        let html = "<div>".repeat(100_000) + "<p>deep</p>" + &"</span>".repeat(100_000);
        assert_eq!(html_main_text(&html), "deep");
    }

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
