//! `kalibrer generate --managers N --seed S --out FILE`: a realistic generated session.

use crate::engine::generate::generate;

use super::syntax::session_args::Generate;
use super::usage_error;

/// Runs the command; exit 0, or 2 for bad arguments or a failed write.
pub fn run(args: &Generate) -> i32 {
    let (n, seed, out) = (args.managers, args.seed, args.out.as_str());
    let _lock = match super::lock_out(out) {
        Ok(lock) => lock,
        Err(code) => return code,
    };
    if let Some(code) = super::refuse_prep_out(out, &[]) {
        return code;
    }
    let Some(session) = generate(n, seed) else {
        return usage_error("kunne ikke lave en session");
    };
    match super::write_session(out, &session) {
        Ok(()) => {
            errln!("Skrev {out} med {}", crate::model::words::managers(n));
            0
        }
        Err(code) => code,
    }
}
