//! The command line (clap, see syntax/): `kalibrer [FILE]`, `check`, `stats`, `combine-stats`, `export`, `prep`,
//! `merge`, `import`, `fit`, `spread`, `generate`, `completions`.
//!
//! Exit codes: 0 fine, 1 the check found errors, 2 the file cannot be read or the
//! command line is wrong. Messages are Danish and say which file and where.
//!
//! Nothing here prints with `outln!`/`errln!` (they panic on a closed pipe): every
//! line goes through `out.rs` (`outln!`, `errln!`), and the lints below keep it so.

#![deny(clippy::print_stdout, clippy::print_stderr)]

#[macro_use]
mod out;

mod agenda;
mod allocate;
mod check;
mod combine;
mod export;
mod generate;
mod import;
mod prep;
mod stats;
mod stats_directors;
mod stats_reference;
pub mod syntax;
mod table;

use std::path::PathBuf;

use clap::FromArgMatches;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::io;
use crate::model::Session;

use syntax::{Cli, Command};

/// What `main` should do after parsing the arguments.
#[derive(Debug)]
pub enum Launch {
    /// Open the GUI on this file (None: the embedded demo).
    Gui(Option<PathBuf>),
    /// A CLI command ran; exit with this code.
    Exit(i32),
}

/// Parses the arguments (without the program name) and runs CLI commands.
#[must_use]
pub fn run(args: &[String]) -> Launch {
    // `kalibrer help [KOMMANDO]` and `kalibrer hjælp …` as `kalibrer [KOMMANDO] --help`.
    let mut argv: Vec<String> = vec!["kalibrer".to_string()];
    match args.split_first() {
        Some((first, rest)) if first == "help" || first == "hjælp" => {
            argv.extend(rest.iter().cloned());
            argv.push("--help".to_string());
        }
        _ => argv.extend(args.iter().cloned()),
    }
    let cli = match syntax::command().try_get_matches_from(argv).and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => cli,
        Err(e) => return Launch::Exit(out::exit_code(clap_error(&e))),
    };
    let code = match cli.command {
        None => return Launch::Gui(cli.file.map(PathBuf::from)),
        Some(Command::Check(a)) => check::run(&a),
        Some(Command::Stats(a)) => stats::run(&a),
        Some(Command::CombineStats(a)) => combine::run(&a),
        Some(Command::Export(a)) => export::run(&a),
        Some(Command::Generate(a)) => generate::run(&a),
        Some(Command::Prep(a)) => prep::run_prep(&a),
        Some(Command::Import(a)) => import::run(&a),
        Some(Command::Merge(a)) => prep::run_merge(&a),
        Some(Command::Agenda(a)) => agenda::run(&a),
        Some(Command::Fit(a)) => allocate::run_fit(&a),
        Some(Command::Spread(a)) => allocate::run_spread(&a),
        Some(Command::Completions(a)) => {
            let mut script = Vec::new();
            clap_complete::generate(a.shell, &mut syntax::command(), "kalibrer", &mut script);
            out::stdout_bytes(&script);
            0
        }
    };
    Launch::Exit(out::exit_code(code))
}

/// Help and version go to stdout with exit 0; every other clap error is worded in
/// Danish on stderr with exit 2.
fn clap_error(e: &clap::Error) -> i32 {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            out!("{}", e.render());
            0
        }
        _ => usage_error(&danish_error(e)),
    }
}

/// A clap usage error in Danish, from its kind and context.
fn danish_error(e: &clap::Error) -> String {
    let text = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) if !v.is_empty() => Some(v.join(", ")),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let mut message = match e.kind() {
        ErrorKind::UnknownArgument if arg.starts_with('-') => format!("ukendt tilvalg «{arg}»"),
        ErrorKind::UnknownArgument => format!("for mange argumenter: «{arg}»"),
        ErrorKind::InvalidSubcommand => {
            format!("ukendt kommando «{}»", text(ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::MissingRequiredArgument => match e.get(ContextKind::InvalidArg) {
            Some(ContextValue::Strings(v)) if v.len() > 1 => {
                format!("{} og {} mangler", v[..v.len() - 1].join(", "), v[v.len() - 1])
            }
            _ => format!("{arg} mangler"),
        },
        ErrorKind::InvalidValue if value.is_empty() => format!("{arg} mangler en værdi"),
        ErrorKind::InvalidValue => {
            let valid = text(ContextKind::ValidValue).map_or(String::new(), |v| format!("; gyldige: {v}"));
            format!("ugyldig værdi «{value}» til {arg}{valid}")
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e).map_or(String::new(), |s| format!(": {s}"));
            format!("ugyldig værdi «{value}» til {arg}{why}")
        }
        ErrorKind::ArgumentConflict if text(ContextKind::PriorArg).as_deref() == Some(arg.as_str()) => {
            format!("{arg} må kun gives én gang")
        }
        ErrorKind::ArgumentConflict if arg.is_empty() => "for mange argumenter".to_string(),
        ErrorKind::ArgumentConflict => format!("{arg} kan ikke bruges her"),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("forkert antal værdier til {arg}")
        }
        ErrorKind::InvalidUtf8 => "et argument er ikke gyldig tekst (UTF-8)".to_string(),
        _ => "kommandolinjen kan ikke forstås".to_string(),
    };
    if let Some(s) = text(ContextKind::SuggestedArg)
        .or_else(|| text(ContextKind::SuggestedValue))
        .or_else(|| text(ContextKind::SuggestedSubcommand))
    {
        message.push_str(&format!(" – mente du «{s}»?"));
    }
    message
}

