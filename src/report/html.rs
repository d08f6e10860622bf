//! The report page: one self-contained HTML file (inline CSS and SVG, no
//! script, no network), readable on a laptop screen and printable.
//!
//! Every text from the tables goes through [`escape`], so the page is safe
//! to open whatever the articles contain. Key numbers are elements with an
//! `id` and a `data-value` (`<span id="n-quotes" data-value="24">24</span>`),
//! chart marks carry `data-key` / `data-value`, and speaker rows
//! `data-speaker` / `data-quotes`, so scripts and tests can read them back.
//!
//! ```
//! let page = kutip::report::html::render(&Default::default(), "empty run");
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! assert!(page.contains("<title>kutip report: empty run</title>"));
//! assert!(page.contains("id=\"n-documents\" data-value=\"0\""));
//! ```

use super::svg::{self, Axis, Bar};
use super::{Figures, QuoteExample, Speaker, KINDS};
use crate::gazetteer::EntityType;
use std::borrow::Cow;
use std::fmt::Write;

/// Escapes text for HTML and SVG, in element content and quoted attributes.
///
/// ```
/// use kutip::report::html::escape;
/// assert_eq!(escape("<script>alert('x')</script> & \"y\""),
///            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;");
/// assert_eq!(escape("Wang Yi"), "Wang Yi");
/// ```
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Writes a count with thousands separators.
///
/// ```
/// assert_eq!(kutip::report::html::group(1234567), "1,234,567");
/// assert_eq!(kutip::report::html::group(12), "12");
/// ```
pub fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A number readable by people and by scripts.
fn num(id: &str, n: usize) -> String {
    format!(
        "<span class=\"n\" id=\"n-{id}\" data-value=\"{n}\">{}</span>",
        group(n)
    )
}

fn plural(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "People",
        EntityType::Organization => "Organizations",
        EntityType::Country => "Countries",
        EntityType::Location => "Places",
    }
}

fn language(code: &str) -> &str {
    match code {
        "id" => "Indonesian",
        "en" => "English",
        "" => "unsure",
        other => other,
    }
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "0%".into();
    }
    format!("{:.0}%", part as f64 * 100.0 / whole as f64)
}

