#!/usr/bin/env node
// Benchmark: paste N rows × 6 columns into the grid in Debian chromium against `next start`, and print
// paste→ready (validation finished, aria-busy="false"), the longest main-thread task and the p95 frame
// time while scrolling top to bottom, then the longest task of the first and of a later cell edit.
// Usage: node bench/paste.mjs [N ...]  (default 10000 100000); BENCH_REPEAT=3 runs each size 3 times
// (each on a fresh page) and adds a median line. Each size is pasted twice over: "after warm-up" (once
// the grid's workers have compiled their hot paths, data-warm-up="over", as when an operator copies the
// rows after opening the page) and "on load" (as soon as the page has hydrated);
// BENCH_PASTE_WHEN=warm or =load keeps one. Figures, not a pass/fail test: compare within one run
// (these shared machines drift).
import {
  GRID_SELECTOR,
  launchChromium,
  openOnboardWithClipboard,
  p95,
  realisticTsv,
  scrollThrough,
  startConsole,
} from "./support.mjs";

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const counts = sizes.length > 0 ? sizes : [10_000, 100_000];
const port = Number(process.env.BENCH_PORT ?? 3200);
const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1));
const WHEN = { warm: "after warm-up", load: "on load" };
const whens = process.env.BENCH_PASTE_WHEN ? [WHEN[process.env.BENCH_PASTE_WHEN]] : [WHEN.warm, WHEN.load];

async function measure(browser, rowCount, when) {
  const { context, page } = await openOnboardWithClipboard(browser, app.baseURL, realisticTsv(rowCount));
  if (when === WHEN.warm)
    await page.locator(`${GRID_SELECTOR}[data-warm-up="over"]`).waitFor({ timeout: 60_000 });
  // From the page's start (navigation) to now: how long the operator waited before pasting.
  const pastedAtMs = Math.round(await page.evaluate(() => performance.now()));
  await page.evaluate(
    ({ expected, selector }) => {
      const state = { longest: 0, ready: 0, start: 0 };
      window.benchState = state;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          if (entry.startTime >= state.start) state.longest = Math.max(state.longest, entry.duration);
      }).observe({ type: "longtask", buffered: false });
      const gridElement = document.querySelector(selector);
      new MutationObserver(() => {
        if (
          state.ready === 0 &&
          gridElement.getAttribute("aria-rowcount") === String(expected + 1) &&
          gridElement.getAttribute("aria-busy") === "false"
        ) {
          // "Ready" is the first frame that shows the settled grid.
          requestAnimationFrame(() => {
            state.ready = performance.now();
          });
        }
      }).observe(gridElement, { attributes: true, attributeFilter: ["aria-busy", "aria-rowcount"] });
    },
    { expected: rowCount, selector: GRID_SELECTOR },
  );
  await page.getByRole("gridcell").first().click();
  await page.evaluate(() => {
    window.benchState.start = performance.now();
  });
  await page.keyboard.press("ControlOrMeta+V");
  await page.waitForFunction(() => window.benchState.ready > 0, null, { timeout: 120_000 });
  await page.waitForTimeout(300);
  const { ready, start, longest } = await page.evaluate(() => window.benchState);

  const { frames, callbacks } = await scrollThrough(page);

  // Two edits of one cell (type, Enter): the longest main-thread task each causes.
  const editTasks = [];
  await page.evaluate(async (selector) => {
    document.querySelector(`${selector} [role="rowgroup"]:nth-of-type(2)`).scrollTop = 0;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }, GRID_SELECTOR);
  for (const text of ["x", "y"]) {
    await page.locator('[role="gridcell"][data-row="0"][data-field="internalId"]').click();
    await page.keyboard.type(text);
    await page.evaluate(() => {
      window.benchState.longest = 0;
      window.benchState.start = performance.now();
    });
    await page.keyboard.press("Enter");
    await page.waitForTimeout(1000);
    editTasks.push(Math.round(await page.evaluate(() => window.benchState.longest)));
  }
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
  await context.close();
  return {
    rowCount,
    when,
    pastedAtMs,
    readyMs: Math.round(ready - start),
    longestTaskMs: Math.round(longest),
    scrollP95Ms: Number(p95(frames).toFixed(1)),
    scrollCallbackP95Ms: Number(p95(callbacks).toFixed(1)),
    // The share of scroll steps that took more than one frame (p95 alone only says whether it is above 5 %).
    scrollSlowStepsPct: Number(
      ((100 * frames.filter((ms) => ms > 25).length) / Math.max(1, frames.length)).toFixed(1),
    ),
    heapMb: Math.round(heap / 1e6),
    firstEditTaskMs: editTasks[0],
    nextEditTaskMs: editTasks[1],
  };
}

const app = await startConsole({ port, databasePrefix: "bench-paste-db" });
try {
  const browser = await launchChromium(["--enable-precise-memory-info"]);
  const columns = [
    "pastedAtMs",
    "readyMs",
    "longestTaskMs",
    "scrollP95Ms",
    "scrollCallbackP95Ms",
    "scrollSlowStepsPct",
    "heapMb",
    "firstEditTaskMs",
    "nextEditTaskMs",
  ];
  console.log(
    "rows\tpasted\tpasted at ms\tpaste→ready ms\tlongest task ms\tscroll p95 frame ms\tscroll p95 rAF-callback ms\tscroll steps over 1 frame %\tJS heap MB\tfirst edit task ms\tnext edit task ms",
  );
  for (const rowCount of counts) {
    for (const when of whens) {
      const results = [];
      for (let run = 0; run < repeat; run += 1) {
        const result = await measure(browser, rowCount, when);
        results.push(result);
        console.log([rowCount, when, ...columns.map((column) => result[column])].join("\t"));
      }
      if (repeat > 1) {
        const median = (column) => {
          const values = results.map((result) => result[column]).sort((a, b) => a - b);
          return values[Math.floor(values.length / 2)];
        };
        console.log([`${rowCount} median`, when, ...columns.map(median)].join("\t"));
      }
    }
  }
  await browser.close();
} finally {
  await app.stop();
}
