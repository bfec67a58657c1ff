#!/usr/bin/env node
// A real PostgreSQL server for the integration tests (lib/db/database.test-support.ts runs every
// database suite against PGlite, and also against PostgreSQL when TEST_DATABASE_URL is set).
//
// ensurePostgres() returns { url, note }:
//   - TEST_DATABASE_URL already set → used as is.
//   - else Debian's PostgreSQL binaries (/usr/lib/postgresql/<highest>/bin, or initdb on PATH);
//     when missing and running as root they are installed (apt-get install postgresql); when missing
//     and not root → no url, and a note saying how to install them (the tests then run on PGlite only).
//   - a PRIVATE throwaway cluster in <tmp>/humanos-console-pg-<uid> (never the system's `main`
//     cluster): listening on 127.0.0.1 only, port 54329 (or the next free one), unix socket in the same
//     dir, fsync/synchronous_commit/full_page_writes off (test data only), password (scram) auth over
//     TCP. Its bootstrap superuser is `console` / `console`, so the URL
//     postgres://console:console@127.0.0.1:<port>/postgres can CREATE DATABASE.
//   - idempotent: a cluster that is already initialised and running is reused (a second call takes
//     well under a second); one that is initialised but stopped is started again.
//   - initdb and postgres refuse to run as root: as root they run as the `postgres` user (runuser),
//     which owns the dir; otherwise as the current user.
//
// The server is LEFT RUNNING after the tests: the CI machine is thrown away, and locally the next
// `npm test` reuses it instantly. `node scripts/ensure-postgres.mjs --stop` stops it and deletes the dir.
//
// Run alone, `node scripts/ensure-postgres.mjs` prints the URL on stdout (notes go to stderr), so
// `TEST_DATABASE_URL=$(node scripts/ensure-postgres.mjs) npx vitest run lib/db` works.
import { spawnSync } from "node:child_process";
import {
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

const FIRST_PORT = 54329;
const PORT_ATTEMPTS = 20;
const READY_TIMEOUT_S = 30;
const ROLE = "console";
const PASSWORD = "console";

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const uid = typeof process.getuid === "function" ? process.getuid() : 0;
const baseDir = join(tmpdir(), `humanos-console-pg-${uid}`);
const dataDir = join(baseDir, "data");
const logFile = join(baseDir, "server.log");

const log = (message) => console.error(`[ensure-postgres] ${message}`);

function versionOf(dir) {
  return Number.parseInt(dir, 10) || 0;
}

/** The bin dir holding initdb + pg_ctl: Debian's highest version, else whatever is on PATH. */
function findBinDir() {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter(
        (name) =>
          existsSync(join(root, name, "bin", "initdb")) && existsSync(join(root, name, "bin", "pg_ctl")),
      )
      .sort((a, b) => versionOf(b) - versionOf(a));
    if (versions.length > 0) return join(root, versions[0], "bin");
  }
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    // Resolve symlinks (e.g. /usr/local/bin/initdb → /usr/lib/postgresql/15/bin/initdb) so psql and
    // the version come from the same install.
    if (dir && existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"))) {
      return dirname(realpathSync(join(dir, "initdb")));
    }
  }
  return undefined;
}

function runVisible(command, args) {
  console.error(`\n$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: ["ignore", process.stderr, process.stderr],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

function installPostgres() {
  log("PostgreSQL is not installed: installing Debian's postgresql for the integration tests…");
  const install = () =>
    runVisible("apt-get", ["install", "-y", "-q", "--no-install-recommends", "postgresql"]);
  // apt-get update only when the package lists don't know postgresql yet (fresh image), or when an
  // install from stale lists fails (mirror moved on).
  const known = spawnSync("apt-cache", ["show", "postgresql"], { stdio: "ignore" }).status === 0;
  if (known && install()) return true;
  return runVisible("apt-get", ["update", "-q"]) && install();
}

/** Runs a PostgreSQL program, as the `postgres` user when we are root. Output is captured. */
function pgRun(binDir, program, args) {
  const command = join(binDir, program);
  const [file, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  const result = spawnSync(file, argv, {
    cwd: baseDir,
    encoding: "utf8",
    env: { ...process.env, LC_ALL: "C" },
  });
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}`.trim(),
  };
}

