// The report file for the superior level, in the real window: the ward exports a period's file (refused first
// without a unit code, then with data errors), the superior level — played by the demo ward, so the unit's own
// register stays as the later tests need it — keeps a list of expected units, checks and receives the file (new,
// then identical), refuses a file that is not a report without writing anything, and sees the unit in the roll-up;
// then the year file carries the self-assessment of assessment.test.mjs, and the year's roll-up ranks it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { launch, byId, shown, screenshot, type, pickFile } from "../harness.mjs";

const data = process.env.CCHC_E2E_DATA;
const files = mkdtempSync(path.join(data ?? tmpdir(), "report-files-"));
const thisYear = String(new Date().getFullYear());
// This year's first half: app.test.mjs entered its statistics (with one wrong sum, corrected here).
const period = `${thisYear}-H1`;
const reportFile = path.join(files, "bao-cao-31234.cchc");
const revisionFile = path.join(files, "bao-cao-31234-lan-2.cchc");
let browser;

before(async () => {
  browser = await launch();
  await shown(browser, "screen-dashboard", 20000);
});

after(async () => {
  await browser?.deleteSession();
});

async function waitFor(check, message, timeout = 15000) {
  await browser.waitUntil(check, { timeout, timeoutMsg: message });
}

test("send: a report needs the unit's code and clean data, then the file is written and listed", async () => {
  const choosePeriod = async () => {
    await (await shown(browser, "send-period-year")).selectByAttribute("value", thisYear);
    await (await shown(browser, "send-period-kind")).selectByAttribute("value", "H1");
    await waitFor(async () => (await byId(browser, "send-period-label").getAttribute("data-period")) === period,
      "this year's first half was not chosen");
  };
  await (await shown(browser, "nav-send")).click();
  await shown(browser, "screen-send");
  await choosePeriod();
  await type(browser, "send-path", reportFile);
  await (await shown(browser, "send-export")).click();

  // The unit was created without a code: refused with the coded finding and a hint where to enter it.
  const refusal = await shown(browser, "send-refused");
  assert.equal(await refusal.getAttribute("data-code"), "INVALID");
  await browser.$('[data-testid="send-findings"] [data-code="REQUIRED_MISSING"]').waitForDisplayed({ timeout: 5000 });
  await shown(browser, "send-need-code");
  assert.equal(existsSync(reportFile), false, "nothing is written without a unit code");
  await screenshot(browser, "20-gui-bao-cao-thieu-ma");

  await (await shown(browser, "nav-dashboard")).click();
  await (await shown(browser, "edit-unit")).click();
  await shown(browser, "unit-dialog");
  await type(browser, "unit-code", "31234");
  await browser.keys("Tab");
  await waitFor(async () => (await byId(browser, "save-status").getAttribute("data-state")) === "saved",
    "the unit code was not saved");
  await browser.keys("Escape");
  await byId(browser, "unit-dialog").waitForDisplayed({ reverse: true, timeout: 5000 });

  // The first half's statistics were entered with a wrong sum (app.test.mjs): refused with that finding.
  await (await shown(browser, "nav-send")).click();
  await choosePeriod();
  await type(browser, "send-path", reportFile);
  await (await shown(browser, "send-export")).click();
  await browser.$('[data-testid="send-findings"] [data-code="RECEIVED_SUM_MISMATCH"]').waitForDisplayed({ timeout: 10000 });
  assert.equal(existsSync(reportFile), false, "a period with data errors is not exported");

  // The official corrects the figure (4 online + 6 direct = 10 received) and exports again.
  await (await shown(browser, "nav-stats")).click();
  await (await shown(browser, "period-kind")).selectByAttribute("value", "H1");
  await shown(browser, "stats-grid");
  await type(browser, "cell-Hộ tịch-received_direct", "6");
  await browser.keys("Tab");
  const total = byId(browser, "cell-Hộ tịch-received_total");
  await waitFor(async () => (await total.getAttribute("data-state")) !== "error", "the corrected sum is still flagged");

  await (await shown(browser, "nav-send")).click();
  await choosePeriod();
  await type(browser, "send-path", reportFile);
  await type(browser, "send-approver", "Nguyễn Văn Hùng");
  await (await shown(browser, "send-export")).click();
  const result = await shown(browser, "send-result");
  assert.equal(await result.getAttribute("data-revision"), "1");
  assert.equal(await result.getAttribute("data-reused"), "no");
  const sha = await result.getAttribute("data-sha256");
  assert.equal(createHash("sha256").update(readFileSync(reportFile)).digest("hex"), sha, "the file on disk is the one reported");
  assert.match(await result.getText(), new RegExp(sha.slice(0, 12)));
  const row = browser.$(`[data-testid="sent-row"][data-period="${period}"]`);
  await row.waitForDisplayed({ timeout: 10000, timeoutMsg: "the file sent is not listed" });
  assert.match(await row.getText(), /Nguyễn Văn Hùng/);
  await screenshot(browser, "21-gui-bao-cao");

  // Exporting again with the same data gives the same revision and the same bytes.
  await (await shown(browser, "send-export")).click();
  await waitFor(async () => (await byId(browser, "send-result").getAttribute("data-reused")) === "yes",
    "the second export should reuse the first revision");
  assert.equal(await byId(browser, "send-result").getAttribute("data-revision"), "1");
  assert.equal(await browser.$$('[data-testid="sent-row"]').length, 1);

  // Another approver makes a new revision that replaces the first.
  await type(browser, "send-path", revisionFile);
  await type(browser, "send-approver", "Nguyễn Thị Lan");
  await (await shown(browser, "send-export")).click();
  await waitFor(async () => (await byId(browser, "send-result").getAttribute("data-revision")) === "2",
    "a changed approval should make revision 2");
  assert.match(await (await shown(browser, "send-supersedes")).getText(), /lần gửi thứ 1/);
  await waitFor(async () => (await browser.$$('[data-testid="sent-row"]').length) === 2, "both revisions are listed");
});

