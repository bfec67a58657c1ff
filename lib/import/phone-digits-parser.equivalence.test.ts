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
import type { CountryCode } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import { normalisePhone, normalisePhoneByLibrary, type PhoneResult } from "./normalise-phone";
import { seededRandom } from "./pasted-text.test-support";
import { PARSED_BY_LIBRARY_ONLY, parseValidPhoneDigits } from "./phone-digits-parser";
import {
  matchingDigits,
  metadata,
  parseByLibrary,
  parseCases,
  rawCases,
  samples,
} from "./phone-equivalence.test-support";

const SEEDS = Number(process.env.PHONE_EQUIVALENCE_SEEDS ?? 1);
/** Hundreds of thousands of library parses: a busy machine must not fail them on time. */
const SLOW = 120_000;
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
