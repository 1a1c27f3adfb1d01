//! HR import: managers (and earlier years' amounts) from CSV as Danish Excel writes it,
//! or from an XLSX workbook.
//!
//! Columns are found by their Danish headers (Medarbejdernr/Id, Navn, Niveau/Stilling,
//! Enhed/Kontor, Reference/Nærmeste leder, Grundløn, Samlet løn, Topcheftillæg,
//! Lønramme) or by a mapping the user chose. Every rejected row is reported with its
//! line, column and why; the caller decides whether to import the valid rows (the import
//! is all-or-nothing otherwise).

mod contract_cells;
pub mod diff;
mod history;
pub mod ids;
mod mapping;
pub mod read;
mod row;
pub mod text;

use crate::model::{Manager, Session};

pub use history::{import_history, import_history_sheet};
pub use mapping::{Field, LearnedMapping, default_field, default_mapping, header_key, learn, mapping_with};
pub use read::{CellMark, Sheet, read_sheet};
use row::row_to_manager;

/// A rejected row (or an unreadable file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The sheet of an XLSX file; None for CSV.
    pub sheet: Option<String>,
    /// Line in a CSV file or row in a sheet, 1-based (the header is usually 1).
    pub line: usize,
    /// The column's header (empty for the whole row).
    pub column: String,
    /// Danish reason.
    pub why: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.sheet {
            Some(sheet) => write!(f, "ark «{sheet}», række {}", self.line)?,
            None => write!(f, "linje {}", self.line)?,
        }
        if !self.column.is_empty() {
            write!(f, ", kolonne «{}»", self.column)?;
        }
        write!(f, ": {}", self.why)
    }
}

/// The outcome of reading an HR file against a session.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportResult {
    /// The session with the valid rows applied.
    pub session: Session,
    /// Ids of managers added.
    pub added: Vec<String>,
    /// Ids of managers updated.
    pub updated: Vec<String>,
    /// Rejected rows.
    pub rejected: Vec<RowError>,
}

/// Reads an HR file (CSV or XLSX) into `session` with the default column mapping.
///
/// # Errors
/// A [`RowError`] for a file without the required columns or unreadable.
pub fn import_managers(session: &Session, bytes: &[u8]) -> Result<ImportResult, RowError> {
    let sheet = read_sheet(bytes)?;
    let mapping = default_mapping(&sheet);
    import_sheet(session, &sheet, &mapping)
}

/// Applies a sheet's rows to `session` with `mapping` (one entry per column, None =
/// ignored): updates managers with a known id, adds new ones. Linear in the rows and
/// the session's managers (ids are looked up in a hash map).
///
/// Ids: trimmed; one with an invisible or control character is refused; ids are the same
/// manager whatever their case (`KC01` updates `kc01`, and the two in one file are one id
/// twice); a number that equals another id without its leading zeros (`71234` beside
/// `0071234`, as Excel turns a zero-padded number) is refused. Number and id cells that
/// are dates or formulas are refused, and every amount must lie within the bounds a
/// session file may hold ([`crate::model::bounds`]).
///
/// # Errors
/// A [`RowError`] naming the header line when a required field is not mapped.
pub fn import_sheet(session: &Session, sheet: &Sheet, mapping: &[Option<Field>]) -> Result<ImportResult, RowError> {
    for needed in Field::ALL.into_iter().filter(|f| f.required()) {
        if !mapping.contains(&Some(needed)) {
            return Err(sheet.error(sheet.header_line, needed.label(), "kolonnen mangler i overskriften".into()));
        }
    }
    let position = |f: Field| mapping.iter().position(|x| *x == Some(f));
    let mut result = ImportResult { session: session.clone(), added: vec![], updated: vec![], rejected: vec![] };
    let mut ids = ids::IdIndex::of(session);
    let mut seen = std::collections::HashSet::new();
    for (line, cells) in &sheet.rows {
        let cell = |f: Field| position(f).and_then(|k| cells.get(k)).map_or("", String::as_str);
        let mark = |f: Field| position(f).and_then(|k| sheet.mark(*line, k));
        let reject = |f: Option<Field>, why: String| {
            let column = f.and_then(position).and_then(|k| sheet.header.get(k)).cloned().unwrap_or_default();
            sheet.error(*line, &column, why)
        };
        match row_to_manager(&result.session, cell, mark, &reject) {
            Err(e) => result.rejected.push(e),
            Ok(mut m) => {
                if !seen.insert(ids::key(&m.id)) {
                    result.rejected.push(reject(
                        Some(Field::Id),
                        format!("id'et {} står flere gange i filen (store og små bogstaver regnes for ens)", m.id),
                    ));
                    continue;
                }
                if let Some(other) = ids.zero_padded_twin(&m.id) {
                    result.rejected.push(reject(Some(Field::Id), ids::zero_padded_message(&m.id, &other)));
                    continue;
                }
                let given: Vec<Field> = Field::ALL
                    .into_iter()
                    .filter(|&f| position(f).is_some() && (f == Field::Top || !cell(f).is_empty()))
                    .collect();
                match ids.get(&m.id) {
                    Some(i) => {
                        // The session's own spelling of the id is kept.
                        m.id.clone_from(&result.session.managers[i].id);
                        update_row(&mut result, i, m, &given);
                    }
                    None => {
                        ids.insert(&m.id, result.session.managers.len());
                        result.added.push(m.id.clone());
                        result.session.managers.push(m);
                    }
                }
            }
        }
    }
    Ok(result)
}

/// Updates a known manager's HR fields that the row `given`s (mapped and not empty), so
/// a column the file lacks never blanks what the session knows.
fn update_row(result: &mut ImportResult, i: usize, m: Manager, given: &[Field]) {
    let old = &mut result.session.managers[i];
    for f in given {
        match f {
            Field::Id => {}
            Field::Name => old.name.clone_from(&m.name),
            Field::Level => old.level.clone_from(&m.level),
            Field::Unit => old.unit.clone_from(&m.unit),
            Field::Superior => old.superior.clone_from(&m.superior),
            Field::Base => old.base_salary = m.base_salary,
            Field::Total => old.total_pay = m.total_pay,
            Field::Top => (old.has_top_supplement, old.top_supplement) = (m.has_top_supplement, m.top_supplement),
            Field::Grade => old.pay_grade.clone_from(&m.pay_grade),
            Field::ContractStart => {
                old.contract.get_or_insert_default().start =
                    m.contract.as_ref().map(|c| c.start.clone()).unwrap_or_default();
            }
            Field::ContractEnd => {
                old.contract.get_or_insert_default().end =
                    m.contract.as_ref().map(|c| c.end.clone()).unwrap_or_default();
            }
        }
    }
    result.updated.push(m.id);
}

/// Appends one change-log entry per changed field (see [`diff::changes`]) to the
/// imported session, by `who`, with the source file as the reason.
pub fn record_in_log(before: &Session, result: &mut ImportResult, source: &str, who: &str) {
    let when = crate::model::log::now_iso();
    let entries: Vec<crate::model::ChangeEntry> = diff::changes(before, result)
        .into_iter()
        .map(|c| crate::model::ChangeEntry {
            when: when.clone(),
            who: who.to_string(),
            manager: Some(c.manager),
            change: crate::model::log::Change::Import { field: c.what, old: c.old, new: c.new },
            why: format!("Importeret fra {source}"),
        })
        .collect();
    result.session.change_log.extend(entries);
}
