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

test("a big paste with a header row is checked whole: errors and repeats anywhere, then a second paste below it", async ({
  onboard,
  page,
  data,
}) => {
  const header = "E-mail\tNome completo\tData de nascimento\tN.º documento\tPaís";
  const contacts = Array.from({ length: 4000 }, () => data.email("whole"));
  contacts[3990] = contacts[10] as string; // a repeat across the two workers' shares
  contacts[3999] = "broken@example"; // an error in the last row
  const lines = contacts.map(
    (contact, index) =>
      `${contact}\tPessoa ${index}\t${1950 + (index % 50)}-01-15\t${70_000_000 + index}\tPRT`,
  );
  await onboard.open("Paste");
  await onboard.pasteAt(onboard.gridCell(1, 0), `${header}\r\n${lines.join("\r\n")}\r\n`);
  await expect(onboard.grid).toHaveAttribute("aria-rowcount", "4001");
  await expect(onboard.grid).toHaveAttribute("aria-busy", "false");
  await expect(page.getByTestId("grid-counts")).toContainText("4,000 rows · 3,997 valid · 3 with errors");
  await page.getByLabel("Show only rows with errors").check();
  await expect(onboard.grid).toHaveAttribute("aria-rowcount", "4");
  const row = (rowNumber: number) =>
    onboard.grid
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: `Row ${rowNumber}, has errors` }) });
  await expect(row(11)).toContainText("Also in row 3991");
  await expect(row(3991)).toContainText("Also in row 11");
  await expect(row(4000)).toContainText("e-mail");
  await page.getByLabel("Show only rows with errors").uncheck();

  // The grid now holds rows: a second big paste goes below them and is checked with them.
  const more = Array.from({ length: 4000 }, (_, index) =>
    index === 3999 ? `${contacts[0]}\tid-again` : `${data.email("more")}\tid-${index}`,
  );
  await onboard.grid.focus();
  await page.evaluate((value) => navigator.clipboard.writeText(value), `${more.join("\r\n")}\r\n`);
  await page.keyboard.press("ControlOrMeta+V");
  await expect(onboard.grid).toHaveAttribute("aria-rowcount", "8001");
  await expect(onboard.grid).toHaveAttribute("aria-busy", "false");
  await expect(page.getByTestId("grid-counts")).toContainText("8,000 rows · 7,995 valid · 5 with errors");
});
