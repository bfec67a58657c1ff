"use client";

import { useCallback, useState } from "react";
import { applyPaste, type PasteOutcome, type PasteTarget } from "@/lib/import/apply-paste";
import { emptyGridCells, type GridCells, type GridField } from "@/lib/import/grid-fields";

export const INITIAL_BLANK_ROWS = 5;

function initialRows(): GridCells[] {
  return Array.from({ length: INITIAL_BLANK_ROWS }, emptyGridCells);
}

/** The grid's rows: immutable row objects, replaced only where something changed. */
export function useGridRows() {
  const [rows, setRows] = useState<GridCells[]>(initialRows);

  const updateCell = useCallback((rowIndex: number, field: GridField, value: string) => {
    setRows((current) => {
      const row = current[rowIndex];
      if (!row || row[field] === value) return current;
      const next = current.slice();
      next[rowIndex] = { ...row, [field]: value };
      return next;
    });
  }, []);

  const removeRow = useCallback((rowIndex: number) => {
    setRows((current) => {
      const next = current.filter((_, index) => index !== rowIndex);
      return next.length > 0 ? next : [emptyGridCells()];
    });
  }, []);

  const addRow = useCallback(() => setRows((current) => [...current, emptyGridCells()]), []);
  const clear = useCallback(() => setRows(initialRows()), []);

  const paste = useCallback(
    (text: string, target: PasteTarget): PasteOutcome => {
      const outcome = applyPaste(rows, text, target);
      setRows(outcome.rows);
      return outcome;
    },
    [rows],
  );

  return { rows, updateCell, removeRow, addRow, clear, paste };
}
