/**
 * The row checks were made faster without changing what they say: this runs the live code and a
 * frozen copy of it from before that work (./__reference__) over many generated rows — every kind of
 * spreadsheet damage the other tests cover, the fixtures' cells, whitespace at both ends, repeats —
 * under many options and column profiles, and asks for identical verdicts, profiles, repeat maps (in
 * the same order) and grid summaries. ROW_CHECKS_SEEDS=200 runs a longer soak.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as reference from "./__reference__/batch-duplicates";
import * as referenceNormalise from "./__reference__/normalise-rows";
import * as referenceGrid from "./__reference__/validate-grid";
import { findBatchDuplicates, type RepeatState, refreshDuplicates, rowKeysOf } from "./batch-duplicates";
import { emptyGridCells, type GridCells, type GridField } from "./grid-fields";
import type { DateColumnProfile, TextDateChoice } from "./normalise-date";
import type { CountryCode } from "./normalise-phone";
import { type ColumnProfile, ERROR_CODES, type ImportOptions, WARNING_CODES } from "./normalise-rows";
import { profileColumns, summariseVerdicts, validateGrid, verdictOfRow } from "./validate-grid";

const SEEDS = Number(process.env.ROW_CHECKS_SEEDS ?? 12);
/** The seeds whose rows must meet every code: the first few, whatever ROW_CHECKS_SEEDS says. */
const COVERAGE_SEEDS = 12;
/** These compare thousands of verdicts; a busy machine must not fail them on time. */
const SLOW = 60_000;

/** mulberry32: a small seeded generator, so a failure names the seed that reproduces it. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const digits = (random: Random, count: number) =>
  Array.from({ length: count }, () => Math.floor(random() * 10)).join("");

/** The cells the spreadsheet fixtures hold, per field (as a parser hands them over). */
function fixtureCells(): Record<GridField, string[]> {
  const cells: Record<GridField, string[]> = {
    contact: [],
    internalId: [],
    fullName: [],
    birth: [],
    docId: [],
    countryAlpha3: [],
  };
  for (const name of ["pt-excel-semicolon.csv", "unicode-text.txt", "two-sheets.xlsx"]) {
    const url = new URL(`./__fixtures__/${name}.expected.json`, import.meta.url);
    const fixture = JSON.parse(readFileSync(url, "utf8")) as {
      columns: { header: string; field: string | null }[];
      rows: { raw: Record<string, string | { value: unknown; shown: string } | null> }[];
    };
    for (const row of fixture.rows) {
      for (const column of fixture.columns) {
        const field = column.field?.replace("identity.", "") as GridField | undefined;
        const cell = row.raw[column.header];
        if (field === undefined || !(field in cells) || cell === null || cell === undefined) continue;
        if (typeof cell === "string") cells[field].push(cell);
        else cells[field].push(cell.shown, String(cell.value));
      }
    }
  }
  return cells;
}

const FIXTURE_CELLS = fixtureCells();

