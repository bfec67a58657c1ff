/** What the run store's database tests share: rows to store, and a chunk answered by Humanos. */
import type { Db } from "@/lib/db/database";
import { recordChunkResults } from "./run-store";

/** `count` subjects from row `from`, with contacts `<tag><row>@example.com`. */
export function storedSubjects(tag: string, count: number, from = 0) {
  return Array.from({ length: count }, (_, i) => ({
    rowIndex: from + i,
    subject: { contact: `${tag}${from + i}@example.com` },
  }));
}

/** Records a full chunk (100 rows) of a run as answered "200 Created". */
export async function answerChunk(db: Db, runId: string, tag: string, chunkIndex: number): Promise<void> {
  await recordChunkResults(
    db,
    runId,
    chunkIndex,
    storedSubjects(tag, 100, chunkIndex * 100).map((row) => ({
      rowIndex: row.rowIndex,
      contact: row.subject.contact,
      status: 200,
      message: "Created",
      attempts: 1,
    })),
  );
}
