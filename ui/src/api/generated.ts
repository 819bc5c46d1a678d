// Generated from the core's Rust types by src/typescript.rs: do not edit. Refresh with
// `UPDATE_TYPES=1 cargo test --locked -p cchc-cli --test it tidy::generated_types_are_fresh`.

/**
 * Where an action comes from.
 */
export type ActionSource = { "kind": "nonconformity", "id": number } | { "kind": "review", "id": number };

export type ActionStatus = "open" | "done";

export type Announcement = { id: number, number: string, date: string, kind: AnnouncementKind, version: IsoVersion, procedures: Array<string>, };

/**
 * A decision announcing the system (quyết định công bố HTQLCL) and its scope: the procedure codes covered.
 */
export type AnnouncementInput = { number: string, date: string, kind: AnnouncementKind, version: IsoVersion, procedures: Array<string>, };

export type AnnouncementKind = "announce" | "re_announce";

/**
 * Completion of the tasks of one area (or of all): done / tasks not cancelled, and the average percent.
 */
export type AreaProgress = { 
/**
 * The area code; empty for the overall line.
 */
area: string, name: string, 
/**
 * Tasks not cancelled.
 */
tasks: number, done: number, cancelled: number, 
/**
 * done / tasks, in percent; `None` with no task.
 */
completion_rate: number | null, 
/**
 * Average percent done of the tasks not cancelled (a done task counts 100).
 */
average_percent: number | null, };

/**
 * One year's assessment against one version of a criteria set.
 */
export type Assessment = { id: number, year: number, criteria_urn: string, criteria_version: number, stage: Stage, 
/**
 * The leader who locked the self-assessment, and the day.
 */
leader: string, locked_on: string | null, 
/**
 * The self-assessment deadline (from the set, e.g. 05/10 of the year).
 */
deadline: string, };

/**
 * Which points a total is taken over.
 */
export type AssessmentColumn = "self_score" | "round1" | "round2";

/**
 * Totals of one column.
 */
export type AssessmentTotals = { column: AssessmentColumn, appraised: Points, 
/**
 * The appraised maximum without the N/A leaves.
 */
appraised_max: Points, survey: Points, survey_max: Points, 
/**
 * Bonus and penalty after their caps, and before.
 */
bonus: Points, penalty: Points, bonus_uncapped: Points, penalty_uncapped: Points, 
/**
 * The maximum the unit had tasks for (appraised + survey, without N/A leaves).
 */
applicable_max: Points, 
/**
 * The index in points on `out_of`: raw, or normalised to the applicable maximum, plus bonus, less penalty
 * (never below 0).
 */
total: Points, 
/**
 * What the total is counted on: the set's scale; in the self column, the scale without the survey's share
 * (the unit does not score the survey).
 */
out_of: Points, 
/**
 * total / out_of, in hundredths of a percent (truncated); `None` when nothing was applicable.
 */
percent: Percent | null, class: string | null, };

/**
 * One year's assessment as the screen and `cchc assess show` present it.
 */
export type AssessmentView = { assessment: Assessment, criteria: CriteriaSummary, 
/**
 * The whole set (rules, expected evidence, guidance) as stored for this assessment.
 */
set: CriteriaSet, 
/**
 * Every node in tree order with its maximum and points in each column.
 */
nodes: Array<NodeTotals>, 
/**
 * The entry of every leaf, in tree order (a leaf never touched has an empty entry).
 */
entries: Array<ScoreEntry>, 
/**
 * Totals in each column (self, round 1, round 2).
 */
totals: Array<AssessmentTotals>, 
/**
 * Findings of the self-assessment: missing evidence or explanation, leaves not scored, caps exceeded.
 */
findings: Array<Finding>, 
/**
 * The evidence documents linked to some leaf of this assessment.
 */
evidence: Array<Evidence>, };

export type Audit = { id: number, date: string, scope: string, findings: string, };

/**
 * An internal audit (đánh giá nội bộ).
 */
export type AuditInput = { date: string, scope: string, findings: string, };

/**
 * The record kept beside each copy (`<name>.json`): what it is and how to check it has not changed.
 */
export type BackupInfo = { 
/**
 * The copy's file name (in its folder).
 */
file: string, path: string, 
/**
 * Local time the copy was made, `YYYY-MM-DDTHH:MM:SS`.
 */
created: string, reason: BackupReason, size: number, sha256: string, 
/**
 * The program version that made it (a newer one may hold a schema this program cannot read).
 */
program_version: string, unit: string, facts: CopyFacts, };

/**
 * Why a copy was made.
 */
export type BackupReason = "auto" | "exit" | "manual" | "migration" | "import" | "restore" | "unlock" | "external";

/**
 * One row of Biểu 06: dossiers received, resolved and in progress. Numbers are kept as entered (even negative)
 * so that nothing typed is lost; `check_row` reports what is wrong.
 */
export type CaseFigures = { 
/**
 * Số hồ sơ nhận giải quyết — tổng số.
 */
received_total: number, 
/**
 * … trong đó trực tuyến.
 */
received_online: number, 
/**
 * … trực tiếp và dịch vụ bưu chính.
 */
received_direct: number, 
/**
 * … từ kỳ trước chuyển qua.
 */
carried_over: number, 
/**
 * Số hồ sơ đã giải quyết — tổng số.
 */
resolved_total: number, 
/**
 * … trước hạn.
 */
resolved_early: number, 
/**
 * … đúng hạn.
 */
resolved_on_time: number, 
/**
 * … quá hạn.
 */
resolved_late: number, 
/**
 * Số hồ sơ đang giải quyết — tổng số.
 */
in_progress_total: number, 
/**
 * … trong hạn.
 */
in_progress_within: number, 
/**
 * … quá hạn.
 */
in_progress_overdue: number, 
/**
 * Thư xin lỗi đã gửi (for late dossiers).
 */
apology_letters: number, };

/**
 * One entry of a list, with what the window needs to offer its actions.
 */
export type CatalogEntry = { kind: CatalogKind, code: string, name: string, 
/**
 * The last day a staff category exists (never set on a reform area).
 */
valid_until: string | null, 
/**
 * One of the entries every register starts with: the reports name it, so it can be renamed but not removed.
 */
seeded: boolean, 
/**
 * How many records use it (quotas, headcounts and people; or tasks): an entry in use cannot be removed.
 */
uses: number, };

