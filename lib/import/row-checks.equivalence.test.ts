/**
 * The row checks were made faster without changing what they say: this runs the live code and a
 * frozen copy of it from before that work (./__reference__) over many generated rows — every kind of
 * spreadsheet damage the other tests cover, the fixtures' cells, whitespace at both ends, repeats —
 * under many options and column profiles, and asks for identical verdicts, profiles, repeat maps (in
 * the same order) and grid summaries. ROW_CHECKS_SEEDS=200 runs a longer soak.
 */
import { describe, expect, it } from "vitest";
import * as reference from "./__reference__/batch-duplicates";
import * as referenceNormalise from "./__reference__/normalise-rows";
import * as referenceGrid from "./__reference__/validate-grid";
import { findBatchDuplicates, type RepeatState, refreshDuplicates, rowKeysOf } from "./batch-duplicates";
import { emptyGridCells, type GridCells } from "./grid-fields";
import { type ColumnProfile, ERROR_CODES, type ImportOptions, WARNING_CODES } from "./normalise-rows";
import {
  BIRTH_PROFILES,
  CHOICES,
  generatedRow,
  generator,
  options,
  pick,
  repeatingRows,
  TODAYS,
} from "./row-checks.test-support";
import { profileColumns, summariseVerdicts, validateGrid, verdictOfRow } from "./validate-grid";

const SEEDS = Number(process.env.ROW_CHECKS_SEEDS ?? 12);
/** The seeds whose rows must meet every code: the first few, whatever ROW_CHECKS_SEEDS says. */
const COVERAGE_SEEDS = 12;
/** These compare thousands of verdicts; a busy machine must not fail them on time. */
const SLOW = 60_000;

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
