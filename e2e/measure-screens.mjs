// Times from a click in the navigation to the screen drawn with its data, for each screen of the window, and the
// report preview of a year report, on the register scripts/measure-screens.sh opens (the 10-year generated
// register, release build). "Drawn": the screen's <main> is there, no command is in flight (`data-pending` on <html>
// is 0 for two frames running), nothing says it is loading, and one more frame has been painted. A time of -1 means
// the screen did not settle within 30 s.
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
      const settled = () =>
        document.documentElement.dataset.pending === "0" &&
        !document.querySelector("main")?.innerText.includes(loading) &&
        readyNow();
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
        if (calm >= 2) requestAnimationFrame(() => done(performance.now() - t0));
        else if (performance.now() - t0 > 30000) done(-1);
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
for (const nav of navs.filter((n) => n !== "dashboard").concat(["dashboard"])) {
  const times = [];
  for (let i = 0; i < runs + 1; i++) {
    // From another screen each time, so that the screen is built anew.
    const away = nav === "dashboard" ? "procedures" : "dashboard";
    await settleAfter({ click: `nav-${away}` }, { shown: `screen-${away}` });
    const ms = await settleAfter({ click: `nav-${nav}` }, { shown: `screen-${nav}` });
    if (i > 0) times.push(ms); // the first click warms the caches
  }
  results.push([nav, median(times), Math.max(...times)]);
}

// The report preview of a year report: the year's report chosen on the report screen, until its pages are drawn.
const year = String(Number(process.env.REPORT_YEAR ?? 2025));
const times = [];
for (let i = 0; i < runs + 1; i++) {
  await settleAfter({ click: "nav-dashboard" }, { shown: "screen-dashboard" });
  await settleAfter({ click: "nav-reports" }, { shown: "screen-reports" });
  await settleAfter({ select: "report-period-kind", value: "Year" }, null);
  const ms = await settleAfter({ select: "report-year", value: year }, { pages: "report-preview" });
  if (i > 0) times.push(ms);
}
results.push([`reports: year ${year} preview`, median(times), Math.max(...times)]);

for (const [what, med, max] of results) {
  console.log(`${what.padEnd(28)} median ${med.toFixed(0).padStart(5)} ms   slowest ${max.toFixed(0).padStart(5)} ms`);
}
await browser.deleteSession();
