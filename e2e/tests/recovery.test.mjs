// A register damaged on disk (after app.test.mjs has filled it and made copies): the app refuses it untouched, says
// what is wrong, offers the newest verified copy, and restores it in one click, keeping the damaged file aside.
// The damage is to the file's first sector (its header), which a failing disk or a half-copied file shows; damage
// deeper in the file is covered by the core's tests (tests/it/backups.rs), since here the data may still sit in the
// write-ahead log of a window that was closed by the driver.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { launch, byId, shown, screenshot } from "../harness.mjs";

const data = process.env.CCHC_E2E_DATA;
let browser;

before(async () => {
  assert.ok(data, "CCHC_E2E_DATA names the app's data folder (scripts/e2e.sh sets it)");
  const register = path.join(data, "register.cchc");
  assert.ok(existsSync(register), "app.test.mjs left the unit's register");
  // Let the previous window finish closing, then overwrite the first 512 bytes.
  await sleep(1500);
  const bytes = readFileSync(register);
  bytes.fill(0x55, 0, 512);
  writeFileSync(register, bytes);
  browser = await launch();
});

after(async () => {
  await browser?.deleteSession();
});

test("recovery: a damaged register is refused, and the newest good copy is offered and restored", async () => {
  await shown(browser, "first-run", 20000);
  const error = await shown(browser, "session-error");
  assert.equal(await error.getAttribute("data-code"), "NOT_A_REGISTER");
  const offer = await shown(browser, "recovery-offer");
  assert.match(await offer.getText(), /Có bản sao lưu tốt lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await screenshot(browser, "18-so-hong-de-nghi-khoi-phuc");
  await (await shown(browser, "recover-live")).click();
  await shown(browser, "screen-dashboard", 20000);
  const header = await shown(browser, "header-unit");
  await browser.waitUntil(async () => /Trần Phú/.test(await header.getProperty("textContent")), {
    timeout: 10000,
    timeoutMsg: "the restored register does not name the unit",
  });
  await screenshot(browser, "19-da-khoi-phuc");
  const aside = readdirSync(path.join(data, "damaged")).filter((f) => f.endsWith(".cchc"));
  assert.equal(aside.length, 1, "the damaged file is kept aside");
  const kept = readFileSync(path.join(data, "damaged", aside[0]));
  assert.ok(kept.subarray(0, 512).every((b) => b === 0x55), "kept as it was, damage included");
  await (await shown(browser, "nav-staffing")).click();
  await browser.waitUntil(async () => Number(await byId(browser, "people-count").getText()) >= 3, {
    timeout: 10000,
    timeoutMsg: "the restored register does not hold the unit's people",
  });
});
