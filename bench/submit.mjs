#!/usr/bin/env node
// Benchmark: 10,000 subjects through the console (browser → server action → stored run → engine →
// the built-in sandbox → results shown) versus a bare signed client posting the same chunks with the
// same concurrency straight to the same sandbox, in one run against one `next start`, and the peak
// resident memory of the server's processes. Usage: node bench/submit.mjs [N]  (default 10000)
// Figures, not a pass/fail test. Targets (issue 4): console/bare ≥ 0.8 and ≥ 2,000 rows/s.
import { createHmac, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { launchChromium, openOnboardWithClipboard, startConsole, waitForGridSettled } from "./support.mjs";

const rowCount = Number(process.argv[2] ?? 10_000);
const port = Number(process.env.BENCH_PORT ?? 3201);
const concurrency = Number(process.env.HUMANOS_CONCURRENCY ?? 2);
const baseURL = `http://127.0.0.1:${port}`;
const sandboxUrl = `${baseURL}/api/sandbox/v1/user`;
const apiKey = "sandbox-dev-api-key";
const signingSecret = "sandbox-dev-signing-secret";

function subject(prefix, index) {
  return {
    contact: `${prefix}.${index}@example.com`,
    internalId: `${prefix}-${index}`,
    identity: {
      fullName: `Person ${index}`,
      birth: `19${50 + (index % 50)}-0${1 + (index % 9)}-1${index % 9}`,
      docId: `${prefix === "bare" ? 1 : 2}${String(index).padStart(8, "0")}`,
      countryAlpha3: "PRT",
    },
  };
}

function tsvFor(prefix, count) {
  const lines = ["Email\tInternal ID\tFull name\tDate of birth\tDocument\tCountry"];
  for (let index = 0; index < count; index++) {
    const s = subject(prefix, index);
    lines.push(
      [s.contact, s.internalId, s.identity.fullName, s.identity.birth, s.identity.docId, "PRT"].join("\t"),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** The bare client: sign, post, and parse, `concurrency` chunks of 100 at a time, no retries needed. */
async function bareClient(count) {
  const chunks = [];
  for (let start = 0; start < count; start += 100) {
    chunks.push(Array.from({ length: Math.min(100, count - start) }, (_, i) => subject("bare", start + i)));
  }
  let next = 0;
  let created = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < chunks.length) {
      const body = JSON.stringify(chunks[next++]);
      const timestamp = String(Date.now());
      const response = await fetch(sandboxUrl, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${apiKey}`,
          "X-Timestamp": timestamp,
          "X-Signature": createHmac("sha256", signingSecret).update(`${timestamp}.${body}`).digest("hex"),
          "Content-Type": "application/json",
          "Idempotency-Key": randomUUID(),
        },
        body,
      });
      const items = await response.json();
      if (!response.ok || !Array.isArray(items)) throw new Error(`sandbox answered ${response.status}`);
      created += items.filter((item) => item.status === 200 || item.status === 201).length;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  if (created !== count) throw new Error(`bare client: ${created} of ${count} created`);
  return { seconds, rowsPerSecond: count / seconds };
}

async function throughConsole(browser, count) {
  const { context, page } = await openOnboardWithClipboard(browser, baseURL, tsvFor("console", count));
  const grid = page.getByRole("grid", { name: "Subjects" });
  await page.getByRole("gridcell").first().click();
  await page.keyboard.press("ControlOrMeta+V");
  await waitForGridSettled(page, count);
  await grid.waitFor();
  // The page's own main-thread work (Chromium's Performance domain): script, style, layout, all tasks.
  const pageMetrics = await context.newCDPSession(page);
  await pageMetrics.send("Performance.enable");
  const pageWork = async () =>
    Object.fromEntries(
      (await pageMetrics.send("Performance.getMetrics")).metrics
        .filter((metric) => PAGE_WORK_METRICS.includes(metric.name))
        .map((metric) => [metric.name, metric.value]),
    );
  const pageWorkAtClick = await pageWork();
  const started = performance.now();
  const cpuAtClick = {
    browserKinds: consoleMarks.browserCpuByKind(),
    server: treeCpuSeconds(consoleMarks.serverPid),
    browser: consoleMarks.browserCpu(),
    database: consoleMarks.databaseCpu(),
    machine: machineCpuSeconds(),
  };
  // BENCH_BROWSER_PROF=<file>: the page's own CPU profile from the click on (V8 .cpuprofile JSON).
  const browserProfile = process.env.BENCH_BROWSER_PROF ? await context.newCDPSession(page) : undefined;
  if (browserProfile) {
    await browserProfile.send("Profiler.enable");
    await browserProfile.send("Profiler.setSamplingInterval", { interval: 500 });
    await browserProfile.send("Profiler.start");
  }
  // The page's long tasks from the click on: does showing a live run ever hold the operator's page?
  await page.evaluate(() => {
    window.benchLongTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.benchLongTasks.push(entry.duration);
    }).observe({ type: "longtask" });
  });
  mark("consoleClick");
  await page.getByRole("button", { name: /^Create subjects/ }).click();
  await page.waitForFunction(
    (expected) => {
      const table = document.querySelector('table[aria-label="Results"]');
      return (
        table?.getAttribute("aria-busy") === "false" &&
        table.getAttribute("aria-rowcount") === String(expected + 1)
      );
    },
    count,
    { timeout: 300_000, polling: 50 },
  );
  const seconds = (performance.now() - started) / 1000;
  // Read before the context closes: its page's processes, and their CPU, go with it.
  const browserCpuAtEnd = consoleMarks.browserCpu();
  const browserKindsAtEnd = consoleMarks.browserCpuByKind();
  const pageWorkAtEnd = await pageWork();
  const longTasks = await page.evaluate(() => window.benchLongTasks);
  const afterClick = {
    server: treeCpuSeconds(consoleMarks.serverPid) - cpuAtClick.server,
    browser: browserCpuAtEnd - cpuAtClick.browser,
    database: consoleMarks.databaseCpu() - cpuAtClick.database,
    browserKinds: Object.fromEntries(
      Object.entries(browserKindsAtEnd).map(([kind, seconds]) => [
        kind,
        seconds - (cpuAtClick.browserKinds[kind] ?? 0),
      ]),
    ),
    pageWork: Object.fromEntries(
      PAGE_WORK_METRICS.map((name) => [name, (pageWorkAtEnd[name] ?? 0) - (pageWorkAtClick[name] ?? 0)]),
    ),
    machine: machineCpuSeconds().minus(cpuAtClick.machine),
  };
  if (browserProfile) {
    const { profile } = await browserProfile.send("Profiler.stop");
    writeFileSync(process.env.BENCH_BROWSER_PROF, JSON.stringify(profile));
  }
  const created = await page.locator('table[aria-label="Results"] tr[data-status="200"]').count();
  const runHref = await page
    .getByRole("link", { name: /^[0-9a-f]{8}$/ })
    .first()
    .getAttribute("href");
  await context.close();
  if (created === 0) throw new Error("the console showed no created rows");
  // Where the time went, from the run's own timestamps: storing rows, then sending them.
  const run = await (await fetch(`${baseURL}/api${runHref}`)).json();
  const phases = {
    storeSeconds: (Date.parse(run.startedAt) - Date.parse(run.createdAt)) / 1000,
    sendSeconds: (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000,
  };
  return { seconds, rowsPerSecond: count / seconds, phases, afterClick, browserCpuAtEnd, longTasks };
}

/** What throughConsole needs to measure CPU from the click on: the server's and the browser's. */
const consoleMarks = {
  serverPid: 0,
  browserCpu: () => Number.NaN,
  browserCpuByKind: () => ({}),
  databaseCpu: () => Number.NaN,
};
const PAGE_WORK_METRICS = ["TaskDuration", "ScriptDuration", "RecalcStyleDuration", "LayoutDuration"];

/**
 * CPU seconds so far of each kind of Chromium process under this script (renderer, gpu-process,
 * utility, browser for the one without --type), the server's processes left out.
 */
function chromiumCpuByKind(serverPid) {
  const server = new Set(treePids(serverPid));
  const kinds = {};
  for (const pid of treePids(process.pid)) {
    if (pid === process.pid || server.has(pid)) continue;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      const kind =
        cmdline.match(/--type=([a-z-]+)/)?.[1] ?? (cmdline.includes("chrom") ? "browser" : "other");
      kinds[kind] = (kinds[kind] ?? 0) + ownCpuSeconds(pid);
    } catch {}
  }
  return kinds;
}

/**
 * CPU seconds the whole machine (every core, every process, other tenants included) spent busy and
 * idle so far: a path that ran while other work had the cores shows it.
 */
function machineCpuSeconds() {
  const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const ticks = fields.map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  const busy = ticks.reduce((sum, value) => sum + value, 0) - idle;
  return {
    busy: busy / 100,
    idle: idle / 100,
    minus(earlier) {
      return { busy: this.busy - earlier.busy, idle: this.idle - earlier.idle };
    },
  };
}

/** CPU seconds (user + system) used so far by one process alone. */
function ownCpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds (user + system) used so far by a process and all its descendants. */
function treeCpuSeconds(rootPid) {
  let ticks = 0;
  for (const pid of treePids(rootPid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return ticks / 100;
}

function treePids(rootPid) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {}
  }
  const pids = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop();
    pids.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return pids;
}

/** Resident memory of a process and all its descendants, in bytes. */
function treeRss(rootPid) {
  let total = 0;
  for (const pid of treePids(rootPid)) {
    try {
      const rss = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
      if (rss) total += Number(rss[1]) * 1024;
    } catch {}
  }
  return total;
}

// BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops, and phases.json holds
// when each path ran (monotonic microseconds, the profile's own clock): see bench/cpu-profile.mjs.
const profileDir = process.env.BENCH_CPU_PROF;
// The server writes its statement timings there on exit, before node creates the folder for the profile.
if (profileDir) mkdirSync(profileDir, { recursive: true });
const phaseMarks = {};
const mark = (name) => {
  phaseMarks[name] = Number(process.hrtime.bigint() / 1000n);
};
// BENCH_DATABASE_URL=<admin url of a PostgreSQL server>: the console keeps its runs and the sandbox's
// state in a fresh database on that server (created here, dropped at the end) instead of PGlite.
const postgres = process.env.BENCH_DATABASE_URL
  ? await createBenchDatabase(process.env.BENCH_DATABASE_URL)
  : undefined;
const app = await startConsole({
  port,
  databasePrefix: "bench-submit-db",
  nodeArgs: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
  env: {
    CONSOLE_OPERATORS: "",
    SANDBOX_FAULTS: "",
    HUMANOS_CONCURRENCY: String(concurrency),
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    ...(profileDir ? { PGLITE_QUERY_PROFILE: join(profileDir, "queries.jsonl") } : {}),
  },
  // BENCH_SERVER_LOG=1 shows the server's own output (start-up lines, errors).
  showLog: Boolean(process.env.BENCH_SERVER_LOG),
});
consoleMarks.serverPid = app.pid;
if (postgres) consoleMarks.databaseCpu = postgres.cpuSeconds;
let peakRss = 0;
let peakDatabaseRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, treeRss(app.pid));
  if (postgres) peakDatabaseRss = Math.max(peakDatabaseRss, postgres.rss());
}, 100);
try {
  // Warm both paths once (route compilation, PGlite start, JIT) on a small batch.
  await bareClientWarmUp();
  const browser = await launchChromium();
  const cpuBeforeBare = treeCpuSeconds(app.pid);
  const databaseCpuBeforeBare = consoleMarks.databaseCpu();
  const machineBeforeBare = machineCpuSeconds();
  mark("bareStart");
  const bare = await bareClient(rowCount);
  mark("bareEnd");
  const machineBare = machineCpuSeconds().minus(machineBeforeBare);
  const cpuBeforeConsole = treeCpuSeconds(app.pid);
  const databaseCpuBare = consoleMarks.databaseCpu() - databaseCpuBeforeBare;
  // The browser's processes: this script's descendants that are not the server's.
  const browserCpu = () => treeCpuSeconds(process.pid) - treeCpuSeconds(app.pid) - ownCpuSeconds(process.pid);
  consoleMarks.browserCpu = browserCpu;
  consoleMarks.browserCpuByKind = () => chromiumCpuByKind(app.pid);
  const browserCpuBeforeConsole = browserCpu();
  const consoleRun = await throughConsole(browser, rowCount);
  mark("consoleEnd");
  const cpuAfterConsole = treeCpuSeconds(app.pid);
  const browserCpuAfterConsole = consoleRun.browserCpuAtEnd;
  await browser.close();
  console.log(
    `subjects: ${rowCount}, concurrency: ${concurrency}, chunks of 100, database: ${postgres ? "PostgreSQL" : "PGlite"}`,
  );
  console.log("path\tseconds\trows/s");
  console.log(`bare signed client → sandbox\t${bare.seconds.toFixed(2)}\t${Math.round(bare.rowsPerSecond)}`);
  console.log(
    `console (browser → results)\t${consoleRun.seconds.toFixed(2)}\t${Math.round(consoleRun.rowsPerSecond)}`,
  );
  console.log(`ratio console/bare\t${(consoleRun.rowsPerSecond / bare.rowsPerSecond).toFixed(2)}`);
  console.log(
    `console phases\tstore rows ${consoleRun.phases.storeSeconds.toFixed(2)} s, send ${consoleRun.phases.sendSeconds.toFixed(2)} s, the rest (click, start, last poll) ${(consoleRun.seconds - consoleRun.phases.storeSeconds - consoleRun.phases.sendSeconds).toFixed(2)} s`,
  );
  console.log(
    `server CPU\tbare ${(cpuBeforeConsole - cpuBeforeBare).toFixed(1)} s, console ${(cpuAfterConsole - cpuBeforeConsole).toFixed(1)} s (includes the paste's page load), console after the click ${consoleRun.afterClick.server.toFixed(1)} s`,
  );
  console.log(
    `browser CPU\tconsole ${(browserCpuAfterConsole - browserCpuBeforeConsole).toFixed(1)} s (page load and paste included), after the click ${consoleRun.afterClick.browser.toFixed(1)} s`,
  );
  const kinds = Object.entries(consoleRun.afterClick.browserKinds)
    .map(([kind, seconds]) => `${kind} ${seconds.toFixed(1)} s`)
    .join(", ");
  const work = consoleRun.afterClick.pageWork;
  console.log(
    `browser CPU after the click by process\t${kinds}; the page's main thread: tasks ${work.TaskDuration.toFixed(1)} s (script ${work.ScriptDuration.toFixed(1)}, style ${work.RecalcStyleDuration.toFixed(1)}, layout ${work.LayoutDuration.toFixed(1)})`,
  );
  const longTasks = consoleRun.longTasks;
  console.log(
    `page long tasks after the click\t${longTasks.length}, longest ${Math.round(Math.max(0, ...longTasks))} ms, ${Math.round(longTasks.reduce((sum, ms) => sum + ms, 0))} ms in all`,
  );
  if (postgres) {
    console.log(
      `PostgreSQL server CPU\tbare ${databaseCpuBare.toFixed(1)} s, console after the click ${consoleRun.afterClick.database.toFixed(1)} s`,
    );
  }
  console.log(
    `machine CPU (all cores, all processes)\tbare: busy ${machineBare.busy.toFixed(1)} s, idle ${machineBare.idle.toFixed(1)} s; console after the click: busy ${consoleRun.afterClick.machine.busy.toFixed(1)} s, idle ${consoleRun.afterClick.machine.idle.toFixed(1)} s`,
  );
  console.log(
    `server RSS peak (all processes)\t${Math.round(peakRss / 1e6)} MB${
      postgres
        ? `; the PostgreSQL server's processes (shared memory counted in each): ${Math.round(peakDatabaseRss / 1e6)} MB`
        : ""
    }`,
  );
} finally {
  clearInterval(sampler);
  await app.stop();
  await postgres?.drop();
  if (profileDir) {
    writeFileSync(join(profileDir, "phases.json"), JSON.stringify(phaseMarks));
    console.log(`CPU profile and phases in ${profileDir}: node bench/cpu-profile.mjs ${profileDir}`);
  }
}

async function bareClientWarmUp() {
  const body = JSON.stringify([subject("warm", 0)]);
  const timestamp = String(Date.now());
  await fetch(sandboxUrl, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${apiKey}`,
      "X-Timestamp": timestamp,
      "X-Signature": createHmac("sha256", signingSecret).update(`${timestamp}.${body}`).digest("hex"),
      "Content-Type": "application/json",
    },
    body,
  });
}

/** A new empty database on the server of `adminUrl`, and how to drop it. */
async function createBenchDatabase(adminUrl) {
  const name = `bench_submit_${randomUUID().replaceAll("-", "")}`;
  const onAdmin = async (statement) => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  await onAdmin(`CREATE DATABASE ${name}`);
  // The server's processes, for their CPU: the postmaster is the parent of our backend.
  let postmasterPid = 0;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const backend = (await admin.query("SELECT pg_backend_pid() AS pid")).rows[0].pid;
    const stat = readFileSync(`/proc/${backend}/stat`, "utf8");
    postmasterPid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    // A server on another machine: its CPU is not ours to read.
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    cpuSeconds: () => (postmasterPid ? treeCpuSeconds(postmasterPid) : Number.NaN),
    rss: () => (postmasterPid ? treeRss(postmasterPid) : Number.NaN),
    drop: () => onAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
