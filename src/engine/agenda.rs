//! The meeting's agenda: the usual order ([`Session::agenda_order`]: highest level first,
//! then unit, then name) or "spørgsmål først" – managers with questions from the other
//! directors first, most questions first, then the usual order – and the rows HR hands
//! out before the meeting (`kalibrer agenda`).

use rust_decimal::Decimal;

use super::Evaluation;
use super::proposals::proposed_amount;
use crate::model::Session;

/// Which order the agenda follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AgendaOrder {
    /// Highest level first, then unit, then name.
    #[default]
    Level,
    /// Managers with questions first, most questions first, then [`Self::Level`].
    Questions,
}

impl AgendaOrder {
    /// Danish label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Level => "niveau",
            Self::Questions => "spørgsmål først",
        }
    }
}

/// Manager indices with questions first (most first), then the usual agenda order. An
/// answered question still counts: it was raised before the meeting.
#[must_use]
pub fn questions_first_order(session: &Session) -> Vec<usize> {
    agenda_from(session, AgendaOrder::Questions, session.agenda_order())
}

/// Manager indices in `order`.
#[must_use]
pub fn agenda(session: &Session, order: AgendaOrder) -> Vec<usize> {
    agenda_from(session, order, session.agenda_order())
}

/// [`agenda`] given the usual order ([`Session::agenda_order`]), for callers that keep it
/// (the app computes it from cached name and unit ranks).
#[must_use]
pub fn agenda_from(session: &Session, order: AgendaOrder, mut usual: Vec<usize>) -> Vec<usize> {
    if order == AgendaOrder::Questions {
        // A stable sort keeps the usual order among managers with as many questions.
        usual.sort_by_key(|&i| std::cmp::Reverse(session.managers.get(i).map_or(0, |m| m.questions().count())));
    }
    usual
}

/// One question on the agenda: who asked, what, whether answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The asking director (executive id).
    pub by: String,
    /// The asking director's name (the id when unknown).
    pub by_name: String,
    /// The question.
    pub text: String,
    /// Marked *besvaret* in the meeting.
    pub answered: bool,
}

/// The questions on manager `i`, in the order they were recorded.
#[must_use]
pub fn questions(session: &Session, i: usize) -> Vec<Question> {
    let Some(m) = session.managers.get(i) else { return Vec::new() };
    m.questions()
        .map(|v| Question {
            by: v.by.clone(),
            by_name: session.executive(&v.by).map_or_else(|| v.by.clone(), |e| e.name.clone()),
            text: v.text.clone(),
            answered: v.answered,
        })
        .collect()
}

/// One row of the printed agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaRow {
    /// Place on the agenda, from 1.
    pub place: usize,
    /// Manager index.
    pub index: usize,
    /// Manager id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Level name (the id when unknown).
    pub level: String,
    /// The superior's name (the id when unknown).
    pub director: String,
    /// The director's proposed amount, if any.
    pub proposal: Option<Decimal>,
    /// The amount now.
    pub amount: Decimal,
    /// The questions.
    pub questions: Vec<Question>,
}

/// The agenda's rows in `order`.
#[must_use]
pub fn agenda_rows(session: &Session, eval: &Evaluation, order: AgendaOrder) -> Vec<AgendaRow> {
    agenda(session, order)
        .into_iter()
        .enumerate()
        .map(|(k, i)| {
            let m = &session.managers[i];
            AgendaRow {
                place: k + 1,
                index: i,
                id: m.id.clone(),
                name: m.name.clone(),
                level: session.level(&m.level).map_or_else(|| m.level.clone(), |l| l.name.clone()),
                director: session.executive(&m.superior).map_or_else(|| m.superior.clone(), |e| e.name.clone()),
                proposal: proposed_amount(session, m),
                amount: eval.amounts.get(i).map_or(Decimal::ZERO, |a| a.amount),
                questions: questions(session, i),
            }
        })
        .collect()
}
