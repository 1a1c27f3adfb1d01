//! `kalibrer check FILE [--json]`: every finding, one per line.

use crate::engine::finding::acceptance_of;
use crate::engine::wording::{Style, finding_text};
use crate::engine::{self, Finding, Severity};
use crate::model::{AcceptedFinding, Session};

use super::load;
use super::syntax::report_args::Check;

/// Runs the check; exit 0 no open errors, 1 errors found (accepted ones do not count), 2 unreadable file or bad arguments.
pub fn run(args: &Check) -> i32 {
    let file = args.file.as_str();
    let session = match load(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let eval = engine::evaluate(&session);
    let warnings: Vec<_> = crate::io::validate(&session).into_iter().filter(|p| !p.refuses).collect();
    let by_id: std::collections::HashMap<&str, &crate::model::Manager> =
        session.managers.iter().map(|m| (m.id.as_str(), m)).collect();
    let accepted: Vec<Option<&AcceptedFinding>> = eval
        .findings
        .iter()
        .map(|f| f.manager.as_deref().and_then(|id| by_id.get(id)).and_then(|m| acceptance_of(m, f)))
        .collect();
    // Accepted findings are listed but neither counted nor failing the check.
    let count =
        |s: Severity| eval.findings.iter().zip(&accepted).filter(|(f, a)| f.severity == s && a.is_none()).count();
    let errors = count(Severity::Fejl);
    if args.json {
        let findings: Vec<serde_json::Value> =
            eval.findings.iter().zip(&accepted).map(|(f, a)| finding_json(f, &session, *a)).collect();
        let problems: Vec<serde_json::Value> =
            warnings.iter().map(|p| serde_json::json!({"where": p.place, "message": p.message})).collect();
        let doc = serde_json::json!({
            "file": file,
            "findings": findings,
            "file_warnings": problems,
            "counts": {"fejl": count(Severity::Fejl), "advarsel": count(Severity::Advarsel), "info": count(Severity::Info)},
        });
        outln!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
    } else {
        for p in &warnings {
            outln!("advarsel {}: {}", p.place, p.message);
        }
        for (f, a) in eval.findings.iter().zip(&accepted) {
            match a {
                None => outln!("{} {}: {}", f.severity.word(), subject(f), finding_text(f, &session, Style::FULL)),
                Some(a) => outln!(
                    "accepteret {} {}: {} (begrundelse fra {}: {})",
                    f.severity.word(),
                    subject(f),
                    finding_text(f, &session, Style::FULL),
                    a.by,
                    a.why
                ),
            }
        }
        let warnings = count(Severity::Advarsel) + warnings.len();
        let plural = if warnings == 1 { "advarsel" } else { "advarsler" };
        errln!("{file}: {} fejl, {warnings} {plural}, {} info", count(Severity::Fejl), count(Severity::Info));
    }
    i32::from(errors > 0)
}

/// What a finding is about: the manager id, "niveau X" or "pulje".
fn subject(f: &Finding) -> String {
    match (&f.manager, &f.level) {
        (Some(m), _) => m.clone(),
        (None, Some(l)) => format!("niveau {l}"),
        (None, None) => "pulje".to_string(),
    }
}

fn finding_json(f: &Finding, session: &Session, accepted: Option<&AcceptedFinding>) -> serde_json::Value {
    serde_json::json!({
        "accepted": accepted.map(|a| serde_json::json!({"why": a.why, "by": a.by, "when": a.when})),
        "severity": f.severity.word(),
        "rule": f.rule.code(),
        "manager": f.manager,
        "other_manager": f.other_manager,
        "level": f.level,
        "message": finding_text(f, session, Style::FULL),
    })
}
