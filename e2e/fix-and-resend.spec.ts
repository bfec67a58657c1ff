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
