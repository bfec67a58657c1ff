/** The embedded Humanos sandbox: POST creates/updates users, GET looks one up. */
import { getDatabase } from "@/lib/db/shared-database";
import { getServerConfig } from "@/lib/env";
import { handleCreateUsersWithFaults } from "@/lib/sandbox/apply-faults";
import { handleLookup, type SandboxResponse } from "@/lib/sandbox/handle-request";
import { createSandboxStore } from "@/lib/sandbox/sandbox-store";

// State lives in the database and every answer depends on the clock: never cache or prerender.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The sandbox is off when the console talks to the real API, unless SANDBOX_ENABLED=true. */
function disabled(): Response | undefined {
  if (getServerConfig().sandbox.enabled) return undefined;
  return Response.json(
    { statusCode: 404, message: "The sandbox is disabled (SANDBOX_ENABLED=false)", error: "Not Found" },
    { status: 404 },
  );
}

/**
 * The body is sent as the handler wrote it: a replayed answer must be the same bytes. Never gzipped
 * (no-transform): a few kB of JSON, mostly to this same process, where compressing it and
 * decompressing it again only took CPU from the run being sent.
 */
function toResponse({ status, body, headers }: SandboxResponse): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store, no-transform", ...headers },
  });
}

export async function POST(request: Request): Promise<Response> {
  const off = disabled();
  if (off) return off;
  // The signature covers the exact bytes sent, so the body is read as text, never re-serialised.
  const rawBody = await request.text();
  const { sandbox } = getServerConfig();
  const database = await getDatabase();
  const answer = await handleCreateUsersWithFaults({
    headers: request.headers,
    rawBody,
    store: createSandboxStore(database.db),
    credentials: sandbox,
    now: Date.now(),
    configuredFaults: sandbox.faults,
    signal: request.signal,
  });
  return toResponse(answer);
}

export async function GET(request: Request): Promise<Response> {
  const off = disabled();
  if (off) return off;
  const database = await getDatabase();
  const answer = await handleLookup({
    headers: request.headers,
    url: new URL(request.url),
    store: createSandboxStore(database.db),
    credentials: getServerConfig().sandbox,
    now: Date.now(),
  });
  return toResponse(answer);
}
