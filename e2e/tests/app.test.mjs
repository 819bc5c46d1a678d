// What an official does on the first day, in the real window: create the unit, add a procedure and find it without
// typing diacritics, try a file with a bad row, and enter a period's statistics.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdtempSync, readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { Key } from "webdriverio";
import { launch, byId, shown, screenshot, type, pickFile, previewText } from "../harness.mjs";

let browser;
const files = mkdtempSync(path.join(tmpdir(), "cchc-e2e-files-"));

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.deleteSession();
});

test("first run: the official creates the unit's register", async () => {
  await shown(browser, "first-run", 20000);
  await screenshot(browser, "01-khoi-dong-lan-dau");
  await (await shown(browser, "choose-create")).click();
  await type(browser, "unit-name", "Ủy ban nhân dân phường Trần Phú");
  await (await shown(browser, "unit-kind")).selectByAttribute("value", "phuong");
  await type(browser, "unit-province", "Hải Phòng");
  await type(browser, "unit-superior-line", "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG");
  await type(browser, "unit-issuer-line", "ỦY BAN NHÂN DÂN PHƯỜNG TRẦN PHÚ");
  await type(browser, "unit-place-name", "Trần Phú");
  await type(browser, "unit-signer-name", "Nguyễn Văn Hùng");
  await type(browser, "unit-signer-title", "Chủ tịch");
  await type(browser, "unit-user-name", "Nguyễn Thị Lan");
  await screenshot(browser, "02-tao-so-du-lieu");
  await (await shown(browser, "unit-submit")).click();

  await shown(browser, "screen-dashboard", 20000);
  const header = await shown(browser, "header-unit");
  await browser.waitUntil(async () => /phường Trần Phú/i.test(await header.getProperty("textContent")), {
    timeout: 10000,
    timeoutMsg: "the header does not name the new unit",
  });
  const period = await (await shown(browser, "period-window")).getText();
  assert.match(period, /\d{2}\/\d{2}\/\d{4}/, `the data window is shown as dd/mm/yyyy: ${period}`);
  // A new unit is guided through its first days, and "no problems" is never said over an empty register.
  const firstDay = await shown(browser, "first-day");
  assert.equal(await firstDay.getAttribute("data-left"), "4", "no code, procedures, quotas or plans yet");
  await browser.waitUntil(async () => (await byId(browser, "problem-count").isExisting()), { timeout: 10000 });
  assert.match(await byId(browser, "problem-count").getText(), /chưa có dữ liệu để kiểm tra/);
  await screenshot(browser, "03-tong-quan");
  // The first step opens the unit's form.
  await (await shown(browser, "first-day-unit-go")).click();
  await shown(browser, "unit-dialog");
  await browser.keys("Escape");
});

test("procedures: add one, then find it by typing without diacritics", async () => {
  await (await shown(browser, "nav-procedures")).click();
  await shown(browser, "screen-procedures");
  await (await shown(browser, "procedure-add")).click();
  await shown(browser, "procedure-form");
  await type(browser, "procedure-code", "1.001193");
  await type(browser, "procedure-name", "Thủ tục đăng ký khai sinh");
  await type(browser, "procedure-field", "Hộ tịch");
  await type(browser, "procedure-time-amount", "1");
  await screenshot(browser, "04-them-thu-tuc");
  // Enter saves; the form then edits the saved procedure (every edit is saved at once, no Save button to forget).
  await browser.keys("Enter");
  const form = byId(browser, "procedure-form");
  await browser.waitUntil(async () => (await form.getAttribute("data-mode")) === "edit", {
    timeout: 10000,
    timeoutMsg: "the procedure was not saved",
  });
  const saved = await byId(browser, "save-status").getAttribute("data-state");
  assert.ok(["saving", "saved"].includes(saved), `the save indicator shows the save: ${saved}`);
  await browser.keys("Escape");
  await byId(browser, "procedure-dialog").waitForDisplayed({ reverse: true, timeout: 5000 });

  // A save the register refuses (the code exists): the header says which edit failed, and stops saying it once
  // that edit is abandoned (the dialog closed), rather than warning about nothing for the rest of the day.
  await (await shown(browser, "procedure-add")).click();
  await shown(browser, "procedure-form");
  await type(browser, "procedure-code", "1.001193");
  await type(browser, "procedure-name", "Thủ tục đăng ký khai sinh (lần hai)");
  await type(browser, "procedure-field", "Hộ tịch");
  await type(browser, "procedure-time-amount", "1");
  await browser.keys("Enter");
  const status = byId(browser, "save-status");
  await browser.waitUntil(async () => (await status.getAttribute("data-state")) === "failed", {
    timeout: 10000,
    timeoutMsg: "the refused save was not shown in the header",
  });
  assert.match(await status.getText(), /^Chưa lưu được: Thêm thủ tục hành chính/);
  // Closing a dialog with something typed and not saved asks first; nothing typed is dropped silently.
  await browser.keys("Escape");
  await shown(browser, "discard-prompt");
  assert.ok(await byId(browser, "procedure-dialog").isDisplayed(), "the dialog stays while the question is asked");
  await (await shown(browser, "discard-drop")).click();
  await byId(browser, "procedure-dialog").waitForDisplayed({ reverse: true, timeout: 5000 });
  assert.notEqual(await status.getAttribute("data-state"), "failed", "the abandoned edit still shows as failed");

  await type(browser, "procedure-search", "dang ky khai sinh");
  const row = browser.$('[data-testid="procedure-row"][data-code="1.001193"]');
  await row.waitForDisplayed({ timeout: 10000, timeoutMsg: "search without diacritics did not find the procedure" });
  assert.match(await row.getText(), /Thủ tục đăng ký khai sinh/);
  await type(browser, "procedure-search", "ket hon");
  await shown(browser, "procedures-empty");
  await type(browser, "procedure-search", "ho tich");
  await row.waitForDisplayed({ timeout: 10000 });
  await screenshot(browser, "05-tim-khong-dau");
});

