//! The ledger of what the meeting changed against the directors' proposals: per manager
//! proposed → decided with the reasons the change log gives, largest change first – the
//! same lines on screen (*Pr. direktør*), in the documentation and in `stats --by-director`.

use rust_decimal::Decimal;

use super::Evaluation;
use super::proposals::proposed_amount;
use crate::model::log::Change;
use crate::model::{Manager, Session};

/// One manager in the ledger: proposed, decided, and the reasons the log gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerLine {
    /// Manager index.
    pub manager: usize,
    /// The proposed amount.
    pub proposal: Decimal,
    /// The amount now.
    pub amount: Decimal,
    /// `amount − proposal`.
    pub change: Decimal,
    /// The distinct reasons written for the manager's amount changes (log order), and the
    /// skøn's justification.
    pub reasons: Vec<String>,
}

impl LedgerLine {
    /// The reasons as the screen and the command line quote them: "«a»; «b»", or "– ingen
    /// begrundelse i loggen" when the log gives none (`lead` goes before quoted reasons).
    #[must_use]
    pub fn reasons_text(&self, lead: &str) -> String {
        if self.reasons.is_empty() {
            " – ingen begrundelse i loggen".to_string()
        } else {
            format!("{lead}{}", self.reasons.iter().map(|r| format!("«{r}»")).collect::<Vec<_>>().join("; "))
        }
    }
}

/// Whether a log entry is about the manager's money (amount, skøn, assessment).
fn about_money(c: &Change) -> bool {
    matches!(
        c,
        Change::Amount { .. }
            | Change::Adjustment { .. }
            | Change::Justification { .. }
            | Change::Score { .. }
            | Change::Rating { .. }
            | Change::Attainment { .. }
            | Change::Acceptance { .. }
    )
}

/// The reasons behind manager `m`'s amount: the `why` of each money entry in the log, the
/// justifications written, and the skøn's justification now, each once.
#[must_use]
pub fn reasons(session: &Session, m: &Manager) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: &str| {
        let s = s.trim();
        if !s.is_empty() && !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    };
    for e in session.change_log.iter().filter(|e| e.manager.as_deref() == Some(m.id.as_str())) {
        if let Change::Justification { new, .. } = &e.change {
            push(new);
        } else if about_money(&e.change) {
            push(&e.why);
        }
    }
    // Keep only whole texts: a typed justification logs its last state; earlier prefixes go.
    let all = out.clone();
    out.retain(|s| !all.iter().any(|o| o != s && o.starts_with(s.as_str())));
    if let Some(a) = m.adjustment.as_ref().map(|a| a.justification.trim()).filter(|j| !j.is_empty())
        && !out.iter().any(|o| o == a)
    {
        out.push(a.to_string());
    }
    out
}

/// The managers in `managers` whose amount differs from their proposal, largest change
/// first (then by id), at most `max`, each with its reasons.
#[must_use]
pub fn ledger(session: &Session, eval: &Evaluation, managers: &[usize], max: usize) -> Vec<LedgerLine> {
    let mut lines: Vec<LedgerLine> = managers
        .iter()
        .filter_map(|&i| {
            let m = session.managers.get(i)?;
            let proposal = proposed_amount(session, m)?;
            let amount = eval.amounts.get(i)?.amount;
            let change = amount.checked_sub(proposal)?;
            (!change.is_zero()).then(|| LedgerLine { manager: i, proposal, amount, change, reasons: Vec::new() })
        })
        .collect();
    lines.sort_by(|a, b| {
        b.change
            .abs()
            .cmp(&a.change.abs())
            .then_with(|| session.managers[a.manager].id.cmp(&session.managers[b.manager].id))
    });
    lines.truncate(max);
    for l in &mut lines {
        l.reasons = reasons(session, &session.managers[l.manager]);
    }
    lines
}
