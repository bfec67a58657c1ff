/**
 * A diagnostic for benchmarks: with PGLITE_QUERY_PROFILE=<file>, every statement PGlite runs is timed
 * inside Postgres (the synchronous WASM calls of its wire-protocol messages, where the database's CPU
 * goes) and written to <file> as JSON lines when the process exits, with the monotonic clock of the
 * CPU profile (microseconds), so bench/cpu-profile.mjs can total it per phase. Off unless set.
 */
import { writeFileSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";

/** One statement's run: when it started (µs, monotonic), its SQL, and µs spent inside Postgres. */
export interface StatementTiming {
  at: number;
  sql: string;
  us: number;
}

const PARSE = 0x50; // 'P': extended-protocol Parse, carries the SQL text
const SIMPLE_QUERY = 0x51; // 'Q': simple-protocol Query (exec), carries the SQL text

/** The SQL text a protocol message carries (Parse or Query), or undefined for the others. */
export function sqlOfMessage(message: Uint8Array): string | undefined {
  const type = message[0];
  if (type !== PARSE && type !== SIMPLE_QUERY) return undefined;
  let start = 5; // type byte + int32 length
  if (type === PARSE) start = message.indexOf(0, start) + 1; // skip the statement name
  const end = message.indexOf(0, start);
  return new TextDecoder().decode(message.subarray(start, end < 0 ? undefined : end));
}

/** Collapses whitespace so one statement is one key whatever its indentation. */
export function statementKey(sql: string): string {
  return sql.replace(/\s+/g, " ").trim().slice(0, 160);
}

function nowMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

export function profileQueries(client: PGlite, file: string): void {
  const timings: StatementTiming[] = [];
  const target = client as unknown as { execProtocolRawSync(message: Uint8Array): Uint8Array };
  const original = target.execProtocolRawSync.bind(client);
  let current = "";
  let last: StatementTiming | undefined;
  target.execProtocolRawSync = (message: Uint8Array) => {
    const sql = sqlOfMessage(message);
    const started = nowMicros();
    if (sql !== undefined || !last) {
      current = sql === undefined ? "(protocol)" : statementKey(sql);
      last = { at: started, sql: current, us: 0 };
      timings.push(last);
    }
    try {
      return original(message);
    } finally {
      last.us += nowMicros() - started;
    }
  };
  process.on("exit", () => {
    writeFileSync(file, timings.map((timing) => JSON.stringify(timing)).join("\n"));
  });
}
