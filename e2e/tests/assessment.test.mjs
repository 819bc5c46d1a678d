// The yearly self-assessment in the real window, on the unit's register that app.test.mjs filled: a broken province
// file is refused with its problem, this year's assessment starts on the bundled sample set, a wrong score is refused
// beside its cell, a good one moves the totals bar, the prompt for a score without evidence is answered (by an
// explanation, and by a document with its file), the register's suggestions are applied, a leaf is marked not
// applicable, the lock is refused with what is missing, then the scores are completed and locked in the leader's name
// (the tree turns read-only), round 1 of the appraisal gets its own column and total, the comparison says there is no earlier year, and each stage is undone with a reason.
// The register stays in place for recovery.test.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { launch, byId, shown, screenshot, type, pickFile, previewText } from "../harness.mjs";

let browser;
const files = mkdtempSync(path.join(tmpdir(), "cchc-e2e-evidence-"));
const year = new Date().getFullYear();

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.deleteSession();
});

/** Waits until an element's attribute has the expected value. */
async function attributeIs(id, name, expected, what) {
  const el = byId(browser, id);
  await browser.waitUntil(async () => (await el.getAttribute(name)) === expected, {
    timeout: 10000,
    timeoutMsg: `${what} (${id} ${name} should be ${expected})`,
  });
}

async function gone(id, what) {
  await byId(browser, id).waitForDisplayed({ reverse: true, timeout: 10000, timeoutMsg: what });
}

/** Selects a leaf by clicking its code cell, so the detail panel shows it. */
async function selectLeaf(code) {
  const cell = browser.$(`[data-testid="leaf-row-${code}"] td.code`);
  await cell.waitForDisplayed({ timeout: 10000 });
  await cell.scrollIntoView({ block: "center" });
  await cell.click();
  await attributeIs("leaf-detail", "data-code", code, `the detail panel does not show ${code}`);
}

