"use client";

import type { RunProgress } from "@/lib/runs/run-types";
import { runPaths } from "./format";
import { RunHeader } from "./run-header";
import { RunView } from "./run-view";

/** The body of /runs/[id]: header (with the live state), progress, results, Edit failed rows. */
export function RunDetails({ initial }: { initial: RunProgress }) {
  return (
    <RunView
      runId={initial.id}
      initial={initial}
      header={(progress) => <RunHeader run={progress} />}
      editFailed={{ kind: "link", href: runPaths.resend(initial.id) }}
    />
  );
}
