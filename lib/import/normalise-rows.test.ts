import { describe, expect, it } from "vitest";
import { unknownCountryMessage } from "./country-hints";
import { EMPTY_DOC_ID_PROFILE } from "./detect-damage";
import { emptyGridCells, type GridCells, type GridField } from "./grid-fields";
import { type ColumnProfile, type ImportOptions, normaliseRow, profileColumns } from "./normalise-rows";

const OPTIONS: ImportOptions = { defaultRegion: "PT", today: "2026-11-27" };
const DMY: ColumnProfile = { birth: "dmy", docId: EMPTY_DOC_ID_PROFILE };

function cells(overrides: Partial<GridCells>): GridCells {
  return { ...emptyGridCells(), ...overrides };
}

const IDENTITY = { fullName: "Ana Sousa", birth: "16/10/1985", docId: "12345678", countryAlpha3: "PRT" };

function codes(row: ReturnType<typeof normaliseRow>, kind: "warnings" | "errors"): [GridField, string][] {
  return row[kind].map((issue) => [issue.field, issue.code]);
}

describe("normaliseRow", () => {
  it("repairs what can be undone, with a warning per repair, and sends the normalised values", () => {
    const row = normaliseRow(
      cells({
        contact: "351968016139",
        internalId: " 10001 ",
        ...IDENTITY,
        docId: "3235 494",
        countryAlpha3: "prt ",
      }),
      DMY,
      OPTIONS,
    );
    expect(row.subject).toEqual({
      contact: "+351968016139",
      internalId: "10001",
      identity: { fullName: "Ana Sousa", birth: "1985-10-16", docId: "3235494", countryAlpha3: "PRT" },
    });
    expect(row.sent).toEqual({
      contact: "+351968016139",
      internalId: "10001",
      fullName: "Ana Sousa",
      birth: "1985-10-16",
      docId: "3235494",
      countryAlpha3: "PRT",
    });
    expect(row.warnings).toEqual([
      expect.objectContaining({ field: "contact", code: "phone_lost_plus", value: "+351968016139" }),
      expect.objectContaining({ field: "birth", code: "date_dmy_text", value: "1985-10-16" }),
      expect.objectContaining({
        field: "docId",
        code: "docid_lost_leading_zeros",
        suggestedValue: "03235494",
      }),
    ]);
    expect(row.errors).toEqual([]);
  });

  it("trims e-mails (NBSP included) and gives no identity when all four cells are empty", () => {
    const row = normaliseRow(cells({ contact: "\u00a0 ana@example.com\u00a0", docId: "  " }), DMY, OPTIONS);
    expect(row).toEqual({
      subject: { contact: "ana@example.com" },
      sent: { contact: "ana@example.com" },
      warnings: [],
      errors: [],
    });
  });

  it("reports a partial identity on each missing cell, in one message naming them all", () => {
    const row = normaliseRow(
      cells({ contact: "+351912345678", fullName: "Ana", birth: "1990-01-02" }),
      DMY,
      OPTIONS,
    );
    expect(row.subject).toBeNull();
    expect(codes(row, "errors")).toEqual([
      ["docId", "identity_partial"],
      ["countryAlpha3", "identity_partial"],
    ]);
    expect(row.errors[0]?.message).toContain("missing: docId, countryAlpha3");
  });

  it.each<[name: string, overrides: Partial<GridCells>, expected: [GridField, string][]]>([
    ["no contact", { contact: " " }, [["contact", "contact_missing"]]],
    ["bad e-mail", { contact: "olivia.taylor@@example.org" }, [["contact", "email_invalid"]]],
    ["e-mail without TLD", { contact: "graca.damiao@example" }, [["contact", "email_invalid"]]],
    ["bad phone", { contact: "12345" }, [["contact", "phone_invalid"]]],
    ["neither", { contact: "ana.example.com" }, [["contact", "phone_invalid"]]],
    ["phone in E notation", { contact: "3,51912E+11" }, [["contact", "phone_scientific_notation"]]],
    ["docId in E notation", { ...IDENTITY, docId: "1.23457E+11" }, [["docId", "docid_scientific_notation"]]],
    ["docId too long", { ...IDENTITY, docId: `${"A".repeat(50)} B` }, [["docId", "docid_too_long"]]],
    ["name too long", { ...IDENTITY, fullName: "N".repeat(201) }, [["fullName", "fullname_too_long"]]],
    ["internalId too long", { internalId: "I".repeat(201) }, [["internalId", "internalid_too_long"]]],
    ["birth in 2085", { ...IDENTITY, birth: "11/11/2085" }, [["birth", "birth_in_future"]]],
    ["birth today", { ...IDENTITY, birth: "2026-11-27" }, [["birth", "birth_in_future"]]],
    ["birth unreadable", { ...IDENTITY, birth: "####" }, [["birth", "birth_unreadable"]]],
    ["birth not a day", { ...IDENTITY, birth: "29/02/1989" }, [["birth", "birth_invalid"]]],
    ["country IOC", { ...IDENTITY, countryAlpha3: "POR" }, [["countryAlpha3", "country_unknown"]]],
    [
      "several at once",
      { contact: "", ...IDENTITY, birth: "#FMT", countryAlpha3: "UK" },
      [
        ["contact", "contact_missing"],
        ["birth", "birth_unreadable"],
        ["countryAlpha3", "country_unknown"],
      ],
    ],
  ])("%s → error", (_name, overrides, expected) => {
    const row = normaliseRow(cells({ contact: "+351912345678", ...overrides }), DMY, OPTIONS);
    expect(codes(row, "errors")).toEqual(expected);
    expect(row.subject).toBeNull();
  });

  it("keeps warnings on a row with errors, and the birth of the day before the import is in the past", () => {
    const row = normaliseRow(cells({ contact: "", ...IDENTITY, birth: "26/11/2026" }), DMY, OPTIONS);
    expect(codes(row, "warnings")).toEqual([["birth", "date_dmy_text"]]);
    expect(codes(row, "errors")).toEqual([["contact", "contact_missing"]]);
    expect(row.sent.birth).toBe("2026-11-26");
  });

  it("still lets the shared schema have the last word, as an error on its cell", () => {
    // An import day later than the real clock: the schema's own "in the past" check catches it.
    const row = normaliseRow(cells({ contact: "+351912345678", ...IDENTITY, birth: "2099-01-01" }), DMY, {
      ...OPTIONS,
      today: "2100-01-01",
    });
    expect(row.subject).toBeNull();
    expect(row.errors).toEqual([
      { field: "birth", code: "birth_in_future", message: "Date of birth must be in the past" },
    ]);
  });

  it("warns on a name that lost a letter without blocking the row", () => {
    const row = normaliseRow(
      cells({ contact: "912345678", ...IDENTITY, fullName: "?ukasz Wójcik" }),
      DMY,
      OPTIONS,
    );
    expect(codes(row, "warnings")).toEqual([
      ["contact", "phone_national_default_region"],
      ["fullName", "name_replacement_char"],
      ["birth", "date_dmy_text"],
    ]);
    expect(row.subject?.identity?.fullName).toBe("?ukasz Wójcik");
  });
});

