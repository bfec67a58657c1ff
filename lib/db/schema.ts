/**
 * The console's tables, as drizzle sees them. The SQL that creates them lives in migrations.ts (the
 * same SQL runs on PGlite and on PostgreSQL); schema.test.ts checks the two agree column by column.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/** The life of a run. "draft": rows are still being uploaded; nothing has been sent. */
export const RUN_STATES = [
  "draft",
  "running",
  "cancelling",
  "cancelled",
  "completed",
  "interrupted",
] as const;
export type RunState = (typeof RUN_STATES)[number];

/** One submission by an operator: every row it holds is stored before anything is sent. */
export const runs = pgTable(
  "runs",
  {
    id: uuid("id").primaryKey(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    createdBy: text("created_by").notNull(),
    /** "form", "paste", "file: people.xlsx", "resend" … as the operator would recognise it. */
    source: text("source").notNull(),
    /** Where the rows go, without secrets: "sandbox http://127.0.0.1:3000/api/sandbox/v1/user". */
    apiTarget: text("api_target").notNull(),
    /** The run whose failed rows this one resends. */
    parentRunId: uuid("parent_run_id"),
    state: text("state").$type<RunState>().notNull(),
    /** Rows the browser said it would send; the rows stored once the upload is complete. */
    totalRows: integer("total_rows").notNull(),
    /**
     * Rows the browser said it would send that never reached the server: the upload was cut short
     * (the tab closed, or the browser gave up and ended it early). Set when the upload completes
     * (total_rows then counts the rows stored); 0 for an upload that delivered every row.
     */
    rowsNotReceived: integer("rows_not_received").notNull().default(0),
    /**
     * Rows arrive in slices, in increasing row order, and sending starts after the first slice:
     * a chunk is sent only once every row it can hold is stored (received_through has passed it)
     * or the upload is complete.
     */
    uploadComplete: boolean("upload_complete").notNull().default(false),
    receivedThrough: integer("received_through").notNull().default(-1),
    /** Rows stored as not sent because they were invalid (they belong to no chunk). */
    refusedRows: integer("refused_rows").notNull().default(0),
    /** Which console process is sending it, and when that process last showed it was alive. */
    workerId: text("worker_id"),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true, mode: "date" }),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }),
    /**
     * When the run was last resumed (null: never), and how many rows had an outcome at that moment:
     * its rate and ETA are measured over its current sending, not over the time it stood stopped.
     */
    resumedAt: timestamp("resumed_at", { withTimezone: true, mode: "date" }),
    rowsDoneAtResume: integer("rows_done_at_resume").notNull().default(0),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [index("runs_created_at_idx").on(table.createdAt.desc())],
);

/**
 * How a chunk stands. Only "answered" is settled for good: its rows carry Humanos' per-row answers
 * and are never sent again. "pending" has no outcome recorded yet (not sent, or being sent: if the
 * server stops, its outcome is unknown); "unknown" got no usable answer after every attempt;
 * "refused" was refused whole (401, 400…), so nothing in it was processed; "cancelled" was never
 * sent. Resuming a run sends every chunk that is not "answered" again, under the same Idempotency-Key.
 */
export const CHUNK_STATES = ["pending", "answered", "unknown", "refused", "cancelled"] as const;
export type ChunkState = (typeof CHUNK_STATES)[number];

/** One row's outcome inside run_chunks.answers (lib/runs/chunk-answers.ts reads and writes them). */
export interface ChunkAnswer {
  row_index: number;
  /** The item status Humanos returned ("409"), or "not-sent". */
  status: string;
  not_sent_reason: string | null;
  message: string;
  did: string | null;
}

/** A request of ≤ 100 rows. Its Idempotency-Key never changes, across retries and resumes. */
export const runChunks = pgTable(
  "run_chunks",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    chunkIndex: integer("chunk_index").notNull(),
    idempotencyKey: uuid("idempotency_key").notNull(),
    state: text("state").$type<ChunkState>().notNull(),
    rowCount: integer("row_count").notNull(),
    /**
     * How many of its rows ended with each status ({"200": 98, "409": 2}), written with the answers;
     * null while the chunk has no outcome. Progress and history add these up instead of counting
     * every row of a 100,000-row run every second.
     */
    statusCounts: jsonb("status_counts").$type<Record<string, number>>(),
    /**
     * What became of each of its rows, written in one
     * statement with the chunk's state; null while the chunk has no outcome. Resuming clears it.
     */
    answers: jsonb("answers").$type<ChunkAnswer[]>(),
    /** HTTP attempts over the chunk's whole life, resumes included. */
    attempts: integer("attempts").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.runId, table.chunkIndex] })],
);

/**
 * One row of the operator's input, stored before anything is sent. What became of it: its chunk's
 * answers (run_chunks.answers), or, for a row never sent, its refusal.
 */
export const runRows = pgTable(
  "run_rows",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    /** 0-based position in the operator's input (grid row or form entry). */
    rowIndex: integer("row_index").notNull(),
    /**
     * The request the row goes in: floor(row_index / 100), fixed when the row is stored, so a chunk
     * holds at most 100 rows (fewer where rows are not sent) and its rows are found by their
     * row_index range through the primary key. null for a row that is never sent.
     */
    chunkIndex: integer("chunk_index"),
    /**
     * The subject exactly as it will be serialised in the request body (JSON text, not jsonb: jsonb
     * reorders keys, and a resend under the same Idempotency-Key must send the same bytes).
     */
    input: text("input").notNull(),
    contact: text("contact").notNull(),
    internalId: text("internal_id"),
    /** Why a row is never sent ("Not sent, invalid — …"), stored with it; null for a row that is sent. */
    refusal: text("refusal"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.runId, table.rowIndex] })],
);

/** The sandbox's users (its stand-in for Humanos' own database). */
export const sandboxUsers = pgTable("sandbox_users", {
  /** normaliseContact(contact).toLowerCase(): two spellings of one contact meet here. */
  contactKey: text("contact_key").primaryKey(),
  did: text("did").notNull().unique(),
  contact: text("contact").notNull(),
  internalId: text("internal_id"),
  /** Identity[]: at most one per countryAlpha3. */
  identities: jsonb("identities").notNull().default(sql`'[]'::jsonb`),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/** Which user owns an identity ("PRT:123456789"): an identity belongs to one user only. */
export const sandboxIdentities = pgTable("sandbox_identities", {
  identityKey: text("identity_key").primaryKey(),
  contactKey: text("contact_key")
    .notNull()
    .references(() => sandboxUsers.contactKey, { onDelete: "cascade" }),
});

/** Completed requests by Idempotency-Key: a repeat replays the stored answer. */
export const sandboxIdempotency = pgTable("sandbox_idempotency", {
  idempotencyKey: text("idempotency_key").primaryKey(),
  /** sha256 of the body: the same key with another body is refused, never replayed. */
  bodyHash: text("body_hash").notNull(),
  status: integer("status").notNull(),
  responseBody: text("response_body").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
