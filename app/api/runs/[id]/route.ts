/** GET /api/runs/<id>: the run's live progress (polled by the browser while it is in flight). */
import { z } from "zod";
import { readRunRequest } from "@/lib/runs/run-request";
import { getRunProgress } from "@/lib/runs/run-store";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const parsed = await readRunRequest(request, params, z.object({}));
  if (!parsed.ok) return parsed.response;
  const progress = await getRunProgress(parsed.db, parsed.runId);
  return Response.json(progress, { headers: { "Cache-Control": "no-store" } });
}