test("self-assessment: score, explain, evidence, suggestions, N/A, lock refused then locked, unlock with a reason", async () => {
  await shown(browser, "screen-dashboard", 20000);
  await (await shown(browser, "nav-assessment")).click();
  await shown(browser, "screen-assessment");

  // A province's file that is not a criteria set is checked first and refused with its problem; nothing is stored.
  await shown(browser, "assessment-none");
  await (await shown(browser, "criteria-import")).click();
  await shown(browser, "criteria-import-dialog");
  const broken = path.join(files, "bo-chi-so-tinh.json");
  writeFileSync(broken, '{ "format": 1, "urn": "urn:cchc:criteria:tinh", "version": 2, ');
  await pickFile(browser, "criteria-file", broken);
  await attributeIs("criteria-import-panel", "data-phase", "preview", "the criteria file was not checked");
  const formatProblem = browser.$('[data-testid="criteria-import-findings"] [data-code="CRITERIA_FORMAT"]');
  await formatProblem.waitForDisplayed({ timeout: 5000, timeoutMsg: "the format problem is not listed" });
  assert.match(await formatProblem.getText(), /không phải là JSON hợp lệ/);
  assert.equal(await byId(browser, "criteria-import-confirm").isEnabled(), false, "a broken set cannot be imported");
  await browser.keys("Escape");
  await gone("criteria-import-dialog", "the import dialog did not close");

  // No assessment yet: start this year's on the bundled sample set.
  const sets = await shown(browser, "assessment-criteria");
  assert.match(await sets.getText(), /bộ mẫu kèm chương trình/);
  await (await shown(browser, "assessment-start")).click();
  await shown(browser, "assessment-tree", 15000);
  await attributeIs("assessment-workflow", "data-stage", "draft", "a new assessment is a draft");
  const total = byId(browser, "assess-total-self_score");
  assert.equal(await total.getAttribute("data-total"), "0");

  // A boolean leaf takes 0 or its maximum: 0,5 is refused and the reason shows beside the cell.
  await type(browser, "leaf-self-1.1", "0,5");
  await browser.keys("Enter");
  const problem = await shown(browser, "leaf-problem-1.1");
  assert.equal(await problem.getAttribute("data-code"), "POINTS_NOT_ALLOWED");
  assert.match(await problem.getText(), /0 hoặc 1/);
  assert.equal(await total.getAttribute("data-total"), "0", "nothing was saved");

  // 1 point is saved at once: the totals bar moves and the leaf asks for evidence or an explanation.
  await type(browser, "leaf-self-1.1", "1");
  await browser.keys("Enter");
  await attributeIs("assess-total-self_score", "data-total", "1", "the self total did not follow the score");
  // The self total leaves out the survey part, which the province scores: 1 of 70.
  assert.match(await total.getText(), /1 \/ 70 điểm/);
  assert.match(await total.getText(), /Kém/);
  await gone("leaf-problem-1.1", "the refusal stayed after a good score");
  await shown(browser, "leaf-prompt-1.1");
  await selectLeaf("1.1");
  assert.match(await (await shown(browser, "leaf-explain-prompt")).getText(), /chưa có tài liệu kiểm chứng/);
  // The points by area are drawn under the tree: after the first point, area 1 has a bar with its share.
  const areas = await shown(browser, "chart-assessment-svg", 15000);
  await browser.waitUntil(async () => /^1\. /m.test(await browser.execute((el) => [...el.querySelectorAll("text")].map((t) => t.textContent).join("\n"), areas)), {
    timeout: 10000,
    timeoutMsg: "the areas chart does not name area 1",
  });
  await screenshot(browser, "20-tu-danh-gia");
  await type(browser, "leaf-explanation", "Kế hoạch CCHC năm ban hành ngày 20/12, bản gốc lưu tại văn phòng.");
  await browser.keys("Tab");
  await gone("leaf-prompt-1.1", "the explanation did not answer the prompt");

  // Another leaf answered with a document and its file, added from the leaf's panel and linked to it.
  await type(browser, "leaf-self-1.4", "1");
  await browser.keys("Enter");
  await shown(browser, "leaf-prompt-1.4");
  await selectLeaf("1.4");
  await (await shown(browser, "leaf-add-doc")).click();
  await shown(browser, "evidence-dialog");
  const scan = path.join(files, "ke-hoach-tuyen-truyen.pdf");
  writeFileSync(scan, "%PDF-1.4\n% bản quét kế hoạch tuyên truyền\n");
  await pickFile(browser, "evidence-file", scan);
  await browser.waitUntil(async () => /ke-hoach-tuyen-truyen\.pdf/.test(await byId(browser, "evidence-file-name").getText()), {
    timeout: 5000,
    timeoutMsg: "the chosen file is not named",
  });
  await (await shown(browser, "evidence-form-kind")).selectByAttribute("value", "KH");
  await type(browser, "evidence-form-number", `30/KH-UBND`);
  await type(browser, "evidence-form-date", `10/01/${year}`);
  await type(browser, "evidence-form-issuer", "UBND phường Trần Phú");
  await type(browser, "evidence-form-title", `Kế hoạch tuyên truyền CCHC năm ${year}`);
  await (await shown(browser, "evidence-form-submit")).click();
  await gone("evidence-dialog", "the document was not added");
  await gone("leaf-prompt-1.4", "the linked document did not answer the prompt");
  const linked = await shown(browser, "leaf-docs");
  assert.match(await linked.getText(), /30\/KH-UBND/);
  const row = browser.$('[data-testid="evidence-row"]');
  assert.match(await row.getText(), /ke-hoach-tuyen-truyen\.pdf/);
  assert.match(await row.getText(), /1\.4/);
  await attributeIs("assess-total-self_score", "data-total", "2", "the second point was not counted");

  // The register's suggestions fill the leaves it can measure.
  await (await shown(browser, "assessment-suggest")).click();
  assert.match(await (await shown(browser, "assessment-message")).getText(), /điểm gợi ý/);
  await shown(browser, "leaf-suggested-3.3");

  // "Không phát sinh" takes a leaf out of the scoring: its cell is no longer typed in.
  const na = byId(browser, "leaf-na-2.1");
  await na.scrollIntoView({ block: "center" });
  await na.click();
  await attributeIs("leaf-self-2.1", "data-editable", "no", "a leaf marked not applicable still takes points");

  // Locking now is refused, and the dialog lists what is missing.
  await (await shown(browser, "assessment-lock")).click();
  await shown(browser, "lock-dialog");
  await type(browser, "lock-leader", "Nguyễn Văn Hùng");
  await (await shown(browser, "lock-confirm")).click();
  const refusedNotice = await shown(browser, "lock-refused");
  assert.match(await refusedNotice.getText(), /Chưa chốt được/);
  assert.ok(Number(await refusedNotice.getAttribute("data-count")) > 10, "every leaf not scored is listed");
  assert.match(await byId(browser, "lock-findings").getText(), /Tiêu chí 1\.2: Chưa chấm điểm/);
  await screenshot(browser, "21-chot-diem-bi-tu-choi");
  await browser.keys("Escape");
  await gone("lock-dialog", "the lock dialog did not close");
  await attributeIs("assessment-workflow", "data-stage", "draft", "a refused lock changes nothing");

  // Score every remaining leaf 0 (survey, bonus and penalty need no self score), and explain any suggestion above 0.
  const cells = await browser.$$('input.cell[data-column="self"]');
  for (const cell of cells) {
    if (["survey_only", "bonus", "penalty"].includes(await cell.getAttribute("data-rule"))) continue;
    if ((await cell.getValue()) !== "") continue;
    await cell.scrollIntoView({ block: "center" });
    await cell.click();
    await cell.addValue("0");
    await browser.keys("Tab");
  }
  await browser.waitUntil(
    async () => (await browser.$$('[data-testid="assessment-findings"] [data-code="NOT_SCORED"]')).length === 0,
    { timeout: 20000, timeoutMsg: "leaves remain not scored" },
  );
  for (const prompt of await browser.$$('[data-testid^="leaf-prompt-"]')) {
    const code = (await prompt.getAttribute("data-testid")).replace("leaf-prompt-", "");
    await selectLeaf(code);
    await type(browser, "leaf-explanation", "Số liệu lấy từ sổ theo dõi của đơn vị.");
    await browser.keys("Tab");
    await gone(`leaf-prompt-${code}`, `the explanation of ${code} was not saved`);
  }
  await shown(browser, "assessment-no-findings", 10000);

  // Locked with the leader's name: the stage moves on and the self scores become read-only.
  await (await shown(browser, "assessment-lock")).click();
  await shown(browser, "lock-dialog");
  assert.equal(await byId(browser, "lock-leader").getValue(), "Nguyễn Văn Hùng", "the unit's signer is offered");
  await (await shown(browser, "lock-confirm")).click();
  await gone("lock-dialog", "the lock was not accepted");
  await attributeIs("assessment-workflow", "data-stage", "self_locked", "the self-assessment was not locked");
  assert.match(await (await shown(browser, "assessment-locked-by")).getText(), /Nguyễn Văn Hùng/);
  await shown(browser, "assessment-readonly");
  assert.equal(await byId(browser, "leaf-self-1.1").getAttribute("data-editable"), "no");
  await screenshot(browser, "22-da-chot-diem");

  // Round 1 of the appraisal: the appraiser's points are typed in their own column and get their own total.
  await (await shown(browser, "assessment-advance")).click();
  await attributeIs("assessment-workflow", "data-stage", "appraisal1", "the assessment did not move to round 1");
  const selfTotal = Number(await total.getAttribute("data-total"));
  await type(browser, "leaf-round1-1.1", "0");
  await browser.keys("Enter");
  // One point less of 97 applicable (2.1 is not applicable), scaled to 100.
  const round1 = byId(browser, "assess-total-round1");
  await browser.waitUntil(async () => Number(await round1.getAttribute("data-total")) < selfTotal, {
    timeout: 10000,
    timeoutMsg: "the round 1 total did not follow the appraiser's points",
  });
  assert.equal(await total.getAttribute("data-total"), String(selfTotal), "the self total keeps the unit's points");
  await screenshot(browser, "23-tham-dinh-lan-1");

  // Back one stage, with a reason: the self-assessment is locked again.
  await (await shown(browser, "assessment-unlock")).click();
  await shown(browser, "unlock-dialog");
  await type(browser, "unlock-reason", "Nhập nhầm bước thẩm định");
  await (await shown(browser, "unlock-confirm")).click();
  await gone("unlock-dialog", "the first unlock was not accepted");
  await attributeIs("assessment-workflow", "data-stage", "self_locked", "the assessment did not go back to the lock");

  // There is no earlier year to compare with yet, and the dialog says so.
  await (await shown(browser, "assessment-compare")).click();
  assert.match(await (await shown(browser, "compare-none")).getText(), /năm trước/);
  await browser.keys("Escape");
  await gone("compare-dialog", "the compare dialog did not close");

  // Unlocking needs a reason; then the draft is editable again.
  await (await shown(browser, "assessment-unlock")).click();
  await shown(browser, "unlock-dialog");
  assert.equal(await byId(browser, "unlock-confirm").isEnabled(), false, "no unlock without a reason");
  await type(browser, "unlock-reason", "Đoàn kiểm tra đề nghị bổ sung tài liệu tiêu chí 1.1");
  await (await shown(browser, "unlock-confirm")).click();
  await gone("unlock-dialog", "the unlock was not accepted");
  await attributeIs("assessment-workflow", "data-stage", "draft", "the assessment did not go back to the draft");
  assert.equal(await byId(browser, "leaf-self-1.1").getAttribute("data-editable"), "yes");
  assert.match(await (await shown(browser, "assessment-message")).getText(), /Đã mở khóa/);
});