// What the other tests of lib/import feed the checks, by kind of damage.
const CONTACTS = [
  "",
  " ",
  "ana@example.com",
  " ana @example.com ",
  "Ana@Example.COM",
  " B@X.CO ",
  "A@X.co",
  "a@b.co",
  "ana.example.com",
  "bad@",
  "graca.damiao@example",
  "\u00a0 ana@example.com\u00a0",
  "+351912345678",
  "+351 912 345 678",
  "\u00a0+351 912 345 678\u00a0",
  "(+351) 912-345-678",
  "+351.912.345.678",
  " 351.912.345.678 ",
  "351968016139",
  "351+912345678",
  "912345678",
  "912 345 678",
  "912345678 ext 2",
  "912345678x",
  "00351912345678",
  "0034 612 345 678",
  "+35112",
  "+612345678",
  "+1 (415) 222-9460",
  "4152229460",
  "+44 7994 975547",
  "07911123456",
  "447454456612",
  "+4915123456789",
  "5511987654321",
  "+55 (27) 98576-1043",
  "34620646631",
  "1.23457E+11",
  " 1.23457E+11 ",
  "3,51912E+11",
  "3.51912e+11",
  "1E+11",
  "call me",
  "+",
  "111",
  "####",
  "#VALUE!",
  "#1",
];
const BIRTHS = [
  "",
  "1985-10-16",
  " 1969-12-31 ",
  "1970-01-01T00:00:00.000Z",
  "1985-10-16T13:45:00Z",
  "1985-13-01",
  "1989-02-29",
  "2000-02-29",
  "2026-11-26",
  "2026-11-27",
  "2099-01-01",
  "0985-01-01",
  "16/10/1985",
  "16/10/1985 00:00:00",
  "16-10-1985",
  "16.10.1985",
  "01.02.1990",
  "05/06/1990",
  "4/13/1994",
  " 4/13/1994 ",
  "12/31/1990",
  "13/13/1990",
  "31/04/1990",
  "29/02/1900",
  "29/02/2000",
  "28/02/90",
  "6/30/97",
  "11/11/2085",
  "31336",
  "32874",
  "36526.0",
  "25569",
  "1990",
  "2199",
  "1799",
  "####",
  "#",
  "#FMT",
  "#N/A",
  "#NAME?",
  "#VALUE!",
  "Err:502",
  "#REF",
  "#¡VALOR!",
  "16 Oct 1985",
  "1.5",
];
const DOC_IDS = [
  "",
  "12345678",
  "1234567",
  "3235 494",
  "03235494",
  "01234567",
  "00012345",
  "123",
  "12 345 678",
  "1234 5678",
  "529.982.247-25",
  "52998224725",
  "5299822472",
  "582646715",
  "00582646715",
  "50887281311",
  "01307918T",
  "LH8968671",
  "1.23457E+11",
  "1,23457E+11",
  "X1234E+5",
  "12E45678",
  "1234567A",
  "76384808",
  "076384808",
  "264295239",
  "11111111111",
  "1".repeat(51),
  "1 2 3",
  "####",
  "#N/A",
  "#12345",
];
const COUNTRIES = [
  "",
  "PRT",
  "prt",
  " prt ",
  "GBR ",
  "BRA",
  "ESP",
  "GBR",
  "IRL",
  "USA",
  "DEU",
  "POR",
  "GER",
  "NED",
  "UK",
  "PT",
  "ENG",
  "SCO",
  "XYZ",
  "PORTUGAL",
  "POL",
];
const NAMES = [
  "",
  "Ana Sousa",
  "?ukasz Wójcik",
  "Lech Wa??sa",
  "Pawe? Nowak",
  "Jos\uFFFD Silva",
  "Who ? Knows",
  "Nguyễn Thị Mai",
  "Aoife O’Brien",
  'Ana "Silva" 7',
  "#NAME?",
  "#hashtag",
  "x".repeat(201),
];
const SPACES = ["", "", "", " ", "\u00a0", "\t", "\u2003", "  "];

function generatedContact(random: Random): string {
  switch (Math.floor(random() * 6)) {
    case 0:
      return `person.${digits(random, 3)}@Example.com`;
    case 1:
      return `+3519${digits(random, 8)}`;
    case 2:
      return `9${digits(random, 8)}`;
    case 3:
      return `${pick(random, ["", "+", "00"])}${pick(random, ["1", "34", "44", "49", "55", "351", "353", "7", "86"])}${digits(random, 5 + Math.floor(random() * 8))}`;
    case 4:
      return `${digits(random, 1)}.${digits(random, 5)}E+${10 + Math.floor(random() * 5)}`;
    default:
      return pick(random, CONTACTS);
  }
}

function generatedBirth(random: Random): string {
  const day = 1 + Math.floor(random() * 31);
  const month = 1 + Math.floor(random() * 13);
  const year = 1890 + Math.floor(random() * 150);
  switch (Math.floor(random() * 6)) {
    case 0:
      return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    case 1:
      return `${day}/${month}/${year}`;
    case 2:
      return `${String(month).padStart(2, "0")}${pick(random, ["/", ".", "-"])}${String(day).padStart(2, "0")}/${year}`;
    case 3:
      return String(1000 + Math.floor(random() * 60_000));
    default:
      return pick(random, BIRTHS);
  }
}

function generatedDocId(random: Random): string {
  return random() < 0.5 ? digits(random, 5 + Math.floor(random() * 8)) : pick(random, DOC_IDS);
}

function cell(random: Random, field: GridField, own: () => string): string {
  const roll = random();
  const value =
    roll < 0.1
      ? pick(random, FIXTURE_CELLS[field])
      : roll < 0.13
        ? pick(random, FIXTURE_CELLS.contact)
        : own();
  return `${pick(random, SPACES)}${value}${pick(random, SPACES)}`;
}

