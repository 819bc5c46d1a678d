//! Domain types with no I/O: the unit, periods, procedures, case statistics, staffing, plans, ISO 9001, deadlines and findings.

mod deadlines;
mod finding;
mod iso;
mod packages;
mod period;
mod plans;
mod procedure;
mod staffing;
mod stats;
mod unit;

pub use deadlines::{DeadlineItem, DeadlineKind};
pub use finding::{Finding, FindingCode, Place, Severity};
pub use iso::{
    ActionInput, ActionSource, ActionStatus, Announcement, AnnouncementInput, AnnouncementKind, Audit, AuditInput,
    IsoAction, IsoReport, IsoStatus, IsoVersion, LegalChange, LegalChangeInput, Nonconformity, NonconformityInput,
    Review, ReviewInput, dates_in_order,
};
pub use packages::{ExpectedUnit, ReceivedReport, ReceivedStatus, ReceivedSummary, SentPackage};
pub use period::{PeriodKey, PeriodKind, PeriodWindow};
pub use plans::{AreaProgress, Plan, PlanInput, PlanKind, PlanProgress, ReformArea, Task, TaskInput, TaskStatus};
pub use procedure::{
    Decision, OnlineLevel, Procedure, ProcedureCode, ProcedureInput, ProcedureQuery, ProcedureStatus, ProcessingTime,
    Retirement, TimeUnit,
};
pub use staffing::{
    CategoryStaffing, Headcount, Person, PersonInput, Quota, StaffCategory, StaffingSummary, StandardDue,
};
pub use stats::{CaseFigures, StatsRow, StatsTable, check_row, on_time_rate, online_rate};
pub use unit::{SignAuthority, Signer, UnitKind, UnitProfile};
