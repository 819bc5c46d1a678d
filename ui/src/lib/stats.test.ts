// The Biểu 06 rules the grid applies while the official types, checked against the core's rules and numbers.
import { describe, expect, it } from "vitest";
import type { Finding, StatsRow, StatsTable } from "../api/types";
import { findingMessage } from "./messages";
import {
  checkRow,
  emptyFigures,
  fieldFigures,
  gridRows,
  latestPeriodIn,
  latestPeriodWith,
  onTimeRate,
  onlineRate,
  periodTotal,
  shownFindings,
} from "./stats";

function row(field: string, figures: Partial<StatsRow> = {}, procedure: string | null = null): StatsRow {
  return { period: "2026-H1", field, procedure, ...emptyFigures(), ...figures };
}

/** A consistent row: 12 received = 5 online + 6 direct + 1 carried over = 10 resolved + 2 in progress. */
const consistent = row("Hộ tịch", {
  received_total: 12,
  received_online: 5,
  received_direct: 6,
  carried_over: 1,
  resolved_total: 10,
  resolved_early: 4,
  resolved_on_time: 5,
  resolved_late: 1,
  in_progress_total: 2,
  in_progress_within: 2,
  in_progress_overdue: 0,
  apology_letters: 1,
});

const codes = (findings: Finding[]) => findings.map((f) => `${f.code}@${f.place.column}`);

describe("live checks", () => {
  it("finds nothing wrong with a consistent row", () => {
    expect(checkRow(consistent)).toEqual([]);
  });

  it("marks a received total that is not online + direct + carried over", () => {
    const findings = checkRow({ ...consistent, received_online: 4 });
    expect(codes(findings)).toEqual(["RECEIVED_SUM_MISMATCH@received_total"]);
    expect(findingMessage(findings[0])).toBe(
      "Tổng số hồ sơ nhận (12) khác tổng trực tuyến + trực tiếp + kỳ trước (11).",
    );
  });

  it("marks a received total that is not resolved + in progress", () => {
    const findings = checkRow({ ...consistent, received_total: 2051, received_direct: 2045 });
    expect(codes(findings)).toEqual(["RECEIVED_BALANCE_MISMATCH@received_total"]);
    expect(findingMessage(findings[0])).toBe(
      "Tổng số hồ sơ nhận (2.051) khác tổng đã giải quyết + đang giải quyết (12).",
    );
  });

  it("marks the resolved and in-progress sums on their total columns", () => {
    const findings = checkRow({ ...consistent, resolved_late: 2, apology_letters: 2, in_progress_overdue: 1 });
    expect(codes(findings)).toEqual([
      "RESOLVED_SUM_MISMATCH@resolved_total",
      "IN_PROGRESS_SUM_MISMATCH@in_progress_total",
    ]);
  });

  it("marks each negative figure on its own cell", () => {
    const findings = checkRow({ ...consistent, carried_over: -1, received_direct: 8 });
    expect(codes(findings)).toContain("NEGATIVE@carried_over");
    expect(findingMessage(findings.find((f) => f.code === "NEGATIVE")!)).toBe("Số liệu không được âm (đang ghi -1).");
  });

  it("warns when fewer apology letters were sent than dossiers were late", () => {
    const findings = checkRow({ ...consistent, apology_letters: 0 });
    expect(codes(findings)).toEqual(["APOLOGY_BELOW_LATE@apology_letters"]);
    expect(findings[0].severity).toBe("warning");
    expect(findingMessage(findings[0])).toBe("Số thư xin lỗi (0) ít hơn số hồ sơ giải quyết quá hạn (1).");
  });

  it("places findings like the server does", () => {
    const [f] = checkRow({ ...consistent, procedure: "1.001193", received_online: 0 });
    expect(f.place).toEqual({ period: "2026-H1", field: "Hộ tịch", procedure: "1.001193", column: "received_total" });
  });
});

