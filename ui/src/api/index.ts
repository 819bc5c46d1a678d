// The only door to the desktop shell: one typed function per command of docs/desktop-commands.md, the `progress`
// event, and the save dialog. Every failure rejects with a `CommandError` whose code the UI switches on.

import { invoke, type InvokeArgs, type InvokeOptions } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { open, save } from "@tauri-apps/plugin-dialog";
import {
  ERROR_CODES,
  type Announcement,
  type AnnouncementInput,
  type Audit,
  type AuditInput,
  type BackupInfo,
  type ChangesSent,
  type MergeChoices,
  type MergePreview,
  type MergeReport,
  type RecordChange,
  type WorkCopyTaken,
  type BackupsCheck,
  type CatalogEntry,
  type CatalogInput,
  type CatalogKind,
  type ChangeEntry,
  type ChangeLogFacets,
  type ChangeLogQuery,
  type ChartFigure,
  type ChartRequest,
  type OutgoingDocument,
  type ReportKind,
  type ReportPage,
  type ReportSection,
  type RestorePreview,
  type RestoreReport,
  type DeadlineItem,
  type Headcount,
  type IsoAction,
  type IsoReport,
  type IsoStatus,
  type IsoVersion,
  type LegalChange,
  type LegalChangeInput,
  type Nonconformity,
  type NonconformityInput,
  type Person,
  type PersonInput,
  type Plan,
  type Saved,
  type PlanInput,
  type PlanProgress,
  type Quota,
  type ReformArea,
  type Review,
  type ReviewInput,
  type StaffCategory,
  type StaffingSummary,
  type Task,
  type TaskInput,
  type CommandErrorShape,
  type ErrorCode,
  type Finding,
  type ImportReport,
  type PeriodKey,
  type PeriodWindow,
  type Procedure,
  type ProcedureInput,
  type ProcedureQuery,
  type ProgressEvent,
  type Session,
  type SheetColumn,
  type SheetKind,
  type StatsRow,
  type StatsTable,
  type UnitProfile,
  type ExpectedUnit,
  type ExportPackageReport,
  type PackageEntry,
  type PackageImportReport,
  type ReceivedReport,
  type ReceivedSummary,
  type Rollup,
  type SentPackage,
} from "./types";
import type {
  Assessment,
  AssessmentView,
  Comparison,
  CriteriaImport,
  CriteriaSummary,
  Evidence,
  EvidenceInput,
  ScoreEntry,
  Suggestion,
} from "./types";

export type * from "./types";

/** A failed command: the shell's `{code, message, findings}`, or `UNEXPECTED` for anything else. */
export class CommandError extends Error implements CommandErrorShape {
  readonly code: ErrorCode;
  readonly findings: Finding[];

  constructor(shape: CommandErrorShape) {
    super(shape.message);
    this.name = "CommandError";
    this.code = shape.code;
    this.findings = shape.findings;
  }

  /** Wraps whatever a rejected `invoke` gave: the contract's object, or a string/exception from the bridge. */
  static from(reason: unknown): CommandError {
    if (reason instanceof CommandError) return reason;
    if (isShape(reason)) {
      return new CommandError({
        code: reason.code,
        message: typeof reason.message === "string" ? reason.message : "",
        findings: Array.isArray(reason.findings) ? reason.findings : [],
      });
    }
    const message = reason instanceof Error ? reason.message : String(reason);
    return new CommandError({ code: "UNEXPECTED", message, findings: [] });
  }
}

function isShape(value: unknown): value is CommandErrorShape {
  if (typeof value !== "object" || value === null) return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && (ERROR_CODES as readonly string[]).includes(code);
}

// ---- Calls in flight (the header shows an indicator while any is pending) ----

type PendingListener = (pending: number) => void;
const pendingListeners = new Set<PendingListener>();
let pending = 0;

/** Calls `listener` with the number of commands in flight whenever it changes; returns the unsubscribe. */
export function onPending(listener: PendingListener): () => void {
  pendingListeners.add(listener);
  listener(pending);
  return () => pendingListeners.delete(listener);
}

