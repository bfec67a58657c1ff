import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SubjectRow } from "./client";
import {
  API_KEY,
  didFor,
  echoSuccess,
  expectSigned,
  makeClient,
  makeRows,
  type ScriptedReply,
  type ScriptedServer,
  startScriptedServer,
  summary,
  UUID,
} from "./client.test-support";
import { NOT_SENT } from "./statuses";

let server: ScriptedServer;
beforeEach(async () => {
  server = await startScriptedServer();
});
afterEach(async () => {
  await server.close();
});

describe("createSubjects on success", () => {
  it.each([
    { label: "pinned", apiVersion: "2025-06-01" },
    { label: "unpinned", apiVersion: undefined },
  ])(
    "sends one signed, compact request and maps every answer ($label API version)",
    async ({ apiVersion }) => {
      const { client } = makeClient(server, { apiVersion, baseUrl: `${server.baseUrl}/` });
      const rows: SubjectRow[] = [
        { rowIndex: 7, subject: { contact: "b@example.com", internalId: "b-1" } },
        {
          rowIndex: 2,
          subject: {
            contact: "+351912345678",
            identity: { fullName: "João Doe", birth: "1990-01-01", docId: "123", countryAlpha3: "PRT" },
          },
        },
        { rowIndex: 5, subject: { contact: "a@example.com" } },
      ];

      const results = await client.createSubjects(rows);

      expect(results).toEqual(
        rows.map((row) => ({
          rowIndex: row.rowIndex,
          contact: row.subject.contact,
          internalId: row.subject.internalId,
          status: 200,
          message: "User created",
          did: didFor(row.subject.contact),
          attempts: 1,
        })),
      );
      expect(server.requests).toHaveLength(1);
      const [request] = server.requests;
      expect(request?.method).toBe("POST");
      expect(request?.url).toBe("/v1/user");
      expect(request?.rawBody).toBe(JSON.stringify(rows.map((row) => row.subject)));
      expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(request?.headers["content-type"]).toBe("application/json");
      expect(request?.headers["idempotency-key"]).toMatch(UUID);
      expect(request?.headers["api-version"]).toBe(apiVersion);
      expectSigned(request);
    },
  );

  it("sends 250 rows as 100/100/50 and returns all of them in input order", async () => {
    const { client, settled, onChunkSettled } = makeClient(server);
    const rows = makeRows(250);

    const results = await client.createSubjects(rows, { onChunkSettled });

    const sizes = server.requests.map((request) => request.subjects.length).sort((a, b) => a - b);
    expect(sizes).toEqual([50, 100, 100]);
    for (const request of server.requests) expectSigned(request);
    expect(results.map((r) => r.rowIndex)).toEqual(rows.map((row) => row.rowIndex));
    expect(results.map((r) => [r.contact, r.did])).toEqual(
      rows.map((row) => [row.subject.contact, didFor(row.subject.contact)]),
    );
    expect(settled.map((chunk) => chunk.length).sort((a, b) => a - b)).toEqual([50, 100, 100]);
  });

  it.each([1, 2, 3])("keeps at most %i chunk(s) in flight", async (concurrency) => {
    server.setReplyDelay(40);
    const { client } = makeClient(server, { concurrency });

    const results = await client.createSubjects(makeRows(500));

    expect(results).toHaveLength(500);
    expect(server.maxInFlight).toBe(concurrency);
  });

  it("sends nothing for no rows", async () => {
    const { client } = makeClient(server);
    expect(await client.createSubjects([])).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});

describe("createSubjects on transient trouble", () => {
  const transient: Array<{ label: string; first: ScriptedReply | "hang"; minDelayMs: number }> = [
    {
      label: "429 with Retry-After: 2",
      first: {
        status: 429,
        headers: { "Retry-After": "2" },
        body: { statusCode: 429, message: "Slow down" },
      },
      minDelayMs: 2000,
    },
    { label: "503", first: { status: 503, body: "Service Unavailable" }, minDelayMs: 0 },
    { label: "a timeout", first: "hang", minDelayMs: 0 },
    {
      label: "a 200 with the wrong item count",
      first: { status: 200, body: [{ status: 200, message: "" }] },
      minDelayMs: 0,
    },
    { label: "a 200 that is not JSON", first: { status: 200, body: "<html>oops</html>" }, minDelayMs: 0 },
  ];

  it.each(transient)("retries after $label with the same key and a fresh signature", async (scenario) => {
    server.setScript((request, attempt) => (attempt === 1 ? scenario.first : echoSuccess(request)));
    const { client, delays } = makeClient(server, { timeoutMs: 200 });
    const rows = makeRows(3);

    const results = await client.createSubjects(rows);

    expect(summary(results)).toEqual(
      rows.map((row) => ({ rowIndex: row.rowIndex, status: 200, reason: undefined, attempts: 2 })),
    );
    const [first, second] = server.requests;
    expect(server.requests).toHaveLength(2);
    expect(second?.headers["idempotency-key"]).toBe(first?.headers["idempotency-key"]);
    expect(second?.rawBody).toBe(first?.rawBody);
    expect(second?.headers["x-timestamp"]).not.toBe(first?.headers["x-timestamp"]);
    expectSigned(first);
    expectSigned(second);
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(scenario.minDelayMs);
  });

  it.each([
    { label: "503", reply: { status: 503 }, last: "HTTP 503" },
    { label: "429", reply: { status: 429 }, last: "HTTP 429" },
    { label: "malformed 200", reply: { status: 200, body: { ok: true } }, last: "malformed answer" },
  ])(
    "gives up on a chunk that always answers $label, leaving other chunks alone",
    async ({ reply, last }) => {
      const rows = makeRows(150);
      const failingContact = rows[100]?.subject.contact;
      server.setScript((request) =>
        request.subjects[0]?.contact === failingContact ? reply : echoSuccess(request),
      );
      const { client, delays, settled, onChunkSettled } = makeClient(server, { maxAttempts: 3 });

      const results = await client.createSubjects(rows, { onChunkSettled });

      expect(results).toHaveLength(rows.length);
      expect(summary(results)).toEqual(
        rows.map((row, i) =>
          i < 100
            ? { rowIndex: row.rowIndex, status: 200, reason: undefined, attempts: 1 }
            : { rowIndex: row.rowIndex, status: NOT_SENT, reason: "no-answer", attempts: 3 },
        ),
      );
      const message = results[149]?.message ?? "";
      expect(message).toContain(`No usable answer after 3 attempts (last: ${last}`);
      expect(message).toContain("resending is safe");
      expect(server.requests).toHaveLength(4);
      expect(delays).toHaveLength(2);
      expect(settled.map((chunk) => chunk.length).sort((a, b) => a - b)).toEqual([50, 100]);
    },
  );

  it("reports a refused connection as no answer", async () => {
    const deadUrl = server.baseUrl;
    await server.close();
    const { client } = makeClient(server, { baseUrl: deadUrl, maxAttempts: 2 });

    const results = await client.createSubjects(makeRows(2));

    expect(summary(results).map((r) => [r.status, r.reason, r.attempts])).toEqual([
      [NOT_SENT, "no-answer", 2],
      [NOT_SENT, "no-answer", 2],
    ]);
    expect(results[0]?.message).toContain("network error: ECONNREFUSED");
    server = await startScriptedServer(); // afterEach closes it
  });
});
