//! Wikidata Query Service exports (CSV, or TSV of RDF terms).

use super::*;

/// How a Wikidata column is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WdColumn {
    Item,
    /// A label: the first non-empty one is the name.
    Label,
    /// Alternative labels, joined by `, ` in one cell.
    AltLabels,
    /// One alias per cell.
    Alias,
    Country,
    Other,
}

impl Reader<'_> {
    /// Column roles and languages from WDQS variable names.
    pub(super) fn wikidata_columns(&self, header: &[String]) -> Result<Vec<(WdColumn, String)>> {
        let names: Vec<String> = header
            .iter()
            .map(|h| h.trim().trim_start_matches('?').to_string())
            .collect();
        let item = names
            .iter()
            .position(|n| n.eq_ignore_ascii_case("item"))
            .or_else(|| {
                // `?minister ?ministerLabel`: the variable that has a label.
                names.iter().position(|n| {
                    names
                        .iter()
                        .any(|m| m.eq_ignore_ascii_case(&format!("{n}Label")))
                })
            })
            .unwrap_or(0);
        let roles = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let lower = n.to_ascii_lowercase();
                let (base, lang) = match lower.rsplit_once(['_', '@']) {
                    Some((b, l)) if l.len() == 2 || l.len() == 3 => (b.to_string(), l.to_string()),
                    _ => (lower.clone(), String::new()),
                };
                let role = if i == item {
                    WdColumn::Item
                } else if base.ends_with("altlabel") || base.ends_with("altlabels") {
                    WdColumn::AltLabels
                } else if base.contains("alias") {
                    WdColumn::Alias
                } else if base.ends_with("label") || base == "name" {
                    WdColumn::Label
                } else if base.starts_with("country") || base == "iso" {
                    WdColumn::Country
                } else {
                    WdColumn::Other
                };
                (role, lang)
            })
            .collect();
        Ok(roles)
    }

    pub(super) fn wikidata_row(
        &mut self,
        line: usize,
        roles: &[(WdColumn, String)],
        cells: &[(String, String)],
    ) {
        let mut rec = Record {
            origin: self.origin(line),
            ..Record::default()
        };
        for ((role, col_lang), (value, lang)) in roles.iter().zip(cells) {
            let lang = if lang.is_empty() { col_lang } else { lang };
            let value = clean(value);
            if value.is_empty() {
                continue;
            }
            match role {
                WdColumn::Item => match qid(&value) {
                    Some(q) => rec.id = Some(q),
                    None => {
                        self.error(
                            line,
                            format!("{value:?} is not a Wikidata item (http://www.wikidata.org/entity/Q…)"),
                        );
                        return;
                    }
                },
                _ if !self.lang_ok(lang) => self.out.skipped += 1,
                WdColumn::Label => {
                    if is_qid(&value) {
                        // The label service gives the QID when there is no label.
                        continue;
                    }
                    if rec.name.is_none() {
                        rec.name = Some(value);
                    } else {
                        rec.aliases.push(value);
                    }
                }
                WdColumn::AltLabels => rec.aliases.extend(
                    value
                        .split(", ")
                        .map(clean)
                        .filter(|a| !a.is_empty() && !is_qid(a)),
                ),
                WdColumn::Alias => rec.aliases.push(value),
                WdColumn::Country => {
                    if value.len() == 2 && value.chars().all(|c| c.is_ascii_uppercase()) {
                        rec.country = Some(value);
                    }
                }
                WdColumn::Other => {}
            }
        }
        if rec.id.is_none() {
            self.error(line, "no item (empty Wikidata id)".into());
            return;
        }
        rec.kind = self.options.kind;
        self.out.records.push(rec);
    }

    pub(super) fn wikidata_csv(&mut self, text: &str) -> Result<()> {
        let mut rd = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(true)
            .from_reader(text.as_bytes());
        let header: Vec<String> = rd
            .headers()
            .map_err(|e| self.header_error(1, format!("unreadable CSV header: {e}")))?
            .iter()
            .map(str::to_string)
            .collect();
        let roles = self.wikidata_columns(&header)?;
        for (line, row) in self.checked_records(&mut rd, header.len()) {
            let cells: Vec<(String, String)> =
                row.iter().map(|c| (c.to_string(), String::new())).collect();
            self.wikidata_row(line, &roles, &cells);
        }
        Ok(())
    }

    pub(super) fn wikidata_tsv(&mut self, text: &str) -> Result<()> {
        let mut lines = text.split('\n').enumerate();
        let Some((_, header)) = lines.next() else {
            return Err(self.header_error(1, "empty file".into()));
        };
        let header: Vec<String> = header
            .trim_end_matches('\r')
            .split('\t')
            .map(str::to_string)
            .collect();
        let roles = self.wikidata_columns(&header)?;
        for (i, raw) in lines {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() != header.len() {
                self.error(
                    i + 1,
                    format!("{} fields, the header has {}", fields.len(), header.len()),
                );
                continue;
            }
            let mut cells = Vec::new();
            let mut bad = None;
            for f in fields {
                match rdf_term(f) {
                    Some(c) => cells.push(c),
                    None => bad = Some(f),
                }
            }
            if let Some(f) = bad {
                self.error(
                    i + 1,
                    format!("{f:?} is not an RDF term (<IRI> or \"literal\"@lang)"),
                );
                continue;
            }
            self.wikidata_row(i + 1, &roles, &cells);
        }
        Ok(())
    }
}

