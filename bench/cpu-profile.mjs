#!/usr/bin/env node
// Where the server's main thread spent its time in each phase of `BENCH_CPU_PROF=<dir> npm run
// bench:submit`: busy seconds by area (PGlite, Next, fetch client, zod, GC…) and the busiest
// functions, for the bare path and the console path. Usage: node bench/cpu-profile.mjs <dir> [top]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
const top = Number(process.argv[3] ?? 25);
if (!dir) throw new Error("usage: node bench/cpu-profile.mjs <dir> [top]");
const phases = JSON.parse(readFileSync(join(dir, "phases.json"), "utf8"));
const profiles = readdirSync(dir).filter((name) => name.endsWith(".cpuprofile"));

/** Areas, first match wins: [label, test on the frame]. */
const AREAS = [
  ["GC", (frame) => frame.functionName === "(garbage collector)"],
  ["idle", (frame) => frame.functionName === "(idle)"],
  ["(program: native, unattributed)", (frame) => frame.functionName === "(program)"],
  ["PGlite WASM (Postgres itself)", (frame) => frame.url.startsWith("wasm://")],
  ["PGlite JS", (frame) => frame.url.includes("@electric-sql/pglite")],
  ["drizzle", (frame) => frame.url.includes("drizzle-orm")],
  ["zod", (frame) => frame.url.includes("/zod/") || frame.url.includes("zod_")],
  ["fetch client (undici)", (frame) => frame.url.includes("undici")],
  ["crypto (HMAC, hashes, UUIDs)", (frame) => frame.url.includes("crypto")],
  [
    "node http server, net, streams",
    (frame) => /node:(_http|net|internal\/(streams|http|stream_base))/.test(frame.url),
  ],
  ["React server rendering", (frame) => /react-(dom|server-dom)/.test(frame.url)],
  ["Next server", (frame) => frame.url.includes("next/dist")],
  ["app code (bundled)", (frame) => frame.url.includes(".next/server")],
  ["node internals (timers, events…)", (frame) => frame.url.startsWith("node:")],
  ["builtins (JSON, RegExp…, no url)", (frame) => frame.url === ""],
  ["other", () => true],
];

function areaOf(frame) {
  return AREAS.find(([, test]) => test(frame))[0];
}

function shortUrl(url) {
  return url.replace(/^.*node_modules\//, "").replace(/^.*\.next\/server\//, ".next/server/");
}

const queryFile = join(dir, "queries.jsonl");
const statements = existsSync(queryFile)
  ? readFileSync(queryFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];

/** Time inside Postgres per statement in a window (PGLITE_QUERY_PROFILE, written by the bench). */
function printStatements(label, from, to) {
  const byStatement = new Map();
  for (const statement of statements) {
    if (statement.at < from || statement.at > to) continue;
    const entry = byStatement.get(statement.sql) ?? { us: 0, calls: 0 };
    entry.us += statement.us;
    entry.calls += 1;
    byStatement.set(statement.sql, entry);
  }
  if (byStatement.size === 0) return;
  const total = [...byStatement.values()].reduce((sum, entry) => sum + entry.us, 0);
  console.log(`\n### ${label}: time inside Postgres per statement (${(total / 1e6).toFixed(2)} s in all)`);
  for (const [sql, entry] of [...byStatement].sort((a, b) => b[1].us - a[1].us).slice(0, top)) {
    console.log(
      `${(entry.us / 1e6).toFixed(2).padStart(6)} s ${String(entry.calls).padStart(6)} calls  ${sql}`,
    );
  }
}

for (const file of profiles) {
  const profile = JSON.parse(readFileSync(join(dir, file), "utf8"));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const windows = [
    ["bare path", phases.bareStart, phases.bareEnd],
    ["console path (page load, paste, send)", phases.bareEnd, phases.consoleEnd],
    ["console path after the click", phases.consoleClick, phases.consoleEnd],
  ];
  let time = profile.startTime;
  const stamps = profile.timeDeltas.map((delta) => {
    time += delta;
    return time;
  });
  console.log(`\n# ${file}`);
  for (const [label, from, to] of windows) {
    if (from === undefined || to === undefined) continue;
    const byArea = new Map();
    const self = new Map();
    const inclusive = new Map();
    let busy = 0;
    for (let index = 0; index < profile.samples.length; index++) {
      const at = stamps[index];
      if (at < from || at > to) continue;
      const weight = (stamps[index + 1] ?? at) - at;
      const leaf = nodes.get(profile.samples[index]);
      const area = areaOf(leaf.callFrame);
      byArea.set(area, (byArea.get(area) ?? 0) + weight);
      if (area === "idle") continue;
      busy += weight;
      const key = `${leaf.callFrame.functionName || "(anonymous)"}  ${shortUrl(leaf.callFrame.url)}:${leaf.callFrame.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + weight);
      const seen = new Set();
      for (let id = leaf.id; id !== undefined; id = parents.get(id)) {
        const frame = nodes.get(id).callFrame;
        if (!frame.functionName || frame.functionName.startsWith("(")) continue;
        const name = `${frame.functionName}  ${shortUrl(frame.url)}`;
        if (seen.has(name)) continue;
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + weight);
      }
    }
    const seconds = (us) => (us / 1e6).toFixed(2).padStart(6);
    console.log(
      `\n## ${label}: ${((to - from) / 1e6).toFixed(2)} s wall, ${seconds(busy)} s busy on the main thread`,
    );
    for (const [area, us] of [...byArea].sort((a, b) => b[1] - a[1])) console.log(`${seconds(us)}  ${area}`);
    printStatements(label, from, to);
    console.log(`\n### top ${top} by self time`);
    for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`${seconds(us)}  ${name}`);
    console.log(`\n### top ${top} by inclusive time (synchronous stacks only: awaits cut them)`);
    for (const [name, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`${seconds(us)}  ${name}`);
  }
}
