import {
  Ban,
  CircleCheck,
  CircleMinus,
  CircleX,
  Copy,
  Globe,
  IdCard,
  type LucideIcon,
  TriangleAlert,
  UserX,
} from "lucide-react";
import { cn } from "@/lib/cn";
import { describeStatus, type RowStatus, type StatusTone } from "@/lib/humanos/statuses";

/** Colour plus icon per tone; the code and label are always printed beside them as text. */
export const TONE_STYLES: Record<StatusTone, { badge: string; row: string; icon: LucideIcon }> = {
  success: {
    badge:
      "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100",
    row: "bg-emerald-50/60 dark:bg-emerald-950/40",
    icon: CircleCheck,
  },
  unchanged: {
    badge: "border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100",
    row: "bg-sky-50/60 dark:bg-sky-950/40",
    icon: CircleMinus,
  },
  invalid: {
    badge: "border-red-300 bg-red-50 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100",
    row: "bg-red-50/70 dark:bg-red-950/40",
    icon: CircleX,
  },
  country: {
    badge:
      "border-orange-300 bg-orange-50 text-orange-900 dark:border-orange-700 dark:bg-orange-950 dark:text-orange-100",
    row: "bg-orange-50/70 dark:bg-orange-950/40",
    icon: Globe,
  },
  repeated: {
    badge:
      "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100",
    row: "bg-amber-50/70 dark:bg-amber-950/40",
    icon: Copy,
  },
  conflict: {
    badge:
      "border-purple-300 bg-purple-50 text-purple-900 dark:border-purple-700 dark:bg-purple-950 dark:text-purple-100",
    row: "bg-purple-50/70 dark:bg-purple-950/40",
    icon: UserX,
  },
  "identity-exists": {
    badge:
      "border-fuchsia-300 bg-fuchsia-50 text-fuchsia-900 dark:border-fuchsia-700 dark:bg-fuchsia-950 dark:text-fuchsia-100",
    row: "bg-fuchsia-50/70 dark:bg-fuchsia-950/40",
    icon: IdCard,
  },
  unexpected: {
    badge: "border-red-400 bg-red-100 text-red-950 dark:border-red-600 dark:bg-red-950 dark:text-red-100",
    row: "bg-red-100/70 dark:bg-red-950/50",
    icon: TriangleAlert,
  },
  muted: {
    badge:
      "border-slate-300 bg-slate-100 text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100",
    row: "bg-slate-100/70 dark:bg-slate-800/50",
    icon: Ban,
  },
};

export function StatusBadge({ status, className }: { status: RowStatus; className?: string }) {
  const info = describeStatus(status);
  const style = TONE_STYLES[info.tone];
  const Icon = style.icon;
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium",
        style.badge,
        className,
      )}
      title={info.meaning}
    >
      <Icon aria-hidden="true" className="size-3.5 shrink-0" />
      <span className="tabular-nums">{info.key === "not-sent" ? "—" : info.key}</span>
      <span>{info.label}</span>
    </span>
  );
}
