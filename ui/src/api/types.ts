// Types of the desktop commands' arguments and results: the serde form of the core's types (docs/desktop-commands.md).

export type ErrorCode =
  | "REGISTER_NOT_FOUND"
  | "REGISTER_EXISTS"
  | "NOT_A_REGISTER"
  | "SCHEMA_TOO_NEW"
  | "REGISTER_DAMAGED"
  | "INVALID"
  | "NOT_FOUND"
  | "ALREADY_EXISTS"
  | "PROCEDURE_HAS_HISTORY"
  | "FILE_UNREADABLE"
  | "FILE_FORMAT"
  | "BAD_PERIOD"
  | "IO"
  | "STORAGE"
  | "WRONG_STAGE"
  | "DISK_FULL"
  | "BACKUP_INVALID"
  | "PACKAGE_REFUSED"
  | "MISSING_GLYPHS"
  | "REPORT_ISSUED"
  // The shell's own: no register is open yet.
  | "NO_REGISTER"
  // The front end's own: anything that did not come back in the contract's shape (a crash, no shell at all).
  | "UNEXPECTED";

export const ERROR_CODES: readonly ErrorCode[] = [
  "REGISTER_NOT_FOUND",
  "REGISTER_EXISTS",
  "NOT_A_REGISTER",
  "SCHEMA_TOO_NEW",
  "REGISTER_DAMAGED",
  "INVALID",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "PROCEDURE_HAS_HISTORY",
  "FILE_UNREADABLE",
  "FILE_FORMAT",
  "BAD_PERIOD",
  "IO",
  "STORAGE",
  "WRONG_STAGE",
  "DISK_FULL",
  "BACKUP_INVALID",
  "PACKAGE_REFUSED",
  "MISSING_GLYPHS",
  "REPORT_ISSUED",
  "NO_REGISTER",
  "UNEXPECTED",
];

export type FindingCode =
  | "MISSING_COLUMN"
  | "UNKNOWN_COLUMN"
  | "REQUIRED_MISSING"
  | "BAD_PROCEDURE_CODE"
  | "BAD_NUMBER"
  | "BAD_DATE"
  | "BAD_CHOICE"
  | "BAD_PERIOD"
  | "EMPTY_ROW"
  | "DUPLICATE_IN_FILE"
  | "TIME_WITHOUT_UNIT"
  | "TIME_VARIES_BY_CHANNEL"
  | "ODD_FEE"
  | "UNKNOWN_PROCEDURE"
  | "UNKNOWN_REPLACEMENT"
  | "FLAG_EMPTY"
  | "ISO_SCOPE_EMPTY"
  | "DATE_IN_FUTURE"
  | "NEGATIVE"
  | "RECEIVED_SUM_MISMATCH"
  | "RECEIVED_BALANCE_MISMATCH"
  | "RESOLVED_SUM_MISMATCH"
  | "IN_PROGRESS_SUM_MISMATCH"
  | "APOLOGY_BELOW_LATE"
  | "CARRIED_OVER_MISMATCH"
  | "FIELD_WITHOUT_PROCEDURES"
  | "DATES_OUT_OF_ORDER"
  | "OUT_OF_RANGE"
  | "NO_QUOTA"
  | "OVER_QUOTA"
  | "TASK_BEFORE_PLAN"
  | "UNKNOWN_PLAN"
  | "CATEGORY_ENDED"
  | "ISO_NOT_ANNOUNCED"
  | "ISO_SCOPE_MISSING"
  | "ISO_SCOPE_RETIRED"
  | "ISO_SCOPE_UNKNOWN"
  | "ISO_AUDIT_MISSING"
  | "ISO_REVIEW_MISSING"
  | "ISO_LEGAL_CHANGE_OVERDUE"
  | "ISO_ACTION_OVERDUE"
  | "CRITERIA_FORMAT"
  | "CRITERIA_SHARE_MISMATCH"
  | "CRITERIA_SUM_MISMATCH"
  | "CRITERIA_DUPLICATE_CODE"
  | "CRITERIA_BANDS_ORDER"
  | "CRITERIA_POINTS_OVER_MAX"
  | "CRITERIA_RULE_MISSING"
  | "CRITERIA_RULE_MISMATCH"
  | "CRITERIA_UNKNOWN_METRIC"
  | "CRITERIA_NOT_NEWER"
  | "UNKNOWN_CRITERION"
  | "POINTS_NOT_ALLOWED"
  | "NOT_SCORED"
  | "EVIDENCE_MISSING"
  | "OVERRIDE_REASON_MISSING"
  | "BONUS_OVER_CAP"
  | "PENALTY_OVER_CAP"
  | "FILE_TOO_LARGE"
  | "PACKAGE_NOT_ZIP"
  | "PACKAGE_TOO_LARGE"
  | "PACKAGE_ZIP_BOMB"
  | "PACKAGE_UNSAFE_PATH"
  | "PACKAGE_LINK"
  | "PACKAGE_UNKNOWN_ENTRY"
  | "PACKAGE_MANIFEST_MISSING"
  | "PACKAGE_MANIFEST_UNREADABLE"
  | "PACKAGE_FORMAT_TOO_NEW"
  | "PACKAGE_ENTRY_MISSING"
  | "PACKAGE_SIZE_MISMATCH"
  | "PACKAGE_HASH_MISMATCH"
  | "PACKAGE_DATA_UNREADABLE"
  | "PACKAGE_DATA_MISMATCH"
  | "PACKAGE_UNIT_UNEXPECTED"
  | "PACKAGE_FILE_UNREADABLE"
  | "PACKAGE_DUPLICATE_ENTRY"
  | "PACKAGE_ID_REUSED"
  | "SURVEY_NOT_SELF_SCORED";

