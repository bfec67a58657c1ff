"use client";

import { useCallback, useState } from "react";
import { appendRunRowsAction, createRunAction } from "@/app/runs/actions";
import { describeRowsTooBig, encodedBytesBound, rowsTooBigToUpload, uploadSlices } from "./upload-slices";

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
  /** The first rows are being stored on the server; nothing has been sent yet. */
  | { phase: "saving"; saved: number; total: number }
  /**
   * The server is sending the run (it goes on if the tab closes) while the rest of the rows are
   * stored (`saved` of `total`). `uploadProblem`: the upload stopped; the run holds the rows saved.
   */
  | { phase: "started"; runId: string; saved: number; total: number; uploadProblem?: string }
  /** `runId`: set when the run may exist in some state (the history shows it). */
  | { phase: "failed"; message: string; runId?: string };

const NOTHING_SENT = "Nothing was sent to Humanos; press Create subjects to try again.";

/**
 * "Create subjects": creates a draft run, stores its first 100 rows and starts it (one call), and
 * stores the rest, 1,000 at a time, while the server already sends the first ones (a row is only
 * ever sent once it is stored).
 * From then on the server sends the rows; the screen only watches the run.
 */
export function useRunSubmission() {
  const [state, setState] = useState<RunSubmissionState>({ phase: "idle" });

  const submit = useCallback(async (rows: readonly RunInputRow[], origin: RunOrigin) => {
    const total = rows.length;
    setState({ phase: "saving", saved: 0, total });
    let runId: string | undefined;
    let started = false;
    let saved = 0;
    const rowsLabel = (from: number, count: number) =>
      `${(from + 1).toLocaleString("en-US")}–${(from + count).toLocaleString("en-US")}`;
    /** After the run started, an upload that stops leaves a run of the rows saved so far. */
    const stopUpload = async (id: string, problem: string) => {
      // Tell the server no more rows will come, so it finishes with what it has (best effort: if
      // this fails too, it does so by itself after a minute without rows).
      await appendRunRowsAction({ runId: id, rows: [], last: true }).catch(() => undefined);
      setState({
        phase: "started",
        runId: id,
        saved,
        total,
        uploadProblem: `${problem} The run holds rows 1–${saved.toLocaleString("en-US")} and sends them; send the others again from the grid.`,
      });
    };
    const rowBytes = rows.map(encodedBytesBound);
    const tooBig = rowsTooBigToUpload(rows, rowBytes);
    if (tooBig.length > 0) {
      setState({
        phase: "failed",
        message: `${describeRowsTooBig(tooBig.map((position) => (rows[position]?.rowIndex ?? position) + 1))} ${NOTHING_SENT}`,
      });
      return;
    }
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
      const id = created.runId;
      runId = id;
      for (const [start, end] of uploadSlices(rowBytes)) {
        const slice = rows.slice(start, end);
        const last = end >= total;
        // The first slice's call also starts the run, once its rows are stored.
        const appended = await appendRunRowsAction({ runId: id, rows: slice, last, start: !started });
        if (!appended.ok) {
          const problem = `Saving rows ${rowsLabel(start, slice.length)} failed: ${appended.error.message}`;
          if (started) await stopUpload(id, problem);
          else setState({ phase: "failed", message: `${problem} ${NOTHING_SENT}` });
          return;
        }
        saved += slice.length;
        started = true;
        setState({ phase: "started", runId: id, saved, total });
      }
    } catch {
      if (started && runId) {
        await stopUpload(runId, "The console server did not answer while the rows were being saved.");
      } else {
        setState({
          phase: "failed",
          runId,
          message: runId
            ? "The console server did not answer when the run was started: it may be sending. Open the run to see, before sending these rows again."
            : `The console server did not answer. ${NOTHING_SENT}`,
        });
      }
    }
  }, []);

  return { state, submit };
}
