//! `kalibrer combine-stats A.xlsx B.csv … --out SAMLET.xlsx`: several organisations'
//! statistics exports combined into one reference (`engine::reference_combine::combine`).

use std::path::Path;

use crate::engine::reference_combine;
use crate::io::reference_file::{read_reference, render_reference};
use crate::io::session_file::save_bytes_atomic;

use super::syntax::report_args::CombineStats;
use super::usage_error;

/// Runs the command; exit 0, or 2 for an unreadable input or an unwritable `--out`.
pub fn run(args: &CombineStats) -> i32 {
    let out = args.out.as_str();
    let xlsx = match Path::new(out).extension().and_then(|e| e.to_str()).map(str::to_lowercase).as_deref() {
        Some("xlsx") => true,
        Some("csv") => false,
        _ => return usage_error(&format!("{out}: filtypen skal være .xlsx eller .csv")),
    };
    let inputs: Vec<&str> = args.files.iter().map(String::as_str).collect();
    if let Some(input) = inputs.iter().find(|i| crate::io::paths::same_file(Path::new(out), Path::new(i))) {
        errln!("kalibrer: --out {out} er den samme fil som {input}; intet er skrevet – vælg et andet navn");
        return 2;
    }
    let _lock = match super::lock_out(out) {
        Ok(lock) => lock,
        Err(code) => return code,
    };
    let mut references = Vec::new();
    for file in &inputs {
        match read_reference(Path::new(file)) {
            Ok(r) => references.push(r),
            Err(e) => {
                errln!("kalibrer: {e}");
                return 2;
            }
        }
    }
    let combined = reference_combine::combine(&references);
    let bytes = match render_reference(&combined, xlsx) {
        Ok(b) => b,
        Err(e) => {
            errln!("kalibrer: {out}: {e}");
            return 2;
        }
    };
    if let Err(e) = save_bytes_atomic(Path::new(out), &bytes, None) {
        errln!("kalibrer: {e}");
        return 2;
    }
    let suppressed = combined.levels.iter().filter(|l| l.suppression().is_some()).count();
    errln!(
        "Skrev {out}: {} kilder ({}), {} niveauer, {suppressed} undertrykt",
        combined.sources.len(),
        combined.sources_text(),
        combined.levels.len()
    );
    0
}
