import { describe, expect, it } from "vitest";
import { createEditHistory, DEFAULT_HISTORY_LIMIT, type EditHistory, rowsLabel } from "./edit-history";
import { deleteRows, insertRows, setCell, setCells } from "./grid-edits";
import { emptyGridCells, GRID_FIELDS, type GridCells } from "./grid-fields";

function makeRows(count: number): GridCells[] {
  return Array.from({ length: count }, (_unused, index) => ({
    ...emptyGridCells(),
    contact: `r${index}@x.co`,
  }));
}

function allSame(rows: readonly GridCells[], reference: readonly GridCells[]): boolean {
  return rows.length === reference.length && rows.every((row, index) => row === reference[index]);
}

/** Applies `count` varied edits, recording each; returns the grid after every step (index 0 = start). */
function editMany(history: EditHistory, start: GridCells[], count: number): GridCells[][] {
  const states = [start];
  let rows = start;
  for (let step = 0; step < count; step += 1) {
    const field = GRID_FIELDS[step % GRID_FIELDS.length] ?? "contact";
    const kind = step % 5;
    const result =
      kind === 3
        ? insertRows(rows, step % rows.length, 2)
        : kind === 4
          ? deleteRows(rows, [step % rows.length])
          : setCell(rows, step % rows.length, field, `v${step}`);
    history.record(result.patch, `edit ${step}`);
    rows = result.rows;
    states.push(rows);
  }
  return states;
}

function undoAll(history: EditHistory, rows: GridCells[]): GridCells[] {
  let current = rows;
  for (let step = history.undoDepth; step > 0; step -= 1) current = history.undo(current)?.rows ?? current;
  return current;
}

describe("createEditHistory", () => {
  it("150 edits then 150 undos give back the original rows, object for object", () => {
    const history = createEditHistory();
    const original = makeRows(10);
    const snapshot = structuredClone(original);
    const states = editMany(history, original, 150);
    expect(history.undoDepth).toBe(150);
    const restored = undoAll(history, states[150] ?? []);
    expect(restored).toStrictEqual(snapshot);
    expect(allSame(restored, original)).toBe(true);
    expect(history.canUndo).toBe(false);
    expect(history.undo(restored)).toBeUndefined();
  });

  it.each([1, 3, 150])("undoing %i steps then redoing them returns to the same rows", (steps) => {
    const history = createEditHistory();
    const states = editMany(history, makeRows(10), 150);
    let rows = states[150] ?? [];
    for (let step = 0; step < steps; step += 1) rows = history.undo(rows)?.rows ?? [];
    expect(allSame(rows, states[150 - steps] ?? [])).toBe(true);
    expect(history.redoDepth).toBe(steps);
    for (let step = 0; step < steps; step += 1) rows = history.redo(rows)?.rows ?? [];
    expect(allSame(rows, states[150] ?? [])).toBe(true);
    expect(history.canRedo).toBe(false);
    expect(history.redo(rows)).toBeUndefined();
  });

  it("a new edit after undo drops the redo branch", () => {
    const history = createEditHistory();
    const states = editMany(history, makeRows(5), 4);
    let rows = history.undo(states[4] ?? [])?.rows ?? [];
    rows = history.undo(rows)?.rows ?? [];
    expect(history.redoDepth).toBe(2);
    const branch = setCell(rows, 0, "docId", "branch");
    history.record(branch.patch, "branch");
    expect(history.canRedo).toBe(false);
    expect(history.redo(branch.rows)).toBeUndefined();
    expect(history.undoDepth).toBe(3);
    expect(history.undo(branch.rows)?.rows).toStrictEqual(states[2]);
  });

  it.each<[number, number]>([
    [100, 150],
    [DEFAULT_HISTORY_LIMIT, 250],
    [1, 3],
  ])("limit %i keeps only the newest steps of %i", (limit, edits) => {
    const history = createEditHistory(limit);
    const states = editMany(history, makeRows(8), edits);
    expect(history.undoDepth).toBe(limit);
    const oldest = undoAll(history, states[edits] ?? []);
    expect(allSame(oldest, states[edits - limit] ?? [])).toBe(true);
  });

  it("keeps at least 100 steps by default", () => {
    expect(DEFAULT_HISTORY_LIMIT).toBeGreaterThanOrEqual(100);
  });

  it.each([0, -1, 2.5, Number.NaN])("rejects limit %d", (limit) => {
    expect(() => createEditHistory(limit)).toThrow(RangeError);
  });

  it("does not record edits that changed nothing", () => {
    const history = createEditHistory();
    const rows = makeRows(3);
    history.record(setCell(rows, 0, "contact", "r0@x.co").patch, "no-op");
    history.record(insertRows(rows, 0, 0).patch, "no-op");
    expect(history.canUndo).toBe(false);
  });

  it("a patch that does not fit the rows throws and leaves the history as it was", () => {
    const history = createEditHistory();
    const rows = makeRows(3);
    history.record(setCell(rows, 1, "fullName", "X").patch, "typing");
    expect(() => history.undo(rows)).toThrow("Grid patch does not match");
    expect(history.undoDepth).toBe(1);
    expect(history.redoDepth).toBe(0);
  });

  it("100 setCell steps on a 100,000-row grid then 100 undos restore the original array", () => {
    const history = createEditHistory();
    const original = makeRows(100_000);
    let rows = original;
    for (let step = 0; step < 100; step += 1) {
      const result = setCell(rows, step * 997, "fullName", `name ${step}`);
      history.record(result.patch, "typing");
      rows = result.rows;
    }
    expect(rows[99 * 997]?.fullName).toBe("name 99");
    const restored = undoAll(history, rows);
    expect(allSame(restored, original)).toBe(true);
    expect(restored.every((row, index) => row.fullName === "" && row.contact === `r${index}@x.co`)).toBe(
      true,
    );
  });
});

