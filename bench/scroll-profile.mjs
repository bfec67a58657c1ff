#!/usr/bin/env node
// Where a scroll frame's time goes: pastes N rows like bench/paste.mjs, then scrolls the grid top to
// bottom twice, once under a Chrome trace (main-thread time by event: script, style, layout, paint…)
// and once under the V8 sampling profiler (script self time by function). Prints per-frame averages.
// Usage: node bench/scroll-profile.mjs [N]   (default 100000; build first: npx next build)
import { writeFileSync } from "node:fs";
import {
  launchChromium,
  openOnboardWithClipboard,
  p95,
  realisticTsv,
  scrollThrough,
  startConsole,
  waitForGridSettled,
} from "./support.mjs";

const rowCount = Number(process.argv[2] ?? 100_000);
const port = Number(process.env.BENCH_PORT ?? 3201);

const app = await startConsole({ port, databasePrefix: "scroll-profile-db" });
try {
  const browser = await launchChromium();
  const { context, page } = await openOnboardWithClipboard(browser, app.baseURL, realisticTsv(rowCount));
  await page.getByRole("gridcell").first().click();
  await page.keyboard.press("ControlOrMeta+V");
  await waitForGridSettled(page, rowCount);
  await page.waitForTimeout(500);
  // An experiment: extra CSS applied before scrolling (e.g. SCROLL_CSS='[role=row]{contain:strict}').
  if (process.env.SCROLL_CSS) await page.addStyleTag({ content: process.env.SCROLL_CSS });
  const cdp = await context.newCDPSession(page);
  console.log(
    `DOM: ${await page.evaluate(() => document.querySelectorAll("[role=grid] *").length)} elements in the grid`,
  );

  // 1. A trace: main-thread time by top-level event.
  const events = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
  const traced = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", {
    traceConfig: {
      recordMode: "recordAsMuchAsPossible",
      includedCategories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute"],
    },
    transferMode: "ReportEvents",
  });
  const { frames: tracedFrames } = await scrollThrough(page);
  await cdp.send("Tracing.end");
  await traced;
  if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, JSON.stringify({ traceEvents: events }));
  const main = events.find((event) => event.name === "thread_name" && event.args?.name === "CrRendererMain");
  const totals = new Map();
  // Self time of the main thread's complete events, by name (children subtracted), in thread time
  // (tdur: CPU time, not wall time, so other processes on the machine count less).
  const cpu = (event) => event.tdur ?? event.dur;
  const onMain = events
    .filter(
      (event) => main && event.pid === main.pid && event.tid === main.tid && event.ph === "X" && event.dur,
    )
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  for (const event of onMain) {
    while (stack.length > 0 && stack.at(-1).ts + stack.at(-1).dur <= event.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) totals.set(parent.name, (totals.get(parent.name) ?? 0) - cpu(event));
    totals.set(event.name, (totals.get(event.name) ?? 0) + cpu(event));
    stack.push(event);
  }
  const frames = tracedFrames.length;
  console.log(`\nTraced: ${frames} frames, p95 ${p95(tracedFrames).toFixed(1)} ms (tracing adds overhead)`);
  console.log("main-thread self CPU time per frame, by trace event (ms):");
  const all = [...totals.values()].reduce((sum, micros) => sum + micros, 0);
  console.log(`  ${(all / 1000 / frames).toFixed(2).padStart(7)}  (all)`);
  for (const [name, micros] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 18))
    console.log(`  ${(micros / 1000 / frames).toFixed(2).padStart(7)}  ${name}`);

  // 2. Untraced: the scroll event's handlers (React's render and commit), then the style and layout
  // they leave (forced by reading scrollHeight), timed inside the page, medians per frame.
  const split = await page.evaluate(async () => {
    const scroller = document.querySelector(
      '[role="grid"][aria-label="Subjects"] [role="rowgroup"]:nth-of-type(2)',
    );
    scroller.scrollTop = 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
    let scrolled = 0;
    const onScroll = () => {
      scrolled = performance.now();
    };
    window.addEventListener("scroll", onScroll, { capture: true, passive: true });
    const handlers = [];
    const layout = [];
    const frames = [];
    const step = scroller.clientHeight;
    let last = performance.now();
    while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1 && frames.length < 600) {
      scroller.scrollTop += step * Math.max(1, Math.floor(scroller.scrollHeight / step / 600));
      const inFrame = await new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      const before = performance.now();
      void scroller.scrollHeight;
      const after = performance.now();
      handlers.push(inFrame - scrolled);
      layout.push(after - before);
      frames.push(after - last);
      last = after;
    }
    window.removeEventListener("scroll", onScroll, { capture: true });
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    return { handlers: median(handlers), layout: median(layout), frame: median(frames) };
  });
  console.log(
    `\nUntraced medians per frame: scroll handlers (React) ${split.handlers.toFixed(1)} ms, then style+layout ${split.layout.toFixed(1)} ms, whole frame ${split.frame.toFixed(1)} ms`,
  );

  // 3. The sampling profiler: script self time by function.
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  const { frames: profiledFrames } = await scrollThrough(page);
  const { profile } = await cdp.send("Profiler.stop");
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const intervals = profile.timeDeltas;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const frame = node.callFrame;
    const file = frame.url.split("/").at(-1) || "";
    const key = `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (intervals[index + 1] ?? 0));
  });
  console.log(`\nProfiled: ${profiledFrames.length} frames, p95 ${p95(profiledFrames).toFixed(1)} ms`);
  console.log("self time per frame, by function (ms):");
  for (const [name, micros] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`  ${(micros / 1000 / profiledFrames.length).toFixed(2).padStart(7)}  ${name}`);
  if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
  await browser.close();
} finally {
  await app.stop();
}
