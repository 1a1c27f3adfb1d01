//! Importing earlier years' amounts: a column with the id and one column per year.

use std::collections::BTreeMap;

use crate::model::Session;
use crate::model::bounds;
use crate::model::money::parse_kr;

use super::{Field, ImportResult, RowError, Sheet, default_field, ids, read_sheet};

/// Reads earlier years' amounts: a column with the id and one column per year
/// (`Medarbejdernr;2023;2024;2025`), from CSV or XLSX. Unknown managers and bad amounts
/// are rejected.
///
/// # Errors
/// A [`RowError`] for an unreadable file or one without an id column or year columns.
pub fn import_history(session: &Session, bytes: &[u8]) -> Result<ImportResult, RowError> {
    import_history_sheet(session, &read_sheet(bytes)?)
}

/// Applies a sheet of earlier years' amounts (see [`import_history`]).
///
/// # Errors
/// A [`RowError`] for a sheet without an id column or year columns.
pub fn import_history_sheet(session: &Session, sheet: &Sheet) -> Result<ImportResult, RowError> {
    let header = &sheet.header;
    let id_col = header.iter().position(|h| default_field(h) == Some(Field::Id));
    let years: Vec<(usize, i32)> =
        header.iter().enumerate().filter_map(|(k, h)| h.trim().parse().ok().map(|y| (k, y))).collect();
    let Some(id_col) = id_col.filter(|_| !years.is_empty()) else {
        return Err(sheet.error(
            sheet.header_line,
            "",
            "der skal være en kolonne Medarbejdernr og en kolonne pr. år".into(),
        ));
    };
    let mut result = ImportResult { session: session.clone(), added: vec![], updated: vec![], rejected: vec![] };
    let mut index = ids::IdIndex::of(session);
    for (line, cells) in &sheet.rows {
        let raw = cells.get(id_col).map_or("", String::as_str);
        let id_error = |why: String| sheet.error(*line, &header[id_col], why);
        let id = match ids::normalise(raw) {
            Ok(id) if sheet.mark(*line, id_col).is_none() => id,
            Ok(_) => {
                result.rejected.push(id_error("medarbejdernummeret er en dato eller en formel".into()));
                continue;
            }
            Err(why) => {
                result.rejected.push(id_error(why));
                continue;
            }
        };
        let Some(i) = index.get(&id) else {
            let why = match index.zero_padded_twin(&id) {
                Some(other) => ids::zero_padded_message(&id, &other),
                None => format!("ukendt leder «{id}»"),
            };
            result.rejected.push(id_error(why));
            continue;
        };
        // The session's own spelling of the id (ids are the same whatever their case).
        let id = session.managers[i].id.clone();
        let mut amounts = BTreeMap::new();
        let mut bad = None;
        for (k, year) in &years {
            let v = cells.get(*k).map_or("", String::as_str);
            if let Some(mark) = sheet.mark(*line, *k) {
                bad = Some(sheet.error(*line, &header[*k], super::row::mark_problem(mark, v)));
                continue;
            }
            if v.is_empty() {
                continue;
            }
            match parse_kr(v) {
                Ok(a) => match bounds::money_problem(&format!("beløbet for {year}"), a, false) {
                    None => {
                        amounts.insert(*year, a);
                    }
                    Some(problem) => bad = Some(sheet.error(*line, &header[*k], problem)),
                },
                Err(e) => bad = Some(sheet.error(*line, &header[*k], e.to_string())),
            }
        }
        if let Some(e) = bad {
            result.rejected.push(e);
            continue;
        }
        result.session.history.entry(id.clone()).or_default().extend(amounts);
        result.updated.push(id);
    }
    Ok(result)
}
