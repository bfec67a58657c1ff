import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { OperatorRefused } from "@/components/operator-refused";
import { RunsList, RunsPager } from "@/components/runs/runs-list";
import { getDatabase } from "@/lib/db/shared-database";
import { requireOperator } from "@/lib/operator";
import { listRuns } from "@/lib/runs/run-summaries";

export const metadata: Metadata = { title: "Runs · Humanos onboarding console" };
// Runs change while the page is open elsewhere: always read them at request time.
export const dynamic = "force-dynamic";

const RUNS_PER_PAGE = 25;
const pageSchema = z.coerce.number().int().min(1).max(1_000_000).catch(1);

export default async function RunsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // proxy.ts asked for credentials already; a page that reads runs checks them again.
  const operator = await requireOperator();
  if (!operator.ok) return <OperatorRefused message={operator.message} />;
  const { page: pageParam } = await searchParams;
  const page = pageSchema.parse(Array.isArray(pageParam) ? pageParam[0] : (pageParam ?? 1));
  const { db } = await getDatabase();
  const { runs, total } = await listRuns(db, { offset: (page - 1) * RUNS_PER_PAGE, limit: RUNS_PER_PAGE });
  const pageCount = Math.max(1, Math.ceil(total / RUNS_PER_PAGE));

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold">Runs</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Every submission, newest first. A run goes on sending on the server when its tab is closed; open it
          to follow it, export its results, resume it or resend its failed rows.
        </p>
      </div>
      {total === 0 ? (
        <p>
          No runs yet.{" "}
          <Link href="/onboard" className="text-blue-800 underline underline-offset-2 dark:text-blue-300">
            Create subjects
          </Link>{" "}
          to start one.
        </p>
      ) : runs.length === 0 ? (
        <p>
          There is no page {page}: the history has {pageCount} page{pageCount === 1 ? "" : "s"}.{" "}
          <Link href="/runs" className="text-blue-800 underline underline-offset-2 dark:text-blue-300">
            Go to the newest runs
          </Link>
          .
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {total.toLocaleString("en-US")} run{total === 1 ? "" : "s"}
          </p>
          <RunsList runs={runs} />
          <RunsPager page={page} pageCount={pageCount} />
        </>
      )}
    </div>
  );
}
