import { z } from "zod";
import { getRunRows } from "@/lib/runs/run-queries";
import { readRunRequest, runFilterSchema } from "@/lib/runs/run-request";

export const dynamic = "force-dynamic";

/** The most rows one page may ask for (the results table asks for 500). */
const MAX_PAGE_SIZE = 1000;

const querySchema = z.object({
  filter: runFilterSchema.default("all"),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(500),
});

/** GET /api/runs/[id]/rows?filter=&offset=&limit= → RunRowsPage (rows in row order). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const parsed = await readRunRequest(request, params, querySchema);
  if (!parsed.ok) return parsed.response;
  const { db, runId, query } = parsed;
  const page = await getRunRows(db, runId, query);
  return Response.json(page, { headers: { "Cache-Control": "no-store" } });
}