describe("normaliseRow of a partial identity: its filled cells are checked as a complete identity's", () => {
  const MDY: ColumnProfile = { birth: "mdy", docId: EMPTY_DOC_ID_PROFILE };
  const AMBIGUOUS: ColumnProfile = { birth: "ambiguous-slash", docId: EMPTY_DOC_ID_PROFILE };
  const identityOf = (sent: Partial<GridCells>) => {
    const { contact: _contact, internalId: _internalId, ...identity } = sent;
    return identity;
  };

  it.each<
    [
      name: string,
      identity: Partial<GridCells>,
      profile: ColumnProfile,
      textDates: ImportOptions["textDates"],
      sent: Partial<GridCells>,
      warnings: [GridField, string][],
      errors: [GridField, string][],
    ]
  >([
    [
      "day-first text date in a day-first column, country in lower case, no document",
      { fullName: "Bea", birth: "01/02/1980", countryAlpha3: "esp" },
      DMY,
      undefined,
      { fullName: "Bea", birth: "1980-02-01", countryAlpha3: "ESP" },
      [["birth", "date_dmy_text"]],
      [["docId", "identity_partial"]],
    ],
    [
      "month-first text date in a month-first column, no document or country",
      { fullName: "Ashley", birth: "8/11/1988" },
      MDY,
      undefined,
      { fullName: "Ashley", birth: "1988-08-11" },
      [["birth", "date_mdy_text"]],
      [
        ["docId", "identity_partial"],
        ["countryAlpha3", "identity_partial"],
      ],
    ],
    [
      "the same text date read month-first when the operator chose it",
      { fullName: "Ashley", birth: "05/06/1990" },
      AMBIGUOUS,
      "mdy",
      { fullName: "Ashley", birth: "1990-05-06" },
      [["birth", "date_mdy_text"]],
      [
        ["docId", "identity_partial"],
        ["countryAlpha3", "identity_partial"],
      ],
    ],
    [
      "an ambiguous text date with no order chosen has no form to send",
      { birth: "05/06/1990", docId: "1", countryAlpha3: "PRT" },
      AMBIGUOUS,
      undefined,
      { docId: "1", countryAlpha3: "PRT" },
      [],
      [
        ["fullName", "identity_partial"],
        ["birth", "birth_invalid"],
      ],
    ],
    [
      "a text date whose conversion the operator refused stays unconverted",
      { fullName: "Bea", birth: "28/02/1990" },
      DMY,
      "refuse",
      { fullName: "Bea" },
      [],
      [
        ["docId", "identity_partial"],
        ["countryAlpha3", "identity_partial"],
        ["birth", "birth_invalid"],
      ],
    ],
    [
      "a spreadsheet serial number, converted",
      { fullName: "Rui", birth: "31336" },
      DMY,
      undefined,
      { fullName: "Rui", birth: "1985-10-16" },
      [["birth", "date_serial_number"]],
      [
        ["docId", "identity_partial"],
        ["countryAlpha3", "identity_partial"],
      ],
    ],
    [
      "a birth in the future stays an error, with no form to send",
      { fullName: "Rita", birth: "11/11/2085", countryAlpha3: "PRT" },
      DMY,
      undefined,
      { fullName: "Rita", countryAlpha3: "PRT" },
      [["birth", "date_dmy_text"]],
      [
        ["docId", "identity_partial"],
        ["birth", "birth_in_future"],
      ],
    ],
    [
      "a birth on the import day is in the future too",
      { birth: "2026-11-27" },
      DMY,
      undefined,
      {},
      [],
      [
        ["fullName", "identity_partial"],
        ["docId", "identity_partial"],
        ["countryAlpha3", "identity_partial"],
        ["birth", "birth_in_future"],
      ],
    ],
    [
      "an unreadable birth",
      { fullName: "Rui", birth: "####" },
      DMY,
      undefined,
      { fullName: "Rui" },
      [],
      [
        ["docId", "identity_partial"],
        ["countryAlpha3", "identity_partial"],
        ["birth", "birth_unreadable"],
      ],
    ],
    [
      "a document with spaces, compacted; no birth",
      { fullName: "Eva", docId: " 12 345 678", countryAlpha3: " prt " },
      DMY,
      undefined,
      { fullName: "Eva", docId: "12345678", countryAlpha3: "PRT" },
      [],
      [["birth", "identity_partial"]],
    ],
    [
      "a Portuguese document that lost its leading zero, with the suggestion",
      { docId: "3235 494", countryAlpha3: "PRT" },
      DMY,
      undefined,
      { docId: "3235494", countryAlpha3: "PRT" },
      [["docId", "docid_lost_leading_zeros"]],
      [
        ["fullName", "identity_partial"],
        ["birth", "identity_partial"],
      ],
    ],
    [
      "a short document without a country: nothing to compare it with",
      { fullName: "Eva", docId: "3235494" },
      DMY,
      undefined,
      { fullName: "Eva", docId: "3235494" },
      [],
      [
        ["birth", "identity_partial"],
        ["countryAlpha3", "identity_partial"],
      ],
    ],
    [
      "a document in E notation",
      { docId: "1.23457E+11", countryAlpha3: "PRT" },
      DMY,
      undefined,
      { countryAlpha3: "PRT" },
      [],
      [
        ["fullName", "identity_partial"],
        ["birth", "identity_partial"],
        ["docId", "docid_scientific_notation"],
      ],
    ],
    [
      "an IOC country code",
      { fullName: "Rui", countryAlpha3: "POR" },
      DMY,
      undefined,
      { fullName: "Rui" },
      [],
      [
        ["birth", "identity_partial"],
        ["docId", "identity_partial"],
        ["countryAlpha3", "country_unknown"],
      ],
    ],
    [
      "a name that lost a letter, and one too long",
      { fullName: `?ukasz ${"N".repeat(200)}` },
      DMY,
      undefined,
      {},
      [["fullName", "name_replacement_char"]],
      [
        ["birth", "identity_partial"],
        ["docId", "identity_partial"],
        ["countryAlpha3", "identity_partial"],
        ["fullName", "fullname_too_long"],
      ],
    ],
  ])("%s", (_name, identity, profile, textDates, sent, warnings, errors) => {
    const row = normaliseRow(cells({ contact: "+351912345678", ...identity }), profile, {
      ...OPTIONS,
      ...(textDates ? { textDates } : {}),
    });
    expect(row.subject).toBeNull();
    expect(identityOf(row.sent)).toEqual(sent);
    expect(codes(row, "warnings")).toEqual(warnings);
    expect(codes(row, "errors")).toEqual(errors);
  });

  it("fills in the missing cell and the row is sent in the forms the partial row already had", () => {
    const partial = cells({
      contact: "+351912345678",
      fullName: "Bea",
      birth: "01/02/1980",
      countryAlpha3: "esp",
    });
    const before = normaliseRow(partial, DMY, OPTIONS);
    const after = normaliseRow({ ...partial, docId: "X123" }, DMY, OPTIONS);
    expect(after.subject?.identity).toEqual({ ...identityOf(before.sent), docId: "X123" });
    expect(after.warnings).toEqual(before.warnings);
  });
});

