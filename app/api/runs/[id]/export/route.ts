import { z } from "zod";
import { RESULTS_FILE_FORMATS } from "@/lib/export/results-export";
import { iterateRunRows } from "@/lib/runs/run-queries";
import { readRunRequest, runFilterSchema } from "@/lib/runs/run-request";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  format: z.enum(["csv", "json"]).default("csv"),
  filter: runFilterSchema.default("all"),
});

/** GET /api/runs/[id]/export?format=csv|json&filter= → the run's rows matching the filter, as a file. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const parsed = await readRunRequest(request, params, querySchema);
  if (!parsed.ok) return parsed.response;
  const { db, runId, query } = parsed;

  const format = RESULTS_FILE_FORMATS[query.format];
  const batches = iterateRunRows(db, runId, query.filter);
  const encoder = new TextEncoder();
  let wroteAny = false;
  let opened = false;
  const body = new ReadableStream<Uint8Array>({
    // One batch per pull: the database is read only as fast as the client downloads.
    async pull(controller) {
      try {
        if (!opened) {
          opened = true;
          if (format.opening) {
            controller.enqueue(encoder.encode(format.opening));
            return;
          }
        }
        const next = await batches.next();
        if (next.done) {
          const closing = format.closing(wroteAny);
          if (closing) controller.enqueue(encoder.encode(closing));
          controller.close();
          return;
        }
        if (next.value.length === 0) return;
        controller.enqueue(encoder.encode(format.batch(next.value, !wroteAny)));
        wroteAny = true;
      } catch (error) {
        // Headers are gone: failing the stream is the only way to say the file is incomplete.
        console.error(`[export] run ${runId} failed mid-stream`, error);
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const fileName = `run-${runId}-${query.filter}.${query.format}`;
  return new Response(body, {
    headers: {
      "Content-Type": format.contentType,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