test("receive: the superior level checks the file, receives it once, and refuses a file that is not a report", async () => {
  // A ward's register has no roll-up: that screen belongs to the superior level's register.
  await (await shown(browser, "nav-dashboard")).click();
  assert.equal(await byId(browser, "nav-rollup").isExisting(), false, "a ward's register shows the roll-up");
  // The demo ward plays the superior level: its kind of unit becomes Sở Nội vụ, and the roll-up appears.
  await (await shown(browser, "switch-demo")).click();
  await shown(browser, "demo-badge", 60000);
  await (await shown(browser, "edit-unit")).click();
  await shown(browser, "unit-dialog");
  await (await shown(browser, "unit-kind")).selectByAttribute("value", "so_noi_vu");
  await browser.keys("Tab");
  await waitFor(async () => await byId(browser, "nav-rollup").isExisting(), "the superior's roll-up did not appear");
  await browser.keys("Escape");
  await byId(browser, "unit-dialog").waitForDisplayed({ reverse: true, timeout: 5000 });

  await (await shown(browser, "nav-rollup")).click();
  await shown(browser, "screen-rollup");
  await (await shown(browser, "rollup-tab-units")).click();
  const units = path.join(files, "danh-sach-don-vi.csv");
  writeFileSync(units, "Mã đơn vị,Tên đơn vị\n31234,Phường Trần Phú\n31240,Phường Lê Lợi\n");
  await (await shown(browser, "units-import")).click();
  await shown(browser, "units-import-dialog");
  await pickFile(browser, "import-file", units);
  await waitFor(async () => (await byId(browser, "import-panel").getAttribute("data-phase")) === "preview",
    "the unit list's dry run did not appear");
  await (await shown(browser, "import-confirm")).click();
  await shown(browser, "import-done");
  await browser.keys("Escape");
  await byId(browser, "units-import-dialog").waitForDisplayed({ reverse: true, timeout: 5000 });
  await waitFor(async () => /^2\b/.test(await byId(browser, "units-count").getText()), "two expected units");

  await (await shown(browser, "rollup-tab-receive")).click();
  await type(browser, "receive-paths", reportFile);
  await (await shown(browser, "receive-check")).click();
  const file = () => browser.$('[data-testid="receive-file"][data-file-name="bao-cao-31234.cchc"]');
  await file().waitForDisplayed({ timeout: 15000, timeoutMsg: "the dry run did not list the file" });
  assert.equal(await file().getAttribute("data-class"), "new");
  assert.equal(await file().getAttribute("data-unit"), "31234");
  assert.equal(await byId(browser, "receive-panel").getAttribute("data-phase"), "preview");
  await screenshot(browser, "23-nhan-tep-bao-cao");
  await (await shown(browser, "receive-apply")).click();
  const done = await shown(browser, "receive-done");
  assert.equal(await done.getAttribute("data-written"), "1");

  // Again: identical, nothing to write.
  await (await shown(browser, "receive-check")).click();
  await waitFor(
    async () => (await file().isExisting()) && (await file().getAttribute("data-class")) === "identical",
    "the second check should say identical",
  );
  await shown(browser, "receive-nothing");
  assert.equal(await byId(browser, "receive-apply").isEnabled(), false);

  // A text file named like a report: refused with its reason, nothing written, nothing archived.
  const hostile = path.join(files, "x.cchc");
  writeFileSync(hostile, "Đây không phải là tệp báo cáo.\n");
  const hostileSha = createHash("sha256").update(readFileSync(hostile)).digest("hex");
  await type(browser, "receive-paths", hostile);
  await (await shown(browser, "receive-check")).click();
  const refused = browser.$('[data-testid="receive-file"][data-file-name="x.cchc"]');
  await refused.waitForDisplayed({ timeout: 15000, timeoutMsg: "the hostile file was not listed" });
  assert.equal(await refused.getAttribute("data-class"), "refused");
  const reason = refused.$('[data-testid="finding"][data-code="PACKAGE_NOT_ZIP"]');
  await reason.waitForDisplayed({ timeout: 5000 });
  assert.match(await reason.getText(), /không phải là tệp báo cáo/);
  assert.equal(await byId(browser, "receive-apply").isEnabled(), false, "a refused file cannot be applied");
  await screenshot(browser, "24-tep-bi-tu-choi");
  const archive = path.join(data, "demo", "archive");
  const archived = existsSync(archive) ? readdirSync(archive) : [];
  assert.ok(archived.length >= 1, "the received file is archived");
  assert.ok(!archived.some((f) => f.startsWith(hostileSha)), "the refused file's check wrote nothing");

  // The whole folder: the first revision again (identical), the second (a newer revision), the text file (refused).
  await type(browser, "receive-paths", files);
  await (await shown(browser, "receive-check")).click();
  const classOf = async (name) => {
    const row = browser.$(`[data-testid="receive-file"][data-file-name="${name}"]`);
    return (await row.isExisting()) ? row.getAttribute("data-class") : null;
  };
  await waitFor(async () => (await classOf("bao-cao-31234-lan-2.cchc")) === "revision", "the folder's dry run");
  assert.equal(await classOf("bao-cao-31234.cchc"), "identical");
  assert.equal(await classOf("x.cchc"), "refused");
  await (await shown(browser, "receive-apply")).click();
  assert.equal(await (await shown(browser, "receive-done")).getAttribute("data-written"), "1");

  await (await shown(browser, "rollup-tab-received")).click();
  await waitFor(async () => (await browser.$$('[data-testid="received-row"]').length) === 2, "two revisions received");
  const rows = await browser.$$('[data-testid="received-row"]');
  const statuses = await Promise.all([...rows].map((r) => r.getAttribute("data-status")));
  assert.deepEqual([...statuses].sort(), ["current", "superseded"]);
  await (await shown(browser, "received-period")).selectByAttribute("value", period);
  await waitFor(async () => (await browser.$$('[data-testid="received-row"]').length) === 2, "the period filter keeps both");
});

