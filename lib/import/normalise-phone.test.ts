import { describe, expect, it } from "vitest";
import {
  type CountryCode,
  looksLikePhone,
  normalisePhone,
  normalisePhoneByLibrary,
  type PhoneResult,
} from "./normalise-phone";

// normalisePhone parses with phone-digits-parser; normalisePhoneByLibrary, its reference, with the
// library itself: both must say the same (phone-digits-parser.equivalence.test.ts over many more).
describe.each([
  ["normalisePhone", normalisePhone],
  ["normalisePhoneByLibrary", normalisePhoneByLibrary],
])("%s", (_name, normalise) => {
  it.each<[raw: string, expected: PhoneResult]>([
    // `+…` is parsed as it is; formatting goes without a warning.
    ["+351912345678", { ok: true, e164: "+351912345678" }],
    ["+351 923 971 847", { ok: true, e164: "+351923971847" }],
    ["+351-912-345-678", { ok: true, e164: "+351912345678" }],
    ["+351.912.345.678", { ok: true, e164: "+351912345678" }],
    ["(+351) 912 345 678", { ok: true, e164: "+351912345678" }],
    ["+55 (27) 98576-1043", { ok: true, e164: "+5527985761043" }],
    ["+1 (415) 222-9460", { ok: true, e164: "+14152229460" }],
    ["+44 7994 975547", { ok: true, e164: "+447994975547" }],
    ["+353 85 271 9905", { ok: true, e164: "+353852719905" }],
    ["+34 685 92 65 32", { ok: true, e164: "+34685926532" }],
    ["\u00a0+351 912 345 678\u00a0", { ok: true, e164: "+351912345678" }],
    // Digits only, step 1: a valid national number of the default region.
    ["932544024", { ok: true, e164: "+351932544024", warning: "phone_national_default_region" }],
    ["211234567", { ok: true, e164: "+351211234567", warning: "phone_national_default_region" }],
    ["912 345 678", { ok: true, e164: "+351912345678", warning: "phone_national_default_region" }],
    // Step 2: otherwise `+digits`, the `+` lost in a numeric cell. 351… must not pass as national.
    ["351968016139", { ok: true, e164: "+351968016139", warning: "phone_lost_plus" }],
    ["34620646631", { ok: true, e164: "+34620646631", warning: "phone_lost_plus" }],
    ["5511987654321", { ok: true, e164: "+5511987654321", warning: "phone_lost_plus" }],
    ["5531983110790", { ok: true, e164: "+5531983110790", warning: "phone_lost_plus" }],
    ["447454456612", { ok: true, e164: "+447454456612", warning: "phone_lost_plus" }],
    ["4915123456789", { ok: true, e164: "+4915123456789", warning: "phone_lost_plus" }],
    // 00 is the international prefix: the country code was written, nothing was assumed.
    ["00351912345678", { ok: true, e164: "+351912345678" }],
    ["0034 612 345 678", { ok: true, e164: "+34612345678" }],
    // Step 3 and the unrecoverable.
    ["12345", { ok: false, code: "phone_invalid" }],
    ["612345678", { ok: false, code: "phone_invalid" }],
    ["+35112", { ok: false, code: "phone_invalid" }],
    ["+612345678", { ok: false, code: "phone_invalid" }],
    ["912345678x", { ok: false, code: "phone_invalid" }],
    ["351+912345678", { ok: false, code: "phone_invalid" }],
    ["call me", { ok: false, code: "phone_invalid" }],
    ["", { ok: false, code: "phone_invalid" }],
    ["3.51912E+11", { ok: false, code: "phone_scientific_notation" }],
    ["3,51912E+11", { ok: false, code: "phone_scientific_notation" }],
    ["3.51912e+11", { ok: false, code: "phone_scientific_notation" }],
    ["4E+11", { ok: false, code: "phone_scientific_notation" }],
  ])("%j", (raw, expected) => {
    expect(normalise(raw)).toEqual(expected);
  });

  it.each<[raw: string, region: CountryCode, expected: PhoneResult]>([
    ["612345678", "ES", { ok: true, e164: "+34612345678", warning: "phone_national_default_region" }],
    ["07911123456", "GB", { ok: true, e164: "+447911123456", warning: "phone_national_default_region" }],
    ["4152229460", "US", { ok: true, e164: "+14152229460", warning: "phone_national_default_region" }],
    ["351968016139", "ES", { ok: true, e164: "+351968016139", warning: "phone_lost_plus" }],
    ["+351912345678", "US", { ok: true, e164: "+351912345678" }],
  ])("%j with default region %s", (raw, region, expected) => {
    expect(normalise(raw, region)).toEqual(expected);
  });
});

describe("normalisePhone", () => {
  it("reads digits as a national number of the default region given", () => {
    expect(normalisePhone("612345678", "ES")).not.toEqual(normalisePhone("612345678", "PT"));
  });
});

describe("looksLikePhone", () => {
  it.each<[raw: string, expected: boolean]>([
    ["+351 912 345 678", true],
    ["912345678", true],
    ["(+351) 912-345-678", true],
    [" 351.912.345.678 ", true],
    ["ana@example.com", false],
    ["3.51912E+11", false],
    ["912345678 ext 2", false],
    ["+", false],
    ["", false],
  ])("%j → %s", (raw, expected) => {
    expect(looksLikePhone(raw)).toBe(expected);
  });
});
