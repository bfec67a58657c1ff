import { afterEach, describe, expect, it } from "vitest";
import {
  choiceOfToggle,
  type DateColumnProfile,
  type DateResult,
  normaliseDate,
  profileDateColumn,
  type SlashOrder,
  slashOrderFor,
  type TextDateChoice,
  type TextDateControl,
  textDateControl,
} from "./normalise-date";

describe("profileDateColumn", () => {
  it.each<[values: string[], expected: DateColumnProfile]>([
    [["04/11/1989", "17/02/1951", "26/10/1992"], "dmy"],
    [["6/30/1997", "2/3/1946", "10/1/1990"], "mdy"],
    [["16.10.1985", "01.02.1990"], "dmy"],
    [["16-10-1985"], "dmy"],
    // No number above 12: the order cannot be known.
    [["01/02/1990", "03/04/1991", "12/12/1980"], "ambiguous-slash"],
    // 13/13 is invalid, not evidence; evidence both ways is a contradiction.
    [["13/13/1990", "01/02/1990"], "ambiguous-slash"],
    [["13/01/1990", "01/13/1990"], "ambiguous-slash"],
    // ISO values do not vote; a serial or a placeholder is not text in any order.
    [["1985-10-16", "25/12/1990"], "dmy"],
    [["1985-10-16", "2000-01-01"], "iso"],
    [["", "32874", "####"], "none"],
    [[], "none"],
    [[" 4/13/1994 ", "\u00a01/1/2001"], "mdy"],
  ])("%j → %s", (values, expected) => {
    expect(profileDateColumn(values)).toBe(expected);
  });
});

