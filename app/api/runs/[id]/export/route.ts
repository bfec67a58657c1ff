import { z } from "zod";
import { runExportResponse } from "@/lib/export/run-export-response";
import { readRunRequest, runFilterSchema, runRouteError } from "@/lib/runs/run-request";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  format: z.enum(["csv", "json"]).default("csv"),
  filter: runFilterSchema.default("all"),
});

/**
 * GET /api/runs/[id]/export?format=csv|json&filter= → the run's rows matching the filter, as a file
 * that says when rows never reached the server (lib/export/run-export-response.ts).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const parsed = await readRunRequest(request, params, querySchema);
  if (!parsed.ok) return parsed.response;
  const response = await runExportResponse(parsed.db, parsed.runId, parsed.query);
  return response ?? runRouteError(404, "not-found", "No run has this id.");
}