/**
 * An entry to add (no code: one is made from the name) or to change (its code).
 */
export type CatalogInput = { kind: CatalogKind, code: string | null, name: string, valid_until: string | null, };

/**
 * Which list.
 */
export type CatalogKind = "staff_category" | "reform_area";

/**
 * One category's figures on a day.
 */
export type CategoryStaffing = { category: string, name: string, 
/**
 * `None`: no quota set for the year.
 */
quota: number | null, present: number, 
/**
 * Where `present` comes from: "people" (records), "entered" (a typed total) or "none".
 */
source: string, 
/**
 * quota − present (negative when over quota); `None` without a quota.
 */
vacancies: number | null, 
/**
 * Present people who meet the standard: counted from the records, or the number entered with a total;
 * `None` when the total was entered without it.
 */
meeting_standard: number | null, };

/**
 * What a change does to its record.
 */
export type ChangeAction = "added" | "edited" | "deleted";

/**
 * One entry of the change log.
 */
export type ChangeEntry = { id: number, at: string, actor: string, entity: string, entity_id: string, action: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null, 
/**
 * Where a change merged from a work copy came from (`ChangeOrigin`); `None` for a change made here.
 */
origin: ChangeOrigin | null, };

/**
 * The kinds of record and the people the change log names, each once (the log screen's filters).
 */
export type ChangeLogFacets = { entities: Array<string>, actors: Array<string>, };

/**
 * Which change-log entries to read: each filter left `None` takes all.
 */
export type ChangeLogQuery = { 
/**
 * The kind of record (`procedure`, `case_stats`, …).
 */
entity: string | null, 
/**
 * Who made the change, as the log names them.
 */
actor: string | null, 
/**
 * From this day, and up to this day, inclusive (the change's local date).
 */
from: string | null, to: string | null, 
/**
 * At most this many, newest first.
 */
limit: number, };

/**
 * Where a change merged into the office register came from.
 */
export type ChangeOrigin = { copy_id: string, person: string, 
/**
 * The changes file's number in its copy's series.
 */
sequence: number, 
/**
 * When the change was made in the work copy.
 */
when: string, };

/**
 * A changes file written.
 */
export type ChangesSent = { path: string, sequence: number, changes: number, evidence_files: number, size: number, };

/**
 * A chart: its model (titles, labels, values — what the window also writes as text) and its drawing.
 */
export type ChartFigure = { chart: ChartModel, 
/**
 * The chart alone, `width` millimetres wide, as tall as it needs.
 */
page: ReportPage, };

/**
 * Bars grouped by label (e.g. by period), one bar per series (e.g. this year, last year), on a 0–`max` scale.
 */
export type ChartModel = { title: string, labels: Array<string>, series: Array<ChartSeries>, max: number, 
/**
 * Printed after each value ("%").
 */
unit: string, 
/**
 * Bars across, each label on its left (long names, ranked units); upright bars under short labels otherwise.
 */
horizontal: boolean, };

/**
 * Which chart the window asks for.
 */
export type ChartRequest = { "kind": "on_time_trend", year: number, } | { "kind": "plan_completion", date: string, } | { "kind": "assessment_areas", year: number, } | { "kind": "rollup_units", period: PeriodKey, };

export type ChartSeries = { name: string, 
/**
 * One value per label; `None` draws no bar.
 */
values: Array<number | null>, 
/**
 * Fill: 0 black … 1 white.
 */
gray: number, };

/**
 * A person's choice for one conflict.
 */
export type Choice = "office" | "copy";

/**
 * A classification band (xếp loại): at least `min` % gives `label`.
 */
export type ClassBand = { label: string, min: Percent, };

/**
 * A leaf compared with the previous year's assessment: only a leaf of the same code and the same maximum is
 * compared (a leaf worth 2 points last year and 3 now measures something else).
 */
export type ComparedLeaf = { code: string, text: string, max: Points, current: Points | null, 
/**
 * `None` when the leaf is not comparable (see `comparable`), or it was not scored last year.
 */
previous: Points | null, 
/**
 * The previous set has a leaf of this code.
 */
in_previous_set: boolean, 
/**
 * That leaf's maximum, when the previous set has one.
 */
previous_max: Points | null, 
/**
 * Same code and same maximum: the two years' points may be set side by side.
 */
comparable: boolean, };

/**
 * This year against the previous assessment: the best-known points of each (round 2, else round 1, else self).
 */
export type Comparison = { year: number, previous_year: number, criteria: string, previous_criteria: string, leaves: Array<ComparedLeaf>, current: AssessmentTotals, previous: AssessmentTotals, 
/**
 * Both years were scored on the same set and version; otherwise a reader must be told.
 */
same_set: boolean, 
/**
 * Both totals are on the same scale, so their difference means something.
 */
same_scale: boolean, };

/**
 * A conflict: both values side by side, for a person to choose.
 */
export type Conflict = { 
/**
 * Stable within a changes file: `table|key|field` (`*` for the whole record).
 */
id: string, table: string, key: string, label: string, kind: ConflictKind, 
/**
 * The field in conflict; `None` when the whole record is (deleted on one side).
 */
field: string | null, 
/**
 * The value at the office (the whole record for a record conflict; null when deleted here).
 */
office: unknown, 
/**
 * The value in the copy (null when deleted there).
 */
copy: unknown, who: string, when: string, };

/**
 * Why a change cannot simply be taken.
 */
export type ConflictKind = "both_edited" | "deleted_there" | "deleted_here" | "added_both";

/**
 * What a register file holds, read from the file itself.
 */
export type CopyFacts = { schema_version: number, 
/**
 * Rows per table (the change log included), so a person can see what a copy holds and what a restore changes.
 */
counts: { [key in string]: number }, 
/**
 * The newest change-log entry: a copy is up to date when it equals the register's.
 */
last_change: number, };

/**
 * A band of a count rule: at least `min` gives `points`.
 */
export type CountBand = { min: number, points: Points, };

export type CountChange = { table: string, current: number, copy: number, };

/**
 * What an import of a criteria set found and did.
 */
