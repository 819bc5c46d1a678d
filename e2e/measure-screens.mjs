// Times from a click in the navigation to the screen drawn with its data, for each screen of the window, and the
// report preview of a year report, on the register scripts/measure-screens.sh opens (the 10-year generated
// register, release build). "All built": the screen's <main> is there, no command is in flight (`data-pending` on
// <html> is 0 for two frames running), no list is still being built in steps (`data-building`), nothing says it is
// loading, and one more frame has been painted. "Drawn" (in view): the same, or, for a screen that draws a long
// list in steps, the first paint of what fills the window with no command in flight (`data-drawn-at`, stamped by
// ui/src/lib/progressive.svelte.ts). A time of -1 means the screen did not settle within 30 s.
// Prints one line per screen: the median and the slowest of RUNS clicks.
import { launch, shown } from "./harness.mjs";

const runs = Number(process.env.RUNS ?? 7);
const browser = await launch();
await shown(browser, "screen-dashboard", 60000);

/**
 * In the page: does `act` ({ click: testid } or { select: testid, value }), then resolves with the milliseconds
 * until the screen is settled and painted and `ready` holds ({ shown: testid } or { pages: testid }, or null).
 * Descriptors, not code: the window's content security policy allows no code made from text.
 */
function settleAfter(act, ready) {
  return browser.executeAsync(
    (act, ready, done) => {
      const el = (id) => document.querySelector(`[data-testid="${id}"]`);
      const loading = "Đang tải…";
      const readyNow = () =>
        !ready ||
        (ready.shown !== undefined && el(ready.shown) !== null) ||
        (ready.pages !== undefined && Number(el(ready.pages)?.getAttribute("data-pages")) > 0);
      const root = document.documentElement;
      const settled = () =>
        root.dataset.pending === "0" &&
        root.dataset.building === undefined &&
        !document.querySelector("main")?.innerText.includes(loading) &&
        readyNow();
      window.__cchcCalls = [];
      delete root.dataset.drawnAt;
      const t0 = performance.now();
      if (act.click) el(act.click).click();
      if (act.select) {
        const s = el(act.select);
        s.value = act.value;
        s.dispatchEvent(new Event("change", { bubbles: true }));
      }
      let calm = 0;
      const tick = () => {
        calm = settled() ? calm + 1 : 0;
        const report = (ms) => {
          const calls = window.__cchcCalls ?? [];
          window.__cchcCalls = undefined;
          // The commands: how many, how long they took end to end, and when the last reply came.
          const replied = calls.length ? Math.max(...calls.map(([, , end]) => end)) - t0 : 0;
          // A screen that draws a long list in steps stamps the first paint of what fills the window.
          const stamp = Number(root.dataset.drawnAt);
          const inView = stamp > t0 && ms >= 0 ? Math.min(ms, stamp - t0) : ms;
          done({ ms, inView, calls: calls.length, replied, names: calls.map(([name]) => name) });
        };
        if (calm >= 2) requestAnimationFrame(() => report(performance.now() - t0));
        else if (performance.now() - t0 > 30000) report(-1);
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    act,
    ready,
  );
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const navs = await browser.execute(() =>
  [...document.querySelectorAll('nav [data-testid^="nav-"]')].map((b) => b.getAttribute("data-testid").slice(4)),
);
const results = [];
// SCREENS=stats,procedures measures only those (while looking for where the time goes).
const only = process.env.SCREENS ? process.env.SCREENS.split(",") : null;
for (const nav of navs.filter((n) => n !== "dashboard").concat(["dashboard"]).filter((n) => !only || only.includes(n))) {
  const times = [];
  for (let i = 0; i < runs + 1; i++) {
    // From another screen each time, so that the screen is built anew.
    const away = nav === "dashboard" ? "procedures" : "dashboard";
    await settleAfter({ click: `nav-${away}` }, { shown: `screen-${away}` });
    const r = await settleAfter({ click: `nav-${nav}` }, { shown: `screen-${nav}` });
    if (i > 0) times.push(r); // the first click warms the caches
  }
  results.push([nav, times]);
}

// The report preview of a year report (SCREENS without "preview" leaves it out): the year's report chosen on the report screen, until its pages are drawn.
const year = String(Number(process.env.REPORT_YEAR ?? 2025));
const times = [];
for (let i = 0; i < (!only || only.includes("preview") ? runs + 1 : 0); i++) {
  await settleAfter({ click: "nav-dashboard" }, { shown: "screen-dashboard" });
  await settleAfter({ click: "nav-reports" }, { shown: "screen-reports" });
  await settleAfter({ select: "report-period-kind", value: "Year" }, null);
  const r = await settleAfter({ select: "report-year", value: year }, { pages: "report-preview" });
  if (i > 0) times.push(r);
}
if (times.length) results.push([`reports: year ${year} preview`, times]);

// Per screen: the median and the slowest time until what fills the window is drawn, the median until the rows below
// it are built too (a long list is drawn in steps), and of the median run the commands sent and when the last reply
// came (the rest is the window's own work: building the page, layout and paint).
for (const [what, runs] of results) {
  const inView = runs.map((r) => r.inView);
  const ms = runs.map((r) => r.ms);
  const mid = [...runs].sort((a, b) => a.inView - b.inView)[Math.floor(runs.length / 2)];
  console.log(
    `${what.padEnd(28)} median ${median(inView).toFixed(0).padStart(5)} ms   slowest ${Math.max(...inView).toFixed(0).padStart(5)} ms` +
      `   all built ${median(ms).toFixed(0).padStart(5)} ms` +
      `   commands ${String(mid.calls).padStart(2)}, last reply at ${mid.replied.toFixed(0).padStart(4)} ms` +
      (process.env.VERBOSE ? `   ${mid.names.join(" ")}` : ""),
  );
}
await browser.deleteSession();
