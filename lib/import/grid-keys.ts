/**
 * The paste grid's keyboard map: what a key pressed on a cell (not in its editor) asks for, over the
 * WAI-ARIA grid pattern and spreadsheet shortcuts. Pure: the grid performs the action.
 */
import { type CellPosition, LAST_COLUMN, moveTarget, PROBLEMS_COLUMN } from "./grid-selection";

/** A key as the grid reads it: Ctrl and Cmd are one `command`. */
export interface GridKeyPress {
  key: string;
  /** The physical key (KeyboardEvent.code), for shortcuts whose character depends on the layout. */
  code?: string;
  command: boolean;
  shift: boolean;
  alt: boolean;
}

export type GridKeyAction =
  | {
      kind: "undo" | "redo" | "fill-down" | "select-all" | "clear" | "collapse-selection" | "delete-rows";
    }
  /** Ctrl+V: the grid reads the clipboard itself where it may, else lets the paste event come. */
  | { kind: "paste" }
  | { kind: "move"; to: CellPosition; extend: boolean }
  | { kind: "take-suggestion" }
  /** The row's problems in full, or why there are none to list. */
  | { kind: "list-problems" }
  /** Opens the active cell's editor, with `draft` (the key typed) in place of its value when given. */
  | { kind: "edit"; draft?: string }
  | { kind: "jump-to-error"; direction: 1 | -1 }
  /** Typing on the read-only Problems cell: refused, with the reason. */
  | { kind: "refuse-typing" };

/**
 * What `press` asks for with `active` the active cell among `rowCount` rows (Page Up/Down move by
 * `pageRows`); undefined for a key the grid leaves to the browser (Tab out of the row's ends, too).
 */
export function gridKeyAction(
  press: GridKeyPress,
  active: CellPosition,
  rowCount: number,
  pageRows: number,
): GridKeyAction | undefined {
  const { key, code, command, shift, alt } = press;
  // Ctrl+Alt+− (Cmd+Option+− on a Mac, as in Google Sheets) deletes the selected rows. By the physical
  // key: Option+− types "–" on a Mac. Ctrl+− alone stays the browser's zoom out.
  if (command && alt && (code === "Minus" || code === "NumpadSubtract" || key === "-"))
    return { kind: "delete-rows" };
  if (command) {
    const letter = key.toLowerCase();
    if (letter === "z") return { kind: shift ? "redo" : "undo" };
    if (letter === "y") return { kind: "redo" };
    if (letter === "d") return { kind: "fill-down" };
    if (letter === "v" && !shift) return { kind: "paste" };
    if (letter === "a") return { kind: "select-all" };
  }
  if (!alt) {
    const to = moveTarget(active, key, command, rowCount, pageRows);
    if (to) return { kind: "move", to, extend: shift };
  }
  if (alt && key === "Enter") return { kind: "take-suggestion" };
  if (alt && key === "ArrowDown") return { kind: "list-problems" };
  if (command || alt) return undefined;
  const onProblemsCell = active.col === PROBLEMS_COLUMN;
  switch (key) {
    case "Tab": {
      const col = active.col + (shift ? -1 : 1);
      // Out of the row's ends, Tab leaves the grid, as it should.
      return col < 0 || col > LAST_COLUMN
        ? undefined
        : { kind: "move", to: { row: active.row, col }, extend: false };
    }
    case "Enter":
    case "F2":
      return onProblemsCell ? { kind: "list-problems" } : { kind: "edit" };
    case "Delete":
    case "Backspace":
      return { kind: "clear" };
    case "Escape":
      return { kind: "collapse-selection" };
    case "F8":
      return { kind: "jump-to-error", direction: shift ? -1 : 1 };
    default:
      // A printable character (named keys are longer: "Shift", "ArrowUp"…) starts an edit with it.
      if (key.length !== 1) return undefined;
      return onProblemsCell ? { kind: "refuse-typing" } : { kind: "edit", draft: key };
  }
}
