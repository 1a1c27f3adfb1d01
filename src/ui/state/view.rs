//! View state: what is selected, filtered, sorted and shown; nothing of it is in the file.

use rust_decimal::Decimal;

use crate::engine::Evaluation;
use crate::engine::allocate::AllocationProposal;
use crate::engine::proposal_summary::{self, LevelChange};
use crate::model::{Manager, MeetingStatus, Session};

/// A table column that can be sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortColumn {
    /// Agenda order: level (highest first), then unit, then name.
    Agenda,
    /// Name.
    Name,
    /// Unit.
    Unit,
    /// Formula amount.
    Formula,
    /// Discretionary adjustment.
    Adjustment,
    /// Final amount.
    Amount,
    /// The director's proposed amount.
    Proposal,
    /// Amount − proposed amount.
    ProposalDelta,
    /// Last year's amount.
    LastYear,
    /// Change vs last year.
    Change,
    /// Position in band.
    BandPosition,
    /// Meeting status.
    Status,
    /// Number of findings.
    Findings,
    /// Number of questions from the other directors.
    Questions,
}

/// Filters of the managers table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Free text matched against name, id and unit (case-insensitive).
    pub text: String,
    /// Only this unit.
    pub unit: Option<String>,
    /// Only this superior (executive id).
    pub superior: Option<String>,
    /// Only this status.
    pub status: Option<MeetingStatus>,
    /// Only this level's amounts in this range (a density strip's bin, clicked in the lanes).
    pub amount: Option<AmountRange>,
}

/// A range of amounts of one level: the bin of a density strip the user clicked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AmountRange {
    /// Index into `session.levels`.
    pub level: usize,
    /// Lowest amount, inclusive.
    pub min: Decimal,
    /// Highest amount, inclusive.
    pub max: Decimal,
    /// How many managers the bin held when clicked (shown with the filter).
    pub count: u32,
}

impl Filter {
    /// Whether the manager passes the filter.
    #[must_use]
    pub fn matches(&self, m: &Manager) -> bool {
        if self.unit.as_ref().is_some_and(|u| *u != m.unit)
            || self.superior.as_ref().is_some_and(|s| *s != m.superior)
            || self.status.is_some_and(|s| s != m.status)
        {
            return false;
        }
        let needle = self.text.trim().to_lowercase();
        needle.is_empty()
            || m.name.to_lowercase().contains(&needle)
            || m.id.to_lowercase().contains(&needle)
            || m.unit.to_lowercase().contains(&needle)
    }

    /// Whether a manager of `level` with `amount` passes the amount filter.
    #[must_use]
    pub fn matches_amount(&self, level: Option<usize>, amount: Decimal) -> bool {
        self.amount.is_none_or(|r| level == Some(r.level) && (r.min..=r.max).contains(&amount))
    }
}

/// A proposal from fit-to-pool or spread, waiting for the group's decision.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingProposal {
    /// "Tilpas til puljen" or "Spred ×1,2".
    pub title: String,
    /// The engine's proposal.
    pub proposal: AllocationProposal,
    /// Per level: how many up and down, the sum before and after (highest level first).
    pub levels: Vec<LevelChange>,
    /// Positions in `proposal.changes`, largest change first.
    pub by_size: Vec<usize>,
    /// Tells this proposal from earlier ones (the lanes cache its preview by it).
    pub serial: u64,
    /// What the window offers: the choices, the chosen one, the amounts set in the meeting.
    pub offer: crate::ui::state::offer::Offer,
}

impl PendingProposal {
    /// A proposal with its per-level summary and its changes ordered by size, computed
    /// once here rather than on every frame.
    #[must_use]
    pub fn new(offer: crate::ui::state::offer::Offer, session: &Session, eval: &Evaluation, serial: u64) -> Self {
        let (title, proposal) = (offer.title(), offer.proposal());
        let levels = proposal_summary::per_level(session, eval, &proposal);
        let by_size = proposal_summary::by_size(eval, &proposal);
        Self { title, proposal, levels, by_size, serial, offer }
    }
}

/// The question "Mente du 80.000 kr.?" after an amount that probably meant thousands.
#[derive(Debug, Clone, PartialEq)]
pub struct AmountQuestion {
    /// Manager index.
    pub manager: usize,
    /// The name as shown (initials in presentation mode when chosen).
    pub name: String,
    /// The amount as typed.
    pub typed: Decimal,
    /// The amount in thousands the user probably meant.
    pub thousands: Decimal,
}

/// A message shown in the top bar until replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Danish text.
    pub text: String,
    /// Whether it reports an error.
    pub is_error: bool,
}

