import { describe, expect, it } from "vitest";
import {
  type DocIdColumnProfile,
  docIdLostLeadingZeros,
  EMPTY_DOC_ID_PROFILE,
  hasLostLetter,
  isScientificNotation,
  isSpreadsheetPlaceholder,
  isValidCpf,
  type LostLeadingZeros,
  profileDocIdColumn,
} from "./detect-damage";

function column(country: string, docIds: readonly string[]): DocIdColumnProfile {
  return profileDocIdColumn(docIds.map((docId) => ({ docId, countryAlpha3: country })));
}

describe("docIdLostLeadingZeros", () => {
  it.each<[docId: string, country: string, expected: LostLeadingZeros | undefined]>([
    // Portuguese civil ID: 8 digits.
    ["3235494", "PRT", { suggestedValue: "03235494", expectedLength: 8, rule: "prt-civil-id" }],
    ["1973461", " prt ", { suggestedValue: "01973461", expectedLength: 8, rule: "prt-civil-id" }],
    ["12345", "PRT", { suggestedValue: "00012345", expectedLength: 8, rule: "prt-civil-id" }],
    ["1234", "PRT", undefined],
    ["22660341", "PRT", undefined],
    ["04469300", "PRT", undefined],
    ["123456789", "PRT", undefined],
    ["1234567A", "PRT", undefined],
    // Brazilian CPF: 11 digits, and the padded value must pass the check digits.
    ["582646715", "BRA", { suggestedValue: "00582646715", expectedLength: 11, rule: "bra-cpf" }],
    ["5593551731", "BRA", { suggestedValue: "05593551731", expectedLength: 11, rule: "bra-cpf" }],
    ["123456789", "BRA", undefined],
    ["50887281311", "BRA", undefined],
    // Other countries: only with a column to compare with.
    ["76384808", "GBR", undefined],
    ["01307918T", "ESP", undefined],
  ])("%j (%s)", (docId, country, expected) => {
    expect(docIdLostLeadingZeros(docId, country, EMPTY_DOC_ID_PROFILE)).toEqual(expected);
  });

  it.each<[docIds: string[], docId: string, expected: LostLeadingZeros | undefined]>([
    [
      ["264295239", "367001110", "128067791", "76384808"],
      "76384808",
      { suggestedValue: "076384808", expectedLength: 9, rule: "column" },
    ],
    // Most siblings longer: one of the same length, two longer.
    [
      ["76384808", "12345678", "264295239", "367001110"],
      "76384808",
      { suggestedValue: "076384808", expectedLength: 9, rule: "column" },
    ],
    // Ties between longer lengths go to the shorter padding.
    [
      ["1234567", "12345678", "123456789"],
      "1234567",
      { suggestedValue: "01234567", expectedLength: 8, rule: "column" },
    ],
    [["264295239", "76384808"], "76384808", undefined],
    [["12345678", "12345678", "264295239", "76384808"], "76384808", undefined],
    [["264295239", "367001110", "128067791", "12345"], "12345", undefined],
  ])("column %j: %j", (docIds, docId, expected) => {
    expect(docIdLostLeadingZeros(docId, "GBR", column("GBR", docIds))).toEqual(expected);
  });

  it("compares only with docIds of the same country", () => {
    const profile = profileDocIdColumn([
      { docId: "264295239", countryAlpha3: "USA" },
      { docId: "367001110", countryAlpha3: "USA" },
      { docId: "76384808", countryAlpha3: "GBR" },
    ]);
    expect(docIdLostLeadingZeros("76384808", "GBR", profile)).toBeUndefined();
  });
});

describe("profileDocIdColumn", () => {
  it("counts digits-only lengths per normalised country, spaces removed", () => {
    const profile = profileDocIdColumn([
      { docId: "123 456 789", countryAlpha3: "gbr" },
      { docId: "987654321", countryAlpha3: "GBR " },
      { docId: "LH8968671", countryAlpha3: "IRL" },
      { docId: "12345678", countryAlpha3: "" },
    ]);
    expect(profile.digitLengthsByCountry).toEqual(new Map([["GBR", new Map([[9, 2]])]]));
  });
});

