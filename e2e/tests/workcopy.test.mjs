// Working away from the office, in the real window: the office (the unit's register the earlier tests filled) takes
// work copies for two officials; each works at home (the `cchc` command line on the work copy stands in for their
// computers) and sends a changes file back; the office previews each, sees the one conflict side by side, chooses,
// and then holds both people's work. Last, the window opened on a work copy says so on every screen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { launch, byId, shown, screenshot, type } from "../harness.mjs";

const data = process.env.CCHC_E2E_DATA;
const cli = process.env.CCHC_CLI_BIN;
const files = mkdtempSync(path.join(data ?? tmpdir(), "work-copies-"));
const office = data ? path.join(data, "register.cchc") : "";
const maiCopy = path.join(files, "ban-lam-viec-mai.cchclv");
const hungCopy = path.join(files, "ban-lam-viec-hung.cchclv");
const maiHome = path.join(files, "mai", "register.cchc");
const hungHome = path.join(files, "hung", "register.cchc");
const maiChanges = path.join(files, "thay-doi-mai-1.cchctd");
const hungChanges = path.join(files, "thay-doi-hung-1.cchctd");
let browser;

/** Runs `cchc` on a register as an official at another computer would; returns its JSON output. */
function cchc(register, ...args) {
  const out = execFileSync(cli, ["--register", register, "--json", ...args], { encoding: "utf8" });
  return out.trim() ? JSON.parse(out) : null;
}

before(async () => {
  assert.ok(data && cli, "scripts/e2e.sh sets CCHC_E2E_DATA and CCHC_CLI_BIN");
  browser = await launch();
  await shown(browser, "screen-dashboard", 20000);
});

after(async () => {
  await browser?.deleteSession();
});

async function waitFor(check, message, timeout = 15000) {
  await browser.waitUntil(check, { timeout, timeoutMsg: message });
}

async function message() {
  return (await shown(browser, "copies-message", 15000)).getText();
}

test("the office takes a work copy for each official; a copy with no name is refused and nothing is written", async () => {
  await (await shown(browser, "nav-copies")).click();
  await shown(browser, "copy-take-panel");
  const nameless = path.join(files, "khong-ten.cchclv");
  await type(browser, "copy-path", nameless);
  await (await shown(browser, "copy-take")).click();
  await browser.$('[data-testid="copies-findings"] [data-code="REQUIRED_MISSING"]').waitForDisplayed({ timeout: 10000 });
  assert.equal(existsSync(nameless), false, "a refused copy writes no file");

  for (const [person, file] of [["Trần Thị Mai", maiCopy], ["Lê Văn Hùng", hungCopy]]) {
    // Hùng's copy goes without the evidence files (a smaller file to e-mail).
    if (person === "Lê Văn Hùng") await (await shown(browser, "copy-evidence-none")).click();
    await type(browser, "copy-person", person);
    await type(browser, "copy-path", file);
    await (await shown(browser, "copy-take")).click();
    await waitFor(async () => (await message()).includes(`Đã ghi bản làm việc của ${person}`), `no copy for ${person}`);
    assert.ok(existsSync(file));
  }
});