export type CriteriaImport = { dry_run: boolean, 
/**
 * The set as read (absent when the file could not be read as a set at all).
 */
summary: CriteriaSummary | null, stored: boolean, findings: Array<Finding>, };

/**
 * A node of the tree: an area (lĩnh vực), a criterion (tiêu chí) or a sub-criterion (tiêu chí thành phần).
 * Points sit on the leaves (nodes without children); a parent's maximum is the sum of its children's.
 */
export type CriteriaNode = { code: string, text: string, max: Points, 
/**
 * Only on areas: the part of the index (appraised unless given).
 */
part?: CriteriaPart | null, rule?: CriteriaRule | null, 
/**
 * Evidence expected (tài liệu kiểm chứng), as the decision lists it.
 */
evidence?: Array<string>, 
/**
 * A register metric that suggests the score (see `Metric`).
 */
metric?: string | null, guidance?: string, children?: Array<CriteriaNode>, };

/**
 * The part of the index an area belongs to.
 */
export type CriteriaPart = "appraised" | "survey" | "bonus_penalty";

/**
 * How a leaf is scored. Every rule turns into points between 0 and the leaf's maximum.
 */
export type CriteriaRule = { "type": "boolean" } | { "type": "banded_percentage", bands: Array<PercentBand>, } | { "type": "count_threshold", bands: Array<CountBand>, } | { "type": "manual", step: Points, } | { "type": "survey_only" } | { "type": "bonus" } | { "type": "penalty" };

/**
 * A whole criteria set as read from its file.
 */
export type CriteriaSet = { format: number, 
/**
 * The set's stable name across versions, e.g. "urn:cchc:criteria:hue-xa".
 */
urn: string, version: number, name: string, province: string, decision: SetDecision, 
/**
 * Years it applies to; empty = any year.
 */
years?: Array<number>, 
/**
 * Unit kinds it applies to ("xa", "phuong", "dac_khu"); empty = all.
 */
scope?: Array<string>, 
/**
 * A note shown with the set (e.g. that its points are illustrative).
 */
note?: string, scale: Points, appraised_share: Points, survey_share: Points, bonus_cap: Points, penalty_cap: Points, normalisation: Normalisation, bands: Array<ClassBand>, self_assessment_deadline?: DayOfYear | null, areas: Array<CriteriaNode>, };

/**
 * What is known of a criteria set: stored in the register, bundled with the program, or both.
 */
export type CriteriaSummary = { urn: string, version: number, 
/**
 * "urn@version".
 */
key: string, name: string, province: string, decision_number: string, years: Array<number>, note: string, 
/**
 * "bundled", or the name of the file it was imported from.
 */
source: string, stored: boolean, 
/**
 * The years of the assessments made with this version.
 */
used_by: Array<number>, leaves: number, };

/**
 * A day of the year (day, month), for the self-assessment deadline "05/10".
 */
export type DayOfYear = { day: number, month: number, };

export type DeadlineItem = { kind: DeadlineKind, 
/**
 * What is due, in Vietnamese ("Gửi báo cáo CCHC 6 tháng năm 2026").
 */
what: string, 
/**
 * The record it comes from: a period key, "2021 25/KH-UBND: content", a person's name.
 */
record: string, due: string, 
/**
 * Days from the given day to the due date; negative when late.
 */
days_left: number, };

export type DeadlineKind = "report" | "task" | "staff_standard" | "iso_legal_change" | "iso_action" | "iso_audit" | "iso_review" | "self_assessment";

/**
 * A decision (quyết định) by number and date, e.g. "36/QĐ-UBND" of 15/10/2019.
 */
export type Decision = { number: string, date: string | null, };

/**
 * Stable, serialisable codes. Never renumber or rename one: the UI and scripts depend on them.
 */
export type ErrorCode = "REGISTER_NOT_FOUND" | "REGISTER_EXISTS" | "NOT_A_REGISTER" | "SCHEMA_TOO_NEW" | "REGISTER_DAMAGED" | "INVALID" | "NOT_FOUND" | "ALREADY_EXISTS" | "PROCEDURE_HAS_HISTORY" | "FILE_UNREADABLE" | "FILE_FORMAT" | "BAD_PERIOD" | "IO" | "STORAGE" | "MISSING_GLYPHS" | "REPORT_ISSUED" | "WRONG_STAGE" | "DISK_FULL" | "BACKUP_INVALID" | "PACKAGE_REFUSED" | "REGISTER_BUSY" | "NOT_UTF8" | "WORK_COPY_CANNOT" | "NOT_A_WORK_COPY" | "FILE_REFUSED";

export type Evidence = { id: number, file: StoredFile | null, 
/**
 * QĐ, KH, BC, TB, CV, BB, QC or KHÁC.
 */
kind: string, 
/**
 * Số, ký hiệu ("25/KH-UBND").
 */
number: string, date: string | null, issuer: string, 
/**
 * Trích yếu.
 */
title: string, };

/**
 * An evidence document (tài liệu kiểm chứng) as entered.
 */
export type EvidenceInput = { 
/**
 * QĐ, KH, BC, TB, CV, BB, QC or KHÁC.
 */
kind: string, 
/**
 * Số, ký hiệu ("25/KH-UBND").
 */
number: string, date: string | null, issuer: string, 
/**
 * Trích yếu.
 */
title: string, };

/**
 * A unit the superior level expects reports from (đơn vị thuộc phạm vi tổng hợp).
 */
export type ExpectedUnit = { code: string, name: string, };

/**
 * What `export_package` did.
 */
export type ExportPackageReport = { path: string, sent: SentPackage, 
/**
 * True when the data had not changed since the last export of the period: the same revision, the same bytes.
 */
reused: boolean, 
/**
 * Warnings of the data checks (errors refuse the export).
 */
findings: Array<Finding>, };

/**
 * One field's value before and after.
 */
export type FieldChange = { field: string, before: unknown, after: unknown, };

/**
 * How a file of an import is classified (the dry run shows this; applying acts on it).
 */
export type FileClass = "new" | "identical" | "revision" | "stale" | "conflict" | "refused";

/**
 * One file of an import.
 */
