/** The run service wired to this process's configuration and database. */
import "server-only";
import { getDatabase } from "@/lib/db/shared-database";
import { getServerConfig } from "@/lib/env";
import { createSendContext } from "@/lib/humanos/client";
import type { RunServiceDeps } from "./run-service";

export async function getRunServiceDeps(): Promise<RunServiceDeps> {
  const config = getServerConfig();
  const { db } = await getDatabase();
  const { target } = config;
  return {
    db,
    apiTargetLabel: `${target.kind === "sandbox" ? "Sandbox" : "Humanos"} ${target.baseUrl}${target.userPath}${
      target.apiVersion ? ` (API-Version ${target.apiVersion})` : ""
    }`,
    engine: {
      db,
      concurrency: config.concurrency,
      send: createSendContext({
        baseUrl: target.baseUrl,
        userPath: target.userPath,
        apiKey: target.apiKey,
        signingSecret: target.signingSecret,
        apiVersion: target.apiVersion,
        timeoutMs: config.timeoutMs,
        maxAttempts: config.maxAttempts,
      }),
    },
  };
}
