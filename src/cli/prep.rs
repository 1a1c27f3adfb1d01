//! `kalibrer prep FILE --for WHO --out PREP` and `kalibrer merge FILE PREP… --out OUT
//! [--prefer prep|session]`.

use std::path::Path;

use crate::engine::merge::{Conflict, MergeReport, Prefer, Resolution, merge};
use crate::engine::prep::make_prep_with;
use crate::io;
use crate::io::paths::same_file;

use super::load;
use super::syntax::session_args::{Merge, Prep};

/// Writes the prep file for one executive; never onto the session it is made from.
pub fn run_prep(args: &Prep) -> i32 {
    let (file, who, out) = (args.file.as_str(), args.who.as_str(), args.out.as_str());
    if let Some(code) = super::refuse_out_onto_input(out, &[file]) {
        return code;
    }
    let _lock = match super::lock_out(out) {
        Ok(lock) => lock,
        Err(code) => return code,
    };
    let session = match load(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let prep = match make_prep_with(&session, who, &crate::model::log::now_iso(), args.others) {
        Ok(p) => p,
        Err(e) => {
            errln!("kalibrer: {file}: {e}");
            return 2;
        }
    };
    // Another director's preparation is never replaced; this director's may be made anew.
    let target = prep.prep.as_ref().map(|p| p.executive.as_str());
    if let Some(other) = io::load_session_file(Path::new(out)).ok().and_then(|s| s.prep)
        && Some(other.executive.as_str()) != target
    {
        errln!(
            "kalibrer: --out {out} er en forberedelse for {}; den bliver ikke overskrevet – intet er skrevet, vælg en anden fil",
            other.executive
        );
        return 2;
    }
    match super::write_session(out, &prep) {
        Ok(()) => {
            let own =
                prep.prep.as_ref().map_or(0, |p| prep.managers.iter().filter(|m| m.superior == p.executive).count());
            if args.others {
                errln!("Skrev {out} med {own} egne ledere og {} andres (til holdninger)", prep.managers.len() - own);
            } else {
                errln!("Skrev {out} med {}", crate::model::words::managers(own));
            }
            0
        }
        Err(code) => code,
    }
}

/// Merges prep files; exit 1 with the report when conflicts remain (nothing written),
/// exit 2 when a file is not a prep of this session.
pub fn run_merge(args: &Merge) -> i32 {
    let (file, prep_files, out) = (&args.file, &args.preps, args.out.as_str());
    let prefer = args.prefer.map(Prefer::from);
    let _lock = match super::lock_out(out) {
        Ok(lock) => lock,
        Err(code) => return code,
    };
    if let Some(p) = prep_files.iter().find(|p| same_file(Path::new(p), Path::new(out))) {
        errln!("kalibrer: --out {out} er forberedelsen {p}; den ville blive overskrevet. Vælg en anden fil.");
        return 2;
    }
    if let Some(code) = super::refuse_prep_out(out, &[file.as_str()]) {
        return code;
    }
    let session = match load(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    if let Some(info) = &session.prep {
        errln!("kalibrer: {file} er en forberedelse (for {}), ikke mødets session", info.executive);
        return 2;
    }
    let mut preps = Vec::new();
    for p in prep_files {
        match load(p) {
            Ok(s) => preps.push((p.clone(), s)),
            Err(code) => return code,
        }
    }
    let (merged, report) = match merge(&session, &preps, prefer) {
        Ok(r) => r,
        Err(refused) => {
            errln!("kalibrer: {refused}");
            return 2;
        }
    };
    if !report.resolved {
        print_report(&report, false);
        let open = report.conflicts.iter().filter(|c| c.resolution.is_none()).count();
        errln!("{open} konflikter; intet er skrevet. Brug --prefer prep|session eller løs dem i programmet.");
        return 1;
    }
    match super::write_session(out, &merged) {
        Ok(()) => {
            print_report(&report, true);
            let tail = resolution_summary(&report);
            errln!("Skrev {out}: {} ændringer indlæst{tail}", report.applied.len());
            0
        }
        Err(code) => {
            print_report(&report, false);
            errln!("kalibrer: intet er indlæst");
            code
        }
    }
}

/// Prints changes, conflicts and notices, one per line. A change says "indlæst" only
/// when `written`.
fn print_report(report: &MergeReport, written: bool) {
    let verb = if written { "indlæst" } else { "ikke skrevet" };
    for a in &report.applied {
        let how = if a.by_preference { ", konflikt løst" } else { "" };
        outln!("{verb} {} {}: {} → {} ({}{how})", a.manager, a.field, a.old, a.new, a.prep);
    }
    for c in &report.conflicts {
        let who = if c.manager.is_empty() { String::new() } else { format!(" {}", c.manager) };
        let field = if c.field.is_empty() { String::new() } else { format!(" {}", c.field) };
        outln!(
            "konflikt{who}{field}: {} (session: {}, forberedelse: {}) [{}]{}",
            c.kind.describe(),
            c.session_value,
            c.prep_value,
            c.prep,
            resolution_text(c, written)
        );
    }
    for n in &report.notices {
        let who = n.manager.as_ref().map_or(String::new(), |m| format!(" {m}"));
        outln!("bemærk{who}: {} [{}]", n.text, n.prep);
    }
}

/// "; 2 konflikter løst med sessionens værdi, …" after the count of written changes.
fn resolution_summary(report: &MergeReport) -> String {
    let count = |f: &dyn Fn(&Resolution) -> bool| {
        report.conflicts.iter().filter(|c| c.resolution.as_ref().is_some_and(f)).count()
    };
    let took = count(&|r| *r == Resolution::TookPrep);
    let kept = count(&|r| *r == Resolution::KeptSession);
    let not_taken = count(&|r| matches!(r, Resolution::OtherPrepWon(_) | Resolution::Skipped));
    let parts: Vec<String> = [
        (took, "konflikter løst med forberedelsens værdi"),
        (kept, "konflikter løst med sessionens værdi"),
        (not_taken, "forberedelsesværdier ikke indlæst"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    if parts.is_empty() { String::new() } else { format!("; {}", parts.join(", ")) }
}

/// " → …": which value won and from where.
fn resolution_text(c: &Conflict, written: bool) -> String {
    match &c.resolution {
        None => " → uløst".into(),
        Some(Resolution::KeptSession) => format!(" → sessionens værdi {} beholdt", c.session_value),
        Some(Resolution::TookPrep) if written => {
            format!(" → forberedelsens værdi {} fra {} indlæst", c.prep_value, c.prep)
        }
        Some(Resolution::TookPrep) => {
            format!(" → forberedelsens værdi {} fra {} valgt, ikke skrevet", c.prep_value, c.prep)
        }
        Some(Resolution::OtherPrepWon(winner)) => {
            format!(" → ikke indlæst: værdien fra {winner} vandt (nævnt først)")
        }
        Some(Resolution::Skipped) => " → ikke indlæst: intet sted at skrive den".into(),
    }
}