export type FileOutcome = { file: string, file_sha256: string, size: number, class: FileClass, report_id: string | null, unit_code: string | null, unit_name: string | null, period: PeriodKey | null, revision: number | null, 
/**
 * Why it was refused (errors), or what is worth a look (warnings: an unexpected unit, the data's warnings).
 */
findings: Array<Finding>, };

/**
 * A filled rectangle (a chart's bar or legend key); `y` is its top edge.
 */
export type FilledBox = { x: number, y: number, width: number, height: number, gray: number, };

export type Finding = { code: FindingCode, severity: Severity, place: Place, 
/**
 * The values involved, by name (e.g. `total` = "12", `sum` = "11").
 */
values?: { [key in string]: string }, };

/**
 * Stable codes; the UI and the command line map each to a Vietnamese sentence.
 */
export type FindingCode = "MISSING_COLUMN" | "UNKNOWN_COLUMN" | "REQUIRED_MISSING" | "BAD_PROCEDURE_CODE" | "BAD_NUMBER" | "BAD_DATE" | "BAD_CHOICE" | "BAD_PERIOD" | "EMPTY_ROW" | "DUPLICATE_IN_FILE" | "TIME_WITHOUT_UNIT" | "TIME_VARIES_BY_CHANNEL" | "ODD_FEE" | "UNKNOWN_PROCEDURE" | "UNKNOWN_REPLACEMENT" | "FLAG_EMPTY" | "DATE_IN_FUTURE" | "NEGATIVE" | "RECEIVED_SUM_MISMATCH" | "RECEIVED_BALANCE_MISMATCH" | "RESOLVED_SUM_MISMATCH" | "IN_PROGRESS_SUM_MISMATCH" | "APOLOGY_BELOW_LATE" | "CARRIED_OVER_MISMATCH" | "FIELD_WITHOUT_PROCEDURES" | "DATES_OUT_OF_ORDER" | "OUT_OF_RANGE" | "NO_QUOTA" | "OVER_QUOTA" | "TASK_BEFORE_PLAN" | "UNKNOWN_PLAN" | "CATEGORY_ENDED" | "ISO_NOT_ANNOUNCED" | "ISO_SCOPE_EMPTY" | "ISO_SCOPE_MISSING" | "ISO_SCOPE_RETIRED" | "ISO_SCOPE_UNKNOWN" | "ISO_AUDIT_MISSING" | "ISO_REVIEW_MISSING" | "ISO_LEGAL_CHANGE_OVERDUE" | "ISO_ACTION_OVERDUE" | "CRITERIA_FORMAT" | "CRITERIA_SHARE_MISMATCH" | "CRITERIA_SUM_MISMATCH" | "CRITERIA_DUPLICATE_CODE" | "CRITERIA_BANDS_ORDER" | "CRITERIA_POINTS_OVER_MAX" | "CRITERIA_RULE_MISSING" | "CRITERIA_RULE_MISMATCH" | "CRITERIA_UNKNOWN_METRIC" | "CRITERIA_NOT_NEWER" | "UNKNOWN_CRITERION" | "POINTS_NOT_ALLOWED" | "NOT_SCORED" | "EVIDENCE_MISSING" | "OVERRIDE_REASON_MISSING" | "BONUS_OVER_CAP" | "PENALTY_OVER_CAP" | "FILE_TOO_LARGE" | "PACKAGE_NOT_ZIP" | "PACKAGE_TOO_LARGE" | "PACKAGE_ZIP_BOMB" | "PACKAGE_UNSAFE_PATH" | "PACKAGE_LINK" | "PACKAGE_UNKNOWN_ENTRY" | "PACKAGE_MANIFEST_MISSING" | "PACKAGE_MANIFEST_UNREADABLE" | "PACKAGE_FORMAT_TOO_NEW" | "PACKAGE_ENTRY_MISSING" | "PACKAGE_SIZE_MISMATCH" | "PACKAGE_HASH_MISMATCH" | "PACKAGE_DATA_UNREADABLE" | "PACKAGE_DATA_MISMATCH" | "PACKAGE_UNIT_UNEXPECTED" | "PACKAGE_FILE_UNREADABLE" | "PACKAGE_DUPLICATE_ENTRY" | "PACKAGE_ID_REUSED" | "SURVEY_NOT_SELF_SCORED" | "NAME_TAKEN" | "CATALOG_SEEDED" | "CATALOG_IN_USE" | "CHANGES_OTHER_UNIT" | "CHANGES_OTHER_REGISTER" | "CHANGES_SKIPPED" | "CHANGES_CHAIN_BROKEN" | "CONFLICT_NOT_CHOSEN" | "MERGE_CLASH" | "NOTHING_TO_SEND" | "WORK_COPY_MISMATCH";

/**
 * A headcount entered as a total, for a unit that keeps no per-person records of a category.
 */
export type Headcount = { year: number, category: string, count: number, 
/**
 * How many of them meet the standard of their post; `None` when the unit did not say.
 */
meeting_standard: number | null, };

/**
 * What an import found and did (or, in a dry run, would do).
 */
export type ImportReport = { dry_run: boolean, 
/**
 * Records read from the file.
 */
rows: number, counts: UpsertCounts, 
/**
 * Every problem found: errors (nothing was written) and warnings.
 */
findings: Array<Finding>, };

export type IsoAction = { id: number, source: ActionSource, content: string, owner: string, due: string, status: ActionStatus, done_on: string | null, 
/**
 * The day its effectiveness was checked.
 */
effectiveness_checked: string | null, };

/**
 * The yearly report on the system, sent.
 */
export type IsoReport = { year: number, number: string, date: string, };

/**
 * The derived status of one year (`App::iso_status`).
 */
export type IsoStatus = { year: number, today: string, version: IsoVersion | null, 
/**
 * The latest announcement on or before the year's end.
 */
announcement: Announcement | null, announced: boolean, audits: Array<Audit>, reviews: Array<Review>, report: IsoReport | null, overdue_legal_changes: Array<LegalChange>, overdue_actions: Array<IsoAction>, findings: Array<Finding>, };

/**
 * The standard applied (QĐ 19/2014/QĐ-TTg named 9001:2008; units moved to 9001:2015 as MOST announced it).
 */
export type IsoVersion = "TCVN ISO 9001:2008" | "TCVN ISO 9001:2015";

