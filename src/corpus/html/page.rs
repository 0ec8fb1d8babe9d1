//! The structure of a page as the tokenizer sees it: a stack of open elements, which of them
//! are page furniture (navigation, header, footer, sidebars, forms), and how much running text
//! each holds, to find the main content.
//!
//! Without a tree builder the stack is kept by hand: an end tag closes the nearest open
//! element of its name among the 64 innermost ones (an end tag without a match is ignored, so
//! stray tags cost constant time), void elements are never pushed.

use html5ever::tokenizer::Tag;

/// End tags look this far down the stack for their element.
const END_TAG_REACH: usize = 64;

/// Elements without content, never pushed.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements that are page furniture wherever they are. A `form` is not: some sites wrap the
/// whole page in one (ASP.NET); its controls' labels are furniture, and a search or
/// newsletter form is by its role, class or id.
const FURNITURE: &[&str] = &[
    "nav", "aside", "menu", "dialog", "button", "label", "legend", "textarea",
];

/// Elements that are furniture outside an article, a main element or a section (the page's
/// banner and footer; inside an article they hold its headline and byline).
const PAGE_BANDS: &[&str] = &["header", "footer"];

/// ARIA roles of furniture.
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
];

/// Class and id tokens of furniture, compared whole and lowercased.
const FURNITURE_NAMES: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "main-menu",
    "site-nav",
    "sidebar",
    "side-bar",
    "trending",
    "trending-now",
    "related",
    "related-articles",
    "related-posts",
    "read-more",
    "more-stories",
    "most-read",
    "most-popular",
    "popular",
    "breadcrumb",
    "breadcrumbs",
    "share",
    "share-buttons",
    "social",
    "social-share",
    "site-header",
    "site-footer",
    "masthead",
    "cookie-banner",
    "cookie-notice",
    "newsletter",
    "subscribe",
    "search",
    "search-form",
    "searchform",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "comments",
    "tags",
];

/// Elements whose content is running text (paragraph scores).
const PARAGRAPHS: &[&str] = &["p", "pre", "blockquote"];

/// Elements that hold blocks of a page and can be its main content.
const CONTAINERS: &[&str] = &["body", "div", "section", "article", "main", "td", "center"];

/// One open element.
struct Open {
    name: String,
    /// Ordinal of the element among all pushed elements (0 is the document itself).
    ordinal: usize,
    furniture: bool,
    hidden: bool,
}

/// What one element holds, for choosing the main content (filled on the first pass).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Weight {
    /// `article` (1), `main` (2), a container (3), anything else (0).
    pub(super) kind: u8,
    /// Text bytes (not white space) inside the element, outside furniture.
    pub(super) text: usize,
    /// Paragraph text directly in the element's paragraphs, plus half of its child
    /// containers' (link text excluded).
    pub(super) score: usize,
}

/// The stack of open elements and what the text at the current point belongs to.
pub(super) struct Stack {
    open: Vec<Open>,
    pushed: usize,
    furniture: usize,
    hidden: usize,
    /// Open `article`, `main` and `section` elements (page bands inside them are content).
    sections: usize,
    paragraphs: usize,
    links: usize,
    in_title: bool,
    /// Indexes into `open` of the open containers, innermost last.
    containers: Vec<usize>,
    /// Ordinals of the open `article` and `main` elements.
    regions: Vec<usize>,
}

impl Stack {
    pub(super) fn new() -> Stack {
        Stack {
            open: vec![Open {
                name: String::new(),
                ordinal: 0,
                furniture: false,
                hidden: false,
            }],
            pushed: 1,
            furniture: 0,
            hidden: 0,
            sections: 0,
            paragraphs: 0,
            links: 0,
            in_title: false,
            containers: vec![0],
            regions: Vec::new(),
        }
    }

    /// Text here is furniture or hidden by an attribute.
    pub(super) fn dropped(&self) -> bool {
        self.furniture > 0 || self.hidden > 0
    }

    pub(super) fn in_title(&self) -> bool {
        self.in_title
    }

    /// Whether the element with this ordinal is open (`target` of the second pass: its
    /// index in the stack is remembered by the caller).
    pub(super) fn depth_of(&self, ordinal: usize) -> Option<usize> {
        self.open.iter().rposition(|o| o.ordinal == ordinal)
    }

