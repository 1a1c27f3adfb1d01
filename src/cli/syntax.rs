//! The command line's grammar: clap derive structs with the Danish help texts, and
//! `command()`, which also makes clap's own texts Danish (headings, `--help`, `--version`).

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Arg, ArgAction, CommandFactory, Parser, Subcommand, ValueEnum, ValueHint};
use clap_complete::Shell;

use crate::engine::merge::Prefer;
use crate::io::outputs::OutputKind;

/// The layout of every help text: clap's "Usage:" becomes "Brug:".
const TEMPLATE: &str = "{about-with-newline}\nBrug: {usage}\n\n{all-args}{after-help}";

/// The root help's closing lines.
const ROOT_AFTER: &str = "\
Uden kommando åbnes mødeskærmen: på FIL.ron, eller på demosessionen uden fil.
Skriv «kalibrer KOMMANDO --help» for at se en kommandos tilvalg.

Afslutningskoder: 0 i orden, 1 kontrollen fandt fejl, fletningen har konflikter, importen afviste
rækker eller beløbene er ikke endelige (export uden --udkast), 2 filen kan ikke læses eller
kommandolinjen er forkert.";

/// `check`'s usage line.
const CHECK_USAGE: &str = "kalibrer check FIL [--json]";
/// `stats`'s usage line.
const STATS_USAGE: &str = "kalibrer stats FIL [--json] [--reference REF …] [--by-director [--basis amount|proposal]]";
/// `combine-stats`'s usage line.
const COMBINE_USAGE: &str = "kalibrer combine-stats A.xlsx B.csv … --out SAMLET.xlsx";
/// `export`'s usage line.
const EXPORT_USAGE: &str = "kalibrer export FIL --out UD [--kind ART] [--udkast]";
/// `prep`'s usage line.
const PREP_USAGE: &str = "kalibrer prep FIL --for DIREKTØR --out FORB.ron [--others]";
/// `agenda`'s usage line.
const AGENDA_USAGE: &str = "kalibrer agenda FIL [--order level|questions] [--json]";
/// `merge`'s usage line.
const MERGE_USAGE: &str = "kalibrer merge FIL FORB.ron [FORB2.ron …] --out NY.ron [--prefer prep|session]";
/// `import`'s usage line.
const IMPORT_USAGE: &str = "kalibrer import HR.csv|HR.xlsx --into FIL --out NY.ron [--history] [--accept-rejections]";
/// `fit`'s usage line.
const FIT_USAGE: &str = "kalibrer fit FIL --out NY.ron [--proportional] [--include-hand-set] [--who ID]";
/// `spread`'s usage line.
const SPREAD_USAGE: &str = "kalibrer spread FIL --by 1,2 --out NY.ron [--include-hand-set] [--who ID]";
/// `generate`'s usage line.
const GENERATE_USAGE: &str = "kalibrer generate --managers N [--seed S] --out FIL";
/// `completions`'s usage line.
const COMPLETIONS_USAGE: &str = "kalibrer completions bash|zsh|fish|elvish|powershell";

/// The root usage: opening the GUI, then every command's line.
const USAGES: [&str; 12] = [
    CHECK_USAGE,
    STATS_USAGE,
    COMBINE_USAGE,
    EXPORT_USAGE,
    PREP_USAGE,
    MERGE_USAGE,
    AGENDA_USAGE,
    IMPORT_USAGE,
    FIT_USAGE,
    SPREAD_USAGE,
    GENERATE_USAGE,
    COMPLETIONS_USAGE,
];

