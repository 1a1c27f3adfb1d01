//! The six outputs of a meeting and the formats each can be written in; the CLI and the
//! GUI both render through [`render`], so they produce the same bytes.

use std::path::Path;

use crate::model::Session;

use super::finality::{DRAFT_MARK, Finality};
use super::letters::LetterTemplate;
use super::tables::{Table, Value};

/// What to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputKind {
    /// The allocation for payroll.
    Allocation,
    /// Anonymised statistics per level.
    Statistics,
    /// The fold-into-fixed-salary simulation.
    FixedSalary,
    /// The audit documentation.
    Documentation,
    /// One letter per manager.
    Letters,
    /// The public extract of the top manager's contract.
    Public,
}

/// A file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CSV in the Danish Excel dialect.
    Csv,
    /// An Excel workbook.
    Xlsx,
    /// A self-contained HTML document.
    Html,
}

impl Format {
    /// The format named by a file's extension.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_lowercase().as_str() {
            "csv" => Some(Self::Csv),
            "xlsx" => Some(Self::Xlsx),
            "html" | "htm" => Some(Self::Html),
            _ => None,
        }
    }

    /// The usual extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
            Self::Html => "html",
        }
    }
}

impl OutputKind {
    /// Every kind, in menu order.
    pub const ALL: [Self; 6] =
        [Self::Allocation, Self::Documentation, Self::Letters, Self::Public, Self::Statistics, Self::FixedSalary];

    /// The kind named on the command line (`--kind`).
    #[must_use]
    pub fn from_cli(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.cli_name() == name)
    }

    /// The name on the command line.
    #[must_use]
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::Allocation => "allocation",
            Self::Statistics => "statistics",
            Self::FixedSalary => "fixed-salary",
            Self::Documentation => "documentation",
            Self::Letters => "letters",
            Self::Public => "public",
        }
    }

    /// The formats this kind can be written in, the preferred first.
    #[must_use]
    pub fn formats(self) -> &'static [Format] {
        match self {
            Self::Allocation | Self::Statistics | Self::FixedSalary => &[Format::Xlsx, Format::Csv],
            Self::Documentation | Self::Letters | Self::Public => &[Format::Html],
        }
    }

    /// The suggested file name without extension.
    #[must_use]
    pub fn file_stem(self) -> &'static str {
        match self {
            Self::Allocation => "fordeling",
            Self::Statistics => "statistik",
            Self::FixedSalary => "fast-loen",
            Self::Documentation => "dokumentation",
            Self::Letters => "breve",
            Self::Public => "offentlig-del",
        }
    }

    /// Whether this output may only be written as final when the meeting is final (no
    /// open *fejl*, every manager decided); otherwise only as a draft marked UDKAST.
    #[must_use]
    pub fn needs_finality(self) -> bool {
        matches!(self, Self::Allocation | Self::Letters)
    }

    /// The tables of a tabular kind, marked as a draft when `draft`.
    fn tables_marked(self, session: &Session, format: Format, draft: bool, finality: Option<Finality>) -> Vec<Table> {
        let mut tables = self.tables(session, format);
        if draft {
            mark_draft(&mut tables, finality);
        }
        tables
    }

    /// The tables of a tabular kind (the allocation gets a sheet per level in XLSX).
    fn tables(self, session: &Session, format: Format) -> Vec<Table> {
        match (self, format) {
            (Self::Allocation, Format::Xlsx) => super::allocation::allocation_sheets(session),
            (Self::Allocation, _) => vec![super::allocation::allocation_table(session)],
            (Self::Statistics, _) => vec![super::statistics_export::statistics_table(session)],
            (Self::FixedSalary, _) => vec![super::allocation::fixed_salary_table(session)],
            _ => Vec::new(),
        }
    }
}

/// How to render: where the session file lies (the letter template it names is relative
/// to it) and whether the user chose a draft.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions<'a> {
    /// The session file, if the session has one.
    pub session_path: Option<&'a Path>,
    /// The user explicitly chose a draft (`--udkast`, or "Eksportér som UDKAST").
    pub draft: bool,
}

/// The output's bytes, for a session without a file and without an explicit draft
/// choice (see [`render_with`]).
///
/// # Errors
/// As [`render_with`].
pub fn render(session: &Session, kind: OutputKind, format: Format) -> Result<Vec<u8>, String> {
    render_with(session, kind, format, &RenderOptions::default())
}

/// The output's bytes. The allocation and the letters are written as a draft, marked
/// UDKAST, when the user chose one or the meeting is not final ([`Finality`]): callers
/// refuse or ask first (the CLI without `--udkast` exits 1, the GUI asks), so a draft is
/// never written silently – and never written looking final.
///
/// # Errors
/// A Danish message when the kind cannot be written in the format, the workbook cannot be
/// built, or the letter template cannot be read or rendered (naming its file and line).
pub fn render_with(
    session: &Session,
    kind: OutputKind,
    format: Format,
    options: &RenderOptions<'_>,
) -> Result<Vec<u8>, String> {
    if !kind.formats().contains(&format) {
        let allowed: Vec<String> = kind.formats().iter().map(|f| format!(".{}", f.extension())).collect();
        return Err(format!(
            "{} kan ikke skrives som .{}; brug {}",
            kind.cli_name(),
            format.extension(),
            allowed.join(" eller ")
        ));
    }
    let finality = kind.needs_finality().then(|| Finality::of_session(session));
    let draft = finality.is_some_and(|f| options.draft || !f.is_final());
    Ok(match (kind, format) {
        (OutputKind::Documentation, _) => super::documentation::documentation_html(session).into_bytes(),
        (OutputKind::Letters, _) => {
            let template = LetterTemplate::for_session(session, options.session_path)?;
            super::letters::letters_html(session, &template, draft)?.into_bytes()
        }
        (OutputKind::Public, _) => super::public::public_html(session).into_bytes(),
        (_, Format::Xlsx) => {
            let mark = if draft { " · UDKAST" } else { "" };
            let heading = format!("{} · {}{mark}", session.organisation.name, session.year);
            super::xlsx::workbook(&kind.tables_marked(session, format, draft, finality), &heading)?
        }
        _ => kind
            .tables_marked(session, format, draft, finality)
            .first()
            .map(Table::to_csv)
            .transpose()?
            .unwrap_or_default()
            .into_bytes(),
    })
}

/// The name of the column that marks every row of a draft allocation.
pub const STATUS_COLUMN: &str = "Status";

/// Marks a draft allocation: every table gets a last column `Status` holding `UDKAST` in
/// every row (so a payroll system reading the CSV or a sheet cannot take a row for
/// final), and the workbook's *Oversigt* says UDKAST and why in its first note.
fn mark_draft(tables: &mut [Table], finality: Option<Finality>) {
    for table in tables.iter_mut() {
        let width = table.header.len();
        table.header.push(STATUS_COLUMN.to_string());
        for row in &mut table.rows {
            row.resize(width, Value::Empty);
            row.push(DRAFT_MARK.into());
        }
        for row in &mut table.footer {
            row.resize(width, Value::Empty);
            row.push(DRAFT_MARK.into());
        }
    }
    if let Some(summary) = tables.first_mut().filter(|t| t.sheet == "Oversigt") {
        let why =
            finality.map(|f| f.reason()).filter(|r| !r.is_empty()).unwrap_or_else(|| "valgt som udkast".to_string());
        summary.notes.insert(0, format!("{DRAFT_MARK} – beløbene er ikke endelige: {why}."));
    }
}
