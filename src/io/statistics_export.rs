//! Anonymised statistics per level for publication: n, share receiving, mean, median,
//! min, max and change vs last year (with how many managers it is over), and what another
//! organisation needs to use it as a reference (`engine::reference`): the level's role,
//! the sum, the quartiles, the organisation and the year. No names or ids; only what
//! [`engine::disclosure`] lets through is printed, every withheld cell is a marker
//! explained in a note under the table. `io::reference_file` reads it back.

use rust_decimal::Decimal;

use crate::engine::disclosure::{self, Cell, PublishedRow, Suppression};
use crate::engine::{self};
use crate::model::Session;

use super::tables::{Table, Value};

pub use disclosure::MIN_GROUP;

/// The marker of a cell withheld because it is about fewer than 5 managers.
pub const MARK_FEW: &str = "–¹";
/// The marker of a cell withheld because a withheld figure could be derived from it.
pub const MARK_DERIVABLE: &str = "–²";
/// The marker of a figure that does not exist (an empty level, no history).
pub const MARK_NONE: &str = "–";

/// The note under a table with cells withheld for being about fewer than 5 managers.
pub const SUPPRESSION_NOTE: &str = "–¹ undertrykt (færre end 5 ledere; median og kvartiler vises først fra 10 ledere, mindste og største \
     fra 20), så ingen enkeltperson kan genkendes. Antallet vises.";
/// The note under a table with cells withheld because they would reveal another.
pub const DERIVABLE_NOTE: &str =
    "–² undertrykt (kan udledes): tallet ville sammen med de viste tal afsløre et undertrykt tal.";
/// How the change vs last year is computed.
pub const CHANGE_NOTE: &str = "Ændring fra sidste år: summen for de samme ledere begge år. \
     Ledere uden beløb sidste år tæller ikke med (antallet står i kolonnen efter).";

/// The column headers of the statistics table.
pub const HEADER: [&str; 15] = [
    "Niveau",
    "Antal",
    "Andel der modtager",
    "Gennemsnit",
    "Median",
    "Mindste",
    "Største",
    "Ændring fra sidste år",
    "Ændring over antal ledere",
    "Rolle",
    "Sum",
    "Nedre kvartil",
    "Øvre kvartil",
    "Organisation",
    "År",
];

/// The publication of the session: the rows and which cells are withheld.
#[must_use]
pub fn statistics_publication(session: &Session) -> disclosure::Publication {
    disclosure::publication(session, &engine::evaluate(session))
}

/// The anonymised statistics as a table (for CSV and XLSX): the levels, highest first,
/// then *Alle*; withheld cells are markers, explained by the notes.
#[must_use]
pub fn statistics_table(session: &Session) -> Table {
    let publication = statistics_publication(session);
    let mut table = Table::new("Statistik", &HEADER);
    for row in publication.levels.iter().chain(std::iter::once(&publication.total)) {
        table.rows.push(table_row(row, &session.organisation.name, &session.year.to_string()));
    }
    if publication.uses(Suppression::FewerThanMin) {
        table.notes.push(SUPPRESSION_NOTE.to_string());
    }
    if publication.uses(Suppression::Derivable) {
        table.notes.push(DERIVABLE_NOTE.to_string());
    }
    table.notes.push(CHANGE_NOTE.to_string());
    table
}

/// The printed cells of one row, with the organisation and year it is from.
fn table_row(row: &PublishedRow, organisation: &str, year: &str) -> Vec<Value> {
    let kr = |c: &Cell<Decimal>| cell(c, |v| Value::Kr(v.round()));
    let pct = |c: &Cell<Decimal>| cell(c, |v| Value::Percent(v.round_dp(1)));
    vec![
        Value::Text(row.name.clone()),
        Value::Count(row.n),
        pct(&row.receiving_percent),
        kr(&row.mean),
        kr(&row.median),
        kr(&row.min),
        kr(&row.max),
        pct(&row.change_percent),
        cell(&row.change_managers, Value::Count),
        Value::Text(row.role.map_or(String::new(), |r| r.label().to_string())),
        cell(&row.sum, |v| Value::Kr(v.round_dp(2))),
        kr(&row.q1),
        kr(&row.q3),
        Value::Text(organisation.to_string()),
        Value::Text(year.to_string()),
    ]
}

/// A published value, or the marker saying why there is none.
pub(crate) fn cell<T: Copy>(c: &Cell<T>, value: impl Fn(T) -> Value) -> Value {
    match c {
        Cell::Shown(v) => value(*v),
        Cell::Missing => Value::Text(MARK_NONE.into()),
        Cell::Suppressed(Suppression::FewerThanMin) => Value::Text(MARK_FEW.into()),
        Cell::Suppressed(Suppression::Derivable) => Value::Text(MARK_DERIVABLE.into()),
    }
}
