/**
 * The numbers phone-digits-parser.equivalence.test.ts checks against libphonenumber-js, made from the
 * library's own metadata and examples, deterministic from a seed: national numbers of every calling
 * code and length, the examples and their one-digit mutations, numbers matching each number type's
 * pattern; and the texts and raw cells written from them (with `+`, `00`, none, as national numbers of
 * several default regions, with the formatting people type, scientific notation and junk).
 */
import examples from "libphonenumber-js/examples.mobile.json";
import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import metadataJson from "libphonenumber-js/max/metadata";
import { seededRandom } from "./pasted-text.test-support";
import type { ValidPhone } from "./phone-digits-parser";

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
export const metadata = metadataJson as unknown as Metadata;
const CALLING_CODES = [
  ...Object.keys(metadata.country_calling_codes),
  ...Object.keys(metadata.nonGeographic ?? {}),
];

export type Random = () => number;
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
export function matchingDigits(random: Random, pattern: string): string {
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
export type Sample = { callingCode: string; national: string; country?: CountryCode };

export function samples(seed: number): Sample[] {
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
export function parseCases(
  random: Random,
  sample: Sample,
): [text: string, region: CountryCode | undefined][] {
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

export function parseByLibrary(text: string, region?: CountryCode): ValidPhone | undefined {
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
export function rawCases(random: Random, sample: Sample): [raw: string, region: CountryCode][] {
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
