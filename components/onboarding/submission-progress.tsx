"use client";

import type { SubmissionState } from "./use-submission";

export function SubmissionProgress({ state }: { state: Extract<SubmissionState, { phase: "sending" }> }) {
  return (
    <div className="flex flex-col gap-1" role="status">
      <label htmlFor="submission-progress" className="text-sm">
        Sending to Humanos: {state.done.toLocaleString("en-US")} of {state.total.toLocaleString("en-US")} rows
        answered…
      </label>
      <progress id="submission-progress" max={state.total} value={state.done} className="h-2 w-full" />
    </div>
  );
}
