import { open, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const fixture = (name: string) =>
  fileURLToPath(new URL(`../lib/import/__fixtures__/${name}`, import.meta.url));

/** A small CSV as a spreadsheet program saves it (CRLF), handed to the file input as bytes. */
function csvFile(name: string, rows: readonly (readonly string[])[]) {
  return {
    name,
    mimeType: "text/csv",
    buffer: Buffer.from(`${rows.map((row) => row.join(",")).join("\r\n")}\r\n`),
  };
}

/** Two recognised columns (so row 1 is taken as the header) and two the suggestion leaves unmapped. */
const BADGES_HEADER = ["Email", "Phone", "Badge", "Notes"];
const BADGES = [
  BADGES_HEADER,
  ["ana.badge@example.com", "", "B-001", "first shift"],
  ["", "+351912345001", "B-002", "night shift"],
];

const filePanel = (page: Page) => page.getByRole("tabpanel", { name: "File" });
const mappingFor = (page: Page, column: string) => filePanel(page).getByLabel(`Field for column “${column}”`);
const ignoredColumns = (page: Page) => filePanel(page).getByText(/^Ignored columns:/);
/** The line naming the file just read (its rows, and whether a remembered mapping was applied). */
const fileSummary = (page: Page, fileName: string): Locator =>
  filePanel(page).getByRole("status").filter({ hasText: fileName });
const REMEMBERED = "Using the mapping you chose last time for these columns.";

async function loadBadgesWithBadgeAsInternalId(page: Page) {
  await page.getByLabel("Choose a file").setInputFiles(csvFile("badges.csv", BADGES));
  await expect(fileSummary(page, "badges.csv")).toHaveText(/: 2 data rows\.$/);
  await mappingFor(page, "Badge").selectOption("internalId");
  await filePanel(page).getByRole("button", { name: "Load 2 rows into the grid" }).click();
}

test("a column the operator maps changes what reaches the grid; unmapped columns are named as ignored", async ({
  onboard,
  page,
}) => {
  await onboard.open("File");
  await page.getByLabel("Choose a file").setInputFiles(csvFile("badges.csv", BADGES));

  await expect(fileSummary(page, "badges.csv")).toHaveText(/: 2 data rows\.$/);
  await expect(mappingFor(page, "Email")).toHaveValue("email");
  await expect(mappingFor(page, "Phone")).toHaveValue("phone");
  await expect(mappingFor(page, "Badge")).toHaveValue("ignore");
  await expect(mappingFor(page, "Notes")).toHaveValue("ignore");
  await expect(ignoredColumns(page)).toHaveText("Ignored columns: Badge, Notes.");

  await mappingFor(page, "Badge").selectOption("internalId");
  await expect(ignoredColumns(page)).toHaveText("Ignored columns: Notes.");
  await filePanel(page).getByRole("button", { name: "Load 2 rows into the grid" }).click();

  await expect(page.getByRole("tab", { name: "Paste" })).toHaveAttribute("aria-selected", "true");
  await expect(onboard.grid).toHaveAttribute("aria-rowcount", "3");
  await expect(page.getByTestId("grid-counts")).toHaveText("2 rows · 2 valid · 0 with errors");
  await expect(onboard.cell(1, "contact")).toHaveText("ana.badge@example.com");
  await expect(onboard.cell(1, "internalId")).toHaveText("B-001");
  await expect(onboard.cell(2, "contact")).toHaveText("+351912345001");
  await expect(onboard.cell(2, "internalId")).toHaveText("B-002");
  // The ignored column reaches no cell.
  await expect(onboard.grid).not.toContainText("shift");
});

test("a corrected mapping is remembered for the same headers, in another order too, and not for other headers", async ({
  onboard,
  page,
}) => {
  await onboard.open("File");
  await loadBadgesWithBadgeAsInternalId(page);
  await expect(onboard.cell(1, "internalId")).toHaveText("B-001");

  // The same headers in the same order: the correction is announced and applied.
  await page.getByRole("tab", { name: "File" }).click();
  await page.getByLabel("Choose a file").setInputFiles(csvFile("badges-again.csv", BADGES));
  await expect(fileSummary(page, "badges-again.csv")).toHaveText(
    new RegExp(`: 2 data rows\\. ${REMEMBERED}$`),
  );
  await expect(mappingFor(page, "Badge")).toHaveValue("internalId");

  // The same headers in another order: each column keeps the field chosen for its name.
  const reordered = [
    ["Notes", "Badge", "Phone", "Email"],
    ["day shift", "C-101", "", "rui.badge@example.com"],
    ["late shift", "C-102", "+351912345002", ""],
  ];
  await page.getByLabel("Choose a file").setInputFiles(csvFile("badges-reordered.csv", reordered));
  await expect(fileSummary(page, "badges-reordered.csv")).toHaveText(
    new RegExp(`: 2 data rows\\. ${REMEMBERED}$`),
  );
  await expect(mappingFor(page, "Notes")).toHaveValue("ignore");
  await expect(mappingFor(page, "Badge")).toHaveValue("internalId");
  await expect(mappingFor(page, "Phone")).toHaveValue("phone");
  await expect(mappingFor(page, "Email")).toHaveValue("email");
  await expect(ignoredColumns(page)).toHaveText("Ignored columns: Notes.");
  await filePanel(page).getByRole("button", { name: "Load 2 rows into the grid" }).click();
  await expect(onboard.cell(1, "contact")).toHaveText("rui.badge@example.com");
  await expect(onboard.cell(1, "internalId")).toHaveText("C-101");
  await expect(onboard.cell(2, "contact")).toHaveText("+351912345002");
  await expect(onboard.cell(2, "internalId")).toHaveText("C-102");

  // Another set of headers (a column fewer) gets the automatic suggestion, announced as nothing else.
  await page.getByRole("tab", { name: "File" }).click();
  const fewer = BADGES.map((row) => row.slice(0, 3));
  await page.getByLabel("Choose a file").setInputFiles(csvFile("badges-no-notes.csv", fewer));
  await expect(fileSummary(page, "badges-no-notes.csv")).toHaveText(/: 2 data rows\.$/);
  await expect(mappingFor(page, "Badge")).toHaveValue("ignore");
  await expect(ignoredColumns(page)).toHaveText("Ignored columns: Badge.");
});

test("the Sheet select shows that sheet's columns and rows, and loads them", async ({ onboard, page }) => {
  await onboard.open("File");
  await page.getByLabel("Choose a file").setInputFiles(fixture("two-sheets.xlsx"));
  // By role: the label wraps the select, so its text also holds the options (one reads "…the sheet “Subjects”").
  const sheet = filePanel(page).getByRole("combobox", { name: /^Sheet/ });
  const headerRow = filePanel(page).getByRole("combobox", { name: /^Header row/ });
  const columns = filePanel(page).getByRole("table", { name: "Column mapping" }).getByRole("rowheader");
  const subjectsColumns = [
    "Internal ID",
    "Full name",
    "Email",
    "Phone",
    "Date of birth",
    "Document",
    "Country",
    "Work phone",
  ];

  await expect(sheet).toHaveValue("1");
  await expect(headerRow).toHaveValue("0");
  await expect(columns).toHaveText(subjectsColumns);

  // The instructions sheet has no header row: one unnamed column, read in the default order.
  await sheet.selectOption({ label: "Instructions" });
  await expect(sheet).toHaveValue("0");
  await expect(headerRow).toHaveValue("-1");
  await expect(columns).toHaveText(["Column 1"]);
  await expect(mappingFor(page, "Column 1")).toHaveValue("contact");
  await expect(
    filePanel(page).getByRole("table", { name: "Column mapping" }).getByRole("cell").first(),
  ).toHaveText(/^Subject import template — v3 · 1\. Fill in one person per row/);

  // Back to the data sheet: its header and the automatic mapping return.
  await sheet.selectOption({ label: "Subjects" });
  await expect(headerRow).toHaveValue("0");
  await expect(columns).toHaveText(subjectsColumns);
  await expect(fileSummary(page, "two-sheets.xlsx")).toHaveText("two-sheets.xlsx: 30 data rows.");
  await expect(mappingFor(page, "Work phone")).toHaveValue("ignore");

  // What is loaded is the sheet chosen: the instruction lines, one per row, as contacts.
  await sheet.selectOption({ label: "Instructions" });
  await filePanel(page)
    .getByRole("button", { name: /^Load \d+ rows into the grid$/ })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "Loaded" })).toHaveText(
    "Loaded 6 rows from two-sheets.xlsx (sheet “Instructions”). Check the rows below, then press Create subjects.",
  );
  await expect(onboard.grid).toHaveAttribute("aria-rowcount", "7");
  await expect(onboard.cell(1, "contact")).toContainText("Subject import template — v3");
  await expect(onboard.cell(6, "contact")).toContainText("5. “Work phone” is kept for our records");
});