test("roll-up: the unit's report and its figures are counted, the other expected unit is missing, and the detail opens", async () => {
  await (await shown(browser, "rollup-tab-summary")).click();
  await (await shown(browser, "rollup-period-year")).selectByAttribute("value", thisYear);
  await (await shown(browser, "rollup-period-kind")).selectByAttribute("value", "H1");
  const sent = browser.$('[data-testid="rollup-row"][data-code="31234"]');
  // On time or late depends on today against the first half's deadline.
  await waitFor(async () => (await sent.isExisting()) && (await sent.getAttribute("data-status")) !== "missing",
    "the unit's report is not counted");
  const status = await sent.getAttribute("data-status");
  assert.ok(["on_time", "late"].includes(status), status);
  assert.match(await sent.getText(), /(Đúng hạn|Quá hạn)\s*2/, "the roll-up uses the second revision");
  const missing = browser.$('[data-testid="rollup-row"][data-code="31240"]');
  assert.equal(await missing.getAttribute("data-status"), "missing");
  const counts = await shown(browser, "rollup-counts");
  assert.equal(await counts.getAttribute("data-expected"), "2");
  assert.equal(await counts.getAttribute(status === "late" ? "data-late" : "data-on-time"), "1");
  assert.equal(await counts.getAttribute("data-missing"), "1");
  // The unit's Biểu 06: 10 received, 8 resolved of which 7 early or on time.
  const field = browser.$('[data-testid="rollup-field"][data-field="Hộ tịch"]');
  assert.match(await field.getText(), /Hộ tịch\s*10\s*4\s*8\s*7\s*1\s*2/);
  assert.match(await byId(browser, "rollup-rates").getText(), /87,50 %/);
  // The units ranked by their on-time rate, drawn: the unit that sent is named with its 87,5 %.
  const ranking = await shown(browser, "chart-rollup-svg", 15000);
  const drawn = await browser.execute((el) => el.textContent, ranking);
  assert.match(drawn, /87,5%/, drawn);
  await screenshot(browser, "22-tong-hop");

  await (await shown(browser, "rollup-open-31234")).click();
  const detail = await shown(browser, "received-detail");
  assert.equal(await detail.getAttribute("data-status"), "current");
  const figures = await shown(browser, "received-figures");
  assert.match(await figures.getText(), /Thủ tục hành chính đang áp dụng\s*1\b/, "the unit's one procedure");
  assert.match(await figures.getText(), /87,50 %/);
  assert.match(await detail.getText(), /Nguyễn Thị Lan/);
  await screenshot(browser, "25-chi-tiet-bao-cao");
  await browser.keys("Escape");
  await byId(browser, "received-dialog").waitForDisplayed({ reverse: true, timeout: 5000 });

  // Back to the unit's own register for the tests that follow.
  await (await shown(browser, "nav-dashboard")).click();
  await (await shown(browser, "switch-live")).click();
  await byId(browser, "demo-badge").waitForDisplayed({ reverse: true, timeout: 10000 });
});

