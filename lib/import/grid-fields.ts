/** The columns of the paste grid, in the order assumed when pasted text has no header row. */
export const GRID_FIELDS = ["contact", "internalId", "fullName", "birth", "docId", "countryAlpha3"] as const;
export type GridField = (typeof GRID_FIELDS)[number];

/** The identity fields: all empty means "no identity", some empty is an error. */
export const IDENTITY_FIELDS = [
  "fullName",
  "birth",
  "docId",
  "countryAlpha3",
] as const satisfies readonly GridField[];

/** One grid row as the operator sees it: every cell is text. */
export type GridCells = Record<GridField, string>;

/** A message per cell that has a problem. */
export type CellErrors = Partial<Record<GridField, string>>;

export const GRID_FIELD_LABELS: Record<GridField, string> = {
  contact: "Contact (e-mail or phone)",
  internalId: "Internal ID",
  fullName: "Full name",
  birth: "Date of birth",
  docId: "Document number",
  countryAlpha3: "Country (alpha-3)",
};

export function emptyGridCells(): GridCells {
  return { contact: "", internalId: "", fullName: "", birth: "", docId: "", countryAlpha3: "" };
}
