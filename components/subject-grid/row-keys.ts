/**
 * Which row element shows which row: the grid's rendered rows live in "slots" (one row element each,
 * React key = slot), and scrolling only ever changes what a slot shows, never which elements exist
 * or their order in the DOM.
 *
 * A row still rendered stays in its slot, so its element (and keyboard focus in it) is not touched.
 * A row coming into view takes a slot freed by a row that left (the lowest first), else a new slot
 * at the end. So a scroll never creates, removes or moves an element while as many rows stay
 * rendered (a created or moved element is styled, laid out and painted from scratch: that cost the
 * grid 9 new rows a frame when scrolling by less than a screen, bench/scroll-profile.mjs); the
 * element is updated in place instead.
 *
 * The price: after a scroll by less than the rendered rows, the slots' order is not the rows' order
 * (rows that left the top are reused at the bottom). Rows carry aria-rowindex, and the body lists its
 * rows in their order with aria-owns, so assistive technology still reads them in order (Chromium's
 * accessibility tree does: e2e/grid-scroll.spec.ts reads it over CDP after a part-way scroll).
 * Pure; `RowSlots` is the state kept between renders.
 */
export interface RowSlots {
  /** The row index each slot shows, or -1 for a slot left empty (fewer rows than slots). */
  slots: readonly number[];
}

export const NO_ROW_SLOTS: RowSlots = { slots: [] };

/** A rendered row: its index and the slot (element) that shows it. */
export interface SlottedRow {
  index: number;
  slot: number;
}

/** Slots for `indexes` (distinct) given the previous render's. */
export function nextRowSlots(previous: RowSlots, indexes: readonly number[]): RowSlots {
  const wanted = new Set(indexes);
  const slots = previous.slots.map((index) => (wanted.has(index) ? index : -1));
  const kept = new Set(slots);
  let free = 0;
  for (const index of [...indexes].sort((a, b) => a - b)) {
    if (kept.has(index)) continue;
    while (free < slots.length && slots[free] !== -1) free += 1;
    slots[free] = index;
  }
  while (slots.length > 0 && slots.at(-1) === -1) slots.pop();
  return { slots };
}

/** The rendered rows in slot order (the order their elements keep in the DOM). */
export function slottedRows(state: RowSlots): SlottedRow[] {
  const rows: SlottedRow[] = [];
  state.slots.forEach((index, slot) => {
    if (index !== -1) rows.push({ index, slot });
  });
  return rows;
}