export type Severity = "error" | "warning";

export interface Place {
  sheet?: string;
  row?: number;
  column?: string;
  period?: string;
  field?: string;
  procedure?: string;
  /** Another record of the register: a person, a plan or a task. */
  record?: string;
  /** The kind of record `column` belongs to ("task", "plan"…), which names the column. */
  entity?: string;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  place: Place;
  /** Absent when empty (serde skips an empty map). */
  values?: Record<string, string>;
}

/** A record as saved, with the warnings found while checking it (errors refuse the save instead). */
export type Saved<T> = T & { warnings: Finding[] };

/** The shape every failing command rejects with. */
export interface CommandErrorShape {
  code: ErrorCode;
  /** English, for logs. */
  message: string;
  findings: Finding[];
}

export type UnitKind = "xa" | "phuong" | "dac_khu";
export type SignAuthority = "tm" | "kt" | "direct";

export interface Signer {
  name: string;
  title: string;
  authority: SignAuthority;
}

export interface UnitProfile {
  name: string;
  kind: UnitKind;
  province: string;
  code: string;
  superior_line: string;
  issuer_line: string;
  place_name: string;
  signer: Signer;
  recipients: string[];
  copies_to: string[];
  user_name: string;
}

/** `YYYY-Q1`, `YYYY-H1`, `YYYY-Q3` (9 months) or `YYYY` (year). */
export type PeriodKey = string;
export type PeriodKind = "Q1" | "H1" | "Q3" | "Year";

export interface PeriodWindow {
  key: PeriodKey;
  /** YYYY-MM-DD */
  start: string;
  end: string;
  deadline: string;
}

export type TimeUnit = "working_days" | "days" | "working_hours";
export type ProcedureStatus = "active" | "amended" | "replaced" | "abolished";
export type OnlineLevel = "full" | "partial" | "none";

export interface ProcessingTime {
  amount: number;
  unit: TimeUnit;
}

export interface Decision {
  number: string;
  /** YYYY-MM-DD */
  date: string | null;
}

