/**
 * A run watched while it is still sending, on a console server of the test's own whose sandbox
 * answers each request after 1.5 s (so a 2,000-row run lasts well beyond what the test needs): how the
 * results table and the progress say the run is going on, what an export taken meanwhile says, and
 * what the run's page asks the server for.
 */
import { expect, type Page, test } from "@playwright/test";
import { OnboardPage } from "./pages/onboard-page";
import { RunsPage } from "./pages/runs-page";
import { ConsoleServer } from "./support/console-server";

/**
 * Above the shared test server's port (E2E_PORT), within the ten an E2E_PORT is given, beside those of
 * security-headers.spec.ts (+1) and delivery.spec.ts (+10…).
 */
const OWN_SERVER_PORT = Number(process.env.E2E_PORT ?? 3100) + 5;
const ROWS = 2000;

test.describe.configure({ timeout: 180_000 });

let server: ConsoleServer;
test.beforeAll(async () => {
  server = new ConsoleServer({
    port: OWN_SERVER_PORT,
    env: { SANDBOX_FAULTS: "latency-ms=1500", HUMANOS_CONCURRENCY: "2" },
  });
  await server.start();
});
test.afterAll(async () => {
  await server?.dispose();
});

/** Pastes ROWS people, presses Create subjects, and returns the run's id once it is sending. */
async function startSlowRun(page: Page, tag: string): Promise<string> {
  const onboard = new OnboardPage(page);
  await page.goto(`${server.baseURL}/onboard`);
  await expect(page.locator("[data-hydrated='true']")).toHaveCount(1);
  await page.getByRole("tab", { name: "Paste" }).click();
  const lines = Array.from({ length: ROWS }, (_, index) => `p${index}.${tag}@example.com\t${tag}-${index}`);
  await onboard.pasteAt(onboard.cell(1, "contact"), `Email\tInternal ID\r\n${lines.join("\r\n")}\r\n`);
  await expect(onboard.grid).toHaveAttribute("aria-rowcount", String(ROWS + 1));
  await expect(onboard.grid).toHaveAttribute("aria-busy", "false");
  await onboard.createButton.click();
  await expect(onboard.runProgress).toHaveAttribute("data-state", "running");
  return onboard.runId();
}

/**
 * The results table's state and its own count of the rows it lists ("All statuses (N)" beside it),
 * read together in one go: a progress read landing between two reads would move one of them.
 */
function resultsSnapshot(page: Page) {
  return page.evaluate(() => {
    const table = document.querySelector('table[aria-label="Results"]');
    const all = [...document.querySelectorAll("option")].find((option) =>
      option.textContent?.startsWith("All statuses ("),
    );
    const listed = all?.textContent?.match(/\(([\d,]+)\)/)?.[1]?.replaceAll(",", "");
    return {
      runState: document.querySelector("[data-testid='run-progress']")?.getAttribute("data-state"),
      busy: table?.getAttribute("aria-busy"),
      rowCount: Number(table?.getAttribute("aria-rowcount")),
      listed: Number(listed),
    };
  });
}

