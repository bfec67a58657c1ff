/** Counts the way the whole console prints them (12,345): screens, messages and exported files. */
export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}
