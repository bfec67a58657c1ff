import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { OperatorRefused } from "@/components/operator-refused";
import { shortRunId } from "@/components/runs/format";
import { RunDetails } from "@/components/runs/run-details";
import { getDatabase } from "@/lib/db/shared-database";
import { requireOperator } from "@/lib/operator";
import { getRunProgress } from "@/lib/runs/run-summaries";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  return { title: `Run ${shortRunId(id)} · Humanos onboarding console` };
}

export default async function RunPage({ params }: Params) {
  // proxy.ts asked for credentials already; a page that reads runs checks them again.
  const operator = await requireOperator();
  if (!operator.ok) return <OperatorRefused message={operator.message} />;
  const { id } = await params;
  // Run ids are UUIDs: anything else is not a run (and must not reach a uuid column).
  if (!z.uuid().safeParse(id).success) notFound();
  const { db } = await getDatabase();
  // The progress GET /api/runs/[id] gives (rate and ETA included): the page does not read it again at once.
  const run = await getRunProgress(db, id);
  if (!run) notFound();
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        <Link href="/runs" className="text-blue-800 underline underline-offset-2 dark:text-blue-300">
          ← All runs
        </Link>
      </p>
      <RunDetails initial={run} />
    </div>
  );
}
