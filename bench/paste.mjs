#!/usr/bin/env node
// Benchmark: paste N rows × 6 columns into the grid in Debian chromium against `next start`, and print
// paste→ready (validation finished, aria-busy="false"), the longest main-thread task and the p95 frame
// time while scrolling top to bottom, then the longest task of the first and of a later cell edit.
// Usage: node bench/paste.mjs [N ...]  (default 10000 100000); BENCH_REPEAT=3 runs each size 3 times
// (each on a fresh page) and adds a median line. Figures, not a pass/fail test: compare within one run
// (these shared machines drift).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const counts = sizes.length > 0 ? sizes : [10_000, 100_000];
const port = Number(process.env.BENCH_PORT ?? 3200);
const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1));
const baseURL = `http://127.0.0.1:${port}`;

function realisticTsv(rowCount) {
  const first = ["Ana", "Rui", "Maria", "João", "Inês", "Pedro", "Sofia", "Tiago", "Beatriz", "Luís"];
  const last = ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins"];
  const lines = ["Email\tInternal ID\tFull name\tDate of birth\tDocument\tCountry"];
  for (let index = 0; index < rowCount; index += 1) {
    const name = `${first[index % first.length]} "${last[index % last.length]}" ${index}`;
    const contact =
      index % 2 === 0 ? `person.${index}@example.com` : `+3519${String(10_000_000 + index).slice(-8)}`;
    const broken = index % 50 === 0; // ~2 % invalid cells
    const birth = broken ? "31/02/1990" : `19${50 + (index % 50)}-0${1 + (index % 9)}-1${index % 9}`;
    lines.push(
      [
        contact,
        `emp-${index}`,
        `"${name.replaceAll('"', '""')}"`,
        birth,
        `${10_000_000 + index}`,
        "PRT",
      ].join("\t"),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

async function waitForServer() {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the console did not start");
}

async function measure(browser, rowCount) {
  const context = await browser.newContext({
    permissions: ["clipboard-read", "clipboard-write"],
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${baseURL}/onboard`);
  const grid = page.getByRole("grid", { name: "Subjects" });
  await grid.waitFor();
  // A paste before React has hydrated the page would go nowhere.
  await page.locator("[data-hydrated='true']").waitFor();
  await page.evaluate((text) => navigator.clipboard.writeText(text), realisticTsv(rowCount));
  await page.evaluate((expected) => {
    const state = { longest: 0, ready: 0, start: 0 };
    window.benchState = state;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        if (entry.startTime >= state.start) state.longest = Math.max(state.longest, entry.duration);
    }).observe({ type: "longtask", buffered: false });
    const gridElement = document.querySelector('[role="grid"][aria-label="Subjects"]');
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
  }, rowCount);
  await page.getByRole("gridcell").first().click();
  await page.evaluate(() => {
    window.benchState.start = performance.now();
  });
  await page.keyboard.press("ControlOrMeta+V");
  await page.waitForFunction(() => window.benchState.ready > 0, null, { timeout: 120_000 });
  await page.waitForTimeout(300);
  const { ready, start, longest } = await page.evaluate(() => window.benchState);

  const frames = await page.evaluate(async () => {
    const scroller = document.querySelector(
      '[role="grid"][aria-label="Subjects"] [role="rowgroup"]:nth-of-type(2)',
    );
    const times = [];
    let last = performance.now();
    const step = scroller.clientHeight;
    while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1 && times.length < 600) {
      scroller.scrollTop += step * Math.max(1, Math.floor(scroller.scrollHeight / step / 600));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return times;
  });
  frames.sort((a, b) => a - b);
  const p95 = frames[Math.floor(frames.length * 0.95)] ?? 0;

  // Two edits of one cell (type, Enter): the longest main-thread task each causes.
  const editTasks = [];
  await page.evaluate(async () => {
    document.querySelector(
      '[role="grid"][aria-label="Subjects"] [role="rowgroup"]:nth-of-type(2)',
    ).scrollTop = 0;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  });
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
    readyMs: Math.round(ready - start),
    longestTaskMs: Math.round(longest),
    scrollP95Ms: Number(p95.toFixed(1)),
    heapMb: Math.round(heap / 1e6),
    firstEditTaskMs: editTasks[0],
    nextEditTaskMs: editTasks[1],
  };
}

const databaseDir = mkdtempSync(join(tmpdir(), "bench-paste-db-"));
const server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
  env: {
    ...process.env,
    DATABASE_URL: "",
    DATABASE_DIR: databaseDir,
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: "1",
    HUMANOS_API_KEY: "",
    HUMANOS_SIGNING_SECRET: "",
  },
  stdio: "ignore",
  detached: true,
});
try {
  if (!existsSync(".next/BUILD_ID")) throw new Error("build first: npx next build");
  await waitForServer();
  const executablePath = existsSync(process.env.CHROMIUM_PATH || "/usr/bin/chromium")
    ? process.env.CHROMIUM_PATH || "/usr/bin/chromium"
    : undefined;
  const browser = await chromium.launch({
    executablePath,
    args: ["--disable-background-networking", "--enable-precise-memory-info"],
  });
  const columns = ["readyMs", "longestTaskMs", "scrollP95Ms", "heapMb", "firstEditTaskMs", "nextEditTaskMs"];
  console.log(
    "rows\tpaste→ready ms\tlongest task ms\tscroll p95 frame ms\tJS heap MB\tfirst edit task ms\tnext edit task ms",
  );
  for (const rowCount of counts) {
    const results = [];
    for (let run = 0; run < repeat; run += 1) {
      const result = await measure(browser, rowCount);
      results.push(result);
      console.log([rowCount, ...columns.map((column) => result[column])].join("\t"));
    }
    if (repeat > 1) {
      const median = (column) => {
        const values = results.map((result) => result[column]).sort((a, b) => a - b);
        return values[Math.floor(values.length / 2)];
      };
      console.log([`${rowCount} median`, ...columns.map(median)].join("\t"));
    }
  }
  await browser.close();
} finally {
  process.kill(-server.pid);
  rmSync(databaseDir, { recursive: true, force: true });
}
