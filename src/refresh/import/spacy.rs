//! spaCy EntityRuler patterns (JSON Lines).

use super::*;

impl Reader<'_> {
    pub(super) fn spacy(&mut self, text: &str) {
        for (i, raw) in text.split('\n').enumerate() {
            let line = i + 1;
            if raw.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value = match serde_json::from_str(raw) {
                Ok(v) => v,
                Err(e) => {
                    self.error(line, format!("not JSON: {e}"));
                    continue;
                }
            };
            let label = v.get("label").and_then(|l| l.as_str()).unwrap_or("");
            let kind = match label.to_ascii_uppercase().as_str() {
                "PERSON" | "PER" => Some(EntityType::Person),
                "ORG" | "ORGANIZATION" | "ORGANISATION" => Some(EntityType::Organization),
                "GPE" => Some(self.options.kind.unwrap_or(EntityType::Country)),
                "LOC" | "LOCATION" | "FAC" => Some(EntityType::Location),
                "COUNTRY" => Some(EntityType::Country),
                "NORP" => self.options.kind,
                "" => {
                    self.error(line, "no \"label\"".into());
                    continue;
                }
                _ => self.options.kind,
            };
            let Some(kind) = kind else {
                if label.eq_ignore_ascii_case("NORP") {
                    // Nationalities and groups: no kutip type unless --type says so.
                    self.out.skipped += 1;
                } else {
                    self.error(line, format!("label {label:?} has no kutip type (PERSON, ORG, GPE, LOC, NORP; or pass --type)"));
                }
                continue;
            };
            let name = match v.get("pattern") {
                Some(serde_json::Value::String(s)) => clean(s),
                Some(serde_json::Value::Array(tokens)) => match token_pattern(tokens) {
                    Ok(s) => s,
                    Err(m) => {
                        self.error(line, m);
                        continue;
                    }
                },
                _ => {
                    self.error(
                        line,
                        "no \"pattern\" (a string or a list of token dicts)".into(),
                    );
                    continue;
                }
            };
            if name.is_empty() {
                self.error(line, "empty pattern".into());
                continue;
            }
            let id = match v.get("id") {
                Some(serde_json::Value::String(s)) if !s.trim().is_empty() => {
                    Some(s.trim().to_string())
                }
                Some(serde_json::Value::Number(n)) => Some(n.to_string()),
                _ => None,
            };
            self.out.records.push(Record {
                id,
                kind: Some(kind),
                name: Some(name),
                origin: self.origin(line),
                ..Record::default()
            });
        }
    }
}

/// Joins the ORTH/TEXT/LOWER values of a spaCy token pattern with spaces.
fn token_pattern(tokens: &[serde_json::Value]) -> std::result::Result<String, String> {
    let mut words = Vec::new();
    for t in tokens {
        let obj = t
            .as_object()
            .ok_or("a token pattern item is not an object")?;
        let word = ["ORTH", "TEXT", "LOWER", "orth", "text", "lower"]
            .iter()
            .find_map(|k| obj.get(*k).and_then(|v| v.as_str()))
            .ok_or_else(|| {
                format!(
                    "token {} has no plain ORTH, TEXT or LOWER string (other token attributes cannot be listed)",
                    t
                )
            })?;
        words.push(word.to_string());
    }
    Ok(clean(&words.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_patterns_join_words() {
        let cases: &[(&str, std::result::Result<&str, &str>)] = &[
            (
                r#"[{"LOWER": "joko"}, {"LOWER": "widodo"}]"#,
                Ok("joko widodo"),
            ),
            (r#"[{"ORTH": "Wang"}, {"TEXT": "Yi"}]"#, Ok("Wang Yi")),
            (r#"[{"IS_PUNCT": true}]"#, Err("token")),
            (r#"["Wang"]"#, Err("not an object")),
        ];
        for (json, want) in cases {
            let v: Vec<serde_json::Value> = serde_json::from_str(json).unwrap();
            match (token_pattern(&v), want) {
                (Ok(got), Ok(w)) => assert_eq!(got, *w),
                (Err(got), Err(w)) => assert!(got.contains(w), "{got}"),
                (got, want) => panic!("{json}: {got:?} vs {want:?}"),
            }
        }
    }
}
