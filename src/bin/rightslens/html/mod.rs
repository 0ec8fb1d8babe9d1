//! Self-contained HTML reports (`--format html` of `classify` and `explain`).
//!
//! One file each, with its styles inline, charts as inline SVG drawn here, and no JavaScript:
//! it opens with no network, reflows on a phone and prints. Every string that comes from a
//! document or a lexicon goes through [`esc`] before it reaches the page, so a document that
//! holds `<script>` shows the tag as text.
//!
//! Colours come from the Okabe-Ito palette (distinguishable with the common colour-vision
//! deficiencies); every coloured mark also carries its topic as text and a border style of its
//! own, so a page printed in grey still tells the topics apart.

pub mod corpus;
pub mod document;
mod svg;

use rightslens::Classifier;
use std::fmt::Write as _;

/// Okabe-Ito colours, in the order topics get them (lexicon order).
const PALETTE: [&str; 7] = [
    "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442",
];

/// Border styles that go with the palette, for grey printing.
const BORDERS: [&str; 4] = ["solid", "dashed", "dotted", "double"];

/// `s` with the five HTML-significant characters escaped (text and attribute values alike).
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
}

/// A topic's colour and CSS class, by its place among the classifier's topics.
#[derive(Debug, Clone)]
pub struct Topics {
    names: Vec<String>,
}

impl Topics {
    /// The topics of a classifier (the `context` cue lexicon left out).
    pub fn of(clf: &Classifier) -> Topics {
        Topics {
            names: clf.topics().to_vec(),
        }
    }

    /// The topic names, in order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Index of a topic (an unknown one gets the next free slot's colour).
    fn index(&self, topic: &str) -> usize {
        self.names
            .iter()
            .position(|t| t == topic)
            .unwrap_or(self.names.len())
    }

    /// The colour of a topic.
    pub fn colour(&self, topic: &str) -> &'static str {
        PALETTE[self.index(topic) % PALETTE.len()]
    }

    /// The CSS class of a topic's marks (`t0`, `t1`...).
    pub fn class(&self, topic: &str) -> String {
        format!("t{}", self.index(topic) % PALETTE.len())
    }

    /// Dash pattern of a topic's line in a chart (empty: solid).
    pub fn dash(&self, topic: &str) -> &'static str {
        ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4"][self.index(topic) % 6]
    }
}

/// The page styles; topic classes come from [`Topics`].
fn styles() -> String {
    let mut css = String::from(
        "*{box-sizing:border-box}\
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0 auto;\
max-width:60rem;padding:1rem;line-height:1.5;color:#222;background:#fff}\
h1{font-size:1.5rem;margin:.2rem 0 1rem}h2{font-size:1.2rem;margin-top:2rem;\
border-bottom:1px solid #ccc}h3{font-size:1rem;margin:1.2rem 0 .3rem}\
table{border-collapse:collapse;width:100%;font-size:.9rem}\
th,td{border-bottom:1px solid #ddd;padding:.25rem .4rem;text-align:left;vertical-align:top}\
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\
.scroll{overflow-x:auto}figure{margin:1rem 0}figcaption{font-size:.85rem;color:#555}\
svg{max-width:100%;height:auto;font-size:12px}\
.doc{white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid #ccc;padding:.75rem;\
font-size:.95rem}\
mark{background:none;color:inherit;padding:0 .1rem;border-bottom-width:3px}\
mark .lbl{font-size:.65em;font-weight:600;vertical-align:super;margin-left:.1rem;color:#333}\
mark.cue{border-bottom:2px dotted #555}mark.nonissue{border:1px dashed #888;\
border-radius:3px;color:#555}\
.legend span{display:inline-block;margin:.1rem .6rem .1rem 0}\
.swatch{display:inline-block;width:1rem;height:.8rem;vertical-align:middle;\
margin-right:.25rem;border:1px solid #333}\
pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.85rem;background:#f7f7f7;\
padding:.5rem}\
.muted{color:#666}dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}\
dl.kv dt{font-weight:600}dl.kv dd{margin:0}\
@media print{body{max-width:none;padding:0}h2{break-after:avoid}figure,tr{break-inside:avoid}\
a{color:inherit;text-decoration:none}}\n",
    );
    for (i, colour) in PALETTE.iter().enumerate() {
        let border = BORDERS[i % BORDERS.len()];
        let _ = writeln!(
            css,
            "mark.t{i}{{background:{colour}40;border-bottom:3px {border} {colour}}}\
             .swatch.t{i}{{background:{colour};border-style:{border}}}"
        );
    }
    css
}

/// A whole page around `body`.
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; img-src data:\">\n\
         <title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n{body}\
         <footer class=\"muted\"><p>Made by rightslens {}; no scripts, no network.</p></footer>\n\
         </body>\n</html>\n",
        esc(title),
        styles(),
        env!("CARGO_PKG_VERSION")
    )
}

/// The legend of topic colours (and of cue and non-issue marks when `marks` is set).
pub fn legend(topics: &Topics, marks: bool) -> String {
    let mut o = String::from("<p class=\"legend\">");
    for t in topics.names() {
        let _ = write!(
            o,
            "<span><span class=\"swatch {}\"></span>{}</span>",
            topics.class(t),
            esc(t)
        );
    }
    if marks {
        o.push_str(
            "<span><mark class=\"cue\">cue<span class=\"lbl\">rights</span></mark> context cue</span>\
             <span><mark class=\"nonissue\">place<span class=\"lbl\">not issue</span></mark> \
             mention judged not to raise the issue</span>",
        );
    }
    o.push_str("</p>\n");
    o
}

/// FNV-1a (64 bits) of the lexicons in use, as serialised JSON: the same lexicons give the
/// same hash whatever file they were read from.
pub fn lexicon_hash(lexicons: &[rightslens::Lexicon]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for l in lexicons {
        let json = serde_json::to_vec(l).unwrap_or_default();
        for b in json.iter().chain(b"\n") {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// The manifest rows describing the lexicons and thresholds of a classifier.
pub fn lexicon_manifest(clf: &Classifier) -> String {
    let mut o = String::from(
        "<div class=\"scroll\"><table><thead><tr><th>lexicon</th><th>topic</th>\
         <th class=\"n\">entries</th><th>thresholds (present / primary)</th><th>hash</th>\
         </tr></thead><tbody>\n",
    );
    for l in clf.lexicons() {
        let th = clf.thresholds(&l.topic).map_or("-".to_string(), |t| {
            format!("{} / {}", t.present, t.primary)
        });
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td><td><code>{}</code></td></tr>",
            esc(&l.origin),
            esc(&l.topic),
            l.entries.len(),
            esc(&th),
            lexicon_hash(std::slice::from_ref(l))
        );
    }
    let _ = writeln!(
        o,
        "</tbody></table></div>\n<p>All lexicons in use: FNV-1a 64 hash <code>{}</code> \
         (built-in lexicons are those of rightslens {}).</p>",
        lexicon_hash(clf.lexicons()),
        env!("CARGO_PKG_VERSION")
    );
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }

    #[test]
    fn hash_follows_content() {
        let a = rightslens::Lexicon::parse("a.toml", "[lexicon]\ntopic = \"a\"\n").unwrap();
        let mut b = a.clone();
        assert_eq!(
            lexicon_hash(std::slice::from_ref(&a)),
            lexicon_hash(std::slice::from_ref(&b))
        );
        b.topic = "b".into();
        assert_ne!(lexicon_hash(&[a]), lexicon_hash(&[b]));
    }
}