function postgresIds() {
  const line = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const group = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (line.status !== 0 || group.status !== 0) return undefined;
  return { uid: Number(line.stdout.trim()), gid: Number(group.stdout.trim()) };
}

/** Creates the private dir (owned by whoever runs the server) or checks one left by an earlier run. */
function prepareBaseDir() {
  const owner = isRoot ? postgresIds() : { uid, gid: process.getgid?.() ?? 0 };
  if (!owner) throw new Error("running as root but there is no `postgres` user to run the server as");
  if (existsSync(baseDir)) {
    const stat = lstatSync(baseDir);
    if (!stat.isDirectory() || stat.isSymbolicLink() || stat.uid !== owner.uid) {
      throw new Error(`${baseDir} exists but is not a directory owned by uid ${owner.uid}; remove it`);
    }
    return;
  }
  mkdirSync(baseDir, { mode: 0o700 });
  if (isRoot) chownSync(baseDir, owner.uid, owner.gid);
}

function isPortFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

async function pickPort() {
  for (let port = FIRST_PORT; port < FIRST_PORT + PORT_ATTEMPTS; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`no free port in ${FIRST_PORT}–${FIRST_PORT + PORT_ATTEMPTS - 1} on 127.0.0.1`);
}

/** { pid, port } of our cluster's postmaster when it is alive, from data/postmaster.pid. */
function runningServer() {
  const pidFile = join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (pid && isAlivePostgres(pid)) return { pid, port: port || undefined }; // no port yet: still starting
  // Stale (server killed): postgres removes it itself unless the pid is a zombie, which it takes for
  // alive (containers whose pid 1 reaps nothing), so remove it here.
  rmSync(pidFile, { force: true });
  return undefined;
}

