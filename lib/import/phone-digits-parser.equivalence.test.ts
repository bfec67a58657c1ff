/**
 * phone-digits-parser follows libphonenumber-js's parse and validation step for step; this proves it
 * answers what the library answers, over a large deterministic sample: for every calling code of the
 * metadata, random national numbers of every length 4–17; every country's example number and its
 * one-digit mutations (changed, added, dropped), with the country's national prefix too; each with
 * `+`, without it, after `00`, and as a national number of several default regions (the country's
 * own among them). Then the same through normalisePhone against normalisePhoneByLibrary, with the
 * formatting people type, scientific notation and junk. PHONE_EQUIVALENCE_SEEDS=5 runs a longer soak.
 */
import { isDeepStrictEqual } from "node:util";
import examples from "libphonenumber-js/examples.mobile.json";
import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import metadataJson from "libphonenumber-js/max/metadata";
import { describe, expect, it } from "vitest";
import { normalisePhone, normalisePhoneByLibrary, type PhoneResult } from "./normalise-phone";
import { seededRandom } from "./pasted-text.test-support";
import { PARSED_BY_LIBRARY_ONLY, parseValidPhoneDigits, type ValidPhone } from "./phone-digits-parser";

const SEEDS = Number(process.env.PHONE_EQUIVALENCE_SEEDS ?? 1);
/** Hundreds of thousands of library parses: a busy machine must not fail them on time. */
const SLOW = 120_000;
/** Default regions every number is also read as a national number of (besides its own country). */
const REGIONS: readonly CountryCode[] = ["PT", "US", "GB", "BR", "DE", "FR", "ES", "IT", "IN", "RU"];
const RANDOM_NUMBERS_PER_LENGTH = 2;
/** Numbers made from each number type's pattern, per numbering plan. */
const NUMBERS_PER_TYPE = 5;
/** Default regions each number is read with: its own country's and random ones of REGIONS. */
const REGIONS_PER_SAMPLE = 4;
/** Raw cells made of each number (of the nine kinds rawCases makes), for normalisePhone. */
const RAW_CELLS_PER_SAMPLE = 4;
const SHORTEST = 4;
const LONGEST = 17;

type Metadata = {
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, unknown[]>;
  nonGeographic?: Record<string, unknown[]>;
};
const metadata = metadataJson as unknown as Metadata;
const CALLING_CODES = [
  ...Object.keys(metadata.country_calling_codes),
  ...Object.keys(metadata.nonGeographic ?? {}),
];

type Random = () => number;
const randomInt = (random: Random, below: number) => Math.floor(random() * below);
const pick = <T>(random: Random, items: readonly T[]): T => items[randomInt(random, items.length)] as T;
const randomDigits = (random: Random, count: number) =>
  Array.from({ length: count }, () => randomInt(random, 10)).join("");

/** The number, then each one-digit mutation: every digit changed, a digit added and dropped at every place. */
function withMutations(random: Random, digits: string): string[] {
  const variants = [digits];
  for (let index = 0; index <= digits.length; index += 1) {
    const before = digits.slice(0, index);
    if (index < digits.length) {
      const changed = (Number(digits[index]) + 1 + randomInt(random, 9)) % 10;
      variants.push(`${before}${changed}${digits.slice(index + 1)}`);
      variants.push(`${before}${digits.slice(index + 1)}`);
    }
    variants.push(`${before}${randomInt(random, 10)}${digits.slice(index)}`);
  }
  return variants;
}

const nationalPrefixOf = (country: CountryCode): string | undefined => {
  const prefix = metadata.countries[country]?.[5];
  return typeof prefix === "string" ? prefix : undefined;
};
const callingCodeOf = (country: CountryCode) => metadata.countries[country]?.[0] as string;

/**
 * A random string the metadata pattern matches (its syntax: digits, \\d, [classes], (?:groups),
 * (groups), |, ?, *, +, {n}, {n,m}): numbers of every type the library knows (fixed line, toll
 * free, premium rate, shared cost, VoIP…), where examples.mobile.json has mobile numbers only.
 */
