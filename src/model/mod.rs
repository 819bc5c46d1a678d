//! Domain types with no I/O: the unit, periods, procedures, case statistics and findings.

mod finding;
mod period;
mod procedure;
mod stats;
mod unit;

pub use finding::{Finding, FindingCode, Place, Severity};
pub use period::{PeriodKey, PeriodKind, PeriodWindow};
pub use procedure::{
    Decision, OnlineLevel, Procedure, ProcedureCode, ProcedureInput, ProcedureQuery, ProcedureStatus, ProcessingTime,
    Retirement, TimeUnit,
};
pub use stats::{CaseFigures, StatsRow, StatsTable, check_row, on_time_rate, online_rate};
pub use unit::{SignAuthority, Signer, UnitKind, UnitProfile};
