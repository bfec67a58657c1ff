import { connection } from "next/server";
import { describeApiTarget, getServerConfig } from "@/lib/env";

/** Server component: tells the operator which API they are talking to (never any secret). */
export async function ApiTargetBadge() {
  // Read at request time, not baked in at build time: the target is the running server's configuration.
  await connection();
  const target = describeApiTarget(getServerConfig().target);
  const isSandbox = target.kind === "sandbox";
  return (
    <p
      data-testid="api-target"
      className={
        isSandbox
          ? "rounded-full border border-amber-300 bg-amber-50 px-3 py-1 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          : "rounded-full border border-emerald-300 bg-emerald-50 px-3 py-1 text-sm text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100"
      }
    >
      <span className="font-medium">API:</span> {target.label} · {target.version}
      {isSandbox ? <span className="sr-only"> — test data only, nothing reaches Humanos</span> : null}
    </p>
  );
}
