//! Reading a table back (`kutip report`), with its schema.

use super::schema::{Table, TableReader};
use crate::error::{Error, Result};
use std::path::Path;

/// Reads the rows of one table, calling `each` on every row; `path` names
/// it in errors. A leading UTF-8 byte order mark is dropped, columns are
/// found by name (extra ones ignored; missing ones an error when
/// `required`, else read as empty or 0), and text cells lose the `'` that
/// neutralized them.
///
/// ```
/// use kutip::tables::{for_each_row, DocumentRow};
/// let csv = "\u{feff}doc_id,lang,mentions,quotes,status\r\n'=d1,en,3,1,ok\r\n";
/// let mut rows = Vec::new();
/// for_each_row(csv.as_bytes(), "documents.csv", &["doc_id"], |r: DocumentRow| rows.push(r)).unwrap();
/// assert_eq!((rows[0].doc_id.as_str(), rows[0].mentions), ("=d1", Some(3)));
/// ```
pub fn for_each_row<T, R>(
    mut reader: R,
    path: impl AsRef<Path>,
    required: &[&str],
    mut each: impl FnMut(T),
) -> Result<()>
where
    T: Table,
    R: std::io::Read,
{
    let path = path.as_ref();
    let mut head = [0u8; 3];
    let mut got = 0;
    while got < 3 {
        match reader.read(&mut head[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::io(path, e)),
        }
    }
    let skip = if head[..got] == [0xEF, 0xBB, 0xBF] {
        3
    } else {
        0
    };
    let chained = std::io::Read::chain(std::io::Cursor::new(head[skip..got].to_vec()), reader);
    let mut csv = ::csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(chained);
    let headers = csv.headers().map_err(|e| csv_err(path, e))?.clone();
    let columns =
        TableReader::<T>::new(headers.iter(), required).map_err(|message| Error::Table {
            path: path.to_path_buf(),
            line: 1,
            message,
        })?;
    let mut record = ::csv::StringRecord::new();
    while csv.read_record(&mut record).map_err(|e| csv_err(path, e))? {
        let row = columns
            .row(|i| record.get(i))
            .map_err(|message| Error::Table {
                path: path.to_path_buf(),
                line: record.position().map_or(0, |p| p.line()),
                message,
            })?;
        each(row);
    }
    Ok(())
}

fn csv_err(path: &Path, source: ::csv::Error) -> Error {
    Error::Csv {
        path: path.to_path_buf(),
        source,
    }
}
