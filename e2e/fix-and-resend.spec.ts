import { expect, test } from "./fixtures";

const tsv = (rows: string[][]) => `${rows.map((row) => row.join("\t")).join("\r\n")}\r\n`;

test("failed rows come back into the grid with Humanos' answer, are fixed and sent again", async ({
  onboard,
  page,
  data,
}) => {
  const owner = data.email("owner");
  const other = data.email("other");
  const ownerDoc = data.docId();
  await onboard.open("Paste");
  await onboard.pasteAt(
    onboard.cell(1, "contact"),
    tsv([[owner, "", "Olga Dias", "1970-01-01", ownerDoc, "PRT"]]),
  );
  await onboard.createButton.click();
  await expect(onboard.resultRows("200")).toHaveCount(1);

  // Another person with the owner's document: 409, plus a row that succeeds.
  const fine = data.email("fine");
  await onboard.open("Paste");
  await onboard.pasteAt(
    onboard.cell(1, "contact"),
    tsv([
      [fine, "", "", "", "", ""],
      [other, "", "Otto Reis", "1971-02-02", ownerDoc, "PRT"],
    ]),
  );
  await onboard.createButton.click();
  await expect(onboard.resultRowFor(other)).toHaveAttribute("data-status", "409");

  await page.getByRole("button", { name: "Edit failed rows (1)" }).click();
  await expect(page.getByRole("tab", { name: "Paste" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("grid-counts")).toContainText("1 rows · 1 valid");
  await expect(onboard.cell(1, "contact")).toHaveText(other);
  await expect(onboard.grid.getByRole("listitem").filter({ hasText: "Last run:" })).toContainText(
    "Row 2 — Humanos answered 409 (Identity belongs to another user)",
  );

  // Fix the document number in place and send again: only that row goes, and it is created.
  await onboard.cell(1, "docId").click();
  await page.keyboard.type(data.docId());
  await page.keyboard.press("Enter");
  await expect(onboard.grid.getByRole("listitem").filter({ hasText: "Last run:" })).toHaveCount(0);
  await onboard.createButton.click();
  await expect(onboard.resultRows()).toHaveCount(1);
  await expect(onboard.resultRowFor(other)).toHaveAttribute("data-status", "200");
});

test("failed and unsent rows come back with their birth dates in one format, the one that was sent", async ({
  onboard,
  page,
  data,
}) => {
  const ownerDoc = data.docId();
  await onboard.open("Paste");
  await onboard.pasteAt(
    onboard.cell(1, "contact"),
    tsv([[data.email("owner"), "", "Olga Dias", "1970-01-01", ownerDoc, "PRT"]]),
  );
  await onboard.createButton.click();
  await expect(onboard.resultRows("200")).toHaveCount(1);

  // Day-first dates as Excel in Portugal leaves them (31/12/1990 proves the order): one row is sent
  // and created, one is sent and refused (409), one is held back (no document) and not sent.
  const other = data.email("other");
  const unsent = data.email("unsent");
  await onboard.open("Paste");
  await onboard.pasteAt(
    onboard.cell(1, "contact"),
    tsv([
      [data.email("fine"), "", "Fábio Lima", "31/12/1990", data.docId(), "PRT"],
      [other, "", "Otto Reis", "25/02/1971", ownerDoc, "PRT"],
      [unsent, "", "Bea Sousa", "01/02/1980", "", "ESP"],
    ]),
  );
  await page.getByLabel("Send only the valid rows").check();
  await onboard.createButton.click();
  await expect(onboard.resultRowFor(other)).toHaveAttribute("data-status", "409");
  await expect(onboard.resultRowFor(unsent)).toHaveAttribute("data-status", "not-sent");

  await page.getByRole("button", { name: "Edit failed rows (2)" }).click();
  await expect(onboard.cell(1, "contact")).toHaveText(other);
  await expect(onboard.cell(2, "contact")).toHaveText(unsent);
  await expect(onboard.cell(1, "birth")).toHaveText("1971-02-25");
  await expect(onboard.cell(2, "birth")).toHaveText("1980-02-01");
  // Completing the held-back row is all it takes: no date order to pick, no conversion to consent to.
  await onboard.cell(2, "docId").click();
  await page.keyboard.type(data.docId());
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("grid-counts")).toContainText("2 rows · 2 valid");
});
