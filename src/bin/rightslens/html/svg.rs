//! Small inline SVG charts: grouped bars, lines over periods, a heat map.
//!
//! Drawn by hand rather than with a plotting crate: three chart shapes of a few dozen
//! elements each do not need one, and hand-written SVG keeps every label as real text (it
//! prints, it can be searched, and the browser test finds it in the DOM). Every chart has a
//! `<title>` and `aria-label`, numbers written next to bars and in cells, and patterns that
//! survive grey printing (bar fill opacity, line dashes).

use super::{esc, Topics};
use std::fmt::Write as _;

/// A horizontal bar chart of documents per topic: one bar where the topic is present, one
/// where it is primary. `rows` are `(topic, present, primary)`.
pub fn topic_bars(topics: &Topics, rows: &[(String, usize, usize)]) -> String {
    let label_w = 150.0;
    let bar_w = 380.0;
    let row_h = 34.0;
    let width = label_w + bar_w + 60.0;
    let height = 30.0 + row_h * rows.len() as f64;
    let max = rows.iter().map(|r| r.1.max(r.2)).max().unwrap_or(0).max(1) as f64;
    let mut o = format!(
        "<svg class=\"chart bars\" role=\"img\" aria-label=\"documents per topic\" \
         viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" \
         xmlns=\"http://www.w3.org/2000/svg\"><title>Documents per topic</title>\n"
    );
    let _ = writeln!(
        o,
        "<rect x=\"{label_w}\" y=\"4\" width=\"12\" height=\"10\" fill=\"#555\"/>\
         <text x=\"{}\" y=\"13\">present</text>\
         <rect x=\"{}\" y=\"4\" width=\"12\" height=\"10\" fill=\"#555\" fill-opacity=\"0.35\" \
         stroke=\"#555\"/><text x=\"{}\" y=\"13\">primary</text>",
        label_w + 16.0,
        label_w + 80.0,
        label_w + 96.0
    );
    for (i, (topic, present, primary)) in rows.iter().enumerate() {
        let y = 24.0 + row_h * i as f64;
        let colour = topics.colour(topic);
        let _ = writeln!(
            o,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            label_w - 6.0,
            y + 17.0,
            esc(topic)
        );
        for (k, (n, opacity)) in [(*present, 1.0), (*primary, 0.35)].iter().enumerate() {
            let by = y + 2.0 + 14.0 * k as f64;
            let w = bar_w * (*n as f64) / max;
            let _ = writeln!(
                o,
                "<rect class=\"bar\" data-topic=\"{}\" x=\"{label_w}\" y=\"{by}\" width=\"{w:.1}\" \
                 height=\"12\" fill=\"{colour}\" fill-opacity=\"{opacity}\" stroke=\"{colour}\"/>\
                 <text x=\"{:.1}\" y=\"{}\">{n}</text>",
                esc(topic),
                label_w + w + 4.0,
                by + 10.0
            );
        }
    }
    o.push_str("</svg>\n");
    o
}

/// A line chart of documents per period for each topic. `periods` are the x labels; `series`
/// are `(topic, counts per period)`; `totals` the documents dated in each period.
pub fn period_lines(
    topics: &Topics,
    periods: &[String],
    series: &[(String, Vec<usize>)],
    totals: &[usize],
) -> String {
    let (left, top, plot_w, plot_h) = (40.0, 10.0, 520.0, 200.0);
    let legend_h = 18.0 * (series.len() + 1) as f64;
    let width = left + plot_w + 20.0;
    let height = top + plot_h + 50.0 + legend_h;
    let max = totals.iter().copied().max().unwrap_or(0).max(1) as f64;
    let step = if periods.len() > 1 {
        plot_w / (periods.len() - 1) as f64
    } else {
        0.0
    };
    let x = |i: usize| {
        left + if periods.len() > 1 {
            step * i as f64
        } else {
            plot_w / 2.0
        }
    };
    let y = |n: usize| top + plot_h - plot_h * n as f64 / max;
    let mut o = format!(
        "<svg class=\"chart lines\" role=\"img\" aria-label=\"documents per period and topic\" \
         viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" \
         xmlns=\"http://www.w3.org/2000/svg\"><title>Documents per period and topic</title>\n"
    );
    // axes and y ticks
    let _ = writeln!(
        o,
        "<path d=\"M{left} {top} V{} H{}\" fill=\"none\" stroke=\"#444\"/>",
        top + plot_h,
        left + plot_w
    );
    for n in [0, (max as usize).div_ceil(2), max as usize] {
        let _ = writeln!(
            o,
            "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{n}</text>",
            left - 4.0,
            y(n) + 4.0
        );
    }
    // x labels: at most about 12, evenly spaced
    let every = periods.len().div_ceil(12).max(1);
    for (i, p) in periods.iter().enumerate() {
        if i % every == 0 || i + 1 == periods.len() {
            let _ = writeln!(
                o,
                "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" font-size=\"10\">{}</text>",
                x(i),
                top + plot_h + 14.0,
                esc(p)
            );
        }
    }
    let line = |o: &mut String, name: &str, counts: &[usize], colour: &str, dash: &str| {
        let pts: Vec<String> = counts
            .iter()
            .enumerate()
            .map(|(i, n)| format!("{:.1},{:.1}", x(i), y(*n)))
            .collect();
        let _ = writeln!(
            o,
            "<polyline class=\"series\" data-topic=\"{}\" points=\"{}\" fill=\"none\" \
             stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\"/>",
            esc(name),
            pts.join(" ")
        );
        for (i, n) in counts.iter().enumerate() {
            let _ = writeln!(
                o,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2.5\" fill=\"{colour}\"><title>{}: {n} in {}</title></circle>",
                x(i),
                y(*n),
                esc(name),
                esc(&periods[i])
            );
        }
    };
    line(&mut o, "all dated documents", totals, "#999", "1 3");
    for (t, counts) in series {
        line(&mut o, t, counts, topics.colour(t), topics.dash(t));
    }
    // legend under the plot
    let ly = top + plot_h + 34.0;
    let entries = std::iter::once(("all dated documents", "#999", "1 3")).chain(
        series
            .iter()
            .map(|(t, _)| (t.as_str(), topics.colour(t), topics.dash(t))),
    );
    for (k, (name, colour, dash)) in entries.enumerate() {
        let yy = ly + 18.0 * k as f64;
        let _ = writeln!(
            o,
            "<line x1=\"{left}\" x2=\"{}\" y1=\"{yy}\" y2=\"{yy}\" stroke=\"{colour}\" \
             stroke-width=\"2\" stroke-dasharray=\"{dash}\"/><text x=\"{}\" y=\"{}\">{}</text>",
            left + 30.0,
            left + 36.0,
            yy + 4.0,
            esc(name)
        );
    }
    o.push_str("</svg>\n");
    o
}

