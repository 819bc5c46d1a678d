//! The window's TypeScript types, generated from the serde types the desktop commands send and receive (feature
//! `ts`, built only by the tests): `ui/src/api/generated.ts` is this module's output, and the tidy test fails when
//! the committed file differs from it.

use crate::api::{
    AssessmentView, ChangeEntry, ChangeLogFacets, ChangeLogQuery, ChangesSent, ChartFigure, ChartRequest,
    CriteriaImport, ExportReport, ImportReport, MergePreview, MergeReport, PackageImportReport, RestorePreview,
    RestoreReport, Rollup, SheetColumn, SheetKind, WorkCopyTaken,
};
use crate::backups::BackupInfo;
use crate::error::ErrorCode;
use crate::layout::Page;
use crate::model::{
    Announcement, AnnouncementInput, Assessment, Audit, AuditInput, CaseFigures, CatalogEntry, CatalogInput,
    Comparison, DeadlineItem, Evidence, EvidenceInput, ExpectedUnit, Finding, Headcount, IsoAction, IsoReport,
    IsoStatus, IsoVersion, LegalChange, LegalChangeInput, Nonconformity, NonconformityInput, OutgoingDocument,
    PeriodKind, PeriodWindow, Person, PersonInput, Plan, PlanInput, PlanProgress, Procedure, ProcedureInput,
    ProcedureQuery, Quota, ReceivedReport, ReceivedSummary, ReformArea, ReportKind, ReportSection, Review, ReviewInput,
    ScoreEntry, SentPackage, StaffCategory, StaffingSummary, StatsRow, StatsTable, Suggestion, Task, TaskInput,
    UnitProfile,
};
use crate::model::{MergeChoices, RecordChange, WorkCopyInfo};
use crate::package::EntryRecord;
use crate::partial::Leftovers;
use std::any::TypeId;
use std::collections::BTreeMap;
use ts_rs::{Config, TS, TypeVisitor};

/// Where the generated file lives, relative to the workspace root.
pub const GENERATED_PATH: &str = "ui/src/api/generated.ts";

/// The text of `ui/src/api/generated.ts`: every type the commands exchange and every type those name, one
/// `export type` each, sorted by name so that the file changes only where a type does.
pub fn generated() -> String {
    let mut types = Types { cfg: Config::new().with_large_int("number"), seen: BTreeMap::new() };
    // The roots: what the commands take and return. Whatever these name is added by `Types::visit`.
    roots(&mut types);
    let mut out = String::from(
        "// Generated from the core's Rust types by src/typescript.rs: do not edit. Refresh with\n\
         // `UPDATE_TYPES=1 cargo test --locked -p cchc-cli --test it tidy::generated_types_are_fresh`.\n",
    );
    for (_, (_, decl)) in types.seen {
        out.push('\n');
        out.push_str(&decl);
        out.push('\n');
    }
    out
}

fn roots(v: &mut Types) {
    macro_rules! visit {
        ($($t:ty),* $(,)?) => { $( v.visit::<$t>(); )* };
    }
    visit!(
        // Errors and findings.
        ChangeEntry,
        ChangeLogFacets,
        ChangeLogQuery,
        ChartFigure,
        ChartRequest,
        ErrorCode,
        Finding,
        // The unit, periods and procedures.
        UnitProfile,
        PeriodKind,
        PeriodWindow,
        Procedure,
        ProcedureInput,
        ProcedureQuery,
        ImportReport,
        SheetKind,
        SheetColumn,
        // Statistics, deadlines and reports.
        CaseFigures,
        StatsRow,
        StatsTable,
        DeadlineItem,
        ReportKind,
        ReportSection,
        Page,
        OutgoingDocument,
        // Backups.
        BackupInfo,
        Leftovers,
        RestorePreview,
        RestoreReport,
        // Staffing.
        StaffCategory,
        StaffingSummary,
        Quota,
        Headcount,
        Person,
        PersonInput,
        // The lists kept as data.
        CatalogEntry,
        CatalogInput,
        // Plans and tasks.
        ReformArea,
        Plan,
        PlanInput,
        Task,
        TaskInput,
        PlanProgress,
        // ISO 9001.
        IsoStatus,
        IsoVersion,
        Announcement,
        AnnouncementInput,
        Audit,
        AuditInput,
        Nonconformity,
        NonconformityInput,
        Review,
        ReviewInput,
        IsoAction,
        LegalChange,
        LegalChangeInput,
        IsoReport,
        // Work copies and their changes.
        WorkCopyInfo,
        WorkCopyTaken,
        RecordChange,
        ChangesSent,
        MergePreview,
        MergeChoices,
        MergeReport,
        // Report files for the superior level.
        ExportReport,
        SentPackage,
        ExpectedUnit,
        PackageImportReport,
        ReceivedSummary,
        ReceivedReport,
        EntryRecord,
        Rollup,
        // Criteria sets and the self-assessment.
        CriteriaImport,
        Assessment,
        AssessmentView,
        ScoreEntry,
        Suggestion,
        Comparison,
        Evidence,
        EvidenceInput,
    );
}

/// Collects each declared type once, with the types it names.
struct Types {
    cfg: Config,
    /// TypeScript name → (the Rust type, its declaration).
    seen: BTreeMap<String, (TypeId, String)>,
}

impl TypeVisitor for Types {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        // Primitives, containers and the like have no declaration of their own: look through them.
        if T::output_path().is_none() {
            T::visit_generics(self);
            return;
        }
        let name = T::ident(&self.cfg);
        if let Some((id, _)) = self.seen.get(&name) {
            assert_eq!(
                *id,
                TypeId::of::<T>(),
                "two Rust types are both `{name}` in TypeScript: rename one with ts(rename)"
            );
            return;
        }
        let docs = T::docs().unwrap_or_default();
        let decl = format!("{docs}export {}", T::decl(&self.cfg));
        self.seen.insert(name, (TypeId::of::<T>(), decl));
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}
