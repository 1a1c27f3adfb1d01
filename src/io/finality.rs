//! Whether a meeting's amounts are final: no open *fejl* and every manager decided. The
//! allocation for payroll and the letters are only written as final when they are;
//! otherwise only as an explicit draft, marked UDKAST.

use std::collections::HashMap;

use crate::engine::finding::acceptance_of;
use crate::engine::{Evaluation, Severity};
use crate::model::{Manager, MeetingStatus, Session};

/// The word that marks a draft in every file written before the meeting is final.
pub const DRAFT_MARK: &str = "UDKAST";

/// How far a meeting is from final amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finality {
    /// Findings of severity *fejl* that are neither fixed nor accepted by the group.
    pub open_errors: usize,
    /// Managers whose status is not *Besluttet*.
    pub undecided: usize,
    /// All managers.
    pub managers: usize,
}

impl Finality {
    /// The finality of `session` given its evaluation.
    #[must_use]
    pub fn of(session: &Session, eval: &Evaluation) -> Self {
        let by_id: HashMap<&str, &Manager> = session.managers.iter().map(|m| (m.id.as_str(), m)).collect();
        let open_errors = eval
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Fejl)
            .filter(|f| f.manager.as_deref().and_then(|id| by_id.get(id)).and_then(|m| acceptance_of(m, f)).is_none())
            .count();
        let undecided = session.managers.iter().filter(|m| m.status != MeetingStatus::Besluttet).count();
        Self { open_errors, undecided, managers: session.managers.len() }
    }

    /// The finality of `session` (evaluates it).
    #[must_use]
    pub fn of_session(session: &Session) -> Self {
        Self::of(session, &crate::engine::evaluate(session))
    }

    /// No open *fejl* and every manager decided.
    #[must_use]
    pub fn is_final(&self) -> bool {
        self.open_errors == 0 && self.undecided == 0
    }

    /// Why the amounts are not final, in Danish: "10 fejl er hverken rettet eller
    /// accepteret, og 28 af 28 ledere er ikke besluttet". Empty when final.
    #[must_use]
    pub fn reason(&self) -> String {
        let errors = match self.open_errors {
            0 => None,
            1 => Some("1 fejl er hverken rettet eller accepteret".to_string()),
            n => Some(format!("{n} fejl er hverken rettet eller accepteret")),
        };
        let undecided = match self.undecided {
            0 => None,
            n => Some(format!("{n} af {} er ikke besluttet", crate::model::words::managers(self.managers))),
        };
        match (errors, undecided) {
            (Some(e), Some(u)) => format!("{e}, og {u}"),
            (Some(one), None) | (None, Some(one)) => one,
            (None, None) => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_is_not_final_and_says_why() {
        let mut s = crate::io::parse_session(crate::io::DEMO_RON).expect("demo");
        let f = Finality::of_session(&s);
        assert_eq!((f.undecided, f.managers), (28, 28));
        assert!(f.open_errors > 0 && !f.is_final());
        assert!(f.reason().ends_with(", og 28 af 28 ledere er ikke besluttet"), "{}", f.reason());
        for m in &mut s.managers {
            m.status = MeetingStatus::Besluttet;
        }
        let f = Finality::of_session(&s);
        assert_eq!(f.undecided, 0);
        assert_eq!(f.reason(), format!("{} fejl er hverken rettet eller accepteret", f.open_errors));
    }

    #[test]
    fn reasons_in_danish() {
        let f = Finality { open_errors: 1, undecided: 1, managers: 3 };
        assert_eq!(f.reason(), "1 fejl er hverken rettet eller accepteret, og 1 af 3 ledere er ikke besluttet");
        assert!(Finality { open_errors: 0, undecided: 0, managers: 3 }.is_final());
        assert_eq!(Finality { open_errors: 0, undecided: 0, managers: 3 }.reason(), "");
    }
}
