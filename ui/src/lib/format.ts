// Vietnamese formatting of numbers, percentages, dates and periods, and parsing of what users type in forms and the grid.

import type { PeriodKey, PeriodKind, PeriodWindow, ProcessingTime } from "../api/types";
import { dates, periodKindLabels, timeUnitLabels } from "./strings";

// ---- Numbers ----

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** An integer with a dot between thousands: 2051 → "2.051", -1234567 → "-1.234.567". */
export function formatInt(n: number): string {
  const whole = Math.trunc(n);
  const grouped = groupThousands(Math.abs(whole).toString());
  return whole < 0 ? `-${grouped}` : grouped;
}

/** A decimal number with `places` decimals, a decimal comma and thousands dots: 99.5612 → "99,56". */
export function formatDecimal(x: number, places: number): string {
  const text = Math.abs(x).toFixed(places);
  const [whole, fraction] = text.split(".");
  // "-0,00" would look like a negative zero; print the sign only when something non-zero is shown.
  const sign = x < 0 && /[1-9]/.test(text) ? "-" : "";
  return `${sign}${groupThousands(whole)}${fraction ? `,${fraction}` : ""}`;
}

/** A number as short as it can be written: 5 → "5", 0.5 → "0,5", 1.25 → "1,25". */
export function formatAmount(x: number): string {
  const text = formatDecimal(x, 3);
  return text.includes(",") ? text.replace(/0+$/, "").replace(/,$/, "") : text;
}

/** A percentage with two decimals and a space before the sign: 99.5612 → "99,56 %". */
export function formatPercent(x: number): string {
  return `${formatDecimal(x, 2)} %`;
}

/**
 * A count of dossiers as typed in the grid: "1.234", "1,234" and "1 234" are thousands; empty is 0; a minus sign is
 * kept (the server reports negatives rather than losing them). Fractions and text give null.
 */
export function parseCount(input: string): number | null {
  const text = input.trim().replace(/[\s\u00a0]/g, "");
  if (text === "") return 0;
  let digits: string | null = null;
  if (/^-?\d{1,3}([.,]\d{3})+$/.test(text)) digits = text.replace(/[.,]/g, "");
  else if (/^-?\d+$/.test(text)) digits = text;
  if (digits === null) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}

/** An amount such as a processing time: "5", "0,5", "0.5" → number; anything else → null. */
export function parseAmount(input: string): number | null {
  const text = input.trim();
  if (!/^\d+([.,]\d+)?$/.test(text)) return null;
  return Number(text.replace(",", "."));
}

// ---- Dates (the core sends and takes YYYY-MM-DD) ----

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "2026-06-14" → "14/06/2026"; null or empty → ""; text that is not a date is returned as is. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  const m = ISO_DATE.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** "2026-11-23T15:40:00" (a local date and time) → "23/11/2026 15:40". */
export function formatDateTime(value: string): string {
  const [date, time = ""] = value.split("T");
  return `${formatDate(date)} ${time.slice(0, 5)}`.trim();
}

/** "2021-06-15" → "ngày 15 tháng 6 năm 2021" (as printed in documents). */
export function formatLongDate(value: string): string {
  const m = ISO_DATE.exec(value);
  if (!m) return value;
  return fillDates(dates.longDate, { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] });
}

/**
 * A date typed as dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) or yyyy-mm-dd → "YYYY-MM-DD".
 * Returns null when it is not a real calendar date.
 */
export function parseDate(input: string): string | null {
  const text = input.trim();
  let m = ISO_DATE.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(y, mo, d) ? iso(y, mo, d) : null;
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDate(y, mo, d) ? iso(y, mo, d) : null;
}

/**
 * The values of the BAD_DATE finding for a text that is not a date, as the core gives them: written as a date but no
 * such day ("31/02/2026") names the day, month and year, or only the month when it is over 12; otherwise the text.
 */
export function badDateValues(input: string): Record<string, string> {
  const value = input.trim();
  const iso = ISO_DATE.exec(value);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const [y, mo, d] = iso
    ? [iso[1], iso[2], iso[3]]
    : dayFirst
      ? [dayFirst[3], dayFirst[2], dayFirst[1]]
      : [null, null, null];
  if (y === null || mo === null || d === null) return { value };
  const month = String(Number(mo));
  if (Number(mo) < 1 || Number(mo) > 12) return { value, month };
  return { value, day: String(Number(d)), month, year: y };
}

