//! Reference files: an organisation's statistics export (XLSX or CSV, as
//! `io::statistics_export` writes it) read back into an `engine::reference::Reference`,
//! and a combined reference (`kalibrer combine-stats`) written in the same layout, so it
//! can be read back, combined again and read by people.
//!
//! Columns are found by their headers, so a file with the columns in another order (or an
//! older export without *Rolle*, *Sum* or the quartiles) reads too: the role then comes
//! from the level's name, the sum from mean × n, quartiles are missing. Withheld cells
//! (`–¹`, `–²`) are read as withheld, never as numbers. Every problem is a Danish message
//! naming the file, the row and the column.

use std::path::Path;

use rust_decimal::Decimal;

use crate::engine::disclosure::{Cell, Suppression};
use crate::engine::reference::{Reference, ReferenceLevel, Source, level_key};
use crate::model::LevelRole;
use crate::model::money::parse_kr;

use super::import::{Sheet, read_sheet};
use super::statistics_export::{HEADER, MARK_DERIVABLE, MARK_FEW, MARK_NONE, cell};
use super::tables::{Table, Value};

/// In a combined CSV, the mark before an approximate median or quartile.
pub const APPROXIMATE_MARK: char = '≈';
/// The note in a combined file saying how its medians and quartiles were found.
pub const APPROXIMATE_NOTE: &str = "Median og kvartiler er tilnærmede: hver kildes beløb er antaget jævnt fordelt \
     mellem dens offentliggjorte mindste, nedre kvartil, median, øvre kvartil og største beløb; kilderne er vægtet \
     med deres antal, og den samlede fordelings 25-, 50- og 75 %-punkter er aflæst. Antal og sum er lagt sammen \
     præcist; gennemsnittet er summen delt med antallet.";
/// The note in a combined file about levels suppressed in a source.
pub const COMBINED_SUPPRESSION_NOTE: &str =
    "–¹ undertrykt: niveauet er undertrykt i mindst én kilde (færre end 5 ledere), så kun antallet kan lægges sammen.";
/// The note in a combined file about the change vs last year.
pub const COMBINED_CHANGE_NOTE: &str =
    "Ændring fra sidste år kan ikke lægges sammen ud fra de offentliggjorte tal og er udeladt (–).";

/// The largest reference file read: 16 MB (a statistics export is a few KB: one row per
/// level).
pub const REFERENCE_MAX_BYTES: u64 = 16 * 1024 * 1024;
/// The largest count of a reference level: 1.000.000 managers (the whole state had 2.206
/// with performance pay in 2017), so every sum stays far inside exact arithmetic.
pub const MAX_REFERENCE_COUNT: usize = 1_000_000;

