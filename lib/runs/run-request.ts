/**
 * What the run routes (/api/runs/[id], rows, export) accept in their path and query, and how they
 * refuse: one place that checks the caller, the run id and the query before any route reads a run.
 */
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/database";
import { getDatabase } from "@/lib/db/shared-database";
import { requireOperator } from "@/lib/operator";
import { getRunRecord } from "./run-store";

/** Run ids are UUIDs; anything else is answered 404 without reaching the database's uuid column. */
export const runIdSchema = z.uuid();

/** "all", "failed", or one status key: a three-digit code or "not-sent". */
export const runFilterSchema = z
  .string()
  .regex(/^(all|failed|not-sent|[1-5]\d\d)$/, 'Use "all", "failed", "not-sent" or a status code such as 409');

export function runRouteError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

export type RunRequest<Query> =
  | { ok: true; db: Db; runId: string; query: Query }
  | { ok: false; response: Response };

/** Checks the operator (proxy.ts is no security boundary), the run id, the query and that the run exists. */
export async function readRunRequest<Schema extends z.ZodType<object>>(
  request: Request,
  params: Promise<{ id: string }>,
  querySchema: Schema,
): Promise<RunRequest<z.output<Schema>>> {
  const operator = await requireOperator();
  if (!operator.ok) return { ok: false, response: runRouteError(401, "unauthorized", operator.message) };
  const runId = runIdSchema.safeParse((await params).id);
  if (!runId.success) return { ok: false, response: runRouteError(404, "not-found", "No run has this id.") };
  const search = new URL(request.url).searchParams;
  const query = querySchema.safeParse(
    Object.fromEntries([...search.entries()].filter(([, value]) => value !== "")),
  );
  if (!query.success) {
    return { ok: false, response: runRouteError(400, "bad-request", z.prettifyError(query.error)) };
  }
  const { db } = await getDatabase();
  if (!(await getRunRecord(db, runId.data))) {
    return { ok: false, response: runRouteError(404, "not-found", "No run has this id.") };
  }
  return { ok: true, db, runId: runId.data, query: query.data };
}
