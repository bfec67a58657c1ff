import { describe, expect, it } from "vitest";
import { sqlOfMessage, statementKey } from "./query-profile";

/** A protocol message: type byte, int32 length (not read here), then the body. */
function message(type: string, ...parts: string[]): Uint8Array {
  const body = new TextEncoder().encode(parts.map((part) => `${part}\0`).join(""));
  return Uint8Array.from([type.charCodeAt(0), 0, 0, 0, body.length + 4, ...body]);
}

describe("sqlOfMessage", () => {
  it.each([
    ["Parse, unnamed statement", message("P", "", "SELECT $1::int", "\0\0"), "SELECT $1::int"],
    ["Parse, named statement", message("P", "s1", "UPDATE runs SET x = 1"), "UPDATE runs SET x = 1"],
    ["simple Query", message("Q", "BEGIN"), "BEGIN"],
    ["UTF-8 text", message("Q", "SELECT 'Zoë'"), "SELECT 'Zoë'"],
    ["Bind", message("B", "", ""), undefined],
    ["Sync", Uint8Array.from([0x53, 0, 0, 0, 4]), undefined],
  ])("%s", (_, bytes, expected) => {
    expect(sqlOfMessage(bytes)).toBe(expected);
  });
});

describe("statementKey", () => {
  it.each([
    ["  SELECT\n  1\n", "SELECT 1"],
    ["UPDATE\truns   SET x = 1", "UPDATE runs SET x = 1"],
    [`SELECT ${"x".repeat(200)}`, `SELECT ${"x".repeat(153)}`],
  ])("%j → %j", (sql, key) => {
    expect(statementKey(sql)).toBe(key);
  });
});
