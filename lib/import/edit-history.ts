/**
 * Undo/redo over grid edits. Steps hold patches, never snapshots, so a deep history of a 100,000-row
 * grid costs memory in proportion to the cells edited, not to the grid size.
 */
import { applyPatch, type GridPatch, isEmptyPatch } from "./grid-edits";
import type { GridCells } from "./grid-fields";

export const DEFAULT_HISTORY_LIMIT = 200;

export interface HistoryStep {
  rows: GridCells[];
  /** What the step did, e.g. "paste of 2,000 rows". */
  label: string;
}

export interface EditHistory {
  /** Adds a step after an edit was applied. Drops any redo branch; empty patches are not steps. */
  record(patch: GridPatch, label: string): void;
  /** Reverts the latest step on `rows` (the current grid), or undefined when there is nothing to undo. */
  undo(rows: readonly GridCells[]): HistoryStep | undefined;
  redo(rows: readonly GridCells[]): HistoryStep | undefined;
  clear(): void;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** e.g. "Undo paste of 2,000 rows"; undefined when there is nothing to undo. */
  readonly undoLabel: string | undefined;
  readonly redoLabel: string | undefined;
  readonly undoDepth: number;
  readonly redoDepth: number;
}

interface Step {
  patch: GridPatch;
  label: string;
}

const countFormat = new Intl.NumberFormat("en-US");

/** "1 row", "2,000 rows": a shared wording for labels such as `paste of ${rowsLabel(n)}`. */
export function rowsLabel(count: number): string {
  return `${countFormat.format(count)} ${count === 1 ? "row" : "rows"}`;
}

export function createEditHistory(limit = DEFAULT_HISTORY_LIMIT): EditHistory {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`History limit must be ≥ 1, got ${limit}`);
  const past: Step[] = [];
  // The most recently undone step is last, so redo pops it first.
  const future: Step[] = [];

  function move(from: Step[], to: Step[], rows: readonly GridCells[], direction: "undo" | "redo") {
    const step = from.at(-1);
    if (!step) return undefined;
    // Apply before moving the step: if the patch does not fit the rows, history stays as it was.
    const next = applyPatch(rows, step.patch, direction);
    from.pop();
    to.push(step);
    return { rows: next, label: step.label };
  }

  return {
    record(patch, label) {
      if (isEmptyPatch(patch)) return;
      future.length = 0;
      past.push({ patch, label });
      if (past.length > limit) past.shift();
    },
    undo: (rows) => move(past, future, rows, "undo"),
    redo: (rows) => move(future, past, rows, "redo"),
    clear() {
      past.length = 0;
      future.length = 0;
    },
    get canUndo() {
      return past.length > 0;
    },
    get canRedo() {
      return future.length > 0;
    },
    get undoLabel() {
      const step = past.at(-1);
      return step && `Undo ${step.label}`;
    },
    get redoLabel() {
      const step = future.at(-1);
      return step && `Redo ${step.label}`;
    },
    get undoDepth() {
      return past.length;
    },
    get redoDepth() {
      return future.length;
    },
  };
}
