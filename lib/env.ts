/**
 * All configuration, read and validated in one place. Server-only: nothing here may reach a browser.
 * A bad value fails at start-up (instrumentation.ts) with a message that names the variable.
 */
import "server-only";
import { z } from "zod";
import { DEFAULT_CONCURRENCY } from "./humanos/client";
import { parseFaultSpec } from "./sandbox/faults";
import { SANDBOX_DEFAULT_API_KEY, SANDBOX_DEFAULT_SIGNING_SECRET } from "./sandbox-defaults";

export { SANDBOX_DEFAULT_API_KEY, SANDBOX_DEFAULT_SIGNING_SECRET };

const blankAsUnset = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
const optionalString = z.preprocess(blankAsUnset, z.string().trim().optional());

const serverEnvSchema = z
  .object({
    HUMANOS_API_URL: z.preprocess(
      blankAsUnset,
      z
        .url({ protocol: /^https?$/, error: "must be an http(s) URL, e.g. https://api.humanos.id" })
        .optional(),
    ),
    HUMANOS_API_KEY: optionalString,
    HUMANOS_SIGNING_SECRET: optionalString,
    HUMANOS_API_VERSION: z.preprocess(
      blankAsUnset,
      z
        .string()
        .trim()
        .pipe(z.iso.date({ error: "must be a date written YYYY-MM-DD, e.g. 2025-01-01" }))
        .optional(),
    ),
    HUMANOS_API_PATH: z.preprocess(
      blankAsUnset,
      z
        .string()
        .regex(/^\/[A-Za-z0-9/_-]*$/, { error: 'must be a path starting with "/", e.g. /v1/user or /user' })
        .default("/v1/user"),
    ),
    SANDBOX_ENABLED: z.preprocess(
      blankAsUnset,
      z.enum(["true", "false"], { error: 'must be "true" or "false"' }).optional(),
    ),
    HUMANOS_TIMEOUT_MS: z.preprocess(
      blankAsUnset,
      z.coerce
        .number({ error: "must be a number of milliseconds" })
        .int()
        .min(1000)
        .max(300_000)
        .default(30_000),
    ),
    HUMANOS_MAX_ATTEMPTS: z.preprocess(
      blankAsUnset,
      z.coerce.number({ error: "must be a whole number" }).int().min(1).max(10).default(5),
    ),
    SANDBOX_API_KEY: z.preprocess(blankAsUnset, z.string().default(SANDBOX_DEFAULT_API_KEY)),
    SANDBOX_SIGNING_SECRET: z.preprocess(blankAsUnset, z.string().default(SANDBOX_DEFAULT_SIGNING_SECRET)),
    SANDBOX_URL: z.preprocess(blankAsUnset, z.url({ error: "must be a URL" }).optional()),
    CONSOLE_OPERATORS: z.preprocess(
      blankAsUnset,
      z
        .string()
        .regex(/^[^:,\s]+:[^,]+(,[^:,\s]+:[^,]+)*$/, {
          error: 'must be "name:password" pairs separated by commas, e.g. alice:s3cret,bob:pa55',
        })
        .optional(),
    ),
    PORT: z.preprocess(blankAsUnset, z.coerce.number().int().min(1).max(65_535).default(3000)),
    HUMANOS_CONCURRENCY: z.preprocess(
      blankAsUnset,
      z.coerce.number({ error: "must be a whole number" }).int().min(1).max(16).default(DEFAULT_CONCURRENCY),
    ),
    DATABASE_URL: z.preprocess(
      blankAsUnset,
      z
        .url({
          protocol: /^postgres(ql)?$/,
          error: "must be a PostgreSQL URL, e.g. postgres://user:password@db.example:5432/console",
        })
        .optional(),
    ),
    DATABASE_DIR: z.preprocess(blankAsUnset, z.string().trim().default("data/pglite")),
    PGLITE_QUERY_PROFILE: optionalString,
    SANDBOX_FAULTS: optionalString.superRefine((spec, ctx) => {
      if (spec === undefined) return;
      const parsed = parseFaultSpec(spec);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
    }),
  })
  .superRefine((env, ctx) => {
    const realKeys = ["HUMANOS_API_KEY", "HUMANOS_SIGNING_SECRET"] as const;
    const given = realKeys.filter((key) => env[key] !== undefined);
    if (given.length === 1) {
      const missing = realKeys.find((key) => env[key] === undefined);
      ctx.addIssue({
        code: "custom",
        path: [missing ?? "HUMANOS_API_KEY"],
        message: `is required when ${given[0]} is set (set both to use the real Humanos API, or neither to use the sandbox)`,
      });
    }
  });

