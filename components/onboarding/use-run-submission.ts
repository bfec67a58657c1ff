"use client";

import { useCallback, useState } from "react";
import { appendRunRowsAction, createRunAction, startRunAction } from "@/app/runs/actions";

/** One row of a submission as the operator gave it: its position in the input and its subject. */
export interface RunInputRow {
  rowIndex: number;
  /** The subject as the grid or form built it; the server validates it (invalid rows are kept as "not sent"). */
  subject: unknown;
  /**
   * Why the grid holds this row back (the operator ticked "Send only the valid rows"): it is to be
   * recorded as "not sent, invalid" with this reason, never sent.
   */
  heldBack?: string;
}

/** Where a submission came from, as the history shows it. */
export interface RunOrigin {
  source: string;
  parentRunId?: string;
}

export type RunSubmissionState =
  | { phase: "idle" }
  /** Rows are being stored on the server; nothing has been sent yet. */
  | { phase: "saving"; saved: number; total: number }
  /** The server is sending the run; it goes on if the tab closes. */
  | { phase: "started"; runId: string }
  /** `runId`: set when the run may exist in some state (the history shows it). */
  | { phase: "failed"; message: string; runId?: string };

/** Rows per appendRunRowsAction call (the action's own limit). */
export const ROWS_PER_APPEND = 1000;

const NOTHING_SENT = "Nothing was sent to Humanos; press Create subjects to try again.";

/**
 * "Create subjects": creates a draft run, stores every row in it (1,000 per call, with progress),
 * then starts it. From then on the server sends the rows; the screen only watches the run.
 */
export function useRunSubmission() {
  const [state, setState] = useState<RunSubmissionState>({ phase: "idle" });

  const submit = useCallback(async (rows: readonly RunInputRow[], origin: RunOrigin) => {
    const total = rows.length;
    setState({ phase: "saving", saved: 0, total });
    let runId: string | undefined;
    let isStarting = false;
    try {
      const created = await createRunAction({
        source: origin.source,
        ...(origin.parentRunId ? { parentRunId: origin.parentRunId } : {}),
        totalRows: total,
      });
      if (!created.ok) {
        setState({
          phase: "failed",
          message: `The run could not be created: ${created.error.message} ${NOTHING_SENT}`,
        });
        return;
      }
      runId = created.runId;
      for (let start = 0; start < total; start += ROWS_PER_APPEND) {
        const slice = rows.slice(start, start + ROWS_PER_APPEND);
        const appended = await appendRunRowsAction({ runId, rows: slice });
        if (!appended.ok) {
          setState({
            phase: "failed",
            message: `Saving rows ${(start + 1).toLocaleString("en-US")}–${(start + slice.length).toLocaleString("en-US")} failed: ${appended.error.message} ${NOTHING_SENT}`,
          });
          return;
        }
        setState({ phase: "saving", saved: start + slice.length, total });
      }
      isStarting = true;
      const started = await startRunAction({ runId });
      if (!started.ok) {
        setState({
          phase: "failed",
          message: `The run could not be started: ${started.error.message} ${NOTHING_SENT}`,
        });
        return;
      }
      setState({ phase: "started", runId });
    } catch {
      setState(
        isStarting
          ? {
              phase: "failed",
              runId,
              message:
                "The console server did not answer when the run was started: it may be sending. Open the run to see, before sending these rows again.",
            }
          : {
              phase: "failed",
              message: `The console server did not answer while the rows were being saved. ${NOTHING_SENT}`,
            },
      );
    }
  }, []);

  return { state, submit };
}
