//! Writing lists back in the TSV format of `gazetteers/`.
//!
//! [`to_tsv`] serializes any [`Gazetteer`]. [`ListFile`] keeps an existing
//! file as it was (comments, column order, extra columns, row order, line
//! ends) and rewrites only the rows whose entity changed, appending new
//! entities at the end. [`write_atomic`] replaces a file through a
//! temporary file and a rename, so a reader never sees half a list.
//!
//! ```
//! use kutip::gazetteer::Gazetteer;
//! use kutip::refresh::write::to_tsv;
//! let g = Gazetteer::parse("id\ttype\tname\taliases\nQ148\tCOUNTRY\tChina\tRRT\n", "c.tsv").unwrap();
//! assert_eq!(to_tsv(&g, &["# countries"]), "# countries\nid\ttype\tname\taliases\tcountry\tpriority\nQ148\tCOUNTRY\tChina\tRRT\t\t\n");
//! ```

use crate::error::{Error, Result};
use crate::gazetteer::{Entity, Gazetteer};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// The columns [`to_tsv`] writes, in order (and `offices` after them when
/// an entity has offices).
pub const COLUMNS: [&str; 6] = ["id", "type", "name", "aliases", "country", "priority"];

/// The comment a new list starts with.
pub const NEW_LIST_COMMENT: &str =
    "# kutip gazetteer list (format: see gazetteers/README.md). Created by `kutip gazetteer import`.";

/// Serializes a gazetteer: the comment lines as given, the header row, one
/// row per entity. A priority of 0 is written as an empty cell.
///
/// ```
/// use kutip::gazetteer::Gazetteer;
/// let g = Gazetteer::parse("id\ttype\tname\tpriority\nQ1\tPERSON\tX\t2\n", "p.tsv").unwrap();
/// assert!(kutip::refresh::write::to_tsv(&g, &[]).ends_with("Q1\tPERSON\tX\t\t\t2\n"));
/// ```
pub fn to_tsv(g: &Gazetteer, comments: &[&str]) -> String {
    let mut out = String::new();
    for c in comments {
        out.push_str(c);
        out.push('\n');
    }
    let mut columns: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    if g.entities().iter().any(|e| !e.offices.is_empty()) {
        columns.push("offices".to_string());
    }
    out.push_str(&columns.join("\t"));
    out.push('\n');
    for e in g.entities() {
        out.push_str(&render_row(e, &columns, &[]));
        out.push('\n');
    }
    out
}

/// The cell of entity `e` for a column (`None` for a column we do not own).
fn cell(e: &Entity, column: &str) -> Option<String> {
    Some(match column.trim().to_ascii_lowercase().as_str() {
        "id" => e.id.clone(),
        "type" => e.kind.as_str().to_string(),
        "name" => e.name.clone(),
        "aliases" => e.aliases.join("|"),
        "country" => e.country.clone(),
        "priority" if e.priority == 0 => String::new(),
        "priority" => e.priority.to_string(),
        "offices" => {
            let codes: Vec<&str> = e.offices.iter().map(|o| o.as_str()).collect();
            codes.join("|")
        }
        _ => return None,
    })
}

fn safe(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// One row in a given column layout; `old` holds the cells of the row it
/// replaces (kept for columns we do not own, such as notes).
fn render_row(e: &Entity, columns: &[String], old: &[&str]) -> String {
    let cells: Vec<String> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| match cell(e, c) {
            Some(v) => safe(&v),
            None => old.get(i).map_or(String::new(), |s| s.to_string()),
        })
        .collect();
    cells.join("\t")
}

/// An existing list file (or a new, empty one), ready to be rewritten.
///
/// ```
/// use kutip::refresh::write::ListFile;
/// let text = "# my list\nid\ttype\tname\tnote\nQ1\tPERSON\tAnn\tkeep me\n";
/// let list = ListFile::parse(text, "p.tsv").unwrap();
/// let mut g = list.gazetteer().clone();
/// g.push(kutip::gazetteer::Entity { id: "Q2".into(), kind: kutip::gazetteer::EntityType::Person,
///     name: "Bo".into(), aliases: vec!["Bobo".into()], country: String::new(), priority: 0, offices: vec![], origin: String::new() });
/// assert_eq!(list.render(&g), "# my list\nid\ttype\tname\tnote\taliases\nQ1\tPERSON\tAnn\tkeep me\nQ2\tPERSON\tBo\t\tBobo\n");
/// ```
#[derive(Debug, Clone)]
pub struct ListFile {
    /// Lines without their line end.
    lines: Vec<String>,
    crlf: bool,
    /// Index of the header row in `lines`.
    header: Option<usize>,
    gazetteer: Gazetteer,
    /// Entity id -> index of its line in `lines` (first definition).
    rows: HashMap<String, usize>,
}

impl ListFile {
    /// Parses a list; `file` names it in errors and origins.
    pub fn parse(text: &str, file: &str) -> Result<ListFile> {
        let gazetteer = Gazetteer::parse(text, file)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let crlf = text.contains("\r\n");
        let mut lines: Vec<String> = text
            .split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
            .collect();
        if lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        let header = lines
            .iter()
            .position(|l| !l.trim().is_empty() && !l.starts_with('#'));
        let mut rows = HashMap::new();
        for e in gazetteer.entities() {
            let line = crate::gazetteer::split_origin(&e.origin).1;
            rows.entry(e.id.clone()).or_insert(line.saturating_sub(1));
        }
        Ok(ListFile {
            lines,
            crlf,
            header,
            gazetteer,
            rows,
        })
    }

