// The end-to-end harness: a WebDriver session on the real `cchc-app` binary through tauri-driver (which starts
// WebKitWebDriver). scripts/e2e.sh starts Xvfb and tauri-driver with CCHC_DATA_DIR set to a temporary folder, so the
// app opens a fresh register there, never the user's own.
import { remote, Key } from "webdriverio";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";

const app = process.env.CCHC_APP_BIN;
const shots = process.env.CCHC_SCREENSHOTS ?? path.resolve("../target/e2e-screenshots");
mkdirSync(shots, { recursive: true });

/** Starts the app and returns the WebDriver session. */
export async function launch() {
  if (!app) throw new Error("CCHC_APP_BIN must name the built cchc-app binary");
  const browser = await remote({
    hostname: "127.0.0.1",
    port: Number(process.env.TAURI_DRIVER_PORT ?? 4444),
    logLevel: "warn",
    connectionRetryCount: 2,
    capabilities: { "tauri:options": { application: app } },
  });
  await browser.setTimeout({ implicit: 0 });
  return browser;
}

/** The element with this data-testid (values may hold spaces and Vietnamese letters). */
export function byId(browser, id) {
  return browser.$(`[data-testid="${id}"]`);
}

/** Waits until the element is shown, then returns it. */
export async function shown(browser, id, timeout = 10000) {
  const el = byId(browser, id);
  await el.waitForDisplayed({ timeout, timeoutMsg: `"${id}" did not appear` });
  return el;
}

/**
 * Saves a screenshot of the window under the screenshots folder: the pixels on the virtual display, as a person sees
 * them (the window sits at the display's top left; its page is cut out). Not WebDriver's screenshot: WebKitWebDriver's never returns
 * when the page is painted on the CPU, which the Linux window does (src-tauri/src/lib.rs). Waits two frames first,
 * so that what the last action changed is on the display.
 */
export async function screenshot(browser, name) {
  const [width, height] = await browser.executeAsync((done) =>
    requestAnimationFrame(() => requestAnimationFrame(() => done([window.innerWidth, window.innerHeight]))),
  );
  const crop = `${width}x${height}+0+0`;
  execFileSync("import", ["-window", "root", "-crop", crop, "+repage", path.join(shots, `${name}.png`)]);
}

/** Replaces an input's text as a person does (select all, then type), so the page sees real input events;
 * WebKitGTK's Element Clear fires none. */
export async function type(browser, id, text) {
  const el = await shown(browser, id);
  await el.click();
  await browser.keys([Key.Ctrl, "a"]);
  await browser.keys(Key.Backspace);
  if (text) await el.addValue(text);
  return el;
}

/**
 * The report preview's text once every page is drawn (the preview draws a long report's pages in steps: the first
 * ones at once, the rest in the frames after).
 */
export async function previewText(browser) {
  await browser.waitUntil(
    () =>
      browser.execute(() => {
        const preview = document.querySelector('[data-testid="report-preview"]');
        const pages = Number(preview?.getAttribute("data-pages") ?? 0);
        return pages > 0 && preview.querySelectorAll('[data-testid="report-page"]').length === pages;
      }),
    { timeout: 20000, timeoutMsg: "the preview's pages were not all drawn" },
  );
  return browser.execute(() => document.querySelector('[data-testid="report-preview"]').textContent);
}

/** Picks a file in an <input type=file>: WebDriver's file upload sends the path as keys. */
export async function pickFile(browser, id, filePath) {
  const input = byId(browser, id);
  await input.waitForExist({ timeout: 10000 });
  await input.addValue(filePath);
}
