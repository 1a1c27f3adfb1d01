//! The arguments of the commands that write a session or a prep file: `prep`, `merge`,
//! `import`, `fit`, `spread` and `generate`.

use clap::{ValueEnum, ValueHint};

use crate::engine::merge::Prefer;

/// `prep FILE --for WHO --out PREP`.
#[derive(Debug, clap::Args)]
pub struct Prep {
    /// The session file.
    #[arg(value_name = "FIL", value_hint = ValueHint::FilePath, help = "sessionsfilen (.ron)")]
    pub file: String,
    /// The executive whose direct reports are prepared.
    #[arg(long = "for", value_name = "DIREKTØR", help = "direktørens id (fx DIR-A)")]
    pub who: String,
    /// The prep file written.
    #[arg(long, value_name = "FORB.ron", value_hint = ValueHint::FilePath,
          help = "forberedelsesfilen, der skrives (aldrig sessionsfilen)")]
    pub out: String,
    /// Also the other directors' managers, read-only, for the director's views.
    #[arg(long, help = "tag de andre direktørers ledere med (skrivebeskyttet, til holdninger)")]
    pub others: bool,
}

/// `merge FILE PREP… --out OUT [--prefer prep|session]`.
#[derive(Debug, clap::Args)]
pub struct Merge {
    /// The meeting's session file.
    #[arg(value_name = "FIL", value_hint = ValueHint::FilePath, help = "mødets sessionsfil")]
    pub file: String,
    /// The prep files, the first named winning between two.
    #[arg(value_name = "FORB.ron", required = true, value_hint = ValueHint::FilePath,
          help = "forberedelserne (mellem to forberedelser vinder den først nævnte)")]
    pub preps: Vec<String>,
    /// The merged session written.
    #[arg(long, value_name = "NY.ron", value_hint = ValueHint::FilePath,
          help = "den nye sessionsfil (må være sessionsfilen, aldrig en forberedelse)")]
    pub out: String,
    /// Which side wins conflicts.
    #[arg(
        long,
        value_name = "prep|session",
        hide_possible_values = true,
        help = "løser konflikter: prep tager forberedelsens værdi, session beholder sessionens"
    )]
    pub prefer: Option<PreferArg>,
}

/// `--prefer`'s values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PreferArg {
    /// `prep`.
    Prep,
    /// `session`.
    Session,
}

impl From<PreferArg> for Prefer {
    fn from(p: PreferArg) -> Self {
        match p {
            PreferArg::Prep => Self::Prep,
            PreferArg::Session => Self::Session,
        }
    }
}

/// `import HR --into SESSION --out NEW [--history] [--accept-rejections]`.
#[derive(Debug, clap::Args)]
pub struct Import {
    /// The HR file.
    #[arg(value_name = "HR.csv|HR.xlsx", value_hint = ValueHint::FilePath, help = "HR-filen (.csv eller .xlsx)")]
    pub file: String,
    /// The session imported into.
    #[arg(long, value_name = "FIL", value_hint = ValueHint::FilePath, help = "sessionen, der indlæses i")]
    pub into: String,
    /// The session written.
    #[arg(long, value_name = "NY.ron", value_hint = ValueHint::FilePath, help = "den nye sessionsfil")]
    pub out: String,
    /// Earlier years' amounts instead of managers.
    #[arg(long, help = "indlæser tidligere års beløb (Medarbejdernr;2023;2024;…) i stedet for ledere")]
    pub history: bool,
    /// Write despite rejected rows.
    #[arg(long, help = "skriver filen trods afviste rækker (de afviste springes over)")]
    pub accept_rejections: bool,
}

/// `fit FILE --out NEW [--proportional] [--include-hand-set] [--who ID]`.
#[derive(Debug, clap::Args)]
pub struct Fit {
    /// File, output, who and what may move, as for `spread`.
    #[command(flatten)]
    pub common: Allocate,
    /// The proportional fit instead of the one that changes the fewest managers.
    #[arg(long, help = "tilpas alle forholdsmæssigt i stedet for at ændre så få ledere som muligt")]
    pub proportional: bool,
}

/// What `fit` and `spread` share.
#[derive(Debug, clap::Args)]
pub struct Allocate {
    /// The session file.
    #[arg(value_name = "FIL", value_hint = ValueHint::FilePath, help = "sessionsfilen (.ron)")]
    pub file: String,
    /// The session written.
    #[arg(long, value_name = "NY.ron", value_hint = ValueHint::FilePath, help = "den nye sessionsfil")]
    pub out: String,
    /// Who the change log names.
    #[arg(long, value_name = "ID", help = "hvem ændringsloggen nævner (standard: kommandolinjen)")]
    pub who: Option<String>,
    /// Move amounts the meeting set by hand too.
    #[arg(long, help = "flyt også beløb sat i mødet (skrevet, trukket, skøn med begrundelse, accepteret fund)")]
    pub include_hand_set: bool,
}

/// `spread FILE --by K --out NEW [--who ID]`.
#[derive(Debug, clap::Args)]
pub struct Spread {
    /// The factor, Danish decimal comma allowed.
    #[arg(long, value_name = "K", help = "faktoren mellem 0 og 10, fx 1,2 (spreder) eller 0,8 (samler)")]
    pub by: String,
    /// File, output, who and what may move, as for `fit`.
    #[command(flatten)]
    pub common: Allocate,
}

/// `generate --managers N [--seed S] --out FILE`.
#[derive(Debug, clap::Args)]
pub struct Generate {
    /// How many managers.
    #[arg(long, value_name = "N", value_parser = positive, help = "antal ledere (et positivt helt tal)")]
    pub managers: usize,
    /// The random seed.
    #[arg(long, value_name = "S", default_value_t = 1, hide_default_value = true,
          value_parser = whole, help = "frø (standard 1); samme frø giver samme session")]
    pub seed: u64,
    /// The session written.
    #[arg(long, value_name = "FIL", value_hint = ValueHint::FilePath, help = "sessionsfilen, der skrives")]
    pub out: String,
}

fn positive(v: &str) -> Result<usize, String> {
    v.parse::<usize>().ok().filter(|n| *n > 0).ok_or_else(|| "skal være et positivt helt tal".to_string())
}

fn whole(v: &str) -> Result<u64, String> {
    v.parse::<u64>().map_err(|_| "skal være et helt tal".to_string())
}
