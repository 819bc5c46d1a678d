import { describe, expect, it } from "vitest";
import { baseName, evidenceFiles, fileSlug, formatTimestamp, isFullPath, keyFigures, pathLines, shortHash } from "./packages";

describe("report-file helpers", () => {
  it("names the evidence files of a data.json by their entry", () => {
    const sha = "a".repeat(64);
    const data = JSON.stringify({
      assessment: { evidence: [{ title: "Plan", file: { sha256: sha, original_name: "plan.pdf" } }, { title: "No file", file: null }] },
    });
    expect([...evidenceFiles(data).entries()]).toEqual([[`evidence/${sha}`, { name: "plan.pdf", title: "Plan" }]]);
    expect(evidenceFiles("{}").size).toBe(0);
    expect(evidenceFiles("not json").size).toBe(0);
  });

  it("makes file names without diacritics", () => {
    expect(fileSlug("Ủy ban nhân dân phường Trần Phú")).toBe("uy-ban-nhan-dan-phuong-tran-phu");
    expect(fileSlug("26734-Đặc khu Côn Đảo")).toBe("26734-dac-khu-con-dao");
    expect(fileSlug("  ")).toBe("");
    const long = fileSlug("26734-" + "Ủy ban nhân dân phường Nguyễn Trãi thành phố Hà Đông ".repeat(4));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^26734-uy-ban-nhan-dan-phuong-nguyen-trai-thanh-pho-ha-dong-uy-ban-[a-z-]*[a-z]$/);
    expect("26734-uy-ban-nhan-dan-phuong-nguyen-trai-thanh-pho-ha-dong-uy-ban-nhan-dan-phuong-nguyen".startsWith(long)).toBe(true);
  });

  it("shortens hashes, formats timestamps, splits paths", () => {
    expect(shortHash("0123456789abcdef0123")).toBe("0123456789ab");
    expect(formatTimestamp("2026-11-23T09:30:00.000+07:00")).toBe("23/11/2026 09:30");
    expect(formatTimestamp(null)).toBe("");
    expect(baseName("/media/usb/bao-cao.cchc")).toBe("bao-cao.cchc");
    expect(baseName("E:\\bao cao\\x.cchc")).toBe("x.cchc");
    expect(isFullPath("/media/usb/a.cchc")).toBe(true);
    expect(isFullPath("E:\\a.cchc")).toBe(true);
    expect(isFullPath("\\\\srv\\a")).toBe(true);
    expect(isFullPath("a.cchc")).toBe(false);
    expect(pathLines(" /a.cchc \n\n/b\r\n")).toEqual(["/a.cchc", "/b"]);
  });

  it("reads the key figures of a data.json by the core's rules", () => {
    const data = {
      procedures: [{ status: "active" }, { status: "abolished" }, { status: "amended" }],
      statistics: [
        { field: "Hộ tịch", procedure: null, received_total: 10, received_online: 4, resolved_total: 8 },
        { field: "Hộ tịch", procedure: "1.001193", received_total: 99 },
        { field: "Chứng thực", procedure: "2.000815", received_total: 3, resolved_total: 2, resolved_on_time: 2 },
      ],
      staffing: { quota: 20, present: 18 },
      iso: { in_use: true, announced: true, audits: ["2026-05-01"], reviews: [] },
      plans: { progress: { tasks: 4, done: 3, completion_rate: 75 } },
    };
    const f = keyFigures(JSON.stringify(data))!;
    expect(f.procedures).toBe(2);
    expect(f.total.received_total).toBe(13);
    expect(f.total.resolved_on_time).toBe(2);
    expect([f.quota, f.present, f.isoAudits, f.planDone, f.planRate]).toEqual([20, 18, 1, 3, 75]);
    expect(keyFigures("not json")).toBeNull();
  });
});
