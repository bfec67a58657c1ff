import { describe, expect, it } from "vitest";
import type { RowResult } from "@/lib/humanos/results";
import { describeStatus, NOT_SENT } from "@/lib/humanos/statuses";
import { parseDelimitedText } from "@/lib/import/parse-delimited";
import {
  csvCell,
  type ExportedRun,
  inProgressNote,
  neutraliseFormula,
  notReceivedNote,
  RESULTS_CSV_HEADER,
  RESULTS_FILE_FORMATS,
  resultsToCsv,
  resultsToJson,
} from "./results-export";
import { COMPLETE, CUT_SHORT, CUT_SHORT_NOTE, SENDING, SENDING_NOTE } from "./results-export.test-support";

describe("neutraliseFormula", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+351912345678", "'+351912345678"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["ana@example.com", "ana@example.com"],
    ["", ""],
    ["did:via:humanos:user-1", "did:via:humanos:user-1"],
    // Spreadsheets that trim a cell before they look at it run these too.
    [" =1+2", "' =1+2"],
    ["   +351912345678", "'   +351912345678"],
    ["\u00a0-2", "'\u00a0-2"],
    [" \t@SUM(A1)", "' \t@SUM(A1)"],
    ["\n=1", "'\n=1"],
    ["  ana@example.com", "  ana@example.com"],
    ["   ", "   "],
    ["\ncmd", "\ncmd"],
  ])("%j → %j", (value, expected) => {
    expect(neutraliseFormula(value)).toBe(expected);
  });
});

/**
 * Excel in a locale whose list separator is ";" (pt-PT, the console's operators: see the fixtures)
 * opens a .csv by splitting every line at each ";", quoted or not: each ";" inside a cell then starts
 * a new field, and a field starting with = + - @ (quoted or not) runs as a formula.
 */
