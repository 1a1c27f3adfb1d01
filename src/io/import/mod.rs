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
pub mod read;
pub mod text;

use rust_decimal::Decimal;

use crate::model::bounds;
use crate::model::money::parse_kr;
use crate::model::{EmploymentBasis, Manager, Session};

pub use history::{import_history, import_history_sheet};
pub use read::{CellMark, Sheet, read_sheet};

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

/// A manager field an HR column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Field {
    /// Medarbejdernummer (the stable id).
    Id,
    /// Navn.
    Name,
    /// Niveau (level id or name).
    Level,
    /// Enhed.
    Unit,
    /// Nærmeste leder (an executive's id or name).
    Superior,
    /// Grundløn inkl. faste tillæg.
    Base,
    /// Samlet løn.
    Total,
    /// Topcheftillæg (ja/nej, or the amount per year).
    Top,
    /// Lønramme / løngruppe.
    Grade,
    /// The contract period's first day.
    ContractStart,
    /// The contract period's last day.
    ContractEnd,
}

impl Field {
    /// Every field, in the order of the mapping step.
    pub const ALL: [Self; 11] = [
        Self::Id,
        Self::Name,
        Self::Level,
        Self::Unit,
        Self::Superior,
        Self::Base,
        Self::Total,
        Self::Top,
        Self::Grade,
        Self::ContractStart,
        Self::ContractEnd,
    ];

    /// The Danish name shown in the mapping step and in messages.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Id => "Medarbejdernr",
            Self::Name => "Navn",
            Self::Level => "Niveau",
            Self::Unit => "Enhed",
            Self::Superior => "Nærmeste leder",
            Self::Base => "Grundløn",
            Self::Total => "Samlet løn",
            Self::Top => "Topcheftillæg",
            Self::Grade => "Lønramme",
            Self::ContractStart => "Kontraktstart",
            Self::ContractEnd => "Kontraktslut",
        }
    }

    /// Whether an import needs this field.
    #[must_use]
    pub fn required(self) -> bool {
        matches!(self, Self::Id | Self::Name | Self::Level)
    }
}

/// Maps a header to a field by the default Danish names.
#[must_use]
pub fn default_field(header: &str) -> Option<Field> {
    Some(match header_key(header).as_str() {
        "medarbejdernr" | "medarbejdernummer" | "id" | "medarbejderid" | "mednr" => Field::Id,
        "navn" | "fuldtnavn" => Field::Name,
        "niveau" | "stilling" | "stillingsbetegnelse" => Field::Level,
        "enhed" | "kontor" | "afdeling" => Field::Unit,
        "reference" | "nærmesteleder" | "leder" => Field::Superior,
        "grundløn" | "grundlønårlig" | "grundløninkltillæg" => Field::Base,
        "samletløn" | "løniall" => Field::Total,
        "topchefstillæg" | "topcheftillæg" => Field::Top,
        "lønramme" | "løngruppe" | "lønrammeløngruppe" => Field::Grade,
        "kontraktstart" | "startdato" | "kontraktperiodestart" | "periodestart" => Field::ContractStart,
        "kontraktslut" | "slutdato" | "kontraktperiodeslut" | "periodeslut" => Field::ContractEnd,
        _ => return None,
    })
}