/** One generated row; about one in eight has no identity and one in twenty is blank or whitespace. */
function generatedRow(random: Random): GridCells {
  if (random() < 0.05) {
    return {
      contact: pick(random, SPACES),
      internalId: pick(random, SPACES),
      fullName: "",
      birth: pick(random, SPACES),
      docId: "",
      countryAlpha3: pick(random, SPACES),
    };
  }
  const identity = random() < 0.88;
  const partial = (own: () => string) => (identity || random() < 0.1 ? own() : "");
  return {
    contact: cell(random, "contact", () => generatedContact(random)),
    internalId: cell(random, "internalId", () =>
      pick(random, [
        "",
        `emp-${digits(random, 4)}`,
        " 10001 ",
        "x".repeat(201),
        "#N/A",
        "1.23457E+11",
        "1E5",
      ]),
    ),
    fullName: partial(() => cell(random, "fullName", () => pick(random, NAMES))),
    birth: partial(() => cell(random, "birth", () => generatedBirth(random))),
    docId: partial(() => cell(random, "docId", () => generatedDocId(random))),
    countryAlpha3: partial(() => cell(random, "countryAlpha3", () => pick(random, COUNTRIES))),
  };
}

/** Rows that repeat each other's contacts and identities, written differently (case, spaces). */
function repeatingRows(random: Random, count: number): GridCells[] {
  const contacts = ["ana@example.com", "+351912345678", "912345678", "B@x.co", ""];
  const docIds = ["12345678", "1234 5678", "", "03235494"];
  const countries = ["PRT", " prt", "BRA", "", "P\u0000RT"];
  const vary = (text: string) => {
    const spaced = random() < 0.3 ? text.replace(/(.)(.)/, "$1 $2") : text;
    return `${pick(random, SPACES)}${random() < 0.3 ? spaced.toUpperCase() : spaced}${pick(random, SPACES)}`;
  };
  return Array.from({ length: count }, () =>
    random() < 0.4
      ? generatedRow(random)
      : {
          contact: vary(pick(random, contacts)),
          internalId: "",
          fullName: random() < 0.5 ? "Ana" : "",
          birth: random() < 0.5 ? "1985-10-16" : "",
          docId: vary(pick(random, docIds)),
          countryAlpha3:
            random() < 0.2 ? `P\u0000${pick(random, ["RT", "R"])}` : vary(pick(random, countries)),
        },
  );
}

const REGIONS: CountryCode[] = ["PT", "US", "GB", "BR", "ES", "DE", "IE", "CN"];
const TODAYS = ["2026-11-27", "1990-06-01", "2100-01-01"];
const CHOICES: (TextDateChoice | undefined)[] = [undefined, "detected", "refuse", "dmy", "mdy"];
const BIRTH_PROFILES: DateColumnProfile[] = ["iso", "dmy", "mdy", "ambiguous-slash", "none"];

function options(random: Random): ImportOptions {
  const textDates = pick(random, CHOICES);
  return {
    defaultRegion: pick(random, REGIONS),
    today: pick(random, TODAYS),
    ...(textDates === undefined ? {} : { textDates }),
  };
}

/** Deep equality, and the same key order too (verdicts cross to the page as structured data). */
function expectSame(actual: unknown, expected: unknown, label: string): void {
  expect(actual, label).toStrictEqual(expected);
  expect(JSON.stringify(actual), label).toBe(JSON.stringify(expected));
}

function mapEntries<K, V>(map: ReadonlyMap<K, V>): [K, V][] {
  return [...map];
}

