import { countOf } from "@/lib/format-count";
import type { PasteOutcome } from "@/lib/import/apply-paste";
import { headerMappingText } from "@/lib/import/header-detection";

function rowCountText(count: number): string {
  return countOf(count, "row");
}

/**
 * What the grid says after a paste. When the first line was read as column names, it names that line
 * and what each label was matched to, so an operator whose first line was a person sees it (the grid
 * then offers to paste again with that line as a row).
 */
export function pasteMessage(outcome: Omit<PasteOutcome, "rows">): string {
  const { header } = outcome;
  const headerText =
    header === null
      ? ""
      : ` The first line (${header
          .map((cell) => cell.trim())
          .filter((cell) => cell !== "")
          .join(", ")}) was read as column names, not as a row: ${headerMappingText(header)}.`;
  if (outcome.rowCount === 0)
    return header === null
      ? "Nothing to paste: the clipboard held no cells."
      : `Nothing to paste: the clipboard held only a header row.${headerText} Copy the rows under it too.`;
  const ignored =
    outcome.unmappedColumns.length > 0 ? ` Ignored columns: ${outcome.unmappedColumns.join(", ")}.` : "";
  return `Pasted ${rowCountText(outcome.rowCount)} at row ${outcome.firstRow + 1}.${headerText}${ignored} Ctrl+Z undoes it.`;
}
