/** Counts the way the whole console prints them (12,345): screens, messages and exported files. */
export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}

/** A count with its noun, singular for exactly one: "1 row", "12,345 rows". */
export function countOf(value: number, noun: string): string {
  return `${formatCount(value)} ${noun}${value === 1 ? "" : "s"}`;
}