/**
 * Stale partial files: how many and how many bytes.
 */
export type Leftovers = { files: number, bytes: number, };

export type LegalChange = { id: number, text: string, effective: string, 
/**
 * Effective date + 3 months (QĐ 19/2014/QĐ-TTg, Điều 4).
 */
due: string, done_on: string | null, };

/**
 * A new or changed legal text to bring into the system (cập nhật văn bản pháp luật mới).
 */
export type LegalChangeInput = { text: string, effective: string, };

/**
 * The choices made for a merge: one per conflict id, or the office's for every conflict not chosen.
 */
export type MergeChoices = { choices: { [key in string]: Choice }, keep_office_for_rest: boolean, };

/**
 * One change the office takes without a question.
 */
export type MergeItem = { table: string, label: string, action: ChangeAction, 
/**
 * The fields taken: the office's value → the copy's.
 */
fields: Array<FieldChange>, who: string, when: string, };

/**
 * What merging a changes file would do (or, with `already_merged`, did already).
 */
export type MergePreview = { copy_id: string, person: string, taken_at: string, sequence: number, written_at: string, 
/**
 * This file was merged before: merging it again changes nothing.
 */
already_merged: boolean, items: Array<MergeItem>, conflicts: Array<Conflict>, 
/**
 * Changes the office already holds (made on both sides alike).
 */
unchanged: number, 
/**
 * Evidence files the changes bring.
 */
evidence_files: number, };

/**
 * What a merge did.
 */
export type MergeReport = { already_merged: boolean, 
/**
 * Records written.
 */
applied: number, conflicts: number, 
/**
 * Conflicts settled with the copy's value.
 */
taken_from_copy: number, 
/**
 * The verified copy made before writing (the undo).
 */
backup: string | null, };

/**
 * A node of the tree with its totals, for display (the criteria tree with max and points in every column).
 */
export type NodeTotals = { code: string, text: string, 
/**
 * 0 for an area, 1 for a criterion, 2 for a sub-criterion.
 */
depth: number, is_leaf: boolean, max: Points, 
/**
 * The maximum without N/A leaves.
 */
applicable_max: Points, 
/**
 * Points in each column, in `Column::ALL` order (a leaf's `None` = not given).
 */
points: [Points | null, Points | null, Points | null], rule: string | null, part: CriteriaPart, };

export type Nonconformity = { id: number, audit_id: number, description: string, action_id: number, };

/**
 * A nonconformity (điểm không phù hợp) found by an audit, entered with its corrective action.
 */
export type NonconformityInput = { audit_id: number, description: string, 
/**
 * The corrective action (hành động khắc phục): who and by when; its content is the description unless given.
 */
action: string, owner: string, due: string | null, };

/**
 * How a percentage becomes the index: the raw total over the scale, or the points over the applicable maximum.
 */
export type Normalisation = "raw" | "applicable";

/**
 * Online public-service level since Nghị định 42/2022: toàn trình, một phần, or none.
 */
export type OnlineLevel = "full" | "partial" | "none";

export type OutgoingDocument = { id: number, created_at: string, year: number, 
/**
 * The running number of the year.
 */
number: number, 
/**
 * "BC-UBND".
 */
symbol: string, date: string, 
/**
 * Trích yếu.
 */
subject: string, signer: string, recipients: Array<string>, 
/**
 * The report this document is, when the app made it.
 */
report: [ReportKind, PeriodKey] | null, };

export type PackageEntry = { path: string, sha256: string, size: number, };

/**
 * What `import_packages` found and did (or, in a dry run, would do).
 */
export type PackageImportReport = { dry_run: boolean, files: Array<FileOutcome>, 
/**
 * Files written to the register (new, revision, stale, conflict); zero in a dry run.
 */
written: number, };

export type PageItem = { "Text": TextRun } | { "Rule": PageRule } | { "Box": FilledBox };

export type PageRule = { x1: number, y1: number, x2: number, y2: number, thickness_pt: number, };

/**
 * The four styles of the report font.
 */
export type PageStyle = "Regular" | "Bold" | "Italic" | "BoldItalic";

/**
 * A percentage in hundredths of a percent (98 % = `Percent(9800)`), for band thresholds and results.
 */
export type Percent = number;

/**
 * A band of a percentage rule: at least `min` % gives `points`.
 */
export type PercentBand = { min: Percent, points: Points, };

/**
 * A period of one year, written `2021-Q1`, `2021-H1`, `2021-Q3` or `2021`.
 */
export type PeriodKey = string;

export type PeriodKind = "Q1" | "H1" | "Q3" | "Year";

/**
 * A period's data window (từ ngày … đến ngày …) and submission deadline.
 */
export type PeriodWindow = { key: PeriodKey, start: string, end: string, deadline: string, };

export type Person = { id: number, created_at: string, updated_at: string, name: string, 
/**
 * Title or job position (chức danh / vị trí việc làm).
 */
position: string, 
/**
 * Rank (ngạch).
 */
rank: string, category: string, joined: string | null, left: string | null, qualification_level: string, qualification_field: string, political_theory: string, state_management: string, standard_met: boolean, 
/**
 * The day by which the person must meet the standard (e.g. 01/8/2028 under NĐ 33/2023).
 */
standard_deadline: string | null, note: string, };

/**
 * Everything an official enters about one person (cán bộ, công chức, …).
 */
export type PersonInput = { name: string, 
/**
 * Title or job position (chức danh / vị trí việc làm).
 */
position: string, 
/**
 * Rank (ngạch).
 */
rank: string, category: string, joined: string | null, left: string | null, qualification_level: string, qualification_field: string, political_theory: string, state_management: string, standard_met: boolean, 
/**
 * The day by which the person must meet the standard (e.g. 01/8/2028 under NĐ 33/2023).
 */
standard_deadline: string | null, note: string, };

/**
 * Where a finding is: a cell of a file (sheet, row, column) or a place in the register (period, field, procedure).
 */