/// `kalibrer [FILE] | kalibrer COMMAND …`.
#[derive(Debug, Parser)]
#[command(
    name = "kalibrer",
    version,
    about = "Kalibrer – kalibrering af resultatløn og engangsvederlag i topchefgruppen",
    after_help = ROOT_AFTER,
    args_conflicts_with_subcommands = true,
    disable_help_subcommand = true,
    subcommand_value_name = "KOMMANDO",
    subcommand_help_heading = "Kommandoer"
)]
pub struct Cli {
    /// The session to open in the GUI (None with no command: the demo).
    #[arg(value_name = "FIL.ron", value_hint = ValueHint::FilePath,
          help = "sessionsfilen, der åbnes på mødeskærmen (uden fil: demosessionen)")]
    pub file: Option<String>,
    /// The CLI command, if any.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// `check`.
    #[command(
        about = "kontrollerer reglerne; én linje pr. fund",
        long_about = "Kontrollerer reglerne og skriver én linje pr. fund («fejl KC05: …»); accepterede fund\n\
                      vises med begrundelsen, men tæller ikke. Kode 1, når en fejl står åben.",
        override_usage = CHECK_USAGE
    )]
    Check(Check),
    /// `stats`.
    #[command(
        about = "spredningsmål pr. niveau",
        long_about = "Spredningsmål pr. niveau: antal, sum, min, maks, gennemsnit, median, sd, CV, Gini, andel\n\
                      ens beløb, placering i spændet og ændring fra sidste år (over de samme ledere begge år).\n\
                      Med --reference (eller sessionens referenceliste) også hvert niveau ved siden af andre\n\
                      organisationers offentliggjorte tal: antal, gennemsnit, median, kvartiler og indeks\n\
                      (gruppens gennemsnit / referencens × 100).\n\
                      Med --by-director i stedet tal pr. direktør (lederne, de er nærmeste leder for):\n\
                      antal, forslag → beløb (op, ned, uændret), placering i spændet, indeks mod niveauernes\n\
                      gennemsnit, gennemsnitlig vurdering og et flag (mild/streng) fra en permutationstest\n\
                      (tosidet, niveau 0,05 justeret for alle direktører, kun med mindst 5 ledere på hver side).",
        override_usage = STATS_USAGE
    )]
    Stats(Stats),
    /// `combine-stats`.
    #[command(
        name = "combine-stats",
        about = "lægger flere organisationers statistikeksporter sammen til én reference",
        long_about = "Lægger statistikeksporter (.xlsx eller .csv) fra flere organisationer sammen til én\n\
                      reference for et ministerområde eller staten. Antal og summer lægges præcist sammen;\n\
                      median og kvartiler er tilnærmede (det står i filen); et niveau, der er undertrykt i en\n\
                      kilde, forbliver undertrykt. Filen nævner sine kilder (organisation og år).",
        override_usage = COMBINE_USAGE
    )]
    CombineStats(CombineStats),
    /// `export`.
    #[command(
        about = "skriver fordeling, statistik, dokumentation, breve …",
        long_about = "Skriver én af udgaverne; formatet følger filtypen på UD.\n\
                      ART: allocation (standard), statistics, fixed-salary (.xlsx eller .csv);\n\
                      documentation, letters, public (.html).\n\
                      Fordeling og breve skrives kun, når ingen fejl står åbne og alle ledere er besluttet;\n\
                      ellers kode 1, eller med --udkast et udkast mærket UDKAST.",
        override_usage = EXPORT_USAGE
    )]
    Export(Export),
    /// `prep`.
    #[command(
        about = "forberedelse af én direktørs direkte ledere",
        long_about = "Skriver en forberedelsesfil med én direktørs direkte ledere, bundet til sessionen;\n\
                      direktøren retter den i programmet, og «kalibrer merge» indlæser den.\n\
                      Med --others også de andre direktørers ledere, skrivebeskyttet: til hver af dem\n\
                      kan direktøren give sin holdning (enig, spørgsmål med tekst, ingen holdning).\n\
                      Skriver aldrig oven i sessionsfilen.",
        override_usage = PREP_USAGE
    )]
    Prep(Prep),
    /// `merge`.
    #[command(
        about = "indlæser forberedelser i sessionen",
        long_about = "Indlæser forberedelser felt for felt (tre-vejs mod forberedelsens udgangspunkt).\n\
                      Konflikter giver kode 1, og intet skrives, medmindre --prefer løser dem;\n\
                      en forberedelse fra en anden session giver kode 2.",
        override_usage = MERGE_USAGE
    )]
    Merge(Merge),
    /// `agenda`.
    #[command(
        about = "dagsordenen: lederne i mødets rækkefølge med spørgsmål",
        long_about = "Skriver dagsordenen, som HR deler ud før mødet: plads, navn, niveau, direktør, forslag,\n\
                      beløb og antal spørgsmål fra de andre direktører (med spørgsmålene).\n\
                      --order level (standard): højeste niveau først, så enhed og navn;\n\
                      --order questions: «spørgsmål først» – ledere med flest spørgsmål først, så som level.",
        override_usage = AGENDA_USAGE
    )]
    Agenda(Agenda),
    /// `import`.
    #[command(
        about = "indlæser ledere (eller tidligere års beløb) fra CSV eller Excel",
        long_about = "Indlæser ledere (eller med --history tidligere års beløb) fra CSV eller Excel.\n\
                      Kendte id'er opdateres, nye tilføjes; hver afvist række skrives med linje, kolonne og\n\
                      grund, og så skrives intet (kode 1) uden --accept-rejections.",
        override_usage = IMPORT_USAGE
    )]
    Import(Import),
    /// `fit`.
    #[command(
        about = "tilpasser beløbene til puljen (som i mødet)",
        long_about = "Tilpas til puljen som i mødet; besluttede og låste ledere røres ikke, og beløb sat i mødet\n\
                      (skrevet, trukket, skøn med begrundelse, accepteret fund) heller ikke uden --include-hand-set.\n\
                      Ændrer så få ledere som muligt; med --proportional i stedet alle forholdsmæssigt.\n\
                      Skriver en linje pr. niveau: antal, ændrede, sum før → efter.",
        override_usage = FIT_USAGE
    )]
    Fit(Fit),
    /// `spread`.
    #[command(
        about = "spreder (>1) eller samler (<1) hvert niveau",
        long_about = "Spred ×k som i mødet: hvert niveaus beløb spredes (k > 1) eller samles (k < 1);\n\
                      besluttede og låste ledere røres ikke, beløb sat i mødet heller ikke uden --include-hand-set.",
        override_usage = SPREAD_USAGE
    )]
    Spread(Spread),
    /// `generate`.
    #[command(
        about = "laver en realistisk session med N ledere",
        override_usage = GENERATE_USAGE
    )]
    Generate(Generate),
    /// `completions`.
    #[command(
        about = "skriver et fuldførelsesscript til skallen",
        long_about = "Skriver et script til standard-ud, der fuldfører kommandoer, tilvalg og filnavne.\n\
                      Fx: kalibrer completions bash > ~/.local/share/bash-completion/completions/kalibrer",
        override_usage = COMPLETIONS_USAGE
    )]
    Completions(Completions),
}

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

