import { GRID_FIELD_LABELS, GRID_FIELDS, type GridCells } from "@/lib/import/grid-fields";
import { type GridValidation, subjectToSend } from "@/lib/import/validate-grid";
import type { RunInputRow } from "./use-run-submission";

/**
 * Every non-blank grid row, each with its grid index, as the subject the grid would send. Rows the
 * grid holds back as invalid go too, so the run accounts for every row the operator gave: the server
 * records them as "not sent". Each says why in `heldBack`, because only the whole grid can tell some
 * errors (a contact repeated in another row): such a row is valid on its own, and the operator chose
 * not to send it.
 *
 * One rule for every cell of every row: the value in the form the console sends (what Humanos was
 * asked about, and what "Edit failed rows" loads back), the operator's text only where a cell has no
 * such form (an unreadable date, an unknown country, a contact that is neither e-mail nor phone). The
 * verdict carries those forms for a held-back row's cells too, a partial identity's included (see
 * normaliseIdentityCells in lib/import/normalise-rows.ts), so nothing is normalised again here.
 */
export function gridRowsForRun(rows: readonly GridCells[], validation: GridValidation): RunInputRow[] {
  const forRun: RunInputRow[] = [];
  validation.verdicts.forEach((verdict, rowIndex) => {
    const cells = rows[rowIndex];
    if (!cells || verdict.kind === "blank") return;
    const subject = subjectToSend(cells, verdict.sent);
    if (verdict.kind === "valid") {
      forRun.push({ rowIndex, subject });
      return;
    }
    const reasons = GRID_FIELDS.flatMap((field) =>
      verdict.errors[field] ? [`${GRID_FIELD_LABELS[field]}: ${verdict.errors[field]}`] : [],
    );
    forRun.push({ rowIndex, subject, heldBack: reasons.join("; ") });
  });
  return forRun;
}
