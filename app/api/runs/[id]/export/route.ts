import { z } from "zod";
import { resultsToCsv, resultsToJson } from "@/lib/export/results-export";
import type { RowResult } from "@/lib/humanos/results";
import { readRunRequest, runFilterSchema } from "@/lib/runs/run-request";
import { iterateRunRows } from "@/lib/runs/run-store";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  format: z.enum(["csv", "json"]).default("csv"),
  filter: runFilterSchema.default("all"),
});

/** The file's text in pieces: its opening, one piece per batch of rows, its closing. */
interface ExportFormat {
  contentType: string;
  open: string;
  batch: (rows: RowResult[], isFirst: boolean) => string;
  close: (wroteAny: boolean) => string;
}

// The same functions as a one-shot export, cut at their seams so a 100,000-row run streams: the CSV's
// BOM and header are what resultsToCsv writes for no rows; the JSON array's items are what
// resultsToJson writes between its brackets.
const CSV_OPENING = resultsToCsv([]);
const FORMATS: Record<"csv" | "json", ExportFormat> = {
  csv: {
    contentType: "text/csv; charset=utf-8",
    open: CSV_OPENING,
    batch: (rows) => resultsToCsv(rows).slice(CSV_OPENING.length),
    close: () => "",
  },
  json: {
    contentType: "application/json; charset=utf-8",
    open: "",
    batch: (rows, isFirst) => `${isFirst ? "[\n" : ",\n"}${resultsToJson(rows).slice(2, -3)}`,
    close: (wroteAny) => (wroteAny ? "\n]\n" : "[]\n"),
  },
};

/** GET /api/runs/[id]/export?format=csv|json&filter= → the run's rows matching the filter, as a file. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const parsed = await readRunRequest(request, params, querySchema);
  if (!parsed.ok) return parsed.response;
  const { db, runId, query } = parsed;

  const format = FORMATS[query.format];
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
          if (format.open) {
            controller.enqueue(encoder.encode(format.open));
            return;
          }
        }
        const next = await batches.next();
        if (next.done) {
          const closing = format.close(wroteAny);
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
