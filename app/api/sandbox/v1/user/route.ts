/** The embedded Humanos sandbox: POST creates/updates users, GET looks one up. */
import { getServerConfig } from "@/lib/env";
import { handleCreateUsers, handleLookup } from "@/lib/sandbox/handle-request";
import { getSharedSandboxStore } from "@/lib/sandbox/sandbox-store";

// State lives in this process's memory and every answer depends on the clock: never cache or prerender.
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

export async function POST(request: Request): Promise<Response> {
  const off = disabled();
  if (off) return off;
  // The signature covers the exact bytes sent, so the body is read as text, never re-serialised.
  const rawBody = await request.text();
  const { status, body } = handleCreateUsers({
    headers: request.headers,
    rawBody,
    store: getSharedSandboxStore(),
    credentials: getServerConfig().sandbox,
    now: Date.now(),
  });
  return Response.json(body, { status });
}

export function GET(request: Request): Response {
  const off = disabled();
  if (off) return off;
  const { status, body } = handleLookup({
    headers: request.headers,
    url: new URL(request.url),
    store: getSharedSandboxStore(),
    credentials: getServerConfig().sandbox,
    now: Date.now(),
  });
  return Response.json(body, { status });
}
