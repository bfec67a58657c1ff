"use client";

import { type ColumnMapping, mappingMemoryKey } from "@/lib/import/column-mapping";

const TARGETS = new Set([
  "email",
  "phone",
  "contact",
  "internalId",
  "fullName",
  "birth",
  "docId",
  "countryAlpha3",
]);

/** The mapping the operator chose last time for this header row, if any (kept in this browser only). */
export function recallMapping(header: readonly string[]): ColumnMapping | undefined {
  try {
    const stored = JSON.parse(localStorage.getItem(mappingMemoryKey(header)) ?? "null") as unknown;
    if (!Array.isArray(stored) || stored.length !== header.length) return undefined;
    if (!stored.every((target) => target === null || (typeof target === "string" && TARGETS.has(target)))) {
      return undefined;
    }
    return stored as ColumnMapping;
  } catch {
    return undefined;
  }
}

export function rememberMapping(header: readonly string[], mapping: ColumnMapping): void {
  try {
    localStorage.setItem(mappingMemoryKey(header), JSON.stringify(mapping));
  } catch {
    // Storage full or disabled: the mapping simply is not remembered.
  }
}
