//! `kalibrer generate --managers N --seed S --out FILE`: a realistic generated session.

use std::path::Path;

use crate::engine::generate::generate;
use crate::io;

use super::{Args, usage_error};

/// Runs the command; exit 0, or 2 for bad arguments or a failed write.
pub fn run(args: &[String]) -> i32 {
    let parsed = match Args::parse(args, &["--managers", "--seed", "--out"], &[]) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    if !parsed.positional.is_empty() {
        return usage_error("generate tager ingen fil som argument; brug --out");
    }
    let Some(n) = parsed.value("--managers").and_then(|v| v.parse::<usize>().ok()).filter(|n| *n > 0) else {
        return usage_error("--managers skal være et positivt helt tal");
    };
    let Some(seed) = parsed.value("--seed").map_or(Some(1), |v| v.parse::<u64>().ok()) else {
        return usage_error("--seed skal være et helt tal");
    };
    let Some(out) = parsed.value("--out") else {
        return usage_error("--out mangler");
    };
    if let Some(code) = super::refuse_locked_out(out) {
        return code;
    }
    let Some(session) = generate(n, seed) else {
        return usage_error("kunne ikke lave en session");
    };
    match io::save_session(Path::new(out), &session) {
        Ok(()) => {
            eprintln!("Skrev {out} med {n} ledere");
            0
        }
        Err(e) => {
            eprintln!("kalibrer: {e}");
            2
        }
    }
}
