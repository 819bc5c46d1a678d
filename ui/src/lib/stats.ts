// Biểu 06 rules mirrored from the core (src/model/stats.rs, App::period_total) for live feedback while typing in the
// grid: the four sums, negatives, fewer apology letters than late dossiers, field totals and the two rates. The
// findings `stats_set` returns stay authoritative; these only let a mistake show the moment it is typed.

import {
  FIGURE_COLUMNS,
  type CaseFigures,
  type FigureColumn,
  type Finding,
  type FindingCode,
  type PeriodKey,
  type Place,
  type StatsRow,
  type StatsTable,
} from "../api/types";
import { earlierPeriods } from "./format";

export function emptyFigures(): CaseFigures {
  const f = {} as CaseFigures;
  for (const column of FIGURE_COLUMNS) f[column] = 0;
  return f;
}

export function figuresOf(row: CaseFigures): CaseFigures {
  const f = emptyFigures();
  for (const column of FIGURE_COLUMNS) f[column] = row[column] ?? 0;
  return f;
}

export function isEmptyFigures(f: CaseFigures): boolean {
  return FIGURE_COLUMNS.every((column) => (f[column] ?? 0) === 0);
}

export function addFigures(a: CaseFigures, b: CaseFigures): CaseFigures {
  const sum = emptyFigures();
  for (const column of FIGURE_COLUMNS) sum[column] = (a[column] ?? 0) + (b[column] ?? 0);
  return sum;
}

/** Tỷ lệ giải quyết đúng hạn = (trước hạn + đúng hạn) / đã giải quyết, in percent; null when nothing was resolved. */
export function onTimeRate(f: CaseFigures): number | null {
  return f.resolved_total > 0 ? ((f.resolved_early + f.resolved_on_time) * 100) / f.resolved_total : null;
}

/** Tỷ lệ hồ sơ trực tuyến = trực tuyến / (trực tuyến + trực tiếp, bưu chính), in percent; null when none was new. */
export function onlineRate(f: CaseFigures): number | null {
  const fresh = f.received_online + f.received_direct;
  return fresh > 0 ? (f.received_online * 100) / fresh : null;
}

/** The codes the live rules produce (the server's others, such as CARRIED_OVER_MISMATCH, need the register). */
export const LIVE_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "NEGATIVE",
  "RECEIVED_SUM_MISMATCH",
  "RECEIVED_BALANCE_MISMATCH",
  "RESOLVED_SUM_MISMATCH",
  "IN_PROGRESS_SUM_MISMATCH",
  "APOLOGY_BELOW_LATE",
]);

function finding(
  code: FindingCode,
  severity: Finding["severity"],
  place: Place,
  values: Record<string, number>,
): Finding {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) text[name] = String(value);
  return { code, severity, place, values: text };
}

/** The place of a row's findings, as the server writes it (period, field, procedure). */
export function rowPlace(row: Pick<StatsRow, "period" | "field" | "procedure">): Place {
  const place: Place = { period: row.period, field: row.field };
  if (row.procedure) place.procedure = row.procedure;
  return place;
}

/** The live checks of one row, in the order and with the places and values of the core's `check_row`. */
export function checkRow(row: StatsRow): Finding[] {
  const f = row;
  const base = rowPlace(row);
  const at = (column: FigureColumn): Place => ({ ...base, column });
  const out: Finding[] = [];
  for (const column of FIGURE_COLUMNS) {
    if (f[column] < 0) out.push(finding("NEGATIVE", "error", at(column), { value: f[column] }));
  }
  const sums: [FindingCode, FigureColumn, number, number][] = [
    ["RECEIVED_SUM_MISMATCH", "received_total", f.received_total, f.received_online + f.received_direct + f.carried_over],
    ["RECEIVED_BALANCE_MISMATCH", "received_total", f.received_total, f.resolved_total + f.in_progress_total],
    ["RESOLVED_SUM_MISMATCH", "resolved_total", f.resolved_total, f.resolved_early + f.resolved_on_time + f.resolved_late],
    ["IN_PROGRESS_SUM_MISMATCH", "in_progress_total", f.in_progress_total, f.in_progress_within + f.in_progress_overdue],
  ];
  for (const [code, column, total, sum] of sums) {
    if (total !== sum) out.push(finding(code, "error", at(column), { total, sum }));
  }
  if (f.apology_letters < f.resolved_late) {
    out.push(
      finding("APOLOGY_BELOW_LATE", "warning", at("apology_letters"), {
        apology_letters: f.apology_letters,
        late: f.resolved_late,
      }),
    );
  }
  return out;
}