export type Place = { sheet?: string | null, 
/**
 * 1-based row number as the spreadsheet shows it (the header is row 1).
 */
row?: number | null, column?: string | null, period?: string | null, field?: string | null, procedure?: string | null, 
/**
 * Another record of the register: a person, a plan or a task, as the official knows it.
 */
record?: string | null, 
/**
 * The kind of record `column` belongs to (`task`, `plan`, `iso_audit`…), so that the column is named as that
 * record names it: a task's `deadline` is "Thời hạn hoàn thành", a period's is "Hạn gửi báo cáo".
 */
entity?: string | null, };

export type Plan = { id: number, created_at: string, updated_at: string, kind: PlanKind, number: string, date: string, year: number, title: string, };

/**
 * A plan as entered. A plan is identified by its year and number ("25/KH-UBND" of 2021).
 */
export type PlanInput = { kind: PlanKind, number: string, date: string, year: number, title: string, };

export type PlanKind = "annual" | "propaganda" | "tthc_control" | "self_inspection" | "other";

/**
 * The progress of the plans of one year, measured on a day.
 */
export type PlanProgress = { date: string, year: number, areas: Array<AreaProgress>, overall: AreaProgress, overdue: Array<Task>, };

/**
 * Points in hundredths, so that 0.25-point rules add up with no rounding drift (1.5 points = `Points(150)`).
 */
export type Points = number;

/**
 * A procedure as stored in the register.
 */
export type Procedure = { id: number, 
/**
 * The date the procedure was retired (replaced or abolished), if it was.
 */
retired_on: string | null, created_at: string, updated_at: string, code: string, name: string, 
/**
 * Lĩnh vực.
 */
field: string, processing_time: ProcessingTime | null, 
/**
 * Phí, lệ phí as published ("Miễn phí", "8.000 đồng/bản").
 */
fee: string, 
/**
 * Căn cứ pháp lý, one per line.
 */
legal_bases: Array<string>, 
/**
 * Quyết định công bố.
 */
announcement: Decision, status: ProcedureStatus, 
/**
 * The procedure that replaces this one (when replaced).
 */
replaced_by: string | null, online_level: OnlineLevel, 
/**
 * Một cửa.
 */
one_stop: boolean, 
/**
 * Một cửa liên thông.
 */
interlinked: boolean, 
/**
 * Tiếp nhận / trả kết quả qua bưu chính.
 */
postal: boolean, 
/**
 * Không phụ thuộc địa giới hành chính.
 */
boundary_free: boolean, 
/**
 * Quy trình nội bộ được phê duyệt.
 */
internal_process: Decision, 
/**
 * Thuộc phạm vi áp dụng ISO 9001.
 */
in_iso_scope: boolean, };

/**
 * Everything an official enters about a procedure (add, edit, import).
 */
export type ProcedureInput = { code: string, name: string, 
/**
 * Lĩnh vực.
 */
field: string, processing_time: ProcessingTime | null, 
/**
 * Phí, lệ phí as published ("Miễn phí", "8.000 đồng/bản").
 */
fee: string, 
/**
 * Căn cứ pháp lý, one per line.
 */
legal_bases: Array<string>, 
/**
 * Quyết định công bố.
 */
announcement: Decision, status: ProcedureStatus, 
/**
 * The procedure that replaces this one (when replaced).
 */
replaced_by: string | null, online_level: OnlineLevel, 
/**
 * Một cửa.
 */
one_stop: boolean, 
/**
 * Một cửa liên thông.
 */
interlinked: boolean, 
/**
 * Tiếp nhận / trả kết quả qua bưu chính.
 */
postal: boolean, 
/**
 * Không phụ thuộc địa giới hành chính.
 */
boundary_free: boolean, 
/**
 * Quy trình nội bộ được phê duyệt.
 */
internal_process: Decision, 
/**
 * Thuộc phạm vi áp dụng ISO 9001.
 */
in_iso_scope: boolean, };

/**
 * Filters for the procedure list; search ignores case and diacritics.
 */
export type ProcedureQuery = { search?: string, field?: string, online_level?: OnlineLevel, status?: ProcedureStatus, 
/**
 * Include replaced and abolished procedures (default: only those in force).
 */
include_retired: boolean, };

export type ProcedureStatus = "active" | "amended" | "replaced" | "abolished";

/**
 * Processing time: an amount (may be fractional, e.g. 0,5) and its unit.
 */
export type ProcessingTime = { amount: number, unit: TimeUnit, };

/**
 * The quota (biên chế được giao) of one year and category, with the decision that set it.
 */
export type Quota = { year: number, category: string, quota: number, basis: Decision, };

/**
 * A received report with the manifest and data JSON exactly as they arrived.
 */
export type ReceivedReport = { province: string, report_kind: string, format_version: number, program_version: string, criteria_urn: string | null, criteria_version: string | null, manifest_json: string, data_json: string, report_id: string, root_id: string, supersedes: string | null, revision: number, unit_code: string, unit_name: string, period: PeriodKey, file_sha256: string, size: number, file_name: string, created_at: string, approved_at: string | null, approver: string | null, received_at: string, status: ReceivedStatus, };

/**
 * What became of a received file that was kept.
 */
export type ReceivedStatus = "current" | "superseded" | "stale" | "conflict";

/**
 * A received report without its JSON (what classifying a new file needs).
 */
export type ReceivedSummary = { report_id: string, root_id: string, supersedes: string | null, revision: number, unit_code: string, unit_name: string, period: PeriodKey, file_sha256: string, size: number, file_name: string, created_at: string, approved_at: string | null, approver: string | null, received_at: string, status: ReceivedStatus, };

/**
 * One record changed in a work copy: as it was (`before`, `None` when added) and as it is (`after`, `None` when
 * deleted), who changed it and when.
 */
export type RecordChange = { 
/**
 * The kind of record (the register's table: `procedure`, `case_stats`, `person`…).
 */
table: string, 
/**
 * The record's stable key, as JSON text.
 */
key: string, 
/**
 * How a person names the record ("1.001234 — Đăng ký khai sinh").
 */
label: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null, who: string, when: string, };

/**
 * A reform area, kept as data in the register.
 */
export type ReformArea = { code: string, name: string, };

/**
 * The reports the app prints.
 */
export type ReportKind = "periodic" | "stats" | "assessment";

/**
 * A laid-out page. Coordinates are millimetres from the top-left corner; `baseline` is a text line's baseline.
 */
