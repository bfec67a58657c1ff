/**
 * Delivery that loses nothing, end to end: each test runs a console server of its own (its own
 * PGlite folder, the sandbox injecting faults), so it can break the network and kill the server.
 * "Created exactly once" is checked through the sandbox's signed lookup: every contact exists, with
 * the DID the run recorded for it; and every row is 200 (a second, non-replayed processing of a
 * contact would answer 201 "already up to date").
 */
import { expect, type Page, test } from "@playwright/test";
import { authHeaders } from "../lib/humanos/signing";
import { SANDBOX_DEFAULT_API_KEY, SANDBOX_DEFAULT_SIGNING_SECRET } from "../lib/sandbox-defaults";
import { OnboardPage } from "./pages/onboard-page";
import { RunsPage } from "./pages/runs-page";
import { ConsoleServer } from "./support/console-server";

/** Each test's own server listens above the shared test server's port (E2E_PORT). */
const OWN_SERVER_PORT = Number(process.env.E2E_PORT ?? 3100) + 10;

const ROWS = 2000;
/** The mix: 20 % 5xx, 10 % 429, 5 % timeouts, 2 % malformed answers. */
const FAULTS = "5xx=0.2,429=0.1,timeout=0.05,malformed=0.02,hang-ms=2500,retry-after=1";
const RESILIENT_CLIENT = { HUMANOS_TIMEOUT_MS: "1500", HUMANOS_MAX_ATTEMPTS: "10" };

test.describe.configure({ timeout: 240_000 });

interface ExportedRow {
  row: number;
  contact: string;
  status: string;
  did: string;
}

function peopleTsv(tag: string, count: number): { tsv: string; contacts: string[] } {
  const contacts = Array.from({ length: count }, (_, index) => `p${index}.${tag}@example.com`);
  const lines = ["Email\tInternal ID", ...contacts.map((contact, index) => `${contact}\t${tag}-${index}`)];
  return { tsv: `${lines.join("\r\n")}\r\n`, contacts };
}

async function pasteAndSend(
  page: Page,
  server: ConsoleServer,
  tsv: string,
  rows: number,
): Promise<OnboardPage> {
  const onboard = new OnboardPage(page);
  await page.goto(`${server.baseURL}/onboard`);
  await expect(page.locator("[data-hydrated='true']")).toHaveCount(1);
  await page.getByRole("tab", { name: "Paste" }).click();
  await onboard.pasteAt(onboard.cell(1, "contact"), tsv);
  await expect(onboard.grid).toHaveAttribute("aria-rowcount", String(rows + 1));
  await expect(onboard.grid).toHaveAttribute("aria-busy", "false");
  await onboard.createButton.click();
  await expect(onboard.runProgress).toBeVisible();
  return onboard;
}

async function exportedRows(page: Page, server: ConsoleServer, runId: string): Promise<ExportedRow[]> {
  const response = await page.request.get(
    `${server.baseURL}/api/runs/${runId}/export?format=json&filter=all`,
  );
  expect(response.ok()).toBe(true);
  const body: unknown = await response.json();
  const rows = Array.isArray(body) ? body : (body as { results?: unknown[] }).results;
  return (rows ?? []) as ExportedRow[];
}

/** Every contact exists in the sandbox, once, with the DID the run recorded. */
async function expectCreatedOnce(server: ConsoleServer, rows: ExportedRow[]): Promise<void> {
  const mismatches: string[] = [];
  for (const row of rows) {
    const response = await fetch(
      `${server.baseURL}/api/sandbox/v1/user?contact=${encodeURIComponent(row.contact)}`,
      {
        headers: {
          ...authHeaders({ apiKey: SANDBOX_DEFAULT_API_KEY, signingSecret: SANDBOX_DEFAULT_SIGNING_SECRET }),
          // Lookups are the test's own reads: no injected faults for them.
          "X-Sandbox-Faults": "seed=1",
        },
      },
    );
    const user = (await response.json()) as { did?: string };
    if (user.did !== row.did) mismatches.push(`${row.contact}: run ${row.did}, sandbox ${user.did}`);
  }
  expect(mismatches, mismatches.slice(0, 5).join("\n")).toHaveLength(0);
}

function statusCounts(rows: ExportedRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
  return counts;
}

async function processedRows(page: Page): Promise<number> {
  const value = await page.getByRole("progressbar", { name: "Rows processed" }).getAttribute("value");
  return Number(value ?? 0);
}

