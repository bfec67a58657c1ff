import { describe, expect, it } from "vitest";
import {
  type ApiTarget,
  ConfigError,
  describeApiTarget,
  parseServerConfig,
  SANDBOX_DEFAULT_API_KEY,
  SANDBOX_DEFAULT_SIGNING_SECRET,
} from "./env";

type Env = Record<string, string | undefined>;
const REAL = { HUMANOS_API_KEY: "live-key-123", HUMANOS_SIGNING_SECRET: "live-secret-456" };

/** The ConfigError thrown for `env`; fails the test when parsing succeeds or throws something else. */
function configError(env: Env): ConfigError {
  try {
    parseServerConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe("parseServerConfig: sandbox target", () => {
  it("defaults to the built-in sandbox with the default credentials", () => {
    expect(parseServerConfig({})).toStrictEqual({
      target: {
        kind: "sandbox",
        baseUrl: "http://127.0.0.1:3000/api/sandbox",
        userPath: "/v1/user",
        apiKey: SANDBOX_DEFAULT_API_KEY,
        signingSecret: SANDBOX_DEFAULT_SIGNING_SECRET,
        apiVersion: undefined,
      },
      timeoutMs: 30_000,
      maxAttempts: 5,
      concurrency: 2,
      database: { kind: "pglite", dataDir: "data/pglite" },
      sandbox: {
        apiKey: SANDBOX_DEFAULT_API_KEY,
        signingSecret: SANDBOX_DEFAULT_SIGNING_SECRET,
        enabled: true,
      },
      operators: [],
    });
    expect(SANDBOX_DEFAULT_API_KEY).toBe("sandbox-dev-api-key");
    expect(SANDBOX_DEFAULT_SIGNING_SECRET).toBe("sandbox-dev-signing-secret");
  });

  it.each<[string, Env, string]>([
    ["PORT=3100", { PORT: "3100" }, "http://127.0.0.1:3100/api/sandbox"],
    ["blank PORT", { PORT: "  " }, "http://127.0.0.1:3000/api/sandbox"],
    [
      "SANDBOX_URL override",
      { SANDBOX_URL: "http://sandbox.internal:8080/api/sandbox" },
      "http://sandbox.internal:8080/api/sandbox",
    ],
    [
      "SANDBOX_URL trailing slashes",
      { SANDBOX_URL: "http://localhost:4000/sb//" },
      "http://localhost:4000/sb",
    ],
    [
      "SANDBOX_URL wins over PORT",
      { PORT: "3100", SANDBOX_URL: "http://localhost:4000/sb" },
      "http://localhost:4000/sb",
    ],
    [
      "blank real credentials",
      { HUMANOS_API_KEY: "", HUMANOS_SIGNING_SECRET: "   " },
      "http://127.0.0.1:3000/api/sandbox",
    ],
  ])("%s", (_name, env, baseUrl) => {
    const { target } = parseServerConfig(env);
    expect(target.kind).toBe("sandbox");
    expect(target.baseUrl).toBe(baseUrl);
  });

  it("uses SANDBOX_API_KEY / SANDBOX_SIGNING_SECRET when set", () => {
    const config = parseServerConfig({ SANDBOX_API_KEY: "k2", SANDBOX_SIGNING_SECRET: "s2" });
    expect(config.target).toMatchObject({ kind: "sandbox", apiKey: "k2", signingSecret: "s2" });
    expect(config.sandbox).toStrictEqual({ apiKey: "k2", signingSecret: "s2", enabled: true });
  });
});

describe("parseServerConfig: real Humanos target", () => {
  it.each<[string, Env, string]>([
    ["default URL", {}, "https://api.humanos.id"],
    ["custom URL", { HUMANOS_API_URL: "https://eu.api.humanos.id" }, "https://eu.api.humanos.id"],
    ["trailing slash removed", { HUMANOS_API_URL: "https://api.example.com/" }, "https://api.example.com"],
    [
      "trailing slashes after a path",
      { HUMANOS_API_URL: "http://proxy:9000/humanos///" },
      "http://proxy:9000/humanos",
    ],
    ["blank URL → default", { HUMANOS_API_URL: " " }, "https://api.humanos.id"],
  ])("%s", (_name, extra, baseUrl) => {
    expect(parseServerConfig({ ...REAL, ...extra }).target).toStrictEqual({
      kind: "humanos",
      baseUrl,
      userPath: "/v1/user",
      apiKey: "live-key-123",
      signingSecret: "live-secret-456",
      apiVersion: undefined,
    });
  });

  it.each<[string, string]>([
    ["2025-01-01", "2025-01-01"],
    ["2024-02-29", "2024-02-29"],
  ])("HUMANOS_API_VERSION %j accepted", (version, expected) => {
    expect(parseServerConfig({ ...REAL, HUMANOS_API_VERSION: version }).target.apiVersion).toBe(expected);
  });

  it.each<[string, Env, number, number]>([
    ["defaults", {}, 30_000, 5],
    ["explicit", { HUMANOS_TIMEOUT_MS: "5000", HUMANOS_MAX_ATTEMPTS: "3" }, 5000, 3],
    ["blank", { HUMANOS_TIMEOUT_MS: "", HUMANOS_MAX_ATTEMPTS: " " }, 30_000, 5],
  ])("timeout and attempts: %s", (_name, env, timeoutMs, maxAttempts) => {
    expect(parseServerConfig(env)).toMatchObject({ timeoutMs, maxAttempts });
  });
});

describe("database, concurrency and sandbox faults", () => {
  it.each<[string, Env, unknown]>([
    ["embedded by default", {}, { kind: "pglite", dataDir: "data/pglite" }],
    [
      "another data folder",
      { DATABASE_DIR: "/var/lib/console" },
      { kind: "pglite", dataDir: "/var/lib/console" },
    ],
    [
      "a PostgreSQL server",
      { DATABASE_URL: "postgres://console:pw@db:5432/console" },
      { kind: "postgres", url: "postgres://console:pw@db:5432/console" },
    ],
    [
      "postgresql: scheme",
      { DATABASE_URL: "postgresql://db/c" },
      { kind: "postgres", url: "postgresql://db/c" },
    ],
  ])("%s", (_name, env, database) => {
    expect(parseServerConfig(env).database).toStrictEqual(database);
  });

  it.each<[string, Env, string]>([
    ["a MySQL URL", { DATABASE_URL: "mysql://db/c" }, "DATABASE_URL must be a PostgreSQL URL"],
    ["zero concurrency", { HUMANOS_CONCURRENCY: "0" }, "HUMANOS_CONCURRENCY"],
    ["too much concurrency", { HUMANOS_CONCURRENCY: "17" }, "HUMANOS_CONCURRENCY"],
    ["a fault spec with an unknown key", { SANDBOX_FAULTS: "seed=1,boom=0.5" }, "SANDBOX_FAULTS"],
    ["fault rates above 1 in total", { SANDBOX_FAULTS: "5xx=0.7,429=0.6" }, "SANDBOX_FAULTS"],
  ])("refuses %s, naming the variable", (_name, env, fragment) => {
    expect(() => parseServerConfig(env)).toThrow(fragment);
  });

  it("reads concurrency and keeps the fault spec for the sandbox", () => {
    const config = parseServerConfig({ HUMANOS_CONCURRENCY: "4", SANDBOX_FAULTS: "seed=7,5xx=0.2" });
    expect(config.concurrency).toBe(4);
    expect(config.sandbox.faults).toBe("seed=7,5xx=0.2");
  });
});

describe("API path and sandbox switch", () => {
  it.each<[string, Env, string, boolean]>([
    ["defaults with the real API: /v1/user, sandbox off", { ...REAL }, "/v1/user", false],
    ["a dated version's path", { ...REAL, HUMANOS_API_PATH: "/user" }, "/user", false],
    ["sandbox forced on beside the real API", { ...REAL, SANDBOX_ENABLED: "true" }, "/v1/user", true],
    ["sandbox target: always /v1/user, sandbox on", { HUMANOS_API_PATH: "/user" }, "/v1/user", true],
    ["sandbox target switched off", { SANDBOX_ENABLED: "false" }, "/v1/user", false],
  ])("%s", (_name, env, userPath, enabled) => {
    const config = parseServerConfig(env);
    expect([config.target.userPath, config.sandbox.enabled]).toEqual([userPath, enabled]);
  });

  it.each([
    [{ HUMANOS_API_PATH: "v1/user" }, "HUMANOS_API_PATH"],
    [{ SANDBOX_ENABLED: "yes" }, "SANDBOX_ENABLED"],
  ])("%o is refused, naming the variable", (env, name) => {
    expect(configError(env).message).toContain(name);
  });
});

describe("parseServerConfig: errors name the variable", () => {
  it.each<[string, Env, string]>([
    [
      "only the key",
      { HUMANOS_API_KEY: "k" },
      "HUMANOS_SIGNING_SECRET is required when HUMANOS_API_KEY is set",
    ],
    [
      "only the secret",
      { HUMANOS_SIGNING_SECRET: "s" },
      "HUMANOS_API_KEY is required when HUMANOS_SIGNING_SECRET is set",
    ],
    [
      "key and a blank secret",
      { HUMANOS_API_KEY: "k", HUMANOS_SIGNING_SECRET: "  " },
      "HUMANOS_SIGNING_SECRET is required",
    ],
    ["URL not a url", { HUMANOS_API_URL: "not a url" }, "HUMANOS_API_URL must be an http(s) URL"],
    ["URL with ftp scheme", { HUMANOS_API_URL: "ftp://x" }, "HUMANOS_API_URL must be an http(s) URL"],
    [
      "version 2025-13-01",
      { HUMANOS_API_VERSION: "2025-13-01" },
      "HUMANOS_API_VERSION must be a date written YYYY-MM-DD",
    ],
    ["version v2", { HUMANOS_API_VERSION: "v2" }, "HUMANOS_API_VERSION must be a date written YYYY-MM-DD"],
    ["timeout abc", { HUMANOS_TIMEOUT_MS: "abc" }, "HUMANOS_TIMEOUT_MS must be a number of milliseconds"],
    ["timeout too small", { HUMANOS_TIMEOUT_MS: "10" }, "HUMANOS_TIMEOUT_MS"],
    ["attempts zero", { HUMANOS_MAX_ATTEMPTS: "0" }, "HUMANOS_MAX_ATTEMPTS"],
    ["bad SANDBOX_URL", { SANDBOX_URL: "nope" }, "SANDBOX_URL must be a URL"],
    ["operators without password", { CONSOLE_OPERATORS: "alice" }, "CONSOLE_OPERATORS must be"],
    ["operators with empty pair", { CONSOLE_OPERATORS: "alice:pw,,bob:x" }, "CONSOLE_OPERATORS must be"],
    ["operators with empty name", { CONSOLE_OPERATORS: ":pw" }, "CONSOLE_OPERATORS must be"],
    ["PORT out of range", { PORT: "70000" }, "PORT"],
  ])("%s", (_name, env, fragment) => {
    const error = configError(env);
    expect(error.name).toBe("ConfigError");
    expect(error.message.startsWith("Invalid configuration:\n")).toBe(true);
    expect(error.message).toContain(fragment);
  });

  it("lists every invalid variable, one per line", () => {
    const lines = configError({ HUMANOS_API_URL: "ftp://x", HUMANOS_API_VERSION: "v2" }).message.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^ {2}HUMANOS_API_URL /);
    expect(lines[2]).toMatch(/^ {2}HUMANOS_API_VERSION /);
  });
});

describe("parseServerConfig: CONSOLE_OPERATORS", () => {
  it.each<[string, Env, Array<{ name: string; password: string }>]>([
    ["unset", {}, []],
    ["blank", { CONSOLE_OPERATORS: "  " }, []],
    ["one", { CONSOLE_OPERATORS: "alice:s3cret" }, [{ name: "alice", password: "s3cret" }]],
    [
      "two, password with ':'",
      { CONSOLE_OPERATORS: "alice:pw,bob:p:w" },
      [
        { name: "alice", password: "pw" },
        { name: "bob", password: "p:w" },
      ],
    ],
    [
      "password with spaces kept",
      { CONSOLE_OPERATORS: "carol:a b c" },
      [{ name: "carol", password: "a b c" }],
    ],
  ])("%s", (_name, env, operators) => {
    expect(parseServerConfig(env).operators).toStrictEqual(operators);
  });
});

describe("describeApiTarget", () => {
  const targets: Array<[string, ApiTarget, { kind: string; label: string; version: string }]> = [
    [
      "sandbox",
      parseServerConfig({}).target,
      { kind: "sandbox", label: "Sandbox (built-in)", version: "v1" },
    ],
    [
      "humanos, pinned version",
      parseServerConfig({ ...REAL, HUMANOS_API_VERSION: "2025-01-01" }).target,
      { kind: "humanos", label: "api.humanos.id", version: "2025-01-01" },
    ],
    [
      "humanos, custom port",
      parseServerConfig({ ...REAL, HUMANOS_API_URL: "http://proxy.local:9000/h" }).target,
      { kind: "humanos", label: "proxy.local:9000", version: "v1" },
    ],
  ];

  it.each(targets)("%s", (_name, target, expected) => {
    const described = describeApiTarget(target);
    expect(described).toStrictEqual(expected);
    const text = JSON.stringify(described);
    expect(text).not.toContain(target.apiKey);
    expect(text).not.toContain(target.signingSecret);
  });
});
