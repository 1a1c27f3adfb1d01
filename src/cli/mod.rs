//! The command line: `kalibrer [FILE]`, `check`, `stats`, `export`, `generate`.
//!
//! Exit codes: 0 fine, 1 the check found errors, 2 the file cannot be read or the
//! command line is wrong. Messages are Danish and say which file and where.

mod allocate;
mod args;
mod check;
mod export;
mod generate;
mod import;
mod prep;
mod stats;

use std::path::PathBuf;

use crate::io;
use crate::model::Session;

pub use args::Args;

/// What `main` should do after parsing the arguments.
#[derive(Debug)]
pub enum Launch {
    /// Open the GUI on this file (None: the embedded demo).
    Gui(Option<PathBuf>),
    /// A CLI command ran; exit with this code.
    Exit(i32),
}

/// The help text.
pub const HELP: &str = "\
Kalibrer – kalibrering af resultatløn og engangsvederlag i topchefgruppen

Brug:
  kalibrer                       åbner mødeskærmen på demosessionen
  kalibrer FIL.ron               åbner mødeskærmen på FIL.ron
  kalibrer check FIL [--json]    kontrollerer reglerne; én linje pr. fund
  kalibrer stats FIL [--json]    spredningsmål pr. niveau
  kalibrer export FIL --out UD [--kind ART] [--udkast]
                                 ART: allocation (standard), statistics,
                                 fixed-salary (.xlsx eller .csv);
                                 documentation, letters, public (.html).
                                 Fordeling og breve skrives kun, når ingen fejl
                                 står åbne og alle ledere er besluttet; ellers
                                 kode 1, eller med --udkast et udkast mærket UDKAST
  kalibrer prep FIL --for DIREKTØR --out FORB.ron
                                 forberedelse af én direktørs direkte ledere
  kalibrer merge FIL FORB.ron [FORB2.ron …] --out NY.ron [--prefer prep|session]
                                 indlæser forberedelser; konflikter giver kode 1,
                                 en forberedelse fra en anden session kode 2
  kalibrer import HR.csv|HR.xlsx --into FIL --out NY.ron [--history] [--accept-rejections]
                                 indlæser ledere (eller tidligere års beløb) fra
                                 CSV eller Excel; afviste rækker giver kode 1
  kalibrer fit FIL --out NY.ron [--who ID]
                                 tilpasser beløbene til puljen (som i mødet);
                                 besluttede og låste ledere røres ikke
  kalibrer spread FIL --by 1,2 --out NY.ron [--who ID]
                                 spreder (>1) eller samler (<1) hvert niveau
  kalibrer generate --managers N --seed S --out FIL
                                 laver en realistisk session med N ledere
  kalibrer --help                denne tekst

Afslutningskoder: 0 i orden, 1 kontrollen fandt fejl, fletningen konflikter eller beløbene er ikke endelige
(export uden --udkast), 2 filen kan ikke læses eller kommandolinjen er forkert.
";

/// Parses the arguments (without the program name) and runs CLI commands.
#[must_use]
pub fn run(args: &[String]) -> Launch {
    let Some(first) = args.first() else {
        return Launch::Gui(None);
    };
    let rest = &args[1..];
    let code = match first.as_str() {
        "-h" | "--help" | "hjælp" | "help" => {
            print!("{HELP}");
            0
        }
        "check" => check::run(rest),
        "stats" => stats::run(rest),
        "export" => export::run(rest),
        "generate" => generate::run(rest),
        "prep" => prep::run_prep(rest),
        "import" => import::run(rest),
        "merge" => prep::run_merge(rest),
        "fit" => allocate::run_fit(rest),
        "spread" => allocate::run_spread(rest),
        flag if flag.starts_with('-') => usage_error(&format!("ukendt tilvalg «{flag}»")),
        file => {
            if rest.is_empty() {
                return Launch::Gui(Some(PathBuf::from(file)));
            }
            usage_error(&format!("ukendt kommando «{file}»"))
        }
    };
    Launch::Exit(code)
}

/// Prints a usage error to stderr; returns exit code 2.
fn usage_error(message: &str) -> i32 {
    eprintln!("kalibrer: {message}\nSkriv «kalibrer --help» for at se brugen.");
    2
}

/// Loads a session file for a command, printing a Danish error with the file on failure.
fn load(path: &str) -> Result<Session, i32> {
    io::load_session_file(std::path::Path::new(path)).map_err(|e| {
        eprintln!("kalibrer: {path}: {e}");
        2
    })
}

/// Refuses `--out` naming one of the command's input files (a prep must never replace
/// its session); prints the Danish message and returns exit code 2.
fn refuse_out_onto_input(out: &str, inputs: &[&str]) -> Option<i32> {
    let input =
        inputs.iter().find(|i| io::session_file::same_file(std::path::Path::new(out), std::path::Path::new(i)))?;
    eprintln!(
        "kalibrer: --out {out} er den samme fil som {input}; intet er skrevet – vælg et andet navn til forberedelsen"
    );
    Some(2)
}

/// Refuses `--out` before any work when another instance holds the file's lock or the
/// file is read-only (the save checks again); prints the Danish message naming the holder
/// and since when, and returns exit code 2.
fn refuse_locked_out(out: &str) -> Option<i32> {
    let e = io::session_file::check_writable(std::path::Path::new(out)).err()?;
    eprintln!("kalibrer: {e}");
    Some(2)
}