function matchingDigits(random: Random, pattern: string): string {
  let at = 0;
  const alternatives = (): string => {
    const branches = [sequence()];
    while (pattern[at] === "|") {
      at += 1;
      branches.push(sequence());
    }
    return pick(random, branches);
  };
  const sequence = (): string => {
    let out = "";
    while (at < pattern.length && pattern[at] !== "|" && pattern[at] !== ")") {
      // Read the atom once to find its quantifier, then write it as many times as that says.
      const start = at;
      atom();
      const [least, most, after] = quantifier();
      for (let count = repeats(least, most); count > 0; count -= 1) {
        at = start;
        out += atom();
      }
      at = after;
    }
    return out;
  };
  // Most often the fewest or the most repeats: the lengths at the edges are where rules differ.
  const repeats = (least: number, most: number) => {
    const roll = random();
    if (roll < 1 / 3) return least;
    if (roll < 2 / 3) return most;
    return least + randomInt(random, most - least + 1);
  };
  /** The quantifier at `at`: least and most repeats, and where it ends. */
  const quantifier = (): [least: number, most: number, end: number] => {
    const braces = /^\{(\d+)(?:,(\d*))?\}/.exec(pattern.slice(at));
    if (braces) {
      const least = Number(braces[1]);
      const most = braces[2] === undefined ? least : braces[2] === "" ? least + 3 : Number(braces[2]);
      return [least, most, at + braces[0].length];
    }
    if (pattern[at] === "?") return [0, 1, at + 1];
    if (pattern[at] === "*") return [0, 3, at + 1];
    if (pattern[at] === "+") return [1, 3, at + 1];
    return [1, 1, at];
  };
  const atom = (): string => {
    const char = pattern[at] as string;
    if (char === "(") {
      at += pattern.startsWith("(?:", at) ? 3 : 1;
      const inner = alternatives();
      at += 1; // ")"
      return inner;
    }
    if (char === "[") {
      const close = pattern.indexOf("]", at);
      const body = pattern.slice(at + 1, close);
      at = close + 1;
      const members: string[] = [];
      for (let index = 0; index < body.length; index += 1) {
        if (body[index + 1] === "-" && index + 2 < body.length) {
          for (let code = body.charCodeAt(index); code <= body.charCodeAt(index + 2); code += 1) {
            members.push(String.fromCharCode(code));
          }
          index += 2;
        } else if (body.startsWith("\\d", index)) {
          members.push(..."0123456789");
          index += 1;
        } else {
          members.push(body[index] as string);
        }
      }
      return pick(random, members);
    }
    if (char === "\\") {
      at += 2;
      return pattern[at - 1] === "d" ? String(randomInt(random, 10)) : (pattern[at - 1] as string);
    }
    at += 1;
    return char;
  };
  return alternatives();
}

/** Numbers of each type of each numbering plan (countries and non-geographic calling codes). */
function typedSamples(random: Random): Sample[] {
  const plans: [plan: unknown[], country: CountryCode | undefined][] = [
    ...Object.entries(metadata.countries).map(([country, plan]) => [plan, country as CountryCode] as const),
    ...Object.values(metadata.nonGeographic ?? {}).map((plan) => [plan, undefined] as const),
  ] as [unknown[], CountryCode | undefined][];
  const list: Sample[] = [];
  for (const [plan, country] of plans) {
    const callingCode = plan[0] as string;
    const prefix = country === undefined ? undefined : nationalPrefixOf(country);
    for (const type of (plan[11] ?? []) as unknown[]) {
      const pattern = Array.isArray(type) ? type[0] : undefined;
      if (typeof pattern !== "string" || pattern === "") continue;
      for (let count = 0; count < NUMBERS_PER_TYPE; count += 1) {
        const national = matchingDigits(random, pattern);
        list.push({ callingCode, national, country });
        if (prefix !== undefined) list.push({ callingCode, national: prefix + national, country });
      }
    }
  }
  return list;
}

/** A national number with its country: from the examples (and mutations), or random per calling code. */
type Sample = { callingCode: string; national: string; country?: CountryCode };

