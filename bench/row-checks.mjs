#!/usr/bin/env node
// Benchmark of the grid's pure row checks in node (no browser, no server): builds N realistic rows
// exactly as the grid does (realisticTsv → pasteIntoBlankGrid), then times profileColumns, verdictOfRow
// over every row and findBatchDuplicates (as the worker calls it: rememberKeys false). Prints the
// median of BENCH_REPEAT (default 5) runs after warm-up runs over at least 100,000 rows.
// Usage: node bench/row-checks.mjs [N ...]  (default 10000 100000). Figures, not a pass/fail test:
// compare builds in interleaved runs on this shared machine, never against a remembered figure.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createJiti } from "jiti";
import { realisticTsv } from "./support.mjs";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
// interopDefault off: jiti's default interop hands out every module through a Proxy, which made each
// call from one module into another several times slower than in the bundled worker (measured: the
// repeat search 5× slower with its white-space test imported from another module).
const jiti = createJiti(import.meta.url, { alias: { "@/": `${repo}/` }, interopDefault: false });
const { pasteIntoBlankGrid } = await jiti.import(join(repo, "lib/import/paste-into-blank-grid.ts"));
const { profileColumns, verdictOfRow } = await jiti.import(join(repo, "lib/import/validate-grid.ts"));
const { findBatchDuplicates } = await jiti.import(join(repo, "lib/import/batch-duplicates.ts"));
const { subjectSchema } = await jiti.import(join(repo, "lib/humanos/schemas.ts"));
const { parsePhoneNumberFromString } = await import("libphonenumber-js/max");
const { parseValidPhoneDigits } = await jiti.import(join(repo, "lib/import/phone-digits-parser.ts"));
const { subjectToSend } = await jiti.import(join(repo, "lib/import/validate-grid.ts"));

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const counts = sizes.length > 0 ? sizes : [10_000, 100_000];
const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 5));
const OPTIONS = { defaultRegion: "PT", today: "2026-11-27" };

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The spread of the runs, as µs per row: min–max. */
function range(values, rowCount) {
  const perRow = values.map((ms) => ((ms * 1000) / rowCount).toFixed(1));
  return `${Math.min(...perRow)}–${Math.max(...perRow)}`;
}

function time(run) {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

function measure(rowCount) {
  const { rows } = pasteIntoBlankGrid(realisticTsv(rowCount), { rowIndex: 0, field: null }, 1);
  const profile = profileColumns(rows);
  const verdicts = () => {
    let valid = 0;
    for (const row of rows) if (verdictOfRow(row, profile, OPTIONS).kind === "valid") valid += 1;
    return valid;
  };
  const repeats = () => findBatchDuplicates(rows, { rememberKeys: false }).size;
  // The floor the libraries set: the one schema parse of each valid row, and libphonenumber's parse
  // and validation of each phone, alone (what the verdicts cannot do without).
  const subjects = [];
  const phones = [];
  for (const row of rows) {
    const verdict = verdictOfRow(row, profile, OPTIONS);
    if (verdict.kind === "valid") subjects.push(subjectToSend(row, verdict.sent));
    if (!row.contact.includes("@")) phones.push(row.contact.trim());
  }
  const schema = () => subjects.filter((subject) => subjectSchema.safeParse(subject).success).length;
  const phoneLibrary = () => phones.filter((phone) => parsePhoneNumberFromString(phone)?.isValid()).length;
  // What normalisePhone parses with instead: the library's steps over its metadata, patterns compiled once.
  const phoneParser = () => phones.filter((phone) => typeof parseValidPhoneDigits(phone) === "object").length;
  const figures = { profile: [], verdicts: [], repeats: [], schema: [], phoneLibrary: [], phoneParser: [] };
  let valid = 0;
  let repeated = 0;
  // Warm-up runs over at least 100,000 rows, so V8 has optimised the hot paths at either size.
  const warmUpRuns = Math.max(1, Math.ceil(100_000 / rowCount));
  for (let run = 0; run < warmUpRuns + repeat; run += 1) {
    const p = time(() => profileColumns(rows));
    const v = time(verdicts);
    const r = time(repeats);
    const z = time(schema);
    const l = time(phoneLibrary);
    const d = time(phoneParser);
    valid = v.result;
    repeated = r.result;
    if (run < warmUpRuns) continue;
    figures.profile.push(p.ms);
    figures.verdicts.push(v.ms);
    figures.repeats.push(r.ms);
    figures.schema.push(z.ms);
    figures.phoneLibrary.push(l.ms);
    figures.phoneParser.push(d.ms);
  }
  const verdictMs = median(figures.verdicts);
  console.log(
    [
      `${rowCount.toLocaleString("en")} rows (${valid.toLocaleString("en")} valid, ${repeated} repeated)`,
      `verdictOfRow ${((verdictMs * 1000) / rowCount).toFixed(2)} µs/row (${verdictMs.toFixed(0)} ms)`,
      `findBatchDuplicates ${median(figures.repeats).toFixed(1)} ms`,
      `profileColumns ${median(figures.profile).toFixed(1)} ms`,
      `[median of ${repeat}; verdicts ${range(figures.verdicts, rowCount)} µs/row]`,
    ].join(" · "),
  );
  const perRow = (ms) => ((ms * 1000) / rowCount).toFixed(2);
  console.log(
    `  of the verdicts, the libraries alone: subjectSchema.safeParse of the ${subjects.length.toLocaleString("en")} valid rows ${perRow(median(figures.schema))} µs/row, libphonenumber parse+isValid of the ${phones.length.toLocaleString("en")} phones ${perRow(median(figures.phoneLibrary))} µs/row (phone-digits-parser: ${perRow(median(figures.phoneParser))} µs/row)`,
  );
}

console.log(`node ${process.version}`);
for (const rowCount of counts) measure(rowCount);