describe("isValidCpf", () => {
  it.each<[cpf: string, expected: boolean]>([
    ["52998224725", true],
    ["00582646715", true],
    ["05593551731", true],
    ["52998224726", false],
    ["00123456789", false],
    ["11111111111", false],
    ["5299822472", false],
    ["529.982.247-25", false],
  ])("%j → %s", (cpf, expected) => {
    expect(isValidCpf(cpf)).toBe(expected);
  });
});

describe("isSpreadsheetPlaceholder", () => {
  it.each<[text: string, expected: boolean]>([
    // A value wider than its column: #### (a lone # when the column is very narrow).
    ["####", true],
    ["#", true],
    ["##########", true],
    // Excel's error values, which end in ! or ?, and the ones that do not.
    ["#VALUE!", true],
    ["#REF!", true],
    ["#NAME?", true],
    ["#DIV/0!", true],
    ["#NUM!", true],
    ["#NULL!", true],
    ["#SPILL!", true],
    ["#CALC!", true],
    ["#N/A", true],
    ["#GETTING_DATA", true],
    // Translated Excel: German, Portuguese, Spanish, French.
    ["#WERT!", true],
    ["#NV", true],
    ["#NOME?", true],
    ["#NÚM!", true],
    ["#N/D", true],
    ["#¡VALOR!", true],
    ["#¿NOMBRE?", true],
    ["#VALEUR!", true],
    // LibreOffice: #FMT, and Err: with the error number.
    ["#FMT", true],
    ["Err:502", true],
    ["Err:504", true],
    // Case does not matter (a cell typed over by hand, a lower-casing export).
    ["#n/a", true],
    ["err:502", true],
    // Someone's text: a number sign before digits (house numbers, ticket or document numbers)…
    ["#1", false],
    ["#12345", false],
    ["#A1", false],
    ["# 12", false],
    ["12#", false],
    // …a hashtag or a word without the error's ending…
    ["#hashtag", false],
    ["#REF", false],
    ["#VALUE", false],
    ["#NA", false],
    // …and what merely resembles one.
    ["N/A", false],
    ["n/a", false],
    ["Err", false],
    ["Err:", false],
    ["Error:502", false],
    ["Err:50a", false],
    ["#VALUE!x", false],
    ["x#VALUE!", false],
    ["#!", false],
    ["#?", false],
    ["", false],
    ["emp-1234", false],
    ["E1234", false],
  ])("%j → %s", (text, expected) => {
    expect(isSpreadsheetPlaceholder(text)).toBe(expected);
  });
});

describe("isScientificNotation", () => {
  it.each<[text: string, expected: boolean]>([
    ["1.23457E+11", true],
    ["1,23457E+11", true],
    ["3.51912e+11", true],
    ["1E+11", true],
    [" 1.23457E+11 ", true],
    ["12E45678", false],
    ["12345678", false],
    ["1.5", false],
    ["X1234E+5", false],
  ])("%j → %s", (text, expected) => {
    expect(isScientificNotation(text)).toBe(expected);
  });
});

describe("hasLostLetter", () => {
  it.each<[name: string, expected: boolean]>([
    ["?ukasz Wójcik", true],
    ["Lech Wa??sa", true],
    ["Pawe? Nowak", true],
    ["Jos\uFFFD Silva", true],
    ["Joana D’Ávila Sequeira", false],
    ["Łucja Nowak-Hughes", false],
    ["Nguyễn Thị Mai", false],
    ["Aoife O’Brien", false],
    ["Who ? Knows", false],
    ["", false],
  ])("%j → %s", (name, expected) => {
    expect(hasLostLetter(name)).toBe(expected);
  });
});
