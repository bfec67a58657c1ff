// What the bench scripts share: a `next start` console on its own throwaway PGlite, Debian chromium,
// and the grid's settle and scroll measurements. Plain .mjs (the benches run with node, no build step).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";

/**
 * N rows × 6 columns of Excel-style TSV (CRLF, quoted names with doubled quotes), ~2 % invalid cells:
 * in each column one row in 50 holds a value the API refuses, and no two columns break on the same row
 * (row i breaks column c when 7i + 11c ≡ 0 mod 50), so 12 % of the rows have one problem each.
 */
export function realisticTsv(rowCount) {
  const first = ["Ana", "Rui", "Maria", "João", "Inês", "Pedro", "Sofia", "Tiago", "Beatriz", "Luís"];
  const last = ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins"];
  const lines = ["Email\tInternal ID\tFull name\tDate of birth\tDocument\tCountry"];
  for (let index = 0; index < rowCount; index += 1) {
    const broken = (column) => (index * 7 + column * 11) % 50 === 0;
    const name = `${first[index % first.length]} "${last[index % last.length]}" ${index}`;
    const email = broken(0) ? `person.${index}@example` : `person.${index}@example.com`;
    // Broken contacts alternate between an e-mail and a phone (every 50th row is even).
    const contactIsEmail = broken(0) ? index % 100 === 50 : index % 2 === 0;
    const phone = broken(0) ? `+3519${index}` : `+3519${String(10_000_000 + index).slice(-8)}`;
    lines.push(
      [
        contactIsEmail ? email : phone,
        broken(1) ? `emp-${index}-${"x".repeat(200)}` : `emp-${index}`,
        `"${(broken(2) ? name.padEnd(300, " Silva") : name).replaceAll('"', '""')}"`,
        broken(3) ? "31/02/1990" : `19${50 + (index % 50)}-0${1 + (index % 9)}-1${index % 9}`,
        broken(4) ? `${10_000_000 + index}${"9".repeat(50)}` : `${10_000_000 + index}`,
        broken(5) ? "POR" : "PRT",
      ].join("\t"),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

export const GRID_SELECTOR = '[role="grid"][aria-label="Subjects"]';

async function waitForHealth(baseURL) {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the console did not start");
}

/**
 * Starts the built console on 127.0.0.1:`port` with the built-in sandbox and a fresh database, and
 * waits until it answers. `nodeArgs` go to node (e.g. --cpu-prof), `env` over the defaults;
 * `showLog` passes the server's output through. stop() ends it and removes its database.
 */
export async function startConsole({ port, databasePrefix, env = {}, nodeArgs = [], showLog = false }) {
  if (!existsSync(".next/BUILD_ID")) throw new Error("build first: npx next build");
  const databaseDir = mkdtempSync(join(tmpdir(), `${databasePrefix}-`));
  const server = spawn(
    "node",
    [...nodeArgs, "node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      env: {
        ...process.env,
        PORT: String(port),
        NEXT_TELEMETRY_DISABLED: "1",
        HUMANOS_API_KEY: "",
        HUMANOS_SIGNING_SECRET: "",
        DATABASE_URL: "",
        DATABASE_DIR: databaseDir,
        ...env,
      },
      stdio: showLog ? ["ignore", "inherit", "inherit"] : "ignore",
      detached: true,
    },
  );
  const exited = new Promise((resolve) => server.once("exit", resolve));
  const stop = async () => {
    process.kill(-server.pid);
    await exited;
    rmSync(databaseDir, { recursive: true, force: true });
  };
  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseURL);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL, pid: server.pid, stop };
}

/** Debian's chromium (or CHROMIUM_PATH), else Playwright's own browser. */
export function launchChromium(extraArgs = []) {
  const candidate = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  return chromium.launch({
    executablePath: existsSync(candidate) ? candidate : undefined,
    args: ["--disable-background-networking", ...extraArgs],
  });
}

/**
 * A fresh context (clipboard allowed, 1400×900) on the console's /onboard page, once React has
 * hydrated it (a paste before that would go nowhere), with `clipboardText` on the clipboard.
 * Returns { context, page }.
 */
export async function openOnboardWithClipboard(browser, baseURL, clipboardText) {
  const context = await browser.newContext({
    permissions: ["clipboard-read", "clipboard-write"],
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${baseURL}/onboard`);
  await page.locator("[data-hydrated='true']").waitFor();
  await page.evaluate((text) => navigator.clipboard.writeText(text), clipboardText);
  return { context, page };
}

/** Waits until the grid shows `rowCount` rows with validation finished. */
export function waitForGridSettled(page, rowCount) {
  return page.waitForFunction(
    ({ selector, expected }) => {
      const element = document.querySelector(selector);
      return (
        element?.getAttribute("aria-rowcount") === String(expected + 1) &&
        element.getAttribute("aria-busy") === "false"
      );
    },
    { selector: GRID_SELECTOR, expected: rowCount },
    { timeout: 120_000 },
  );
}

/** Scrolls the grid's body from top to bottom in at most 600 steps, one frame each; returns the frame times. */
/**
 * Scrolls the grid from top to bottom, one screen per frame (or more, so that at most ~600 frames are
 * needed), and returns two lists of intervals:
 * - `frames`: between the starts of consecutive frames (the timestamp rAF passes its callback). This
 *   is the frame time an operator sees and the one PEERS.md reports: a multiple of 16.7 ms, one
 *   frame per step when nothing is missed.
 * - `callbacks`: between `performance.now()` read inside consecutive rAF callbacks (this bench's
 *   measure before session 7). It also moves with how long each frame's own work took, so it shows
 *   13, 23, 11, 16 ms where no frame was missed.
 */
export function scrollThrough(page) {
  return page.evaluate(async (selector) => {
    const scroller = document.querySelector(`${selector} [role="rowgroup"]:nth-of-type(2)`);
    scroller.scrollTop = 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const frames = [];
    const callbacks = [];
    let lastFrameStart = await new Promise((resolve) => requestAnimationFrame(resolve));
    let lastCallback = performance.now();
    const step = scroller.clientHeight;
    while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1 && frames.length < 600) {
      scroller.scrollTop += step * Math.max(1, Math.floor(scroller.scrollHeight / step / 600));
      const frameStart = await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      frames.push(frameStart - lastFrameStart);
      callbacks.push(now - lastCallback);
      lastFrameStart = frameStart;
      lastCallback = now;
    }
    return { frames, callbacks };
  }, GRID_SELECTOR);
}

export function p95(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.95)] ?? 0;
}
