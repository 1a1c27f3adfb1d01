//! `kalibrer export FILE --out OUT [--kind KIND] [--udkast]`: the outputs, format from
//! OUT's extension. The allocation and the letters of a meeting that is not final (open
//! *fejl*, managers not decided) are refused with the reason (exit 1) unless `--udkast`
//! asks for a draft, which is then marked UDKAST in the file.

use std::path::Path;

use crate::io;
use crate::io::finality::Finality;
use crate::io::outputs::{Format, RenderOptions, render_with};

use super::syntax::report_args::Export;
use super::{load, usage_error};

/// Runs the export; exit 0, 1 when the allocation or letters are not final and `--udkast`
/// was not given, or 2 for bad arguments, an unreadable file or a failed write.
pub fn run(args: &Export) -> i32 {
    let (file, out) = (args.file.as_str(), args.out.as_str());
    let _lock = match super::lock_out(out) {
        Ok(lock) => lock,
        Err(code) => return code,
    };
    let kind = args.kind;
    let kind_name = kind.cli_name();
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
    let draft = args.udkast;
    if kind.needs_finality() && !draft {
        let finality = Finality::of_session(&session);
        if !finality.is_final() {
            errln!(
                "kalibrer: {out} er ikke skrevet: beløbene er ikke endelige – {}. Ret eller acceptér fejlene og beslut alle ledere, eller brug --udkast for at skrive et udkast mærket UDKAST.",
                finality.reason()
            );
            return 1;
        }
    }
    let options = RenderOptions { session_path: Some(Path::new(file)), draft };
    let bytes = match render_with(&session, kind, format, &options) {
        Ok(b) => b,
        Err(e) => {
            errln!("kalibrer: {out}: {e}");
            return 2;
        }
    };
    match io::session_file::save_bytes_atomic(Path::new(out), &bytes, None) {
        Ok(()) => {
            let mark = if kind.needs_finality() && draft { " (UDKAST)" } else { "" };
            errln!("Skrev {out}{mark}");
            0
        }
        Err(e) => {
            errln!("kalibrer: {e}");
            2
        }
    }
}
