// The only door to the desktop shell: one typed function per command of docs/desktop-commands.md, the `progress`
// event, and the save dialog. Every failure rejects with a `CommandError` whose code the UI switches on.

import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { save } from "@tauri-apps/plugin-dialog";
import {
  ERROR_CODES,
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
  type StatsRow,
  type StatsTable,
  type UnitProfile,
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
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  setPending(pending + 1);
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw CommandError.from(reason);
  } finally {
    setPending(pending - 1);
  }
}

// ---- Session and unit ----

export const sessionStatus = () => call<Session>("session_status");
export const createRegister = (profile: UnitProfile) => call<Session>("create_register", { profile });
export const openLive = () => call<Session>("open_live");
export const openDemo = () => call<Session>("open_demo");
export const unitGet = () => call<UnitProfile>("unit_get");
export const unitSet = (profile: UnitProfile) => call<UnitProfile>("unit_set", { profile });

// ---- Periods ----

export const periodCurrent = () => call<PeriodWindow>("period_current");
export const periodGet = (period: PeriodKey) => call<PeriodWindow>("period_get", { period });

// ---- Procedures ----

export const fieldsList = () => call<string[]>("fields_list");
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
  call<ImportReport>("procedures_import", { name, bytes: Array.from(bytes), dryRun });
export const proceduresExport = (path: string) => call<number>("procedures_export", { path });

// ---- Statistics (Biểu 06) ----

export const statsGet = (period: PeriodKey) => call<StatsTable>("stats_get", { period });
export const statsSet = (row: StatsRow) => call<Finding[]>("stats_set", { row });
export const statsImport = (name: string, bytes: Uint8Array, dryRun: boolean) =>
  call<ImportReport>("stats_import", { name, bytes: Array.from(bytes), dryRun });
export const statsExport = (path: string, period: PeriodKey | null) =>
  call<number>("stats_export", { path, period });
export const check = (period: PeriodKey | null) => call<Finding[]>("check", { period });

// ---- Events and dialogs ----

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
