import { describe, expect, it } from "vitest";
import { NO_ROW_KEYS, nextRowKeys, type RowKeys } from "./row-keys";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** How React reconciles keyed children: an element kept at an old position lower than one already placed moves. */
function movedElements(before: readonly string[], after: readonly string[]): number {
  const oldPosition = new Map(before.map((key, position) => [key, position]));
  let lastPlaced = -1;
  let moved = 0;
  for (const key of after) {
    const old = oldPosition.get(key);
    if (old === undefined) continue;
    if (old < lastPlaced) moved += 1;
    else lastPlaced = old;
  }
  return moved;
}

function created(before: RowKeys, after: RowKeys): number {
  const old = new Set(before.keys);
  return after.keys.filter((key) => !old.has(key)).length;
}

describe("nextRowKeys", () => {
  it("gives new keys on the first render", () => {
    const keys = nextRowKeys(NO_ROW_KEYS, range(0, 4));
    expect(keys.keys).toEqual(["r1", "r2", "r3", "r4", "r5"]);
    expect(keys.made).toBe(5);
  });

  it("keeps the keys of rows still rendered and makes one per row scrolled into view", () => {
    const first = nextRowKeys(NO_ROW_KEYS, range(0, 16));
    const second = nextRowKeys(first, range(1, 17));
    expect(second.keys.slice(0, 16)).toEqual(first.keys.slice(1));
    expect(created(first, second)).toBe(1);
    expect(movedElements(first.keys, second.keys)).toBe(0);
    const back = nextRowKeys(second, range(0, 16));
    expect(back.keys.slice(1)).toEqual(second.keys.slice(0, 16));
    expect(created(second, back)).toBe(1);
    expect(movedElements(second.keys, back.keys)).toBe(0);
  });

  it("reuses every element, in order, when a jump replaces every row", () => {
    const first = nextRowKeys(NO_ROW_KEYS, range(0, 16));
    const jumped = nextRowKeys(first, range(5000, 5016));
    expect(jumped.keys).toEqual(first.keys);
    expect(jumped.made).toBe(first.made);
  });

  it("keeps the active row's element when it stays rendered away from the others", () => {
    const first = nextRowKeys(NO_ROW_KEYS, [2, ...range(100, 116)]);
    const jumped = nextRowKeys(first, [2, ...range(900, 916)]);
    expect(jumped.keys).toEqual(first.keys);
    const scrolled = nextRowKeys(jumped, [2, ...range(901, 917)]);
    expect(scrolled.keys[0]).toBe(first.keys[0]);
    expect(created(jumped, scrolled)).toBe(1);
    expect(movedElements(jumped.keys, scrolled.keys)).toBe(0);
    // Scrolling past it: the active row now sits among the others and keeps its key.
    const around = nextRowKeys(scrolled, range(0, 16));
    expect(around.keys[2]).toBe(first.keys[0]);
    expect(movedElements(scrolled.keys, around.keys)).toBe(0);
  });

  it("never repeats a key and never moves an element, whatever the ranges", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    let keys = NO_ROW_KEYS;
    for (let step = 0; step < 2000; step += 1) {
      const start = Math.floor(random() * 300);
      const indexes = new Set(range(start, start + Math.floor(random() * 20)));
      if (random() < 0.5) indexes.add(Math.floor(random() * 320));
      const next = nextRowKeys(
        keys,
        [...indexes].sort((a, b) => a - b),
      );
      expect(new Set(next.keys).size).toBe(next.keys.length);
      expect(movedElements(keys.keys, next.keys)).toBe(0);
      for (const [position, index] of next.indexes.entries()) {
        const old = keys.indexes.indexOf(index);
        if (old >= 0) expect(next.keys[position]).toBe(keys.keys[old]);
      }
      keys = next;
    }
  });
});