describe("row checks: the same verdicts as before the speed work", () => {
  it(
    "treats exactly the characters trim() and /\\s/ take as white space",
    () => {
      // One row per UTF-16 code unit, in the contact, the docId and around the country.
      const rows: GridCells[] = [row("ab", "12", "PRT")];
      for (let code = 0; code <= 0xffff; code += 1) {
        const char = String.fromCharCode(code);
        rows.push(row(`a${char}b`, `1${char}2`, `${char}prt${char}`), row(char, char, char));
      }
      const expected = mapEntries(reference.findBatchDuplicates(rows, { rememberKeys: false }));
      expectSame(mapEntries(findBatchDuplicates(rows, { rememberKeys: false })), expected, "repeats");
    },
    SLOW,
  );

  it(
    "meets every warning and error code the checks have (else the comparison proves little)",
    () => {
      const seen = new Set<string>();
      for (let seed = 1; seed <= COVERAGE_SEEDS; seed += 1) {
        const random = generator(seed);
        const rows = Array.from({ length: 400 }, () => generatedRow(random));
        const profile = referenceGrid.profileColumns(rows);
        for (const choice of CHOICES) {
          for (const today of TODAYS) {
            const rowOptions: ImportOptions = { defaultRegion: "PT", today, textDates: choice };
            for (const cells of rows) {
              const row = referenceNormalise.normaliseRow(cells, profile, rowOptions);
              for (const issue of [...row.warnings, ...row.errors]) seen.add(issue.code);
            }
          }
        }
      }
      expect([...seen].sort()).toEqual([...ERROR_CODES, ...WARNING_CODES].sort());
    },
    SLOW,
  );

  for (let seed = 1; seed <= SEEDS; seed += 1) {
    it(
      `gives identical profiles, verdicts, repeats and summaries (seed ${seed})`,
      () => {
        const random = generator(seed);
        const rows = Array.from({ length: 400 }, () => generatedRow(random));
        const profile = profileColumns(rows);
        expectSame(profile, referenceGrid.profileColumns(rows), "profile");
        const profiles: ColumnProfile[] = [
          profile,
          { ...profile, birth: pick(random, BIRTH_PROFILES) },
          { birth: pick(random, BIRTH_PROFILES), docId: profile.docId },
        ];
        for (const columnProfile of profiles) {
          for (let round = 0; round < 2; round += 1) {
            const rowOptions = options(random);
            // Twice each: the second time the phone caches answer.
            for (let pass = 0; pass < 2; pass += 1) {
              const actual = rows.map((cells) => verdictOfRow(cells, columnProfile, rowOptions));
              const expected = rows.map((cells) =>
                referenceGrid.verdictOfRow(cells, columnProfile, rowOptions),
              );
              expectSame(actual, expected, `verdicts, seed ${seed}, ${JSON.stringify(rowOptions)}`);
            }
          }
        }
        const gridOptions = options(random);
        expectSame(validateGrid(rows, gridOptions), referenceGrid.validateGrid(rows, gridOptions), "grid");
      },
      SLOW,
    );

    it(
      `finds the same repeats, in the same order (seed ${seed})`,
      () => {
        const random = generator(seed * 7919);
        const rows = repeatingRows(random, 300);
        const expected = mapEntries(reference.findBatchDuplicates(rows, { rememberKeys: false }));
        expectSame(mapEntries(findBatchDuplicates(rows, { rememberKeys: false })), expected, "unremembered");
        expectSame(mapEntries(findBatchDuplicates(rows)), expected, "remembered");
        expectSame(mapEntries(findBatchDuplicates(rows)), expected, "remembered, again");
        const verdicts = rows.map((cells) => verdictOfRow(cells, profileColumns(rows), options(random)));
        expectSame(
          summariseVerdicts(rows, verdicts),
          referenceGrid.summariseVerdicts(rows, verdicts),
          "summary",
        );
        // Edits in place keep the repeats current from the previous state.
        let state: RepeatState = { rows, map: findBatchDuplicates(rows), keys: rowKeysOf(rows) };
        let referenceState: reference.RepeatState = { rows, map: reference.findBatchDuplicates(rows) };
        for (let edit = 0; edit < 6; edit += 1) {
          const after = state.rows.slice();
          const edits = 1 + Math.floor(random() * 4);
          for (let index = 0; index < edits; index += 1) {
            after[Math.floor(random() * after.length)] = repeatingRows(random, 1)[0] as GridCells;
          }
          const refreshed = refreshDuplicates(state, after, 8);
          const referenceRefreshed = reference.refreshDuplicates(referenceState, after, 8);
          expect(refreshed === null).toBe(referenceRefreshed === null);
          if (refreshed === null || referenceRefreshed === null) break;
          expectSame(mapEntries(refreshed.map), mapEntries(referenceRefreshed.map), `edit ${edit}`);
          expect(refreshed.map, `edit ${edit}, from scratch`).toEqual(reference.findBatchDuplicates(after));
          state = refreshed;
          referenceState = referenceRefreshed;
        }
      },
      SLOW,
    );
  }
});

function row(contact: string, docId: string, countryAlpha3: string): GridCells {
  return { ...emptyGridCells(), contact, docId, countryAlpha3 };
}