function setPending(n: number) {
  pending = n;
  for (const listener of pendingListeners) listener(n);
  // Said on the page too, for the tests and the screen timings (`data-pending` on <html>).
  if (typeof document !== "undefined") document.documentElement.dataset.pending = String(n);
}

/**
 * Where the time of a screen goes: when a measuring script (e2e/measure-screens.mjs) sets `__cchcCalls` on the
 * window to an array, each command pushes its name and its start and end (`performance.now()`) to it.
 */
type CallTrace = [command: string, start: number, end: number][];

async function call<T>(command: string, args?: InvokeArgs, options?: InvokeOptions): Promise<T> {
  setPending(pending + 1);
  const start = performance.now();
  try {
    return await invoke<T>(command, args, options);
  } catch (reason) {
    throw CommandError.from(reason);
  } finally {
    (globalThis as { __cchcCalls?: CallTrace }).__cchcCalls?.push([command, start, performance.now()]);
    setPending(pending - 1);
  }
}

/**
 * Sends a picked file's content as the request's raw body (Tauri's binary IPC; as JSON a 20 MiB file would be some
 * 80 MB of numbers), with the command's other arguments as percent-encoded JSON in one header (header values are
 * ASCII; file names are Vietnamese). `src-tauri/src/upload.rs` is the other end.
 */
function upload<T>(command: string, bytes: Uint8Array, args: Record<string, unknown>): Promise<T> {
  return call<T>(command, bytes, { headers: { "cchc-args": encodeURIComponent(JSON.stringify(args)) } });
}

// ---- Session and unit ----

export const sessionStatus = () => call<Session>("session_status");
export const createRegister = (profile: UnitProfile) => call<Session>("create_register", { profile });
export const openLive = () => call<Session>("open_live");
export const openDemo = () => call<Session>("open_demo");
/** Restores the unit's register that could not be opened from the verified copy at `path`. */
export const recoverLive = (path: string) => call<Session>("recover_live", { path });
export const unitGet = () => call<UnitProfile>("unit_get");
export const unitSet = (profile: UnitProfile) => call<UnitProfile>("unit_set", { profile });

// ---- Periods ----

export const periodCurrent = () => call<PeriodWindow>("period_current");
export const periodGet = (period: PeriodKey) => call<PeriodWindow>("period_get", { period });
/** A period's window and report deadline for this unit; dates "YYYY-MM-DD". */
export const periodSet = (period: PeriodKey, start: string, end: string, deadline: string) =>
  call<PeriodWindow>("period_set", { period, start, end, deadline });
export const changeLog = (query: ChangeLogQuery) => call<ChangeEntry[]>("change_log", { query });
export const changeLogFacets = () => call<ChangeLogFacets>("change_log_facets");
/** A list kept as data (staff categories or reform areas) in its order, each entry with its uses. */
export const catalogList = (kind: CatalogKind) => call<CatalogEntry[]>("catalog_list", { kind });
/** Adds an entry (code null) or renames one; a staff category's last day "YYYY-MM-DD" or null. */
export const catalogSave = (input: CatalogInput) => call<CatalogEntry>("catalog_save", { input });
export const catalogRemove = (kind: CatalogKind, code: string) => call<void>("catalog_remove", { kind, code });
/** Who the change log names for the edits from now on. */
export const actorGet = () => call<string>("actor_get");
export const actorSet = (name: string) => call<string>("actor_set", { name });

// ---- Procedures ----

export const fieldsList = () => call<string[]>("fields_list");
// ---- Sheets: the columns an import expects, and the empty template ----

export const sheetColumns = (kind: SheetKind) => call<SheetColumn[]>("sheet_columns", { kind });
export const templateSave = (kind: SheetKind, path: string) => call<null>("template_save", { kind, path });

export const proceduresList = (query: ProcedureQuery) => call<Procedure[]>("procedures_list", { query });
export const procedureGet = (code: string) => call<Procedure>("procedure_get", { code });
export const procedureAdd = (input: ProcedureInput) => call<Procedure>("procedure_add", { input });
export const procedureEdit = (code: string, input: ProcedureInput) =>
  call<Procedure>("procedure_edit", { code, input });