function samples(seed: number): Sample[] {
  const random = seededRandom(seed);
  const list: Sample[] = [];
  for (const callingCode of CALLING_CODES) {
    const countries = metadata.country_calling_codes[callingCode];
    const country = countries?.[0] === "001" ? undefined : (countries?.[0] as CountryCode | undefined);
    for (let length = SHORTEST; length <= LONGEST; length += 1) {
      for (let count = 0; count < RANDOM_NUMBERS_PER_LENGTH; count += 1) {
        list.push({ callingCode, national: randomDigits(random, length), country });
      }
    }
  }
  for (const [country, example] of Object.entries(examples) as [CountryCode, string][]) {
    const prefix = nationalPrefixOf(country);
    for (const national of withMutations(random, example)) {
      list.push({ callingCode: callingCodeOf(country), national, country });
      if (prefix !== undefined)
        list.push({ callingCode: callingCodeOf(country), national: prefix + national, country });
    }
  }
  list.push(...typedSamples(random));
  return list;
}

/** Its own country (if any) and a few of REGIONS: every region meets thousands of numbers. */
function regionsFor(random: Random, country: CountryCode | undefined): CountryCode[] {
  const regions = new Set<CountryCode>(country === undefined ? [] : [country]);
  while (regions.size < REGIONS_PER_SAMPLE) regions.add(pick(random, REGIONS));
  return [...regions];
}

/** The texts to parse, each with the default region it is parsed with (undefined: none). */
function parseCases(random: Random, sample: Sample): [text: string, region: CountryCode | undefined][] {
  const { callingCode, national, country } = sample;
  const regions = regionsFor(random, country);
  const cases: [string, CountryCode | undefined][] = [[`+${callingCode}${national}`, undefined]];
  for (const region of regions) {
    cases.push(
      [national, region],
      [`${callingCode}${national}`, region],
      [`00${callingCode}${national}`, region],
    );
  }
  return cases;
}

function parseByLibrary(text: string, region?: CountryCode): ValidPhone | undefined {
  const parsed = parsePhoneNumberFromString(text, region);
  if (parsed === undefined || !parsed.isValid()) return undefined;
  return { e164: parsed.number, nationalNumber: parsed.nationalNumber };
}

// The formatting people type (all stripped without a warning) and what is not a number at all.
const SEPARATORS = [" ", " ", ".", "-", "\u00a0", "–", "‑", "  "];
const JUNK = [
  "x",
  "ext 12",
  "#",
  "abc",
  "+",
  "++",
  "/",
  "*",
  ";",
  ",",
  "E+11",
  "e",
  "١",
  "０",
  "\u200b",
  "'",
];

/** The number written with separators between random groups, sometimes in brackets. */
function formatted(random: Random, text: string): string {
  let out = "";
  for (let index = 0; index < text.length; index += 1) {
    if (index > 0 && random() < 0.3) out += pick(random, SEPARATORS);
    out += text[index];
  }
  if (random() < 0.2) out = out.replace(/^(\+?\d{1,3})/, "($1)");
  return random() < 0.2 ? ` ${out}\u00a0` : out;
}

/** 3.51912E+11: the number as a narrow General column shows it. */
function scientific(random: Random, digits: string): string {
  const mantissa = `${digits[0] ?? "1"}${pick(random, [".", ","])}${digits.slice(1, 2 + randomInt(random, 6))}`;
  return `${mantissa}${pick(random, ["E+", "e+", "E"])}${digits.length - 1}`;
}

function junk(random: Random, text: string): string {
  const at = randomInt(random, text.length + 1);
  return `${text.slice(0, at)}${pick(random, JUNK)}${text.slice(at)}`;
}

/** Raw cells for normalisePhone, with the default region to normalise them with. */
function rawCases(random: Random, sample: Sample): [raw: string, region: CountryCode][] {
  const { callingCode, national, country } = sample;
  const region = country ?? pick(random, REGIONS);
  const other = pick(random, REGIONS);
  const international = `+${callingCode}${national}`;
  const kinds: [string, CountryCode][] = [
    [international, region],
    [national, region],
    [`${callingCode}${national}`, other],
    [`00${callingCode}${national}`, other],
    [formatted(random, international), other],
    [formatted(random, `00${callingCode}${national}`), region],
    [formatted(random, national), region],
    [scientific(random, `${callingCode}${national}`), region],
    [junk(random, pick(random, [international, national])), region],
  ];
  return Array.from({ length: RAW_CELLS_PER_SAMPLE }, () => pick(random, kinds));
}

type Mismatch = { input: string; region: CountryCode | undefined; fast: unknown; library: unknown };

/** The first mismatches and how many there were, so a failure reads as a short list. */
function report(mismatches: Mismatch[]) {
  return { count: mismatches.length, first: mismatches.slice(0, 10) };
}