/** Alive, not a zombie, and (where /proc tells) a postgres process rather than a reused pid. */
function isAlivePostgres(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== "EPERM") return false;
  }
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return !existsSync("/proc/self"); // no /proc (macOS): trust kill(pid, 0)
  try {
    // "pid (comm) S …": comm may contain spaces, so split on the last ")".
    const text = readFileSync(stat, "utf8");
    const comm = text.slice(text.indexOf("(") + 1, text.lastIndexOf(")"));
    const state = text.slice(text.lastIndexOf(")") + 2, text.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X" && (comm === "postgres" || comm === "postmaster");
  } catch {
    return false;
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function killServer(pid) {
  try {
    process.kill(pid, "SIGINT"); // fast shutdown
  } catch {
    return;
  }
  for (let i = 0; i < 100; i++) {
    if (!isAlivePostgres(pid)) return;
    await sleep(100);
  }
  try {
    process.kill(pid, "SIGKILL");
  } catch {}
}

function urlFor(port) {
  return `postgres://${ROLE}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

/** Retries `select 1` through the URL itself (TCP + password), bounded to READY_TIMEOUT_S. */
async function waitUntilAccepting(binDir, url) {
  const psql = existsSync(join(binDir, "psql")) ? join(binDir, "psql") : "psql";
  const deadline = Date.now() + READY_TIMEOUT_S * 1000;
  let output = "";
  while (Date.now() < deadline) {
    const result = spawnSync(psql, [url, "-XAtqc", "select 1"], {
      encoding: "utf8",
      env: { ...process.env, PGCONNECT_TIMEOUT: "3" },
    });
    if (result.status === 0) return { ok: true, output: "" };
    output = `${result.stderr ?? ""}${result.error ? String(result.error) : ""}`.trim();
    await sleep(200);
  }
  return { ok: false, output };
}

function initCluster(binDir) {
  const pwfile = join(baseDir, "pwfile");
  writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  if (isRoot) {
    const owner = postgresIds();
    if (owner) chownSync(pwfile, owner.uid, owner.gid);
  }
  try {
    const result = pgRun(binDir, "initdb", [
      "-D",
      dataDir,
      "-U",
      ROLE,
      `--pwfile=${pwfile}`,
      "--auth-local=trust",
      "--auth-host=scram-sha-256",
      "-E",
      "UTF8",
      "--locale=C",
      "--no-sync",
    ]);
    if (!result.ok) throw new Error(`initdb failed:\n${result.output}`);
  } finally {
    if (existsSync(pwfile)) unlinkSync(pwfile);
  }
  // A throwaway test cluster: no durability, loopback only, socket next to the data.
  const settings = [
    "",
    "# humanos-console test cluster (scripts/ensure-postgres.mjs)",
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${baseDir}'`,
    "fsync = off",
    "synchronous_commit = off",
    "full_page_writes = off",
    "max_connections = 200",
    "",
  ].join("\n");
  const conf = join(dataDir, "postgresql.conf");
  writeFileSync(conf, readFileSync(conf, "utf8") + settings);
}

async function startCluster(binDir) {
  const port = await pickPort();
  const result = pgRun(binDir, "pg_ctl", [
    "-D",
    dataDir,
    "-l",
    logFile,
    "-o",
    `-p ${port}`,
    "-w",
    "-t",
    String(READY_TIMEOUT_S),
    "start",
  ]);
  if (!result.ok) {
    const tail = existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").slice(-20).join("\n") : "";
    throw new Error(`pg_ctl start failed:\n${result.output}\n${tail}`);
  }
  return port;
}

/** @returns {Promise<{ url?: string, note: string }>} */
export async function ensurePostgres() {
  if (process.env.TEST_DATABASE_URL) {
    return { url: process.env.TEST_DATABASE_URL, note: "PostgreSQL: TEST_DATABASE_URL as given" };
  }
  const started = Date.now();
  let binDir = findBinDir();
  if (!binDir && isRoot && installPostgres()) binDir = findBinDir();
  if (!binDir) {
    return {
      note: isRoot
        ? "WARNING: PostgreSQL could not be had (apt-get install postgresql failed, or left no initdb/pg_ctl under /usr/lib/postgresql); database tests run on PGlite only."
        : "WARNING: PostgreSQL not found, database tests run on PGlite only. Install it (sudo apt-get install -y postgresql) or set TEST_DATABASE_URL to an admin URL whose role may CREATE DATABASE.",
    };
  }
  const binVersion = binDir.match(/postgresql\/(\d+)\//)?.[1];
  try {
    prepareBaseDir();
    let server = runningServer();
    for (let i = 0; server && !server.port && i < READY_TIMEOUT_S * 5; i++) {
      await sleep(200); // another run is starting it right now
      server = runningServer();
    }
    if (server && !server.port) throw new Error(`${dataDir}/postmaster.pid names no port`);
    const versionFile = join(dataDir, "PG_VERSION");
    const dataVersion = existsSync(versionFile) ? readFileSync(versionFile, "utf8").trim() : undefined;
    if (dataVersion && binVersion && dataVersion !== binVersion) {
      log(`cluster in ${dataDir} is PostgreSQL ${dataVersion}, binaries are ${binVersion}: recreating it`);
      if (server) await killServer(server.pid);
      server = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    } else if (!dataVersion && existsSync(dataDir)) {
      rmSync(dataDir, { recursive: true, force: true }); // half-made by an interrupted initdb
    }
    let action = "reused the running";
    if (!server) {
      if (!existsSync(join(dataDir, "PG_VERSION"))) {
        initCluster(binDir);
        action = "initialised and started a";
      } else action = "started the existing";
      await startCluster(binDir);
      server = runningServer();
      if (!server) throw new Error(`the server started but ${dataDir}/postmaster.pid is missing`);
    }
    const url = urlFor(server.port);
    const ready = await waitUntilAccepting(binDir, url);
    if (!ready.ok) throw new Error(`no connection within ${READY_TIMEOUT_S} s:\n${ready.output}`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    return {
      url,
      note: `PostgreSQL: ${action} private cluster in ${baseDir} on 127.0.0.1:${server.port} (${seconds} s)`,
    };
  } catch (error) {
    return {
      note: `WARNING: PostgreSQL could not be started (${error.message.trim()}); database tests run on PGlite only.`,
    };
  }
}

/** Stops the private cluster and deletes its dir. */
export async function stopPostgres() {
  const server = existsSync(dataDir) ? runningServer() : undefined;
  if (server) await killServer(server.pid);
  rmSync(baseDir, { recursive: true, force: true });
  return server ? `stopped the server on port ${server.port} and removed ${baseDir}` : `removed ${baseDir}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes("--stop")) {
    log(await stopPostgres());
  } else {
    const { url, note } = await ensurePostgres();
    log(note);
    if (url) console.log(url);
    process.exitCode = url ? 0 : 1;
  }
}
