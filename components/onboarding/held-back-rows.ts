import type { RowResult } from "@/lib/humanos/results";
import { NOT_SENT } from "@/lib/humanos/statuses";
import { GRID_FIELD_LABELS, GRID_FIELDS, type GridCells } from "@/lib/import/grid-fields";
import { type GridValidation, subjectToSend } from "@/lib/import/validate-grid";
import type { SubmissionRow } from "@/lib/onboarding/submission";

/** Splits the grid into rows to send and invalid rows held back as "not sent", each keeping its index. */
export function splitGridForSubmission(
  rows: readonly GridCells[],
  validation: GridValidation,
): { toSend: SubmissionRow[]; heldBack: RowResult[] } {
  const toSend: SubmissionRow[] = [];
  const heldBack: RowResult[] = [];
  validation.verdicts.forEach((verdict, rowIndex) => {
    const cells = rows[rowIndex];
    if (verdict.kind === "valid" && cells)
      toSend.push({ rowIndex, subject: subjectToSend(cells, verdict.sent) });
    else if (verdict.kind === "invalid") {
      const reasons = GRID_FIELDS.flatMap((field) =>
        verdict.errors[field] ? [`${GRID_FIELD_LABELS[field]}: ${verdict.errors[field]}`] : [],
      );
      heldBack.push({
        rowIndex,
        contact: cells?.contact ?? "",
        internalId: cells?.internalId || undefined,
        status: NOT_SENT,
        notSentReason: "invalid",
        message: `Not sent, invalid — ${reasons.join("; ")}`,
        attempts: 0,
      });
    }
  });
  return { toSend, heldBack };
}
