import { describe, expect, it } from "vitest";
import { MAX_ROWS_PER_ACTION_CALL, parseSubmission } from "./submission";

const IDENTITY = { fullName: "Ana Silva", birth: "1990-01-01", docId: "12 34", countryAlpha3: "prt" };

function rowsOf(count: number) {
  return Array.from({ length: count }, (_, rowIndex) => ({
    rowIndex,
    subject: { contact: `u${rowIndex}@x.co` },
  }));
}

describe("parseSubmission: valid submissions", () => {
  it("passes valid rows through, normalised by the shared schema, in order", () => {
    const parsed = parseSubmission({
      rows: [
        { rowIndex: 7, subject: { contact: "+351 912 345 678", internalId: "  " } },
        { rowIndex: 0, subject: { contact: " a@b.co ", internalId: " id-1 ", identity: IDENTITY } },
      ],
    });
    expect(JSON.parse(JSON.stringify(parsed))).toStrictEqual({
      ok: true,
      rows: [
        { rowIndex: 7, subject: { contact: "+351912345678" } },
        {
          rowIndex: 0,
          subject: {
            contact: "a@b.co",
            internalId: "id-1",
            identity: { fullName: "Ana Silva", birth: "1990-01-01", docId: "1234", countryAlpha3: "PRT" },
          },
        },
      ],
    });
  });

  it.each([1, MAX_ROWS_PER_ACTION_CALL])("accepts %i rows", (count) => {
    const parsed = parseSubmission({ rows: rowsOf(count) });
    expect(parsed.ok && parsed.rows.length).toBe(count);
  });
});

describe("parseSubmission: rejected rows", () => {
  it.each<[string, unknown[], Array<{ rowIndex: number; message: string }>]>([
    [
      "an invalid contact",
      [
        { rowIndex: 0, subject: { contact: "a@b.co" } },
        { rowIndex: 3, subject: { contact: "@@" } },
      ],
      [{ rowIndex: 3, message: "contact: Not a valid e-mail address or phone number" }],
    ],
    [
      "an unknown country",
      [{ rowIndex: 12, subject: { contact: "a@b.co", identity: { ...IDENTITY, countryAlpha3: "XXX" } } }],
      [
        {
          rowIndex: 12,
          message: "identity.countryAlpha3: Unknown country code XXX: use ISO 3166-1 alpha-3, e.g. PRT",
        },
      ],
    ],
    [
      "a subject that is not an object",
      [{ rowIndex: 4, subject: "a@b.co" }],
      [{ rowIndex: 4, message: "Invalid input: expected object, received string" }],
    ],
    [
      "a duplicate rowIndex",
      [
        { rowIndex: 1, subject: { contact: "a@b.co" } },
        { rowIndex: 1, subject: { contact: "c@d.co" } },
      ],
      [{ rowIndex: 1, message: "Row index sent twice" }],
    ],
    [
      "several failures, in input order",
      [
        { rowIndex: 9, subject: { contact: "" } },
        { rowIndex: 2, subject: { contact: "a@b.co", identity: { ...IDENTITY, birth: "2085-01-01" } } },
        { rowIndex: 9, subject: { contact: "a@b.co" } },
      ],
      [
        {
          rowIndex: 9,
          message: expect.stringMatching(/^contact: Enter an e-mail address or a phone number/),
        },
        { rowIndex: 2, message: "identity.birth: Date of birth must be in the past" },
        { rowIndex: 9, message: "Row index sent twice" },
      ],
    ],
  ])("%s → invalid-input with per-row errors", (_name, rows, rowErrors) => {
    expect(parseSubmission({ rows })).toStrictEqual({
      ok: false,
      error: {
        code: "invalid-input",
        message: `${rowErrors.length} row(s) failed validation on the server; nothing was sent.`,
        rowErrors,
      },
    });
  });
});

describe("parseSubmission: rejected envelopes", () => {
  it.each<[string, unknown, RegExp]>([
    ["an empty rows array", { rows: [] }, /^rows: No rows to send$/],
    [
      "more than MAX_ROWS_PER_ACTION_CALL rows",
      { rows: rowsOf(MAX_ROWS_PER_ACTION_CALL + 1) },
      /^rows: At most 2000 rows per call; send them in slices$/,
    ],
    ["null", null, /expected object/],
    ["a string", "rows", /expected object/],
    ["an array", [{ rowIndex: 0, subject: { contact: "a@b.co" } }], /expected object/],
    ["no rows key", {}, /^rows: /],
    ["rows not an array", { rows: { rowIndex: 0 } }, /^rows: /],
    [
      "a negative rowIndex",
      { rows: [{ rowIndex: -1, subject: { contact: "a@b.co" } }] },
      /^rows\.0\.rowIndex: /,
    ],
    [
      "a fractional rowIndex",
      { rows: [{ rowIndex: 1.5, subject: { contact: "a@b.co" } }] },
      /^rows\.0\.rowIndex: /,
    ],
    [
      "a string rowIndex",
      { rows: [{ rowIndex: "0", subject: { contact: "a@b.co" } }] },
      /^rows\.0\.rowIndex: /,
    ],
  ])("%s → invalid-input without row errors", (_name, input, message) => {
    const parsed = parseSubmission(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe("invalid-input");
    expect(parsed.error.rowErrors).toEqual([]);
    expect(parsed.error.message).toMatch(message);
  });

  it("MAX_ROWS_PER_ACTION_CALL is 2000", () => {
    expect(MAX_ROWS_PER_ACTION_CALL).toBe(2000);
  });
});