/// Everything about what is shown, apart from the document.
#[derive(Debug, Clone)]
pub struct ViewState {
    /// The selected manager (index into `session.managers`).
    pub selected: Option<usize>,
    /// Presentation mode: larger, high contrast, salaries hidden.
    pub presentation: bool,
    /// Show initials instead of names (only in presentation mode).
    pub initials: bool,
    /// In presentation mode the lower half shows the table and the focus card (key T) rather
    /// than the spread and the findings, which fill it by default.
    pub presentation_table: bool,
    /// Who enters the changes (executive id).
    pub user: String,
    /// Table filters.
    pub filter: Filter,
    /// Table sort column and direction.
    pub sort: (SortColumn, bool),
    /// A proposal waiting for acceptance.
    pub pending: Option<PendingProposal>,
    /// The last notice.
    pub notice: Option<Notice>,
    /// The amount field of the focus card (text as typed) and the manager it belongs to.
    pub amount_input: (Option<usize>, String),
    /// The proposed-amount field of the focus card (text as typed) and its manager.
    pub proposal_input: (Option<usize>, String),
    /// The managers compared side by side (*Sammenlign*), at most four, in the order chosen.
    pub compare: Vec<usize>,
    /// The lanes show the managers per proposing director (*Pr. direktør*, key R).
    pub by_director: bool,
    /// The table amount cell being edited: manager and text as typed.
    pub table_edit: Option<(usize, String)>,
    /// The user chose to quit without saving; let the window close.
    pub quit_confirmed: bool,
    /// Scroll the table to the selection on the next frame.
    pub scroll_to_selected: bool,
    /// A finding being accepted in the focus card: manager, rule and the reason typed so far.
    pub accept_draft: Option<(usize, crate::engine::RuleId, String)>,
    /// The level (index into `session.levels`) the lanes are zoomed to, with its own axis.
    pub zoom: Option<usize>,
    /// Proposals made so far (the next proposal's serial).
    pub proposals_made: u64,
    /// The attached reference files as loaded (again when the session's list changes).
    pub references: crate::ui::state::references::LoadedReferences,
    /// The agenda's order: by level or *spørgsmål først* (the N/P keys and the place
    /// "3 af 28" follow it).
    pub agenda_order: crate::engine::agenda::AgendaOrder,
    /// *Forbered for …* includes the other directors' managers (for views); the shell keeps
    /// it in the settings and shows it here.
    pub prep_others: bool,
}

impl ViewState {
    /// The initial view of a session: first executive as user, nothing selected.
    #[must_use]
    pub fn new(session: &Session) -> Self {
        Self {
            selected: None,
            presentation: false,
            initials: false,
            user: session
                .prep
                .as_ref()
                .map(|p| p.executive.clone())
                .or_else(|| session.executives.first().map(|e| e.id.clone()))
                .unwrap_or_default(),
            filter: Filter::default(),
            sort: (SortColumn::Agenda, true),
            pending: None,
            notice: None,
            amount_input: (None, String::new()),
            proposal_input: (None, String::new()),
            by_director: false,
            compare: Vec::new(),
            table_edit: None,
            quit_confirmed: false,
            scroll_to_selected: false,
            presentation_table: false,
            accept_draft: None,
            zoom: None,
            proposals_made: 0,
            references: crate::ui::state::references::LoadedReferences::default(),
            agenda_order: crate::engine::agenda::AgendaOrder::Level,
            prep_others: false,
        }
    }

    /// The name to show for a manager: initials in presentation mode when chosen.
    #[must_use]
    pub fn display_name(&self, m: &Manager) -> String {
        if self.presentation && self.initials { m.initials() } else { m.name.clone() }
    }

    /// A manager's name as given (in a dialog, a list of changes): initials in presentation
    /// mode when chosen, like [`Self::display_name`].
    #[must_use]
    pub fn display_name_of(&self, name: &str) -> String {
        if self.presentation && self.initials { crate::model::manager::initials_of(name) } else { name.to_string() }
    }

    /// Whether salaries (base salary, total pay, % of base) may be shown.
    #[must_use]
    pub fn show_salaries(&self) -> bool {
        !self.presentation
    }

    /// Sets a notice.
    pub fn notify(&mut self, text: impl Into<String>, is_error: bool) {
        self.notice = Some(Notice { text: text.into(), is_error });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_amount_filter_keeps_its_level_and_range_inclusive() {
        let kr = Decimal::from;
        let filter = Filter {
            amount: Some(AmountRange { level: 2, min: kr(40_000), max: kr(41_000), count: 3 }),
            ..Filter::default()
        };
        assert!(filter.matches_amount(Some(2), kr(40_000)));
        assert!(filter.matches_amount(Some(2), kr(41_000)));
        assert!(!filter.matches_amount(Some(2), kr(41_001)));
        assert!(!filter.matches_amount(Some(2), kr(39_999)));
        assert!(!filter.matches_amount(Some(1), kr(40_500)), "another level");
        assert!(!filter.matches_amount(None, kr(40_500)), "no level");
        assert!(Filter::default().matches_amount(None, kr(1)), "no filter lets everyone through");
    }
}
