import { describe, expect, it } from "vitest";
import { answersQuery, type LoadedPage, type RowsQuery } from "./use-run-rows";

const query: RowsQuery = {
  filter: "all",
  offset: 0,
  limit: 500,
  version: "live|1",
  live: true,
  settled: false,
};

function loaded(final: boolean, overrides: Partial<RowsQuery> = {}): LoadedPage {
  return {
    query: { ...query, ...overrides },
    page: { rows: [], total: 0, offset: 0, limit: 500, final },
  };
}

describe("answersQuery", () => {
  it.each<[string, LoadedPage | null, RowsQuery, boolean]>([
    ["nothing loaded yet", null, query, false],
    ["read for this very query", loaded(false), query, true],
    [
      "a newer version of a page that may still change",
      loaded(false),
      { ...query, version: "live|2" },
      false,
    ],
    ["a newer version of a final page, run still live", loaded(true), { ...query, version: "live|2" }, true],
    [
      "a final page once the run stopped with rows left to resume",
      loaded(true),
      { ...query, version: "9000|cancelled", live: false },
      false,
    ],
    [
      "a final page once the run settled (nothing left to resume)",
      loaded(true),
      { ...query, version: "10000|completed", live: false, settled: true },
      true,
    ],
    [
      "a page that may still change, once the run settled",
      loaded(false),
      { ...query, version: "10000|completed", live: false, settled: true },
      false,
    ],
    [
      "a final page of a settled run, another offset",
      loaded(true),
      { ...query, offset: 500, version: "10000|completed", live: false, settled: true },
      false,
    ],
    [
      "a page read while stopped, the run still settled",
      loaded(true, { version: "10000|completed", live: false, settled: true }),
      { ...query, version: "10000|completed", live: false, settled: true },
      true,
    ],
    ["a final page, another filter", loaded(true), { ...query, filter: "409", version: "live|2" }, false],
    ["a final page, another offset", loaded(true), { ...query, offset: 500, version: "live|2" }, false],
    ["a final page, another page size", loaded(true), { ...query, limit: 100, version: "live|2" }, false],
    [
      "a page read while stopped, now live again",
      loaded(true, { version: "9000|cancelled", live: false }),
      { ...query, version: "live|3" },
      false,
    ],
  ])("%s → %s", (_, page, wanted, expected) => {
    expect(answersQuery(page, wanted)).toBe(expected);
  });
});
