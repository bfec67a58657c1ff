/**
 * A console server of a test's own (`next start` on the build the suite uses), for what the shared
 * server cannot do: run with injected sandbox faults, be killed mid-run and started again on the
 * same PGlite folder.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ConsoleServerOptions {
  port: number;
  /** Extra environment (SANDBOX_FAULTS, HUMANOS_TIMEOUT_MS…); the rest matches the shared test server. */
  env?: Record<string, string>;
}

export class ConsoleServer {
  readonly baseURL: string;
  readonly databaseDir = mkdtempSync(join(tmpdir(), "humanos-e2e-own-db-"));
  private process: ChildProcess | undefined;
  private output = "";

  constructor(private readonly options: ConsoleServerOptions) {
    this.baseURL = `http://127.0.0.1:${options.port}`;
  }

  async start(): Promise<void> {
    // Something else on the port would answer the health check in this server's place.
    if (!(await portIsFree(this.options.port)))
      throw new Error(
        `port ${this.options.port} is already in use: stop what listens there, or set E2E_PORT`,
      );
    const child = spawn(
      process.execPath,
      ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(this.options.port)],
      {
        env: {
          ...process.env,
          PORT: String(this.options.port),
          NEXT_TELEMETRY_DISABLED: "1",
          HUMANOS_API_KEY: "",
          HUMANOS_SIGNING_SECRET: "",
          CONSOLE_OPERATORS: "",
          DATABASE_URL: "",
          DATABASE_DIR: this.databaseDir,
          SANDBOX_FAULTS: "",
          ...this.options.env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    child.stdout?.on("data", (part: Buffer) => {
      this.output += part.toString();
    });
    child.stderr?.on("data", (part: Buffer) => {
      this.output += part.toString();
    });
    this.process = child;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the console exited at start-up:\n${this.output}`);
      try {
        if ((await fetch(`${this.baseURL}/api/health`)).ok && child.exitCode === null) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the console did not answer within 60 s:\n${this.output}`);
  }

  /** SIGKILL: no shutdown hook runs, exactly like a crash or a pulled plug. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    this.process = undefined;
  }

  /** What the server printed (start-up lines, errors), for assertions and failure reports. */
  get log(): string {
    return this.output;
  }

  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.databaseDir, { recursive: true, force: true });
  }
}

/** Whether nothing listens on 127.0.0.1:`port` (by listening there for a moment). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}