/** `on` is YYYY-MM-DD; `replacedBy` null means abolished. */
export const procedureRetire = (code: string, replacedBy: string | null, on: string) =>
  call<Procedure>("procedure_retire", { code, replacedBy, on });
export const procedureDelete = (code: string) => call<null>("procedure_delete", { code });
export const proceduresImport = (name: string, bytes: Uint8Array, dryRun: boolean) =>
  upload<ImportReport>("procedures_import", bytes, { name, dryRun });
export const proceduresExport = (path: string) => call<number>("procedures_export", { path });

// ---- Statistics (Biểu 06) ----

export const statsGet = (period: PeriodKey) => call<StatsTable>("stats_get", { period });
/** The periods that have statistics, oldest first. */
export const statsPeriods = () => call<PeriodKey[]>("stats_periods");
export const statsSet = (row: StatsRow) => call<Finding[]>("stats_set", { row });
export const statsImport = (name: string, bytes: Uint8Array, dryRun: boolean) =>
  upload<ImportReport>("stats_import", bytes, { name, dryRun });
export const statsExport = (path: string, period: PeriodKey | null) =>
  call<number>("stats_export", { path, period });
/** The period's statistics problems (or all periods') together with those of staffing, plans and ISO. */
export const check = (period: PeriodKey | null) => call<Finding[]>("check", { period });
/** `today` is YYYY-MM-DD. */
export const deadlines = (today: string) => call<DeadlineItem[]>("deadlines", { today });

// ---- Official reports ----

export const reportSections = (kind: ReportKind, period: PeriodKey) =>
  call<ReportSection[]>("report_sections", { kind, period });
/** `text` null brings the draft back. */
export const reportSectionSet = (kind: ReportKind, period: PeriodKey, section: string, text: string | null) =>
  call<ReportSection>("report_section_set", { kind, period, section, text });
export const reportPages = (kind: ReportKind, period: PeriodKey) => call<ReportPage[]>("report_pages", { kind, period });
/** A screen's chart laid out `widthMm` wide by the reports' chart code; null when there is nothing to draw. */
export const chartFigure = (request: ChartRequest, widthMm: number) =>
  call<ChartFigure | null>("chart", { request, widthMm });
/** Opens a saved file with the system's program for it; `CANNOT_OPEN` when there is none. */
export const openFile = (path: string) => call<null>("open_file", { path });
/** Shows the folder holding a saved file. */
export const openFolder = (path: string) => call<null>("open_folder", { path });
/** Hands the report's PDF to the system's viewer to print; returns where the PDF is. */
export const reportPrint = (kind: ReportKind, period: PeriodKey) => call<string>("report_print", { kind, period });
export const reportSavePdf = (kind: ReportKind, period: PeriodKey, path: string) =>
  call<number>("report_save_pdf", { kind, period, path });
/** `date` YYYY-MM-DD or null for today; `number` null for the year's next. */
export const reportIssue = (kind: ReportKind, period: PeriodKey, date: string | null, number: number | null) =>
  call<OutgoingDocument>("report_issue", { kind, period, date, number });
export const outgoingDocuments = (year: number | null) => call<OutgoingDocument[]>("outgoing_documents", { year });

// ---- Work copies ----

/** A work copy of this (office) register for `person`, written to `path`, with the files of the evidence documents
 * `evidence` names by id (null: all). */
export const workCopyTake = (path: string, person: string, evidence: number[] | null) =>
  call<WorkCopyTaken>("work_copy_take", { path, person, evidence });
/** Opens a work copy file as this computer's register (it must have none yet). */
export const workCopyOpen = (path: string) => call<Session>("work_copy_open", { path });
export const workCopyPending = () => call<RecordChange[]>("work_copy_pending");
export const workCopySend = (path: string) => call<ChangesSent>("work_copy_send", { path });
/** The dry run of merging a changes file: every change and conflict, nothing written. */
export const mergePreview = (path: string) => call<MergePreview>("merge_preview", { path });
export const mergeApply = (path: string, choices: MergeChoices) => call<MergeReport>("merge_apply", { path, choices });

