/**
 * The rows row-checks.equivalence.test.ts compares the grid's checks over, deterministic from a seed:
 * the spreadsheet fixtures' cells, hand-picked hard cells per field, generated ones written with the
 * spaces people leave, rows that repeat each other's keys, and the import options they are checked
 * under.
 */
import { readFileSync } from "node:fs";
import type { GridCells, GridField } from "./grid-fields";
import type { DateColumnProfile, TextDateChoice } from "./normalise-date";
import type { CountryCode } from "./normalise-phone";
import type { ImportOptions } from "./normalise-rows";

/** mulberry32: a small seeded generator, so a failure names the seed that reproduces it. */
export function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;
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

export const FIXTURE_CELLS = fixtureCells();

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
export function generatedRow(random: Random): GridCells {
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
export function repeatingRows(random: Random, count: number): GridCells[] {
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
export const TODAYS = ["2026-11-27", "1990-06-01", "2100-01-01"];
export const CHOICES: (TextDateChoice | undefined)[] = [undefined, "detected", "refuse", "dmy", "mdy"];
export const BIRTH_PROFILES: DateColumnProfile[] = ["iso", "dmy", "mdy", "ambiguous-slash", "none"];

export function options(random: Random): ImportOptions {
  const textDates = pick(random, CHOICES);
  return {
    defaultRegion: pick(random, REGIONS),
    today: pick(random, TODAYS),
    ...(textDates === undefined ? {} : { textDates }),
  };
}
