import { MAX_SUBJECTS_PER_REQUEST } from "./schemas";

export interface Chunk<T> {
  /** Position of the chunk's first item in the original list, so results can be put back in place. */
  start: number;
  items: T[];
}

/**
 * Splits a list into consecutive chunks of at most `size` items, keeping order. The API refuses a
 * body of more than 100 subjects as a whole, so a larger size is a programming error, not a choice.
 */
export function chunkRows<T>(items: readonly T[], size: number = MAX_SUBJECTS_PER_REQUEST): Chunk<T>[] {
  if (!Number.isInteger(size) || size < 1 || size > MAX_SUBJECTS_PER_REQUEST) {
    throw new RangeError(`Chunk size must be an integer from 1 to ${MAX_SUBJECTS_PER_REQUEST}, got ${size}`);
  }
  const chunks: Chunk<T>[] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push({ start, items: items.slice(start, start + size) });
  }
  return chunks;
}
