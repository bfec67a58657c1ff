import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
/** The test server's PGlite folder, emptied before it starts: every run begins with no runs and an empty sandbox. */
const databaseDir = join(tmpdir(), `humanos-e2e-db-${port}`);

/** Debian's chromium when present (Playwright cannot download its own browsers on these machines). */
function chromiumExecutable(): string | undefined {
  const candidate = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  return existsSync(candidate) ? candidate : undefined;
}

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  // The clipboard is per browser process: paste tests must not run side by side.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    permissions: ["clipboard-read", "clipboard-write"],
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumExecutable(),
          args: [
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    command: `test -f .next/BUILD_ID || npx next build; rm -rf "${databaseDir}" && npx next start -H 127.0.0.1 -p ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      // Always the built-in sandbox in tests, whatever the shell has configured.
      HUMANOS_API_KEY: "",
      HUMANOS_SIGNING_SECRET: "",
      CONSOLE_OPERATORS: "",
      DATABASE_URL: "",
      DATABASE_DIR: databaseDir,
      SANDBOX_FAULTS: "",
    },
  },
});
