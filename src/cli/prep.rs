//! `kalibrer prep FILE --for WHO --out PREP` and `kalibrer merge FILE PREP… --out OUT
//! [--prefer prep|session]`.

use std::path::Path;

use crate::engine::merge::{MergeReport, Prefer, merge};
use crate::engine::prep::make_prep;
use crate::io;

use super::{Args, load, usage_error};

/// Writes the prep file for one executive.
pub fn run_prep(args: &[String]) -> i32 {
    let parsed = match Args::parse(args, &["--for", "--out"], &[]) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let file = match parsed.one_file() {
        Ok(f) => f,
        Err(e) => return usage_error(&e),
    };
    let (Some(who), Some(out)) = (parsed.value("--for"), parsed.value("--out")) else {
        return usage_error("prep kræver --for og --out");
    };
    if let Some(code) = super::refuse_out_onto_input(out, &[file]) {
        return code;
    }
    if let Some(code) = super::refuse_locked_out(out) {
        return code;
    }
    let session = match load(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let prep = match make_prep(&session, who, &crate::model::log::now_iso()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("kalibrer: {e}");
            return 2;
        }
    };
    match io::save_session(Path::new(out), &prep) {
        Ok(()) => {
            eprintln!("Skrev {out} med {} ledere", prep.managers.len());
            0
        }
        Err(e) => {
            eprintln!("kalibrer: {e}");
            2
        }
    }
}

/// Merges prep files; exit 1 with the report when conflicts remain (nothing written).
pub fn run_merge(args: &[String]) -> i32 {
    let parsed = match Args::parse(args, &["--out", "--prefer"], &[]) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let Some((file, prep_files)) = parsed.positional.split_first().filter(|(_, p)| !p.is_empty()) else {
        return usage_error("merge kræver en session og mindst én forberedelse");
    };
    let Some(out) = parsed.value("--out") else {
        return usage_error("--out mangler");
    };
    if let Some(code) = super::refuse_locked_out(out) {
        return code;
    }
    let prefer = match parsed.value("--prefer") {
        None => None,
        Some("prep") => Some(Prefer::Prep),
        Some("session") => Some(Prefer::Session),
        Some(other) => return usage_error(&format!("--prefer skal være prep eller session, ikke «{other}»")),
    };
    let session = match load(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let mut preps = Vec::new();
    for p in prep_files {
        match load(p) {
            Ok(s) => preps.push((p.clone(), s)),
            Err(code) => return code,
        }
    }
    let (merged, report) = merge(&session, &preps, prefer);
    print_report(&report);
    if !report.resolved {
        eprintln!(
            "{} konflikter; intet er skrevet. Brug --prefer prep|session eller løs dem i programmet.",
            report.conflicts.len()
        );
        return 1;
    }
    match io::save_session(Path::new(out), &merged) {
        Ok(()) => {
            eprintln!("Skrev {out}: {} ændringer indlæst", report.applied.len());
            0
        }
        Err(e) => {
            eprintln!("kalibrer: {e}");
            2
        }
    }
}

/// Prints applied changes and conflicts, one per line.
fn print_report(report: &MergeReport) {
    for a in &report.applied {
        println!("indlæst {} {}: {} → {} ({})", a.manager, a.field, a.old, a.new, a.prep);
    }
    for c in &report.conflicts {
        let who = if c.manager.is_empty() { String::new() } else { format!(" {}", c.manager) };
        let field = if c.field.is_empty() { String::new() } else { format!(" {}", c.field) };
        println!(
            "konflikt{who}{field}: {} (session: {}, forberedelse: {}) [{}]",
            c.kind.describe(),
            c.session_value,
            c.prep_value,
            c.prep
        );
    }
}
