// What an official does on the first day, in the real window: create the unit, add a procedure and find it without
// typing diacritics, try a file with a bad row, and enter a period's statistics.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { launch, byId, shown, screenshot, type, pickFile } from "../harness.mjs";

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
  await screenshot(browser, "03-tong-quan");
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
  await screenshot(browser, "07-so-lieu-bieu-06");
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
  await screenshot(browser, "08-tong-quan-du-lieu-mau");
  await (await shown(browser, "nav-stats")).click();
  // Last year's year report: the demo always holds it, whatever today's date is.
  await (await shown(browser, "period-year")).selectByAttribute("value", String(new Date().getFullYear() - 1));
  await (await shown(browser, "period-kind")).selectByAttribute("value", "Year");
  await browser.$('[data-testid="stats-row"][data-field="Chứng thực"]').waitForDisplayed({ timeout: 10000 });
  assert.match(await (await shown(browser, "rate-on-time")).getText(), /\d+,\d+ %/);
  await screenshot(browser, "09-bieu-06-du-lieu-mau");

  await (await shown(browser, "nav-dashboard")).click();
  await (await shown(browser, "switch-live")).click();
  await byId(browser, "demo-badge").waitForDisplayed({ reverse: true, timeout: 10000 });
  await browser.waitUntil(async () => (await byId(browser, "count-procedures").getText()).trim() === "1", {
    timeout: 10000,
    timeoutMsg: "the unit's own register should still hold its one procedure",
  });
});
