import { expect, test } from "./fixtures";

/** Excel puts rows on the clipboard as TSV with CRLF line ends. */
function tsv(rows: string[][]): string {
  return `${rows.map((row) => row.join("\t")).join("\r\n")}\r\n`;
}

const HEADER = ["Email", "Internal ID", "Full name", "Date of birth", "Document", "Country"];

test("DD/MM/YYYY birth dates are converted only while the column's conversion is on", async ({
  onboard,
  page,
  data,
}) => {
  const births = ["28/02/1990", "05/06/1991", "17/11/1985"];
  const rows = births.map((birth, index) => [
    data.email("dates"),
    `d-${index}`,
    `Person ${index}`,
    birth,
    data.docId(),
    "ESP",
  ]);
  await onboard.open("Paste");
  await onboard.pasteAt(onboard.gridCell(1, 0), tsv([HEADER, ...rows]));

  const counts = page.getByTestId("grid-counts");
  const convert = page.getByRole("checkbox", {
    name: "Birth dates are written DD/MM/YYYY: convert them to YYYY-MM-DD",
  });
  await expect(counts).toContainText("3 rows · 3 valid · 0 with errors");
  await expect(convert).toBeChecked();
  await expect(onboard.cell(1, "birth")).toContainText("28/02/1990");
  await expect(onboard.cell(1, "birth")).toContainText("→ 1990-02-28");
  await expect(onboard.cell(2, "birth")).toContainText("→ 1991-06-05");

  // Off: nothing is sent converted; every text date is an error that says what to do.
  await convert.uncheck();
  await expect(convert).not.toBeChecked();
  await expect(onboard.grid).toHaveAttribute("aria-busy", "false");
  await expect(counts).toContainText("3 rows · 0 valid · 3 with errors");
  await expect(onboard.cell(1, "birth")).toHaveAttribute("aria-invalid", "true");
  await expect(onboard.cell(1, "birth")).not.toContainText("→");
  await expect(onboard.grid.locator("#cell-error-0-birth")).toContainText(
    "Written DD/MM/YYYY; turn on the conversion above the grid, or write YYYY-MM-DD",
  );
  await onboard.createButton.click();
  await expect(page.getByRole("alert").filter({ hasText: "3 rows have errors" })).toBeVisible();

  // On again (keyboard: the switch is a real checkbox): converted and valid again.
  await convert.focus();
  await page.keyboard.press("Space");
  await expect(convert).toBeChecked();
  await expect(counts).toContainText("3 rows · 3 valid · 0 with errors");
  await expect(onboard.cell(1, "birth")).not.toHaveAttribute("aria-invalid", "true");
  await expect(onboard.cell(1, "birth")).toContainText("→ 1990-02-28");
});

test("dates that do not show their order are errors until the operator picks DD/MM or MM/DD", async ({
  onboard,
  page,
  data,
}) => {
  const rows = ["05/06/1990", "01/02/1991"].map((birth, index) => [
    data.email("order"),
    `o-${index}`,
    `Person ${index}`,
    birth,
    data.docId(),
    "ESP",
  ]);
  await onboard.open("Paste");
  await onboard.pasteAt(onboard.gridCell(1, 0), tsv([HEADER, ...rows]));

  const counts = page.getByTestId("grid-counts");
  const order = page.getByLabel(/do not show which number is the day/);
  await expect(counts).toContainText("2 rows · 0 valid · 2 with errors");
  await expect(order).toHaveValue("detected");
  await expect(onboard.grid.locator("#cell-error-0-birth")).toContainText("choose the order above the grid");

  await order.selectOption("dmy");
  await expect(counts).toContainText("2 rows · 2 valid · 0 with errors");
  await expect(onboard.cell(1, "birth")).toContainText("→ 1990-06-05");

  await order.selectOption("mdy");
  await expect(onboard.cell(1, "birth")).toContainText("→ 1990-05-06");
  await expect(onboard.cell(2, "birth")).toContainText("→ 1991-01-02");
});

test("in a big grid the switch re-checks every row in the workers, the grid busy meanwhile", async ({
  onboard,
  page,
}) => {
  const rows = Array.from({ length: 2000 }, (_, index) => [
    `big-${index}@example.com`,
    "",
    `Person ${index}`,
    `${(index % 28) + 1}/${(index % 12) + 1}/1980`,
    `B${index}`,
    "ESP",
  ]);
  await onboard.open("Paste");
  await onboard.pasteAt(onboard.gridCell(1, 0), tsv(rows));
  const counts = page.getByTestId("grid-counts");
  await expect(counts).toContainText("2,000 rows · 2,000 valid · 0 with errors");

  await onboard.grid.evaluate((grid) => {
    const seen: string[] = [];
    (window as unknown as { busyLog: string[] }).busyLog = seen;
    new MutationObserver(() => seen.push(grid.getAttribute("aria-busy") ?? "")).observe(grid, {
      attributes: true,
      attributeFilter: ["aria-busy"],
    });
  });
  await page.getByRole("checkbox", { name: /Birth dates are written DD\/MM\/YYYY/ }).uncheck();
  await expect(counts).toContainText("2,000 rows · 0 valid · 2,000 with errors");
  expect(await page.evaluate(() => (window as unknown as { busyLog: string[] }).busyLog)).toEqual([
    "true",
    "false",
  ]);
});