describe("normaliseRow with the operator's choice for text dates", () => {
  const AMBIGUOUS: ColumnProfile = { birth: "ambiguous-slash", docId: EMPTY_DOC_ID_PROFILE };
  const row = (birth: string, profile: ColumnProfile, textDates?: ImportOptions["textDates"]) =>
    normaliseRow(cells({ contact: "+351912345678", ...IDENTITY, birth }), profile, {
      ...OPTIONS,
      ...(textDates ? { textDates } : {}),
    });

  it.each<
    [
      name: string,
      birth: string,
      profile: ColumnProfile,
      choice: ImportOptions["textDates"],
      sent: string | undefined,
      issue: [kind: "warnings" | "errors", code: string, message: string],
    ]
  >([
    [
      "on by default",
      "28/02/1990",
      DMY,
      undefined,
      "1990-02-28",
      ["warnings", "date_dmy_text", "date arrived as DD/MM/YYYY text; converted (column is day-first)"],
    ],
    [
      "turned off",
      "28/02/1990",
      DMY,
      "refuse",
      undefined,
      [
        "errors",
        "birth_invalid",
        "written DD/MM/YYYY; turn on the conversion above the grid, or write YYYY-MM-DD",
      ],
    ],
    [
      "turned on again",
      "28/02/1990",
      DMY,
      "detected",
      "1990-02-28",
      ["warnings", "date_dmy_text", "date arrived as DD/MM/YYYY text; converted (column is day-first)"],
    ],
    [
      "ambiguous, no order chosen",
      "05/06/1990",
      AMBIGUOUS,
      undefined,
      undefined,
      ["errors", "birth_invalid", "choose the order above the grid, or write them as YYYY-MM-DD"],
    ],
    [
      "ambiguous, day first chosen",
      "05/06/1990",
      AMBIGUOUS,
      "dmy",
      "1990-06-05",
      ["warnings", "date_dmy_text", "converted (you chose day-first for this column)"],
    ],
    [
      "ambiguous, month first chosen",
      "05/06/1990",
      AMBIGUOUS,
      "mdy",
      "1990-05-06",
      ["warnings", "date_mdy_text", "converted (you chose month-first for this column)"],
    ],
  ])("%s", (_name, birth, profile, choice, sent, [kind, code, message]) => {
    const result = row(birth, profile, choice);
    expect(result.sent.birth).toBe(sent);
    expect(result.subject === null).toBe(kind === "errors");
    const issue = result[kind].find((candidate) => candidate.field === "birth");
    expect(issue?.code).toBe(code);
    expect(issue?.message).toContain(message);
  });
});