describe("csvCell in a semicolon-separated reading", () => {
  /** The fields Excel sees when it splits a line of our CSV at every ";". */
  const semicolonFields = (line: string) => line.split(";").slice(1);
  const startsFormula = (field: string) => /^["\s]*[=+\-@\t\r]/.test(field);

  it.each([
    ["x;=cmd|' /C calc'!A0"],
    ['x;=HYPERLINK("http://evil.example","open")'],
    ["x; =1+1"],
    ['x;"=1+1"'],
    ["a;b;+351912345678"],
    ["ok;-2"],
    ["x;@SUM(A1)"],
    ["x;\t=1"],
  ])("%j starts no formula after a ';'", (value) => {
    const fields = semicolonFields(csvCell(value));
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.filter(startsFormula)).toEqual([]);
  });

  it.each([
    [
      "identity.birth: required; identity.docId: required",
      "identity.birth: required; identity.docId: required",
    ],
    ["a;b", "a;b"],
    ["plain", "plain"],
    ["  a; b", "  a; b"],
  ])("%j is left as it is when no ';' starts a formula", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe("csvCell", () => {
  it.each([
    ['say "hi"', '"say ""hi"""'],
    ["a,b", '"a,b"'],
    ["line\nbreak", '"line\nbreak"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    [' =HYPERLINK("x")', '"\' =HYPERLINK(""x"")"'],
    [" =1;=2", "' =1;'=2"],
    ["plain", "plain"],
  ])("%j → %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

const results: RowResult[] = [
  {
    rowIndex: 0,
    contact: "ana@example.com",
    internalId: "c-1",
    status: 200,
    message: "User created",
    did: "did:x:1",
    attempts: 1,
  },
  { rowIndex: 2, contact: "+351912345678", status: 409, message: 'Identity owned, "other"', attempts: 1 },
  {
    rowIndex: 3,
    contact: "=cmd",
    status: NOT_SENT,
    notSentReason: "invalid",
    message: "Not sent",
    attempts: 0,
  },
];

describe("resultsToCsv", () => {
  it("is UTF-8 with BOM, CRLF, one line per result, formula-safe", () => {
    expect(resultsToCsv(COMPLETE, results)).toBe(
      "\uFEFFrow,contact,internalId,status,label,message,did\r\n" +
        "1,ana@example.com,c-1,200,Created / updated,User created,did:x:1\r\n" +
        '3,\'+351912345678,,409,Identity belongs to another user,"Identity owned, ""other""",\r\n' +
        "4,'=cmd,,not-sent,Not sent,Not sent,\r\n",
    );
  });

  it("of a run cut short opens with the note in its first cell, then the same file", () => {
    const csv = resultsToCsv(CUT_SHORT, results);
    const [first, ...rest] = csv.split("\r\n");
    expect(first).toBe(`\uFEFF"${CUT_SHORT_NOTE}",,,,,,`);
    expect(`\uFEFF${rest.join("\r\n")}`).toBe(resultsToCsv(COMPLETE, results));
  });

  it.each<[string, ExportedRun]>([
    ["complete", COMPLETE],
    ["cut short", CUT_SHORT],
    ["still sending", SENDING],
  ])("reads back as even records, header and rows intact (%s)", (_name, run) => {
    const records = parseDelimitedText(resultsToCsv(run, results), ",");
    expect(new Set(records.map((record) => record.length))).toEqual(new Set([RESULTS_CSV_HEADER.length]));
    const note = notReceivedNote(run) ?? inProgressNote(run);
    const [header, ...rows] = note === null ? records : records.slice(1);
    if (note !== null) expect(records[0]).toEqual([note, "", "", "", "", "", ""]);
    expect(header).toEqual([...RESULTS_CSV_HEADER]);
    expect(rows.map((row) => row[1])).toEqual(["ana@example.com", "'+351912345678", "'=cmd"]);
  });

  it("of a run still sending opens with the in-progress note, then the same file", () => {
    const csv = resultsToCsv(SENDING, results);
    const [first, ...rest] = csv.split("\r\n");
    expect(first).toBe(`\uFEFF"${SENDING_NOTE}",,,,,,`);
    expect(`\uFEFF${rest.join("\r\n")}`).toBe(resultsToCsv(COMPLETE, results));
  });

  it("of a run cut short and still sending opens with both notes, in-progress first", () => {
    const run: ExportedRun = { ...CUT_SHORT, state: "running", doneRows: 1000 };
    const records = parseDelimitedText(resultsToCsv(run, results), ",");
    expect(records.slice(0, 3)).toEqual([
      [inProgressNote(run), "", "", "", "", "", ""],
      [CUT_SHORT_NOTE, "", "", "", "", "", ""],
      [...RESULTS_CSV_HEADER],
    ]);
    expect(inProgressNote(run)).toMatch(/^IN PROGRESS: .* 1,000 of 3,100 rows had an answer and 2,100 were/);
  });

  it("keeps the note one cell starting no formula in a semicolon-separated reading too", () => {
    const [first] = resultsToCsv(CUT_SHORT, results).split("\r\n");
    expect(first?.split(";")).toHaveLength(1);
    expect(first?.replace("\uFEFF", "")).toMatch(/^"INCOMPLETE: /);
  });
});

describe("resultsToJson", () => {
  const parse = (run: ExportedRun) =>
    JSON.parse(resultsToJson(run, results)) as {
      results: Array<Record<string, unknown>>;
    } & Record<string, unknown>;

  it("keeps every field and adds the 1-based row and the label", () => {
    const parsed = parse(COMPLETE);
    expect(parsed.results).toHaveLength(3);
    expect(parsed.results[1]).toEqual({ row: 3, ...results[1], label: "Identity belongs to another user" });
  });

  it.each<[string, ExportedRun, Record<string, unknown>]>([
    [
      "complete",
      COMPLETE,
      {
        runId: "run-complete",
        rowsNotReceived: 0,
        lastRowReceived: 4,
        rowsNotReceivedNote: null,
        state: "completed",
        inProgress: false,
        uploadComplete: true,
        totalRows: 4,
        rowsAnswered: 4,
        rowsWaiting: 0,
        inProgressNote: null,
      },
    ],
    [
      "cut short",
      CUT_SHORT,
      {
        runId: "run-cut-short",
        rowsNotReceived: 26_900,
        lastRowReceived: 3100,
        rowsNotReceivedNote: CUT_SHORT_NOTE,
        state: "completed",
        inProgress: false,
        uploadComplete: true,
        totalRows: 3100,
        rowsAnswered: 3100,
        rowsWaiting: 0,
        inProgressNote: null,
      },
    ],
    [
      "still sending, its upload going on",
      { ...SENDING, uploadComplete: false },
      {
        runId: "run-sending",
        rowsNotReceived: 0,
        lastRowReceived: 3000,
        rowsNotReceivedNote: null,
        state: "running",
        inProgress: true,
        uploadComplete: false,
        totalRows: 3000,
        rowsAnswered: 1200,
        rowsWaiting: 1800,
        inProgressNote: inProgressNote({ ...SENDING, uploadComplete: false }),
      },
    ],
  ])(
    "says before its results whether rows never reached the server or are still waiting (%s)",
    (_name, run, head) => {
      const { results: _results, ...rest } = parse(run);
      expect(rest).toStrictEqual(head);
    },
  );
});

describe("results files streamed in batches", () => {
  const rows: RowResult[] = Array.from({ length: 5 }, (_, index) => ({
    rowIndex: index,
    contact: `p${index}@example.com`,
    internalId: index === 2 ? "=HYPERLINK(1)" : undefined,
    status: index === 4 ? NOT_SENT : 200,
    message: index === 3 ? 'said "hi",\nthen left' : "ok",
    did: index < 4 ? `did:x:${index}` : undefined,
    attempts: 1,
  }));

  function streamed(format: "csv" | "json", run: ExportedRun, batchSizes: number[]): string {
    const file = RESULTS_FILE_FORMATS[format];
    let text = file.opening(run);
    let start = 0;
    for (const size of batchSizes) {
      text += file.batch(rows.slice(start, start + size), start === 0);
      start += size;
    }
    return text + file.closing(start > 0);
  }

  /** What JSON.stringify writes for the whole file: the streamed JSON must be exactly this. */
  function stringified(run: ExportedRun, items: readonly RowResult[]): string {
    const file = {
      runId: run.id,
      rowsNotReceived: run.rowsNotReceived,
      lastRowReceived: run.lastRowReceived,
      rowsNotReceivedNote: notReceivedNote(run),
      state: run.state,
      inProgress: inProgressNote(run) !== null,
      uploadComplete: run.uploadComplete,
      totalRows: run.totalRows,
      rowsAnswered: run.doneRows,
      rowsWaiting: run.totalRows - run.doneRows,
      inProgressNote: inProgressNote(run),
      results: items.map((item) => ({
        row: item.rowIndex + 1,
        ...item,
        label: describeStatus(item.status).label,
      })),
    };
    return `${JSON.stringify(file, null, 2)}\n`;
  }

  it.each<[string, ExportedRun, number[]]>([
    ["one batch", COMPLETE, [5]],
    ["uneven batches", COMPLETE, [2, 2, 1]],
    ["a batch per row", COMPLETE, [1, 1, 1, 1, 1]],
    ["uneven batches of a run cut short", CUT_SHORT, [2, 2, 1]],
    ["uneven batches of a run still sending", SENDING, [2, 2, 1]],
  ])("are byte for byte the one-shot file: %s", (_name, run, batchSizes) => {
    expect(streamed("csv", run, batchSizes)).toBe(resultsToCsv(run, rows));
    expect(streamed("json", run, batchSizes)).toBe(resultsToJson(run, rows));
    expect(streamed("json", run, batchSizes)).toBe(stringified(run, rows));
  });

  it.each<[string, ExportedRun]>([
    ["complete", COMPLETE],
    ["cut short", CUT_SHORT],
    ["still sending", SENDING],
  ])("an empty export is still a valid file (%s)", (_name, run) => {
    expect(streamed("json", run, [])).toBe(stringified(run, []));
    expect(JSON.parse(resultsToJson(run, [])).results).toStrictEqual([]);
    expect(streamed("csv", run, [])).toBe(resultsToCsv(run, []));
  });
});