test("import: a file with a bad row shows the row's problem and writes nothing", async () => {
  const csv = path.join(files, "danh-muc-tthc.csv");
  writeFileSync(
    csv,
    "Mã TTHC,Tên thủ tục hành chính,Lĩnh vực,Thời hạn giải quyết,Đơn vị thời hạn\n" +
      "1.000894,Thủ tục đăng ký kết hôn,Hộ tịch,5,ngày làm việc\n" +
      "1.00065,Thủ tục đăng ký khai tử,Hộ tịch,1,ngày làm việc\n",
  );
  await type(browser, "procedure-search", "");
  await (await shown(browser, "procedures-import")).click();
  await shown(browser, "import-dialog");
  // Before a file is chosen, the dialog says which columns the file needs and offers the template.
  const columns = await shown(browser, "import-columns");
  assert.match(await columns.getText(), /Mã TTHC\s*bắt buộc/);
  assert.match(await columns.getText(), /Lĩnh vực\s*bắt buộc/);
  await shown(browser, "import-template");
  await pickFile(browser, "import-file", csv);
  await browser.waitUntil(async () => (await byId(browser, "import-panel").getAttribute("data-phase")) === "preview", {
    timeout: 15000,
    timeoutMsg: "the import preview did not appear",
  });
  const finding = browser.$('[data-testid="import-finding"][data-code="BAD_PROCEDURE_CODE"]');
  await finding.waitForDisplayed({ timeout: 5000 });
  assert.equal(await finding.getAttribute("data-row"), "3");
  assert.match(await finding.getText(), /1\.00065/);
  assert.equal(await byId(browser, "import-confirm").isEnabled(), false, "import stays disabled while rows are wrong");
  await screenshot(browser, "06-nhap-tep-co-loi");
  await browser.keys("Escape");
  await byId(browser, "import-dialog").waitForDisplayed({ reverse: true, timeout: 5000 });
  const count = await (await shown(browser, "procedure-count")).getText();
  assert.match(count, /^1\b/, `nothing was written: ${count}`);
});

test("statistics: an inconsistency is flagged on its cell and the on-time rate is computed", async () => {
  await (await shown(browser, "nav-stats")).click();
  await shown(browser, "screen-stats");
  await (await shown(browser, "period-kind")).selectByAttribute("value", "H1");
  await shown(browser, "stats-grid");
  const cell = (column) => `cell-Hộ tịch-${column}`;
  const values = {
    received_total: "10",
    received_online: "4",
    received_direct: "5",
    resolved_total: "8",
    resolved_early: "3",
    resolved_on_time: "4",
    resolved_late: "1",
    in_progress_total: "2",
    in_progress_within: "2",
    apology_letters: "1",
  };
  for (const [column, value] of Object.entries(values)) {
    await type(browser, cell(column), value);
    await browser.keys("Tab");
  }
  // 4 online + 5 direct + 0 carried over ≠ 10 received: the total's cell is marked.
  const total = byId(browser, cell("received_total"));
  await browser.waitUntil(async () => (await total.getAttribute("data-state")) === "error", {
    timeout: 10000,
    timeoutMsg: "the inconsistent received total was not marked",
  });
  assert.match(await total.getAttribute("title"), /10/);
  const rate = await shown(browser, "rate-on-time");
  await browser.waitUntil(async () => (await rate.getAttribute("data-value")) === "87.5", {
    timeout: 10000,
    timeoutMsg: "the on-time rate (3 + 4) / 8 was not shown",
  });
  assert.match(await rate.getText(), /87,5/);
  // A negative count is refused at entry, and why is written beside the grid, not only in the cell's tooltip.
  await type(browser, cell("resolved_late"), "-1");
  await browser.keys("Tab");
  const unsaved = await shown(browser, "stats-unsaved");
  assert.match(await unsaved.getText(), /Hộ tịch — Đã giải quyết: Quá hạn: Số liệu không được âm \(đang ghi -1\)/);
  assert.equal(await byId(browser, cell("resolved_late")).getAttribute("data-state"), "error");
  assert.equal(await rate.getAttribute("data-value"), "87.5", "the refused figure changed nothing");
  await screenshot(browser, "07-so-lieu-bieu-06");
  await (await byId(browser, cell("resolved_late"))).click();
  await browser.keys("Escape");
  await byId(browser, "stats-unsaved").waitForDisplayed({ reverse: true, timeout: 5000 });
});