export interface ProcedureInput {
  code: string;
  name: string;
  field: string;
  processing_time: ProcessingTime | null;
  fee: string;
  legal_bases: string[];
  announcement: Decision;
  status: ProcedureStatus;
  replaced_by: string | null;
  online_level: OnlineLevel;
  one_stop: boolean;
  interlinked: boolean;
  postal: boolean;
  boundary_free: boolean;
  internal_process: Decision;
  in_iso_scope: boolean;
}

export interface Procedure extends ProcedureInput {
  id: number;
  retired_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProcedureQuery {
  search?: string;
  field?: string;
  online_level?: OnlineLevel;
  status?: ProcedureStatus;
  include_retired: boolean;
}

/** The twelve figures of Biểu 06, in its column order. */
export const FIGURE_COLUMNS = [
  "received_total",
  "received_online",
  "received_direct",
  "carried_over",
  "resolved_total",
  "resolved_early",
  "resolved_on_time",
  "resolved_late",
  "in_progress_total",
  "in_progress_within",
  "in_progress_overdue",
  "apology_letters",
] as const;

export type FigureColumn = (typeof FIGURE_COLUMNS)[number];

export type CaseFigures = Record<FigureColumn, number>;

export interface StatsRow extends CaseFigures {
  period: PeriodKey;
  field: string;
  procedure: string | null;
}

export interface StatsTable {
  window: PeriodWindow;
  rows: StatsRow[];
  total: CaseFigures;
  /** Percent; null when nothing was resolved. */
  on_time_rate: number | null;
  /** Percent; null when nothing new was received. */
  online_rate: number | null;
}

export interface ImportReport {
  dry_run: boolean;
  rows: number;
  counts: { added: number; updated: number; unchanged: number };
  findings: Finding[];
}

export type SessionMode = "none" | "live" | "demo";

export interface Session {
  mode: SessionMode;
  register_path: string | null;
  live_exists: boolean;
  unit: UnitProfile | null;
  /** The shell may report why the live register could not be opened at start. */
  error?: CommandErrorShape | null;
  /** With such an error: the newest verified copy it could be restored from. */
  recovery?: BackupInfo | null;
}

export interface ProgressEvent {
  task: "demo" | "import" | "package";
  done: number;
  total: number;
}

// ---- Deadlines board ----

export type DeadlineKind =
  | "report"
  | "task"
  | "staff_standard"
  | "iso_legal_change"
  | "iso_action"
  | "iso_audit"
  | "iso_review"
  | "self_assessment";

export interface DeadlineItem {
  kind: DeadlineKind;
  /** What is due, in Vietnamese, written by the core. */
  what: string;
  record: string;
  /** YYYY-MM-DD */
  due: string;
  /** Negative when late. */
  days_left: number;
}

// ---- Staffing (biên chế) ----

export interface StaffCategory {
  code: string;
  name: string;
  valid_until: string | null;
}

export interface Quota {
  year: number;
  category: string;
  quota: number;
  basis: Decision;
}

export interface Headcount {
  year: number;
  category: string;
  count: number;
  /** How many of them meet the standard; null when not stated (left out of the share). */
  meeting_standard?: number | null;
}

export interface PersonInput {
  name: string;
  position: string;
  rank: string;
  category: string;
  joined: string | null;
  left: string | null;
  qualification_level: string;
  qualification_field: string;
  political_theory: string;
  state_management: string;
  standard_met: boolean;
  standard_deadline: string | null;
  note: string;
}

export interface Person extends PersonInput {
  id: number;
  created_at: string;
  updated_at: string;
}

export interface CategoryStaffing {
  category: string;
  name: string;
  quota: number | null;
  present: number;
  /** "people" (counted from the list) or "entered" (a total kept without a list). */
  source: string;
  vacancies: number | null;
  /** Null for a total entered without its number meeting the standard. */
  meeting_standard: number | null;
}

export interface StandardDue {
  person: string;
  category: string;
  deadline: string;
  days_left: number;
}

export interface StaffingSummary {
  date: string;
  year: number;
  rows: CategoryStaffing[];
  quota: number;
  present: number;
  vacancies: number;
  /** Percent over the present people whose standing is known; null when no one's is. */
  standard_share: number | null;
  standard_known: number;
  /** Present people of entered totals without their number meeting the standard (not in the share). */
  standard_unknown: number;
  standard_due: StandardDue[];
  findings: Finding[];
}

// ---- Reform plans and tasks ----

export type PlanKind = "annual" | "propaganda" | "tthc_control" | "self_inspection" | "other";
export type TaskStatus = "not_started" | "in_progress" | "done" | "cancelled";

export interface ReformArea {
  code: string;
  name: string;
}

export interface PlanInput {
  kind: PlanKind;
  number: string;
  date: string;
  year: number;
  title: string;
}

export interface Plan extends PlanInput {
  id: number;
  created_at: string;
  updated_at: string;
}

export interface TaskInput {
  plan_year: number;
  plan_number: string;
  area: string;
  content: string;
  owner: string;
  deadline: string | null;
  expected_output: string;
  status: TaskStatus;
  percent: number;
  evidence: string;
}

export interface Task extends TaskInput {
  id: number;
  created_at: string;
  updated_at: string;
}

export interface AreaProgress {
  area: string;
  name: string;
  tasks: number;
  done: number;
  cancelled: number;
  /** Percent of the tasks not cancelled; null with none. */
  completion_rate: number | null;
  average_percent: number | null;
}

export interface PlanProgress {
  date: string;
  year: number;
  areas: AreaProgress[];
  overall: AreaProgress;
  overdue: Task[];
}

// ---- ISO 9001 ----

export type IsoVersion = "TCVN ISO 9001:2008" | "TCVN ISO 9001:2015";
export const ISO_VERSIONS: readonly IsoVersion[] = ["TCVN ISO 9001:2008", "TCVN ISO 9001:2015"];
export type AnnouncementKind = "announce" | "re_announce";

export interface AnnouncementInput {
  number: string;
  date: string;
  kind: AnnouncementKind;
  version: IsoVersion;
  procedures: string[];
}

export interface Announcement extends AnnouncementInput {
  id: number;
}

export interface AuditInput {
  date: string;
  scope: string;
  findings: string;
}

export interface Audit extends AuditInput {
  id: number;
}

export interface NonconformityInput {
  audit_id: number;
  description: string;
  action: string;
  owner: string;
  due: string | null;
}

export interface Nonconformity {
  id: number;
  audit_id: number;
  description: string;
  action_id: number;
}

export interface ReviewInput {
  date: string;
  decisions: string;
}

export interface Review extends ReviewInput {
  id: number;
}

export type ActionSource = { kind: "nonconformity"; id: number } | { kind: "review"; id: number };

export interface IsoAction {
  id: number;
  source: ActionSource;
  content: string;
  owner: string;
  due: string;
  status: "open" | "done";
  done_on: string | null;
  effectiveness_checked: string | null;
}

export interface LegalChangeInput {
  text: string;
  effective: string;
}

export interface LegalChange {
  id: number;
  text: string;
  effective: string;
  due: string;
  done_on: string | null;
}

export interface IsoReport {
  year: number;
  number: string;
  date: string;
}

export interface IsoStatus {
  year: number;
  today: string;
  version: IsoVersion | null;
  announcement: Announcement | null;
  announced: boolean;
  audits: Audit[];
  reviews: Review[];
  report: IsoReport | null;
  overdue_legal_changes: LegalChange[];
  overdue_actions: IsoAction[];
  findings: Finding[];
}

// ---- Backups ----

export type BackupReason = "auto" | "exit" | "manual" | "migration" | "import" | "restore" | "unlock" | "external";

export interface CopyFacts {
  schema_version: number;
  /** Rows per register table. */
  counts: Record<string, number>;
  last_change: number;
}

export interface BackupInfo {
  file: string;
  path: string;
  /** Local time, YYYY-MM-DDTHH:MM:SS */
  created: string;
  reason: BackupReason;
  size: number;
  sha256: string;
  program_version: string;
  unit: string;
  facts: CopyFacts;
}

/** Stale partial files in the backups folder, left by interrupted copies (the next copy removes them). */
export interface Leftovers {
  files: number;
  bytes: number;
}

/** `backups_verify`: per copy file, null when it verifies, else the error that makes it unusable. */
export interface BackupsCheck {
  copies: [string, CommandErrorShape | null][];
  leftovers: Leftovers;
}

export interface RestorePreview {
  path: string;
  record: BackupInfo | null;
  copy: CopyFacts;
  current: CopyFacts;
  differences: { table: string; current: number; copy: number }[];
}

export interface RestoreReport {
  /** The copy made just before the restore: restoring it undoes the restore. */
  undo: BackupInfo;
  restored: CopyFacts;
}

// ---- Official reports ----

export type ReportKind = "periodic" | "stats" | "assessment";

export interface ReportSection {
  key: string;
  heading: string;
  /** Written from the register. */
  draft: string;
  /** The official's text, when edited; printed instead of the draft. */
  edited: string | null;
}

export type PageStyle = "Regular" | "Bold" | "Italic" | "BoldItalic";

/** Positions in millimetres from the page's top-left corner; `baseline` is the text's baseline. */
export type PageItem =
  | {
      Text: {
        x: number;
        baseline: number;
        size: number;
        style: PageStyle;
        text: string;
        space_extra: number;
        width: number;
      };
    }
  | { Rule: { x1: number; y1: number; x2: number; y2: number; thickness_pt: number } }
  | { Box: { x: number; y: number; width: number; height: number; gray: number } };

export interface ReportPage {
  width: number;
  height: number;
  number: number | null;
  items: PageItem[];
}

export interface OutgoingDocument {
  id: number;
  year: number;
  number: number;
  symbol: string;
  date: string;
  subject: string;
  signer: string;
  recipients: string[];
  report: [ReportKind, PeriodKey] | null;
  created_at: string;
}

// ---- Report files for the superior level (src/api/packages.rs, src/model/packages.rs) ----

/** A revision this unit exported. */
export interface SentPackage {
  report_id: string;
  root_id: string;
  supersedes: string | null;
  revision: number;
  period: PeriodKey;
  data_sha256: string;
  /** SHA-256 of the whole file (lower-case hex). */
  file_sha256: string;
  size: number;
  approver: string | null;
  /** Local timestamp, e.g. 2026-11-23T09:30:00.000+07:00 */
  created_at: string;
}

export interface ExportPackageReport {
  path: string;
  sent: SentPackage;
  /** The data had not changed since the last export of the period: the same revision, the same bytes. */
  reused: boolean;
  /** Warnings of the data checks (errors refuse the export with INVALID). */
  findings: Finding[];
}

export interface ExpectedUnit {
  code: string;
  name: string;
}

export type FileClass = "new" | "identical" | "revision" | "stale" | "conflict" | "refused";

export interface FileOutcome {
  file: string;
  file_sha256: string;
  size: number;
  class: FileClass;
  report_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
  period: PeriodKey | null;
  revision: number | null;
  /** Why it was refused (errors), or what is worth a look (warnings). */
  findings: Finding[];
}

export interface PackageImportReport {
  dry_run: boolean;
  files: FileOutcome[];
  /** Files written to the register; zero in a dry run. */
  written: number;
}

export type ReceivedStatus = "current" | "superseded" | "stale" | "conflict";

export interface ReceivedSummary {
  report_id: string;
  root_id: string;
  supersedes: string | null;
  revision: number;
  unit_code: string;
  unit_name: string;
  period: PeriodKey;
  file_sha256: string;
  size: number;
  file_name: string;
  created_at: string;
  approved_at: string | null;
  approver: string | null;
  received_at: string;
  status: ReceivedStatus;
}

export interface ReceivedReport extends ReceivedSummary {
  province: string;
  report_kind: string;
  format_version: number;
  program_version: string;
  criteria_urn: string | null;
  criteria_version: string | null;
  /** The manifest and data exactly as they arrived (JSON text). */
  manifest_json: string;
  data_json: string;
}

export type UnitReportStatus = "on_time" | "late" | "missing";

export interface UnitFigures {
  procedures: number;
  total: CaseFigures;
  /** Percent, or null. */
  on_time_rate: number | null;
  online_rate: number | null;
  quota: number;
  present: number;
  iso_in_use: boolean;
  iso_announced: boolean;
  iso_audits: number;
  iso_reviews: number;
  plan_tasks: number;
  plan_done: number;
  plan_completion_rate: number | null;
}

export interface RollupUnit {
  code: string;
  name: string;
  /** False for a unit that sent a report without being on the expected list. */
  expected: boolean;
  status: UnitReportStatus;
  report_id: string | null;
  revision: number | null;
  received_at: string | null;
  /** Stale or conflicting files kept for this unit and period. */
  flagged: number;
  figures: UnitFigures | null;
  /** The self-assessment in the current report (year files only). */
  assessment: UnitAssessment | null;
}

/** The self-assessment columns of a roll-up line. */
export interface UnitAssessment {
  /** "urn@version" of the criteria set. */
  criteria: string;
  stage: Stage;
  /** The latest column with points: round 2, else round 1, else the unit's own. */
  column: AssessmentColumn;
  /** Points (a number with at most two decimals). */
  score: number;
  /** Percent of the set's scale, or null. */
  percent: number | null;
  class: string | null;
  /** 1 for the highest score; equal scores share a rank (1, 1, 3). */
  rank: number;
}

/** An entry of a report file with its SHA-256 and size, as its manifest lists it. */
export interface PackageEntry {
  /** "data.json", "reports/periodic.pdf", "evidence/<sha256>". */
  path: string;
  sha256: string;
  size: number;
}

export interface Rollup {
  window: PeriodWindow;
  units: RollupUnit[];
  counts: { expected: number; on_time: number; late: number; missing: number; unexpected: number };
  /** Biểu 06 summed by field, in Vietnamese order. */
  by_field: [string, CaseFigures][];
  total: CaseFigures;
  on_time_rate: number | null;
  online_rate: number | null;
}

// ---- Criteria sets and the yearly self-assessment (src/api/assessment.rs, src/model/assessment.rs, criteria.rs) ----

/** What is known of a criteria set: stored in the register, bundled with the program, or both. */
export interface CriteriaSummary {
  urn: string;
  version: number;
  /** "urn@version" */
  key: string;
  name: string;
  province: string;
  decision_number: string;
  /** Years it applies to; empty = any year. */
  years: number[];
  note: string;
  /** "bundled", or the name of the file it was imported from. */
  source: string;
  stored: boolean;
  /** The years of the assessments made with this version. */
  used_by: number[];
  leaves: number;
}

export interface CriteriaImport {
  dry_run: boolean;
  /** The set as read; null when the file could not be read as a set at all. */
  summary: CriteriaSummary | null;
  stored: boolean;
  findings: Finding[];
}

export type Stage = "draft" | "self_locked" | "appraisal1" | "explanation" | "appraisal2" | "final";
export const STAGES: readonly Stage[] = ["draft", "self_locked", "appraisal1", "explanation", "appraisal2", "final"];

export interface Assessment {
  id: number;
  year: number;
  criteria_urn: string;
  criteria_version: number;
  stage: Stage;
  leader: string;
  /** YYYY-MM-DD */
  locked_on: string | null;
  deadline: string;
}

/** The state of one leaf in every round; points are numbers (hundredths exact), null until given. */
export interface ScoreEntry {
  code: string;
  self_points: number | null;
  not_applicable: boolean;
  note: string;
  explanation: string;
  suggested: number | null;
  trace: string;
  override_reason: string;
  round1: number | null;
  round1_note: string;
  reply: string;
  round2: number | null;
  round2_note: string;
  /** Ids of the evidence documents linked. */
  evidence: number[];
}

export type AssessmentColumn = "self_score" | "round1" | "round2";
export const ASSESSMENT_COLUMNS: readonly AssessmentColumn[] = ["self_score", "round1", "round2"];
export type CriteriaPart = "appraised" | "survey" | "bonus_penalty";

export interface NodeTotals {
  code: string;
  text: string;
  /** 0 area, 1 criterion, 2 sub-criterion. */
  depth: number;
  is_leaf: boolean;
  max: number;
  applicable_max: number;
  /** Points in self, round 1, round 2 order (a leaf's null = not given). */
  points: [number | null, number | null, number | null];
  /** The rule's caption (from the core). */
  rule: string | null;
  part: CriteriaPart;
}

export interface AssessmentTotals {
  column: AssessmentColumn;
  appraised: number;
  appraised_max: number;
  survey: number;
  survey_max: number;
  bonus: number;
  penalty: number;
  bonus_uncapped: number;
  penalty_uncapped: number;
  applicable_max: number;
  total: number;
  /** What the total is counted on: the scale; in the self column, the scale without the survey's share. */
  out_of: number;
  /** Percent of out_of (e.g. 87.5); null when nothing was applicable. */
  percent: number | null;
  class: string | null;
}

export type CriteriaRule =
  | { type: "boolean" }
  | { type: "banded_percentage"; bands: { min: number; points: number }[] }
  | { type: "count_threshold"; bands: { min: number; points: number }[] }
  | { type: "manual"; step: number }
  | { type: "survey_only" }
  | { type: "bonus" }
  | { type: "penalty" };

export interface CriteriaNode {
  code: string;
  text: string;
  max: number;
  part?: CriteriaPart;
  rule?: CriteriaRule;
  evidence?: string[];
  metric?: string;
  guidance?: string;
  children?: CriteriaNode[];
}

export interface CriteriaSet {
  format: number;
  urn: string;
  version: number;
  name: string;
  province: string;
  decision: { number: string; date?: string };
  years?: number[];
  scope?: string[];
  note?: string;
  scale: number;
  appraised_share: number;
  survey_share: number;
  bonus_cap: number;
  penalty_cap: number;
  normalisation: "raw" | "applicable";
  bands: { label: string; min: number }[];
  self_assessment_deadline?: { day: number; month: number };
  areas: CriteriaNode[];
}

export interface EvidenceInput {
  /** QĐ, KH, BC, TB, CV, BB, QC or KHÁC (see strings.evidenceKindLabels). */
  kind: string;
  number: string;
  /** YYYY-MM-DD or null */
  date: string | null;
  issuer: string;
  title: string;
}

export interface StoredFile {
  sha256: string;
  original_name: string;
  size: number;
}

export interface Evidence extends EvidenceInput {
  id: number;
  file: StoredFile | null;
}

export interface AssessmentView {
  assessment: Assessment;
  criteria: CriteriaSummary;
  set: CriteriaSet;
  nodes: NodeTotals[];
  entries: ScoreEntry[];
  /** Self, round 1, round 2. */
  totals: AssessmentTotals[];
  findings: Finding[];
  /** The documents linked to some leaf of this assessment. */
  evidence: Evidence[];
}

export interface Suggestion {
  code: string;
  metric: string;
  points: number | null;
  trace: string;
}

export interface ComparedLeaf {
  code: string;
  text: string;
  max: number;
  current: number | null;
  previous: number | null;
  in_previous_set: boolean;
  /** The previous set's maximum of this code, when it has one. */
  previous_max: number | null;
  /** Same code and same maximum: only then are the two years' points compared. */
  comparable: boolean;
}

export interface Comparison {
  year: number;
  previous_year: number;
  criteria: string;
  previous_criteria: string;
  leaves: ComparedLeaf[];
  current: AssessmentTotals;
  previous: AssessmentTotals;
  same_set: boolean;
  same_scale: boolean;
}