export type ApiTarget =
  | {
      kind: "sandbox";
      baseUrl: string;
      userPath: string;
      apiKey: string;
      signingSecret: string;
      apiVersion?: string;
    }
  | {
      kind: "humanos";
      baseUrl: string;
      userPath: string;
      apiKey: string;
      signingSecret: string;
      apiVersion?: string;
    };

/** PGlite in a local folder by default; a PostgreSQL server when several consoles share one database. */
export type DatabaseConfig =
  | {
      kind: "pglite";
      dataDir: string;
      /** A benchmark diagnostic: where to write the time each statement spent in Postgres. */
      queryProfileFile?: string;
    }
  | { kind: "postgres"; url: string };

export interface ServerConfig {
  target: ApiTarget;
  timeoutMs: number;
  maxAttempts: number;
  /** How many requests of ≤ 100 rows one run keeps in flight at once. */
  concurrency: number;
  database: DatabaseConfig;
  /**
   * `enabled`: whether /api/sandbox answers (by default only when the console talks to it).
   * `faults`: the SANDBOX_FAULTS spec (see lib/sandbox/faults.ts), unparsed; undefined = none.
   */
  sandbox: { apiKey: string; signingSecret: string; enabled: boolean; faults?: string };
  /** Who may use the console (HTTP Basic). Empty: the console is open to anyone who can reach it. */
  operators: ReadonlyArray<{ name: string; password: string }>;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function parseServerConfig(source: Record<string, string | undefined>): ServerConfig {
  const parsed = serverEnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const usesRealApi = Boolean(env.HUMANOS_API_KEY && env.HUMANOS_SIGNING_SECRET);
  const sandbox = {
    apiKey: env.SANDBOX_API_KEY,
    signingSecret: env.SANDBOX_SIGNING_SECRET,
    enabled: env.SANDBOX_ENABLED === undefined ? !usesRealApi : env.SANDBOX_ENABLED === "true",
    ...(env.SANDBOX_FAULTS === undefined ? {} : { faults: env.SANDBOX_FAULTS }),
  };
  const target: ApiTarget =
    usesRealApi && env.HUMANOS_API_KEY && env.HUMANOS_SIGNING_SECRET
      ? {
          kind: "humanos",
          baseUrl: (env.HUMANOS_API_URL ?? "https://api.humanos.id").replace(/\/+$/, ""),
          userPath: env.HUMANOS_API_PATH,
          apiKey: env.HUMANOS_API_KEY,
          signingSecret: env.HUMANOS_SIGNING_SECRET,
          apiVersion: env.HUMANOS_API_VERSION,
        }
      : {
          kind: "sandbox",
          // The server calls its own sandbox over loopback; never derived from a request's Host header.
          baseUrl: (env.SANDBOX_URL ?? `http://127.0.0.1:${env.PORT}/api/sandbox`).replace(/\/+$/, ""),
          userPath: "/v1/user",
          apiVersion: env.HUMANOS_API_VERSION,
          apiKey: sandbox.apiKey,
          signingSecret: sandbox.signingSecret,
        };
  const operators = (env.CONSOLE_OPERATORS ?? "")
    .split(",")
    .filter((pair) => pair.includes(":"))
    .map((pair) => {
      const separator = pair.indexOf(":");
      return { name: pair.slice(0, separator).trim(), password: pair.slice(separator + 1) };
    });
  return {
    target,
    timeoutMs: env.HUMANOS_TIMEOUT_MS,
    maxAttempts: env.HUMANOS_MAX_ATTEMPTS,
    concurrency: env.HUMANOS_CONCURRENCY,
    database: env.DATABASE_URL
      ? { kind: "postgres", url: env.DATABASE_URL }
      : {
          kind: "pglite",
          dataDir: env.DATABASE_DIR,
          ...(env.PGLITE_QUERY_PROFILE ? { queryProfileFile: env.PGLITE_QUERY_PROFILE } : {}),
        },
    sandbox,
    operators,
  };
}

let cached: ServerConfig | undefined;

/** The process's configuration, validated on first use (start-up, via instrumentation.ts). */
export function getServerConfig(): ServerConfig {
  cached ??= parseServerConfig(process.env);
  return cached;
}

/** What the header may show about the API target: no secrets. */
export function describeApiTarget(target: ApiTarget): {
  kind: ApiTarget["kind"];
  label: string;
  version: string;
} {
  return {
    kind: target.kind,
    label: target.kind === "sandbox" ? "Sandbox (built-in)" : new URL(target.baseUrl).host,
    version: target.apiVersion ?? "v1",
  };
}
