//! `kalibrer export FILE --out OUT [--kind KIND]`: the outputs, format from OUT's extension.

use std::path::Path;

use crate::io;
use crate::io::outputs::{Format, OutputKind, render};

use super::{Args, load, usage_error};

/// Runs the export; exit 0, or 2 for bad arguments, an unreadable file or a failed write.
pub fn run(args: &[String]) -> i32 {
    let parsed = match Args::parse(args, &["--out", "--kind"], &[]) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let file = match parsed.one_file() {
        Ok(f) => f,
        Err(e) => return usage_error(&e),
    };
    let Some(out) = parsed.value("--out") else {
        return usage_error("--out mangler");
    };
    if let Some(code) = super::refuse_locked_out(out) {
        return code;
    }
    let kind_name = parsed.value("--kind").unwrap_or("allocation");
    let Some(kind) = OutputKind::from_cli(kind_name) else {
        let valid: Vec<&str> = OutputKind::ALL.iter().map(|k| k.cli_name()).collect();
        return usage_error(&format!("ukendt art «{kind_name}»; gyldige: {}", valid.join(", ")));
    };
    let Some(format) = Format::from_path(Path::new(out)) else {
        return usage_error(&format!("{out}: filtypen skal være .csv, .xlsx eller .html"));
    };
    if !kind.formats().contains(&format) {
        let allowed: Vec<String> = kind.formats().iter().map(|f| format!(".{}", f.extension())).collect();
        return usage_error(&format!(
            "{kind_name} kan ikke skrives som .{}; brug {}",
            format.extension(),
            allowed.join(" eller ")
        ));
    }
    let session = match load(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let bytes = match render(&session, kind, format) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("kalibrer: {out}: {e}");
            return 2;
        }
    };
    match io::session_file::save_bytes_atomic(Path::new(out), &bytes, None) {
        Ok(()) => {
            eprintln!("Skrev {out}");
            0
        }
        Err(e) => {
            eprintln!("kalibrer: {e}");
            2
        }
    }
}
