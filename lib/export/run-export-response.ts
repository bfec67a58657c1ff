/**
 * GET /api/runs/[id]/export's answer once the request is checked: the run's rows matching a filter
 * as a CSV or JSON file, streamed batch by batch, opening with what the file says of its run (the
 * rows that never reached the server, when the upload was cut short).
 */
import "server-only";
import type { Db } from "@/lib/db/database";
import { iterateRunRows } from "@/lib/runs/run-queries";
import { getRunSummary } from "@/lib/runs/run-summaries";
import type { RowFilter } from "@/lib/runs/run-types";
import { RESULTS_FILE_FORMATS } from "./results-export";

export interface ExportQuery {
  format: keyof typeof RESULTS_FILE_FORMATS;
  filter: RowFilter;
}

/** The file as a streamed response; undefined when there is no such run. */
export async function runExportResponse(
  db: Db,
  runId: string,
  query: ExportQuery,
): Promise<Response | undefined> {
  const run = await getRunSummary(db, runId);
  if (!run) return undefined;
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
          controller.enqueue(encoder.encode(format.opening(run)));
          return;
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
