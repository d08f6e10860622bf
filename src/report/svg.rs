//! Inline SVG charts: horizontal bars, a stacked bar of quote kinds, and a
//! matrix heatmap. Every text goes through [`escape`]; every mark carries
//! `data-*` attributes with its exact value, for tests and scripts.
//!
//! ```
//! use kutip::report::svg::{bars, Bar};
//! let chart = bars("PERSON-documents", "People", &[Bar { key: "Q1", label: "<b>", value: 3 }], "#4e79a7");
//! assert!(chart.starts_with("<svg") && chart.contains("data-value=\"3\""));
//! assert!(chart.contains("&lt;b&gt;") && !chart.contains("<b>"));
//! ```

use super::html::escape;
use crate::gazetteer::EntityType;
use std::fmt::Write;

/// The colour of an entity type (grey when unknown).
///
/// ```
/// use kutip::gazetteer::EntityType;
/// assert_eq!(kutip::report::svg::type_color(Some(EntityType::Person)), "#4e79a7");
/// ```
pub fn type_color(kind: Option<EntityType>) -> &'static str {
    match kind {
        Some(EntityType::Person) => "#4e79a7",
        Some(EntityType::Organization) => "#e15759",
        Some(EntityType::Country) => "#59a14f",
        Some(EntityType::Location) => "#b07aa1",
        None => "#79706e",
    }
}

/// The colour of a quote kind.
///
/// ```
/// assert_eq!(kutip::report::svg::kind_color("direct"), "#4e79a7");
/// ```
pub fn kind_color(kind: &str) -> &'static str {
    match kind {
        "direct" => "#4e79a7",
        "partial" => "#76b7b2",
        "indirect" => "#edc948",
        _ => "#bab0ac",
    }
}

/// Cuts a label to `max` characters, with `…` when cut.
///
/// ```
/// assert_eq!(kutip::report::svg::shorten("Association of Southeast Asian Nations", 12), "Association…");
/// assert_eq!(kutip::report::svg::shorten("Wang Yi", 12), "Wang Yi");
/// ```
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// One bar: `key` identifies it in `data-key` (an entity id), `label` is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bar<'a> {
    pub key: &'a str,
    pub label: &'a str,
    pub value: usize,
}

const BAR_WIDTH: usize = 560;
const BAR_LABEL: usize = 262;
const BAR_ROW: usize = 22;
const BAR_MAX: usize = BAR_WIDTH - BAR_LABEL - 52;

/// A horizontal bar chart, longest bar = largest value. `chart` names it in
/// `data-chart`; `title` is its accessible name.
pub fn bars(chart: &str, title: &str, bars: &[Bar], color: &str) -> String {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = bars.len() * BAR_ROW + 6;
    let mut s = chart_open("bars", chart, title, BAR_WIDTH, height);
    for (i, b) in bars.iter().enumerate() {
        let y = 3 + i * BAR_ROW;
        let w = (b.value * BAR_MAX).div_ceil(max).max(1);
        let _ = write!(
            s,
            "<g class=\"bar\" data-key=\"{key}\" data-label=\"{label}\" data-value=\"{v}\">\
             <title>{label}: {v}</title>\
             <text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\">{short}</text>\
             <rect x=\"{BAR_LABEL}\" y=\"{ry}\" width=\"{w}\" height=\"16\" rx=\"2\" fill=\"{color}\"/>\
             <text class=\"v\" x=\"{vx}\" y=\"{ty}\">{v}</text></g>",
            key = escape(b.key),
            label = escape(b.label),
            short = escape(&shorten(b.label, 40)),
            v = b.value,
            lx = BAR_LABEL - 6,
            ty = y + 13,
            ry = y + 1,
            vx = BAR_LABEL + w + 5,
        );
    }
    s.push_str("</svg>");
    s
}

/// A thin stacked bar of quote kinds, `parts` in order; `total` sets the
/// full width (the largest speaker's quotes, so bars compare).
pub fn kinds(parts: &[(String, usize)], total: usize) -> String {
    const W: usize = 160;
    let total = total.max(1);
    let mut s = format!(
        "<svg class=\"kinds\" viewBox=\"0 0 {W} 14\" \
         width=\"{W}\" height=\"14\" role=\"img\" aria-label=\"quote kinds\">"
    );
    let mut x = 0;
    for (kind, n) in parts.iter().filter(|p| p.1 > 0) {
        let w = (n * W) / total;
        let _ = write!(
            s,
            "<rect x=\"{x}\" y=\"1\" width=\"{w}\" height=\"12\" fill=\"{c}\" data-kind=\"{k}\" \
             data-value=\"{n}\"><title>{k}: {n}</title></rect>",
            c = kind_color(kind),
            k = escape(kind),
        );
        x += w;
    }
    s.push_str("</svg>");
    s
}

/// One row (and column) of the heatmap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Axis<'a> {
    pub key: &'a str,
    pub label: &'a str,
    pub color: &'a str,
}

const CELL: usize = 30;
const MAT_LEFT: usize = 190;
const MAT_TOP: usize = 130;