describe("normaliseDate", () => {
  it.each<[raw: string, profile: DateColumnProfile, expected: DateResult]>([
    // ISO is kept (an XLSX date cell arrives like this), midnight time tolerated.
    ["1985-10-16", "iso", { ok: true, iso: "1985-10-16" }],
    [" 1969-12-31 ", "dmy", { ok: true, iso: "1969-12-31" }],
    ["1970-01-01T00:00:00.000Z", "none", { ok: true, iso: "1970-01-01" }],
    ["1988-02-29", "iso", { ok: true, iso: "1988-02-29" }],
    ["1989-02-29", "iso", { ok: false, code: "birth_invalid", reason: "no-such-day" }],
    ["1985-13-01", "iso", { ok: false, code: "birth_invalid", reason: "no-such-day" }],
    ["1985-10-16T13:45:00Z", "iso", { ok: false, code: "birth_invalid", reason: "not-a-date" }],
    // Text dates follow the column.
    ["04/11/1989", "dmy", { ok: true, iso: "1989-11-04", warning: "date_dmy_text" }],
    ["04/11/1989", "mdy", { ok: true, iso: "1989-04-11", warning: "date_mdy_text" }],
    ["6/30/1997", "mdy", { ok: true, iso: "1997-06-30", warning: "date_mdy_text" }],
    ["16.10.1985", "dmy", { ok: true, iso: "1985-10-16", warning: "date_dmy_text" }],
    ["16/10/1985 00:00:00", "dmy", { ok: true, iso: "1985-10-16", warning: "date_dmy_text" }],
    ["29/02/1988", "dmy", { ok: true, iso: "1988-02-29", warning: "date_dmy_text" }],
    ["2/29/1988", "mdy", { ok: true, iso: "1988-02-29", warning: "date_mdy_text" }],
    ["29/02/2000", "dmy", { ok: true, iso: "2000-02-29", warning: "date_dmy_text" }],
    ["29/02/1989", "dmy", { ok: false, code: "birth_invalid", reason: "no-such-day" }],
    ["29/02/1900", "dmy", { ok: false, code: "birth_invalid", reason: "no-such-day" }],
    ["31/04/1990", "dmy", { ok: false, code: "birth_invalid", reason: "no-such-day" }],
    // A month-first value in a day-first column is no date in that order.
    ["6/30/1997", "dmy", { ok: false, code: "birth_invalid", reason: "no-such-day" }],
    ["04/11/1989", "ambiguous-slash", { ok: false, code: "birth_invalid", reason: "ambiguous-order" }],
    // Without a column decision, only the value itself can decide.
    ["13/01/1990", "none", { ok: true, iso: "1990-01-13", warning: "date_dmy_text" }],
    ["04/11/1989", "iso", { ok: false, code: "birth_invalid", reason: "ambiguous-order" }],
    ["6/30/97", "mdy", { ok: false, code: "birth_invalid", reason: "two-digit-year" }],
    // Serial numbers count from 1899-12-30.
    ["32874", "none", { ok: true, iso: "1990-01-01", warning: "date_serial_number" }],
    ["31336", "dmy", { ok: true, iso: "1985-10-16", warning: "date_serial_number" }],
    ["25569", "none", { ok: true, iso: "1970-01-01", warning: "date_serial_number" }],
    ["25568", "none", { ok: true, iso: "1969-12-31", warning: "date_serial_number" }],
    ["11382", "none", { ok: true, iso: "1931-02-28", warning: "date_serial_number" }],
    ["32202", "none", { ok: true, iso: "1988-02-29", warning: "date_serial_number" }],
    ["36526.0", "none", { ok: true, iso: "2000-01-01", warning: "date_serial_number" }],
    ["1990", "none", { ok: false, code: "birth_invalid", reason: "year-only" }],
    // What a spreadsheet shows instead of a value.
    ["####", "dmy", { ok: false, code: "birth_unreadable", reason: "spreadsheet-placeholder" }],
    ["#", "dmy", { ok: false, code: "birth_unreadable", reason: "spreadsheet-placeholder" }],
    ["#FMT", "dmy", { ok: false, code: "birth_unreadable", reason: "spreadsheet-placeholder" }],
    ["Err:502", "dmy", { ok: false, code: "birth_unreadable", reason: "spreadsheet-placeholder" }],
    ["#VALUE!", "dmy", { ok: false, code: "birth_unreadable", reason: "spreadsheet-placeholder" }],
    ["#N/A", "dmy", { ok: false, code: "birth_unreadable", reason: "spreadsheet-placeholder" }],
    ["#NAME?", "dmy", { ok: false, code: "birth_unreadable", reason: "spreadsheet-placeholder" }],
    ["16 Oct 1985", "dmy", { ok: false, code: "birth_invalid", reason: "not-a-date" }],
    ["", "none", { ok: false, code: "birth_invalid", reason: "not-a-date" }],
  ])("%j in a %s column", (raw, profile, expected) => {
    expect(normaliseDate(raw, profile)).toEqual(expected);
  });

  describe("does not depend on the time zone", () => {
    const original = process.env.TZ;
    afterEach(() => {
      process.env.TZ = original;
    });

    it.each(["Pacific/Kiritimati", "America/Los_Angeles", "Europe/Lisbon"])("%s", (zone) => {
      process.env.TZ = zone;
      expect(normaliseDate("25568", "none")).toEqual({
        ok: true,
        iso: "1969-12-31",
        warning: "date_serial_number",
      });
      expect(normaliseDate("1970-01-01", "iso")).toEqual({ ok: true, iso: "1970-01-01" });
    });
  });
});

describe("slashOrderFor: the column's profile and the operator's choice", () => {
  it.each<[profile: DateColumnProfile, choice: TextDateChoice, expected: SlashOrder]>([
    // By default a column that proves its order is read in it; otherwise each value decides alone.
    ["dmy", "detected", "dmy"],
    ["mdy", "detected", "mdy"],
    ["ambiguous-slash", "detected", "per-value"],
    ["iso", "detected", "per-value"],
    ["none", "detected", "per-value"],
    // Turned off: nothing is converted, whatever the column proves.
    ["dmy", "refuse", "refuse"],
    ["mdy", "refuse", "refuse"],
    ["ambiguous-slash", "refuse", "refuse"],
    // An explicit order is taken where the column proves none, and cannot contradict a proof.
    ["ambiguous-slash", "dmy", "dmy"],
    ["ambiguous-slash", "mdy", "mdy"],
    ["none", "mdy", "mdy"],
    ["dmy", "mdy", "dmy"],
    ["mdy", "dmy", "mdy"],
  ])("%s column, choice %s → %s", (profile, choice, expected) => {
    expect(slashOrderFor(profile, choice)).toBe(expected);
  });
});