describe("rates and totals", () => {
  it("computes the on-time rate as (early + on time) / resolved", () => {
    expect(onTimeRate({ ...emptyFigures(), resolved_total: 2051, resolved_early: 2000, resolved_on_time: 42 })).toBeCloseTo(
      99.5612,
      3,
    );
    expect(onTimeRate(emptyFigures())).toBeNull();
  });

  it("computes the online rate over new dossiers only", () => {
    expect(onlineRate(consistent)).toBeCloseTo((5 * 100) / 11, 6);
    expect(onlineRate(emptyFigures())).toBeNull();
  });

  it("takes a field's whole-field row, or else the sum of its procedures", () => {
    const rows = [
      row("Chứng thực", { received_total: 3 }, "2.000815"),
      row("Chứng thực", { received_total: 4 }, "2.000884"),
      row("Hộ tịch", { received_total: 9 }),
      row("Hộ tịch", { received_total: 100 }, "1.001193"),
    ];
    expect(fieldFigures(rows, "Chứng thực").received_total).toBe(7);
    expect(fieldFigures(rows, "Hộ tịch").received_total).toBe(9);
    expect(periodTotal(rows).received_total).toBe(16);
  });

  it("ignores a whole-field row of zeros when procedures have figures", () => {
    const rows = [row("Chứng thực"), row("Chứng thực", { resolved_total: 5 }, "2.000815")];
    expect(periodTotal(rows).resolved_total).toBe(5);
  });
});

describe("grid", () => {
  it("lists every field once, with statistics-only fields last and procedure rows under their field", () => {
    const rows = [row("Đất đai", { received_total: 1 }), row("Hộ tịch", { received_total: 2 }, "1.001193")];
    const grid = gridRows("2026-H1", ["Chứng thực", "Hộ tịch"], rows);
    expect(grid.map((g) => [g.field, g.procedure])).toEqual([
      ["Chứng thực", null],
      ["Hộ tịch", null],
      ["Hộ tịch", "1.001193"],
      ["Đất đai", null],
    ]);
    expect(grid[0].row.received_total).toBe(0);
    expect(grid[3].row.received_total).toBe(1);
  });

  it("trusts the server once it has checked the row, and the live rules while an edit is on its way", () => {
    const live = checkRow({ ...consistent, received_online: 4 });
    const carried: Finding = {
      code: "CARRIED_OVER_MISMATCH",
      severity: "warning",
      place: { period: "2026-H1", field: "Hộ tịch", column: "carried_over" },
      values: { carried_over: "1", previous_in_progress: "3" },
    };
    const staleSum: Finding = { ...live[0], values: { total: "12", sum: "10" } };
    expect(shownFindings(live, [staleSum, carried], false).map((f) => f.code)).toEqual([
      "RECEIVED_SUM_MISMATCH",
      "CARRIED_OVER_MISMATCH",
    ]);
    expect(shownFindings(live, [carried], true)).toEqual([carried]);
  });
});

describe("where the work is", () => {
  it("opens on the current period when it has figures, else on the nearest before it that has", () => {
    expect(latestPeriodIn("2026-Q1", ["2025", "2026-Q1"])).toBe("2026-Q1");
    // The demo's figures are in the nine months while the year is still open.
    expect(latestPeriodIn("2026", ["2025", "2026-Q3"])).toBe("2026-Q3");
    expect(latestPeriodIn("2026", [])).toBeNull();
  });

  it("asks only for the periods that have figures", async () => {
    const asked: string[] = [];
    const table = (key: string, rate: number | null) => ({ on_time_rate: rate, key }) as unknown as StatsTable;
    const found = await latestPeriodWith(
      "2026",
      ["2024", "2025", "2026-H1"],
      async (key) => {
        asked.push(key);
        return table(key, key === "2026-H1" ? null : 97.5);
      },
      (t) => t.on_time_rate !== null,
    );
    expect(found?.key).toBe("2025");
    expect(asked).toEqual(["2026-H1", "2025"]);
  });
});