/// `Q148` from `http://www.wikidata.org/entity/Q148`, `<…>`, `wd:Q148` or `Q148`.
///
/// ```
/// use kutip::refresh::import::qid;
/// assert_eq!(qid("<http://www.wikidata.org/entity/Q148>").as_deref(), Some("Q148"));
/// assert_eq!(qid("wd:Q30"), Some("Q30".into()));
/// assert_eq!(qid("China"), None);
/// ```
pub fn qid(s: &str) -> Option<String> {
    let s = s.trim().trim_start_matches('<').trim_end_matches('>');
    let last = s.rsplit(['/', ':']).next().unwrap_or(s);
    let rest = s.strip_suffix(last).unwrap_or("");
    let prefix_ok = rest.is_empty() || rest == "wd:" || rest.ends_with("wikidata.org/entity/");
    (prefix_ok && is_qid(last)).then(|| last.to_string())
}

fn is_qid(s: &str) -> bool {
    s.len() > 1 && s.starts_with('Q') && s[1..].chars().all(|c| c.is_ascii_digit())
}

/// A WDQS TSV cell: `<IRI>`, `"literal"`, `"literal"@lang`,
/// `"literal"^^<type>`, a bare number, or empty. Returns (value, language).
fn rdf_term(cell: &str) -> Option<(String, String)> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Some((String::new(), String::new()));
    }
    if let Some(iri) = cell.strip_prefix('<') {
        return Some((iri.strip_suffix('>')?.to_string(), String::new()));
    }
    if let Some(rest) = cell.strip_prefix('"') {
        let close = rest.rfind('"')?;
        let (body, tail) = (&rest[..close], &rest[close + 1..]);
        let lang = match tail.strip_prefix('@') {
            Some(l) => l.to_string(),
            None if tail.is_empty() || tail.starts_with("^^") => String::new(),
            None => return None,
        };
        let mut value = String::new();
        let mut chars = body.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('t') => value.push('\t'),
                    Some('n') => value.push('\n'),
                    Some('r') => value.push('\r'),
                    Some(o) => value.push(o),
                    None => {}
                }
            } else {
                value.push(c);
            }
        }
        return Some((value, lang));
    }
    // Numbers and booleans come bare.
    (!cell.contains(char::is_whitespace)).then(|| (cell.to_string(), String::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rdf_terms() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "<http://www.wikidata.org/entity/Q148>",
                Some(("http://www.wikidata.org/entity/Q148", "")),
            ),
            ("\"Rusia\"@id", Some(("Rusia", "id"))),
            ("\"say \\\"hi\\\"\"@en", Some(("say \"hi\"", "en"))),
            (
                "\"12\"^^<http://www.w3.org/2001/XMLSchema#integer>",
                Some(("12", "")),
            ),
            ("", Some(("", ""))),
            ("\"open", None),
            ("two words", None),
        ];
        for (cell, want) in cases {
            let got = rdf_term(cell);
            assert_eq!(
                got.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
                *want,
                "{cell:?}"
            );
        }
    }
}