test("2,000 rows through 5xx, 429, timeouts and malformed answers: every row accounted for, each contact created once", async ({
  page,
}) => {
  const server = new ConsoleServer({
    port: OWN_SERVER_PORT + 1,
    env: { ...RESILIENT_CLIENT, SANDBOX_FAULTS: `seed=11,${FAULTS}`, HUMANOS_CONCURRENCY: "4" },
  });
  try {
    await server.start();
    const { tsv } = peopleTsv("faults", ROWS);
    const onboard = await pasteAndSend(page, server, tsv, ROWS);
    await onboard.waitForRun({ timeout: 180_000 });
    await expect(onboard.runProgress).toContainText(
      `${ROWS.toLocaleString("en-US")} of ${ROWS.toLocaleString("en-US")}`,
    );
    await expect(onboard.results).toHaveAttribute("aria-rowcount", String(ROWS + 1));

    const rows = await exportedRows(page, server, await onboard.runId());
    expect(rows).toHaveLength(ROWS);
    expect(new Set(rows.map((row) => row.row)).size).toBe(ROWS);
    expect(statusCounts(rows)).toStrictEqual({ "200": ROWS });
    await expectCreatedOnce(server, rows);
  } finally {
    await server.dispose();
  }
});

test("the server is killed mid-run: after a restart the run is interrupted, Resume finishes it, nothing is created twice", async ({
  page,
}) => {
  const server = new ConsoleServer({
    port: OWN_SERVER_PORT + 2,
    env: {
      ...RESILIENT_CLIENT,
      SANDBOX_FAULTS: `seed=12,latency-ms=150,${FAULTS}`,
      HUMANOS_CONCURRENCY: "2",
    },
  });
  try {
    await server.start();
    const { tsv } = peopleTsv("restart", ROWS);
    const onboard = await pasteAndSend(page, server, tsv, ROWS);
    const runId = await onboard.runId();
    await expect.poll(() => processedRows(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(300);
    await server.kill();

    await server.start();
    expect(server.log).toContain("1 interrupted run(s) can be resumed");
    const runs = new RunsPage(page);
    await page.goto(`${server.baseURL}/runs/${runId}`);
    await expect(runs.runProgress).toHaveAttribute("data-state", "interrupted");
    const before = await processedRows(page);
    expect(before).toBeGreaterThanOrEqual(300);
    expect(before).toBeLessThan(ROWS);
    await runs.resumeButton.click();
    await runs.waitForRun({ timeout: 180_000 });

    const rows = await exportedRows(page, server, runId);
    expect(rows).toHaveLength(ROWS);
    expect(statusCounts(rows)).toStrictEqual({ "200": ROWS });
    await expectCreatedOnce(server, rows);
  } finally {
    await server.dispose();
  }
});

test("Cancel stops new requests, records the ones in flight, and Resume sends only the rest", async ({
  page,
}) => {
  const server = new ConsoleServer({
    port: OWN_SERVER_PORT + 3,
    // 600 ms a request: the run lasts ~6 s, so Cancel lands mid-run even on a busy machine.
    env: { SANDBOX_FAULTS: "seed=13,latency-ms=600", HUMANOS_CONCURRENCY: "2" },
  });
  try {
    await server.start();
    const { tsv, contacts } = peopleTsv("cancel", ROWS);
    const onboard = await pasteAndSend(page, server, tsv, ROWS);
    const runId = await onboard.runId();
    await expect.poll(() => processedRows(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(200);
    await onboard.runProgress.getByRole("button", { name: "Cancel" }).click();
    await onboard.waitForRun({ state: "cancelled", timeout: 60_000 });

    const afterCancel = await exportedRows(page, server, runId);
    const counts = statusCounts(afterCancel);
    const created = counts["200"] ?? 0;
    expect(created % 100).toBe(0);
    expect(created).toBeGreaterThanOrEqual(200);
    expect(created).toBeLessThan(ROWS);
    expect(counts).toStrictEqual({ "200": created, "not-sent": ROWS - created });
    // The bar shows how far the run got: the rows never sent wait for Resume, they are not "processed".
    await expect.poll(() => processedRows(page)).toBe(created);
    await expect(onboard.runProgress).toContainText(
      `${created.toLocaleString("en")} of ${ROWS.toLocaleString("en")} rows processed`,
    );
    // Rows never sent really were not sent: the sandbox does not know them.
    const firstUnsent = afterCancel.find((row) => row.status === "not-sent");
    const unknown = await fetch(
      `${server.baseURL}/api/sandbox/v1/user?contact=${encodeURIComponent(firstUnsent?.contact ?? contacts[0] ?? "")}`,
      {
        headers: {
          ...authHeaders({ apiKey: SANDBOX_DEFAULT_API_KEY, signingSecret: SANDBOX_DEFAULT_SIGNING_SECRET }),
          "X-Sandbox-Faults": "seed=1",
        },
      },
    );
    expect(unknown.status).toBe(404);

    await onboard.runProgress.getByRole("button", { name: /^Resume/ }).click();
    await onboard.waitForRun({ timeout: 120_000 });
    const rows = await exportedRows(page, server, runId);
    expect(statusCounts(rows)).toStrictEqual({ "200": ROWS });
    await expectCreatedOnce(server, rows);
  } finally {
    await server.dispose();
  }
});
