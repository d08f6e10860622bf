//! kutip's own formats: `gazetteer export --format csv`, a `.tsv` list,
//! and the reviewed sheet of `gazetteer suggest`.

use super::*;

impl Reader<'_> {
    /// The well-formed records of a CSV reader, with their line numbers;
    /// each malformed one (unreadable, or not `width` fields) is an error
    /// naming its line.
    pub(super) fn checked_records(
        &mut self,
        rd: &mut csv::Reader<&[u8]>,
        width: usize,
    ) -> Vec<(usize, csv::StringRecord)> {
        let mut good = Vec::new();
        for row in rd.records() {
            match row {
                Ok(row) => {
                    let line = row.position().map_or(0, |p| p.line() as usize);
                    if row.len() == width {
                        good.push((line, row));
                    } else {
                        self.error(
                            line,
                            format!("{} fields, the header has {width}", row.len()),
                        );
                    }
                }
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line() as usize);
                    self.error(line, format!("unreadable CSV row: {e}"));
                }
            }
        }
        good
    }

    /// CSV rows as maps of lowercase column -> cell, with line numbers.
    pub(super) fn csv_rows(&mut self, text: &str, required: &[&str]) -> Result<Vec<CsvRow>> {
        let mut rd = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let header: Vec<String> = rd
            .headers()
            .map_err(|e| self.header_error(1, format!("unreadable CSV header: {e}")))?
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect();
        for r in required {
            if !header.iter().any(|h| h == r) {
                return Err(self.header_error(
                    1,
                    format!("header has no `{r}` column (found: {})", header.join(", ")),
                ));
            }
        }
        let out = self
            .checked_records(&mut rd, header.len())
            .into_iter()
            .map(|(line, row)| {
                let cells = header
                    .iter()
                    .cloned()
                    .zip(row.iter().map(|c| unneutralize(c).to_string()))
                    .collect();
                (line, cells)
            })
            .collect();
        Ok(out)
    }

    pub(super) fn kutip_csv(&mut self, text: &str) -> Result<()> {
        for (line, row) in self.csv_rows(text, &["id", "type", "name"])? {
            let get = |k: &str| {
                row.iter()
                    .find(|(c, _)| c == k)
                    .map_or(String::new(), |(_, v)| v.trim().to_string())
            };
            let rec = self.entity_record(
                line,
                &get("id"),
                &get("type"),
                &get("name"),
                &get("aliases"),
                &get("country"),
                &get("priority"),
            );
            if let Some(rec) = rec {
                self.out.records.push(rec);
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn entity_record(
        &mut self,
        line: usize,
        id: &str,
        kind: &str,
        name: &str,
        aliases: &str,
        country: &str,
        priority: &str,
    ) -> Option<Record> {
        let kind = if kind.is_empty() {
            self.options.kind
        } else {
            match EntityType::parse(kind) {
                Some(k) => Some(k),
                None => {
                    self.error(
                        line,
                        format!(
                            "unknown type {kind:?} (PERSON, ORGANIZATION, COUNTRY or LOCATION)"
                        ),
                    );
                    return None;
                }
            }
        };
        let name = clean(name);
        if name.is_empty() {
            self.error(line, "empty name".into());
            return None;
        }
        let priority = if priority.is_empty() {
            None
        } else {
            match priority.parse() {
                Ok(p) => Some(p),
                Err(_) => {
                    self.error(line, format!("priority {priority:?} is not an integer"));
                    return None;
                }
            }
        };
        Some(Record {
            id: (!id.is_empty()).then(|| id.to_string()),
            kind,
            name: Some(name),
            aliases: aliases
                .split('|')
                .map(|a| a.trim().to_string())
                .filter(|a| !a.trim_start_matches('=').trim().is_empty())
                .collect(),
            country: (!country.is_empty()).then(|| country.to_string()),
            priority,
            alias_only: false,
            origin: self.origin(line),
        })
    }

    pub(super) fn kutip_tsv(&mut self, text: &str) -> Result<()> {
        let g = Gazetteer::parse(text, self.file)?;
        for e in g.entities() {
            self.out.records.push(Record {
                id: Some(e.id.clone()),
                kind: Some(e.kind),
                name: Some(e.name.clone()),
                aliases: e.aliases.clone(),
                country: (!e.country.is_empty()).then(|| e.country.clone()),
                priority: (e.priority != 0).then_some(e.priority),
                alias_only: false,
                origin: e.origin.clone(),
            });
        }
        Ok(())
    }

    pub(super) fn suggestions(&mut self, text: &str) -> Result<()> {
        for (line, row) in self.csv_rows(text, &["name"])? {
            let get = |k: &str| {
                row.iter()
                    .find(|(c, _)| c == k)
                    .map_or(String::new(), |(_, v)| v.trim().to_string())
            };
            let accept = get("accept").to_ascii_lowercase();
            let accepted =
                !accept.is_empty() && !matches!(accept.as_str(), "no" | "n" | "0" | "false" | "-");
            if !(accepted || self.options.all) {
                self.out.skipped += 1;
                continue;
            }
            let entity_id = get("entity_id");
            if !entity_id.is_empty() {
                let name = clean(&get("name"));
                if name.is_empty() {
                    self.error(line, "empty name".into());
                    continue;
                }
                let mut aliases = vec![name];
                aliases.extend(
                    get("aliases")
                        .split('|')
                        .map(clean)
                        .filter(|a| !a.is_empty()),
                );
                self.out.records.push(Record {
                    id: Some(entity_id),
                    aliases,
                    alias_only: true,
                    origin: self.origin(line),
                    ..Record::default()
                });
                continue;
            }
            if let Some(rec) = self.entity_record(
                line,
                "",
                &get("type"),
                &get("name"),
                &get("aliases"),
                &get("country"),
                "",
            ) {
                self.out.records.push(rec);
            }
        }
        Ok(())
    }
}
