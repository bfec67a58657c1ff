import * as max from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/import/pasted-text.test-support";
import * as modern from "./libphonenumber-max-modern.mjs";

/** What the console reads from a parse: undefined, or the number, its parts, validity and type. */
function reading(parse: typeof max.parsePhoneNumberFromString, text: string, region?: max.CountryCode) {
  const parsed = parse(text, region);
  return parsed === undefined
    ? undefined
    : {
        number: parsed.number,
        nationalNumber: parsed.nationalNumber,
        country: parsed.country,
        valid: parsed.isValid(),
        type: parsed.getType(),
      };
}

describe("libphonenumber-js/max for modern engines", () => {
  it.each<[string, max.CountryCode | undefined]>([
    ["+351912345678", undefined],
    ["912345678", "PT"],
    ["351912345678", "PT"],
    ["00351912345678", "PT"],
    ["+44 7700 900123", undefined],
    ["07700 900123", "GB"],
    ["+1 (213) 373-4253 ext. 12", undefined],
    ["tel:+1-201-555-0123;phone-context=example.com", undefined],
    ["+39 06 6988 4000", undefined],
    ["+0123", undefined],
    ["+", undefined],
    ["abc", "PT"],
    ["+３５１９１２３４５６７８", undefined],
  ])("parses %s (region %s) as libphonenumber-js/max does", (text, region) => {
    expect(reading(modern.parsePhoneNumberFromString, text, region)).toStrictEqual(
      reading(max.parsePhoneNumberFromString, text, region),
    );
  });

  it("agrees on random numbers of every calling code, with and without a default region", () => {
    const random = seededRandom(20261127);
    const countries = max.getCountries();
    for (let trial = 0; trial < 20_000; trial += 1) {
      const country = countries[Math.floor(random() * countries.length)] as max.CountryCode;
      const digits = Array.from({ length: 1 + Math.floor(random() * 15) }, () =>
        Math.floor(random() * 10),
      ).join("");
      const text = random() < 0.5 ? `+${max.getCountryCallingCode(country)}${digits}` : digits;
      const region = random() < 0.5 ? country : undefined;
      expect({ text, region, read: reading(modern.parsePhoneNumberFromString, text, region) }).toStrictEqual({
        text,
        region,
        read: reading(max.parsePhoneNumberFromString, text, region),
      });
    }
  });

  it("has the same countries and calling codes", () => {
    expect(modern.getCountries()).toStrictEqual(max.getCountries());
    for (const country of max.getCountries())
      expect(modern.getCountryCallingCode(country)).toBe(max.getCountryCallingCode(country));
  });
});
