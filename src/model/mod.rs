//! The session document: plain data with serde, no egui, no I/O.

pub mod bounds;
pub mod collate;
pub mod contract;
pub mod contract_input;
pub mod level;
pub mod log;
pub mod log_contract;
pub mod log_text;
pub mod manager;
pub mod money;
pub mod pay_grade;
pub mod proposal;
pub mod reference;
pub mod session;
pub mod time;
pub mod view;
pub mod words;

pub use contract::{ContractPeriod, PoolPart, SavingsPool};
pub use level::{AmountModel, Band, BoxModel, Criterion, Level, LevelRole, Scale, ScaleStep};
pub use log::ChangeEntry;
pub use manager::{
    AcceptedFinding, Adjustment, EmploymentBasis, Goal, GoalScope, Manager, MeetingStatus, PayForm, Proposal,
};
pub use reference::ReferenceLink;
pub use session::{CURRENT_VERSION, Executive, Organisation, Policies, PrepInfo, Sector, Session};
pub use view::{Stance, View};