const CSS: &str = r#"
:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:#fff;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",sans-serif}
main{max-width:1180px;margin:0 auto;padding:24px 28px 40px}
h1{font-size:26px;margin:0 0 4px}
h2{font-size:20px;margin:34px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:15px;margin:18px 0 6px}
p{margin:6px 0}
.muted{color:var(--muted)}
code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;background:#eff2f5;padding:1px 4px;border-radius:4px}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px;margin-top:12px}
.stat{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px}
.stat .label{font-weight:600;display:block}
.stat .big .n{font-size:28px;font-weight:650}
.stat .detail{font-size:13px;color:var(--muted)}
.pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:4px 32px}
figure{margin:0}
figcaption{font-size:13px;color:var(--muted);margin:2px 0 4px}
.dot{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
svg{max-width:100%;height:auto;font:12px system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",sans-serif}
svg text.v{fill:var(--muted)}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:13px;color:var(--muted);font-weight:600}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
ul.quotes{margin:0;padding:0;list-style:none}
ul.quotes li{margin:0 0 6px;padding-left:8px;border-left:3px solid var(--line)}
ul.quotes .where{font-size:12px;color:var(--muted)}
.kind{display:inline-block;font-size:11px;line-height:1.5;padding:0 5px;border-radius:3px;margin-right:4px;color:#1f2328;text-transform:uppercase;letter-spacing:.03em}
.legend{font-size:13px;color:var(--muted)}
.legend span{margin-right:12px}
.pointer{background:#fff8e6;border:1px solid #f0d68a;border-radius:8px;padding:10px 14px;margin-top:14px}
.empty{color:var(--muted);font-style:italic}
footer{margin-top:36px;font-size:12px;color:var(--muted)}
@page{size:A4;margin:14mm}
@media print{
 body{font-size:10.5pt}
 main{max-width:none;padding:0}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 h2{break-after:avoid}
 .stat,.type,figure,tr,ul.quotes li,.pointer{break-inside:avoid}
 #together{break-before:page}
}
"#;

/// Renders the whole page. `name` names the run (its folder) in the title.
pub fn render(f: &Figures, name: &str) -> String {
    let mut s = String::with_capacity(64 * 1024);
    let name = escape(name);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"kutip {version}\">\n\
         <title>kutip report: {name}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n\
         <header><h1>kutip report: {name}</h1>\
         <p class=\"muted\">Built from the tables of one <code>kutip extract</code> run: \
         documents.csv, mentions.csv, entities.csv, quotes.csv.</p></header>\n",
        version = env!("CARGO_PKG_VERSION"),
    );
    summary(&mut s, f);
    coverage(&mut s, f);
    quoted(&mut s, f);
    together(&mut s, f);
    gaps(&mut s, f);
    let _ = write!(
        s,
        "<footer>kutip {} report. Counts come from the CSV tables; entity counts \
         per document come from entities.csv.</footer>\n</main>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
    s
}

fn stat(s: &mut String, label: &str, big: String, detail: &str) {
    let _ = write!(
        s,
        "<div class=\"stat\"><span class=\"label\">{label}</span><span class=\"big\">{big}</span>\
         <div class=\"detail\">{detail}</div></div>"
    );
}

fn summary(s: &mut String, f: &Figures) {
    s.push_str("<section id=\"summary\"><h2>Summary</h2><div class=\"stats\">");
    stat(
        s,
        "Documents",
        num("documents", f.documents),
        &format!(
            "{} ok · {} skipped · {} error",
            num("ok", f.ok),
            num("skipped", f.skipped),
            num("error", f.error)
        ),
    );
    let langs: Vec<String> = f
        .languages
        .iter()
        .map(|(code, n)| {
            let id = if code.is_empty() { "unsure" } else { code };
            format!(
                "{} {}",
                escape(language(code)),
                num(&format!("lang-{}", escape(id)), *n)
            )
        })
        .collect();
    stat(
        s,
        "Languages",
        num(
            "languages",
            f.languages.iter().filter(|l| !l.0.is_empty()).count(),
        ),
        &format!("documents ok: {}", none_if_empty(langs.join(" · "))),
    );
    let methods: Vec<String> = f
        .mention_methods
        .iter()
        .map(|(m, n)| format!("{} {}", group(*n), escape(m)))
        .collect();
    stat(
        s,
        "Mentions",
        num("mentions", f.mentions),
        &none_if_empty(methods.join(" · ")),
    );
    let types: Vec<String> = f
        .types
        .iter()
        .filter(|t| t.entities > 0)
        .map(|t| {
            format!(
                "{} {}",
                num(&format!("entities-{}", t.kind.as_str()), t.entities),
                plural(t.kind).to_lowercase()
            )
        })
        .collect();
    stat(
        s,
        "Entities",
        num("entities", f.entities),
        &none_if_empty(types.join(" · ")),
    );
    let mut kinds: Vec<String> = KINDS
        .iter()
        .filter(|k| !f.quote_kinds.iter().any(|q| q.0 == **k))
        .map(|k| format!("{} {k}", num(&format!("quotes-{k}"), 0)))
        .collect();
    kinds.splice(
        0..0,
        f.quote_kinds.iter().map(|(k, n)| {
            format!(
                "{} {}",
                num(&format!("quotes-{}", escape(k)), *n),
                escape(k)
            )
        }),
    );
    stat(s, "Quotes", num("quotes", f.quotes), &kinds.join(" · "));
    stat(
        s,
        "Speakers",
        num("speakers", f.speaker_count),
        &format!(
            "{} not in the lists ({} quotes)",
            num("unlisted-speakers", f.unlisted_speaker_count),
            num("unlisted-quotes", f.unlisted_quotes)
        ),
    );
    stat(
        s,
        "Unattributed quotes",
        num("unattributed", f.unattributed),
        &format!("{} of all quotes", percent(f.unattributed, f.quotes)),
    );
    s.push_str("</div></section>\n");
}

fn none_if_empty(s: String) -> String {
    if s.is_empty() {
        "none".into()
    } else {
        s
    }
}

fn coverage(s: &mut String, f: &Figures) {
    s.push_str(
        "<section id=\"coverage\"><h2>Who dominates the coverage</h2>\
         <p class=\"muted\">The most present entities of each type: by the documents that \
         name them, and by their mentions.</p>",
    );
    for t in &f.types {
        let color = svg::type_color(Some(t.kind));
        let kind = t.kind.as_str();
        let _ = write!(
            s,
            "<div class=\"type\" data-type=\"{kind}\"><h3><span class=\"dot\" \
             style=\"background:{color}\"></span>{} <span class=\"muted\">({} entities)</span></h3>",
            plural(t.kind),
            group(t.entities),
        );
        if t.entities == 0 {
            s.push_str("<p class=\"empty\">None in this run.</p></div>");
            continue;
        }
        s.push_str("<div class=\"pair\">");
        for (what, list, value) in [
            (
                "documents",
                &t.by_documents,
                (|e: &super::EntityStat| e.documents) as fn(&super::EntityStat) -> usize,
            ),
            ("mentions", &t.by_mentions, |e: &super::EntityStat| {
                e.mentions
            }),
        ] {
            let keys: Vec<String> = list.iter().map(|e| e.key()).collect();
            let bars: Vec<Bar> = list
                .iter()
                .zip(&keys)
                .map(|(e, k)| Bar {
                    key: k,
                    label: &e.name,
                    value: value(e),
                })
                .collect();
            let _ = write!(
                s,
                "<figure><figcaption>By {what}</figcaption>{}</figure>",
                svg::bars(
                    &format!("{}-{what}", t.kind),
                    &format!("{} by {what}", plural(t.kind)),
                    &bars,
                    color
                )
            );
        }
        s.push_str("</div></div>");
    }
    s.push_str("</section>\n");
}

fn kind_badge(kind: &str) -> String {
    format!(
        "<span class=\"kind\" style=\"background:{}\">{}</span>",
        svg::kind_color(kind),
        escape(kind)
    )
}

fn quote_list(s: &mut String, quotes: &[QuoteExample]) {
    s.push_str("<ul class=\"quotes\">");
    for q in quotes {
        let _ = write!(
            s,
            "<li>{}“{}” <span class=\"where\">{} · {}</span></li>",
            kind_badge(&q.kind),
            escape(&svg::shorten(&q.text, 280)),
            escape(&q.doc_id),
            escape(&q.quote_id),
        );
    }
    s.push_str("</ul>");
}

fn kind_parts(sp: &Speaker) -> Vec<(String, usize)> {
    let mut parts: Vec<(String, usize)> = KINDS
        .iter()
        .map(|k| (k.to_string(), sp.by_kind.get(*k).copied().unwrap_or(0)))
        .collect();
    parts.extend(
        sp.by_kind
            .iter()
            .filter(|(k, _)| !KINDS.contains(&k.as_str()))
            .map(|(k, n)| (k.clone(), *n)),
    );
    parts
}

fn quoted(s: &mut String, f: &Figures) {
    s.push_str("<section id=\"quoted\"><h2>Who is quoted</h2>");
    if f.speakers.is_empty() {
        s.push_str("<p class=\"empty\">No quote has a speaker in this run.</p></section>\n");
        return;
    }
    s.push_str("<p class=\"legend\">");
    for k in KINDS {
        let _ = write!(s, "<span>{}</span>", kind_badge(k));
    }
    s.push_str(
        "direct: inside quotation marks; partial: a quoted fragment inside a sentence; \
         indirect: reported speech.</p>",
    );
    s.push_str(
        "<table class=\"speakers\"><thead><tr><th class=\"num\">#</th><th>Speaker</th>\
         <th class=\"num\">Quotes</th><th class=\"num\">Docs</th><th>Kinds</th>\
         <th>Examples</th></tr></thead><tbody>",
    );
    let most = f.speakers.first().map(|sp| sp.quotes).unwrap_or(1);
    for (i, sp) in f.speakers.iter().enumerate() {
        let parts = kind_parts(sp);
        let text: Vec<String> = parts
            .iter()
            .filter(|p| p.1 > 0)
            .map(|(k, n)| format!("{n} {}", escape(k)))
            .collect();
        let key = super::entity_key(&sp.id, sp.kind_name(), &sp.name);
        let data_kinds: String = parts
            .iter()
            .map(|(k, n)| format!(" data-{}=\"{n}\"", escape(k)))
            .collect();
        let unlisted = if sp.id.is_empty() {
            " <span class=\"muted\">(not in the lists)</span>"
        } else {
            ""
        };
        let _ = write!(
            s,
            "<tr data-speaker=\"{key}\" data-quotes=\"{q}\"{data_kinds}><td class=\"num\">{n}</td>\
             <td><span class=\"dot\" style=\"background:{color}\"></span><strong>{name}</strong>{unlisted}\
             <br><span class=\"muted\">{kind}</span></td><td class=\"num\">{q}</td>\
             <td class=\"num\">{d}</td><td>{bar}<br><span class=\"muted\">{text}</span></td><td>",
            key = escape(&key),
            q = sp.quotes,
            n = i + 1,
            color = svg::type_color(sp.kind),
            name = escape(&sp.name),
            kind = sp.kind_name(),
            d = sp.documents,
            bar = svg::kinds(&parts, most),
            text = text.join(" · "),
        );
        quote_list(s, &sp.examples);
        s.push_str("</td></tr>");
    }
    s.push_str("</tbody></table></section>\n");
}

fn together(s: &mut String, f: &Figures) {
    let c = &f.cooccurrence;
    s.push_str("<section id=\"together\"><h2>Who appears with whom</h2>");
    if c.entities.len() < 2 {
        s.push_str("<p class=\"empty\">Too few entities for pairs.</p></section>\n");
        return;
    }
    let _ = write!(
        s,
        "<p class=\"muted\">The {} entities named in the most documents: each cell counts \
         the documents where both appear (from entities.csv); the grey diagonal is the \
         documents of each entity. Darker is more.</p><p class=\"legend\">",
        c.entities.len()
    );
    for kind in super::TYPES {
        let _ = write!(
            s,
            "<span><span class=\"dot\" style=\"background:{}\"></span>{}</span>",
            svg::type_color(Some(kind)),
            plural(kind)
        );
    }
    s.push_str("</p>");
    let keys: Vec<String> = c.entities.iter().map(|e| e.key()).collect();
    let axes: Vec<Axis> = c
        .entities
        .iter()
        .zip(&keys)
        .map(|(e, k)| Axis {
            key: k,
            label: &e.name,
            color: svg::type_color(Some(e.kind)),
        })
        .collect();
    s.push_str(&svg::heatmap(
        "cooccurrence",
        "Entities appearing in the same documents",
        &axes,
        &c.counts,
    ));
    s.push_str("</section>\n");
}

fn gaps(s: &mut String, f: &Figures) {
    s.push_str("<section id=\"gaps\"><h2>What the lists miss</h2>");
    let _ = write!(
        s,
        "<h3>Unattributed quotes: {} <span class=\"muted\">of {}</span></h3>",
        group(f.unattributed),
        group(f.quotes)
    );
    if f.unattributed_examples.is_empty() {
        s.push_str("<p class=\"empty\">Every quote has a speaker.</p>");
    } else {
        s.push_str("<p class=\"muted\">Quotes no rule could attribute, the first ones:</p>");
        quote_list(s, &f.unattributed_examples);
    }
    let _ = write!(
        s,
        "<h3>Speakers no list knows: {}</h3>",
        group(f.unlisted_speaker_count)
    );
    if f.unlisted_speakers.is_empty() {
        s.push_str("<p class=\"empty\">Every speaker is in the lists.</p>");
    } else {
        s.push_str(
            "<table class=\"unlisted\"><thead><tr><th>Speaker</th><th>Type</th>\
             <th class=\"num\">Quotes</th><th class=\"num\">Docs</th></tr></thead><tbody>",
        );
        for sp in &f.unlisted_speakers {
            let _ = write!(
                s,
                "<tr data-unlisted=\"{name}\" data-quotes=\"{q}\"><td>{name}{also}</td><td>{kind}</td>\
                 <td class=\"num\">{q}</td><td class=\"num\">{d}</td></tr>",
                name = escape(&sp.name),
                also = if sp.also.is_empty() {
                    String::new()
                } else {
                    format!(" <small>(also {})</small>", escape(&sp.also.join(", ")))
                },
                kind = sp.kind_name(),
                q = sp.quotes,
                d = sp.documents,
            );
        }
        s.push_str("</tbody></table>");
    }
    s.push_str(
        "<div class=\"pointer\"><strong>Refresh the lists.</strong> Speakers with an empty \
         <code>speaker_id</code> are the <code>speaker</code> candidates of \
         <code>kutip gazetteer suggest</code>; add them with \
         <code>kutip gazetteer suggest CORPUS --out suggestions.csv</code>, mark the rows \
         to keep in the <code>accept</code> column, then \
         <code>kutip gazetteer import suggestions suggestions.csv --into my-lists/people.tsv</code> \
         and <code>kutip gazetteer check my-lists/</code>. The walkthrough is \
         <code>docs/refresh.md</code> (section “Find what your lists miss”) in the kutip \
         repository.</div></section>\n",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_table() {
        for (input, want) in [
            ("plain", "plain"),
            ("a & b", "a &amp; b"),
            ("<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"),
            ("\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;"),
            ("Ã©tÃ© “kutip”", "Ã©tÃ© “kutip”"),
            ("", ""),
        ] {
            assert_eq!(escape(input), want, "{input:?}");
        }
    }

    #[test]
    fn group_table() {
        for (n, want) in [(0, "0"), (999, "999"), (1000, "1,000"), (123456, "123,456")] {
            assert_eq!(group(n), want);
        }
    }

    #[test]
    fn hostile_text_stays_text() {
        let f = Figures {
            unattributed: 1,
            quotes: 1,
            unattributed_examples: vec![QuoteExample {
                doc_id: "\"><img src=x onerror=alert(1)>".into(),
                quote_id: "q1".into(),
                kind: "direct".into(),
                text: "<script>alert(1)</script>".into(),
            }],
            ..Default::default()
        };
        let page = render(&f, "<b>run</b>");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!page.contains("<script"));
        assert!(!page.contains("<img"));
        assert!(!page.contains("<b>run"));
    }
}
