import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  makeClient,
  makeRows,
  type ScriptedServer,
  startScriptedServer,
  summary,
} from "./client.test-support";
import { NOT_SENT } from "./statuses";

let server: ScriptedServer;
beforeEach(async () => {
  server = await startScriptedServer();
});
afterEach(async () => {
  await server.close();
});

describe("createSubjects when Humanos refuses the request", () => {
  it.each([
    {
      status: 401,
      body: { statusCode: 401, message: "Invalid signature", error: "Unauthorized" },
      detail: "401 Unauthorized: Invalid signature",
      advice: "check the API key and signing secret",
    },
    {
      status: 400,
      body: {
        statusCode: 400,
        message: ["Body must be a JSON array", "No subjects provided"],
        error: "Bad Request",
      },
      detail: "400 Bad Request: Body must be a JSON array; No subjects provided",
      advice: "API version",
    },
    {
      status: 403,
      body: "Key lacks scope users:write",
      detail: "403 Forbidden: Key lacks scope",
      advice: "permissions",
    },
    { status: 404, body: "<html>Not here</html>", detail: "404 Not Found)", advice: "API URL" },
  ])("marks every row rejected on $status, without retrying", async ({ status, body, detail, advice }) => {
    server.setScript(() => ({ status, body }));
    const { client, delays } = makeClient(server);
    const rows = makeRows(3);

    const results = await client.createSubjects(rows);

    expect(summary(results)).toEqual(
      rows.map((row) => ({ rowIndex: row.rowIndex, status: NOT_SENT, reason: "rejected", attempts: 1 })),
    );
    for (const result of results) {
      expect(result.message).toContain(`Humanos refused the request (${detail}`);
      expect(result.message).toContain("Nothing in it was processed");
      expect(result.message).toContain(advice);
    }
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });
});

describe("createSubjects when the operator cancels", () => {
  it("sends nothing when cancelled before the start", async () => {
    const { client, settled, onChunkSettled } = makeClient(server);
    const controller = new AbortController();
    controller.abort();

    const results = await client.createSubjects(makeRows(150), { signal: controller.signal, onChunkSettled });

    expect(server.requests).toHaveLength(0);
    expect(results).toHaveLength(150);
    expect(new Set(summary(results).map((r) => `${r.status}/${r.reason}/${r.attempts}`))).toEqual(
      new Set([`${NOT_SENT}/cancelled/0`]),
    );
    expect(results[0]?.message).toContain("cancelled before this row's request started");
    expect(settled.map((chunk) => chunk.length)).toEqual([100, 50]);
  });

  it("finishes the chunk in flight and cancels the ones not started", async () => {
    const controller = new AbortController();
    const { client } = makeClient(server, { concurrency: 1 });
    const rows = makeRows(250);

    const results = await client.createSubjects(rows, {
      signal: controller.signal,
      onChunkSettled: () => controller.abort(),
    });

    expect(server.requests).toHaveLength(1);
    expect(summary(results)).toEqual(
      rows.map((row, i) =>
        i < 100
          ? { rowIndex: row.rowIndex, status: 200, reason: undefined, attempts: 1 }
          : { rowIndex: row.rowIndex, status: NOT_SENT, reason: "cancelled", attempts: 0 },
      ),
    );
  });

  it.each([
    {
      label: "waiting for an answer",
      hang: true,
      reason: "Cancelled while waiting for Humanos' answer to attempt 1",
    },
    {
      label: "waiting to retry",
      hang: false,
      reason: "Cancelled while waiting to retry after 1 failed attempt",
    },
  ])("records an unknown outcome when cancelled while $label", async ({ hang, reason }) => {
    const controller = new AbortController();
    server.setScript(() => (hang ? "hang" : { status: 503 }));
    // The retry wait only ends through cancellation, like a long real backoff would.
    const { client } = makeClient(server, { timeoutMs: 10_000, sleep: () => new Promise(() => {}) });
    setTimeout(() => controller.abort(), 100);

    const results = await client.createSubjects(makeRows(2), { signal: controller.signal });

    expect(summary(results).map((r) => [r.status, r.reason, r.attempts])).toEqual([
      [NOT_SENT, "no-answer", 1],
      [NOT_SENT, "no-answer", 1],
    ]);
    expect(results[0]?.message).toContain(reason);
    expect(results[0]?.message).toContain("resending is safe");
    expect(server.requests).toHaveLength(1);
  });
});