test("the self-assessment report: scores, items without evidence, an edited section on the page", async () => {
  // The self-assessment screen opens the year's report on the report screen.
  await (await shown(browser, "assessment-report")).click();
  await shown(browser, "screen-reports");
  assert.equal(await byId(browser, "report-kind").getValue(), "assessment");
  assert.equal(await byId(browser, "report-year").getValue(), String(year));
  const pageText = () => previewText(browser);
  await browser.waitUntil(async () => /BẢNG ĐIỂM TỰ ĐÁNH GIÁ/.test(await pageText()), {
    timeout: 20000,
    timeoutMsg: "the self-assessment report was not laid out",
  });
  const text = await pageText();
  assert.match(text, new RegExp(`Chỉ số cải cách hành chính năm ${year}`));
  assert.match(text, /Tổng điểm tự đánh giá: [\d,]+\/70 điểm/);
  assert.match(text, /DANH MỤC TÀI LIỆU KIỂM CHỨNG THEO TIÊU CHÍ/);
  assert.match(text, /30\/KH-UBND/, "the document linked in the screen is listed as evidence");
  // The period choice is the year's only; the sections of this report are I, III and IV.
  assert.equal(await byId(browser, "report-period-kind").isExisting(), false);
  await shown(browser, "section-text-III");
  await type(browser, "section-text-IV", "Đề nghị Sở Nội vụ tổ chức tập huấn chấm điểm cho công chức mới.");
  await browser.keys("Tab");
  await browser.waitUntil(async () => (await byId(browser, "section-IV").getAttribute("data-edited")) === "yes", {
    timeout: 10000,
    timeoutMsg: "the edited section was not kept",
  });
  await browser.waitUntil(async () => /tập huấn chấm điểm cho công chức mới/.test(await pageText()), {
    timeout: 10000,
    timeoutMsg: "the edited section is not on the page",
  });
  assert.match(await byId(browser, "section-IV").getText(), /Đã sửa/, "the section is marked edited");
  // Let the window repaint the badge before the picture is taken.
  await browser.pause(500);
  await screenshot(browser, "28-bao-cao-tu-danh-gia");
});
