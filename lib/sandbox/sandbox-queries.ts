/**
 * The SQL of a sandbox call. The hot path is plain SQL through drizzle's sql tag rather than the query
 * builder: keys travel as one array parameter and the writes as one JSON document, instead of hundreds
 * of bound parameters, and each round trip costs about a millisecond in PGlite, so a call makes as few
 * as it can. Column names are checked against the drizzle schema by lib/db/database.test.ts.
 */
import { sql } from "drizzle-orm";
import type { Identity } from "@/lib/humanos/schemas";
import { identityKeysOf, type UserChange } from "./sandbox-snapshot";
import type { StoredAnswer } from "./sandbox-store";

type UserRow = {
  contact_key: string;
  did: string;
  contact: string;
  internal_id: string | null;
  identities: Identity[];
};
type IdentityRow = { identity_key: string; contact_key: string };

/**
 * Everything a call writes, as one JSON document: the whole call is saved by one statement. New rows
 * are plain inserts, not upserts: the call holds the sandbox's lock and its snapshot holds every user
 * and identity owner its subjects can touch, so a row it did not load does not exist (and an insert
 * that met one would fail loudly rather than overwrite it). An upsert costs more per row in Postgres:
 * ~2.3 ms more per 100 users on PGlite.
 */
export interface CallWrites {
  /** Users new to the sandbox. */
  created: UserRow[];
  /** Users already stored, with their new internalId and identities (contact and DID never change). */
  updated: UserRow[];
  /** Identity keys no user holds any more. */
  released: string[];
  /** Identity keys no user held before the call, with their owner. */
  claimed: IdentityRow[];
  /** Identity keys passed from one user to another within the call, with their new owner. */
  moved: IdentityRow[];
  answers: { idempotency_key: string; body_hash: string; status: number; response_body: string }[];
}

function userRow({ contactKey: key, after }: UserChange): UserRow {
  return {
    contact_key: key,
    did: after.did,
    contact: after.contact,
    internal_id: after.internalId ?? null,
    identities: after.identities,
  };
}

/** The rows to write for a call's changes; identity rows are diffed so no key is deleted and re-added. */
export function callWrites(changes: readonly UserChange[], answers: readonly StoredAnswer[]): CallWrites {
  const owners = new Map<string, string>();
  for (const { contactKey: key, after } of changes) {
    for (const heldKey of identityKeysOf(after)) owners.set(heldKey, key);
  }
  const formerOwners = new Map<string, string>();
  for (const { contactKey: key, before } of changes) {
    for (const heldKey of identityKeysOf(before)) formerOwners.set(heldKey, key);
  }
  const newOwners = [...owners]
    .filter(([heldKey, key]) => formerOwners.get(heldKey) !== key)
    .map(([heldKey, key]) => ({ identity_key: heldKey, contact_key: key }));
  return {
    created: changes.filter((change) => change.before === undefined).map(userRow),
    updated: changes.filter((change) => change.before !== undefined).map(userRow),
    released: [...formerOwners.keys()].filter((heldKey) => !owners.has(heldKey)),
    claimed: newOwners.filter((row) => !formerOwners.has(row.identity_key)),
    moved: newOwners.filter((row) => formerOwners.has(row.identity_key)),
    answers: answers.map((answer) => ({
      idempotency_key: answer.idempotencyKey,
      body_hash: answer.bodyHash,
      status: answer.status,
      response_body: answer.body,
    })),
  };
}

/**
 * Opens a call, in its transaction: takes the sandbox's lock and turns sequential scans off until the
 * transaction ends. Every statement of a call finds its rows by key, but PGlite runs no autovacuum, so
 * its planner has no statistics and may prefer reading a whole table, hashing every user or identity
 * stored: ~12 ms a call at 10,000 users on PGlite, growing with each user added. One statement for both.
 */
export function beginCallQuery(lockId: number) {
  return sql`SELECT pg_advisory_xact_lock(${sql.raw(String(lockId))}), set_config('enable_seqscan', 'off', true)`;
}

/**
 * A user is found by contact or by an identity it owns. The identities' owners are looked up first,
 * as an array, so both kinds of key meet in one probe of sandbox_users' primary key, and each user
 * comes back once, whichever way it was found.
 */
export function loadUsersQuery(contactKeys: string[], identityKeys: string[]) {
  return sql`
    SELECT did, contact, internal_id AS "internalId", identities FROM sandbox_users
    WHERE contact_key = ANY(${sql.param(contactKeys)}::text[] || ARRAY(
      SELECT contact_key FROM sandbox_identities WHERE identity_key = ANY(${sql.param(identityKeys)}::text[])
    ))`;
}

/** Each part of a call's write, reading its rows from the document (`input`) under its own key. */
const WRITE_PARTS: Record<keyof CallWrites, string> = {
  created: `
      INSERT INTO sandbox_users (contact_key, did, contact, internal_id, identities)
      SELECT contact_key, did, contact, internal_id, identities
      FROM jsonb_to_recordset((SELECT doc -> 'created' FROM input))
        AS u(contact_key text, did text, contact text, internal_id text, identities jsonb)`,
  updated: `
      UPDATE sandbox_users AS stored
      SET internal_id = u.internal_id, identities = u.identities, updated_at = now()
      FROM jsonb_to_recordset((SELECT doc -> 'updated' FROM input))
        AS u(contact_key text, internal_id text, identities jsonb)
      WHERE stored.contact_key = u.contact_key`,
  released: `
      DELETE FROM sandbox_identities
      WHERE identity_key IN (SELECT jsonb_array_elements_text((SELECT doc -> 'released' FROM input)))`,
  claimed: `
      INSERT INTO sandbox_identities (identity_key, contact_key)
      SELECT identity_key, contact_key
      FROM jsonb_to_recordset((SELECT doc -> 'claimed' FROM input)) AS c(identity_key text, contact_key text)`,
  moved: `
      UPDATE sandbox_identities AS held SET contact_key = m.contact_key
      FROM jsonb_to_recordset((SELECT doc -> 'moved' FROM input)) AS m(identity_key text, contact_key text)
      WHERE held.identity_key = m.identity_key`,
  answers: `
      INSERT INTO sandbox_idempotency (idempotency_key, body_hash, status, response_body)
      SELECT idempotency_key, body_hash, status, response_body
      FROM jsonb_to_recordset((SELECT doc -> 'answers' FROM input))
        AS a(idempotency_key text, body_hash text, status integer, response_body text)`,
};

/**
 * One statement for all of a call's writes, with only the parts that have rows: Postgres plans the
 * whole statement on each call, and an empty part costs its planning all the same. Created and updated
 * users are disjoint, and so are released, claimed and moved identity keys (see callWrites), so no two
 * parts touch the same row; foreign keys are checked at the statement's end, when the users it inserts
 * exist. Undefined when there is nothing to write.
 */
export function writeCallQuery(writes: CallWrites) {
  const parts = (Object.keys(WRITE_PARTS) as (keyof CallWrites)[]).filter((name) => writes[name].length > 0);
  if (parts.length === 0) return undefined;
  const steps = parts.map((name) => `${name} AS (${WRITE_PARTS[name]}\n    )`).join(",\n    ");
  return sql`
    WITH input AS (SELECT ${JSON.stringify(writes)}::jsonb AS doc),
    ${sql.raw(steps)}
    SELECT 1`;
}
