import { getServerConfig } from "@/lib/env";

export const dynamic = "force-dynamic";

export function GET(): Response {
  const config = getServerConfig();
  return Response.json({ status: "ok", apiTarget: config.target.kind });
}
