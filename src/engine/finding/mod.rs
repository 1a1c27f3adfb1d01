//! Findings: what a rule reports — severity, rule, manager and the rule's facts as values
//! (amounts, percentages, indices). No sentences: [`super::wording`] renders a finding in
//! Danish for the screen, the CLI, the documentation and presentation mode.

mod facts;
mod missing;
mod rule_id;
mod severity;

pub use facts::Facts;
pub use missing::Missing;
pub use rule_id::RuleId;
pub use severity::Severity;

/// One finding of a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// How serious.
    pub severity: Severity,
    /// Which rule (always `facts.rule()`).
    pub rule: RuleId,
    /// The manager concerned (id), if any.
    pub manager: Option<String>,
    /// The second manager of a pair (inversion), if any.
    pub other_manager: Option<String>,
    /// The level concerned (id), for level-wide findings.
    pub level: Option<String>,
    /// What the rule found, as values; [`super::wording::finding_text`] words it.
    pub facts: Facts,
}

impl Finding {
    /// A finding about manager `id`.
    #[must_use]
    pub fn about_manager(severity: Severity, id: &str, facts: Facts) -> Self {
        Self { severity, rule: facts.rule(), manager: Some(id.to_string()), other_manager: None, level: None, facts }
    }

    /// A finding about the whole session (pool) or a level (`level` id).
    #[must_use]
    pub fn general(severity: Severity, level: Option<String>, facts: Facts) -> Self {
        Self { severity, rule: facts.rule(), manager: None, other_manager: None, level, facts }
    }
}

/// The group's acceptance of finding `f` on manager `m` (the finding's own manager), if
/// the rule may be accepted and the manager carries an acceptance for it.
#[must_use]
pub fn acceptance_of<'a>(m: &'a crate::model::Manager, f: &Finding) -> Option<&'a crate::model::AcceptedFinding> {
    if !f.rule.may_be_accepted() || f.manager.as_deref() != Some(m.id.as_str()) {
        return None;
    }
    m.accepted.iter().find(|a| a.rule == f.rule.code())
}
