import { describe, expect, it } from "vitest";
import { NO_ROW_SLOTS, nextRowSlots, type RowSlots, slottedRows } from "./row-keys";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** Slots after rendering each list of indexes in turn, from nothing. */
function after(...renders: number[][]): RowSlots {
  return renders.reduce<RowSlots>((state, indexes) => nextRowSlots(state, indexes), NO_ROW_SLOTS);
}

describe("nextRowSlots", () => {
  it.each([
    { case: "a first render fills slots in row order", renders: [range(0, 4)], slots: [0, 1, 2, 3, 4] },
    {
      case: "a scroll by one row reuses the slot of the row that left",
      renders: [range(0, 4), range(1, 5)],
      slots: [5, 1, 2, 3, 4],
    },
    {
      case: "a scroll back by one row does the same the other way",
      renders: [range(1, 5), range(0, 4)],
      slots: [1, 2, 3, 4, 0],
    },
    {
      case: "a scroll by less than the rendered rows reuses the slots that left, lowest first",
      renders: [range(0, 5), range(3, 8)],
      slots: [6, 7, 8, 3, 4, 5],
    },
    {
      case: "a jump past every row refills the slots in row order",
      renders: [range(0, 4), range(5000, 5004)],
      slots: [5000, 5001, 5002, 5003, 5004],
    },
    {
      case: "more rows take new slots at the end",
      renders: [range(0, 2), range(1, 5)],
      slots: [3, 1, 2, 4, 5],
    },
    {
      case: "fewer rows leave slots empty, and the empty end is dropped",
      renders: [range(0, 4), range(1, 2)],
      slots: [-1, 1, 2],
    },
    {
      case: "an empty slot is filled before a new one is made",
      renders: [range(0, 4), range(1, 2), range(1, 5)],
      slots: [3, 1, 2, 4, 5],
    },
    {
      case: "the active row kept away from the others keeps its slot through a jump",
      renders: [
        [2, ...range(100, 103)],
        [2, ...range(900, 903)],
      ],
      slots: [2, 900, 901, 902, 903],
    },
    { case: "nothing to render, no slots", renders: [range(0, 4), []], slots: [] },
  ])("$case", ({ renders, slots }) => {
    expect(after(...renders).slots).toEqual(slots);
  });

  it("never creates, removes or moves an element while the number of rows stays, whatever the scroll", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    let state = nextRowSlots(NO_ROW_SLOTS, range(0, 17));
    for (let step = 0; step < 2000; step += 1) {
      const start = Math.floor(random() * 300);
      const indexes = range(start, start + 17);
      const next = nextRowSlots(state, indexes);
      // The same slots (React keys), in the same order: no element made, dropped or moved.
      expect(slottedRows(next).map((row) => row.slot)).toEqual(slottedRows(state).map((row) => row.slot));
      // Every row rendered once, and a row that stays keeps its element.
      expect(
        slottedRows(next)
          .map((row) => row.index)
          .sort((a, b) => a - b),
      ).toEqual(indexes);
      for (const { index, slot } of slottedRows(state))
        if (indexes.includes(index)) expect(next.slots[slot]).toBe(index);
      state = next;
    }
  });
});

describe("slottedRows", () => {
  it("lists the filled slots in slot order", () => {
    expect(slottedRows({ slots: [7, -1, 5] })).toEqual([
      { index: 7, slot: 0 },
      { index: 5, slot: 2 },
    ]);
  });
});
