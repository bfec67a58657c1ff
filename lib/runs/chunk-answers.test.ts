import { describe, expect, it } from "vitest";
import type { ChunkAnswer } from "@/lib/db/schema";
import type { RowResult } from "@/lib/humanos/results";
import { NOT_SENT } from "@/lib/humanos/statuses";
import { chunkAnswersOf, statusCountsOf } from "./chunk-answers";

const row = (overrides: Partial<RowResult>): RowResult => ({
  rowIndex: 0,
  contact: "a@example.com",
  status: 200,
  message: "Created",
  attempts: 1,
  ...overrides,
});

const answer = (overrides: Partial<ChunkAnswer>): ChunkAnswer => ({
  row_index: 0,
  status: "200",
  not_sent_reason: null,
  message: "Created",
  did: null,
  ...overrides,
});

describe("chunkAnswersOf: a chunk's results as the one value stored on the chunk", () => {
  it.each<[string, RowResult[], ChunkAnswer[]]>([
    ["no results, no answers", [], []],
    [
      "an answer keeps its row, status as a key, message and DID",
      [row({ rowIndex: 7, status: 409, message: "Taken", did: "did:x" })],
      [answer({ row_index: 7, status: "409", message: "Taken", did: "did:x" })],
    ],
    [
      "a row not sent keeps why, and has no DID",
      [row({ rowIndex: 3, status: NOT_SENT, notSentReason: "no-answer", message: "No answer" })],
      [answer({ row_index: 3, status: NOT_SENT, not_sent_reason: "no-answer", message: "No answer" })],
    ],
    [
      "rows stay in the order they came",
      [row({ rowIndex: 101 }), row({ rowIndex: 100 })],
      [answer({ row_index: 101 }), answer({ row_index: 100 })],
    ],
  ])("%s", (_name, results, expected) => {
    expect(chunkAnswersOf(results)).toStrictEqual(expected);
  });
});

describe("statusCountsOf: the chunk's counters, per status key", () => {
  it.each<[string, ChunkAnswer[], Record<string, number>]>([
    ["nothing to count", [], {}],
    ["one status", [answer({}), answer({ row_index: 1 })], { "200": 2 }],
    [
      "several statuses, not sent included",
      [answer({}), answer({ status: "409" }), answer({ status: NOT_SENT }), answer({ status: "409" })],
      { "200": 1, "409": 2, [NOT_SENT]: 1 },
    ],
  ])("%s", (_name, answers, expected) => {
    expect(statusCountsOf(answers)).toStrictEqual(expected);
  });
});
