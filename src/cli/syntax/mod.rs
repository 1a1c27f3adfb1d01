//! The command line's grammar: clap derive structs with the Danish help texts. The root
//! (`Cli`, `Command`, the usage lines) is here; the commands' arguments are in
//! report_args.rs and session_args.rs; `command()` runs it all, and danish.rs makes clap's own texts Danish.

mod danish;
pub mod report_args;
pub mod session_args;

use clap::{Arg, ArgAction, CommandFactory, Parser, Subcommand, ValueHint};
use clap_complete::Shell;

use danish::danish;
use report_args::{Agenda, Check, CombineStats, Export, Stats};
use session_args::{Fit, Generate, Import, Merge, Prep, Spread};

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
