//! GeoNames dumps: `countryInfo.txt`, cities, alternate names.

use super::*;

impl Reader<'_> {
    /// Tab-separated GeoNames lines: (line number, fields), `#` comments skipped.
    pub(super) fn geonames_lines<'t>(&mut self, text: &'t str) -> Vec<(usize, Vec<&'t str>)> {
        text.split('\n')
            .enumerate()
            .filter_map(|(i, l)| {
                let l = l.trim_end_matches('\r');
                (!l.trim().is_empty() && !l.starts_with('#'))
                    .then(|| (i + 1, l.split('\t').collect()))
            })
            .collect()
    }

    pub(super) fn geonames_countries(&mut self, text: &str) {
        for (line, f) in self.geonames_lines(text) {
            if !(17..=19).contains(&f.len()) {
                self.error(
                    line,
                    format!(
                        "{} fields, countryInfo.txt has 19 (ISO, ISO3, …, geonameid, neighbours, EquivalentFipsCode)",
                        f.len()
                    ),
                );
                continue;
            }
            let (iso, name, gid) = (f[0].trim(), clean(f[4]), f[16].trim());
            if iso.len() != 2 || !iso.chars().all(|c| c.is_ascii_uppercase()) {
                self.error(line, format!("ISO code {iso:?} is not two capital letters"));
                continue;
            }
            if gid.is_empty() || !gid.chars().all(|c| c.is_ascii_digit()) {
                self.error(line, format!("geonameid {gid:?} is not a number"));
                continue;
            }
            if name.is_empty() {
                self.error(line, "empty country name".into());
                continue;
            }
            self.out.records.push(Record {
                id: Some(format!("geonames:{gid}")),
                kind: Some(self.options.kind.unwrap_or(EntityType::Country)),
                name: Some(name),
                country: Some(iso.to_string()),
                origin: self.origin(line),
                ..Record::default()
            });
        }
    }

    pub(super) fn geonames_cities(&mut self, text: &str) {
        for (line, f) in self.geonames_lines(text) {
            if f.len() != 19 {
                self.error(
                    line,
                    format!(
                        "{} fields, a GeoNames table has 19 (geonameid, name, asciiname, alternatenames, …)",
                        f.len()
                    ),
                );
                continue;
            }
            let (gid, name, ascii, cc) = (f[0].trim(), clean(f[1]), clean(f[2]), f[8].trim());
            if gid.is_empty() || !gid.chars().all(|c| c.is_ascii_digit()) {
                self.error(line, format!("geonameid {gid:?} is not a number"));
                continue;
            }
            if name.is_empty() {
                self.error(line, "empty name".into());
                continue;
            }
            let mut aliases = Vec::new();
            if !ascii.is_empty() && ascii != name {
                aliases.push(ascii);
            }
            self.out.records.push(Record {
                id: Some(format!("geonames:{gid}")),
                kind: Some(self.options.kind.unwrap_or(EntityType::Location)),
                name: Some(name),
                aliases,
                country: (cc.len() == 2).then(|| cc.to_ascii_uppercase()),
                origin: self.origin(line),
                ..Record::default()
            });
        }
    }

    pub(super) fn geonames_alternate(&mut self, text: &str) {
        let default_langs = ["id".to_string(), "en".to_string()];
        let langs: &[String] = if self.options.langs.is_empty() {
            &default_langs
        } else {
            &self.options.langs
        };
        for (line, f) in self.geonames_lines(text) {
            if !(4..=10).contains(&f.len()) {
                self.error(
                    line,
                    format!(
                        "{} fields, alternateNamesV2.txt has 10 (alternateNameId, geonameid, isolanguage, alternateName, …)",
                        f.len()
                    ),
                );
                continue;
            }
            let gid = f[1].trim();
            if gid.is_empty() || !gid.chars().all(|c| c.is_ascii_digit()) {
                self.error(line, format!("geonameid {gid:?} is not a number"));
                continue;
            }
            let flag = |i: usize| f.get(i).is_some_and(|v| v.trim() == "1");
            let lang = f[2].trim();
            let to = f.get(9).map_or("", |v| v.trim());
            // Colloquial (7) and historic (8) names, and names no longer used, are left out.
            if !langs.iter().any(|l| l.eq_ignore_ascii_case(lang))
                || flag(6)
                || flag(7)
                || !to.is_empty()
            {
                self.out.skipped += 1;
                continue;
            }
            let name = clean(f[3]);
            if name.is_empty() {
                self.error(line, "empty alternate name".into());
                continue;
            }
            self.out.records.push(Record {
                id: Some(format!("geonames:{gid}")),
                aliases: vec![name],
                alias_only: true,
                origin: self.origin(line),
                ..Record::default()
            });
        }
    }
}
