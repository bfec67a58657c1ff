#!/usr/bin/env node
// The one test command (npm test): makes sure a browser is there, builds the console, runs the unit
// tests (Vitest) and the browser tests (Playwright against `next start` and the built-in sandbox),
// then prints one closing line: "N passed, N failed, N skipped". Exits non-zero on any failure or
// when no test ran.
//
// Database suites run on PGlite always and on a real PostgreSQL server too: ensurePostgres() uses
// TEST_DATABASE_URL when set, else starts a private throwaway cluster (installing Debian's postgresql
// first when root) and passes its URL to Vitest and Playwright. That server is left running (see
// scripts/ensure-postgres.mjs). Without PostgreSQL the run goes on PGlite-only with a WARNING in the
// summary, except under CI, where it is a failure: CI must cover both databases.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { ensurePostgres } from "./ensure-postgres.mjs";

const reports = "reports";
mkdirSync(reports, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(command, args, extraEnv = {}) {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  return result.status ?? 1;
}

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (existsSync(path)) return true;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `No Chromium at ${path}. Install Debian's chromium (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
    return false;
  }
  console.log("Installing Debian's chromium for the browser tests…");
  return (
    run("apt-get", ["update"]) === 0 &&
    run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"]) === 0
  );
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

// Lint and format are part of "green": Biome is fast (< 1 s); types are checked by `next build`.
if (run("npx", ["biome", "check", "."]) !== 0)
  failedSteps.push("lint (npx biome check --write . fixes most)");

const postgres = await ensurePostgres();
console.log(`\n${postgres.note}`);
if (postgres.url) {
  env.TEST_DATABASE_URL = postgres.url; // for Vitest and Playwright alike
} else if (process.env.CI && process.env.CI !== "false") {
  failedSteps.push("PostgreSQL (CI runs the database tests on it too)");
}

const vitestStatus = run("npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${reports}/vitest.json`,
]);
const vitest = readJson(`${reports}/vitest.json`);
if (vitest) {
  totals.passed += vitest.numPassedTests ?? 0;
  totals.failed += vitest.numFailedTests ?? 0;
  totals.skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}
if (vitestStatus !== 0) failedSteps.push("unit tests");

if (!ensureChromium()) failedSteps.push("chromium install");
else if (run("npx", ["next", "build"]) !== 0) failedSteps.push("next build");
else {
  const e2eStatus = run("npx", ["playwright", "test"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json`,
  });
  const e2e = readJson(`${reports}/playwright.json`);
  if (e2e?.stats) {
    totals.passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
    totals.failed += e2e.stats.unexpected ?? 0;
    totals.skipped += e2e.stats.skipped ?? 0;
  }
  if (e2eStatus !== 0) failedSteps.push("browser tests");
}

const ran = totals.passed + totals.failed;
if (ran === 0) failedSteps.push("no test ran");
if (!postgres.url) console.error(`\n${postgres.note}`);
if (failedSteps.length > 0) console.error(`\nFailed: ${failedSteps.join(", ")}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length > 0 ? 1 : 0);
