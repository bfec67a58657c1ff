#!/usr/bin/env node
// Where one big paste's time goes, per thread: pastes N rows like bench/paste.mjs under a Chrome trace
// and prints the grid workers' "grid paste: …" User Timing measures (cut, read, encode, check, decode
// peer rows, repeats: see components/subject-grid/validation.worker.ts), the page's long tasks and
// grid attribute changes, GC time per thread, all in ms from the paste key, and the CPU time each of
// the page's threads spent (comparable between builds on a busy machine, where wall times are not).
// Usage: node bench/paste-trace.mjs [N]   (default 100000; build first: npx next build)
// TRACE_OUT=file.json also writes the trace (open it in chrome://tracing or DevTools).
// BENCH_PASTE_WHEN=load pastes as soon as the page has hydrated (bench/paste.mjs's "on load") instead
// of after the workers' warm-up.
import { writeFileSync } from "node:fs";
import {
  GRID_SELECTOR,
  launchChromium,
  openOnboardWithClipboard,
  realisticTsv,
  startConsole,
  waitForGridSettled,
} from "./support.mjs";

const rowCount = Number(process.argv[2] ?? 100_000);
const port = Number(process.env.BENCH_PORT ?? 3203);

const app = await startConsole({ port, databasePrefix: "paste-trace-db" });
try {
  const browser = await launchChromium();
  const { page } = await openOnboardWithClipboard(browser, app.baseURL, realisticTsv(rowCount));
  // By default the workers finish their warm-up first: this script looks at a paste's own steps.
  const onLoad = process.env.BENCH_PASTE_WHEN === "load";
  if (!onLoad) await page.locator(`${GRID_SELECTOR}[data-warm-up="over"]`).waitFor({ timeout: 60_000 });
  await page.evaluate((selector) => {
    const grid = document.querySelector(selector);
    window.pasteLog = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        window.pasteLog.push([entry.startTime, `long task ${Math.round(entry.duration)} ms`]);
    }).observe({ type: "longtask" });
    new MutationObserver(() =>
      window.pasteLog.push([
        performance.now(),
        `grid aria-busy=${grid.getAttribute("aria-busy")} aria-rowcount=${grid.getAttribute("aria-rowcount")} data-warm-up=${grid.getAttribute("data-warm-up")}`,
      ]),
    ).observe(grid, { attributes: true, attributeFilter: ["aria-busy", "aria-rowcount", "data-warm-up"] });
  }, GRID_SELECTOR);
  await page.getByRole("gridcell").first().click();
  await browser.startTracing(page, {
    categories: [
      "devtools.timeline",
      "v8",
      "disabled-by-default-v8.gc",
      "disabled-by-default-v8.compile",
      "blink.user_timing",
      "toplevel",
    ],
  });
  await page.evaluate(() => {
    window.pasteStart = performance.now();
    window.pasteLog.push([
      window.pasteStart,
      `paste key, ${Math.round(window.pasteStart)} ms after navigation`,
    ]);
    performance.mark("bench: paste key");
  });
  await page.keyboard.press("ControlOrMeta+V");
  await waitForGridSettled(page, rowCount);
  await page.waitForTimeout(300);
  const trace = await browser.stopTracing();
  if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, trace);

  console.log(
    `page (ms from the paste key), ${rowCount} rows, pasted ${onLoad ? "on load" : "after the warm-up"}:`,
  );
  const { log, start } = await page.evaluate(() => ({ log: window.pasteLog, start: window.pasteStart }));
  for (const [time, what] of log) console.log(`${String(Math.round(time - start)).padStart(7)}  ${what}`);

  const { traceEvents } = JSON.parse(trace.toString());
  const key = traceEvents.find((event) => event.name === "bench: paste key");
  const origin =
    key?.ts ?? Math.min(...traceEvents.filter((event) => event.ph === "X").map((event) => event.ts));
  const threadNames = new Map();
  for (const event of traceEvents)
    if (event.ph === "M" && event.name === "thread_name") threadNames.set(event.tid, event.args.name);
  const workerNumbers = new Map();
  const workerOf = (tid) => {
    if (!workerNumbers.has(tid)) workerNumbers.set(tid, workerNumbers.size + 1);
    return `worker ${workerNumbers.get(tid)}`;
  };
  console.log("\ngrid workers (ms from the paste key):");
  const opened = new Map();
  const measures = traceEvents
    .filter((event) => event.cat === "blink.user_timing" && String(event.name).startsWith("grid paste"))
    .sort((a, b) => a.ts - b.ts);
  for (const event of measures) {
    const id = `${event.tid} ${event.name}`;
    if (event.ph === "b") opened.set(id, event.ts);
    if (event.ph !== "e" || !opened.has(id)) continue;
    const from = (opened.get(id) - origin) / 1000;
    const to = (event.ts - origin) / 1000;
    console.log(
      `${workerOf(event.tid)}  ${event.name.replace("grid paste: ", "").padEnd(18)} ${from.toFixed(0).padStart(6)} → ${to.toFixed(0).padStart(6)}  (${(to - from).toFixed(0)} ms)`,
    );
  }
  const gc = new Map();
  for (const event of traceEvents) {
    if (event.ph !== "X" || (event.name !== "MinorGC" && event.name !== "MajorGC")) continue;
    const thread = threadNames.get(event.tid) === "CrRendererMain" ? "page" : workerOf(event.tid);
    const name = `${thread} ${event.name}`;
    gc.set(name, (gc.get(name) ?? 0) + event.dur / 1000);
  }
  console.log(
    `\nGC: ${[...gc]
      .sort()
      .map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`)
      .join(", ")}`,
  );

  // CPU time (not wall time) of the page's process per thread, from the paste key to the end: on a
  // busy machine wall times swing with other work, the CPU a paste costs much less. "V8 background"
  // is the renderer's thread pool: optimising compilers (TurboFan, Maglev) and concurrent GC.
  const cpu = new Map();
  let compileMs = 0;
  for (const event of traceEvents) {
    if (event.ph !== "X" || event.ts < origin || event.pid !== key?.pid) continue;
    if (event.name === "V8.TurbofanTask" || event.name === "V8.MaglevTask")
      compileMs += (event.tdur ?? event.dur) / 1000;
    if (!["RunTask", "ThreadControllerImpl::RunTask", "ThreadPool_RunTask"].includes(event.name)) continue;
    const name = threadNames.get(event.tid) ?? "";
    const thread =
      name === "CrRendererMain"
        ? "page"
        : name.startsWith("DedicatedWorker")
          ? workerOf(event.tid)
          : name.startsWith("ThreadPool")
            ? "V8 background"
            : null;
    if (thread !== null) cpu.set(thread, (cpu.get(thread) ?? 0) + (event.tdur ?? 0) / 1000);
  }
  const cpuTotal = [...cpu.values()].reduce((sum, ms) => sum + ms, 0);
  console.log(
    `\nCPU: ${cpuTotal.toFixed(0)} ms in all (${[...cpu]
      .sort()
      .map(([thread, ms]) => `${thread} ${ms.toFixed(0)}`)
      .join(", ")}); of the background, optimising compilers ${compileMs.toFixed(0)} ms`,
  );
  await browser.close();
} finally {
  await app.stop();
}
