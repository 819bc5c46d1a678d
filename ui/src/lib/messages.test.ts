// The sentences an official reads for errors and findings: the CLI's wording, with Vietnamese numbers.
import { describe, expect, it } from "vitest";
import { ERROR_CODES, type Finding, type FindingCode } from "../api/types";
import { badDateMessage, errorMessage, fill, findingLine, findingMessage, placeText } from "./messages";
import { assessment, errorMessages, findingMessages, sendReport } from "./strings";

const f = (code: FindingCode, values: Record<string, string> = {}, place: Finding["place"] = {}): Finding => ({
  code,
  severity: "error",
  place,
  values,
});

describe("messages", () => {
  it("has a Vietnamese sentence for every error code, in NFC", () => {
    for (const code of ERROR_CODES) {
      expect(errorMessages[code], code).toBeTruthy();
      expect(errorMessages[code].normalize("NFC")).toBe(errorMessages[code]);
    }
    for (const text of Object.values(findingMessages)) expect(text.normalize("NFC")).toBe(text);
  });

  it("counts the errors of an INVALID error", () => {
    const error = { code: "INVALID" as const, message: "", findings: [f("REQUIRED_MISSING"), f("BAD_NUMBER")] };
    expect(errorMessage(error)).toBe("Dữ liệu chưa hợp lệ (2 lỗi); chưa ghi gì vào sổ.");
  });

  it("writes counts with a thousands dot but years as they are", () => {
    expect(fill("{count} hồ sơ năm {year}", { count: 2051, year: 2026 })).toBe("2.051 hồ sơ năm 2026");
    // A report file's default name for a year: "…-2026.cchcbc", never "…-2.026.cchcbc"; a unit code as written;
    // its extension tells it from a register (.cchc) and a backup copy (.cchcsl).
    expect(fill(sendReport.defaultName, { unit: "10507-phuong-hai-duong", period: "2026" })).toBe(
      "bao-cao-cchc-10507-phuong-hai-duong-2026.cchcbc",
    );
    expect(fill("Mã {unitCode}", { unitCode: "10507" })).toBe("Mã 10507");
    expect(findingMessage(f("ISO_REVIEW_MISSING", { year: "2026" }))).toBe("Năm 2026 chưa họp xem xét của lãnh đạo.");
  });

  it("writes last year as a year in the comparison (it read “năm 2.025”)", () => {
    expect(fill(assessment.compareHeading, { year: 2026, previousYear: 2025 })).toBe(
      "So sánh năm 2026 với năm 2025",
    );
  });

  it("fills values and picks the variant for the extra values", () => {
    expect(findingMessage(f("TIME_WITHOUT_UNIT", { value: "5" }))).toBe(
      "Thời hạn “5” thiếu đơn vị (ngày hoặc ngày làm việc).",
    );
    expect(findingMessage(f("BAD_PROCEDURE_CODE", { value: "1.2", expected: "1.001193" }))).toBe(
      "Không thể đổi mã thủ tục “1.001193” thành “1.2”; mã khác là một thủ tục khác.",
    );
    expect(findingMessage(f("DUPLICATE_IN_FILE", { code: "1.001193", first_row: "3" }))).toBe(
      "“1.001193” xuất hiện nhiều lần trong tệp (lần đầu ở dòng 3).",
    );
    expect(findingMessage(f("MISSING_COLUMN", { column: "Lĩnh vực" }))).toBe("Tệp thiếu cột “Lĩnh vực”.");
  });

  it("picks the core's variants and the window's own remedy (the command line names a command there)", () => {
    expect(findingMessage(f("CRITERIA_RULE_MISMATCH", { problem: "metric", metric: "m", rule: "r" }))).toBe(
      "Chỉ số “m” không dùng được với cách chấm “r”.",
    );
    expect(findingMessage(f("SURVEY_NOT_SELF_SCORED", { value: "9.1" }))).toBe(
      "Tiêu chí 9.1 là điểm điều tra xã hội học do tỉnh công bố nên đơn vị không tự chấm; kết quả được nhập ở bước thẩm định.",
    );
    expect(findingMessage(f("NO_QUOTA", { year: "2025", value: "Công chức" }))).toContain("Năm 2025 chưa có");
  });

  it("says where a finding is", () => {
    expect(placeText({ sheet: "Thủ tục hành chính", row: 7, column: "Mã TTHC" })).toBe(
      "Trang tính “Thủ tục hành chính”, dòng 7, cột “Mã TTHC”",
    );
    expect(placeText({ period: "2025-Q1", field: "Hộ tịch", column: "received_total" })).toBe(
      "Kỳ quý I năm 2025, lĩnh vực Hộ tịch, cột “Nhận: Tổng số”",
    );
    expect(placeText({ period: "2026", field: "Đất đai" })).toBe("Kỳ năm 2026, lĩnh vực Đất đai");
    expect(placeText({ period: "2026-H1" })).toBe("Kỳ 6 tháng năm 2026");
    expect(placeText({ column: "code" })).toBe("Mục “Mã thủ tục”");
    // A task due before its plan was refused with its field called "Hạn gửi báo cáo".
    expect(placeText({ column: "deadline", entity: "task" })).toBe("Mục “Thời hạn hoàn thành”");
    expect(placeText({ column: "deadline", entity: "period" })).toBe("Mục “Hạn gửi báo cáo”");
    // Files inside a report file were shown as "Data.json".
    expect(placeText({ record: "data.json" })).toBe("data.json");
    expect(placeText({ record: "nhiệm vụ “Rà soát”" })).toBe("Nhiệm vụ “Rà soát”");
    expect(findingLine(f("EMPTY_ROW", {}, { row: 1200 }))).toBe("Dòng 1.200: Dòng không có dữ liệu.");
  });
});

describe("badDateMessage", () => {
  it("calls a day that does not exist impossible, and a wrong shape a wrong shape", () => {
    expect(badDateMessage("31/02/2026")).toBe("Ngày “31/02/2026” không có thật: tháng 2 năm 2026 không có ngày 31.");
    expect(badDateMessage("2026-04-31")).toBe("Ngày “2026-04-31” không có thật: tháng 4 năm 2026 không có ngày 31.");
    expect(badDateMessage("12/13/2026")).toBe("Ngày “12/13/2026” không có thật: một năm chỉ có 12 tháng (đang ghi tháng 13).");
    expect(badDateMessage("mai")).toBe("“mai” không phải là ngày hợp lệ; hãy viết theo dạng dd/mm/yyyy.");
  });
});