test("staffing: the year's quota and the people on the staff give vacancies and an over-quota finding", async () => {
  await (await shown(browser, "nav-staffing")).click();
  await shown(browser, "screen-staffing");
  await shown(browser, "quota-table");
  await type(browser, "quota-input-can_bo", "2");
  await type(browser, "quota-number-can_bo", "15/QĐ-UBND");
  await type(browser, "quota-date-can_bo", "10/01/" + new Date().getFullYear());
  await type(browser, "quota-input-cong_chuc", "1");
  await browser.keys("Tab");
  await browser.waitUntil(async () => (await byId(browser, "quota-can_bo").getText()) === "2", {
    timeout: 10000,
    timeoutMsg: "the quota of cán bộ was not saved",
  });

  const addPerson = async (name, category, position) => {
    await (await shown(browser, "person-add")).click();
    await shown(browser, "person-form");
    await type(browser, "person-form-name", name);
    await (await shown(browser, "person-form-category")).selectByAttribute("value", category);
    await type(browser, "person-form-position", position);
    await browser.keys("Tab");
    await browser.waitUntil(async () => (await byId(browser, "person-form").getAttribute("data-saved")) === "yes", {
      timeout: 10000,
      timeoutMsg: `${name} was not saved`,
    });
    await browser.keys("Escape");
    await byId(browser, "person-dialog").waitForDisplayed({ reverse: true, timeout: 5000 });
  };
  await addPerson("Nguyễn Văn Hùng", "can_bo", "Chủ tịch UBND");
  await addPerson("Trần Thị Mai", "cong_chuc", "Văn phòng - thống kê");
  await addPerson("Lê Văn Nam", "cong_chuc", "Tư pháp - hộ tịch");

  // 1 cán bộ of 2: one vacancy; 2 công chức for a quota of 1: over quota, and the finding names it.
  await browser.waitUntil(async () => (await byId(browser, "vacancies-can_bo").getText()) === "1", {
    timeout: 10000,
    timeoutMsg: "the vacancy of cán bộ was not shown",
  });
  assert.equal(await byId(browser, "present-cong_chuc").getText(), "2");
  assert.equal(await byId(browser, "vacancies-cong_chuc").getText(), "-1");
  const findings = await shown(browser, "staffing-findings");
  assert.match(await findings.getText(), /Công chức/);
  assert.match(await findings.getText(), /vượt/i);
  assert.equal(await byId(browser, "people-count").getText(), "3");

  // Contract staff kept as a total, both meeting the standard: the share counts them with the three people (none of
  // whom is marked as meeting it), 2 of 5; a total without that number would be left out, not counted as failing.
  await type(browser, "entered-input-hop_dong", "2");
  await type(browser, "entered-meeting-hop_dong", "2");
  await browser.keys("Tab");
  await browser.waitUntil(async () => (await byId(browser, "meeting-hop_dong").getText()) === "2", {
    timeout: 10000,
    timeoutMsg: "the entered total's number meeting the standard was not saved",
  });
  assert.match(await byId(browser, "standard-share").getText(), /40,00/);
  await screenshot(browser, "10-bien-che");
});

test("plans: a plan and its tasks give the completion rate, and a late task is overdue", async () => {
  const year = new Date().getFullYear() - 1;
  await (await shown(browser, "nav-plans")).click();
  await shown(browser, "screen-plans");
  await (await shown(browser, "plans-year")).selectByAttribute("value", String(year));
  await (await shown(browser, "plan-add")).click();
  await shown(browser, "plan-form");
  await type(browser, "plan-form-number", "25/KH-UBND");
  await type(browser, "plan-form-title", "Kế hoạch cải cách hành chính năm " + year);
  // A year typed two ahead: saved as typed, with a warning beside the date; corrected, the warning goes.
  await type(browser, "plan-form-date", `15/01/${year + 2}`);
  await browser.keys("Tab");
  const warning = browser.$('[data-testid="warning-date"]');
  await warning.waitForDisplayed({ timeout: 10000, timeoutMsg: "a plan dated after today showed no warning" });
  assert.match(await warning.getText(), /sau ngày hôm nay/);
  assert.equal(await byId(browser, "plan-form").getAttribute("data-saved"), "yes", "saved as typed");
  await type(browser, "plan-form-date", `15/01/${year}`);
  await browser.keys("Tab");
  await warning.waitForDisplayed({ reverse: true, timeout: 10000, timeoutMsg: "the warning stayed after the fix" });
  await browser.waitUntil(async () => (await byId(browser, "plan-form").getAttribute("data-saved")) === "yes", {
    timeout: 10000,
    timeoutMsg: "the plan was not saved",
  });
  await browser.keys("Escape");
  await byId(browser, "plan-dialog").waitForDisplayed({ reverse: true, timeout: 5000 });
  await shown(browser, "plan-25/KH-UBND");

  const addTask = async (content, deadline, status) => {
    await (await shown(browser, "task-add")).click();
    await shown(browser, "task-form");
    await type(browser, "task-form-content", content);
    await (await shown(browser, "task-form-area")).selectByAttribute("value", "tthc");
    await (await shown(browser, "task-form-status")).selectByAttribute("value", status);
    await type(browser, "task-form-deadline", deadline);
    await browser.keys("Tab");
    await browser.waitUntil(async () => (await byId(browser, "task-form").getAttribute("data-saved")) === "yes", {
      timeout: 10000,
      timeoutMsg: `the task "${content}" was not saved`,
    });
    await browser.keys("Escape");
    await byId(browser, "task-dialog").waitForDisplayed({ reverse: true, timeout: 5000 });
  };
  await addTask("Rà soát, đánh giá thủ tục hành chính", `30/06/${year}`, "done");
  await addTask("Niêm yết công khai thủ tục hành chính", `31/03/${year}`, "in_progress");

  const rate = await shown(browser, "progress-rate");
  await browser.waitUntil(async () => (await rate.getText()) === "50,00 %", {
    timeout: 10000,
    timeoutMsg: "one task done of two is not 50,00 %",
  });
  const overdue = await shown(browser, "overdue-tasks");
  assert.match(await overdue.getText(), /Niêm yết công khai/);
  assert.doesNotMatch(await overdue.getText(), /Rà soát/);
  await screenshot(browser, "11-ke-hoach-cchc");
});

