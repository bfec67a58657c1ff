import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import type { OnboardPage } from "./pages/onboard-page";
import { violations } from "./support/axe";

/**
 * Two rows: the first with three errors (a contact that is neither e-mail nor phone, an impossible
 * date, an unknown country), the second valid.
 */
async function pasteRowWithThreeProblems(onboard: OnboardPage, page: Page) {
  await onboard.open("Paste");
  await onboard.pasteAt(
    onboard.cell(1, "contact"),
    "not a contact\tid-1\tAna Silva\t31/02/1990\t123456\tXYZ\r\nana@example.com\tid-2\r\n",
  );
  await expect(page.getByTestId("grid-counts")).toContainText("2 rows · 1 valid");
}

/**
 * The Problems column has room for two lines (rows have one height): a row with more shows "+N more",
 * and every one of its messages is reachable in full from the keyboard (Alt+↓ on the row's cells) and
 * by screen readers (a labelled dialog), never only by a mouse tooltip.
 */
test("a row with three problems lists them all from the keyboard, rows keeping their height", async ({
  onboard,
  page,
}) => {
  await pasteRowWithThreeProblems(onboard, page);
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

/**
 * The Problems cell is a cell like the others on the arrow-key path (WAI-ARIA grid): reached with the
 * arrows, End and Ctrl+End, named by its text, Enter or F2 lists the row's problems, and it is read
 * only: typing, Delete and a paste starting there change nothing, and a copy leaves its text out.
 */
test("the Problems cell is on the arrow-key path, lists its row's problems on Enter and is never edited", async ({
  onboard,
  page,
}) => {
  await pasteRowWithThreeProblems(onboard, page);
  const problems = onboard.gridCell(1, 6);
  const validProblems = onboard.gridCell(2, 6);

  // From the row's last field, one arrow on: the cell holds the focus and is named by its text.
  await onboard.cell(1, "countryAlpha3").click();
  await page.keyboard.press("ArrowRight");
  await expect(problems).toBeFocused();
  await expect(problems).toHaveAccessibleName(
    /^Error — Contact:.+Error — Birth:.+1 more: all 3 problems of row 1$/,
  );
  // One tab stop for the grid: the cell, never its "+1 more" button.
  await expect(onboard.grid.locator('[tabindex="0"]')).toHaveCount(1);
  await expect(problems.getByRole("button", { name: /more/ })).toHaveAttribute("tabindex", "-1");
  await page.keyboard.press("ArrowRight");
  await expect(problems).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(validProblems).toBeFocused();
  await expect(validProblems).toHaveAccessibleName("No problems");
  await page.keyboard.press("Home");
  await expect(onboard.cell(2, "contact")).toBeFocused();
  await page.keyboard.press("End");
  await expect(validProblems).toBeFocused();
  await page.keyboard.press("ControlOrMeta+Home");
  await expect(onboard.cell(1, "contact")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+End");
  await expect(validProblems).toBeFocused();
  // Enter on a row without problems says so, and opens nothing.
  await page.keyboard.press("Enter");
  await expect(page.getByText("Row 2 has no problems.")).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // Enter lists the row's problems; Escape gives the focus back to the cell. F2 does the same.
  await page.keyboard.press("ArrowUp");
  await expect(problems).toBeFocused();
  const dialog = page.getByRole("dialog", { name: "Row 1: 3 problems" });
  for (const key of ["Enter", "F2"]) {
    await page.keyboard.press(key);
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(problems).toBeFocused();
  }

  // Read only: typing opens no editor, Delete and a paste starting here change no field.
  await page.keyboard.type("x");
  await expect(onboard.grid.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByText("The Problems column is read-only:", { exact: false })).toBeVisible();
  await page.keyboard.press("Delete");
  await page.evaluate(() => navigator.clipboard.writeText("pasted@example.com\tid-9"));
  await page.keyboard.press("ControlOrMeta+V");
  await expect(
    page.getByText("Nothing pasted: the Problems column is read-only.", { exact: false }),
  ).toBeVisible();
  await expect(onboard.cell(1, "countryAlpha3")).toHaveText("XYZ");
  await expect(onboard.cell(1, "contact")).toHaveText("not a contact");
  await expect(onboard.cell(1, "docId")).toHaveText("123456");

  // A copied range across it holds the fields' values only: the Problems text is the grid's verdict,
  // not data, and pasted back it would land as an extra column.
  await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("Shift+ArrowDown");
  // From the Problems cell of row 1 (the anchor) to the document of row 2 (the active cell).
  await expect(onboard.cell(2, "docId")).toBeFocused();
  await expect(problems).toHaveAttribute("aria-selected", "true");
  await expect(validProblems).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ControlOrMeta+C");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("123456\tXYZ\r\n\t");
  // Delete over that range clears its fields, never the Problems column's neighbours.
  await page.keyboard.press("Delete");
  await expect(onboard.cell(1, "docId")).toHaveText("");
  await expect(onboard.cell(1, "birth")).toHaveText("31/02/1990");
  // The Problems cell alone copies nothing, and says so: the clipboard keeps what it held.
  await problems.click();
  await expect(problems).toBeFocused();
  await page.keyboard.press("ControlOrMeta+C");
  await expect(page.getByText("Nothing copied:", { exact: false })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("123456\tXYZ\r\n\t");
  expect(await violations(page)).toStrictEqual([]);
});

/**
 * The toolbar's Paste reads the clipboard and pastes at the active cell. On a Problems cell (read
 * only, no field to start at) it changes nothing and says why, as Ctrl+V there does.
 */
test("the toolbar's Paste on a Problems cell pastes nothing and says why; on a field it pastes", async ({
  onboard,
  page,
}) => {
  await pasteRowWithThreeProblems(onboard, page);
  const rowCount = await onboard.grid.getAttribute("aria-rowcount");
  const pasteButton = page
    .getByRole("toolbar", { name: "Grid tools" })
    .getByRole("button", { name: "Paste" });
  await page.evaluate(() => navigator.clipboard.writeText("pasted@example.com\tid-9"));

  // The Problems cell of row 1 becomes the active cell (by keyboard: no click on its "+1 more").
  await onboard.cell(1, "countryAlpha3").click();
  await page.keyboard.press("ArrowRight");
  await expect(onboard.gridCell(1, 6)).toBeFocused();
  await pasteButton.click();
  await expect(
    page.getByText("Nothing pasted: the Problems column is read-only.", { exact: false }),
  ).toBeVisible();
  await expect(onboard.grid).toHaveAttribute("aria-rowcount", rowCount ?? "");
  await expect(onboard.cell(1, "contact")).toHaveText("not a contact");
  await expect(onboard.cell(1, "countryAlpha3")).toHaveText("XYZ");
  await expect(page.getByTestId("grid-counts")).toContainText("2 rows · 1 valid");
  await expect(page.getByText("pasted@example.com")).toHaveCount(0);

  // The same button on a field pastes there: the refusal above was the Problems cell's, not the clipboard's.
  await onboard.cell(2, "contact").click();
  await pasteButton.click();
  await expect(onboard.cell(2, "contact")).toHaveText("pasted@example.com");
  await expect(onboard.cell(2, "internalId")).toHaveText("id-9");
});

test.describe("where the page may not read the clipboard", () => {
  test.use({ permissions: ["clipboard-write"] });

  test("a paste event on a Problems cell changes no field, adds no row, and says why", async ({
    onboard,
    page,
  }) => {
    await pasteRowWithThreeProblems(onboard, page);
    // The paste event's target has no field: without the refusal it would land after the last row.
    await onboard.pasteAt(onboard.gridCell(1, 6), "pasted@example.com\tid-9");
    await expect(
      page.getByText("Nothing pasted: the Problems column is read-only.", { exact: false }),
    ).toBeVisible();
    await expect(onboard.grid).toHaveAttribute("aria-rowcount", "3");
    await expect(onboard.cell(1, "contact")).toHaveText("not a contact");
  });
});

/**
 * What a cell will send, when it differs from what it shows, is heard as well as seen: it is in the
 * cell's name, with or without a warning (the lost-+ warning does not give the number).
 */
test("a cell's sent value is in its name, never only in the visual hint", async ({ onboard, page }) => {
  await onboard.open("Paste");
  await onboard.pasteAt(
    onboard.cell(1, "contact"),
    "ana@example.com\tid-1\tAna Silva\t1990-01-31\t123456\tprt\r\n351912345678\tid-2\r\n",
  );
  await expect(page.getByTestId("grid-counts")).toContainText("2 rows · 2 valid");
  await expect(onboard.cell(1, "countryAlpha3")).toHaveAccessibleName("prt, sent as PRT");
  await expect(onboard.cell(2, "contact")).toHaveAccessibleName("351912345678, sent as +351912345678");
  await expect(onboard.cell(2, "contact")).toHaveAccessibleDescription(/Phone lost its leading \+/);
});
