import { describe, expect, it } from "vitest";
import type { RowResult } from "@/lib/humanos/results";
import { NOT_SENT } from "@/lib/humanos/statuses";
import {
  csvCell,
  neutraliseFormula,
  RESULTS_FILE_FORMATS,
  resultsToCsv,
  resultsToJson,
} from "./results-export";

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
    expect(resultsToCsv(results)).toBe(
      "\uFEFFrow,contact,internalId,status,label,message,did\r\n" +
        "1,ana@example.com,c-1,200,Created / updated,User created,did:x:1\r\n" +
        '3,\'+351912345678,,409,Identity belongs to another user,"Identity owned, ""other""",\r\n' +
        "4,'=cmd,,not-sent,Not sent,Not sent,\r\n",
    );
  });
});

describe("resultsToJson", () => {
  it("keeps every field and adds the 1-based row and the label", () => {
    const parsed = JSON.parse(resultsToJson(results)) as Array<Record<string, unknown>>;
    expect(parsed).toHaveLength(3);
    expect(parsed[1]).toEqual({ row: 3, ...results[1], label: "Identity belongs to another user" });
  });
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

  function streamed(format: "csv" | "json", batchSizes: number[]): string {
    const file = RESULTS_FILE_FORMATS[format];
    let text = file.opening;
    let start = 0;
    for (const size of batchSizes) {
      text += file.batch(rows.slice(start, start + size), start === 0);
      start += size;
    }
    return text + file.closing(start > 0);
  }

  it.each<[string, number[]]>([
    ["one batch", [5]],
    ["uneven batches", [2, 2, 1]],
    ["a batch per row", [1, 1, 1, 1, 1]],
  ])("are byte for byte the one-shot file: %s", (_name, batchSizes) => {
    expect(streamed("csv", batchSizes)).toBe(resultsToCsv(rows));
    expect(streamed("json", batchSizes)).toBe(resultsToJson(rows));
    expect(JSON.parse(streamed("json", batchSizes))).toHaveLength(5);
  });

  it("an empty export is still a valid file", () => {
    expect(streamed("json", [])).toBe("[]\n");
    expect(JSON.parse(resultsToJson([]))).toStrictEqual([]);
    expect(streamed("csv", [])).toBe(resultsToCsv([]));
  });
});
