//! Domain types with no I/O: the unit, periods, procedures, case statistics, staffing, plans, deadlines and findings.

mod deadlines;
mod finding;
mod period;
mod plans;
mod procedure;
mod staffing;
mod stats;
mod unit;

pub use deadlines::{DeadlineItem, DeadlineKind};
pub use finding::{Finding, FindingCode, Place, Severity};
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