// ---- Backups ----

export const backupsList = () => call<BackupInfo[]>("backups_list");
export const backupNow = () => call<BackupInfo>("backup_now");
/** Per copy file: null when it verifies, else the error that makes it unusable; and the leftovers of interrupted copies. */
export const backupsVerify = () => call<BackupsCheck>("backups_verify");
export const backupTo = (dir: string) => call<BackupInfo>("backup_to", { dir });
export const restorePreview = (path: string) => call<RestorePreview>("restore_preview", { path });
export const restore = (path: string) => call<RestoreReport>("restore", { path });

// ---- Staffing ----

export const staffCategories = () => call<StaffCategory[]>("staff_categories");
export const staffingSummary = (date: string) => call<StaffingSummary>("staffing_summary", { date });
export const quotasList = (year: number | null) => call<Quota[]>("quotas_list", { year });
export const quotaSet = (quota: Quota) => call<Quota>("quota_set", { quota });
export const headcountsList = (year: number | null) => call<Headcount[]>("headcounts_list", { year });
export const headcountSet = (headcount: Headcount) => call<Headcount>("headcount_set", { headcount });
export const peopleList = () => call<Person[]>("people_list");
export const personAdd = (input: PersonInput) => call<Person>("person_add", { input });
export const personEdit = (id: number, input: PersonInput) => call<Person>("person_edit", { id, input });
export const peopleImport = (name: string, bytes: Uint8Array, dryRun: boolean) =>
  upload<ImportReport>("people_import", bytes, { name, dryRun });
export const peopleExport = (path: string) => call<number>("people_export", { path });
export const quotasImport = (name: string, bytes: Uint8Array, dryRun: boolean) =>
  upload<ImportReport>("quotas_import", bytes, { name, dryRun });
export const quotasExport = (path: string) => call<number>("quotas_export", { path });

// ---- Reform plans and tasks ----

export const reformAreas = () => call<ReformArea[]>("reform_areas");
export const plansList = (year: number | null) => call<Plan[]>("plans_list", { year });
export const planAdd = (input: PlanInput) => call<Saved<Plan>>("plan_add", { input });
export const planEdit = (year: number, number: string, input: PlanInput) =>
  call<Saved<Plan>>("plan_edit", { year, number, input });
export const tasksList = (year: number | null) => call<Task[]>("tasks_list", { year });
export const taskAdd = (input: TaskInput) => call<Task>("task_add", { input });
export const taskEdit = (id: number, input: TaskInput) => call<Task>("task_edit", { id, input });
export const planProgress = (date: string) => call<PlanProgress>("plan_progress", { date });
export const tasksImport = (name: string, bytes: Uint8Array, dryRun: boolean) =>
  upload<ImportReport>("tasks_import", bytes, { name, dryRun });
export const tasksExport = (path: string, year: number | null) => call<number>("tasks_export", { path, year });

// ---- ISO 9001 ----

export const isoStatus = (year: number, today: string) => call<IsoStatus>("iso_status", { year, today });
export const isoVersionSet = (version: IsoVersion) => call<IsoVersion>("iso_version_set", { version });
export const isoAnnouncements = () => call<Announcement[]>("iso_announcements");
export const isoAnnouncementAdd = (input: AnnouncementInput) =>
  call<Saved<Announcement>>("iso_announcement_add", { input });
export const isoAudits = () => call<Audit[]>("iso_audits");
export const isoAuditAdd = (input: AuditInput) => call<Saved<Audit>>("iso_audit_add", { input });
export const isoNonconformities = () => call<Nonconformity[]>("iso_nonconformities");
export const isoNonconformityAdd = (input: NonconformityInput) =>
  call<Nonconformity>("iso_nonconformity_add", { input });
