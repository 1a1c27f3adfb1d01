//! The arguments of the commands that read a session and report: `check`, `stats`,
//! `combine-stats`, `export` and `agenda`.

use clap::ValueEnum;
use clap::ValueHint;
use clap::builder::{PossibleValuesParser, TypedValueParser};

use crate::io::outputs::OutputKind;

/// `check FILE [--json]` and `stats FILE [--json]`.
#[derive(Debug, clap::Args)]
pub struct Check {
    /// The session file.
    #[arg(value_name = "FIL", value_hint = ValueHint::FilePath, help = "sessionsfilen (.ron)")]
    pub file: String,
    /// JSON instead of lines.
    #[arg(long, help = "skriver resultatet som JSON (beløb som tekst med fuld præcision)")]
    pub json: bool,
}

/// `stats FILE [--json] [--reference REF…]`.
#[derive(Debug, clap::Args)]
pub struct Stats {
    /// The session file.
    #[arg(value_name = "FIL", value_hint = ValueHint::FilePath, help = "sessionsfilen (.ron)")]
    pub file: String,
    /// JSON instead of lines.
    #[arg(long, help = "skriver resultatet som JSON (beløb som tekst med fuld præcision)")]
    pub json: bool,
    /// Reference files to compare with (instead of the session's own list).
    #[arg(long, value_name = "REF", num_args = 1.., value_hint = ValueHint::FilePath,
          help = "andre organisationers statistikeksporter (.xlsx eller .csv) at sammenligne med")]
    pub reference: Vec<String>,
    /// Figures per director instead of per level.
    #[arg(
        long = "by-director",
        conflicts_with = "reference",
        help = "tal pr. direktør: forslag mod beløb, placering i spændet, indeks og mildhedsflag"
    )]
    pub by_director: bool,
    /// What the positions, indeks and test are computed from.
    #[arg(
        long,
        value_name = "amount|proposal",
        hide_possible_values = true,
        requires = "by_director",
        help = "med --by-director: amount (beløbet nu, standard) eller proposal (direktørens forslag)"
    )]
    pub basis: Option<BasisArg>,
}

/// `--basis`'s values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BasisArg {
    /// `amount`.
    Amount,
    /// `proposal`.
    Proposal,
}

impl From<BasisArg> for crate::engine::directors::Basis {
    fn from(b: BasisArg) -> Self {
        match b {
            BasisArg::Amount => Self::Amount,
            BasisArg::Proposal => Self::Proposal,
        }
    }
}

/// `combine-stats A B … --out OUT`.
#[derive(Debug, clap::Args)]
pub struct CombineStats {
    /// The statistics exports combined.
    #[arg(value_name = "STATISTIK", required = true, value_hint = ValueHint::FilePath,
          help = "statistikeksporterne (.xlsx eller .csv), der lægges sammen")]
    pub files: Vec<String>,
    /// The combined reference written.
    #[arg(long, value_name = "SAMLET", value_hint = ValueHint::FilePath,
          help = "den samlede reference, der skrives (.xlsx eller .csv)")]
    pub out: String,
}

/// `export FILE --out OUT [--kind KIND] [--udkast]`.
#[derive(Debug, clap::Args)]
pub struct Export {
    /// The session file.
    #[arg(value_name = "FIL", value_hint = ValueHint::FilePath, help = "sessionsfilen (.ron)")]
    pub file: String,
    /// The file written; its extension gives the format.
    #[arg(long, value_name = "UD", value_hint = ValueHint::FilePath,
          help = "filen, der skrives (.xlsx, .csv eller .html)")]
    pub out: String,
    /// Which output.
    #[arg(long, value_name = "ART", default_value = "allocation", hide_default_value = true,
          hide_possible_values = true, value_parser = kind_parser(),
          help = "allocation (standard), statistics, fixed-salary, documentation, letters eller public")]
    pub kind: OutputKind,
    /// A draft marked UDKAST when the amounts are not final.
    #[arg(long, help = "skriver fordeling eller breve som udkast mærket UDKAST, selv om beløbene ikke er endelige")]
    pub udkast: bool,
}

/// `--kind`'s names (also offered by the completions), read into an [`OutputKind`].
fn kind_parser() -> impl TypedValueParser<Value = OutputKind> {
    PossibleValuesParser::new(OutputKind::ALL.map(OutputKind::cli_name))
        .try_map(|name| OutputKind::from_cli(&name).ok_or("ukendt art"))
}

/// `agenda FILE [--order level|questions] [--json]`.
#[derive(Debug, clap::Args)]
pub struct Agenda {
    /// The session file.
    #[arg(value_name = "FIL", value_hint = ValueHint::FilePath, help = "sessionsfilen (.ron)")]
    pub file: String,
    /// The order.
    #[arg(
        long,
        value_enum,
        value_name = "ORDEN",
        hide_possible_values = true,
        help = "level (standard): niveau, enhed, navn; questions: spørgsmål først"
    )]
    pub order: Option<OrderArg>,
    /// JSON instead of lines.
    #[arg(long, help = "skriver dagsordenen som JSON (beløb som tekst med fuld præcision)")]
    pub json: bool,
}

/// `--order level|questions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OrderArg {
    /// `level`.
    Level,
    /// `questions`.
    Questions,
}

impl From<OrderArg> for crate::engine::agenda::AgendaOrder {
    fn from(o: OrderArg) -> Self {
        match o {
            OrderArg::Level => Self::Level,
            OrderArg::Questions => Self::Questions,
        }
    }
}
