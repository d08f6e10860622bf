//! Which tables a run writes (`--tables`): documents.csv always, and any of
//! mentions.csv, entities.csv and quotes.csv. A run searches only for what
//! the tables it writes hold: without quotes.csv no quote is looked for,
//! and without mentions.csv and entities.csv the name tagger does not run.
//!
//! documents.csv says what was searched, per row, without a column of its
//! own: its `mentions` cell is empty when names were not searched, its
//! `quotes` cell empty when quotes were not (a number, 0 included, when
//! they were). So a run of all four tables writes exactly what it always
//! wrote.

use std::fmt;

/// The tables of a run besides documents.csv. By default, all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TableSet {
    pub mentions: bool,
    pub entities: bool,
    pub quotes: bool,
}

impl Default for TableSet {
    fn default() -> Self {
        TableSet::ALL
    }
}

/// The names `--tables` takes, in table order.
pub const TABLE_NAMES: [&str; 4] = ["documents", "mentions", "entities", "quotes"];

impl TableSet {
    /// All four tables.
    pub const ALL: TableSet = TableSet {
        mentions: true,
        entities: true,
        quotes: true,
    };

    /// Reads a comma-separated list of table names (`mentions,entities`);
    /// `documents` may be named or not (it is always written). The error
    /// names the word not understood and the choices.
    ///
    /// ```
    /// use kutip::tables::TableSet;
    /// let t = TableSet::parse("entities, mentions").unwrap();
    /// assert_eq!(t.to_string(), "documents,mentions,entities");
    /// assert!(t.names() && !t.quotes);
    /// assert!(TableSet::parse("quote").is_err());
    /// ```
    pub fn parse(list: &str) -> Result<TableSet, String> {
        let mut t = TableSet {
            mentions: false,
            entities: false,
            quotes: false,
        };
        for word in list.split(',').map(str::trim) {
            match word.strip_suffix(".csv").unwrap_or(word) {
                "documents" => {}
                "mentions" => t.mentions = true,
                "entities" => t.entities = true,
                "quotes" => t.quotes = true,
                "" => return Err("an empty table name".into()),
                other => {
                    return Err(format!(
                        "no table {other:?}: the tables are {}",
                        TABLE_NAMES.join(", ")
                    ))
                }
            }
        }
        Ok(t)
    }

    /// Whether the run searches names for their own rows (mentions.csv or
    /// entities.csv): the documents row's `mentions` is then a count, and
    /// the name tagger runs.
    pub fn names(&self) -> bool {
        self.mentions || self.entities
    }

    /// Whether the gazetteer matcher and the mention rules run at all:
    /// for names, and for quotes (speakers are the names found).
    pub fn lists(&self) -> bool {
        self.names() || self.quotes
    }

    pub fn is_all(&self) -> bool {
        *self == TableSet::ALL
    }

    /// Whether the table named `name` (`mentions`, or `mentions.csv`) is
    /// written.
    pub fn has(&self, name: &str) -> bool {
        match name.strip_suffix(".csv").unwrap_or(name) {
            "documents" => true,
            "mentions" => self.mentions,
            "entities" => self.entities,
            "quotes" => self.quotes,
            _ => false,
        }
    }
}

/// `documents,mentions,entities`: the tables in table order.
impl fmt::Display for TableSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = TABLE_NAMES.into_iter().filter(|n| self.has(n)).collect();
        f.write_str(&names.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_lists_read_in_any_order_and_print_in_table_order() {
        assert_eq!(
            TableSet::parse("quotes,documents,mentions")
                .unwrap()
                .to_string(),
            "documents,mentions,quotes"
        );
        assert_eq!(
            TableSet::parse("documents").unwrap().to_string(),
            "documents"
        );
        assert!(!TableSet::parse("documents").unwrap().lists());
        let all = TableSet::parse("mentions.csv,entities,quotes").unwrap();
        assert!(all.is_all());
        assert_eq!(all, TableSet::default());
        let quotes = TableSet::parse("quotes").unwrap();
        assert!(quotes.lists() && !quotes.names());
        let err = TableSet::parse("mentions,speakers").unwrap_err();
        assert_eq!(
            err,
            "no table \"speakers\": the tables are documents, mentions, entities, quotes"
        );
        assert!(TableSet::parse("mentions,").is_err());
    }
}
