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
});