/// A square matrix heatmap: `counts[i][j]` for the pair of `axes[i]` and
/// `axes[j]`; the diagonal (each entity alone) is drawn in grey. Darker is
/// more, relative to the largest pair.
pub fn heatmap(chart: &str, title: &str, axes: &[Axis], counts: &[Vec<usize>]) -> String {
    let n = axes.len();
    let max = (0..n)
        .flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j)))
        .map(|(i, j)| counts[i][j])
        .max()
        .unwrap_or(0)
        .max(1);
    let width = MAT_LEFT + n * CELL + 10;
    let height = MAT_TOP + n * CELL + 10;
    let mut s = chart_open("heatmap", chart, title, width, height);
    for (i, a) in axes.iter().enumerate() {
        let label = escape(&shorten(a.label, 24)).into_owned();
        let _ = write!(
            s,
            "<text x=\"{x}\" y=\"{y}\" text-anchor=\"end\">{label}</text>\
             <rect x=\"{sx}\" y=\"{sy}\" width=\"6\" height=\"6\" fill=\"{c}\"/>\
             <text transform=\"translate({cx},{ct}) rotate(-45)\">{label}</text>",
            x = MAT_LEFT - 14,
            y = MAT_TOP + i * CELL + CELL / 2 + 4,
            sx = MAT_LEFT - 10,
            sy = MAT_TOP + i * CELL + CELL / 2 - 3,
            c = a.color,
            cx = MAT_LEFT + i * CELL + CELL / 2 + 2,
            ct = MAT_TOP - 6,
        );
    }
    for (i, a) in axes.iter().enumerate() {
        for (j, b) in axes.iter().enumerate() {
            let v = counts[i][j];
            let (fill, ink) = if i == j {
                ("#e6e6e6".to_string(), "#555")
            } else {
                shade(v as f64 / max as f64)
            };
            let x = MAT_LEFT + j * CELL;
            let y = MAT_TOP + i * CELL;
            let what = if i == j {
                format!("{}: {v} documents", a.label)
            } else {
                format!("{} and {}: {v} documents", a.label, b.label)
            };
            let _ = write!(
                s,
                "<g class=\"cell\" data-row=\"{rk}\" data-col=\"{ck}\" data-value=\"{v}\">\
                 <title>{what}</title>\
                 <rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{w}\" fill=\"{fill}\"/>",
                rk = escape(a.key),
                ck = escape(b.key),
                what = escape(&what),
                w = CELL - 2,
            );
            if v > 0 {
                let _ = write!(
                    s,
                    "<text x=\"{tx}\" y=\"{ty}\" text-anchor=\"middle\" fill=\"{ink}\">{v}</text>",
                    tx = x + CELL / 2 - 1,
                    ty = y + CELL / 2 + 3,
                );
            }
            s.push_str("</g>");
        }
    }
    s.push_str("</svg>");
    s
}

/// A blue from pale (0.0) to dark (1.0), and the ink that reads on it.
/// The opening `<svg>` of a chart of class `class` (`bars`, `heatmap`),
/// named `chart` in `data-chart`, with `title` as its accessible name.
fn chart_open(class: &str, chart: &str, title: &str, width: usize, height: usize) -> String {
    format!(
        "<svg class=\"chart {class}\" data-chart=\"{chart}\" \
         viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" \
         aria-label=\"{title}\"><title>{title}</title>",
        chart = escape(chart),
        title = escape(title),
    )
}

fn shade(t: f64) -> (String, &'static str) {
    if t <= 0.0 {
        return ("#f7f9fc".to_string(), "#555");
    }
    let t = 0.15 + 0.85 * t.min(1.0);
    let mix = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
    let fill = format!(
        "#{:02x}{:02x}{:02x}",
        mix(222.0, 8.0),
        mix(235.0, 48.0),
        mix(247.0, 107.0)
    );
    (fill, if t > 0.55 { "#fff" } else { "#123" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest() {
        let b = [
            Bar {
                key: "a",
                label: "A",
                value: 4,
            },
            Bar {
                key: "b",
                label: "B",
                value: 2,
            },
        ];
        let svg = bars("t", "T", &b, "#000");
        assert!(svg.contains(&format!("width=\"{BAR_MAX}\"")));
        assert!(svg.contains(&format!("width=\"{}\"", BAR_MAX / 2)));
        assert_eq!(svg.matches("class=\"bar\"").count(), 2);
    }

    #[test]
    fn heatmap_has_a_cell_per_pair() {
        let axes = [
            Axis {
                key: "a",
                label: "A & co",
                color: "#000",
            },
            Axis {
                key: "b",
                label: "B",
                color: "#000",
            },
        ];
        let svg = heatmap("m", "M", &axes, &[vec![3, 1], vec![1, 2]]);
        assert_eq!(svg.matches("class=\"cell\"").count(), 4);
        assert!(svg.contains("data-row=\"a\" data-col=\"b\" data-value=\"1\""));
        assert!(svg.contains("A &amp; co") && !svg.contains("A & co"));
    }

    #[test]
    fn shades_darken_with_value() {
        for (t, ink) in [(0.0, "#555"), (0.1, "#123"), (1.0, "#fff")] {
            assert_eq!(shade(t).1, ink, "{t}");
        }
        assert_eq!(shade(1.0).0, "#08306b");
    }
}
