// Turns codes into sentences: an error's code, a finding's code with its values, and a finding's place, all in
// Vietnamese from strings.ts, whose sentences and captions are the core's vocabulary (the command line's too).

import type { CommandErrorShape, Finding, Place } from "../api/types";
import { badDateValues, formatInt, periodPhrase } from "./format";
import {
  columnCaptions,
  entityColumnCaptions,
  errorMessages,
  findingMessages,
  findingRemedies,
  findingVariantRules,
  findingVariants,
  placeParts,
} from "./strings";

/**
 * Fills {name} placeholders; whole numbers among the values print the Vietnamese way ("2051" → "2.051"), except a
 * year, a period or a code (a name ending in "year", "period" or "code", such as previousYear), written as it is
 * ("năm 2026", "…-2026.cchc", "10507").
 */
export function fill(template: string, values: Record<string, string | number | null | undefined> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === null || value === undefined) return "";
    // A year, a period or a code ("2026", "10507") is written as it is, not as a number; the command line agrees.
    return /(year|period|code)$/i.test(name) ? String(value) : numberOrText(String(value));
  });
}

function numberOrText(value: string): string {
  return /^-?\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? formatInt(Number(value)) : value;
}

/** The Vietnamese sentence for a failed command. */
export function errorMessage(error: CommandErrorShape): string {
  const template = errorMessages[error.code] ?? errorMessages.UNEXPECTED;
  const errors = (error.findings ?? []).filter((f) => f.severity === "error").length;
  return fill(template, { errors });
}

/** The sentence for a typed text that is not a date: an impossible day ("31/02/2026") is said to be one. */
export function badDateMessage(input: string): string {
  return findingMessage({ code: "BAD_DATE", severity: "error", place: {}, values: badDateValues(input) });
}

/** The Vietnamese sentence for a finding, filled with its values (the command line fills the same templates). */
export function findingMessage(finding: Finding): string {
  const values: Record<string, string> = { ...(finding.values ?? {}) };
  // Some producers name the offending text `code` or `column` rather than `value`, the allowed choices `expected` and
  // the first row `row` (the command line reads them the same way).
  values.value ??= values.code ?? values.column ?? "";
  if (finding.code === "MISSING_COLUMN" || finding.code === "UNKNOWN_COLUMN") {
    values.column = values.value || finding.place.column || "";
  }
  if (finding.code === "BAD_CHOICE") values.allowed ??= values.expected;
  if (finding.code === "DUPLICATE_IN_FILE") values.first_row ??= values.row;
  values.remedy = findingRemedies[finding.code] ?? "";
  const present = (name: string) => values[name] !== undefined && values[name] !== null;
  const rule = findingVariantRules.find(
    (r) =>
      r.code === finding.code &&
      (r.has ? r.has.every(present) : r.is !== undefined && values[r.is[0]] === r.is[1]),
  );
  return fill(rule ? findingVariants[rule.variant] : (findingMessages[finding.code] ?? finding.code), values);
}

/**
 * The caption of a stable column or input name, as the record it belongs to names it (a task's deadline is its
 * completion deadline); file headers (already captions) pass unchanged.
 */
export function columnCaption(name: string, entity?: string | null): string {
  return (entity ? entityColumnCaptions[`${entity}.${name}`] : undefined) ?? columnCaptions[name] ?? name;
}

/**
 * Where a finding is: "Trang tính “Thủ tục hành chính”, dòng 7, cột “Mã TTHC”",
 * "Kỳ 2026-H1, lĩnh vực Hộ tịch, cột “Nhận: Tổng số”", or "Mục “Mã thủ tục”" for a form's input.
 */
export function placeText(place: Place, omit: (keyof Place)[] = []): string {
  if (omit.length > 0) {
    place = { ...place };
    for (const key of omit) delete place[key];
  }
  const parts: string[] = [];
  if (place.sheet) parts.push(fill(placeParts.sheet, { sheet: place.sheet }));
  if (place.row !== undefined && place.row !== null) parts.push(fill(placeParts.row, { row: place.row }));
  if (place.period) parts.push(fill(placeParts.period, { period: periodPhrase(place.period) }));
  if (place.field) parts.push(fill(placeParts.field, { field: place.field }));
  if (place.procedure) parts.push(fill(placeParts.procedure, { procedure: place.procedure }));
  if (place.record) parts.push(place.record);
  if (place.column) {
    if (place.sheet) parts.push(fill(placeParts.column, { column: place.column }));
    else if (parts.length === 0) parts.push(fill(placeParts.item, { column: columnCaption(place.column, place.entity) }));
    else parts.push(fill(placeParts.column, { column: columnCaption(place.column, place.entity) }));
  }
  // A file named as it is written ("data.json", "evidence/…" inside a report file) keeps its own case.
  const firstIsPath =
    !place.sheet && !place.row && !place.period && !place.field && !place.procedure && isPath(place.record ?? "");
  return firstIsPath ? parts.join(", ") : capitalize(parts.join(", "));
}

/** A record that names a file: its first word holds a dot or a slash ("data.json", "evidence/ab12…"). */
function isPath(record: string): boolean {
  const first = record.split(/[ :,]/)[0] ?? "";
  return first.includes(".") || first.includes("/");
}

/** A finding as one line: "Place: sentence", or only the sentence when it has no place. */
export function findingLine(finding: Finding, omit: (keyof Place)[] = []): string {
  const place = placeText(finding.place, omit);
  const sentence = findingMessage(finding);
  return place ? `${place}: ${sentence}` : sentence;
}

export function countBySeverity(findings: Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === "error") errors += 1;
  return { errors, warnings: findings.length - errors };
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0].toLocaleUpperCase("vi") + text.slice(1);
}
