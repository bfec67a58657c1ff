import { describe, expect, it } from "vitest";
import { type GridKeyAction, type GridKeyPress, gridKeyAction } from "./grid-keys";
import { LAST_COLUMN, PROBLEMS_COLUMN } from "./grid-selection";

const FIELD = { row: 3, col: 2 };
const PROBLEMS = { row: 3, col: PROBLEMS_COLUMN };
const FIRST = { row: 3, col: 0 };

function press(key: string, modifiers: Partial<Omit<GridKeyPress, "key">> = {}): GridKeyPress {
  return { key, command: false, shift: false, alt: false, ...modifiers };
}

describe("gridKeyAction", () => {
  it.each<[string, GridKeyPress, { row: number; col: number }, GridKeyAction | undefined]>([
    ["Ctrl+Z undoes", press("z", { command: true }), FIELD, { kind: "undo" }],
    ["Ctrl+Shift+Z redoes", press("Z", { command: true, shift: true }), FIELD, { kind: "redo" }],
    ["Ctrl+Y redoes", press("y", { command: true }), FIELD, { kind: "redo" }],
    ["Ctrl+D fills down", press("d", { command: true }), FIELD, { kind: "fill-down" }],
    ["Ctrl+V pastes", press("v", { command: true }), FIELD, { kind: "paste" }],
    [
      "Ctrl+Alt+− deletes the selected rows",
      press("-", { code: "Minus", command: true, alt: true }),
      FIELD,
      { kind: "delete-rows" },
    ],
    [
      "Cmd+Option+− on a Mac (the key types an en dash) deletes them too",
      press("–", { code: "Minus", command: true, alt: true }),
      FIELD,
      { kind: "delete-rows" },
    ],
    [
      "Ctrl+Alt+− on the number pad deletes them too",
      press("-", { code: "NumpadSubtract", command: true, alt: true }),
      PROBLEMS,
      { kind: "delete-rows" },
    ],
    [
      "Ctrl+− alone is the browser's zoom out",
      press("-", { code: "Minus", command: true }),
      FIELD,
      undefined,
    ],
    ["Alt+− alone deletes nothing", press("-", { code: "Minus", alt: true }), FIELD, undefined],
    [
      "Ctrl+V on the Problems cell asks to paste (refused there)",
      press("v", { command: true }),
      PROBLEMS,
      { kind: "paste" },
    ],
    ["Ctrl+Shift+V is the browser's", press("V", { command: true, shift: true }), FIELD, undefined],
    ["Ctrl+A selects all", press("a", { command: true }), FIELD, { kind: "select-all" }],
    ["Ctrl+C is the browser's (the copy event)", press("c", { command: true }), FIELD, undefined],
    ["an arrow moves", press("ArrowRight"), FIELD, { kind: "move", to: { row: 3, col: 3 }, extend: false }],
    [
      "Shift+arrow extends",
      press("ArrowDown", { shift: true }),
      FIELD,
      { kind: "move", to: { row: 4, col: 2 }, extend: true },
    ],
    [
      "Ctrl+End goes to the last cell",
      press("End", { command: true }),
      FIELD,
      { kind: "move", to: { row: 9, col: LAST_COLUMN }, extend: false },
    ],
    ["Alt+arrow left is not a move", press("ArrowLeft", { alt: true }), FIELD, undefined],
    ["Alt+Enter takes a suggestion", press("Enter", { alt: true }), FIELD, { kind: "take-suggestion" }],
    ["Alt+↓ lists the row's problems", press("ArrowDown", { alt: true }), FIELD, { kind: "list-problems" }],
    ["Tab moves right", press("Tab"), FIELD, { kind: "move", to: { row: 3, col: 3 }, extend: false }],
    [
      "Shift+Tab moves left",
      press("Tab", { shift: true }),
      FIELD,
      { kind: "move", to: { row: 3, col: 1 }, extend: false },
    ],
    ["Tab from the Problems cell leaves the grid", press("Tab"), PROBLEMS, undefined],
    ["Shift+Tab from the first field leaves the grid", press("Tab", { shift: true }), FIRST, undefined],
    ["Enter edits a field", press("Enter"), FIELD, { kind: "edit" }],
    ["F2 edits a field", press("F2"), FIELD, { kind: "edit" }],
    [
      "Enter on the Problems cell lists its row's problems",
      press("Enter"),
      PROBLEMS,
      { kind: "list-problems" },
    ],
    ["F2 on the Problems cell lists its row's problems", press("F2"), PROBLEMS, { kind: "list-problems" }],
    ["Delete clears", press("Delete"), FIELD, { kind: "clear" }],
    ["Backspace clears", press("Backspace"), PROBLEMS, { kind: "clear" }],
    ["Escape collapses the selection", press("Escape"), FIELD, { kind: "collapse-selection" }],
    ["F8 jumps to the next error", press("F8"), FIELD, { kind: "jump-to-error", direction: 1 }],
    [
      "Shift+F8 jumps to the previous error",
      press("F8", { shift: true }),
      FIELD,
      { kind: "jump-to-error", direction: -1 },
    ],
    ["typing on a field edits with the key", press("x"), FIELD, { kind: "edit", draft: "x" }],
    ["a typed space edits too", press(" "), FIELD, { kind: "edit", draft: " " }],
    ["typing on the Problems cell is refused", press("x"), PROBLEMS, { kind: "refuse-typing" }],
    ["Ctrl with a letter is not typing", press("x", { command: true }), FIELD, undefined],
    ["Alt with a letter is not typing", press("x", { alt: true }), FIELD, undefined],
    ["a named key is not typing", press("Shift", { shift: true }), FIELD, undefined],
  ])("%s", (_name, keyPress, active, expected) => {
    expect(gridKeyAction(keyPress, active, 10, 10)).toEqual(expected);
  });
});