/// A heat map of documents where two topics are present together (the diagonal: where the
/// topic is present); each cell holds its number.
pub fn cooccurrence(names: &[String], cell: impl Fn(&str, &str) -> usize) -> String {
    let label_w = 150.0;
    let size = 44.0;
    let head_h = 110.0;
    let n = names.len() as f64;
    let width = label_w + size * n + 120.0;
    let height = head_h + size * n + 10.0;
    let max = names
        .iter()
        .flat_map(|a| names.iter().map(|b| cell(a, b)).collect::<Vec<_>>())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let mut o = format!(
        "<svg class=\"chart heatmap\" role=\"img\" aria-label=\"topic co-occurrence\" \
         viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" \
         xmlns=\"http://www.w3.org/2000/svg\"><title>Documents where two topics are present \
         together</title>\n"
    );
    for (j, b) in names.iter().enumerate() {
        let cx = label_w + size * j as f64 + size / 2.0;
        let _ = writeln!(
            o,
            "<text transform=\"translate({cx:.1},{}) rotate(-45)\">{}</text>",
            head_h - 6.0,
            esc(b)
        );
    }
    for (i, a) in names.iter().enumerate() {
        let cy = head_h + size * i as f64;
        let _ = writeln!(
            o,
            "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            label_w - 6.0,
            cy + size / 2.0 + 4.0,
            esc(a)
        );
        for (j, b) in names.iter().enumerate() {
            let v = cell(a, b);
            let share = v as f64 / max;
            let ink = if share > 0.55 { "#fff" } else { "#000" };
            let _ = writeln!(
                o,
                "<rect class=\"cell\" x=\"{:.1}\" y=\"{cy:.1}\" width=\"{size}\" height=\"{size}\" \
                 fill=\"#0072B2\" fill-opacity=\"{:.2}\" stroke=\"#fff\"><title>{} and {}: {v}</title></rect>\
                 <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{ink}\">{v}</text>",
                label_w + size * j as f64,
                0.06 + 0.94 * share,
                esc(a),
                esc(b),
                label_w + size * j as f64 + size / 2.0,
                cy + size / 2.0 + 4.0
            );
        }
    }
    o.push_str("</svg>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topics() -> Topics {
        Topics {
            names: vec!["tibet".into(), "x<y".into()],
        }
    }

    #[test]
    fn bars_scale_to_the_largest_count_and_escape_names() {
        let svg = topic_bars(&topics(), &[("tibet".into(), 4, 2), ("x<y".into(), 2, 0)]);
        assert!(svg.contains("width=\"380.0\""), "{svg}");
        assert!(svg.contains("width=\"190.0\""), "{svg}");
        assert!(svg.contains("x&lt;y") && !svg.contains("x<y"), "{svg}");
    }

    #[test]
    fn lines_have_one_series_per_topic_plus_totals() {
        let svg = period_lines(
            &topics(),
            &["2024-01".into(), "2024-02".into()],
            &[("tibet".into(), vec![1, 2])],
            &[2, 3],
        );
        assert_eq!(svg.matches("<polyline").count(), 2);
        assert!(svg.contains(">2024-02<"));
    }

    #[test]
    fn heatmap_writes_every_cell() {
        let names = vec!["a".to_string(), "b".to_string()];
        let svg = cooccurrence(&names, |a, b| usize::from(a == b) * 3 + 1);
        assert_eq!(svg.matches("class=\"cell\"").count(), 4);
        assert!(svg.contains(">4</text>") && svg.contains(">1</text>"));
    }
}