    /// Number of open elements (the document included).
    pub(super) fn depth(&self) -> usize {
        self.open.len()
    }

    /// A start tag: pushes the element (unless void) and returns its ordinal and kind.
    pub(super) fn start(&mut self, tag: &Tag) -> Option<(usize, u8)> {
        let name: &str = &tag.name;
        if name == "title" {
            self.in_title = true;
        }
        if VOID.contains(&name) || tag.self_closing {
            return None;
        }
        let furniture = FURNITURE.contains(&name)
            || (PAGE_BANDS.contains(&name) && self.sections == 0)
            || furniture_attrs(tag, self.sections == 0);
        let hidden = hidden_attrs(tag);
        let ordinal = self.pushed;
        self.pushed += 1;
        self.furniture += usize::from(furniture);
        self.hidden += usize::from(hidden);
        self.sections += usize::from(matches!(name, "article" | "main" | "section"));
        self.paragraphs += usize::from(PARAGRAPHS.contains(&name));
        self.links += usize::from(name == "a");
        let kind = match name {
            "article" => 1,
            "main" => 2,
            _ if CONTAINERS.contains(&name) => 3,
            _ => 0,
        };
        if kind != 0 {
            self.containers.push(self.open.len());
        }
        if kind == 1 || kind == 2 {
            self.regions.push(ordinal);
        }
        self.open.push(Open {
            name: name.to_string(),
            ordinal,
            furniture,
            hidden,
        });
        Some((ordinal, kind))
    }

    /// An end tag: pops up to the nearest open element of that name, if any is near.
    pub(super) fn end(&mut self, name: &str) {
        if name == "title" {
            self.in_title = false;
        }
        let len = self.open.len();
        let reach = len.saturating_sub(END_TAG_REACH).max(1);
        let Some(at) = (reach..len).rev().find(|&i| self.open[i].name == name) else {
            return;
        };
        while self.open.len() > at {
            let Some(o) = self.open.pop() else { break };
            self.furniture -= usize::from(o.furniture);
            self.hidden -= usize::from(o.hidden);
            let n: &str = &o.name;
            self.sections -= usize::from(matches!(n, "article" | "main" | "section"));
            self.paragraphs -= usize::from(PARAGRAPHS.contains(&n));
            self.links -= usize::from(n == "a");
            if self.containers.last() == Some(&self.open.len()) {
                self.containers.pop();
            }
            if self.regions.last() == Some(&o.ordinal) {
                self.regions.pop();
            }
        }
    }

    /// Adds `n` bytes of visible text at the current point to the weights (first pass).
    pub(super) fn weigh(&self, n: usize, weights: &mut [Weight]) {
        if self.dropped() || self.in_title || n == 0 {
            return;
        }
        for &r in &self.regions {
            weights[r].text += n;
        }
        weights[0].text += n;
        if self.paragraphs > 0 && self.links == 0 {
            let mut share = n;
            for &c in self.containers.iter().rev().take(3) {
                weights[self.open[c].ordinal].score += share;
                share /= 2;
            }
        }
    }
}

/// A furniture role, class or id (`band`: outside any article, where a `header` class is the
/// page's banner).
fn furniture_attrs(tag: &Tag, band: bool) -> bool {
    tag.attrs.iter().any(|a| {
        let v = a.value.to_ascii_lowercase();
        match &*a.name.local {
            "role" => FURNITURE_ROLES.contains(&v.trim()),
            "class" | "id" => v.split_ascii_whitespace().any(|t| {
                FURNITURE_NAMES.contains(&t) || (band && matches!(t, "header" | "footer"))
            }),
            _ => false,
        }
    })
}

/// `hidden`, `aria-hidden="true"` or an inline `display: none`.
fn hidden_attrs(tag: &Tag) -> bool {
    tag.attrs.iter().any(|a| match &*a.name.local {
        "hidden" => true,
        "aria-hidden" => a.value.eq_ignore_ascii_case("true"),
        "style" => {
            let v: String = a
                .value
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            v.contains("display:none")
        }
        _ => false,
    })
}
