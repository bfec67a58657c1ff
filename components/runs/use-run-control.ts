"use client";

import { useCallback, useState } from "react";
import { cancelRunAction, resumeRunAction } from "@/app/runs/actions";

export type RunCommand = "cancel" | "resume";

/** Cancel and Resume: one command at a time, its refusal shown, the progress read again after it. */
export function useRunControl(runId: string, onDone: () => void) {
  const [pending, setPending] = useState<RunCommand | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (command: RunCommand) => {
      setPending(command);
      setError(null);
      try {
        const outcome =
          command === "cancel" ? await cancelRunAction({ runId }) : await resumeRunAction({ runId });
        if (!outcome.ok) setError(outcome.error.message);
      } catch {
        setError(
          `The console server did not answer; the run was not ${command === "cancel" ? "cancelled" : "resumed"}. Try again.`,
        );
      } finally {
        setPending(null);
        onDone();
      }
    },
    [runId, onDone],
  );

  return {
    pending,
    error,
    cancel: useCallback(() => run("cancel"), [run]),
    resume: useCallback(() => run("resume"), [run]),
  };
}
