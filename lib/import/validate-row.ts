/**
 * Validates one paste-grid row against the shared Humanos schema and reports problems per cell, so
 * the grid can mark exactly the cell the operator has to fix.
 */
import type { z } from "zod";
import { type Subject, type SubjectInput, subjectSchema } from "@/lib/humanos/schemas";
import { type CellErrors, GRID_FIELDS, type GridCells, type GridField, IDENTITY_FIELDS } from "./grid-fields";

export const PARTIAL_IDENTITY_MESSAGE = "Required because other identity fields are filled";

function isEmpty(value: string): boolean {
  return value.trim() === "";
}

export function isBlankRow(cells: GridCells): boolean {
  for (const field of GRID_FIELDS) if (!isEmpty(cells[field])) return false;
  return true;
}

function hasAnyIdentity(cells: GridCells): boolean {
  for (const field of IDENTITY_FIELDS) if (!isEmpty(cells[field])) return true;
  return false;
}

/**
 * The subject as the operator typed it. Values are passed through untrimmed because the schema owns
 * normalisation; only the decision "is this cell filled" is made here.
 */
export function cellsToSubjectInput(cells: GridCells): SubjectInput {
  const input: SubjectInput = { contact: cells.contact };
  if (!isEmpty(cells.internalId)) input.internalId = cells.internalId;
  if (hasAnyIdentity(cells)) {
    input.identity = {
      fullName: cells.fullName,
      birth: cells.birth,
      docId: cells.docId,
      countryAlpha3: cells.countryAlpha3,
    };
  }
  return input;
}

const IDENTITY_FIELD_SET: ReadonlySet<PropertyKey> = new Set(IDENTITY_FIELDS);

/** The grid cell a schema issue belongs to: ["contact"], ["internalId"], ["identity", "birth"], … */
function cellForIssuePath(path: readonly PropertyKey[]): GridField | undefined {
  const [head, child] = path;
  if (head === "contact" || head === "internalId") return head;
  if (head === "identity" && child !== undefined && IDENTITY_FIELD_SET.has(child)) {
    return child as GridField;
  }
  return undefined;
}

function issuesToCellErrors(issues: readonly z.core.$ZodIssue[], errors: CellErrors): void {
  for (const issue of issues) {
    // Grid rows cannot carry fields outside the grid, so an unplaceable issue is unexpected; put it
    // on the first cell rather than report a failure with nothing marked.
    const field = cellForIssuePath(issue.path) ?? GRID_FIELDS[0];
    if (errors[field] === undefined) errors[field] = issue.message;
  }
}

export type GridRowValidation = { ok: true; subject: Subject } | { ok: false; errors: CellErrors };

/**
 * Validates a row. A partly filled identity marks each missing identity cell; the filled cells and
 * the contact are still checked by the schema so that every problem shows at once.
 */
export function validateGridRow(cells: GridCells): GridRowValidation {
  const errors: CellErrors = {};
  if (hasAnyIdentity(cells)) {
    for (const field of IDENTITY_FIELDS) {
      if (isEmpty(cells[field])) errors[field] = PARTIAL_IDENTITY_MESSAGE;
    }
  }
  const result = subjectSchema.safeParse(cellsToSubjectInput(cells));
  if (!result.success) issuesToCellErrors(result.error.issues, errors);
  if (result.success && Object.keys(errors).length === 0) return { ok: true, subject: result.data };
  return { ok: false, errors };
}
