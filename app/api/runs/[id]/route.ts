/**
 * GET /api/runs/<id>[?waitMs=500]: the run's live progress. With waitMs, answers when the run ends
 * or after that long, whichever is first: the browser asks again at once, so it sees progress on a
 * steady beat and the end of the run without delay.
 */
import { z } from "zod";
import { waitForRunEnd } from "@/lib/runs/engine";
import { readRunRequest } from "@/lib/runs/run-request";
import { getRunProgress } from "@/lib/runs/run-summaries";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const querySchema = z.object({ waitMs: z.coerce.number().int().min(0).max(5000).default(0) });

export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const parsed = await readRunRequest(request, params, querySchema);
  if (!parsed.ok) return parsed.response;
  if (parsed.query.waitMs > 0) await waitForRunEnd(parsed.runId, parsed.query.waitMs);
  const progress = await getRunProgress(parsed.db, parsed.runId);
  return Response.json(progress, { headers: { "Cache-Control": "no-store" } });
}