describe("labels", () => {
  it("name the step to undo and to redo", () => {
    const history = createEditHistory();
    expect([history.undoLabel, history.redoLabel]).toStrictEqual([undefined, undefined]);
    const paste = setCells(makeRows(1), [{ rowIndex: 1999, field: "contact", value: "x" }]);
    history.record(paste.patch, `paste of ${rowsLabel(2000)}`);
    expect([history.undoLabel, history.redoLabel]).toStrictEqual(["Undo paste of 2,000 rows", undefined]);
  });

  it("follow undo and redo", () => {
    const history = createEditHistory();
    const paste = setCells(makeRows(1), [{ rowIndex: 1999, field: "contact", value: "x" }]);
    history.record(paste.patch, `paste of ${rowsLabel(2000)}`);
    const deletion = deleteRows(paste.rows, [0]);
    history.record(deletion.patch, `deletion of ${rowsLabel(1)}`);
    const first = history.undo(deletion.rows);
    expect(first?.label).toBe("deletion of 1 row");
    expect([history.undoLabel, history.redoLabel]).toStrictEqual([
      "Undo paste of 2,000 rows",
      "Redo deletion of 1 row",
    ]);
    const second = history.undo(first?.rows ?? []);
    expect(second?.label).toBe("paste of 2,000 rows");
    expect([history.undoLabel, history.redoLabel]).toStrictEqual([undefined, "Redo paste of 2,000 rows"]);
    expect(history.redo(second?.rows ?? [])?.label).toBe("paste of 2,000 rows");
    expect(history.redoLabel).toBe("Redo deletion of 1 row");
  });

  it.each<[number, string]>([
    [0, "0 rows"],
    [1, "1 row"],
    [2, "2 rows"],
    [2000, "2,000 rows"],
    [100000, "100,000 rows"],
  ])("rowsLabel(%i) is %j", (count, label) => {
    expect(rowsLabel(count)).toBe(label);
  });
});