/// `completions SHELL`.
#[derive(Debug, clap::Args)]
pub struct Completions {
    /// The shell.
    #[arg(value_name = "SKAL", hide_possible_values = true, help = "bash, zsh, fish, elvish eller powershell")]
    pub shell: Shell,
}

/// The whole command line as clap runs it: the derive structs, with clap's own
/// texts Danish – "Argumenter", "Tilvalg", and the help and version flags.
#[must_use]
pub fn command() -> clap::Command {
    let usage = USAGES.iter().fold("kalibrer [FIL.ron]".to_string(), |all, u| format!("{all}\n      {u}"));
    danish(Cli::command())
        .override_usage(usage)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("viser versionen")
                .help_heading("Tilvalg"),
        )
        .disable_version_flag(true)
}

/// One command and its subcommands: Danish headings, template and help flag.
fn danish(cmd: clap::Command) -> clap::Command {
    let names: Vec<String> = cmd.get_subcommands().map(|c| c.get_name().to_string()).collect();
    let cmd = cmd
        .help_template(TEMPLATE)
        .disable_help_flag(true)
        .mut_args(|a| {
            let heading = if a.is_positional() { "Argumenter" } else { "Tilvalg" };
            a.help_heading(heading)
        })
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("viser hjælpen")
                .help_heading("Tilvalg"),
        );
    names.into_iter().fold(cmd, |cmd, name| cmd.mut_subcommand(name, danish))
}