export const isoReviews = () => call<Review[]>("iso_reviews");
export const isoReviewAdd = (input: ReviewInput) => call<Saved<Review>>("iso_review_add", { input });
export const isoActions = () => call<IsoAction[]>("iso_actions");
export const isoReviewActionAdd = (reviewId: number, content: string, owner: string, due: string | null) =>
  call<IsoAction>("iso_review_action_add", { reviewId, content, owner, due });
export const isoActionComplete = (id: number, doneOn: string, checked: string | null) =>
  call<IsoAction>("iso_action_complete", { id, doneOn, checked });
export const isoLegalChanges = () => call<LegalChange[]>("iso_legal_changes");
export const isoLegalChangeAdd = (input: LegalChangeInput) => call<LegalChange>("iso_legal_change_add", { input });
export const isoLegalChangeComplete = (id: number, doneOn: string) =>
  call<LegalChange>("iso_legal_change_complete", { id, doneOn });
export const isoReportSet = (report: IsoReport) => call<IsoReport>("iso_report_set", { report });

// ---- Report files for the superior level ----

/** Writes the period's report file to `path`; `approver` empty or null means the unit's signer. */
export const packageExport = (period: PeriodKey, path: string, approver: string | null) =>
  call<ExportPackageReport>("package_export", { period, path, approver });
export const packagesSent = () => call<SentPackage[]>("packages_sent");
export const expectedUnits = () => call<ExpectedUnit[]>("expected_units");
export const expectedUnitsImport = (name: string, bytes: Uint8Array, dryRun: boolean) =>
  upload<ImportReport>("expected_units_import", bytes, { name, dryRun });
export const expectedUnitsExport = (path: string) => call<number>("expected_units_export", { path });
/** `paths` are .cchc files or folders of them. */
export const packagesImport = (paths: string[], dryRun: boolean) =>
  call<PackageImportReport>("packages_import", { paths, dryRun });
export const receivedList = (period: PeriodKey | null) => call<ReceivedSummary[]>("received_list", { period });
export const receivedGet = (reportId: string) => call<ReceivedReport>("received_get", { reportId });
export const receivedAccept = (reportId: string) => call<ReceivedSummary>("received_accept", { reportId });
export const receivedEntries = (reportId: string) => call<PackageEntry[]>("received_entries", { reportId });
/** Saves one entry of a received report (e.g. "reports/periodic.pdf") to `path`; resolves to its size. */
export const receivedEntrySave = (reportId: string, entry: string, path: string) =>
  call<number>("received_entry_save", { reportId, entry, path });
export const rollupGet = (period: PeriodKey) => call<Rollup>("rollup_get", { period });
export const rollupExport = (period: PeriodKey, path: string) => call<Rollup>("rollup_export", { period, path });

// ---- Events and dialogs ----

/** Listens to the shell's `backup-failed` event (a periodic copy could not be made); resolves to the unlisten. */
export function onBackupFailed(handler: (error: CommandErrorShape) => void): Promise<UnlistenFn> {
  return listen<CommandErrorShape>("backup-failed", (event) => handler(event.payload));
}

/** Report files the program was handed (a double click on a `.cchcbc`) and the window has not taken yet. */
export const openedFiles = () => call<string[]>("opened_files");

/** Listens for report files handed to the program while it runs; resolves to the unlisten function. */
export function onFilesOpened(handler: () => void): Promise<UnlistenFn> {
  return listen("files-opened", () => handler());
}

/** Listens to the shell's `progress` event; resolves to the unlisten function. */
export function onProgress(handler: (event: ProgressEvent) => void): Promise<UnlistenFn> {
  return listen<ProgressEvent>("progress", (event) => handler(event.payload));
}

/**
 * Asks where to save an export. Returns the chosen path, or null when the user cancelled.
 * `filterName` is the caption of the file type in the dialog.
 */
export async function chooseSavePath(defaultName: string, filterName: string): Promise<string | null> {
  try {
    const extension = defaultName.split(".").pop() ?? "xlsx";
    return await save({ defaultPath: defaultName, filters: [{ name: filterName, extensions: [extension] }] });
  } catch (reason) {
    throw CommandError.from(reason);
  }
}

