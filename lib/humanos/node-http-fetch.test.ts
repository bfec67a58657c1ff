import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeHttpFetch } from "./node-http-fetch";

/** Answers by path: what the client sees for each kind of answer. */
let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      if (request.url === "/echo") {
        response.writeHead(200, {
          "Content-Type": "application/json",
          "X-Seen-Key": request.headers["x-key"],
        });
        response.end(JSON.stringify({ method: request.method, body }));
      } else if (request.url === "/empty") {
        response.writeHead(204);
        response.end();
      } else if (request.url === "/moved") {
        response.writeHead(302, { Location: "/echo" });
        response.end("moved");
      } else if (request.url === "/limited") {
        response.writeHead(429, "Too Many Requests", { "Retry-After": "2" });
        response.end("slow down");
      } else if (request.url === "/stall") {
        response.writeHead(200);
        response.write("[");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("nodeHttpFetch answers like fetch", () => {
  it.each<[string, string, { status: number; text: string; header?: [string, string | null] }]>([
    [
      "a 200 with its body and headers",
      "/echo",
      { status: 200, text: '{"method":"POST","body":"[1]"}', header: ["x-seen-key", "k-1"] },
    ],
    ["a 204 without a body", "/empty", { status: 204, text: "" }],
    ["a redirect, not followed", "/moved", { status: 302, text: "moved", header: ["location", "/echo"] }],
    [
      "a 429 with its Retry-After",
      "/limited",
      { status: 429, text: "slow down", header: ["retry-after", "2"] },
    ],
  ])("%s", async (_, path, expected) => {
    const response = await nodeHttpFetch(`${base}${path}`, {
      method: "POST",
      headers: { "X-Key": "k-1", "Content-Type": "application/json" },
      body: "[1]",
      redirect: "manual",
    });
    expect(response.status).toBe(expected.status);
    expect(await response.text()).toBe(expected.text);
    if (expected.header) expect(response.headers.get(expected.header[0])).toBe(expected.header[1]);
  });

  it("a refused connection is a TypeError whose cause names it", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const failure = await nodeHttpFetch(`http://127.0.0.1:${port}/`, { method: "POST", body: "[]" }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as TypeError).cause).toMatchObject({ code: "ECONNREFUSED" });
  });

  it("an abort while the body is still arriving rejects with an AbortError", async () => {
    const controller = new AbortController();
    const pending = nodeHttpFetch(`${base}/stall`, { method: "POST", body: "[]", signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  it("refuses a body that is not a string (the client only sends JSON text)", async () => {
    await expect(
      nodeHttpFetch(`${base}/echo`, { method: "POST", body: new Uint8Array([1]) }),
    ).rejects.toBeInstanceOf(TypeError);
  });
});
