//! `kalibrer generate --managers N --seed S --out FILE`: a realistic generated session.

use std::path::Path;

use crate::engine::generate::generate;
use crate::io;

use super::syntax::Generate;
use super::usage_error;

/// Runs the command; exit 0, or 2 for bad arguments or a failed write.
pub fn run(args: &Generate) -> i32 {
    let (n, seed, out) = (args.managers, args.seed, args.out.as_str());
    if let Some(code) = super::refuse_locked_out(out) {
        return code;
    }
    let Some(session) = generate(n, seed) else {
        return usage_error("kunne ikke lave en session");
    };
    match io::save_session(Path::new(out), &session) {
        Ok(()) => {
            errln!("Skrev {out} med {n} ledere");
            0
        }
        Err(e) => {
            errln!("kalibrer: {e}");
            2
        }
    }
}