/** Asks for a folder (the USB stick to back up to). Returns null when the user cancelled. */
export async function chooseFolder(title: string): Promise<string | null> {
  try {
    const picked = await open({ directory: true, multiple: false, title });
    return typeof picked === "string" ? picked : null;
  } catch (reason) {
    throw CommandError.from(reason);
  }
}

/** Asks for a backup copy (.cchcsl; older copies and registers .cchc) to restore from; null when cancelled. */
export async function chooseCopy(title: string, filterName: string): Promise<string | null> {
  try {
    const picked = await open({ multiple: false, title, filters: [{ name: filterName, extensions: ["cchcsl", "cchc"] }] });
    return typeof picked === "string" ? picked : null;
  } catch (reason) {
    throw CommandError.from(reason);
  }
}

/** Asks for report files (.cchcbc; older ones .cchc), several at once. Returns [] when the user cancelled. */
export async function chooseFiles(title: string, filterName: string, extensions: string[]): Promise<string[]> {
  try {
    const picked = await open({ multiple: true, title, filters: [{ name: filterName, extensions }] });
    if (picked === null) return [];
    return Array.isArray(picked) ? picked : [picked];
  } catch (reason) {
    throw CommandError.from(reason);
  }
}

// ---- Criteria sets and the yearly self-assessment ----

export const criteriaSets = () => call<CriteriaSummary[]>("criteria_sets");
/** A province's criteria set from a .json, .xlsx or .csv file; a dry run only checks it. */
export const criteriaImport = (name: string, bytes: Uint8Array, dryRun: boolean) =>
  upload<CriteriaImport>("criteria_import", bytes, { name, dryRun });
export const assessmentsList = () => call<Assessment[]>("assessments_list");
/** `criteria` is "urn@version", or null for the default set. */
export const assessmentNew = (year: number, criteria: string | null) =>
  call<Assessment>("assessment_new", { year, criteria });
export const assessmentGet = (year: number) => call<AssessmentView>("assessment_get", { year });
/** `points` as typed ("1,5"); `reason` when they differ from the suggestion. */
export const assessmentScore = (year: number, code: string, points: string, reason: string | null) =>
  call<ScoreEntry>("assessment_score", { year, code, points, reason });
export const assessmentNa = (year: number, code: string, notApplicable: boolean) =>
  call<ScoreEntry>("assessment_na", { year, code, notApplicable });
export const assessmentExplain = (year: number, code: string, text: string) =>
  call<ScoreEntry>("assessment_explain", { year, code, text });
export const assessmentAppraise = (year: number, code: string, points: string, note: string | null) =>
  call<ScoreEntry>("assessment_appraise", { year, code, points, note });
export const assessmentSuggest = (year: number, apply: boolean) =>
  call<Suggestion[]>("assessment_suggest", { year, apply });
/** `on` is YYYY-MM-DD. */
export const assessmentLock = (year: number, leader: string, on: string) =>
  call<Assessment>("assessment_lock", { year, leader, on });
export const assessmentAdvance = (year: number) => call<Assessment>("assessment_advance", { year });
export const assessmentUnlock = (year: number, reason: string) =>
  call<Assessment>("assessment_unlock", { year, reason });
export const assessmentCompare = (year: number) => call<Comparison>("assessment_compare", { year });
export const evidenceList = () => call<Evidence[]>("evidence_list");
/** A document, with the content of a file picked from disk (copied into the evidence store) or none. */
export const evidenceAdd = (input: EvidenceInput, file: { name: string; bytes: Uint8Array } | null) =>
  upload<Evidence>("evidence_add", file?.bytes ?? new Uint8Array(), { input, fileName: file?.name ?? null });
export const evidenceLink = (year: number, code: string, evidenceId: number) =>
  call<ScoreEntry>("evidence_link", { year, code, evidenceId });
export const evidenceUnlink = (year: number, code: string, evidenceId: number) =>
  call<ScoreEntry>("evidence_unlink", { year, code, evidenceId });
