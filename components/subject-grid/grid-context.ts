"use client";

import { createContext, type KeyboardEvent, useContext } from "react";
import type { GridField } from "@/lib/import/grid-fields";
import type { RowVerdict } from "@/lib/import/validate-grid";

export interface GridActions {
  verdicts: readonly RowVerdict[];
  updateCell: (rowIndex: number, field: GridField, value: string) => void;
  removeRow: (rowIndex: number) => void;
  onCellKeyDown: (event: KeyboardEvent<HTMLInputElement>, rowIndex: number, field: GridField) => void;
}

export const GridContext = createContext<GridActions | null>(null);

export function useGridActions(): GridActions {
  const actions = useContext(GridContext);
  if (!actions) throw new Error("Grid cells must be rendered inside <SubjectGrid>");
  return actions;
}
