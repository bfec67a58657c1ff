"use client";

import { useId } from "react";
import { countOf } from "@/lib/format-count";

/** Rows being stored on the server, before and while it sends them ("Saving rows 3,000 of 20,000…"). */
export function SubmissionProgress({ state }: { state: { saved: number; total: number } }) {
  const labelId = useId();
  return (
    <div className="flex flex-col gap-1" data-testid="saving-progress">
      <p className="sr-only" role="status">
        Saving {countOf(state.total, "row")} on the server; each is sent once it is saved.
      </p>
      <p id={labelId} className="text-sm">
        Saving rows {state.saved.toLocaleString("en-US")} of {state.total.toLocaleString("en-US")}…
      </p>
      <progress
        aria-labelledby={labelId}
        max={Math.max(state.total, 1)}
        value={state.saved}
        className="h-2 w-full accent-blue-700"
      />
    </div>
  );
}
