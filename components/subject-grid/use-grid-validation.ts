"use client";

import { useMemo } from "react";
import type { GridCells } from "@/lib/import/grid-fields";
import { type GridValidation, validateGrid } from "@/lib/import/validate-grid";

export function useGridValidation(rows: readonly GridCells[]): GridValidation {
  return useMemo(() => validateGrid(rows), [rows]);
}