export type ReportPage = { width: number, height: number, 
/**
 * The number printed in the top margin (none on the first page of a part).
 */
number: number | null, items: Array<PageItem>, };

/**
 * One section of a report: the draft written from the register and, if the official edited it, their text.
 */
export type ReportSection = { key: string, heading: string, draft: string, edited: string | null, };

/**
 * What a restore would change (`App::restore_preview`).
 */
export type RestorePreview = { path: string, 
/**
 * The copy's record, when it has one (a copy from the backups folder or a USB stick does).
 */
record: BackupInfo | null, copy: CopyFacts, current: CopyFacts, 
/**
 * Tables whose row counts differ between the register now and the copy.
 */
differences: Array<CountChange>, };

/**
 * A restore done: the copy made just before (restoring it undoes the restore) and what was restored.
 */
export type RestoreReport = { undo: BackupInfo, restored: CopyFacts, };

export type Review = { id: number, date: string, decisions: string, };

/**
 * A management review (xem xét của lãnh đạo); its decisions become actions.
 */
export type ReviewInput = { date: string, decisions: string, };

/**
 * The superior's view of a period.
 */
export type Rollup = { window: PeriodWindow, units: Array<RollupUnit>, counts: RollupCounts, 
/**
 * Biểu 06 summed across the units' current reports, by field, in Vietnamese order.
 */
by_field: Array<[string, CaseFigures]>, total: CaseFigures, on_time_rate: number | null, online_rate: number | null, };

export type RollupCounts = { expected: number, on_time: number, late: number, missing: number, 
/**
 * Units that reported without being on the list.
 */
unexpected: number, };

/**
 * One line of the roll-up.
 */
export type RollupUnit = { code: string, name: string, 
/**
 * False for a unit that sent a report but is not on the expected list.
 */
expected: boolean, status: UnitReportStatus, 
/**
 * The current revision used for the figures.
 */
report_id: string | null, revision: number | null, 
/**
 * When the first revision of the current report's root was received (local time).
 */
received_at: string | null, 
/**
 * Stale or conflicting files kept for this unit and period.
 */
flagged: number, figures: UnitFigures | null, 
/**
 * The self-assessment in the current report (year files only).
 */
assessment: UnitAssessment | null, };

/**
 * The state of one leaf in every round. Points are `None` until given.
 */
export type ScoreEntry = { code: string, 
/**
 * Self points (for a survey leaf: the published survey result).
 */
self_points: Points | null, 
/**
 * Không phát sinh: the leaf leaves the applicable maximum.
 */
not_applicable: boolean, 
/**
 * The unit's note.
 */
note: string, 
/**
 * Giải trình: why a leaf scored above zero has no evidence.
 */
explanation: string, 
/**
 * The suggestion computed from the registers, and its trace.
 */
suggested: Points | null, trace: string, 
/**
 * Why the self points differ from the suggestion.
 */
override_reason: string, round1: Points | null, round1_note: string, 
/**
 * The unit's explanation to the appraiser after round 1.
 */
reply: string, round2: Points | null, round2_note: string, 
/**
 * Evidence documents linked to this leaf (ids).
 */
evidence: Array<number>, };

/**
 * A revision this unit exported (`package_sent`).
 */
export type SentPackage = { report_id: string, root_id: string, supersedes: string | null, revision: number, period: PeriodKey, 
/**
 * SHA-256 of the content (`Payload::content_sha256`: `data.json` alone when it is the only entry, otherwise the
 * list of every entry's path, hash and size): an export with the same content is the same revision.
 */
data_sha256: string, 
/**
 * SHA-256 of the whole file (its copy is `archive/<file_sha256>.cchc`).
 */
file_sha256: string, size: number, approver: string | null, created_at: string, };

/**
 * The decision that issued a set.
 */
export type SetDecision = { number: string, date?: string | null, };

export type Severity = "error" | "warning";

/**
 * One column of a sheet, as the import dialog explains it before a file is chosen.
 */
export type SheetColumn = { 
/**
 * The header the template writes ("Mã TTHC").
 */
header: string, 
/**
 * A file without this column is refused.
 */
required: boolean, 
/**
 * Other headers read as this column (as the national portal's exports name them).
 */
aliases: Array<string>, };

/**
 * A sheet the window imports, explains and offers an empty template of.
 */
export type SheetKind = "procedures" | "stats" | "quotas" | "people" | "tasks";

/**
 * How the signer signs: on behalf of the collective (TM.), as deputy (KT.), or in their own name.
 */
export type SignAuthority = "tm" | "kt" | "direct";

export type Signer = { name: string, 
/**
 * The signer's title as printed ("Chủ tịch", "Phó Chủ tịch").
 */
title: string, authority: SignAuthority, };

/**
 * A staff category, kept as data in the register (the rules changed in 07/2025 and will change again).
 */
export type StaffCategory = { 
/**
 * Stable key, e.g. `can_bo`, `cong_chuc`.
 */
code: string, 
/**
 * Vietnamese name, e.g. "Công chức".
 */
name: string, 
/**
 * The last day the category exists, if it has ended.
 */
valid_until: string | null, };

/**
 * The staffing of the unit on one day (quotas of that day's year).
 */
export type StaffingSummary = { date: string, year: number, rows: Array<CategoryStaffing>, 
/**
 * Sum of the quotas set.
 */
quota: number, 
/**
 * Sum of the present headcounts of the categories with a quota.
 */
present: number, 
/**
 * Sum of the unfilled places (categories over quota count zero, not negative).
 */
vacancies: number, 
/**
 * Share meeting the standard, in percent, over the present people whose standing is known (every person
 * record, and the totals entered with their number meeting it); `None` when no one's standing is known.
 */
standard_share: number | null, 
/**
 * Present people counted in `standard_share`.
 */
standard_known: number, 
/**
 * Present people of entered totals that do not say how many meet the standard (left out of the share).
 */
standard_unknown: number, standard_due: Array<StandardDue>, 
/**
 * Over quota, people in a category with no quota.
 */
findings: Array<Finding>, };

/**
 * The stages, in order. Only one stage is editable at a time; the others are read-only.
 */
export type Stage = "draft" | "self_locked" | "appraisal1" | "explanation" | "appraisal2" | "final";

