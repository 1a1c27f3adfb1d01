//! `kalibrer export FILE --out OUT [--kind KIND]`: the outputs, format from OUT's extension.

use std::path::Path;

use crate::io;

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
    let kind = parsed.value("--kind").unwrap_or("allocation");
    let ext = Path::new(out).extension().and_then(|e| e.to_str()).unwrap_or("").to_lowercase();
    let session = match load(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let text = match (kind, ext.as_str()) {
        ("allocation", "csv") => io::allocation::allocation_csv(&session),
        ("statistics", "csv") => {
            let (header, mut rows, suppressed) = io::statistics_export::statistics_table(&session);
            if suppressed {
                rows.push(vec![io::statistics_export::SUPPRESSION_NOTE.to_string()]);
            }
            io::csv_dialect::document(&header, &rows)
        }
        ("fixed-salary", "csv") => io::allocation::fixed_salary_csv(&session),
        ("documentation", "html") => io::documentation::documentation_html(&session),
        ("letters", "html") => io::letters::letters_html(&session, io::letters::LETTER_TEMPLATE),
        ("public", "html") => io::public::public_html(&session),
        ("allocation" | "statistics" | "fixed-salary" | "documentation" | "letters" | "public", _) => {
            return usage_error(&format!("{kind} kan ikke skrives som «.{ext}»; se kalibrer --help"));
        }
        _ => return usage_error(&format!("ukendt art «{kind}»")),
    };
    match io::session_file::save_text_atomic(Path::new(out), &text, None) {
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
