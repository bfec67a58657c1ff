import { expect, test } from "./fixtures";
import { violations } from "./support/axe";

/**
 * The Problems column has room for two lines (rows have one height): a row with more shows "+N more",
 * and every one of its messages is reachable in full from the keyboard (Alt+↓ on the row's cells) and
 * by screen readers (a labelled dialog), never only by a mouse tooltip.
 */
test("a row with three problems lists them all from the keyboard, rows keeping their height", async ({
  onboard,
  page,
}) => {
  await onboard.open("Paste");
  // Three errors: a contact that is neither e-mail nor phone, an impossible date, an unknown country.
  await onboard.pasteAt(
    onboard.cell(1, "contact"),
    "not a contact\tid-1\tAna Silva\t31/02/1990\t123456\tXYZ\r\nana@example.com\tid-2\r\n",
  );
  await expect(page.getByTestId("grid-counts")).toContainText("2 rows · 1 valid");
  const more = onboard.gridRow(2).getByRole("button", { name: "1 more: all 3 problems of row 1" });
  await expect(more).toHaveText("+1 more");
  await expect(onboard.gridRow(3).getByRole("button", { name: /more/ })).toHaveCount(0);
  // The row is as tall as a row without problems.
  const [withProblems, without] = await Promise.all([
    onboard.gridRow(2).boundingBox(),
    onboard.gridRow(3).boundingBox(),
  ]);
  expect(withProblems?.height).toBe(without?.height);

  // Keyboard only from the row's first cell: move along the row, open the list, read it, close it.
  await onboard.cell(1, "contact").click();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(onboard.cell(1, "fullName")).toBeFocused();
  await page.keyboard.press("Alt+ArrowDown");
  const dialog = page.getByRole("dialog", { name: "Row 1: 3 problems" });
  await expect(dialog).toBeVisible();
  const items = dialog.getByRole("listitem");
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText("Error — Contact (e-mail or phone):");
  await expect(items.nth(1)).toContainText("Error — Date of birth:");
  await expect(items.nth(2)).toContainText("Error — Country (alpha-3):");
  // Each line says in full what the grid's cell only starts to say.
  for (const field of ["contact", "birth", "countryAlpha3"]) {
    const message = await onboard.grid
      .locator(`[id="cell-error-0-${field}"] > span:last-child`)
      .textContent();
    expect(message).toBeTruthy();
    await expect(dialog).toContainText(message ?? "");
  }
  expect(await violations(page)).toStrictEqual([]);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(onboard.cell(1, "fullName")).toBeFocused();

  // The button opens the same list; Close (by keyboard) shuts it.
  await more.click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);
});