test("ISO: announcing the system with its scope and holding this year's audit", async () => {
  await (await shown(browser, "nav-iso")).click();
  await shown(browser, "screen-iso");
  const announced = await shown(browser, "iso-announced");
  assert.match(await announced.getText(), /Chưa/);
  await (await shown(browser, "announcement-add")).click();
  await shown(browser, "announcement-dialog");
  await (await shown(browser, "scope-1.001193")).click();
  assert.match(await byId(browser, "scope-count").getText(), /1/);
  await type(browser, "announcement-form-number", "36/QĐ-UBND");
  await type(browser, "announcement-form-date", "15/10/2019");
  await (await shown(browser, "announcement-form-submit")).click();
  await byId(browser, "announcement-dialog").waitForDisplayed({ reverse: true, timeout: 10000 });
  await browser.waitUntil(async () => /36\/QĐ-UBND ngày 15\/10\/2019/.test(await announced.getText()), {
    timeout: 10000,
    timeoutMsg: "the announcement is not shown as the current one",
  });

  // A date typed wrong is refused beside its field and nothing is added.
  await (await shown(browser, "audit-add")).click();
  await type(browser, "audit-form-date", "31/02/2026");
  await (await shown(browser, "audit-form-submit")).click();
  await shown(browser, "problem-date");
  assert.match(await byId(browser, "iso-audit-held").getText(), /Chưa/);
  const d = new Date();
  const todayText = `${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()}`;
  await type(browser, "audit-form-date", todayText);
  await type(browser, "audit-form-scope", "Toàn bộ các thủ tục trong phạm vi");
  await (await shown(browser, "audit-form-submit")).click();
  await byId(browser, "audit-dialog").waitForDisplayed({ reverse: true, timeout: 10000 });
  await browser.waitUntil(async () => /Có/.test(await byId(browser, "iso-audit-held").getText()), {
    timeout: 10000,
    timeoutMsg: "this year's audit is not counted",
  });
  await screenshot(browser, "12-iso-9001");
});

test("dashboard: the deadlines board lists the next report and the overdue task", async () => {
  await (await shown(browser, "nav-dashboard")).click();
  await shown(browser, "deadline-list");
  const report = await shown(browser, "deadline-report");
  assert.match(await report.getText(), /Gửi báo cáo CCHC/);
  const task = await shown(browser, "deadline-task");
  assert.match(await task.getText(), /Niêm yết công khai/);
  assert.match(await task.getText(), /quá hạn/);
  const problems = await (await shown(browser, "dashboard-problems")).getText();
  assert.match(problems, /Công chức/, "the over-quota finding reaches the dashboard");
  await screenshot(browser, "13-viec-can-lam");
});

