import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Left edge and width of an element on screen, rounded to whole pixels. */
async function columnOf(element: Locator): Promise<{ left: number; width: number }> {
  const box = await element.boundingBox();
  if (!box) throw new Error("element is not on screen");
  return { left: Math.round(box.x), width: Math.round(box.width) };
}

test("column names stay above their cells when the grid is narrower than its columns and scrolled sideways", async ({
  onboard,
  page,
}) => {
  // Narrower than the columns' minimum widths: the grid scrolls sideways.
  await page.setViewportSize({ width: 900, height: 800 });
  await onboard.open("Paste");
  const lines = Array.from({ length: 40 }, (_, index) => `layout-${index}@example.com\tid-${index}`);
  await onboard.pasteAt(onboard.gridCell(1, 0), `${lines.join("\r\n")}\r\n`);
  await expect(onboard.grid).toHaveAttribute("aria-rowcount", "41");

  const headers = onboard.grid.getByRole("columnheader");
  const body = onboard.grid.getByRole("rowgroup").nth(1);
  for (const scrollLeft of [0, 250]) {
    await body.evaluate((element, left) => {
      element.scrollLeft = left;
    }, scrollLeft);
    await expect
      .poll(() =>
        onboard.grid
          .getByRole("rowgroup")
          .first()
          .evaluate((element) => element.scrollLeft),
      )
      .toBe(scrollLeft);
    // The six field columns: header 0 is "Row", then one per field, then the row's problems.
    for (let column = 0; column < 6; column += 1) {
      expect(await columnOf(headers.nth(column + 1)), `column ${column} at scrollLeft ${scrollLeft}`).toEqual(
        await columnOf(onboard.gridCell(1, column)),
      );
    }
  }
});

test("a 20-character e-mail shows whole in the grid's Contact column and on one line in the results", async ({
  onboard,
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await onboard.open("Paste");
  const contact = "joana.silva@mail.com";
  await onboard.pasteAt(onboard.gridCell(1, 0), `${contact}\tid-1\tAna Silva\t1980-02-01\t12345678\tPRT\r\n`);
  const cell = onboard.cell(1, "contact");
  await expect(cell).toHaveText(contact);
  // Truncated text overflows its cell (scrollWidth > clientWidth); whole text does not.
  expect(await cell.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);

  await onboard.createButton.click();
  const shown = onboard.results.getByText(contact, { exact: true });
  await expect(shown).toBeVisible({ timeout: 30_000 });
  const lineHeight = await shown.evaluate((element) =>
    Number.parseFloat(getComputedStyle(element).lineHeight),
  );
  expect((await shown.boundingBox())?.height ?? 0).toBeLessThan(lineHeight * 1.5);
});