/// Prints a usage error to stderr; returns exit code 2.
fn usage_error(message: &str) -> i32 {
    errln!("kalibrer: {message}\nSkriv «kalibrer --help» for at se brugen.");
    2
}

/// Loads a session file for a command, printing a Danish error with the file on failure.
fn load(path: &str) -> Result<Session, i32> {
    io::load_session_file(std::path::Path::new(path)).map_err(|e| {
        errln!("kalibrer: {path}: {e}");
        2
    })
}

/// Refuses `--out` naming one of the command's input files (a prep must never replace
/// its session); prints the Danish message and returns exit code 2.
fn refuse_out_onto_input(out: &str, inputs: &[&str]) -> Option<i32> {
    let input = inputs.iter().find(|i| io::paths::same_file(std::path::Path::new(out), std::path::Path::new(i)))?;
    errln!(
        "kalibrer: --out {out} er den samme fil som {input}; intet er skrevet – vælg et andet navn til forberedelsen"
    );
    Some(2)
}

/// The OS lock of a command's `--out`, taken before the command reads its inputs and held
/// until the written file has been renamed into place (released when dropped), so two
/// commands writing the same file one after the other never lose either's changes.
pub(crate) struct OutLock {
    path: PathBuf,
}

impl Drop for OutLock {
    fn drop(&mut self) {
        io::lock::release(&self.path);
    }
}

/// How long a command waits for another command writing its `--out` before it gives up
/// and names the holder.
pub const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Takes the lock of `out` for the whole command (see [`OutLock`]): while another command
/// holds it (one that lets go within seconds), waits up to [`LOCK_WAIT`]; when an open
/// window holds it, or after the wait, refuses naming the holder and since when. Refuses
/// at once a read-only `out`, one that is not a regular file (a FIFO, a device, a folder)
/// or whose lock file is not one. Prints the Danish message and returns exit code 2 when
/// refused.
fn lock_out(out: &str) -> Result<OutLock, i32> {
    let path = std::path::Path::new(out);
    io::lock::command_mark::mark_as_command();
    let deadline = std::time::Instant::now() + LOCK_WAIT;
    loop {
        match io::lock::acquire(path) {
            io::lock::LockOutcome::Acquired => break,
            io::lock::LockOutcome::Refused(why) => {
                errln!("kalibrer: {out}: {why}");
                return Err(2);
            }
            io::lock::LockOutcome::HeldBy(info)
                if std::time::Instant::now() >= deadline || !io::lock::command_mark::held_by_command(path) =>
            {
                errln!(
                    "kalibrer: kan ikke gemme {out}: filen er åben hos {} – intet er skrevet; luk den dér, eller skriv til en anden fil",
                    info.describe()
                );
                return Err(2);
            }
            io::lock::LockOutcome::HeldBy(_) => std::thread::sleep(std::time::Duration::from_millis(50)),
        }
    }
    let lock = OutLock { path: path.to_path_buf() };
    if let Err(e) = io::session_file::check_writable(path) {
        errln!("kalibrer: {e}");
        return Err(2);
    }
    Ok(lock)
}

/// Refuses `--out` when the file there is another director's preparation (by its content,
/// whatever its name): a command never replaces a prep file unless it read it itself
/// (`inputs`). Prints the Danish message and returns exit code 2.
fn refuse_prep_out(out: &str, inputs: &[&str]) -> Option<i32> {
    let path = std::path::Path::new(out);
    if inputs.iter().any(|i| io::paths::same_file(path, std::path::Path::new(i))) {
        return None;
    }
    let info = io::load_session_file(path).ok()?.prep?;
    errln!(
        "kalibrer: --out {out} er en forberedelse (for {}); den bliver ikke overskrevet – intet er skrevet, vælg en anden fil",
        info.executive
    );
    Some(2)
}

/// Writes a session a command made, after the same validation a load makes: a session
/// Kalibrer would refuse to open is never written (the refusal names the manager, level
/// or policy and the bound). Prints the Danish error; returns exit code 2 on failure.
fn write_session(out: &str, session: &Session) -> Result<(), i32> {
    let refusing: Vec<String> =
        io::validate(session).into_iter().filter(|p| p.refuses).map(|p| p.to_string()).collect();
    if !refusing.is_empty() {
        let shown = refusing.iter().take(10).cloned().collect::<Vec<_>>().join("; ");
        let more = if refusing.len() > 10 { format!(" (og {} flere)", refusing.len() - 10) } else { String::new() };
        errln!("kalibrer: {out}: intet er skrevet – resultatet ville ikke kunne åbnes: {shown}{more}");
        return Err(2);
    }
    io::save_session(std::path::Path::new(out), session).map_err(|e| {
        errln!("kalibrer: {e}");
        2
    })
}
