import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import type { OnboardPage } from "./pages/onboard-page";
import { accessibleGridRows } from "./support/ax-tree";

const ROW_COUNT = 300;

/** Pastes ROW_COUNT rows (contact `scroll-<i>@example.com`, internal ID `id-<i>`) and waits until they are checked. */
async function pasteRows(onboard: OnboardPage) {
  await onboard.open("Paste");
  const lines = Array.from({ length: ROW_COUNT }, (_, index) => `scroll-${index}@example.com\tid-${index}`);
  await onboard.pasteAt(onboard.gridCell(1, 0), `${lines.join("\r\n")}\r\n`);
  await expect(onboard.grid).toHaveAttribute("aria-rowcount", String(ROW_COUNT + 1));
  await expect(onboard.grid).toHaveAttribute("aria-busy", "false");
}

/**
 * Jumps the body to 2,400 px (away from the top, where the rows rendered above the view grow in
 * number), then scrolls down 8 × 150 px (about three rows a step: most rows stay rendered, and the
 * rows scrolling in reuse the elements of those that left), two frames a step. Ends at 3,600 px:
 * the view starts at row 76. Returns how many row elements were added or removed during the steps.
 */
function scrollPartWay(body: Locator): Promise<number> {
  return body.evaluate(async (element) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    element.scrollTop = 2400;
    await frame();
    await frame();
    let changed = 0;
    const observer = new MutationObserver((records) => {
      for (const record of records)
        for (const node of [...record.addedNodes, ...record.removedNodes])
          if (node instanceof Element && node.getAttribute("role") === "row") changed += 1;
    });
    observer.observe(element, { childList: true, subtree: true });
    for (let step = 0; step < 8; step += 1) {
      element.scrollTop += 150;
      await frame();
      await frame();
    }
    observer.disconnect();
    return changed;
  });
}

/** The aria-rowindex of every row the body renders, ascending. */
function renderedRowIndexes(body: Locator): Promise<number[]> {
  return body.evaluate((element) =>
    [...element.querySelectorAll('[role="row"]')]
      .map((row) => Number(row.getAttribute("aria-rowindex")))
      .sort((a, b) => a - b),
  );
}

/** Waits until the accessibility tree lists the header row, then the body rows `ariaRowIndexes`, in that order. */
async function expectTreeToList(page: Page, ariaRowIndexes: readonly number[]) {
  await expect
    .poll(async () => (await accessibleGridRows(page, "Subjects")).map((row) => row.ariaRowIndex))
    .toEqual([1, ...ariaRowIndexes]);
}

/** Whether `cell` lies wholly inside the scrolled body's view (between its top and bottom edges). */
async function shownWholeIn(body: Locator, cell: Locator): Promise<boolean> {
  const view = await body.evaluate((element) => {
    const { top } = element.getBoundingClientRect();
    return { top, bottom: top + element.clientHeight };
  });
  const box = await cell.evaluate((element) => {
    const { top, bottom } = element.getBoundingClientRect();
    return { top, bottom };
  });
  return box.top >= view.top - 0.5 && box.bottom <= view.bottom + 0.5;
}

test("scrolling by less than a screen reuses the row elements, each shows its own row, and focus stays", async ({
  onboard,
  page,
}) => {
  await pasteRows(onboard);
  // The active cell: row 3's internal ID.
  await onboard.cell(3, "internalId").click();
  await expect(onboard.cell(3, "internalId")).toBeFocused();

  const body = onboard.grid.getByRole("rowgroup").nth(1);
  // Rows scrolling in reuse the elements of rows that left: at most one element a step is added or
  // dropped, as the view's edges cut one row more or fewer (a new element per row scrolled in, as
  // before row slots, made ~50 here).
  expect(await scrollPartWay(body)).toBeLessThanOrEqual(8);

  // Each rendered row shows its own data, whatever element it reuses.
  const shown = await body.evaluate((element) =>
    [...element.querySelectorAll('[role="row"]')].map((row) => ({
      rowIndex: Number(row.getAttribute("aria-rowindex")),
      internalId: row.querySelector('[data-field="internalId"]')?.textContent,
      label: row.querySelector('[role="rowheader"]')?.getAttribute("aria-label"),
    })),
  );
  expect(shown.length).toBeGreaterThan(5);
  for (const { rowIndex, internalId, label } of shown) {
    expect(internalId).toBe(`id-${rowIndex - 2}`);
    expect(label).toBe(`Row ${rowIndex - 1}`);
  }
  // The rows in view are the ones scrolled to (3,600 px = 75 rows of 48 px down).
  await expect.poll(() => shownWholeIn(body, onboard.cell(77, "internalId"))).toBe(true);
  // Row 3 scrolled away, yet stayed rendered and focused.
  await expect(onboard.cell(3, "internalId")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(onboard.cell(4, "internalId")).toBeFocused();
});

test("after a part-way scroll the accessibility tree lists the grid's rows in row order, each with its own cells", async ({
  onboard,
  page,
}) => {
  await pasteRows(onboard);
  await onboard.cell(3, "internalId").click();
  const body = onboard.grid.getByRole("rowgroup").nth(1);
  await scrollPartWay(body);
  const rendered = await renderedRowIndexes(body);
  expect(rendered).toContain(77);

  // What a screen reader is given: the header row, then every rendered body row once, ascending.
  await expectTreeToList(page, rendered);
  const rows = await accessibleGridRows(page, "Subjects");
  for (const { ariaRowIndex, name } of rows.slice(1)) {
    const index = ariaRowIndex - 2;
    // "No problems": the checked row's empty Problems cell, said (not shown) when the keyboard lands on it.
    expect(name).toBe(
      `Row ${index + 1} scroll-${index}@example.com id-${index} No problems Remove row ${index + 1}`,
    );
  }
});

test("after a part-way scroll, arrow keys and Page Up/Down across the view's edges land on the right row", async ({
  onboard,
  page,
}) => {
  await pasteRows(onboard);
  const body = onboard.grid.getByRole("rowgroup").nth(1);
  await scrollPartWay(body);
  // Row 78 is in view; its internal ID becomes the active cell.
  await onboard.cell(78, "internalId").click();

  const expectActive = async (rowNumber: number) => {
    const cell = onboard.cell(rowNumber, "internalId");
    await expect(cell).toBeFocused();
    await expect(cell).toHaveText(`id-${rowNumber - 1}`);
    // Wholly inside the body's scrolled view (the page itself may cut the body off: not the grid's doing).
    await expect.poll(() => shownWholeIn(body, cell)).toBe(true);
  };
  await expectActive(78);
  // Down past the view's bottom edge (about nine rows are in view).
  for (let rowNumber = 79; rowNumber <= 92; rowNumber += 1) {
    await page.keyboard.press("ArrowDown");
    await expectActive(rowNumber);
  }
  await page.keyboard.press("PageDown");
  await expectActive(102);
  await page.keyboard.press("PageUp");
  await page.keyboard.press("PageUp");
  await expectActive(82);
  // Up past the view's top edge.
  for (let rowNumber = 81; rowNumber >= 66; rowNumber -= 1) {
    await page.keyboard.press("ArrowUp");
    await expectActive(rowNumber);
  }
  // The tree still lists the rows in order after the keys scrolled the grid.
  const rendered = await renderedRowIndexes(body);
  expect(rendered).toContain(67);
  await expectTreeToList(page, rendered);
});
