//! The panels of the meeting screen, one file each: each draws from the data and the view
//! and returns commands.

pub mod compare_ui;
pub mod directors_ui;
pub mod findings;
pub mod focus;
pub mod focus_assess;
pub mod focus_ids;
pub mod focus_proposal;
pub mod lanes;
pub mod now;
pub mod proposal;
pub mod spread;
pub mod spread_reference;
pub mod table;
pub mod table_filter;
pub mod table_stripes;
pub mod topbar;
