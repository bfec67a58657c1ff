import {
  Ban,
  CircleAlert,
  CircleCheck,
  FilePen,
  Hourglass,
  type LucideIcon,
  Send,
  TriangleAlert,
} from "lucide-react";
import { cn } from "@/lib/cn";
import type { RunSummary } from "@/lib/runs/run-types";
import { type ShownRunState, shownRunState } from "./not-received-text";

interface RunStateInfo {
  /** One or two words, for lists. */
  label: string;
  /** The whole sentence the progress panel shows: what is happening and what the operator can do. */
  description: string;
  icon: LucideIcon;
  className: string;
}

export const RUN_STATE_INFO: Record<ShownRunState, RunStateInfo> = {
  draft: {
    label: "Not started",
    description: "Not started — its rows are still being uploaded; nothing has been sent yet",
    icon: FilePen,
    className:
      "border-slate-300 bg-slate-100 text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100",
  },
  "draft-upload-stopped": {
    label: "Not started",
    description: "Not started — its rows were still being saved when the upload stopped; nothing was sent",
    icon: FilePen,
    className:
      "border-slate-300 bg-slate-100 text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100",
  },
  running: {
    label: "Sending",
    description: "Sending",
    icon: Send,
    className:
      "border-blue-300 bg-blue-50 text-blue-900 dark:border-blue-700 dark:bg-blue-950 dark:text-blue-100",
  },
  cancelling: {
    label: "Cancelling",
    description: "Cancelling — waiting for requests in flight",
    icon: Hourglass,
    className:
      "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100",
  },
  cancelled: {
    label: "Cancelled",
    description: "Cancelled",
    icon: Ban,
    className:
      "border-slate-300 bg-slate-100 text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100",
  },
  completed: {
    label: "Completed",
    description: "Completed",
    icon: CircleCheck,
    className:
      "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100",
  },
  "completed-upload-cut-short": {
    label: "Completed — upload cut short",
    description:
      "Completed — upload cut short: the rows that reached the server were sent, the others were not",
    icon: CircleAlert,
    className:
      "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100",
  },
  interrupted: {
    label: "Interrupted",
    description: "Interrupted — the server stopped; Resume sends the rest",
    icon: TriangleAlert,
    className: "border-red-300 bg-red-50 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100",
  },
};

/** What a run's state badge is told: its state and the rows that never reached the server. */
export type RunStateOf = Pick<RunSummary, "state" | "rowsNotReceived" | "uploadComplete">;

/** The run's state as icon plus text (never colour alone): see shownRunState. */
export function RunStateBadge({
  run,
  long = false,
  className,
}: {
  run: RunStateOf;
  long?: boolean;
  className?: string;
}) {
  const shown = shownRunState(run);
  const info = RUN_STATE_INFO[shown];
  const Icon = info.icon;
  return (
    <span
      data-run-state={run.state}
      data-shown-state={shown}
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium",
        info.className,
        className,
      )}
    >
      <Icon aria-hidden="true" className="size-3.5 shrink-0" />
      <span>{long ? info.description : info.label}</span>
    </span>
  );
}
