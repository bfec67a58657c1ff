import { describe, expect, it } from "vitest";
import type { RowResult } from "@/lib/humanos/results";
import { NOT_SENT } from "@/lib/humanos/statuses";
import { chunkStateOf } from "./run-store";

const row = (overrides: Partial<RowResult>): RowResult => ({
  rowIndex: 0,
  contact: "a@example.com",
  status: 200,
  message: "",
  attempts: 1,
  ...overrides,
});

describe("chunkStateOf: which chunks a resume sends again", () => {
  it.each<[string, RowResult[], string]>([
    [
      "per-row answers, successes and failures alike, are settled",
      [row({}), row({ status: 409 })],
      "answered",
    ],
    ["a 400 item is an answer too", [row({ status: 400 })], "answered"],
    ["no usable answer: unknown, resent", [row({ status: NOT_SENT, notSentReason: "no-answer" })], "unknown"],
    [
      "refused whole (401…): nothing processed, resent",
      [row({ status: NOT_SENT, notSentReason: "rejected" })],
      "refused",
    ],
    ["never sent because cancelled", [row({ status: NOT_SENT, notSentReason: "cancelled" })], "cancelled"],
    ["an empty chunk has nothing left to send", [], "answered"],
  ])("%s", (_name, results, state) => {
    expect(chunkStateOf(results)).toBe(state);
  });
});
