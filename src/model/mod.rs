//! Domain types with no I/O: the unit, periods, procedures, case statistics, staffing, plans, ISO 9001, deadlines,
//! criteria sets and the self-assessment, reports, and findings.

mod assessment;
mod catalogs;
mod criteria;
mod criteria_json;
mod deadlines;
mod finding;
mod iso;
mod packages;
mod period;
mod plans;
mod points;
mod procedure;
mod report;
mod rule;
mod staffing;
mod stats;
mod sync;
mod unit;

pub use assessment::{
    Assessment, Column, ComparedLeaf, Comparison, EVIDENCE_KINDS, Evidence, EvidenceInput, NodeTotals, ScoreEntry,
    Stage, StoredFile, Suggestion, Totals, compare, node_totals, self_findings, totals,
};
pub use catalogs::{CatalogEntry, CatalogInput, CatalogKind, code_from_name};
pub use criteria::{
    CRITERIA_FORMAT, ClassBand, CriteriaSet, DayOfYear, LeafRef, MeasureKind, Metric, Node, SCOPE_ALLOWED, SetDecision,
    node_place,
};
pub use deadlines::{DeadlineItem, DeadlineKind};
pub use finding::{Finding, FindingCode, Place, Saved, Severity, date_in_future};
pub use iso::{
    ActionInput, ActionSource, ActionStatus, Announcement, AnnouncementInput, AnnouncementKind, Audit, AuditInput,
    IsoAction, IsoReport, IsoStatus, IsoVersion, LegalChange, LegalChangeInput, Nonconformity, NonconformityInput,
    Review, ReviewInput, dates_in_order,
};
pub use packages::{
    BACKUP_EXTENSION, ExpectedUnit, LEGACY_EXTENSION, REGISTER_EXTENSION, REPORT_FILE_EXTENSION, ReceivedReport,
    ReceivedStatus, ReceivedSummary, SentPackage, has_extension,
};
pub use period::{BadPeriod, PeriodKey, PeriodKind, PeriodWindow};
pub use plans::{AreaProgress, Plan, PlanInput, PlanKind, PlanProgress, ReformArea, Task, TaskInput, TaskStatus};
pub use points::{Percent, Points};
pub use procedure::{
    Decision, OnlineLevel, Procedure, ProcedureCode, ProcedureInput, ProcedureQuery, ProcedureStatus, ProcessingTime,
    Retirement, TimeUnit,
};
pub use report::{
    ASSESSMENT_SECTIONS, IssuedCopy, OutgoingDocument, OutgoingInput, PERIODIC_SECTIONS, ReportKind, ReportSection,
    number_text,
};
pub use rule::{
    CountBand, Measure, NORMALISATION_NAMES_ALLOWED, Normalisation, Outcome, PART_NAMES_ALLOWED, Part, PercentBand,
    RULE_NAMES_ALLOWED, Rule, normalisation_named, part_named, rule_type_named,
};
pub use staffing::{
    CategoryStaffing, Headcount, Person, PersonInput, Quota, StaffCategory, StaffingSummary, StandardDue,
};
pub use stats::{CaseFigures, StatsRow, StatsTable, check_row, on_time_rate, online_rate};
pub use sync::{
    ChangeAction, ChangeOrigin, Choice, Conflict, ConflictKind, FieldChange, Fields, MergeChoices, Op, RecordChange,
    Resolution, WorkCopyInfo, diff as diff_records, resolve as resolve_change,
};
pub use unit::{SignAuthority, Signer, UnitKind, UnitProfile};
