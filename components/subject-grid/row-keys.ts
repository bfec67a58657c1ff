/**
 * React keys for the grid's rendered rows, chosen so that scrolling reuses row elements instead of
 * creating new ones, without ever moving one (a moved element is restyled and laid out from scratch).
 *
 * A row still rendered keeps its key, so it is not touched. A row coming into view takes the key of a
 * row that left from the same stretch between two staying rows, in order; that keeps the DOM order the
 * rows' order (what assistive technology reads) and React updates the element in place. A jump of
 * many rows (every row leaves) reuses every element; a scroll of one row replaces one.
 * Pure; `RowKeys` is the state kept between renders.
 */
export interface RowKeys {
  /** The rendered rows' indexes, ascending. */
  indexes: readonly number[];
  /** Their keys, in the same order. */
  keys: readonly string[];
  /** How many keys were ever made (the next new key's number). */
  made: number;
}

export const NO_ROW_KEYS: RowKeys = { indexes: [], keys: [], made: 0 };

/** Keys for `indexes` (ascending, distinct) given the previous render's. */
export function nextRowKeys(previous: RowKeys, indexes: readonly number[]): RowKeys {
  const oldPosition = new Map<number, number>();
  previous.indexes.forEach((index, position) => {
    oldPosition.set(index, position);
  });
  // For each new row, the old position of the next row that stays (or the end): rows that left
  // between the last staying row and that one may give their keys to the new rows in between.
  const bound = new Array<number>(indexes.length);
  let nextStaying = previous.indexes.length;
  for (let position = indexes.length - 1; position >= 0; position -= 1) {
    const old = oldPosition.get(indexes[position] as number);
    if (old !== undefined) nextStaying = old;
    bound[position] = nextStaying;
  }
  let made = previous.made;
  let reusable = 0; // the first old position whose key may still be reused
  const keys = indexes.map((index, position) => {
    const old = oldPosition.get(index);
    if (old !== undefined) {
      reusable = old + 1;
      return previous.keys[old] as string;
    }
    if (reusable < (bound[position] as number)) {
      reusable += 1;
      return previous.keys[reusable - 1] as string;
    }
    made += 1;
    return `r${made}`;
  });
  return { indexes, keys, made };
}
