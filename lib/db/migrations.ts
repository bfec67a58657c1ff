/**
 * Schema migrations, applied in order at start-up. Plain SQL that PGlite and PostgreSQL both run, so
 * the embedded database and a shared server never drift. Append new migrations; never edit one that
 * has shipped (its id is recorded in schema_migrations on every database that ran it).
 */
export interface Migration {
  id: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: "0001_runs_and_sandbox",
    sql: `
CREATE TABLE runs (
  id uuid PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  source text NOT NULL,
  api_target text NOT NULL,
  parent_run_id uuid,
  state text NOT NULL,
  total_rows integer NOT NULL,
  upload_complete boolean NOT NULL DEFAULT false,
  refused_rows integer NOT NULL DEFAULT 0,
  received_through integer NOT NULL DEFAULT -1,
  worker_id text,
  heartbeat_at timestamptz,
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX runs_created_at_idx ON runs (created_at DESC);

CREATE TABLE run_chunks (
  run_id uuid NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  chunk_index integer NOT NULL,
  idempotency_key uuid NOT NULL,
  state text NOT NULL,
  row_count integer NOT NULL,
  status_counts jsonb,
  attempts integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (run_id, chunk_index)
);

CREATE TABLE run_rows (
  run_id uuid NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  row_index integer NOT NULL,
  chunk_index integer,
  input text NOT NULL,
  contact text NOT NULL,
  internal_id text,
  status text,
  not_sent_reason text,
  message text NOT NULL DEFAULT '',
  did text,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz,
  PRIMARY KEY (run_id, row_index)
);
CREATE INDEX run_rows_chunk_idx ON run_rows (run_id, chunk_index);

CREATE TABLE sandbox_users (
  contact_key text PRIMARY KEY,
  did text NOT NULL UNIQUE,
  contact text NOT NULL,
  internal_id text,
  identities jsonb NOT NULL DEFAULT '[]'::jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sandbox_identities (
  identity_key text PRIMARY KEY,
  contact_key text NOT NULL REFERENCES sandbox_users (contact_key) ON DELETE CASCADE
);

CREATE TABLE sandbox_idempotency (
  idempotency_key text PRIMARY KEY,
  body_hash text NOT NULL,
  status integer NOT NULL,
  response_body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
  {
    // A chunk's answers were 100 UPDATEs of wide run_rows tuples (input included) and their index
    // entries, ~8 ms a chunk on PGlite; inserting 100 narrow outcome rows costs a fraction of that.
    // A row's attempts are its chunk's (every row of a chunk is sent, and recorded, together), so
    // they are read from run_chunks. Rows are found by chunk through their row_index range (chunk c
    // holds rows 100c…100c+99), so run_rows_chunk_idx only slowed every insert down.
    id: "0002_insert_only_row_outcomes",
    sql: `
CREATE TABLE run_row_outcomes (
  run_id uuid NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  row_index integer NOT NULL,
  status text NOT NULL,
  not_sent_reason text,
  message text NOT NULL,
  did text,
  answered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (run_id, row_index)
);
INSERT INTO run_row_outcomes (run_id, row_index, status, not_sent_reason, message, did, answered_at)
  SELECT run_id, row_index, status, not_sent_reason, message, did, coalesce(answered_at, created_at)
  FROM run_rows WHERE status IS NOT NULL;
DROP INDEX run_rows_chunk_idx;
ALTER TABLE run_rows DROP COLUMN status, DROP COLUMN not_sent_reason, DROP COLUMN message,
  DROP COLUMN did, DROP COLUMN attempts, DROP COLUMN answered_at;
`,
  },
  {
    // A chunk's answers were 100 inserted outcome rows, 6.5–7.7 ms a chunk on PGlite (bench/submit);
    // one jsonb value on the chunk, written with its state, costs ~2 ms. A row never sent keeps its
    // refusal with it (written with the row, no second statement); a cancelled chunk's rows get
    // their "cancelled" answers on the chunk like any other. Nothing recorded is lost.
    id: "0003_chunk_answers",
    sql: `
ALTER TABLE run_chunks ADD COLUMN answers jsonb;
ALTER TABLE run_rows ADD COLUMN refusal text;
UPDATE run_rows r SET refusal = o.message
  FROM run_row_outcomes o
  WHERE o.run_id = r.run_id AND o.row_index = r.row_index AND r.chunk_index IS NULL;
UPDATE run_chunks c SET answers = a.answers
  FROM (
    SELECT r.run_id, r.chunk_index,
      jsonb_agg(jsonb_build_object('row_index', o.row_index, 'status', o.status,
        'not_sent_reason', o.not_sent_reason, 'message', o.message, 'did', o.did) ORDER BY o.row_index) AS answers
    FROM run_row_outcomes o
    JOIN run_rows r ON r.run_id = o.run_id AND r.row_index = o.row_index
    WHERE r.chunk_index IS NOT NULL
    GROUP BY r.run_id, r.chunk_index
  ) a
  WHERE c.run_id = a.run_id AND c.chunk_index = a.chunk_index;
DROP TABLE run_row_outcomes;
`,
  },
  {
    // An upload cut short (the tab closed or reloaded mid-upload, or the browser's upload failed)
    // leaves total_rows as the rows stored, so counts and progress describe what the run holds; how
    // many rows the browser said it would send but never did is kept here, shown beside the run.
    // Runs recorded before this migration cannot tell any more: they keep 0.
    id: "0004_rows_not_received",
    sql: `
ALTER TABLE runs ADD COLUMN rows_not_received integer NOT NULL DEFAULT 0;
`,
  },
  {
    // A resumed run's rate was its rows over the time since it first started, the hours it stood
    // interrupted included, so its ETA was far off. Resume now records when the new sending began and
    // how many rows already had an outcome; the rate is measured from there. Runs resumed before this
    // migration cannot tell any more: they keep null and are measured from their start, as before.
    id: "0005_resumed_at",
    sql: `
ALTER TABLE runs ADD COLUMN resumed_at timestamptz;
ALTER TABLE runs ADD COLUMN rows_done_at_resume integer NOT NULL DEFAULT 0;
`,
  },
];

/** Any fixed number: every console instance takes the same lock, so only one migrates at a time. */
export const MIGRATION_LOCK_ID = 724_301_991;