/**
 * A present person whose standard deadline is near or past.
 */
export type StandardDue = { person: string, category: string, deadline: string, 
/**
 * Negative: late.
 */
days_left: number, };

/**
 * Statistics of one period for one field (lĩnh vực), optionally for one procedure of it.
 */
export type StatsRow = { period: PeriodKey, field: string, 
/**
 * A procedure code when the unit keeps figures per procedure; `None` for the whole field.
 */
procedure: string | null, 
/**
 * Số hồ sơ nhận giải quyết — tổng số.
 */
received_total: number, 
/**
 * … trong đó trực tuyến.
 */
received_online: number, 
/**
 * … trực tiếp và dịch vụ bưu chính.
 */
received_direct: number, 
/**
 * … từ kỳ trước chuyển qua.
 */
carried_over: number, 
/**
 * Số hồ sơ đã giải quyết — tổng số.
 */
resolved_total: number, 
/**
 * … trước hạn.
 */
resolved_early: number, 
/**
 * … đúng hạn.
 */
resolved_on_time: number, 
/**
 * … quá hạn.
 */
resolved_late: number, 
/**
 * Số hồ sơ đang giải quyết — tổng số.
 */
in_progress_total: number, 
/**
 * … trong hạn.
 */
in_progress_within: number, 
/**
 * … quá hạn.
 */
in_progress_overdue: number, 
/**
 * Thư xin lỗi đã gửi (for late dossiers).
 */
apology_letters: number, };

/**
 * A period's statistics as shown and printed: its window, rows, totals and rates.
 */
export type StatsTable = { window: PeriodWindow, rows: Array<StatsRow>, total: CaseFigures, 
/**
 * (early + on time) / resolved, in percent; `None` when nothing was resolved.
 */
on_time_rate: number | null, 
/**
 * online / (online + direct), in percent; `None` when nothing new was received.
 */
online_rate: number | null, };

/**
 * A file copied into the evidence store, named by its SHA-256.
 */
export type StoredFile = { sha256: string, original_name: string, size: number, };

/**
 * A suggested score for a leaf linked to a register metric, with its readable trace.
 */
export type Suggestion = { code: string, metric: string, 
/**
 * `None` when the registers cannot measure it (the trace says why): the official scores by hand.
 */
points: Points | null, trace: string, };

export type Task = { id: number, created_at: string, updated_at: string, plan_year: number, plan_number: string, 
/**
 * A reform-area code (`tthc`, `cong_vu`, …).
 */
area: string, content: string, owner: string, deadline: string | null, expected_output: string, status: TaskStatus, percent: number, 
/**
 * A document reference (số, ký hiệu, ngày của văn bản kiểm chứng).
 */
evidence: string, };

/**
 * A task as entered; it names its plan by year and number. Identified by its plan and its content.
 */
export type TaskInput = { plan_year: number, plan_number: string, 
/**
 * A reform-area code (`tthc`, `cong_vu`, …).
 */
area: string, content: string, owner: string, deadline: string | null, expected_output: string, status: TaskStatus, percent: number, 
/**
 * A document reference (số, ký hiệu, ngày của văn bản kiểm chứng).
 */
evidence: string, };

export type TaskStatus = "not_started" | "in_progress" | "done" | "cancelled";

export type TextRun = { x: number, baseline: number, size: number, style: PageStyle, text: string, 
/**
 * Extra width added to every space to justify the line (millimetres).
 */
space_extra: number, 
/**
 * The printed width, justification included.
 */
width: number, };

export type TimeUnit = "working_days" | "days" | "working_hours";

/**
 * The self-assessment columns of a roll-up line: the total of the latest column, its percentage of the scale,
 * the class, and the rank among the period's units (equal scores share a rank).
 */
export type UnitAssessment = { 
/**
 * "urn@version" of the criteria set.
 */
criteria: string, stage: Stage, 
/**
 * The latest column with points: round 2, else round 1, else the unit's own.
 */
column: AssessmentColumn, score: Points, percent: Percent | null, class: string | null, 
/**
 * 1 for the highest score; units with equal scores share a rank and the next rank skips (1, 1, 3).
 */
rank: number, };

/**
 * The key figures of one unit's current report.
 */
export type UnitFigures = { 
/**
 * Procedures in force (TTHC).
 */
procedures: number, total: CaseFigures, on_time_rate: number | null, online_rate: number | null, quota: number, present: number, iso_in_use: boolean, iso_announced: boolean, iso_audits: number, iso_reviews: number, plan_tasks: number, plan_done: number, plan_completion_rate: number | null, };

export type UnitKind = "xa" | "phuong" | "dac_khu" | "so_noi_vu";

export type UnitProfile = { 
/**
 * Official name, e.g. "Ủy ban nhân dân phường Trần Phú".
 */
name: string, kind: UnitKind, province: string, 
/**
 * Optional code of the unit (for the files sent to the superior level).
 */
code: string, 
/**
 * First header line: the superior agency ("UBND TỈNH HẢI DƯƠNG"); may be empty.
 */
superior_line: string, 
/**
 * Second header line: the issuing agency ("UBND PHƯỜNG TRẦN PHÚ").
 */
issuer_line: string, 
/**
 * Place name used in the date line ("Trần Phú, ngày … tháng … năm …").
 */
place_name: string, signer: Signer, 
/**
 * "Kính gửi" lines.
 */
recipients: Array<string>, 
/**
 * "Nơi nhận" lines.
 */
copies_to: Array<string>, 
/**
 * The person recorded in the change log as making edits on this machine.
 */
user_name: string, };

/**
 * Whether and when a unit's report of the period arrived.
 */
export type UnitReportStatus = "on_time" | "late" | "missing";

/**
 * What an import did: rows added, changed, and already identical.
 */
export type UpsertCounts = { added: number, updated: number, unchanged: number, };

/**
 * The register being used is a work copy: whose, taken when, and how many changes files it has written.
 */
export type WorkCopyInfo = { copy_id: string, person: string, taken_at: string, 
/**
 * Changes files written so far (the next one is numbered `sent + 1`).
 */
sent: number, };

/**
 * A work copy written.
 */
export type WorkCopyTaken = { path: string, copy: WorkCopyInfo, size: number, evidence_files: number, };