test("while the run is sending, the results table is busy and counts its rows, and the progress shows a rate and an ETA", async ({
  page,
}) => {
  await startSlowRun(page, `busy${Date.now().toString(36)}`);
  const onboard = new OnboardPage(page);
  const progressLine = onboard.runProgress.locator("p", { hasText: "rows processed" });
  await expect(progressLine).toContainText(/ · [\d,]+ rows\/s · ETA \d+ (s|min)/);
  await expect(progressLine).not.toContainText("since it was resumed");

  // Some answers listed, not all: the table is busy, and counts them plus its header row.
  await expect.poll(async () => (await resultsSnapshot(page)).listed).toBeGreaterThan(0);
  const live = await resultsSnapshot(page);
  expect(live).toMatchObject({ runState: "running", busy: "true", rowCount: live.listed + 1 });
  expect(live.listed).toBeLessThan(ROWS);

  // Once the run has stopped: nothing busy, every row listed (those never sent as not sent), no rate.
  await onboard.runProgress.getByRole("button", { name: "Cancel" }).click();
  await onboard.waitForRun({ state: "cancelled", timeout: 60_000 });
  await expect(onboard.results).toHaveAttribute("aria-rowcount", String(ROWS + 1));
  expect(await resultsSnapshot(page)).toMatchObject({ busy: "false", rowCount: ROWS + 1, listed: ROWS });
  await expect(progressLine).not.toContainText("rows/s");
  await expect(progressLine).not.toContainText("ETA");

  // Resumed: busy again, and the rate says it covers the sending since the resume.
  await onboard.runProgress.getByRole("button", { name: /^Resume \(/ }).click();
  await expect(onboard.runProgress).toHaveAttribute("data-state", "running");
  await expect(onboard.results).toHaveAttribute("aria-busy", "true");
  await expect(progressLine).toContainText(/ · [\d,]+ rows\/s since it was resumed · ETA \d+ (s|min)/);
  // It sends the rest (~12 s) and completes: every row listed, nothing busy.
  await onboard.waitForRun({ state: "completed", timeout: 60_000 });
  expect(await resultsSnapshot(page)).toMatchObject({ busy: "false", rowCount: ROWS + 1, listed: ROWS });
});

test("an export taken while the run is sending says the file holds the answers so far", async ({ page }) => {
  const runId = await startSlowRun(page, `live${Date.now().toString(36)}`);
  const onboard = new OnboardPage(page);
  await expect(page.getByTestId("export-hint")).toHaveText(
    "This run is still going on: a file exported now holds the answers so far, not every row, and says so in its first line.",
  );
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAccessibleDescription(
    /holds the answers so far/,
  );

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(
    await (await import("node:fs/promises")).readFile((await download.path()) ?? ""),
  );
  const [note, header] = csv.split("\r\n");
  expect(note).toMatch(
    /^\uFEFF"IN PROGRESS: the run was still sending when this file was made\. [\d,]+ of 2,000 rows had an answer and [\d,]+ were still waiting, not in this file\.( The upload was still going on: some of the waiting rows may not have reached the server yet\.)? Export again once the run has finished for every answer\.",,,,,,$/,
  );
  expect(header).toBe("row,contact,internalId,status,label,message,did");

  const response = await page.request.get(
    `${server.baseURL}/api/runs/${runId}/export?format=json&filter=all`,
  );
  const json = (await response.json()) as Record<string, unknown> & { results: unknown[] };
  expect(json).toMatchObject({ runId, state: "running", inProgress: true, totalRows: ROWS });
  const answered = json.rowsAnswered as number;
  expect(answered + (json.rowsWaiting as number)).toBe(ROWS);
  expect(answered).toBeLessThan(ROWS);
  // Answers landing while the file streams may be in it too, never fewer than the note counts.
  expect(json.results.length).toBeGreaterThanOrEqual(answered);

  // Once the run has stopped, the file is the run's whole record again: no note, no hint.
  await onboard.runProgress.getByRole("button", { name: "Cancel" }).click();
  await onboard.waitForRun({ state: "cancelled", timeout: 60_000 });
  await expect(page.getByTestId("export-hint")).toHaveCount(0);
  const after = await page.request.get(`${server.baseURL}/api/runs/${runId}/export?format=csv&filter=all`);
  expect((await after.text()).split("\r\n")[0]).toBe("\uFEFFrow,contact,internalId,status,label,message,did");
});

test("the run's page does not read again what it was served, nor a run that has stopped", async ({
  page,
  context,
}) => {
  const runId = await startSlowRun(page, `reads${Date.now().toString(36)}`);
  const runPage = await context.newPage();
  const progressPath = `/api/runs/${runId}`;
  /** Every read of the run's progress by the run's page: held (?waitMs=…) or at once. */
  const reads: Array<{ held: boolean; state: Promise<string> }> = [];
  runPage.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname !== progressPath) return;
    reads.push({
      held: url.searchParams.has("waitMs"),
      state: request
        .response()
        .then((response) => response?.json() as Promise<{ state: string }>)
        .then((body) => body.state)
        // A held read still open when the test ends has no answer to give.
        .catch(() => "no answer"),
    });
  });
  const runs = new RunsPage(runPage);
  await runPage.goto(`${server.baseURL}/runs/${runId}`);
  await expect(runs.runProgress).toHaveAttribute("data-state", "running");
  // Two reads of the live run have come back: the page polls.
  await expect
    .poll(async () => (await Promise.all(reads.map((read) => read.state))).length)
    .toBeGreaterThan(1);
  // The page came with the run's progress: it waits a beat before asking again, never at once.
  expect(reads.filter((read) => !read.held)).toHaveLength(0);

  await runs.cancelButton.click();
  await runs.waitForRun({ state: "cancelled", timeout: 60_000 });
  const states = await Promise.all(reads.map((read) => read.state));
  // Cancel reads the progress at once (one read); the run's end is read once, not again.
  expect(reads.filter((read) => !read.held)).toHaveLength(1);
  expect(states.filter((state) => state === "cancelled")).toHaveLength(1);
});
