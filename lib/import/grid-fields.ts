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

/** Short names for places with little room (the grid's Problems column). */
export const GRID_FIELD_SHORT_LABELS: Record<GridField, string> = {
  contact: "Contact",
  internalId: "Internal ID",
  fullName: "Name",
  birth: "Birth",
  docId: "Document",
  countryAlpha3: "Country",
};

export function emptyGridCells(): GridCells {
  return { contact: "", internalId: "", fullName: "", birth: "", docId: "", countryAlpha3: "" };
}

/** A subject as grid cells (to load a form entry or a failed row back into the grid). */
export function subjectToGridCells(subject: {
  contact?: unknown;
  internalId?: unknown;
  identity?: { fullName?: unknown; birth?: unknown; docId?: unknown; countryAlpha3?: unknown } | undefined;
}): GridCells {
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  return {
    contact: text(subject.contact),
    internalId: text(subject.internalId),
    fullName: text(subject.identity?.fullName),
    birth: text(subject.identity?.birth),
    docId: text(subject.identity?.docId),
    countryAlpha3: text(subject.identity?.countryAlpha3),
  };
}
