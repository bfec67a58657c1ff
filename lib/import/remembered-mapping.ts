/**
 * The File tab's memory of the mapping an operator chose, per set of header names: the same columns
 * in another order (or spelt with other case, accents or punctuation) get it back. Pure: the browser
 * hook only reads and writes the strings (use-remembered-mapping.ts).
 */
import { type ColumnMapping, mappingConflicts, TARGET_LABELS } from "./column-mapping";
import { type ColumnTarget, foldLabel } from "./header-detection";

const KEY_PREFIX = "column-mapping-by-name:";
/** Before: one entry per header row in column order, holding one target per column. */
const LEGACY_KEY_PREFIX = "column-mapping:";

const TARGETS: ReadonlySet<string> = new Set(Object.keys(TARGET_LABELS));

function isColumnTarget(value: unknown): value is ColumnTarget {
  return value === null || (typeof value === "string" && TARGETS.has(value));
}

/** Folded names contain only letters and digits, so "|" cannot occur inside one. */
function joinNames(names: readonly string[]): string {
  return names.join("|");
}

/** Storage key of a set of header names: folded and sorted, so any order of the same columns shares it. */
export function headerSetKey(header: readonly string[]): string {
  // Code-unit order, not localeCompare: the key must not depend on the browser's locale.
  return KEY_PREFIX + joinNames(header.map(foldLabel).sort());
}

/** Where the console kept a mapping before it was stored by name (read, then replaced on the next load). */
export function legacyHeaderKey(header: readonly string[]): string {
  return LEGACY_KEY_PREFIX + joinNames(header.map(foldLabel));
}

/** The stored form of a mapping: each column's folded name with its target, so column order does not matter. */
export function storedMappingValue(header: readonly string[], mapping: ColumnMapping): string {
  return JSON.stringify(header.map((label, column) => [foldLabel(label), mapping[column] ?? null]));
}

function parseStored(stored: string | null): unknown {
  if (stored === null) return undefined;
  try {
    return JSON.parse(stored) as unknown;
  } catch {
    return undefined;
  }
}

function withoutConflicts(mapping: ColumnMapping): ColumnMapping | undefined {
  return mappingConflicts(mapping).length === 0 ? mapping : undefined;
}

/**
 * A stored name-to-target list applied to `header` by name. Columns that share a folded name take
 * the stored targets in turn. Undefined when the list is corrupt, is for other columns, names a
 * field that no longer exists, or would feed a field twice.
 */
export function mappingFromStored(
  header: readonly string[],
  stored: string | null,
): ColumnMapping | undefined {
  const entries = parseStored(stored);
  if (!Array.isArray(entries) || entries.length !== header.length) return undefined;
  const targetsByName = new Map<string, ColumnTarget[]>();
  for (const entry of entries as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2) return undefined;
    const [name, target] = entry as unknown[];
    if (typeof name !== "string" || !isColumnTarget(target)) return undefined;
    targetsByName.set(name, [...(targetsByName.get(name) ?? []), target]);
  }
  const mapping: ColumnMapping = [];
  for (const label of header) {
    const target = targetsByName.get(foldLabel(label))?.shift();
    if (target === undefined) return undefined;
    mapping.push(target);
  }
  return withoutConflicts(mapping);
}

/** A legacy entry (one target per column, in column order), under the same checks. */
export function mappingFromLegacyStored(
  header: readonly string[],
  stored: string | null,
): ColumnMapping | undefined {
  const targets = parseStored(stored);
  if (!Array.isArray(targets) || targets.length !== header.length) return undefined;
  const mapping = targets as unknown[];
  return mapping.every(isColumnTarget) ? withoutConflicts(mapping) : undefined;
}

/** The mapping remembered for `header`, read through `read` (localStorage.getItem in the browser). */
export function recallStoredMapping(
  header: readonly string[],
  read: (key: string) => string | null,
): ColumnMapping | undefined {
  return (
    mappingFromStored(header, read(headerSetKey(header))) ??
    mappingFromLegacyStored(header, read(legacyHeaderKey(header)))
  );
}
