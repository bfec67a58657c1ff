import { formatCount } from "@/lib/format-count";

/** Display helpers shared by the run screens (numbers the way the rest of the console prints them). */

export { formatCount };

/** The first block of a run's UUID: enough to tell runs apart on screen and in a source label. */
export function shortRunId(runId: string): string {
  return runId.slice(0, 8);
}

export function formatRate(rowsPerSecond: number): string {
  return `${formatCount(Math.round(rowsPerSecond))} rows/s`;
}

/** "45 s", "3 min 5 s", "2 h 10 min": coarse on purpose, an ETA is an estimate. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

/** Where a run's pages live: the detail page, its rows and its exports. */
export const runPaths = {
  detail: (runId: string) => `/runs/${encodeURIComponent(runId)}`,
  progress: (runId: string, waitMs = 0) =>
    `/api/runs/${encodeURIComponent(runId)}${waitMs > 0 ? `?waitMs=${waitMs}` : ""}`,
  rows: (runId: string, query: { filter: string; offset: number; limit: number }) =>
    `/api/runs/${encodeURIComponent(runId)}/rows?${new URLSearchParams({
      filter: query.filter,
      offset: String(query.offset),
      limit: String(query.limit),
    })}`,
  export: (runId: string, format: "csv" | "json", filter: string) =>
    `/api/runs/${encodeURIComponent(runId)}/export?${new URLSearchParams({ format, filter })}`,
  resend: (runId: string) => `/onboard?${new URLSearchParams({ resend: runId })}`,
};
