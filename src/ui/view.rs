//! View state: what is selected, filtered, sorted and shown; nothing of it is in the file.

use std::path::PathBuf;

use crate::engine::allocate::AllocationProposal;
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
}

/// A proposal from fit-to-pool or spread, waiting for the group's decision.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingProposal {
    /// "Tilpas til puljen" or "Spred ×1,2".
    pub title: String,
    /// The engine's proposal.
    pub proposal: AllocationProposal,
}

/// The question "Mente du 80.000 kr.?" after an amount that probably meant thousands.
#[derive(Debug, Clone, PartialEq)]
pub struct AmountQuestion {
    /// Manager index.
    pub manager: usize,
    /// The name as shown (initials in presentation mode when chosen).
    pub name: String,
    /// The amount as typed.
    pub typed: rust_decimal::Decimal,
    /// The amount in thousands the user probably meant.
    pub thousands: rust_decimal::Decimal,
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
    /// The table amount cell being edited: manager and text as typed.
    pub table_edit: Option<(usize, String)>,
    /// The quit confirmation is open.
    pub confirm_quit: bool,
    /// The user chose to quit without saving; let the window close.
    pub quit_confirmed: bool,
    /// The file is open read-only (another instance holds its lock).
    pub read_only: bool,
    /// Another instance holds the file's lock; the user has not chosen yet.
    pub lock_holder: Option<crate::io::lock::LockInfo>,
    /// Recently opened files, newest first.
    pub recent: Vec<PathBuf>,
    /// Scroll the table to the selection on the next frame.
    pub scroll_to_selected: bool,
    /// A finding being accepted in the focus card: manager, rule and the reason typed so far.
    pub accept_draft: Option<(usize, crate::engine::RuleId, String)>,
    /// An export of the allocation or the letters waiting for the user's choice to write
    /// it as a draft (the meeting is not final).
    pub pending_export: Option<super::export::PendingExport>,
    /// A typed amount that probably meant thousands, waiting for the user's answer.
    pub amount_question: Option<AmountQuestion>,
    /// The attached reference files as loaded (again when the session's list changes).
    pub references: super::reference_ui::LoadedReferences,
    /// Whether the reference level-mapping window is open.
    pub reference_mapping: bool,
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
            table_edit: None,
            confirm_quit: false,
            quit_confirmed: false,
            read_only: false,
            lock_holder: None,
            recent: Vec::new(),
            scroll_to_selected: false,
            accept_draft: None,
            pending_export: None,
            amount_question: None,
            references: super::reference_ui::LoadedReferences::default(),
            reference_mapping: false,
        }
    }

    /// The name to show for a manager: initials in presentation mode when chosen.
    #[must_use]
    pub fn display_name(&self, m: &Manager) -> String {
        if self.presentation && self.initials { m.initials() } else { m.name.clone() }
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