test("year file: the self-assessment and its evidence file travel with the year's report, and the superior ranks it", async () => {
  // assessment.test.mjs scored this year's assessment and attached a document with its file.
  const yearFile = path.join(files, "nam", "bao-cao-nam-31234.cchc");
  await (await shown(browser, "nav-send")).click();
  await shown(browser, "screen-send");
  await (await shown(browser, "send-period-year")).selectByAttribute("value", thisYear);
  await (await shown(browser, "send-period-kind")).selectByAttribute("value", "Year");
  await waitFor(async () => (await byId(browser, "send-period-label").getAttribute("data-period")) === thisYear,
    "the year was not chosen");
  await type(browser, "send-path", yearFile);
  await (await shown(browser, "send-export")).click();
  await waitFor(
    async () =>
      existsSync(yearFile) &&
      (await byId(browser, "send-result").getAttribute("data-sha256")) ===
        createHash("sha256").update(readFileSync(yearFile)).digest("hex"),
    "the year file was not written",
  );
  const bytes = readFileSync(yearFile);
  assert.ok(bytes.includes(Buffer.from("evidence/")), "the evidence file is an entry of the year file");

  // The demo ward, as the superior level, receives it.
  await (await shown(browser, "nav-dashboard")).click();
  await (await shown(browser, "switch-demo")).click();
  await shown(browser, "demo-badge", 60000);
  await (await shown(browser, "nav-rollup")).click();
  await shown(browser, "screen-rollup");
  await (await shown(browser, "rollup-tab-receive")).click();
  await type(browser, "receive-paths", yearFile);
  await (await shown(browser, "receive-check")).click();
  const file = browser.$('[data-testid="receive-file"][data-file-name="bao-cao-nam-31234.cchc"]');
  await file.waitForDisplayed({ timeout: 15000, timeoutMsg: "the dry run did not list the year file" });
  assert.equal(await file.getAttribute("data-class"), "new");
  await (await shown(browser, "receive-apply")).click();
  assert.equal(await (await shown(browser, "receive-done")).getAttribute("data-written"), "1");

  // The year's roll-up has the assessment columns: the only unit assessed ranks first.
  await (await shown(browser, "rollup-tab-summary")).click();
  await (await shown(browser, "rollup-period-year")).selectByAttribute("value", thisYear);
  await (await shown(browser, "rollup-period-kind")).selectByAttribute("value", "Year");
  const rank = browser.$('[data-testid="rollup-row"][data-code="31234"] [data-testid="rollup-rank"]');
  await rank.waitForDisplayed({ timeout: 15000, timeoutMsg: "the year's roll-up shows no rank" });
  assert.equal((await rank.getText()).trim(), "1");
  const score = browser.$('[data-testid="rollup-row"][data-code="31234"] [data-testid="rollup-score"]');
  assert.match(await score.getText(), /^\d+(,\d+)?$/);
  await screenshot(browser, "26-tong-hop-nam");

  // The detail lists the evidence file, named as the ward named it.
  await (await shown(browser, "rollup-open-31234")).click();
  await shown(browser, "received-detail");
  await shown(browser, "received-files");
  const evidence = browser.$('[data-testid="received-file"][data-path^="evidence/"]');
  await evidence.waitForDisplayed({ timeout: 5000, timeoutMsg: "the evidence file is not listed" });
  assert.match(await evidence.getText(), /ke-hoach-tuyen-truyen\.pdf/);
  await screenshot(browser, "27-tep-kem-theo");
  await browser.keys("Escape");
  await byId(browser, "received-dialog").waitForDisplayed({ reverse: true, timeout: 5000 });

  await (await shown(browser, "nav-dashboard")).click();
  await (await shown(browser, "switch-live")).click();
  await byId(browser, "demo-badge").waitForDisplayed({ reverse: true, timeout: 10000 });
});