/// A header as it is compared: lower case, letters and digits only ("Fulde navn" and
/// "fulde_navn" are the same column).
#[must_use]
pub fn header_key(header: &str) -> String {
    header.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The default mapping of a sheet's columns (None = ignored); a field is mapped once.
#[must_use]
pub fn default_mapping(sheet: &Sheet) -> Vec<Option<Field>> {
    mapping_with(sheet, &LearnedMapping::new())
}

/// The user's own choices for headers, by [`header_key`]: a field, or `None` for a column
/// they chose to ignore. Kept between imports so that next year's file from the same
/// payroll system maps itself.
pub type LearnedMapping = std::collections::BTreeMap<String, Option<Field>>;

/// The mapping of a sheet's columns: the user's earlier choice for a header when there is
/// one, else the default Danish names; a field is mapped once (the first column wins).
#[must_use]
pub fn mapping_with(sheet: &Sheet, learned: &LearnedMapping) -> Vec<Option<Field>> {
    let mut used = Vec::new();
    sheet
        .header
        .iter()
        .map(|h| {
            let f = learned.get(&header_key(h)).copied().unwrap_or_else(|| default_field(h));
            let f = f.filter(|f| !used.contains(f));
            used.extend(f);
            f
        })
        .collect()
}

/// Remembers the choices in `mapping` that differ from the default names (and forgets
/// those set back to the default). Returns how many headers were learned or changed.
pub fn learn(sheet: &Sheet, mapping: &[Option<Field>], learned: &mut LearnedMapping) -> usize {
    let mut changed = 0;
    for (header, field) in sheet.header.iter().zip(mapping) {
        let key = header_key(header);
        if key.is_empty() {
            continue;
        }
        let before = learned.get(&key).copied();
        if *field == default_field(header) {
            learned.remove(&key);
        } else {
            learned.insert(key, *field);
        }
        changed += usize::from(before != learned.get(&header_key(header)).copied());
    }
    changed
}

/// Parses a yes/no cell: ja/nej, j/n, x, 1/0, sand/falsk; empty is no.
fn yes_no(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "ja" | "j" | "x" | "1" | "sand" | "true" | "yes" => Some(true),
        "nej" | "n" | "" | "0" | "falsk" | "false" | "no" => Some(false),
        _ => None,
    }
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

/// Why a number or id cell marked as a date or formula is refused.
fn mark_problem(mark: CellMark, shown: &str) -> String {
    match mark {
        CellMark::Date => format!(
            "cellen er formateret som en dato ({shown}), ikke som et tal – formatér kolonnen som tal i Excel, og prøv igen"
        ),
        CellMark::Formula => {
            "cellen indeholder en formel – kopiér kolonnen, og indsæt den som værdier (Indsæt speciel → Værdier)"
                .to_string()
        }
    }
}

/// One row as a manager, or the first problem found in it.
fn row_to_manager<'a>(
    session: &Session,
    cell: impl Fn(Field) -> &'a str,
    mark: impl Fn(Field) -> Option<CellMark>,
    reject: &dyn Fn(Option<Field>, String) -> RowError,
) -> Result<Manager, RowError> {
    if let Some(m) = mark(Field::Id) {
        return Err(reject(Some(Field::Id), mark_problem(m, cell(Field::Id))));
    }
    let id = ids::normalise(cell(Field::Id)).map_err(|why| reject(Some(Field::Id), why))?;
    if id.is_empty() {
        return Err(reject(Some(Field::Id), "tomt medarbejdernummer".into()));
    }
    let name = cell(Field::Name).to_string();
    if name.is_empty() {
        return Err(reject(Some(Field::Name), "tomt navn".into()));
    }
    let lv = cell(Field::Level);
    let level = session
        .levels
        .iter()
        .find(|l| l.id.eq_ignore_ascii_case(lv) || l.name.to_lowercase() == lv.to_lowercase())
        .ok_or_else(|| reject(Some(Field::Level), format!("ukendt niveau «{lv}»")))?;
    let sup = cell(Field::Superior);
    let superior = if sup.is_empty() {
        String::new()
    } else {
        super::super::engine::prep::find_executive(session, sup)
            .map(|e| e.id.clone())
            .ok_or_else(|| reject(Some(Field::Superior), format!("ukendt nærmeste leder «{sup}»")))?
    };
    let money = |c: Field| -> Result<Decimal, RowError> {
        let v = cell(c);
        if let Some(m) = mark(c) {
            return Err(reject(Some(c), mark_problem(m, v)));
        }
        if v.is_empty() {
            return Ok(Decimal::ZERO);
        }
        let amount = parse_kr(v).map_err(|e| reject(Some(c), e.to_string()))?;
        if amount < Decimal::ZERO {
            return Err(reject(Some(c), format!("negativt beløb {v}")));
        }
        if let Some(problem) = bounds::money_problem(&c.label().to_lowercase(), amount, false) {
            return Err(reject(Some(c), problem));
        }
        Ok(amount)
    };
    let base_salary = money(Field::Base)?;
    let total = money(Field::Total)?;
    let (top, top_amount) =
        contract_cells::top_supplement(cell(Field::Top)).map_err(|why| reject(Some(Field::Top), why))?;
    let start =
        contract_cells::date(cell(Field::ContractStart)).map_err(|why| reject(Some(Field::ContractStart), why))?;
    let end = contract_cells::date(cell(Field::ContractEnd)).map_err(|why| reject(Some(Field::ContractEnd), why))?;
    let contract = (!start.is_empty() || !end.is_empty()).then(|| crate::model::ContractPeriod {
        start,
        end,
        ..crate::model::ContractPeriod::default()
    });
    Ok(Manager {
        id,
        name,
        level: level.id.clone(),
        unit: cell(Field::Unit).to_string(),
        superior,
        basis: EmploymentBasis::Rammeaftale,
        pay_grade: cell(Field::Grade).to_string(),
        base_salary,
        total_pay: if total.is_zero() { base_salary } else { total },
        has_top_supplement: top,
        top_supplement: top_amount,
        contract,
        ..Manager::new("", "", "")
    })
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
