//! HR import: managers (and earlier years' amounts) from CSV as Danish Excel writes it.
//!
//! Columns are found by their Danish headers (Medarbejdernr/Id, Navn, Niveau/Stilling,
//! Enhed/Kontor, Reference/Nærmeste leder, Grundløn, Samlet løn, Topcheftillæg,
//! Lønramme). Every rejected row is reported with its line, column and why; the caller
//! decides whether to import the valid rows (the import is all-or-nothing otherwise).

pub mod text;

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::model::money::parse_kr;
use crate::model::{EmploymentBasis, Manager, MeetingStatus, Session};

/// A rejected row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Line in the file, 1-based (the header is line 1).
    pub line: usize,
    /// The column's header (empty for the whole row).
    pub column: String,
    /// Danish reason.
    pub why: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.column.is_empty() {
            write!(f, "linje {}: {}", self.line, self.why)
        } else {
            write!(f, "linje {}, kolonne «{}»: {}", self.line, self.column, self.why)
        }
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

/// Which field a header names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Id,
    Name,
    Level,
    Unit,
    Superior,
    Base,
    Total,
    Top,
    Grade,
}

/// Maps a header to a field by the default Danish names.
fn column(header: &str) -> Option<Col> {
    let h: String = header.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect();
    Some(match h.as_str() {
        "medarbejdernr" | "medarbejdernummer" | "id" | "medarbejderid" | "mednr" => Col::Id,
        "navn" | "fuldtnavn" => Col::Name,
        "niveau" | "stilling" | "stillingsbetegnelse" => Col::Level,
        "enhed" | "kontor" | "afdeling" => Col::Unit,
        "reference" | "nærmesteleder" | "leder" => Col::Superior,
        "grundløn" | "grundlønårlig" | "grundløninkltillæg" => Col::Base,
        "samletløn" | "løniall" => Col::Total,
        "topchefstillæg" | "topcheftillæg" => Col::Top,
        "lønramme" | "løngruppe" | "lønrammeløngruppe" => Col::Grade,
        _ => return None,
    })
}

/// Reads CSV rows: (line number, cells), skipping empty lines.
fn rows(text: &str) -> Result<Vec<(usize, Vec<String>)>, RowError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(text::separator(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| RowError {
            line: e.position().map_or(0, |p| usize::try_from(p.line()).unwrap_or(0)),
            column: String::new(),
            why: format!("ulæselig CSV: {e}"),
        })?;
        let line = record.position().map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        if cells.iter().any(|c| !c.is_empty()) {
            out.push((line, cells));
        }
    }
    Ok(out)
}

/// Parses a yes/no cell: ja/nej, j/n, x, 1/0, sand/falsk; empty is no.
fn yes_no(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "ja" | "j" | "x" | "1" | "sand" | "true" | "yes" => Some(true),
        "nej" | "n" | "" | "0" | "falsk" | "false" | "no" => Some(false),
        _ => None,
    }
}

/// Reads HR rows into `session`: updates managers with a known id, adds new ones.
///
/// # Errors
/// A [`RowError`] for a file without the required columns or unreadable as CSV.
pub fn import_managers(session: &Session, bytes: &[u8]) -> Result<ImportResult, RowError> {
    let (text, _) = text::decode(bytes);
    let mut all = rows(&text)?;
    if all.is_empty() {
        return Err(RowError { line: 1, column: String::new(), why: "filen er tom".into() });
    }
    let (header_line, header) = all.remove(0);
    let cols: Vec<Option<Col>> = header.iter().map(|h| column(h)).collect();
    for (needed, name) in [(Col::Id, "Medarbejdernr"), (Col::Name, "Navn"), (Col::Level, "Niveau")] {
        if !cols.contains(&Some(needed)) {
            return Err(RowError {
                line: header_line,
                column: name.into(),
                why: "kolonnen mangler i overskriften".into(),
            });
        }
    }
    let mut result = ImportResult { session: session.clone(), added: vec![], updated: vec![], rejected: vec![] };
    let mut seen = std::collections::HashSet::new();
    for (line, cells) in all {
        let cell =
            |c: Col| cols.iter().position(|x| *x == Some(c)).and_then(|k| cells.get(k)).map_or("", String::as_str);
        let header_of =
            |c: Col| cols.iter().position(|x| *x == Some(c)).and_then(|k| header.get(k)).cloned().unwrap_or_default();
        let reject = |c: Option<Col>, why: String| RowError { line, column: c.map(header_of).unwrap_or_default(), why };
        match row_to_manager(&result.session, cell, &reject) {
            Err(e) => result.rejected.push(e),
            Ok(m) => {
                if !seen.insert(m.id.clone()) {
                    result.rejected.push(reject(Some(Col::Id), format!("id'et {} står flere gange i filen", m.id)));
                    continue;
                }
                match result.session.manager_index(&m.id) {
                    Some(i) => {
                        let old = &mut result.session.managers[i];
                        (old.name, old.level, old.unit) = (m.name, m.level, m.unit);
                        if !m.superior.is_empty() {
                            old.superior = m.superior;
                        }
                        (old.base_salary, old.total_pay, old.has_top_supplement) =
                            (m.base_salary, m.total_pay, m.has_top_supplement);
                        if !m.pay_grade.is_empty() {
                            old.pay_grade = m.pay_grade;
                        }
                        result.updated.push(m.id);
                    }
                    None => {
                        result.added.push(m.id.clone());
                        result.session.managers.push(m);
                    }
                }
            }
        }
    }
    Ok(result)
}

