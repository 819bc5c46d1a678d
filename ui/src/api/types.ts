// Types of the desktop commands' arguments and results (docs/desktop-commands.md). The core's serde types are
// generated into ./generated.ts from the Rust types (src/typescript.rs; a tidy test fails when it is stale); what
// stays here is the desktop shell's own shapes (src-tauri), the lists the UI iterates at run time, and UI helpers.

import type {
  BackupInfo,
  CaseFigures,
  ErrorCode as CoreErrorCode,
  Finding,
  IsoVersion,
  Leftovers,
  Stage,
  AssessmentColumn,
  UnitProfile,
  WorkCopyInfo,
} from "./generated";

export type * from "./generated";

/** A code the UI switches on: the core's, the shell's own, or the front end's own. */
export type ErrorCode =
  | CoreErrorCode
  // The shell's own: no register is open yet; the system could not open a saved file.
  | "NO_REGISTER"
  | "CANNOT_OPEN"
  // The front end's own: anything that did not come back in the contract's shape (a crash, no shell at all).
  | "UNEXPECTED";

export const ERROR_CODES = [
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
  "REGISTER_BUSY",
  "NOT_UTF8",
  "WORK_COPY_CANNOT",
  "NOT_A_WORK_COPY",
  "FILE_REFUSED",
  "MISSING_GLYPHS",
  "REPORT_ISSUED",
  "NO_REGISTER",
  "CANNOT_OPEN",
  "UNEXPECTED",
] as const satisfies readonly ErrorCode[];
// Every code is listed: a code the core adds and this list lacks fails the type check here.
const errorCodesComplete: Exclude<ErrorCode, (typeof ERROR_CODES)[number]> extends never ? true : never = true;
void errorCodesComplete;

/** A record as saved, with the warnings found while checking it (errors refuse the save instead). */
export type Saved<T> = T & { warnings: Finding[] };

/** The shape every failing command rejects with (src-tauri/src/error.rs). */
export interface CommandErrorShape {
  code: ErrorCode;
  /** English, for logs. */
  message: string;
  findings: Finding[];
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
] as const satisfies readonly (keyof CaseFigures)[];

export type FigureColumn = (typeof FIGURE_COLUMNS)[number];
// Every figure is listed: a field the core adds to CaseFigures and this list lacks fails the type check here.
const figureColumnsComplete: Exclude<keyof CaseFigures, FigureColumn> extends never ? true : never = true;
void figureColumnsComplete;

export type SessionMode = "none" | "live" | "demo";

/** What the UI needs to choose its first screen (src-tauri/src/state.rs). */
export interface Session {
  mode: SessionMode;
  register_path: string | null;
  live_exists: boolean;
  unit: UnitProfile | null;
  /** The shell may report why the live register could not be opened at start. */
  error?: CommandErrorShape | null;
  /** With such an error: the newest verified copy it could be restored from. */
  recovery?: BackupInfo | null;
  /** The register open is a work copy: whose and taken when (every screen says so). */
  work_copy?: WorkCopyInfo | null;
}

/** The shell's `progress` event. */
export interface ProgressEvent {
  task: "demo" | "import" | "package" | "work-copy" | "merge";
  done: number;
  total: number;
}

/** `backups_verify`: per copy file, null when it verifies, else the error that makes it unusable. */
export interface BackupsCheck {
  copies: [string, CommandErrorShape | null][];
  leftovers: Leftovers;
}

export const ISO_VERSIONS = ["TCVN ISO 9001:2008", "TCVN ISO 9001:2015"] as const satisfies readonly IsoVersion[];

export const STAGES = [
  "draft",
  "self_locked",
  "appraisal1",
  "explanation",
  "appraisal2",
  "final",
] as const satisfies readonly Stage[];

export const ASSESSMENT_COLUMNS = ["self_score", "round1", "round2"] as const satisfies readonly AssessmentColumn[];
