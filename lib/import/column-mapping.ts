/**
 * The mapping step of a file import: which source column feeds which field. Pure, so the file
 * dialog, the worker and the tests share it.
 */
import { GRID_FIELD_LABELS, type GridCells } from "./grid-fields";
import { type ColumnIndex, type ColumnTarget, detectHeader, mapRow } from "./header-detection";
import { isBlankRow } from "./validate-row";

/** One target per source column (null: ignored). */
export type ColumnMapping = ColumnTarget[];

export const TARGET_LABELS: Record<Exclude<ColumnTarget, null>, string> = {
  email: "Contact — e-mail",
  phone: "Contact — phone",
  ...GRID_FIELD_LABELS,
};

/** The automatic suggestion: names and synonyms; the second column for a field is left unmapped. */
export function suggestMapping(header: readonly string[]): ColumnMapping {
  const { columns } = detectHeader(header);
  const taken = new Set<ColumnTarget>();
  return header.map((_, column) => {
    const target = columns[column] ?? null;
    if (target === null || taken.has(target)) return null;
    taken.add(target);
    return target;
  });
}

/** Fields that more than one column feeds: an error the operator must resolve before loading. */
export function mappingConflicts(
  mapping: ColumnMapping,
): Array<{ target: Exclude<ColumnTarget, null>; columns: number[] }> {
  const byTarget = new Map<Exclude<ColumnTarget, null>, number[]>();
  mapping.forEach((target, column) => {
    if (target === null) return;
    byTarget.set(target, [...(byTarget.get(target) ?? []), column]);
  });
  return [...byTarget]
    .filter(([, columns]) => columns.length > 1)
    .map(([target, columns]) => ({ target, columns }));
}

/** Grid rows from data rows: contact = the e-mail column when filled, else the phone column, else "contact". */
export function mapTableRows(dataRows: readonly (readonly string[])[], mapping: ColumnMapping): GridCells[] {
  const index: ColumnIndex = {};
  mapping.forEach((target, column) => {
    if (target !== null && index[target] === undefined) index[target] = column;
  });
  const rows: GridCells[] = [];
  for (const row of dataRows) {
    const cells = mapRow(row, index);
    if (!isBlankRow(cells)) rows.push(cells);
  }
  return rows;
}