describe("normaliseDate with the operator's choice", () => {
  const dmy = (iso: string): DateResult => ({ ok: true, iso, warning: "date_dmy_text" });
  const mdy = (iso: string): DateResult => ({ ok: true, iso, warning: "date_mdy_text" });
  const refused = (reason: "dmy-not-converted" | "mdy-not-converted" | "ambiguous-order"): DateResult => ({
    ok: false,
    code: "birth_invalid",
    reason,
  });
  it.each<[raw: string, profile: DateColumnProfile, choice: TextDateChoice, expected: DateResult]>([
    // On (the default) in a proven column: converted, with the usual warning.
    ["28/02/1990", "dmy", "detected", dmy("1990-02-28")],
    ["05/06/1990", "dmy", "detected", dmy("1990-06-05")],
    ["2/28/1990", "mdy", "detected", mdy("1990-02-28")],
    // Off: an error that says how the value is written; ISO, serials and placeholders are untouched.
    ["28/02/1990", "dmy", "refuse", refused("dmy-not-converted")],
    ["05/06/1990", "dmy", "refuse", refused("dmy-not-converted")],
    ["2/28/1990", "mdy", "refuse", refused("mdy-not-converted")],
    ["05/06/1990", "ambiguous-slash", "refuse", refused("ambiguous-order")],
    ["13/06/1990", "ambiguous-slash", "refuse", refused("dmy-not-converted")],
    ["1990-02-28", "dmy", "refuse", { ok: true, iso: "1990-02-28" }],
    ["32874", "dmy", "refuse", { ok: true, iso: "1990-01-01", warning: "date_serial_number" }],
    ["28/02/90", "dmy", "refuse", { ok: false, code: "birth_invalid", reason: "two-digit-year" }],
    // Ambiguous column: an error until the operator picks an order, then converted in that order.
    ["05/06/1990", "ambiguous-slash", "detected", refused("ambiguous-order")],
    [
      "05/06/1990",
      "ambiguous-slash",
      "dmy",
      { ok: true, iso: "1990-06-05", warning: "date_dmy_text", chosen: true },
    ],
    [
      "05/06/1990",
      "ambiguous-slash",
      "mdy",
      { ok: true, iso: "1990-05-06", warning: "date_mdy_text", chosen: true },
    ],
    // The chosen order applies to every value: one that is no date in it is an error, not re-read.
    ["05/13/1990", "ambiguous-slash", "dmy", { ok: false, code: "birth_invalid", reason: "no-such-day" }],
    // A proven column ignores a contrary choice (made while it was ambiguous), and says so by the warning.
    ["28/02/1990", "dmy", "mdy", dmy("1990-02-28")],
    ["05/06/1990", "dmy", "dmy", dmy("1990-06-05")],
  ])("%j in a %s column, choice %s", (raw, profile, choice, expected) => {
    expect(normaliseDate(raw, profile, choice)).toEqual(expected);
  });
});

describe("textDateControl", () => {
  it.each<[profile: DateColumnProfile, choice: TextDateChoice, expected: TextDateControl]>([
    ["dmy", "detected", { kind: "toggle", order: "dmy", on: true }],
    ["dmy", "refuse", { kind: "toggle", order: "dmy", on: false }],
    ["mdy", "detected", { kind: "toggle", order: "mdy", on: true }],
    ["mdy", "mdy", { kind: "toggle", order: "mdy", on: true }],
    ["ambiguous-slash", "detected", { kind: "choose", value: "detected" }],
    ["ambiguous-slash", "dmy", { kind: "choose", value: "dmy" }],
    ["ambiguous-slash", "refuse", { kind: "choose", value: "refuse" }],
    ["iso", "refuse", { kind: "none" }],
    ["none", "detected", { kind: "none" }],
  ])("%s column, choice %s", (profile, choice, expected) => {
    expect(textDateControl(profile, choice)).toEqual(expected);
  });

  it("a switch turned on follows the column; turned off refuses", () => {
    expect(choiceOfToggle(true)).toBe("detected");
    expect(choiceOfToggle(false)).toBe("refuse");
    expect(slashOrderFor("dmy", choiceOfToggle(false))).toBe("refuse");
  });
});
