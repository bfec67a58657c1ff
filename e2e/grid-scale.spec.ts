import { expect, test } from "./fixtures";

test("a 5,000-row paste is validated off the main thread: the grid is busy, then shows every count", async ({
  onboard,
  page,
  data,
}) => {
  const lines = Array.from({ length: 5000 }, (_, index) =>
    index % 250 === 7 ? `broken-${index}@example\tid-${index}` : `${data.email("bulk")}\tid-${index}`,
  );
  await onboard.open("Paste");
  // Record every aria-busy the grid goes through, to prove validation ran asynchronously.
  await onboard.grid.evaluate((grid) => {
    const seen: string[] = [];
    (window as unknown as { busyLog: string[] }).busyLog = seen;
    new MutationObserver(() => seen.push(grid.getAttribute("aria-busy") ?? "")).observe(grid, {
      attributes: true,
      attributeFilter: ["aria-busy"],
    });
  });
  await onboard.pasteAt(onboard.gridCell(1, 0), `${lines.join("\r\n")}\r\n`);

  await expect(onboard.grid).toHaveAttribute("aria-rowcount", "5001");
  await expect(onboard.grid).toHaveAttribute("aria-busy", "false");
  await expect(page.getByTestId("grid-counts")).toContainText("5,000 rows · 4,980 valid · 20 with errors");
  expect(await page.evaluate(() => (window as unknown as { busyLog: string[] }).busyLog)).toEqual([
    "true",
    "false",
  ]);
  // Only visible rows are rendered.
  expect(await onboard.grid.getByRole("row").count()).toBeLessThan(80);

  // Sent in slices, answered row by row, shown a page at a time.
  await page.getByLabel(/Send only the valid rows/).check();
  await onboard.createButton.click();
  await expect(page.getByText("4,980 of 5,000 rows succeeded")).toBeVisible({ timeout: 60_000 });
  await expect(onboard.results).toHaveAttribute("aria-rowcount", "5001");
  await expect(onboard.resultRows()).toHaveCount(500);
  await expect(onboard.resultRows("not-sent")).toHaveCount(2);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByText("Rows 501–1,000 of 5,000")).toBeVisible();
  await expect(onboard.results.locator("tbody tr").first()).toHaveAttribute("aria-rowindex", "502");
});