/** A stable key for a row of one period: its field and procedure. */
export function rowKey(field: string, procedure: string | null | undefined): string {
  return `${field}\u0000${procedure ?? ""}`;
}

/** True when a finding's place is this row (same period, field and procedure). */
export function isOfRow(finding: Finding, row: Pick<StatsRow, "period" | "field" | "procedure">): boolean {
  const p = finding.place;
  return p.period === row.period && p.field === row.field && (p.procedure ?? null) === (row.procedure ?? null);
}

/**
 * A field's figures: its whole-field row when that has any figure, otherwise the sum of its per-procedure rows
 * (the core's rule for totals).
 */
export function fieldFigures(rows: StatsRow[], field: string): CaseFigures {
  let whole: CaseFigures | null = null;
  let perProcedure = emptyFigures();
  for (const row of rows) {
    if (row.field !== field) continue;
    if (row.procedure) perProcedure = addFigures(perProcedure, figuresOf(row));
    else whole = figuresOf(row);
  }
  return whole && !isEmptyFigures(whole) ? whole : perProcedure;
}

/** The period's total over every field. */
export function periodTotal(rows: StatsRow[]): CaseFigures {
  const fields = [...new Set(rows.map((r) => r.field))];
  return fields.reduce((sum, field) => addFigures(sum, fieldFigures(rows, field)), emptyFigures());
}

export interface GridRow {
  key: string;
  field: string;
  /** Null for the whole-field row. */
  procedure: string | null;
  row: StatsRow;
}

/**
 * The grid's rows: one whole-field row per field (the register's fields first, in their order, then any field that
 * only the statistics know), each followed by the per-procedure rows the register holds for it.
 */
export function gridRows(period: PeriodKey, fields: string[], rows: StatsRow[]): GridRow[] {
  const order = [...fields];
  for (const row of rows) if (!order.includes(row.field)) order.push(row.field);
  const out: GridRow[] = [];
  for (const field of order) {
    const whole = rows.find((r) => r.field === field && !r.procedure);
    out.push({
      key: rowKey(field, null),
      field,
      procedure: null,
      row: whole ? { ...whole, period } : { period, field, procedure: null, ...emptyFigures() },
    });
    const perProcedure = rows
      .filter((r) => r.field === field && r.procedure)
      .sort((a, b) => (a.procedure ?? "").localeCompare(b.procedure ?? ""));
    for (const row of perProcedure) {
      out.push({ key: rowKey(field, row.procedure), field, procedure: row.procedure, row: { ...row, period } });
    }
  }
  return out;
}

/**
 * What to show for a row. Once the server has checked the row's current figures (`confirmed`), its findings are the
 * truth. While an edit is on its way, the live findings show at once, together with the server's findings that the
 * live rules cannot produce (a finding with the same code and column counts once).
 */
export function shownFindings(live: Finding[], server: Finding[], confirmed: boolean): Finding[] {
  if (confirmed) return server;
  const seen = new Set(live.map((f) => `${f.code}|${f.place.column ?? ""}`));
  return [...live, ...server.filter((f) => !LIVE_CODES.has(f.code) && !seen.has(`${f.code}|${f.place.column ?? ""}`))];
}

/**
 * The on-time rate (in %) a ward's CCHC plan usually sets as its target: the provinces' plans in the seeds ask for at
 * least 95 %. The dashboard shows a rate at or above it in green, below it in amber.
 */
export const ON_TIME_TARGET = 95;

/** Where the work is: the first of `start` and the `back` periods before it that has figures (`periods`), or null. */
export function latestPeriodIn(start: PeriodKey, periods: PeriodKey[], back = 8): PeriodKey | null {
  const has = new Set(periods);
  return [start, ...earlierPeriods(start, back)].find((key) => has.has(key)) ?? null;
}

/**
 * Where the work is: the first of `start` and the `back` periods before it that has figures (`periods`) and whose
 * table `accept` takes (the dashboard wants resolved dossiers), with its table; null when none has. Only periods with
 * figures are asked for.
 */
export async function latestPeriodWith(
  start: PeriodKey,
  periods: PeriodKey[],
  get: (key: PeriodKey) => Promise<StatsTable>,
  accept: (table: StatsTable) => boolean,
  back = 8,
): Promise<{ key: PeriodKey; table: StatsTable } | null> {
  const has = new Set(periods);
  for (const key of [start, ...earlierPeriods(start, back)].filter((k) => has.has(k))) {
    const table = await get(key);
    if (accept(table)) return { key, table };
  }
  return null;
}