describe("profileColumns", () => {
  it("decides the date order and the usual docId lengths from the whole column", () => {
    const rows = [
      cells({ birth: "6/30/1997", docId: "264295239", countryAlpha3: "GBR" }),
      cells({ birth: "2/3/1946", docId: "367001110", countryAlpha3: "GBR" }),
      cells({ birth: "1/1/2001", docId: "76384808", countryAlpha3: "GBR" }),
    ];
    const profile = profileColumns(rows);
    expect(profile.birth).toBe("mdy");
    const row = normaliseRow(
      cells({ ...rows[2], contact: "a@example.com", fullName: "Rhys" }),
      profile,
      OPTIONS,
    );
    expect(row.subject?.identity?.birth).toBe("2001-01-01");
    expect(row.warnings.find((issue) => issue.field === "docId")?.suggestedValue).toBe("076384808");
  });
});

describe("unknownCountryMessage", () => {
  const prefix = "not an ISO 3166-1 alpha-3 code (the API answers 402).";
  it.each<[code: string, hint: string]>([
    ["POR", "POR is the IOC/FIFA code; the ISO alpha-3 code for Portugal is PRT"],
    ["GER", "GER is the IOC/FIFA code; the ISO alpha-3 code for Germany is DEU"],
    ["NED", "NED is the IOC/FIFA code; the ISO alpha-3 code for Netherlands is NLD"],
    ["ENG", "ENG is not an ISO 3166-1 code; England is part of GBR"],
    ["SCO", "SCO is not an ISO 3166-1 code; Scotland is part of GBR"],
    ["UK", "UK is neither alpha-3 nor the alpha-2 code (GB); use GBR"],
    ["PT", "PT is the alpha-2 code; the alpha-3 code for Portugal is PRT"],
    ["PORTUGAL", "write the code PRT instead of the name"],
    ["XYZ", "XYZ is not a known code; use the three-letter ISO code, e.g. PRT"],
  ])("%s", (code, hint) => {
    expect(unknownCountryMessage(code)).toBe(`${prefix} ${hint}`);
  });
});
