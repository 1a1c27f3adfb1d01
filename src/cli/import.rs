//! `kalibrer import HR.csv|HR.xlsx --into SESSION --out NEW [--history] [--accept-rejections]`.

use std::path::Path;

use crate::io;
use crate::io::import::{import_history, import_managers, record_in_log};

use super::load;
use super::syntax::session_args::Import;

/// Runs the import; exit 0, 1 when rows were rejected (nothing written unless
/// `--accept-rejections`), 2 for unreadable files or bad arguments.
pub fn run(args: &Import) -> i32 {
    let (file, into, out) = (args.file.as_str(), args.into.as_str(), args.out.as_str());
    let _lock = match super::lock_out(out) {
        Ok(lock) => lock,
        Err(code) => return code,
    };
    if let Some(code) = super::refuse_prep_out(out, &[into]) {
        return code;
    }
    let session = match load(into) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let bytes = match io::import::read::read_file(Path::new(file)) {
        Ok(b) => b,
        Err(e) => {
            errln!("kalibrer: {file}: kan ikke læse filen: {e}");
            return 2;
        }
    };
    let history = args.history;
    let result = if history { import_history(&session, &bytes) } else { import_managers(&session, &bytes) };
    let mut result = match result {
        Ok(r) => r,
        Err(e) => {
            errln!("kalibrer: {file}: {e}");
            return 2;
        }
    };
    for r in &result.rejected {
        outln!("afvist {file} {r}");
    }
    if !result.rejected.is_empty() && !args.accept_rejections {
        errln!("{} rækker afvist; intet er skrevet. Ret filen eller brug --accept-rejections.", result.rejected.len());
        return 1;
    }
    let name = Path::new(file).file_name().map_or(file.to_string(), |n| n.to_string_lossy().into_owned());
    record_in_log(&session, &mut result, &name, "HR-import");
    match super::write_session(out, &result.session) {
        Ok(()) => {
            errln!(
                "Skrev {out}: {} tilføjet, {} opdateret, {} afvist",
                result.added.len(),
                result.updated.len(),
                result.rejected.len()
            );
            0
        }
        Err(code) => code,
    }
}
