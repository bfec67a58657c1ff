"use client";

import type { ColumnMapping } from "@/lib/import/column-mapping";
import {
  headerSetKey,
  legacyHeaderKey,
  recallStoredMapping,
  storedMappingValue,
} from "@/lib/import/remembered-mapping";

/** The mapping the operator chose last time for these header names, in any order (this browser only). */
export function recallMapping(header: readonly string[]): ColumnMapping | undefined {
  try {
    return recallStoredMapping(header, (key) => localStorage.getItem(key));
  } catch {
    // Storage disabled: nothing is remembered.
    return undefined;
  }
}

export function rememberMapping(header: readonly string[], mapping: ColumnMapping): void {
  try {
    localStorage.setItem(headerSetKey(header), storedMappingValue(header, mapping));
    localStorage.removeItem(legacyHeaderKey(header));
  } catch {
    // Storage full or disabled: the mapping simply is not remembered.
  }
}
