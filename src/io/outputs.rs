//! The six outputs of a meeting and the formats each can be written in; the CLI and the
//! GUI both render through [`render`], so they produce the same bytes.

use std::path::Path;

use crate::model::Session;

use super::tables::Table;

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

/// The output's bytes.
///
/// # Errors
/// A Danish message when the kind cannot be written in the format, or the workbook
/// cannot be built.
pub fn render(session: &Session, kind: OutputKind, format: Format) -> Result<Vec<u8>, String> {
    if !kind.formats().contains(&format) {
        let allowed: Vec<String> = kind.formats().iter().map(|f| format!(".{}", f.extension())).collect();
        return Err(format!(
            "{} kan ikke skrives som .{}; brug {}",
            kind.cli_name(),
            format.extension(),
            allowed.join(" eller ")
        ));
    }
    Ok(match (kind, format) {
        (OutputKind::Documentation, _) => super::documentation::documentation_html(session).into_bytes(),
        (OutputKind::Letters, _) => super::letters::letters_html(session, super::letters::LETTER_TEMPLATE).into_bytes(),
        (OutputKind::Public, _) => super::public::public_html(session).into_bytes(),
        (_, Format::Xlsx) => {
            let heading = format!("{} · {}", session.organisation.name, session.year);
            super::xlsx::workbook(&kind.tables(session, format), &heading)?
        }
        _ => kind.tables(session, format).first().map(Table::to_csv).transpose()?.unwrap_or_default().into_bytes(),
    })
}