/// One row as a manager, or the first problem found in it.
fn row_to_manager<'a>(
    session: &Session,
    cell: impl Fn(Col) -> &'a str,
    reject: &dyn Fn(Option<Col>, String) -> RowError,
) -> Result<Manager, RowError> {
    let id = cell(Col::Id).to_string();
    if id.is_empty() {
        return Err(reject(Some(Col::Id), "tomt medarbejdernummer".into()));
    }
    let name = cell(Col::Name).to_string();
    if name.is_empty() {
        return Err(reject(Some(Col::Name), "tomt navn".into()));
    }
    let lv = cell(Col::Level);
    let level = session
        .levels
        .iter()
        .find(|l| l.id.eq_ignore_ascii_case(lv) || l.name.to_lowercase() == lv.to_lowercase())
        .ok_or_else(|| reject(Some(Col::Level), format!("ukendt niveau «{lv}»")))?;
    let sup = cell(Col::Superior);
    let superior = if sup.is_empty() {
        String::new()
    } else {
        super::super::engine::prep::find_executive(session, sup)
            .map(|e| e.id.clone())
            .ok_or_else(|| reject(Some(Col::Superior), format!("ukendt nærmeste leder «{sup}»")))?
    };
    let money = |c: Col| -> Result<Decimal, RowError> {
        let v = cell(c);
        if v.is_empty() {
            return Ok(Decimal::ZERO);
        }
        let amount = parse_kr(v).map_err(|e| reject(Some(c), e.to_string()))?;
        if amount < Decimal::ZERO {
            return Err(reject(Some(c), format!("negativt beløb {v}")));
        }
        Ok(amount)
    };
    let base_salary = money(Col::Base)?;
    let total = money(Col::Total)?;
    let top = yes_no(cell(Col::Top))
        .ok_or_else(|| reject(Some(Col::Top), format!("«{}» er hverken ja eller nej", cell(Col::Top))))?;
    Ok(Manager {
        id,
        name,
        level: level.id.clone(),
        unit: cell(Col::Unit).to_string(),
        superior,
        basis: EmploymentBasis::Rammeaftale,
        pay_grade: cell(Col::Grade).to_string(),
        base_salary,
        total_pay: if total.is_zero() { base_salary } else { total },
        has_top_supplement: top,
        pay_forms: vec![crate::model::PayForm::Resultatloen],
        contract_ceiling: None,
        model_override: None,
        goals: vec![],
        box_scores: BTreeMap::new(),
        overall_rating: None,
        tier: None,
        direct_amount: None,
        proposal: None,
        adjustment: None,
        final_amount: None,
        pension_percent: Decimal::ZERO,
        status: MeetingStatus::IkkeDroeftet,
        locked: false,
        notes: String::new(),
    })
}

/// Reads earlier years' amounts: a column with the id and one column per year
/// (`Medarbejdernr;2023;2024;2025`). Unknown managers and bad amounts are rejected.
///
/// # Errors
/// A [`RowError`] for a file without an id column or year columns.
pub fn import_history(session: &Session, bytes: &[u8]) -> Result<ImportResult, RowError> {
    let (text, _) = text::decode(bytes);
    let mut all = rows(&text)?;
    if all.is_empty() {
        return Err(RowError { line: 1, column: String::new(), why: "filen er tom".into() });
    }
    let (line, header) = all.remove(0);
    let id_col = header.iter().position(|h| column(h) == Some(Col::Id));
    let years: Vec<(usize, i32)> =
        header.iter().enumerate().filter_map(|(k, h)| h.trim().parse().ok().map(|y| (k, y))).collect();
    let Some(id_col) = id_col.filter(|_| !years.is_empty()) else {
        return Err(RowError {
            line,
            column: String::new(),
            why: "der skal være en kolonne Medarbejdernr og en kolonne pr. år".into(),
        });
    };
    let mut result = ImportResult { session: session.clone(), added: vec![], updated: vec![], rejected: vec![] };
    for (line, cells) in all {
        let id = cells.get(id_col).cloned().unwrap_or_default();
        if session.manager_index(&id).is_none() {
            result.rejected.push(RowError {
                line,
                column: header[id_col].clone(),
                why: format!("ukendt leder «{id}»"),
            });
            continue;
        }
        let mut amounts = BTreeMap::new();
        let mut bad = None;
        for (k, year) in &years {
            let v = cells.get(*k).map_or("", String::as_str);
            if v.is_empty() {
                continue;
            }
            match parse_kr(v) {
                Ok(a) => {
                    amounts.insert(*year, a);
                }
                Err(e) => bad = Some(RowError { line, column: header[*k].clone(), why: e.to_string() }),
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

/// Appends one change-log entry per added or updated manager to the imported session.
pub fn record_in_log(result: &mut ImportResult, source: &str, what: &str) {
    let when = crate::model::log::now_iso();
    let entries =
        result.added.iter().map(|id| (id, "tilføjet")).chain(result.updated.iter().map(|id| (id, "opdateret")));
    let entries: Vec<crate::model::ChangeEntry> = entries
        .map(|(id, how)| crate::model::ChangeEntry {
            when: when.clone(),
            who: "HR-import".into(),
            manager: Some(id.clone()),
            what: what.to_string(),
            old: String::new(),
            new: how.to_string(),
            why: format!("Importeret fra {source}"),
        })
        .collect();
    result.session.change_log.extend(entries);
}
