/**
 * The export handler on a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): a run
 * whose upload was cut short exports a file that says which rows never reached the server; a run
 * still going on exports one that says it holds the answers so far; a run whose every row arrived
 * exports the file it always did.
 */
import { randomUUID } from "node:crypto";
import { beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/database.test-support";
import { parseDelimitedText } from "@/lib/import/parse-delimited";
import { settleActiveRuns } from "@/lib/runs/engine";
import { appendRows, type RunServiceDeps } from "@/lib/runs/run-service";
import { runServiceHarness } from "@/lib/runs/run-service.test-support";
import { getRunSummary } from "@/lib/runs/run-summaries";
import { RESULTS_CSV_HEADER } from "./results-export";
import { type ExportQuery, runExportResponse } from "./run-export-response";

const harness = runServiceHarness();

const NOTE_1900_OF_3000 =
  "INCOMPLETE: 1,900 of 3,000 rows never reached the server (the upload stopped after row 1,100). They were not sent and are not in this file. Paste or load the rows after row 1,100 again and press Create subjects to send them.";

describeEachDatabase("exporting a run's results", (use) => {
  let deps: RunServiceDeps;
  beforeEach(async () => {
    ({ deps } = await harness.reset(use()));
  });

  /** A run told `announced` rows that received the slices given (row counts), then sent them. */
  async function run(announced: number, slices: readonly number[]): Promise<string> {
    const runId = await harness.draft(announced);
    const received = slices.reduce((sum, size) => sum + size, 0);
    let next = 0;
    for (const [index, size] of slices.entries()) {
      const stored = await appendRows(deps, "alice", {
        runId,
        rows: harness.subjects(size, next),
        start: index === 0,
        last: received === announced && index === slices.length - 1,
      });
      if (!stored.ok) throw new Error(stored.error.message);
      next += size;
    }
    // The tab closed: the browser's last word ends the upload with rows still missing.
    if (received < announced) await appendRows(deps, "alice", { runId, rows: [], last: true });
    await settleActiveRuns();
    return runId;
  }

  async function exported(runId: string, query: ExportQuery): Promise<string> {
    const response = await runExportResponse(deps.db, runId, query);
    if (!response) throw new Error("no such run");
    // Response.text() would drop the BOM: the bytes as a browser saves them.
    return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
  }

  it.each<[name: string, filter: string, dataRows: number]>([
    ["every row", "all", 1100],
    ["only the failures", "failed", 0],
  ])(
    "a run cut short: the CSV of %s opens with the rows that never arrived",
    async (_name, filter, dataRows) => {
      const runId = await run(3000, [100, 1000]);
      const csv = await exported(runId, { format: "csv", filter });
      expect(
        csv.startsWith(`\uFEFF"${NOTE_1900_OF_3000}",,,,,,\r\n${RESULTS_CSV_HEADER.join(",")}\r\n`),
      ).toBe(true);
      const [note, header, ...rows] = parseDelimitedText(csv, ",");
      expect(note?.[0]).toBe(NOTE_1900_OF_3000);
      expect(header).toEqual([...RESULTS_CSV_HEADER]);
      expect(rows).toHaveLength(dataRows);
    },
  );

  it("a run cut short: the JSON says it before its results", async () => {
    const runId = await run(3000, [100, 1000]);
    const json = JSON.parse(await exported(runId, { format: "json", filter: "all" }));
    expect(json).toMatchObject({
      runId,
      rowsNotReceived: 1900,
      lastRowReceived: 1100,
      rowsNotReceivedNote: NOTE_1900_OF_3000,
    });
    expect(json.results).toHaveLength(1100);
    expect(json.results[1099]).toMatchObject({ row: 1100, status: 200 });
  });

  it("a run whose every row arrived: no note, the header first", async () => {
    const runId = await run(3, [3]);
    const csv = await exported(runId, { format: "csv", filter: "all" });
    expect(csv.split("\r\n").slice(0, 2)).toEqual([
      `\uFEFF${RESULTS_CSV_HEADER.join(",")}`,
      expect.stringMatching(/^1,person0@example\.com,/),
    ]);
    const json = JSON.parse(await exported(runId, { format: "json", filter: "all" }));
    expect(json).toMatchObject({ runId, rowsNotReceived: 0, rowsNotReceivedNote: null });
    expect(json.results).toHaveLength(3);
  });

  /** Waits until `rows` rows of the run have their answer (the engine sends in the background). */
  async function answered(runId: string, rows: number): Promise<void> {
    const deadline = Date.now() + 20_000;
    while ((await getRunSummary(deps.db, runId))?.doneRows !== rows) {
      if (Date.now() > deadline) throw new Error(`the run never had ${rows} answered rows`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it("a run still sending, its upload going on: the files say what they hold so far", async () => {
    const runId = await harness.draft(300);
    // The first slice starts the run; its one complete request is sent, the rest waits for rows.
    const first = await appendRows(deps, "alice", { runId, rows: harness.subjects(100), start: true });
    if (!first.ok) throw new Error(first.error.message);
    await answered(runId, 100);

    const note =
      "IN PROGRESS: the run was still sending when this file was made. 100 of 300 rows had an answer and 200 were still waiting, not in this file. The upload was still going on: some of the waiting rows may not have reached the server yet. Export again once the run has finished for every answer.";
    const csv = await exported(runId, { format: "csv", filter: "all" });
    expect(csv.startsWith(`\uFEFF"${note}",,,,,,\r\n${RESULTS_CSV_HEADER.join(",")}\r\n`)).toBe(true);
    const [, , ...rows] = parseDelimitedText(csv, ",");
    expect(rows).toHaveLength(100);
    const json = JSON.parse(await exported(runId, { format: "json", filter: "all" }));
    expect(json).toMatchObject({
      runId,
      rowsNotReceived: 0,
      rowsNotReceivedNote: null,
      state: "running",
      inProgress: true,
      uploadComplete: false,
      totalRows: 300,
      rowsAnswered: 100,
      rowsWaiting: 200,
      inProgressNote: note,
    });
    expect(json.results).toHaveLength(100);

    // The rest arrives and is sent: the same run's file is whole again, with no note.
    const rest = await appendRows(deps, "alice", { runId, rows: harness.subjects(200, 100), last: true });
    if (!rest.ok) throw new Error(rest.error.message);
    await settleActiveRuns();
    const done = await exported(runId, { format: "csv", filter: "all" });
    expect(done.startsWith(`\uFEFF${RESULTS_CSV_HEADER.join(",")}\r\n1,person0@example.com,`)).toBe(true);
    expect(parseDelimitedText(done, ",")).toHaveLength(301);
    expect(JSON.parse(await exported(runId, { format: "json", filter: "all" }))).toMatchObject({
      state: "completed",
      inProgress: false,
      rowsWaiting: 0,
      inProgressNote: null,
    });
  });

  it("a draft still uploading: the file holds no row as if its answer were lost", async () => {
    const runId = await harness.draft(250);
    const slice = await appendRows(deps, "alice", {
      runId,
      rows: [...harness.subjects(99), { rowIndex: 99, subject: { contact: "not a contact" } }],
    });
    if (!slice.ok) throw new Error(slice.error.message);
    const [note, header, ...rows] = parseDelimitedText(
      await exported(runId, { format: "csv", filter: "all" }),
      ",",
    );
    expect(note?.[0]).toBe(
      "IN PROGRESS: the run had not started sending yet when this file was made. 1 of 250 rows had an answer and 249 were still waiting, not in this file. The upload was still going on: some of the waiting rows may not have reached the server yet. Export again once the run has finished for every answer.",
    );
    expect(header).toEqual([...RESULTS_CSV_HEADER]);
    // Only the refused row has its outcome; the 99 stored rows wait to be sent.
    expect(rows.map((row) => [row[0], row[3]])).toEqual([["100", "not-sent"]]);
  });

  it("no run, no file", async () => {
    expect(await runExportResponse(deps.db, randomUUID(), { format: "csv", filter: "all" })).toBeUndefined();
  });
});
