/**
 * The run pages check the operator themselves, as the server actions and API routes do: proxy.ts
 * asks for credentials first, but a proxy alone is no security boundary (a matcher that misses a
 * path, a deployment that bypasses it). The pages run here without the proxy, as Next renders them,
 * with the real operator check and configuration; only the request's headers, which Next's request
 * scope would give, are supplied. Their database is a PGlite folder of the test's own.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const request = vi.hoisted(() => ({ authorization: null as string | null }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(request.authorization ? { authorization: request.authorization } : {}),
}));

const basic = (credentials: string) => `Basic ${Buffer.from(credentials, "utf8").toString("base64")}`;
const RUN_ID = "00000000-0000-4000-8000-000000000001";
let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), "pages-operator-check-"));
  // Read once, on the first getServerConfig() (the pages' first call).
  vi.stubEnv("CONSOLE_OPERATORS", "alice:s3cret");
  vi.stubEnv("DATABASE_URL", "");
  vi.stubEnv("DATABASE_DIR", dataDir);
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(() => {
  request.authorization = null;
});

async function renderRunsPage(): Promise<string> {
  const { default: RunsPage } = await import("./page");
  return renderToStaticMarkup(await RunsPage({ searchParams: Promise.resolve({}) }));
}

async function renderRunPage(): Promise<string> {
  const { default: RunPage } = await import("./[id]/page");
  return renderToStaticMarkup(await RunPage({ params: Promise.resolve({ id: RUN_ID }) }));
}

describe("the run pages without the proxy", () => {
  it.each<[string, string | null, string]>([
    ["no credentials", null, "Sign in to use the console."],
    ["a wrong password", basic("alice:wrong"), "Unknown operator or wrong password."],
  ])("/runs with %s shows the refusal and no runs", async (_name, authorization, message) => {
    request.authorization = authorization;
    const html = await renderRunsPage();
    expect(html).toContain(`>${message}</p>`);
    expect(html).not.toContain("No runs yet");
  });

  it.each<[string, string | null, string]>([
    ["no credentials", null, "Sign in to use the console."],
    ["a wrong password", basic("alice:wrong"), "Unknown operator or wrong password."],
  ])(
    "/runs/<id> with %s shows the refusal without reading the run",
    async (_name, authorization, message) => {
      request.authorization = authorization;
      const html = await renderRunPage();
      expect(html).toContain(`>${message}</p>`);
      expect(html).not.toContain(RUN_ID);
    },
  );

  it("/runs with an operator's credentials lists the runs (none yet)", async () => {
    request.authorization = basic("alice:s3cret");
    expect(await renderRunsPage()).toContain("No runs yet.");
  });

  it("/runs/<id> with an operator's credentials reads the run (not found: Next's 404)", async () => {
    request.authorization = basic("alice:s3cret");
    await expect(renderRunPage()).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
  });
});