/** A file of `bytes` zero bytes that takes no disk space: the panel must refuse it by its size alone. */
async function sparseFile(path: string, bytes: number): Promise<string> {
  const handle = await open(path, "w");
  await handle.truncate(bytes);
  await handle.close();
  return path;
}

test("a file over 50 MB is refused by its size before it is read, and the grid keeps what it had", async ({
  onboard,
  page,
}) => {
  await onboard.open("File");
  await page.getByLabel("Choose a file").setInputFiles(csvFile("badges.csv", BADGES));
  await filePanel(page).getByRole("button", { name: "Load 2 rows into the grid" }).click();
  const loaded = page.getByRole("status").filter({ hasText: "Loaded" });
  await expect(loaded).toHaveText(
    "Loaded 2 rows from badges.csv. Check the rows below, then press Create subjects.",
  );

  const oneByteOver = await sparseFile(test.info().outputPath("one-byte-over.csv"), 50 * 1024 * 1024 + 1);
  const large = await sparseFile(test.info().outputPath("everyone.csv"), 64 * 1024 * 1024);
  try {
    await page.getByRole("tab", { name: "File" }).click();
    await page.getByLabel("Choose a file").setInputFiles(csvFile("badges.csv", BADGES));
    await expect(filePanel(page).getByRole("button", { name: "Load 2 rows into the grid" })).toBeVisible();
    await page.getByLabel("Choose a file").setInputFiles(oneByteOver);
    await expect(filePanel(page).getByRole("alert")).toContainText(
      /^"one-byte-over\.csv" is just over 50 MB; the limit is 50 MB\. Split it into smaller files/,
    );
    await page.getByLabel("Choose a file").setInputFiles(large);
    await expect(filePanel(page).getByRole("alert")).toHaveText(
      '"everyone.csv" is 64 MB; the limit is 50 MB. Split it into smaller files and import them one after another.',
    );
    await expect(filePanel(page).getByRole("status").filter({ hasText: "Reading" })).toHaveCount(0);
    // The file chosen before the refused one is gone with its mapping step: no Load of it is offered.
    await expect(filePanel(page).getByRole("button", { name: /^Load/ })).toHaveCount(0);
  } finally {
    await rm(oneByteOver);
    await rm(large);
  }

  await page.getByRole("tab", { name: "Paste" }).click();
  await expect(loaded).toHaveText(
    "Loaded 2 rows from badges.csv. Check the rows below, then press Create subjects.",
  );
  await expect(onboard.grid).toHaveAttribute("aria-rowcount", "3");
  await expect(onboard.cell(1, "contact")).toHaveText("ana.badge@example.com");
  await expect(onboard.cell(2, "contact")).toHaveText("+351912345001");
});