test("two officials work at home; the office merges both, one conflict chosen in the window", async () => {
  // Mai adds a new official; Hùng changes who signs the reports, which the office changed too meanwhile.
  cchc(maiHome, "copy", "open", maiCopy);
  cchc(maiHome, "staffing", "people", "add", "--name", "Phạm Thu Hà", "--category", "cong_chuc",
    "--position", "Công chức Tư pháp - Hộ tịch");
  cchc(maiHome, "copy", "send", maiChanges);
  cchc(hungHome, "copy", "open", hungCopy);
  cchc(hungHome, "unit", "set", "--signer-name", "Lê Văn Hùng (ở nhà sửa)");
  cchc(hungHome, "copy", "send", hungChanges);
  cchc(office, "unit", "set", "--signer-name", "Nguyễn Văn Ký (văn phòng sửa)");

  // Mai's file: one record added, no conflict.
  await type(browser, "merge-path", maiChanges);
  await (await shown(browser, "merge-preview")).click();
  const mai = await shown(browser, "merge-result");
  assert.equal(await mai.getAttribute("data-conflicts"), "0");
  assert.match(await (await shown(browser, "merge-items")).getText(), /Phạm Thu Hà/);
  await shown(browser, "merge-no-conflicts");
  await (await shown(browser, "merge-apply")).click();
  await waitFor(async () => (await message()).includes("Đã nhập tệp thay đổi số 1 của Trần Thị Mai"), "Mai's file not merged");

  // Hùng's file: the signer changed on both sides, shown side by side; nothing is written until a choice is made.
  await type(browser, "merge-path", hungChanges);
  await (await shown(browser, "merge-preview")).click();
  const hung = await shown(browser, "merge-result");
  await waitFor(async () => (await hung.getAttribute("data-conflicts")) === "1", "the conflict is not listed");
  const conflict = await shown(browser, "merge-conflict");
  const text = await conflict.getText();
  assert.match(text, /Nguyễn Văn Ký \(văn phòng sửa\)/);
  assert.match(text, /Lê Văn Hùng \(ở nhà sửa\)/);
  assert.match(text, /Người ký/);
  assert.equal(await (await shown(browser, "merge-apply")).isEnabled(), false, "a conflict must be chosen first");
  await screenshot(browser, "33-nhap-thay-doi-cho-khac-nhau");
  await (await conflict.$('[data-testid="take-copy"]')).click();
  await waitFor(async () => (await conflict.getAttribute("data-chosen")) === "copy", "the choice did not take");
  await (await shown(browser, "merge-apply")).click();
  await waitFor(async () => (await message()).includes("Đã nhập tệp thay đổi số 1 của Lê Văn Hùng"), "Hùng's file not merged");

  // The office register holds both people's work; the same file again changes nothing.
  const unit = cchc(office, "unit", "show");
  assert.equal(unit.signer.name, "Lê Văn Hùng (ở nhà sửa)");
  const people = cchc(office, "staffing", "people", "list");
  assert.equal(people.filter((p) => p.name === "Phạm Thu Hà").length, 1);
  await type(browser, "merge-path", maiChanges);
  await (await shown(browser, "merge-preview")).click();
  await shown(browser, "merge-already");
  await screenshot(browser, "32-lam-viec-o-may-khac");

  // The change log says where the merged changes came from.
  await (await shown(browser, "nav-records")).click();
  await (await shown(browser, "records-tab-log")).click();
  await shown(browser, "log-list", 15000);
  await shown(browser, "log-origin");
  const said = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="log-origin"]')].map((o) => o.textContent.trim()),
  );
  assert.ok(said.length >= 2, "the merged changes name their origin");
  assert.ok(said.some((t) => /bản làm việc của Lê Văn Hùng, tệp thay đổi số 1/.test(t)), said.join("\n"));
});

test("the window opened on a work copy says whose it is on every screen, and sends its changes from there", async () => {
  await browser.deleteSession();
  browser = null;
  await sleep(1500);
  // This computer becomes Mai's: the office register is put aside, her copy opened in its place.
  const aside = path.join(files, "office");
  for (const suffix of ["", "-wal", "-shm"]) {
    if (existsSync(office + suffix)) renameSync(office + suffix, aside + suffix);
  }
  try {
    cchc(office, "copy", "open", maiCopy);
    browser = await launch();
    const banner = await shown(browser, "work-copy-banner", 20000);
    assert.match(await banner.getText(), /Bản làm việc của Trần Thị Mai/);
    await (await shown(browser, "nav-procedures")).click();
    await shown(browser, "work-copy-banner");
    await (await shown(browser, "nav-copies")).click();
    await shown(browser, "copy-send-panel");
    await shown(browser, "copy-nothing");
    assert.equal(await (await shown(browser, "copy-send")).isEnabled(), false, "nothing to send yet");
    await screenshot(browser, "34-ban-lam-viec");
  } finally {
    await browser?.deleteSession();
    browser = null;
    await sleep(1500);
    for (const suffix of ["", "-wal", "-shm"]) rmSync(office + suffix, { force: true });
    for (const suffix of ["", "-wal", "-shm"]) {
      if (existsSync(aside + suffix)) renameSync(aside + suffix, office + suffix);
    }
  }
});
