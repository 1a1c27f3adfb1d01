//! The panels of the meeting screen, one file each: each draws from the data and the view
//! and returns commands.

pub mod compare_ui;
pub mod directors_ledger_ui;
pub mod directors_ui;
pub mod findings;
pub mod focus;
pub mod focus_assess;
pub mod focus_contract;
pub mod focus_goals;
pub mod focus_ids;
pub mod focus_proposal;
pub mod focus_shared;
pub mod focus_views;
pub mod inhabil;
pub mod lanes;
pub mod now;
pub mod proposal;
pub mod proposal_offer;
pub mod spread;
pub mod spread_reference;
pub mod table;
pub mod table_filter;
pub mod table_questions;
pub mod table_rows;
pub mod table_stripes;
pub mod topbar;
pub mod topbar_gauge;
pub mod topbar_menu;
pub mod topbar_parts;
pub mod topbar_proposals;
