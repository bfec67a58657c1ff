import { GRID_FIELD_LABELS, GRID_FIELDS, type GridCells, IDENTITY_FIELDS } from "@/lib/import/grid-fields";
import type { DateColumnProfile, TextDateChoice } from "@/lib/import/normalise-date";
import { normaliseIdentity } from "@/lib/import/normalise-identity";
import { type GridValidation, subjectToSend } from "@/lib/import/validate-grid";
import type { RunInputRow } from "./use-run-submission";

/** How the grid reads the birth column's text dates (useGridValidation's profile, the operator's choice). */
export interface BirthColumnReading {
  birthProfile: DateColumnProfile;
  textDates: TextDateChoice;
}

const NO_DOC_ID_EVIDENCE = { digitLengthsByCountry: new Map() };
// Only the form of a date matters here (ISO, not 31/12/1990); whether it is in the future is the
// row's own error, already in its verdict.
const NO_DAY_IS_TODAY = "9999-12-31";

/**
 * A held-back row's identity cells in the form the grid sends them where they have one (ISO date,
 * upper-case alpha-3, compact document number), else as typed. The grid leaves the cells of a partial
 * identity unnormalised (their warnings would be noise), so without this a row held back for a missing
 * document would be stored, and loaded back by "Edit failed rows", with 31/12/1990 where the rows that
 * were sent have 1990-12-31: one column in two formats, and the day-first evidence gone with them.
 */
function sentForms(
  cells: GridCells,
  sent: Partial<GridCells>,
  reading: BirthColumnReading,
): Partial<GridCells> {
  const missing = IDENTITY_FIELDS.filter((field) => sent[field] === undefined && cells[field].trim() !== "");
  if (missing.length === 0) return sent;
  const own = normaliseIdentity(
    {
      fullName: cells.fullName.trim(),
      birth: cells.birth.trim(),
      docId: cells.docId.trim(),
      countryAlpha3: cells.countryAlpha3.trim(),
    },
    {
      birthProfile: reading.birthProfile,
      textDates: reading.textDates,
      docIdProfile: NO_DOC_ID_EVIDENCE,
      today: NO_DAY_IS_TODAY,
    },
    { warnings: [], errors: [] },
  );
  const forms = { ...sent };
  for (const field of missing) {
    const form = own[field];
    if (form !== undefined) forms[field] = form;
  }
  return forms;
}

/**
 * Every non-blank grid row, each with its grid index, as the subject the grid would send. Rows the
 * grid holds back as invalid go too, so the run accounts for every row the operator gave: the server
 * records them as "not sent". Each says why in `heldBack`, because only the whole grid can tell some
 * errors (a contact repeated in another row): such a row is valid on its own, and the operator chose
 * not to send it.
 *
 * One rule for every cell of every row: the value in the form the console sends (what Humanos was
 * asked about, and what "Edit failed rows" loads back), the operator's text only where a cell has no
 * such form (an unreadable date, an unknown country, a contact that is neither e-mail nor phone).
 */
export function gridRowsForRun(
  rows: readonly GridCells[],
  validation: GridValidation,
  reading: BirthColumnReading,
): RunInputRow[] {
  const forRun: RunInputRow[] = [];
  validation.verdicts.forEach((verdict, rowIndex) => {
    const cells = rows[rowIndex];
    if (!cells || verdict.kind === "blank") return;
    if (verdict.kind === "valid") {
      forRun.push({ rowIndex, subject: subjectToSend(cells, verdict.sent) });
      return;
    }
    const subject = subjectToSend(cells, sentForms(cells, verdict.sent, reading));
    const reasons = GRID_FIELDS.flatMap((field) =>
      verdict.errors[field] ? [`${GRID_FIELD_LABELS[field]}: ${verdict.errors[field]}`] : [],
    );
    forRun.push({ rowIndex, subject, heldBack: reasons.join("; ") });
  });
  return forRun;
}