describe.each(Array.from({ length: SEEDS }, (_, index) => index + 1))("seed %i", (seed) => {
  it(
    "parses every text as libphonenumber-js does",
    () => {
      const mismatches: Mismatch[] = [];
      let compared = 0;
      let valid = 0;
      const random = seededRandom(seed * 104_729);
      for (const sample of samples(seed)) {
        for (const [text, region] of parseCases(random, sample)) {
          const fast = parseValidPhoneDigits(text, region);
          const library = parseByLibrary(text, region);
          compared += 1;
          if (library !== undefined) valid += 1;
          if (!isDeepStrictEqual(fast, library)) mismatches.push({ input: text, region, fast, library });
        }
      }
      expect(report(mismatches)).toEqual({ count: 0, first: [] });
      // Not a vacuous comparison: many texts, a good share of them valid numbers.
      expect(compared).toBeGreaterThan(200_000);
      expect(valid).toBeGreaterThan(compared / 10);
    },
    SLOW,
  );

  it(
    "normalises every cell as it does through libphonenumber-js",
    () => {
      const random = seededRandom(seed * 7919);
      const mismatches: Mismatch[] = [];
      const seen = new Set<string>();
      for (const sample of samples(seed)) {
        for (const [raw, region] of rawCases(random, sample)) {
          const fast: PhoneResult = normalisePhone(raw, region);
          const library = normalisePhoneByLibrary(raw, region);
          seen.add(fast.ok ? `${fast.warning ?? "ok"}` : fast.code);
          if (!isDeepStrictEqual(fast, library)) mismatches.push({ input: raw, region, fast, library });
        }
      }
      expect(report(mismatches)).toEqual({ count: 0, first: [] });
      expect([...seen].sort()).toEqual([
        "ok",
        "phone_invalid",
        "phone_lost_plus",
        "phone_national_default_region",
        "phone_scientific_notation",
      ]);
    },
    SLOW,
  );
});

describe("matchingDigits (the test's number maker)", () => {
  it("makes numbers each type pattern of the metadata matches", () => {
    const random = seededRandom(1);
    const misses: string[] = [];
    for (const plan of [
      ...Object.values(metadata.countries),
      ...Object.values(metadata.nonGeographic ?? {}),
    ]) {
      for (const type of (plan[11] ?? []) as unknown[]) {
        const pattern = Array.isArray(type) ? type[0] : undefined;
        if (typeof pattern !== "string" || pattern === "") continue;
        const number = matchingDigits(random, pattern);
        if (!new RegExp(`^(?:${pattern})$`).test(number)) misses.push(`${number} ∉ ${pattern}`);
      }
    }
    expect(misses).toEqual([]);
  });
});

describe("parseValidPhoneDigits", () => {
  it.each<
    [text: string, region: CountryCode | undefined, expected: ReturnType<typeof parseValidPhoneDigits>]
  >([
    ["+351912345678", undefined, { e164: "+351912345678", nationalNumber: "912345678" }],
    ["912345678", "PT", { e164: "+351912345678", nationalNumber: "912345678" }],
    // A national prefix is dropped; the numbering plan of the exact country decides validity.
    ["07911123456", "GB", { e164: "+447911123456", nationalNumber: "7911123456" }],
    ["+4407911123456", undefined, { e164: "+447911123456", nationalNumber: "7911123456" }],
    ["+14152229460", undefined, { e164: "+14152229460", nationalNumber: "4152229460" }],
    // The longest national number the library takes (17 digits: an Indonesian toll-free number).
    [
      "+6200180312345678901",
      undefined,
      { e164: "+6200180312345678901", nationalNumber: "00180312345678901" },
    ],
    ["+62001803123456789012", undefined, undefined],
    ["+35112", undefined, undefined],
    ["+0351912345678", undefined, undefined],
    // Not ASCII +digits: the library parses these (full-width digits, formatting).
    ["９１２３４５６７８", "PT", PARSED_BY_LIBRARY_ONLY],
    ["+351 912 345 678", undefined, PARSED_BY_LIBRARY_ONLY],
    ["", "PT", PARSED_BY_LIBRARY_ONLY],
  ])("%j with region %s", (text, region, expected) => {
    expect(parseValidPhoneDigits(text, region)).toEqual(expected);
  });
});
