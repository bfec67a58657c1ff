import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures";

// Narrower than the grid's columns (77.25rem): the grid's body scrolls sideways.
test.use({ viewport: { width: 700, height: 900 } });

/** How far `cell` sticks out of the view of the scrolled body that holds it, sideways, in px (0 when wholly shown). */
function sidewaysOverflow(cell: Locator): Promise<number> {
  return cell.evaluate((element) => {
    const body = element.closest('[role="rowgroup"]') as HTMLElement;
    const box = element.getBoundingClientRect();
    const left = body.getBoundingClientRect().left + body.clientLeft;
    const right = left + body.clientWidth;
    return Math.max(0, left - box.left) + Math.max(0, box.right - right);
  });
}

test("in a narrow window the keyboard scrolls the body sideways to show the whole active cell", async ({
  onboard,
  page,
}) => {
  await onboard.open("Paste");
  await onboard.pasteAt(
    onboard.cell(1, "contact"),
    "ana@example.com\tid-1\tAna Silva\t1990-01-31\t123456\tPRT\r\nbad contact\tid-2\r\n",
  );
  await expect(page.getByTestId("grid-counts")).toContainText("2 rows · 1 valid");
  const body = onboard.grid.getByRole("rowgroup").nth(1);
  const width = await body.evaluate((element) => ({ view: element.clientWidth, all: element.scrollWidth }));
  expect(width.all).toBeGreaterThan(width.view + 300);

  const expectShown = async (cell: Locator) => {
    await expect(cell).toBeFocused();
    await expect.poll(() => sidewaysOverflow(cell)).toBeLessThan(1);
  };
  await onboard.cell(1, "contact").click();
  await expectShown(onboard.gridCell(1, 0));
  // Right along the row to the Problems cell, past the view's right edge.
  for (let column = 1; column <= 6; column += 1) {
    await page.keyboard.press("ArrowRight");
    await expectShown(onboard.gridCell(1, column));
  }
  // Home back to the first field, End to the Problems cell, Left past the view's left edge.
  await page.keyboard.press("Home");
  await expectShown(onboard.gridCell(1, 0));
  await page.keyboard.press("End");
  await expectShown(onboard.gridCell(1, 6));
  for (let column = 5; column >= 0; column -= 1) {
    await page.keyboard.press("ArrowLeft");
    await expectShown(onboard.gridCell(1, column));
  }
  // Tab moves along the row as well; Ctrl+End reaches the last row's Problems cell.
  for (let column = 1; column <= 6; column += 1) {
    await page.keyboard.press("Tab");
    await expectShown(onboard.gridCell(1, column));
  }
  await page.keyboard.press("ControlOrMeta+Home");
  await expectShown(onboard.gridCell(1, 0));
  await page.keyboard.press("ControlOrMeta+End");
  // The last row's Problems cell (the grid keeps blank rows below the pasted ones).
  const lastProblems = onboard.grid.locator('[data-column="problems"][tabindex="0"]');
  await expect(lastProblems).toHaveCount(1);
  await expect(lastProblems).not.toHaveAttribute("data-row", "0");
  await expectShown(lastProblems);
  // The header scrolled with the body: the Problems column's name is above its cells.
  const header = onboard.grid.getByRole("columnheader", { name: "Problems" });
  const [headerBox, cellBox] = await Promise.all([header.boundingBox(), lastProblems.boundingBox()]);
  expect(Math.abs((headerBox?.x ?? 0) - (cellBox?.x ?? 1))).toBeLessThan(1);

  // A row header's click selects the row (its Problems cell becomes the active cell) without pulling
  // the row numbers out of view: only keyboard moves and cell clicks scroll sideways.
  await page.keyboard.press("ControlOrMeta+Home");
  await expectShown(onboard.gridCell(1, 0));
  // The first field brings the row numbers into view with it.
  const scrolledTo = await body.evaluate((element) => element.scrollLeft);
  expect(scrolledTo).toBe(0);
  await onboard.gridRow(3).getByRole("rowheader").click();
  await expect(onboard.gridRow(3)).toHaveAttribute("aria-selected", "true");
  await expect(onboard.gridCell(2, 6)).toBeFocused();
  expect(await body.evaluate((element) => element.scrollLeft)).toBe(scrolledTo);
});
