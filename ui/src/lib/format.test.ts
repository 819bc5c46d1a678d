// What an official reads: numbers with thousands dots and a decimal comma, dd/mm/yyyy dates, period names, days left.
import { describe, expect, it } from "vitest";
import {
  daysUntil,
  deadlineText,
  earlierPeriods,
  formatAmount,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatInt,
  formatLongDate,
  formatPercent,
  formatProcessingTime,
  laterPeriod,
  parseAmount,
  parseCount,
  parseDate,
  parsePeriodKey,
  periodKey,
  periodLabel,
  periodPhrase,
  splitLines,
  todayIso,
  windowText,
} from "./format";

describe("numbers", () => {
  it("groups thousands with dots", () => {
    expect(formatInt(0)).toBe("0");
    expect(formatInt(999)).toBe("999");
    expect(formatInt(2051)).toBe("2.051");
    expect(formatInt(1234567)).toBe("1.234.567");
    expect(formatInt(-1234567)).toBe("-1.234.567");
  });

  it("writes decimals with a comma and percentages with a space", () => {
    expect(formatDecimal(99.5612, 2)).toBe("99,56");
    expect(formatDecimal(1234.5, 1)).toBe("1.234,5");
    expect(formatDecimal(-0.001, 2)).toBe("0,00");
    expect(formatPercent(99.5612)).toBe("99,56 %");
    expect(formatPercent(100)).toBe("100,00 %");
    expect(formatPercent(0)).toBe("0,00 %");
  });

  it("writes amounts as short as they can be", () => {
    expect(formatAmount(5)).toBe("5");
    expect(formatAmount(0.5)).toBe("0,5");
    expect(formatAmount(1.25)).toBe("1,25");
    expect(formatAmount(1000)).toBe("1.000");
  });

  it("reads counts typed with thousands separators and refuses fractions", () => {
    expect(parseCount("")).toBe(0);
    expect(parseCount("  ")).toBe(0);
    expect(parseCount("12")).toBe(12);
    expect(parseCount("1.234")).toBe(1234);
    expect(parseCount("1,234")).toBe(1234);
    expect(parseCount("1 234")).toBe(1234);
    expect(parseCount("2.051.000")).toBe(2051000);
    expect(parseCount("-5")).toBe(-5);
    expect(parseCount("1,5")).toBeNull();
    expect(parseCount("12.5")).toBeNull();
    expect(parseCount("mười")).toBeNull();
  });

  it("reads processing-time amounts with a decimal comma", () => {
    expect(parseAmount("5")).toBe(5);
    expect(parseAmount("0,5")).toBe(0.5);
    expect(parseAmount("0.5")).toBe(0.5);
    expect(parseAmount("năm")).toBeNull();
    expect(parseAmount("")).toBeNull();
  });
});

describe("dates", () => {
  it("prints dd/mm/yyyy and the long form", () => {
    expect(formatDate("2026-06-14")).toBe("14/06/2026");
    expect(formatDate(null)).toBe("");
    expect(formatLongDate("2021-06-15")).toBe("ngày 15 tháng 6 năm 2021");
  });

  it("reads what users type", () => {
    expect(parseDate("14/06/2026")).toBe("2026-06-14");
    expect(parseDate("1/2/2026")).toBe("2026-02-01");
    expect(parseDate("01-02-2026")).toBe("2026-02-01");
    expect(parseDate("01.02.2026")).toBe("2026-02-01");
    expect(parseDate(" 2026-06-14 ")).toBe("2026-06-14");
    expect(parseDate("29/02/2024")).toBe("2024-02-29");
  });

  it("refuses dates that do not exist or are written the American way", () => {
    expect(parseDate("29/02/2026")).toBeNull();
    expect(parseDate("31/04/2026")).toBeNull();
    expect(parseDate("06/31/2026")).toBeNull();
    expect(parseDate("14/06/26")).toBeNull();
    expect(parseDate("")).toBeNull();
  });

  it("counts the days left until a deadline", () => {
    expect(daysUntil("2026-06-20", "2026-06-15")).toBe(5);
    expect(daysUntil("2027-01-01", "2026-12-31")).toBe(1);
    expect(deadlineText("2026-06-20", "2026-06-15")).toBe("còn 5 ngày");
    expect(deadlineText("2026-06-20", "2026-06-20")).toBe("hôm nay là hạn cuối");
    expect(deadlineText("2026-06-20", "2026-06-23")).toBe("đã quá hạn 3 ngày");
    // Across the spring clock change in zones that have one: still whole days.
    expect(daysUntil("2026-04-01", "2026-03-01")).toBe(31);
  });

  it("takes today from the local calendar", () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
  });
});

describe("periods", () => {
  it("names every kind of period", () => {
    expect(periodLabel("2026-H1")).toBe("6 tháng năm 2026");
    expect(periodLabel("2026-Q1")).toBe("Quý I năm 2026");
    expect(periodLabel("2026-Q3")).toBe("9 tháng năm 2026");
    expect(periodLabel("2026")).toBe("Năm 2026");
    expect(periodPhrase("2026")).toBe("năm 2026");
    expect(periodPhrase("2026-Q1")).toBe("quý I năm 2026");
  });

  it("parses and builds period keys", () => {
    expect(parsePeriodKey("2026-h1")).toEqual({ year: 2026, kind: "H1" });
    expect(parsePeriodKey("2026")).toEqual({ year: 2026, kind: "Year" });
    expect(parsePeriodKey("2026-Q2")).toBeNull();
    expect(periodKey(2026, "Year")).toBe("2026");
    expect(periodKey(2026, "Q3")).toBe("2026-Q3");
  });

  it("shows the data window", () => {
    const window = { key: "2026-H1", start: "2025-12-15", end: "2026-06-14", deadline: "2026-06-20" };
    expect(windowText(window)).toBe("Từ ngày 15/12/2025 đến ngày 14/06/2026");
  });

  it("walks back through earlier periods in closing order", () => {
    expect(earlierPeriods("2026-Q3", 5)).toEqual(["2026-H1", "2026-Q1", "2025", "2025-Q3", "2025-H1"]);
    expect(earlierPeriods("2026", 1)).toEqual(["2026-Q3"]);
    expect(laterPeriod("2026-Q3")).toBe("2026");
    expect(laterPeriod("2026")).toBe("2027-Q1");
    expect(laterPeriod("2026-Q1")).toBe("2026-H1");
  });
});

describe("procedures", () => {
  it("prints processing times as published", () => {
    expect(formatProcessingTime({ amount: 5, unit: "working_days" })).toBe("5 ngày làm việc");
    expect(formatProcessingTime({ amount: 0.5, unit: "days" })).toBe("0,5 ngày");
    expect(formatProcessingTime({ amount: 8, unit: "working_hours" })).toBe("8 giờ làm việc");
    expect(formatProcessingTime(null)).toBe("");
  });

  it("splits one-per-line text", () => {
    expect(splitLines(" Sở Nội vụ \n\n UBND tỉnh\r\n")).toEqual(["Sở Nội vụ", "UBND tỉnh"]);
  });

  it("writes a local date and time the Vietnamese way", () => {
    expect(formatDateTime("2026-11-23T15:40:00")).toBe("23/11/2026 15:40");
    expect(formatDateTime("2026-11-23")).toBe("23/11/2026");
  });
});