/// Reads a reference file (XLSX or CSV): only a regular file of at most
/// [`REFERENCE_MAX_BYTES`], opened without blocking (a FIFO is refused, never waited on).
///
/// # Errors
/// A Danish message naming the file (and row and column where the content is wrong).
pub fn read_reference(path: &Path) -> Result<Reference, String> {
    let bytes =
        super::regular_file::read_regular(path, REFERENCE_MAX_BYTES).map_err(|e| format!("{}: {e}", path.display()))?;
    parse_reference(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// The columns of a statistics export, by position.
struct Columns {
    name: usize,
    n: usize,
    mean: usize,
    receiving: Option<usize>,
    median: Option<usize>,
    min: Option<usize>,
    max: Option<usize>,
    role: Option<usize>,
    sum: Option<usize>,
    q1: Option<usize>,
    q3: Option<usize>,
    organisation: Option<usize>,
    year: Option<usize>,
}

impl Columns {
    /// Finds the columns by header; Niveau, Antal and Gennemsnit are required.
    fn find(sheet: &Sheet) -> Result<Self, String> {
        let at = |name: &str| sheet.header.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
        let need = |name: &str| {
            at(name).ok_or_else(|| {
                sheet
                    .error(
                        sheet.header_line,
                        "",
                        format!("kolonnen «{name}» mangler – er det en statistikeksport fra Kalibrer?"),
                    )
                    .to_string()
            })
        };
        Ok(Self {
            name: need(HEADER[0])?,
            n: need(HEADER[1])?,
            mean: need(HEADER[3])?,
            receiving: at(HEADER[2]),
            median: at(HEADER[4]),
            min: at(HEADER[5]),
            max: at(HEADER[6]),
            role: at(HEADER[9]),
            sum: at(HEADER[10]),
            q1: at(HEADER[11]),
            q3: at(HEADER[12]),
            organisation: at(HEADER[13]),
            year: at(HEADER[14]),
        })
    }
}

/// Reads the bytes of a statistics export.
///
/// # Errors
/// A Danish message with the row and column.
pub fn parse_reference(bytes: &[u8]) -> Result<Reference, String> {
    let sheet = read_sheet(bytes).map_err(|e| e.to_string())?;
    let cols = Columns::find(&sheet)?;
    let mut reference = Reference::default();
    let mut sources: Option<Vec<Source>> = None;
    for (line, cells) in &sheet.rows {
        let text = |c: Option<usize>| c.and_then(|c| cells.get(c)).map_or("", |t| t.trim());
        // Notes under the table have no count.
        if text(Some(cols.n)).is_empty() {
            continue;
        }
        let err = |column: &str, why: String| sheet.error(*line, column, why).to_string();
        let name = text(Some(cols.name)).to_string();
        let n: usize = text(Some(cols.n))
            .parse()
            .map_err(|_| err(HEADER[1], format!("«{}» er ikke et antal", text(Some(cols.n)))))?;
        if n > MAX_REFERENCE_COUNT {
            return Err(err(HEADER[1], format!("antallet {n} er over grænsen på 1.000.000 ledere")));
        }
        let amount = |c: Option<usize>, header: &str| figure(text(c), c.is_some()).map_err(|why| err(header, why));
        let marked = [cols.median, cols.q1, cols.q3].iter().any(|c| text(*c).starts_with(APPROXIMATE_MARK));
        let is_total = name.eq_ignore_ascii_case("Alle");
        let role = if is_total {
            LevelRole::Andet
        } else {
            match text(cols.role) {
                "" => LevelRole::from_v1_name(&name),
                r => role_of(r).ok_or_else(|| err(HEADER[9], format!("ukendt rolle «{r}»")))?,
            }
        };
        let mean = amount(Some(cols.mean), HEADER[3])?;
        // n ≤ 10^6 and |mean| ≤ 10^10 (checked below): the product is exact; checked anyway.
        let sum = match (amount(cols.sum, HEADER[10])?, mean) {
            (Cell::Missing, Cell::Shown(m)) if cols.sum.is_none() => {
                m.checked_mul(Decimal::from(n)).map_or(Cell::Missing, Cell::Shown)
            }
            (s, _) => s,
        };
        let level = ReferenceLevel {
            key: level_key(role, &name),
            name: name.clone(),
            role,
            n,
            receiving_percent: amount(cols.receiving, HEADER[2])?,
            // The mean from the exact sum where there is one (the printed mean is rounded).
            mean: match sum {
                Cell::Shown(s) if n > 0 && mean.shown().is_some() => Cell::Shown(s / Decimal::from(n)),
                _ => mean,
            },
            sum,
            median: amount(cols.median, HEADER[4])?,
            q1: amount(cols.q1, HEADER[11])?,
            q3: amount(cols.q3, HEADER[12])?,
            min: amount(cols.min, HEADER[5])?,
            max: amount(cols.max, HEADER[6])?,
            approximate: marked,
        };
        check_figures(&level, cols.sum.is_some()).map_err(|(column, why)| err(column, why))?;
        if is_total && reference.total.is_some() {
            return Err(err(HEADER[0], "en anden «Alle»-række – en statistikeksport har kun én".to_string()));
        }
        if sources.is_none() {
            sources = Some(sources_of(text(cols.organisation), text(cols.year)).map_err(|why| err(HEADER[14], why))?);
        }
        if is_total {
            reference.total = Some(level);
        } else if let Some(existing) = reference.levels.iter_mut().find(|l| l.key == level.key) {
            // Two levels of one role in one file: one reference level.
            *existing = crate::engine::reference_combine::combine_levels(&[existing, &level]);
        } else {
            reference.levels.push(level);
        }
    }
    if reference.levels.is_empty() && reference.total.is_none() {
        return Err(sheet.error(sheet.header_line, "", "filen har ingen niveauer".into()).to_string());
    }
    let approximate =
        sheet.rows.iter().any(|(_, cells)| cells.iter().any(|c| c.starts_with("Median og kvartiler er tilnærmede")));
    if approximate {
        for l in reference.levels.iter_mut().chain(reference.total.as_mut()) {
            l.approximate = true;
        }
    }
    reference.sources = sources.unwrap_or_default();
    Ok(reference)
}

/// Checks one row's figures against the session's bounds: every amount within ±10
/// billion kr. (the bound of any amount in a session), the mean, sum, median and
/// quartiles not negative, the sum at most n × 10 billion, the share receiving 0–100 %,
/// and the figures in order (min ≤ q1 ≤ median ≤ q3 ≤ max, the mean between min and max
/// within 1 kr. of rounding). `sum_printed`: the sum is the file's, not mean × n.
///
/// # Errors
/// The column and a Danish reason.
fn check_figures(l: &ReferenceLevel, sum_printed: bool) -> Result<(), (&'static str, String)> {
    let max = crate::model::bounds::max_money();
    let kr = |v: Decimal| format!("{} kr.", crate::model::money::format_number(v));
    let amounts = [
        (HEADER[3], l.mean, false),
        (HEADER[4], l.median, false),
        (HEADER[11], l.q1, false),
        (HEADER[12], l.q3, false),
        (HEADER[5], l.min, true),
        (HEADER[6], l.max, true),
    ];
    for (column, cell, signed) in amounts {
        let Some(v) = cell.shown() else { continue };
        if v.abs() > max {
            return Err((column, format!("{} er over grænsen på 10.000.000.000 kr.", kr(v))));
        }
        if !signed && v < Decimal::ZERO {
            return Err((column, format!("et negativt tal ({}) – beløbene kan ikke være under 0 kr.", kr(v))));
        }
    }
    if let Some(sum) = l.sum.shown().filter(|_| sum_printed) {
        let limit = max.checked_mul(Decimal::from(l.n.max(1))).unwrap_or(Decimal::MAX);
        if sum < Decimal::ZERO {
            return Err((HEADER[10], format!("et negativt tal ({}) – summen kan ikke være under 0 kr.", kr(sum))));
        }
        if sum > limit {
            return Err((HEADER[10], format!("{} er over antallet gange 10.000.000.000 kr.", kr(sum))));
        }
    }
    if let Some(p) = l.receiving_percent.shown()
        && (p < Decimal::ZERO || p > Decimal::ONE_HUNDRED)
    {
        return Err((HEADER[2], format!("andelen {} % ligger uden for 0–100 %", p.normalize())));
    }
    let order = [(HEADER[5], l.min), (HEADER[11], l.q1), (HEADER[4], l.median), (HEADER[12], l.q3), (HEADER[6], l.max)];
    let shown: Vec<(&str, Decimal)> = order.iter().filter_map(|(c, v)| v.shown().map(|v| (*c, v))).collect();
    for (i, (lower, a)) in shown.iter().enumerate() {
        if let Some((upper, b)) = shown[i + 1..].iter().find(|(_, b)| b < a) {
            return Err((upper, format!("«{upper}» ({}) er mindre end «{lower}» ({})", kr(*b), kr(*a))));
        }
    }
    if let (Some(mean), Some(lo), Some(hi)) = (l.mean.shown(), l.min.shown(), l.max.shown())
        && (mean < lo - Decimal::ONE || mean > hi + Decimal::ONE)
    {
        return Err((
            HEADER[3],
            format!("gennemsnittet ({}) ligger uden for mindste–største ({}–{})", kr(mean), kr(lo), kr(hi)),
        ));
    }
    Ok(())
}

/// A level role by its Danish label.
fn role_of(text: &str) -> Option<LevelRole> {
    [
        LevelRole::Kontorchef,
        LevelRole::Afdelingschef,
        LevelRole::Direktoer,
        LevelRole::Departementschef,
        LevelRole::Kommunaldirektoer,
        LevelRole::Regionsdirektoer,
        LevelRole::Andet,
    ]
    .into_iter()
    .find(|r| {
        r.label().eq_ignore_ascii_case(text) || (text.eq_ignore_ascii_case("Direktoer") && *r == LevelRole::Direktoer)
    })
}

/// One published figure: a number, a withheld marker, or nothing.
fn figure(text: &str, column_exists: bool) -> Result<Cell<Decimal>, String> {
    let t = text.trim().trim_start_matches(APPROXIMATE_MARK).trim_end_matches('%').trim();
    Ok(match t {
        _ if !column_exists => Cell::Missing,
        MARK_FEW => Cell::Suppressed(Suppression::FewerThanMin),
        MARK_DERIVABLE => Cell::Suppressed(Suppression::Derivable),
        "" | MARK_NONE | "-" => Cell::Missing,
        _ => Cell::Shown(
            parse_kr(t).map_err(|_| format!("«{text}» er hverken et tal eller et undertrykt felt (–¹, –²)"))?,
        ),
    })
}

/// The sources named by the *Organisation* and *År* cells: one source, or (a combined
/// file) as many as `;`-separated years, paired with the `;`-separated names.
fn sources_of(organisation: &str, year: &str) -> Result<Vec<Source>, String> {
    let organisation = organisation.trim_start_matches('\'');
    let years: Vec<&str> = year.split(';').map(str::trim).filter(|y| !y.is_empty()).collect();
    let parse = |y: &str| y.parse::<i32>().map_err(|_| format!("«{y}» er ikke et årstal"));
    match years.as_slice() {
        [] => Ok(vec![Source { organisation: organisation.to_string(), year: 0 }]),
        [one] => Ok(vec![Source { organisation: organisation.to_string(), year: parse(one)? }]),
        many => {
            let names: Vec<&str> = organisation.split(';').map(str::trim).collect();
            if names.len() != many.len() {
                return Err(format!("{} organisationer, men {} årstal", names.len(), many.len()));
            }
            names
                .iter()
                .zip(many)
                .map(|(o, y)| Ok(Source { organisation: (*o).to_string(), year: parse(y)? }))
                .collect()
        }
    }
}

/// A combined reference as a table in the statistics export's layout (the change vs last
/// year is empty), with its sources in *Organisation* and *År* and notes saying what is
/// approximate and what is withheld.
#[must_use]
pub fn reference_table(reference: &Reference, csv: bool) -> Table {
    let mut table = Table::new("Statistik", &HEADER);
    let names: Vec<String> = reference.sources.iter().map(|s| s.organisation.replace(';', ",")).collect();
    let years: Vec<String> = reference.sources.iter().map(|s| s.year.to_string()).collect();
    let (organisation, year) = (names.join("; "), years.join("; "));
    let kr = |c: &Cell<Decimal>| cell(c, |v| Value::Kr(v.round()));
    // The CSV has no notes: approximate figures say so themselves ("≈45000").
    let approx = |c: &Cell<Decimal>, a: bool| match c {
        Cell::Shown(v) if a && csv => Value::Text(format!("{APPROXIMATE_MARK}{}", Value::Kr(v.round()).csv_text())),
        _ => kr(c),
    };
    for l in reference.levels.iter().chain(&reference.total) {
        let is_total = reference.total.as_ref().is_some_and(|t| std::ptr::eq(t, l));
        table.rows.push(vec![
            Value::Text(if is_total { "Alle".into() } else { l.name.clone() }),
            Value::Count(l.n),
            cell(&l.receiving_percent, |v| Value::Percent(v.round_dp(1))),
            kr(&l.mean),
            approx(&l.median, l.approximate),
            kr(&l.min),
            kr(&l.max),
            Value::Text(MARK_NONE.into()),
            Value::Text(MARK_NONE.into()),
            Value::Text(if is_total { String::new() } else { l.role.label().to_string() }),
            cell(&l.sum, |v| Value::Kr(v.round_dp(2))),
            approx(&l.q1, l.approximate),
            approx(&l.q3, l.approximate),
            Value::Text(organisation.clone()),
            Value::Text(year.clone()),
        ]);
    }
    table.notes.push(format!("Samlet reference fra {} kilder: {}.", reference.sources.len(), reference.sources_text()));
    if reference.approximate() {
        table.notes.push(APPROXIMATE_NOTE.to_string());
    }
    let uses = |s: Suppression| reference.levels.iter().chain(&reference.total).any(|l| l.suppression() == Some(s));
    if uses(Suppression::FewerThanMin) {
        table.notes.push(COMBINED_SUPPRESSION_NOTE.to_string());
    }
    if uses(Suppression::Derivable) || reference.total.as_ref().is_some_and(|t| t.min.suppression().is_some()) {
        table.notes.push(super::statistics_export::DERIVABLE_NOTE.to_string());
    }
    table.notes.push(COMBINED_CHANGE_NOTE.to_string());
    table
}

/// The combined reference's bytes: XLSX (with the notes) for `.xlsx`, else CSV.
///
/// # Errors
/// A Danish message when the workbook cannot be built.
pub fn render_reference(reference: &Reference, xlsx: bool) -> Result<Vec<u8>, String> {
    let table = reference_table(reference, !xlsx);
    if xlsx {
        let heading = format!("Samlet reference · {}", reference.sources_text());
        super::xlsx::workbook(&[table], &heading)
    } else {
        table.to_csv().map(String::into_bytes)
    }
}

/// Reads every file a session's reference list names, each resolved against the session
/// file's folder; one result per link, in order.
#[must_use]
pub fn load_links(
    links: &[crate::model::ReferenceLink],
    session_file: Option<&Path>,
) -> Vec<Result<Reference, String>> {
    links.iter().map(|l| read_reference(&l.resolve(session_file))).collect()
}