test("reports: the periodic report is drafted from the register, edited, previewed and issued with a number", async () => {
  await (await shown(browser, "nav-reports")).click();
  await shown(browser, "screen-reports");
  const preview = await shown(browser, "report-preview");
  await browser.waitUntil(async () => Number(await preview.getAttribute("data-pages")) > 0, {
    timeout: 20000,
    timeoutMsg: "the report's pages were not laid out",
  });
  await shown(browser, "report-draft");
  const pageText = () => previewText(browser);
  assert.match(await pageText(), /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  assert.match(await pageText(), /Ủy ban nhân dân phường Trần Phú|PHƯỜNG TRẦN PHÚ/);

  // The official rewrites a section; the page shows the new words and the section is marked edited.
  await type(browser, "section-text-V", "Đề nghị cấp trên bổ sung máy quét cho Bộ phận Một cửa.");
  await browser.keys("Tab");
  await browser.waitUntil(async () => (await byId(browser, "section-V").getAttribute("data-edited")) === "yes", {
    timeout: 10000,
    timeoutMsg: "the edited section was not kept",
  });
  await browser.waitUntil(async () => /bổ sung máy quét/.test(await pageText()), {
    timeout: 10000,
    timeoutMsg: "the preview does not show the edited words",
  });
  await screenshot(browser, "19-bao-cao-xem-truoc");

  // The preview has its own zoom and can take the whole width (landscape appendices read larger).
  const pageWidth = () => browser.execute(() => document.querySelector('[data-testid="report-page"]').getBoundingClientRect().width);
  const fitted = await pageWidth();
  await (await shown(browser, "preview-zoom-in")).click();
  await browser.waitUntil(async () => (await pageWidth()) > fitted * 1.2, { timeout: 5000, timeoutMsg: "zoom in did nothing" });
  await (await shown(browser, "preview-zoom-fit")).click();
  await browser.waitUntil(async () => Math.abs((await pageWidth()) - fitted) < 1, { timeout: 5000 });
  await (await shown(browser, "preview-wide")).click();
  await byId(browser, "report-sections").waitForDisplayed({ reverse: true, timeout: 5000 });
  await (await shown(browser, "preview-wide")).click();
  await shown(browser, "report-sections");

  // "In" hands the report's PDF to the system's viewer (here a stand-in noting what it was given), which prints
  // the pages at their real size: A4, as the PDF is, never the web preview with the printer's margins.
  const opened = () => readFileSync(process.env.CCHC_E2E_OPENED, "utf8").split("\n").filter(Boolean);
  await (await shown(browser, "report-print")).click();
  const bar = await shown(browser, "saved-bar", 20000);
  const printed = await bar.getAttribute("data-path");
  assert.match(printed, /ban-in[\\/]periodic-\d{4}(-Q1|-H1|-Q3)?\.pdf$/);
  await browser.waitUntil(async () => opened().includes(printed), { timeout: 10000, timeoutMsg: "the PDF was not handed to the viewer" });
  const info = execFileSync("pdfinfo", [printed]).toString();
  assert.match(info, /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/, info);
  assert.match(await bar.getText(), /A4/);
  // After any save the file's folder is one click away.
  await (await shown(browser, "saved-open-folder")).click();
  await browser.waitUntil(async () => opened().includes(path.dirname(printed)), {
    timeout: 10000,
    timeoutMsg: "the folder was not opened",
  });
  await (await shown(browser, "saved-close")).click();
  await byId(browser, "saved-bar").waitForDisplayed({ reverse: true, timeout: 5000 });

  // Issuing takes the year's first number; the sections are then read-only. The dialog asks about the draft's
  // marked gaps ("[Cần bổ sung: …]") exactly when the pages hold one.
  await (await shown(browser, "report-issue")).click();
  await shown(browser, "issue-dialog");
  const gaps = /\[Cần bổ sung:/.test(await pageText());
  assert.equal(await byId(browser, "issue-unfilled").isExisting(), gaps, `marked gaps in the pages: ${gaps}`);
  await (await shown(browser, "issue-confirm")).click();
  const badge = await shown(browser, "report-issued");
  assert.match(await badge.getText(), /01\/BC-UBND/);
  assert.equal(await byId(browser, "section-text-V").getAttribute("readonly"), "true");
  await browser.waitUntil(async () => /01\/BC-UBND/.test(await pageText()), {
    timeout: 10000,
    timeoutMsg: "the issued report's number is not printed",
  });

  // Biểu 06 alone is laid out on landscape pages.
  await (await shown(browser, "report-kind")).selectByAttribute("value", "stats");
  await browser.waitUntil(async () => Number(await byId(browser, "report-preview").getAttribute("data-pages")) > 0, {
    timeout: 20000,
  });
  assert.match(await byId(browser, "report-page").getAttribute("class"), /landscape/);
});

test("records: the period windows are set from the window, the issued report is in the outgoing register, and the log names who changed what", async () => {
  // Two people share the computer: the second says who she is in the header.
  await (await shown(browser, "actor")).click();
  await shown(browser, "actor-dialog");
  await type(browser, "actor-input", "Trần Thị Bình");
  await (await shown(browser, "actor-save")).click();
  await byId(browser, "actor-dialog").waitForDisplayed({ reverse: true, timeout: 5000 });
  assert.equal(await byId(browser, "actor-name").getText(), "Trần Thị Bình");

  await (await shown(browser, "nav-records")).click();
  await shown(browser, "records-periods");
  const year = String(new Date().getFullYear());
  // A date that is not one is named, not saved.
  await type(browser, `period-${year}-Q1-deadline`, "31/02/" + year);
  await browser.keys("Enter");
  assert.match(await (await shown(browser, `period-${year}-Q1-deadline-problem`)).getText(), /31\/02/);
  // The province's own deadline for the first quarter: saved at once, and kept.
  await type(browser, `period-${year}-Q1-deadline`, `18/03/${year}`);
  await browser.keys("Enter");
  await browser.waitUntil(async () => /Quý I/.test(await byId(browser, "records-message").getText().catch(() => "")), {
    timeout: 10000,
    timeoutMsg: "the deadline was not saved",
  });
  await (await shown(browser, "records-tab-outgoing")).click();
  await (await shown(browser, "records-tab-periods")).click();
  await browser.waitUntil(async () => (await byId(browser, `period-${year}-Q1-deadline`).getValue()) === `18/03/${year}`, {
    timeout: 10000,
    timeoutMsg: "the saved deadline did not come back",
  });
  await screenshot(browser, "29-ky-bao-cao");

  // The report issued earlier is in the outgoing-document register.
  await (await shown(browser, "records-tab-outgoing")).click();
  assert.match(await (await shown(browser, "outgoing-list")).getText(), /01\/BC-UBND/);

  // The log: the deadline change, by Trần Thị Bình, with the date before and after.
  await (await shown(browser, "records-tab-log")).click();
  await shown(browser, "log-list", 15000);
  await (await shown(browser, "log-actor")).selectByAttribute("value", "Trần Thị Bình");
  await browser.waitUntil(async () => (await byId(browser, "log-count").getAttribute("data-count")) === "1", {
    timeout: 10000,
    timeoutMsg: "the log does not list Trần Thị Bình's one change",
  });
  const row = await shown(browser, "log-row");
  assert.match(await row.getText(), /Trần Thị Bình/);
  assert.match(await row.getText(), /Kỳ báo cáo/);
  assert.match(await row.getText(), new RegExp(`→ 18/03/${year}`));
  await screenshot(browser, "30-nhat-ky-thay-doi");
  // A bad date in the filter is named.
  await type(browser, "log-from", "32/13/2026");
  await (await shown(browser, "log-show")).click();
  await shown(browser, "log-filter-problem");

  // The lists kept as data: the province's own reform area added, a staff category ended, a name given twice refused.
  await (await shown(browser, "records-tab-catalogs")).click();
  await shown(browser, "catalog-reform_area");
  await type(browser, "catalog-reform_area-new", "Cải cách hành chính về đất đai");
  await (await shown(browser, "catalog-reform_area-add")).click();
  await browser.waitUntil(async () => /đất đai/.test(await byId(browser, "catalog-reform_area-message").getText().catch(() => "")), {
    timeout: 10000,
    timeoutMsg: "the new area was not added",
  });
  assert.ok(await byId(browser, "catalog-cai_cach_hanh_chinh_ve_dat_dai-remove").isDisplayed());
  // A seeded area the reports name offers no removal.
  assert.equal(await byId(browser, "catalog-tthc-remove").isExisting(), false);
  await type(browser, "catalog-reform_area-new", "cai cach the che");
  await (await shown(browser, "catalog-reform_area-add")).click();
  assert.match(await (await shown(browser, "catalog-reform_area-add-findings")).getText(), /đã có mục “Cải cách thể chế”/);
  await type(browser, "catalog-hop_dong-until", `31/12/${year}`);
  await browser.keys("Enter");
  await browser.waitUntil(async () => /Hợp đồng lao động/.test(await byId(browser, "catalog-staff_category-message").getText().catch(() => "")), {
    timeout: 10000,
    timeoutMsg: "the category's last day was not saved",
  });
  await (await shown(browser, "records-tab-periods")).click();
  await (await shown(browser, "records-tab-catalogs")).click();
  await browser.waitUntil(async () => (await byId(browser, "catalog-hop_dong-until").getValue()) === `31/12/${year}`, {
    timeout: 10000,
    timeoutMsg: "the saved last day did not come back",
  });
  await screenshot(browser, "31-danh-muc");
  await (await shown(browser, "catalog-cai_cach_hanh_chinh_ve_dat_dai-remove")).click();
  await byId(browser, "catalog-cai_cach_hanh_chinh_ve_dat_dai-name").waitForExist({ reverse: true, timeout: 10000 });
});

test("backups: a copy now, a restore that shows what changes, and its undo", async () => {
  await (await shown(browser, "nav-backups")).click();
  await shown(browser, "screen-backups");
  await (await shown(browser, "backup-now")).click();
  await shown(browser, "backups-message");
  const manual = browser.$('[data-testid="backup-row"][data-reason="manual"]');
  await manual.waitForDisplayed({ timeout: 10000, timeoutMsg: "the copy is not listed" });
  assert.match(await manual.getText(), /3 người/);
  const file = await manual.getAttribute("data-file");

  // One more person after the copy (once the screen has loaded its list).
  await (await shown(browser, "nav-staffing")).click();
  await shown(browser, "screen-staffing");
  await browser.waitUntil(async () => (await byId(browser, "people-count").getText()) === "3", { timeout: 10000 });
  await (await shown(browser, "person-add")).click();
  await type(browser, "person-form-name", "Phạm Thị Hoa");
  await browser.keys("Tab");
  await browser.waitUntil(async () => (await byId(browser, "person-form").getAttribute("data-saved")) === "yes", {
    timeout: 10000,
    timeoutMsg: "the fourth person was not saved",
  });
  await browser.keys("Escape");
  await browser.waitUntil(async () => (await byId(browser, "people-count").getText()) === "4", { timeout: 10000 });

  await (await shown(browser, "nav-backups")).click();
  await (await shown(browser, `restore-${file}`)).click();
  const change = await shown(browser, "restore-change-person");
  assert.match(await change.getText(), /Cán bộ, công chức, người lao động\s*4\s*3/);
  await screenshot(browser, "16-khoi-phuc-xem-truoc");
  await (await shown(browser, "restore-confirm")).click();
  await shown(browser, "restore-undo");
  await (await shown(browser, "nav-staffing")).click();
  await browser.waitUntil(async () => (await byId(browser, "people-count").getText()) === "3", {
    timeout: 10000,
    timeoutMsg: "the restore did not bring back the copy's three people",
  });
  await (await shown(browser, "nav-backups")).click();
  // The restore's undo point is listed; undoing gives back the fourth person.
  await browser.$('[data-testid="backup-row"][data-reason="restore"]').waitForDisplayed({ timeout: 10000 });
  await screenshot(browser, "17-sao-luu");
  await (await shown(browser, "restore-undo")).click();
  await browser.waitUntil(async () => /hoàn tác/.test(await byId(browser, "backups-message").getText()), {
    timeout: 10000,
    timeoutMsg: "the undo was not confirmed",
  });
  await (await shown(browser, "nav-staffing")).click();
  await browser.waitUntil(async () => (await byId(browser, "people-count").getText()) === "4", {
    timeout: 10000,
    timeoutMsg: "undoing the restore did not give back the fourth person",
  });
});

test("demo: the demo ward opens beside the unit's register and never mixes with it", async () => {
  await (await shown(browser, "nav-dashboard")).click();
  await (await shown(browser, "switch-demo")).click();
  await shown(browser, "demo-badge", 60000);
  await shown(browser, "screen-dashboard");
  const count = byId(browser, "count-procedures");
  await browser.waitUntil(async () => Number((await count.getText()).replace(/\./g, "")) > 100, {
    timeout: 10000,
    timeoutMsg: "the demo ward's procedures were not counted",
  });
  // The board names the criteria set, never its internal identifier; a good on-time rate is not drawn in alarm red.
  await browser.waitUntil(async () => /tự đánh giá/.test(await byId(browser, "deadlines").getText()), {
    timeout: 10000,
    timeoutMsg: "the demo's draft self-assessment is not on the board",
  });
  const boardText = await byId(browser, "deadlines").getText();
  assert.ok(!boardText.includes("urn:"), `an internal id on the board: ${boardText}`);
  const rate = await shown(browser, "latest-rate");
  await browser.waitUntil(async () => /\d+,\d+ %/.test(await rate.getText()), { timeout: 10000 });
  assert.notEqual(await rate.getCSSProperty("color").then((c) => c.parsed.hex), "#7f1515");
  // The trend of the on-time rate is drawn from the register: the card's latest rate is written on the chart, and
  // the plan chart names the reform areas beside their bars.
  const trend = await shown(browser, "chart-on-time-svg", 15000);
  const latestRate = String(Math.round(Number(await rate.getAttribute("data-value")) * 10) / 10).replace(".", ",");
  const trendText = await browser.execute((el) => el.textContent, trend);
  assert.ok(trendText.includes(`${latestRate}%`), `the latest rate ${latestRate}% is not on the trend chart: ${trendText}`);
  const planText = await browser.execute((el) => el.textContent, await shown(browser, "chart-plans-svg", 15000));
  assert.match(planText, /Cải cách thủ tục/);
  assert.match(planText, /\d+%/);
  await screenshot(browser, "08-tong-quan-du-lieu-mau");
  await browser.execute(() => document.querySelector('[data-testid="chart-on-time"]').scrollIntoView({ block: "center" }));
  await screenshot(browser, "08b-tong-quan-bieu-do");
  await (await shown(browser, "nav-stats")).click();
  // Where the work is: without choosing, the grid opens on a period that has figures, never an empty one.
  await browser.$('[data-testid="stats-row"]').waitForDisplayed({ timeout: 10000 });
  assert.notEqual(await byId(browser, "stats-period-label").getText(), "");
  // Last year's year report: the demo always holds it, whatever today's date is.
  await (await shown(browser, "period-year")).selectByAttribute("value", String(new Date().getFullYear() - 1));
  await (await shown(browser, "period-kind")).selectByAttribute("value", "Year");
  await browser.$('[data-testid="stats-row"][data-field="Chứng thực"]').waitForDisplayed({ timeout: 10000 });
  const demoRate = await shown(browser, "rate-on-time");
  await browser.waitUntil(async () => /\d+,\d+ %/.test(await demoRate.getText()), {
    timeout: 10000,
    timeoutMsg: "the demo year's on-time rate was not shown",
  });
  await screenshot(browser, "09-bieu-06-du-lieu-mau");
  // At the height a maximised window gets on a 1366×768 Windows screen (about 697 px of page), the grid shows most
  // of the period's rows without scrolling.
  const rowsSeen = async () =>
    browser.execute(() => {
      const wrap = document.querySelector(".grid-wrap").getBoundingClientRect();
      const foot = document.querySelector('[data-testid="stats-total-row"]').getBoundingClientRect();
      const head = document.querySelector(".grid thead").getBoundingClientRect();
      const rows = [...document.querySelectorAll('[data-testid="stats-row"]')];
      const seen = rows.filter((r) => {
        const b = r.getBoundingClientRect();
        return b.top >= head.bottom - 1 && b.bottom <= Math.min(foot.top, wrap.bottom, window.innerHeight) + 1;
      });
      return { seen: seen.length, all: rows.length, height: window.innerHeight };
    });
  const full = await browser.getWindowSize();
  const inner = await browser.execute(() => window.innerHeight);
  await browser.setWindowSize(full.width, full.height - (inner - 697));
  await browser.waitUntil(async () => (await browser.execute(() => window.innerHeight)) <= 698, {
    timeout: 5000,
    timeoutMsg: "the window could not be made 697 px tall",
  });
  await browser.pause(300);
  const at697 = await rowsSeen();
  assert.ok(at697.seen * 2 > at697.all, `at ${at697.height} px the grid shows ${at697.seen} of ${at697.all} rows`);
  await screenshot(browser, "09b-bieu-06-man-hinh-697");
  await browser.setWindowSize(full.width, full.height);
  await browser.waitUntil(async () => (await browser.execute(() => window.innerHeight)) === inner, { timeout: 5000 });
  // The demo's self-assessment is last year's: the screen opens on it, not on an empty "this year".
  await (await shown(browser, "nav-assessment")).click();
  await shown(browser, "assessment-tree", 15000);

  // The demo ward's staffing is that of the ward's real report: quota 20, 18 present, 2 unfilled.
  await (await shown(browser, "nav-staffing")).click();
  await browser.waitUntil(async () => (await byId(browser, "present-total").getText()) === "18", {
    timeout: 10000,
    timeoutMsg: "the demo ward's 18 people are not counted",
  });
  assert.equal(await byId(browser, "quota-total").getText(), "20");
  assert.equal(await byId(browser, "vacancies-total").getText(), "2");
  await screenshot(browser, "14-bien-che-du-lieu-mau");
  await (await shown(browser, "nav-iso")).click();
  await browser.waitUntil(async () => /36\/QĐ-UBND/.test(await byId(browser, "iso-announced").getText()), {
    timeout: 10000,
    timeoutMsg: "the demo ward's ISO announcement is not shown",
  });
  await screenshot(browser, "15-iso-du-lieu-mau");

  // Every screen reads on an office PC at 1366 px: body text at least 15 px, no text under 13 px, and nothing wider
  // than the window (no horizontal scrolling). Measured on the demo's full screens from the computed styles.
  const navs = await browser.execute(() =>
    [...document.querySelectorAll('nav [data-testid^="nav-"]')].map((b) => b.getAttribute("data-testid")),
  );
  assert.ok(navs.length >= 8, `the screens: ${navs}`);
  for (const nav of navs) {
    await (await shown(browser, nav)).click();
    await browser.pause(800);
    const found = await browser.execute(() => {
      // WCAG 2.1 contrast: relative luminance of sRGB colours, a text's colour over the backgrounds under it.
      const parse = (c) => {
        const m = /rgba?\(([^)]+)\)/.exec(c);
        if (!m) return null;
        const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
        return [r, g, b, a];
      };
      const channel = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      const over = (top, under) => under.map((v, i) => top[i] * top[3] + v * (1 - top[3]));
      const backdrop = (el) => {
        const layers = [];
        for (let e = el; e; e = e.parentElement) {
          const c = parse(getComputedStyle(e).backgroundColor);
          if (c && c[3] > 0) {
            layers.push(c);
            if (c[3] >= 1) break;
          }
        }
        return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255]);
      };
      const small = [];
      const faint = [];
      for (const el of document.querySelectorAll("body *")) {
        if (el.closest("svg") || !el.getClientRects().length) continue;
        const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== "");
        if (!own) continue;
        const style = getComputedStyle(el);
        const size = parseFloat(style.fontSize);
        if (size < 13) small.push(`${el.tagName.toLowerCase()} ${size}px “${el.textContent.trim().slice(0, 30)}”`);
        // Disabled controls are exempt (WCAG 1.4.3); large text needs 3:1, other text 4.5:1.
        if (el.closest(":disabled, [aria-disabled='true'], .sr-only")) continue;
        const fg = parse(style.color);
        if (!fg) continue;
        const bg = backdrop(el);
        const text = over(fg, bg);
        const [hi, lo] = [luminance(text), luminance(bg)].sort((a, b) => b - a);
        const ratio = (hi + 0.05) / (lo + 0.05);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        if (ratio < (large ? 3 : 4.5)) {
          faint.push(`${el.tagName.toLowerCase()} ${ratio.toFixed(2)}:1 ${style.color} on rgb(${bg.map(Math.round)}) “${el.textContent.trim().slice(0, 30)}”`);
        }
      }
      // The charts' text, drawn in SVG and scaled to the box: measured as drawn.
      for (const el of document.querySelectorAll("figure.chart svg text")) {
        const h = el.getBoundingClientRect().height;
        if (h > 0 && h < 13) small.push(`chart text ${h.toFixed(1)}px “${el.textContent.slice(0, 30)}”`);
      }
      const main = document.querySelector("main");
      const scrollers = [...document.querySelectorAll("main *")]
        .filter((el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} +${el.scrollWidth - el.clientWidth}px`);
      return {
        scrollers,
        body: parseFloat(getComputedStyle(document.body).fontSize),
        small: small.slice(0, 5),
        faint: [...new Set(faint)].slice(0, 8),
        wider: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        // The window itself never scrolls: each screen scrolls inside its own area, under the fixed header.
        taller: document.documentElement.scrollHeight - document.documentElement.clientHeight,
        mainWider: main ? main.scrollWidth - main.clientWidth : 0,
      };
    });
    assert.ok(found.body >= 15, `${nav}: body text ${found.body}px`);
    assert.deepEqual(found.small, [], `${nav}: text under 13 px`);
    assert.deepEqual(found.faint, [], `${nav}: text below WCAG AA contrast`);
    assert.ok(found.wider <= 0 && found.mainWider <= 0, `${nav}: wider than the window by ${found.wider}/${found.mainWider}px`);
    assert.deepEqual(found.scrollers, [], `${nav}: scrolls sideways`);
    assert.ok(found.taller <= 0, `${nav}: the window itself scrolls by ${found.taller}px`);
  }

  // Ctrl + and Ctrl 0 zoom the whole window and back, as in Word and Excel.
  const width = () => browser.execute(() => window.innerWidth);
  const before = await width();
  await browser.keys([Key.Ctrl, "="]);
  await browser.waitUntil(async () => (await width()) < before, { timeout: 5000, timeoutMsg: "Ctrl + did not zoom in" });
  await browser.keys([Key.Ctrl, "0"]);
  await browser.waitUntil(async () => (await width()) === before, { timeout: 5000, timeoutMsg: "Ctrl 0 did not reset" });

  await (await shown(browser, "nav-dashboard")).click();
  await (await shown(browser, "switch-live")).click();
  await byId(browser, "demo-badge").waitForDisplayed({ reverse: true, timeout: 10000 });
  await browser.waitUntil(async () => (await byId(browser, "count-procedures").getText()).trim() === "1", {
    timeout: 10000,
    timeoutMsg: "the unit's own register should still hold its one procedure",
  });
});
