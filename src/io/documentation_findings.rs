//! The audit documentation's findings: each with its subject and Danish wording, and the
//! group's acceptance (who, when, why) where there is one.

use serde::Serialize;

use crate::engine::Finding;
use crate::engine::finding::acceptance_of;
use crate::model::time::local_time;
use crate::model::{Manager, Session};

/// One finding, with the group's acceptance if any.
#[derive(Debug, Serialize)]
pub(super) struct FindingView {
    severity: &'static str,
    subject: String,
    message: String,
    accepted: Option<AcceptanceView>,
}

/// Who accepted a finding, when and why.
#[derive(Debug, Serialize)]
struct AcceptanceView {
    by: String,
    when: String,
    why: String,
}

/// A finding for the documentation; `m` is its manager (for the acceptance).
pub(super) fn finding_view(session: &Session, f: &Finding, m: Option<&Manager>) -> FindingView {
    let subject = match (&f.manager, &f.level) {
        (Some(id), _) => id.clone(),
        (None, Some(l)) => session.level(l).map_or_else(|| format!("niveau {l}"), |l| l.name.clone()),
        (None, None) => "Puljen".to_string(),
    };
    let accepted = m.and_then(|m| acceptance_of(m, f)).map(|a| AcceptanceView {
        by: executive_name(session, &a.by),
        when: local_time(&a.when),
        why: a.why.clone(),
    });
    FindingView {
        severity: f.severity.word(),
        subject,
        message: crate::engine::wording::finding_text(f, session, crate::engine::wording::Style::FULL),
        accepted,
    }
}

/// An executive's name, or the id when unknown.
pub(super) fn executive_name(session: &Session, id: &str) -> String {
    session.executive(id).map_or_else(|| id.to_string(), |e| e.name.clone())
}
