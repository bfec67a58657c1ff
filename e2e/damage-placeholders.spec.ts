import { expect, test } from "./fixtures";

/**
 * A paste from a spreadsheet that could not show some values: a phone column too narrow (####), an
 * internal ID rounded to 1.23457E+11, a name and a document that a formula turned into #NAME? and
 * #N/A. Each cell says what happened and what to do, in the grid's Problems column and in the row's
 * list; a row whose # is someone's text (#12345, #1) is valid.
 */
test("spreadsheet placeholders and scientific notation are refused in every column, with a message saying so", async ({
  onboard,
  page,
}) => {
  await onboard.open("Paste");
  await onboard.pasteAt(
    onboard.cell(1, "contact"),
    "####\t1.23457E+11\t#NAME?\t1985-10-16\t#N/A\tPRT\r\nana@example.com\t#1\tAna Sousa\t1985-10-16\t#12345\tPRT\r\n",
  );
  await expect(page.getByTestId("grid-counts")).toContainText("2 rows · 1 valid");

  // The Problems cell starts with the first two, by their columns' short labels.
  const problems = onboard.gridCell(1, 6);
  await expect(problems).toContainText(
    "Phone shows as ####: the spreadsheet put this in place of the value, which is not in the file",
  );
  await expect(problems).toContainText("Internal ID");
  await expect(onboard.gridCell(2, 6)).toHaveAccessibleName("No problems");

  // The row's list says all four in full, each on its own field.
  await onboard.cell(1, "contact").click();
  await page.keyboard.press("Alt+ArrowDown");
  const dialog = page.getByRole("dialog", { name: "Row 1: 4 problems" });
  await expect(dialog).toBeVisible();
  const items = dialog.getByRole("listitem");
  await expect(items).toHaveCount(4);
  const copyAgain =
    "copy it again from the source (in the spreadsheet, widen the column or format it as text first)";
  await expect(items.nth(0)).toContainText("Error — Contact (e-mail or phone): Phone shows as ####:");
  await expect(items.nth(0)).toContainText(copyAgain);
  await expect(items.nth(1)).toContainText(
    "Error — Internal ID: InternalId shows as 1.23457E+11: the spreadsheet rounded it and the digits are lost",
  );
  await expect(items.nth(2)).toContainText("Error — Full name: FullName shows as #NAME?:");
  await expect(items.nth(2)).toContainText(copyAgain);
  await expect(items.nth(3)).toContainText("Error — Document number: DocId shows as #N/A:");
  await expect(items.nth(3)).toContainText(copyAgain);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
});
