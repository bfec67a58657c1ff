/**
 * What the run service's database tests share: a scripted Humanos over real HTTP for the file, and
 * before each test an empty runs table, the happy script, fresh contacts and service dependencies.
 */
import { afterAll, beforeAll } from "vitest";
import type { Database } from "@/lib/db/database";
import { createSendContext } from "@/lib/humanos/client";
import {
  API_KEY,
  echoSuccess,
  type RecordedRequest,
  type ScriptedServer,
  SIGNING_SECRET,
  startScriptedServer,
} from "@/lib/humanos/client.test-support";
import { createRun, type RunServiceDeps } from "./run-service";

export interface RunServiceHarness {
  /** Resets the database, the script and the contacts; call in beforeEach. */
  reset(database: Database): Promise<{ server: ScriptedServer; deps: RunServiceDeps }>;
  /** The scripted server counts attempts per body for its whole life: each test gets its own contacts. */
  readonly tag: number;
  subjects(
    count: number,
    from?: number,
  ): Array<{ rowIndex: number; subject: { contact: string; internalId: string } }>;
  /** A draft run of the current test, created by `operator`. */
  draft(rowCount: number, operator?: string): Promise<string>;
}

/** Call at a test file's top level: starts the scripted server for the file's tests. */
export function runServiceHarness(): RunServiceHarness {
  let server: ScriptedServer | undefined;
  let deps: RunServiceDeps | undefined;
  let tag = 0;
  beforeAll(async () => {
    server = await startScriptedServer();
  });
  afterAll(() => server?.close());

  return {
    async reset(database) {
      if (!server) throw new Error("the scripted server has not started");
      tag++;
      await database.exec("DELETE FROM runs");
      server.requests.length = 0;
      server.setScript(echoSuccess);
      server.setReplyDelay(0);
      deps = {
        db: database.db,
        apiTargetLabel: "Scripted test server",
        engine: {
          db: database.db,
          concurrency: 2,
          send: createSendContext({
            baseUrl: server.baseUrl,
            apiKey: API_KEY,
            signingSecret: SIGNING_SECRET,
            timeoutMs: 2_000,
            maxAttempts: 3,
            sleep: async () => {},
          }),
        },
      };
      return { server, deps };
    },
    get tag() {
      return tag;
    },
    subjects(count, from = 0) {
      return Array.from({ length: count }, (_, i) => ({
        rowIndex: from + i,
        subject: { contact: `person${from + i}@example.com`, internalId: `id-${from + i}-t${tag}` },
      }));
    },
    async draft(rowCount, operator = "alice") {
      if (!deps) throw new Error("call reset() first");
      const created = await createRun(deps, operator, { source: "paste", totalRows: rowCount });
      if (!created.ok) throw new Error(created.error.message);
      return created.runId;
    },
  };
}

/** The requests that carried `contact`. */
export function requestsFor(requests: readonly RecordedRequest[], contact: string): RecordedRequest[] {
  return requests.filter((request) => request.subjects.some((subject) => subject.contact === contact));
}
