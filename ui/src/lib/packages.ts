// Small pure helpers of the report-file screens: file names, short hashes, timestamps, and the key figures of a
// received report's data.json (docs/package-format.md).

import type { CaseFigures } from "../api/types";
import { formatDate } from "./format";
import { addFigures, emptyFigures, figuresOf, isEmptyFigures } from "./stats";

/** At most this many characters: the name stays short on a USB stick and within Windows' 260-character paths. */
const SLUG_MAX = 80;

/**
 * A name safe for a file on any disk: lower case, no diacritics, words joined by "-", at most 80 characters.
 * Example: "Phường Trần Phú" gives "phuong-tran-phu".
 */
export function fileSlug(text: string): string {
  const slug = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u0111\u0110]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= SLUG_MAX) return slug;
  // A long official name is cut after a word, as the core cuts backup folder names (backups::legal_name_part).
  const cut = slug.slice(0, SLUG_MAX + 1);
  const end = cut.lastIndexOf("-");
  return (end > 0 ? cut.slice(0, end) : slug.slice(0, SLUG_MAX)).replace(/-+$/, "");
}

/** The first 12 hex digits of a SHA-256, enough to compare by eye. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

/** A stored local timestamp ("2026-11-23T09:30:00.000+07:00") as "23/11/2026 09:30"; other text as is. */
export function formatTimestamp(value: string | null | undefined): string {
  if (!value) return "";
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(value);
  return m ? `${formatDate(m[1])} ${m[2]}` : value;
}

/** The last path part of a file path (either separator). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).filter((p) => p !== "").pop() ?? path;
}

/** A full path ("/media/usb/x.cchc", "E:\\x.cchc", "\\\\server\\share\\x.cchc"), not a bare file name. */
export function isFullPath(path: string): boolean {
  return /^([a-zA-Z]:[\\/]|[\\/])/.test(path.trim());
}

/** Lines of a text area as paths: trimmed, empty lines dropped. */
export function pathLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** What the detail view shows of a received report's data. */
export interface KeyFigures {
  procedures: number;
  total: CaseFigures;
  quota: number;
  present: number;
  isoInUse: boolean;
  isoAnnounced: boolean;
  isoAudits: number;
  isoReviews: number;
  planTasks: number;
  planDone: number;
  planRate: number | null;
}

interface DataJson {
  procedures?: { status?: string }[];
  statistics?: ({ field: string; procedure?: string | null } & Partial<CaseFigures>)[];
  staffing?: { quota?: number; present?: number };
  iso?: { in_use?: boolean; announced?: boolean; audits?: unknown[]; reviews?: unknown[] };
  plans?: { progress?: { tasks?: number; done?: number; completion_rate?: number | null } };
  assessment?: { evidence?: { title?: string; file?: { sha256?: string; original_name?: string } | null }[] };
}

/** The evidence files named in a data.json: `evidence/<sha256>` → its original name and the document's title. */
export function evidenceFiles(dataJson: string): Map<string, { name: string; title: string }> {
  const out = new Map<string, { name: string; title: string }>();
  let data: DataJson;
  try {
    data = JSON.parse(dataJson) as DataJson;
  } catch {
    return out;
  }
  for (const e of data.assessment?.evidence ?? []) {
    const sha = e.file?.sha256;
    if (sha) out.set(`evidence/${sha}`, { name: e.file?.original_name || sha, title: e.title ?? "" });
  }
  return out;
}

/**
 * The key figures of a data.json, by the core's rules: procedures in force (not replaced or abolished); Biểu 06 per
 * field from its whole-field row when it has one, else the sum of its per-procedure rows. Null when it is not JSON.
 */
export function keyFigures(dataJson: string): KeyFigures | null {
  let data: DataJson;
  try {
    data = JSON.parse(dataJson) as DataJson;
  } catch {
    return null;
  }
  const byField = new Map<string, { whole: CaseFigures; parts: CaseFigures }>();
  for (const s of data.statistics ?? []) {
    const entry = byField.get(s.field) ?? { whole: emptyFigures(), parts: emptyFigures() };
    const figures = figuresOf({ ...emptyFigures(), ...s } as CaseFigures);
    if (s.procedure) entry.parts = addFigures(entry.parts, figures);
    else entry.whole = addFigures(entry.whole, figures);
    byField.set(s.field, entry);
  }
  let total = emptyFigures();
  for (const { whole, parts } of byField.values()) total = addFigures(total, isEmptyFigures(whole) ? parts : whole);
  const progress = data.plans?.progress ?? {};
  return {
    procedures: (data.procedures ?? []).filter((p) => p.status !== "replaced" && p.status !== "abolished").length,
    total,
    quota: data.staffing?.quota ?? 0,
    present: data.staffing?.present ?? 0,
    isoInUse: data.iso?.in_use ?? false,
    isoAnnounced: data.iso?.announced ?? false,
    isoAudits: data.iso?.audits?.length ?? 0,
    isoReviews: data.iso?.reviews?.length ?? 0,
    planTasks: progress.tasks ?? 0,
    planDone: progress.done ?? 0,
    planRate: progress.completion_rate ?? null,
  };
}