    /// Reads a list file; a file that does not exist is a new, empty list.
    pub fn open(path: &Path) -> Result<ListFile> {
        match std::fs::read(path) {
            Ok(bytes) => {
                let name = path.display().to_string();
                let text = String::from_utf8(bytes).map_err(|e| Error::Gazetteer {
                    file: name.clone(),
                    line: e.as_bytes()[..e.utf8_error().valid_up_to()]
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count()
                        + 1,
                    message: "not valid UTF-8 (save the list as UTF-8)".into(),
                })?;
                ListFile::parse(&text, &name)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => ListFile::parse("", ""),
            Err(e) => Err(Error::io(path, e)),
        }
    }

    /// The entities of the file.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The file's text with `merged` in place of its entities: rows of
    /// unchanged entities exactly as they were, changed ones rewritten in
    /// the file's column layout, entities not in the file appended in
    /// `merged` order. Columns the file lacks are added to its header when
    /// an entity needs them.
    pub fn render(&self, merged: &Gazetteer) -> String {
        let Some(header) = self.header else {
            return to_tsv(merged, &[NEW_LIST_COMMENT]);
        };
        let old: HashMap<&str, &Entity> = self
            .gazetteer
            .entities()
            .iter()
            .map(|e| (e.id.as_str(), e))
            .rev()
            .collect();
        let mut columns: Vec<String> = self.lines[header]
            .split('\t')
            .map(|s| s.to_string())
            .collect();
        let has = |columns: &[String], name: &str| {
            columns.iter().any(|c| c.trim().eq_ignore_ascii_case(name))
        };
        let mut lines = self.lines.clone();
        for name in ["aliases", "country", "priority", "offices"] {
            let needed = merged
                .entities()
                .iter()
                .any(|e| cell(e, name).is_some_and(|v| !v.is_empty()));
            if needed && !has(&columns, name) {
                columns.push(name.to_string());
                lines[header].push('\t');
                lines[header].push_str(name);
            }
        }
        let mut appended = Vec::new();
        for e in merged.entities() {
            let same = old.get(e.id.as_str()).is_some_and(|o| same_entity(o, e));
            match self.rows.get(&e.id) {
                Some(_) if same => {}
                Some(&i) => {
                    let old_line = self.lines[i].clone();
                    let cells: Vec<&str> = old_line.split('\t').collect();
                    lines[i] = render_row(e, &columns, &cells);
                }
                None => appended.push(render_row(e, &columns, &[])),
            }
        }
        lines.extend(appended);
        let end = if self.crlf { "\r\n" } else { "\n" };
        let mut out = lines.join(end);
        out.push_str(end);
        out
    }
}

/// Same entity data, whatever its origin.
pub fn same_entity(a: &Entity, b: &Entity) -> bool {
    (&a.id, a.kind, &a.name, &a.aliases, &a.country, a.priority)
        == (&b.id, b.kind, &b.name, &b.aliases, &b.country, b.priority)
}

/// Writes `text` to `path` through a temporary file in the same folder and
/// a rename: the file is either the old one or the new one, never half.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("kutip-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// kutip::refresh::write::write_atomic(&dir.join("l.tsv"), "id\ttype\tname\n").unwrap();
/// assert_eq!(std::fs::read_to_string(dir.join("l.tsv")).unwrap(), "id\ttype\tname\n");
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub fn write_atomic(path: &Path, text: &str) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "list".into());
    let tmp = dir.join(format!(".{name}.kutip-{}.tmp", std::process::id()));
    let result = (|| {
        // A list in a folder not made yet (`--into my-lists/people.tsv`).
        std::fs::create_dir_all(&dir)?;
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(path, e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchanged_lists_render_byte_for_byte() {
        let cases = [
            "# c\n# d\nid\ttype\tname\taliases\tcountry\tpriority\nQ1\tPERSON\tA\tB|C\tID\t\n\n# mid\nQ2\tPERSON\tD\t\t\t1\n",
            "name\tid\ttype\r\nA\tQ1\tPERSON\r\n",
            "id\ttype\tname\tnote\nQ1\tPERSON\tA\tx y\n",
        ];
        for text in cases {
            let l = ListFile::parse(text, "t.tsv").unwrap();
            assert_eq!(l.render(l.gazetteer()), text);
        }
    }

    #[test]
    fn changed_rows_keep_their_place_and_extra_cells() {
        let text =
            "id\ttype\tname\tnote\taliases\nQ1\tPERSON\tA\tnote 1\t\nQ2\tPERSON\tB\tnote 2\t\n";
        let l = ListFile::parse(text, "t.tsv").unwrap();
        let mut g = Gazetteer::new();
        for e in l.gazetteer().entities() {
            let mut e = e.clone();
            if e.id == "Q1" {
                e.aliases.push("Ay".into());
            }
            g.push(e);
        }
        assert_eq!(
            l.render(&g),
            "id\ttype\tname\tnote\taliases\nQ1\tPERSON\tA\tnote 1\tAy\nQ2\tPERSON\tB\tnote 2\t\n"
        );
    }

    #[test]
    fn new_lists_get_a_comment_and_the_standard_header() {
        let l = ListFile::parse("", "").unwrap();
        let g = Gazetteer::parse("id\ttype\tname\nQ1\tPERSON\tA\n", "x").unwrap();
        assert_eq!(
            l.render(&g),
            format!("{NEW_LIST_COMMENT}\nid\ttype\tname\taliases\tcountry\tpriority\nQ1\tPERSON\tA\t\t\t\n")
        );
    }
}