/** Today in the computer's time zone, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return iso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Whole calendar days from `today` to `deadline` (both YYYY-MM-DD): negative once the deadline has passed. */
export function daysUntil(deadline: string, today: string): number {
  const toDay = (value: string) => {
    const m = ISO_DATE.exec(value);
    if (!m) return NaN;
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
  };
  return Math.round(toDay(deadline) - toDay(today));
}

/** "còn 5 ngày", "hôm nay là hạn cuối", "đã quá hạn 3 ngày". */
export function deadlineText(deadline: string, today: string): string {
  const days = daysUntil(deadline, today);
  if (Number.isNaN(days)) return "";
  if (days > 0) return fillDates(dates.daysLeft, { days: formatInt(days) });
  if (days === 0) return dates.dueToday;
  return fillDates(dates.overdue, { days: formatInt(-days) });
}

// ---- Periods ----

export interface PeriodParts {
  year: number;
  kind: PeriodKind;
}

export const PERIOD_KINDS: readonly PeriodKind[] = ["Q1", "H1", "Q3", "Year"];

/** "2026-H1" → {year: 2026, kind: "H1"}; "2026" → Year; null when it is not a period key. */
export function parsePeriodKey(key: PeriodKey): PeriodParts | null {
  const m = /^(\d{4})(?:-(Q1|H1|Q3))?$/.exec(key.trim().toUpperCase());
  if (!m) return null;
  return { year: Number(m[1]), kind: (m[2] as PeriodKind | undefined) ?? "Year" };
}

/** {2026, "H1"} → "2026-H1"; {2026, "Year"} → "2026". */
export function periodKey(year: number, kind: PeriodKind): PeriodKey {
  return kind === "Year" ? String(year) : `${year}-${kind}`;
}

/** "6 tháng năm 2026", "Quý I năm 2026", "9 tháng năm 2026", "Năm 2026"; unknown keys as is. */
export function periodLabel(key: PeriodKey): string {
  const parts = parsePeriodKey(key);
  if (!parts) return key;
  if (parts.kind === "Year") return fillDates(dates.year, { year: String(parts.year) });
  return fillDates(dates.periodOfYear, { kind: periodKindLabels[parts.kind], year: String(parts.year) });
}

/** The label inside a sentence: "năm 2026", "quý I năm 2026", "6 tháng năm 2026" (after "Kỳ", "lĩnh vực", …). */
export function periodPhrase(key: PeriodKey): string {
  const label = periodLabel(key);
  return label.length === 0 ? label : label[0].toLocaleLowerCase("vi") + label.slice(1);
}

/** "Từ ngày 15/12/2025 đến ngày 14/06/2026". */
export function windowText(window: PeriodWindow): string {
  return fillDates(dates.window, { start: formatDate(window.start), end: formatDate(window.end) });
}

/**
 * Periods before `key`, nearest first, by the order their default windows close: 2026-Q3 → 2026-H1, 2026-Q1,
 * 2025, 2025-Q3, … (what "the latest period with data" walks back through).
 */
export function earlierPeriods(key: PeriodKey, count: number): PeriodKey[] {
  const start = parsePeriodKey(key);
  if (!start) return [];
  const out: PeriodKey[] = [];
  let year = start.year;
  let index = PERIOD_KINDS.indexOf(start.kind);
  while (out.length < count) {
    index -= 1;
    if (index < 0) {
      year -= 1;
      index = PERIOD_KINDS.length - 1;
    }
    out.push(periodKey(year, PERIOD_KINDS[index]));
  }
  return out;
}

/** The period after `key` in closing order: 2026-Q1 → 2026-H1 → 2026-Q3 → 2026 → 2027-Q1. */
export function laterPeriod(key: PeriodKey): PeriodKey | null {
  const parts = parsePeriodKey(key);
  if (!parts) return null;
  const index = PERIOD_KINDS.indexOf(parts.kind);
  return index === PERIOD_KINDS.length - 1
    ? periodKey(parts.year + 1, PERIOD_KINDS[0])
    : periodKey(parts.year, PERIOD_KINDS[index + 1]);
}

// ---- Procedures ----

/** "5 ngày làm việc", "0,5 ngày"; null → "". */
export function formatProcessingTime(time: ProcessingTime | null): string {
  if (!time) return "";
  return `${formatAmount(time.amount)} ${timeUnitLabels[time.unit]}`;
}

/** Text lines (a textarea) → trimmed, non-empty lines; and back. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

export function joinLines(lines: string[]): string {
  return lines.join("\n");
}

function fillDates(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");
}
