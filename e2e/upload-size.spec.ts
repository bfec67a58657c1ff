import { expect, test } from "./fixtures";

test("rows with long cells are stored in slices small enough for the server: every row lands, the valid ones are sent", async ({
  onboard,
  page,
  data,
}) => {
  // 1,100 rows hold a 4,000-character name (too long: held back as "not sent"), then 100 valid rows.
  // As 1,000-row slices the held-back rows alone are ~4.4 MB, over the server actions' 4 MB limit.
  const longName = "Nome muito comprido ".repeat(200);
  const lines = Array.from({ length: 1200 }, (_, index) =>
    index < 1100
      ? `${data.email("long")}\tlong-${index}\t${longName}`
      : `${data.email("short")}\tshort-${index}`,
  );
  await onboard.open("Paste");
  await onboard.pasteAt(onboard.gridCell(1, 0), `${lines.join("\r\n")}\r\n`);
  await expect(onboard.grid).toHaveAttribute("aria-rowcount", "1201");
  await expect(onboard.grid).toHaveAttribute("aria-busy", "false");
  await expect(page.getByTestId("grid-counts")).toContainText("1,200 rows · 100 valid · 1,100 with errors");

  await page.getByLabel(/Send only the valid rows/).check();
  await onboard.createButton.click();
  await expect(page.getByText("100 of 1,200 rows succeeded")).toBeVisible({ timeout: 60_000 });
  await expect(onboard.results).toHaveAttribute("aria-rowcount", "1201");
  await expect(page.getByText(/did not answer|Saving rows/)).toHaveCount(0);
});

test("a row too big to store is named before anything is sent, and the grid keeps it", async ({
  onboard,
  page,
  data,
}) => {
  const hugeName = "x".repeat(3_600_000);
  await onboard.open("Paste");
  await onboard.pasteAt(
    onboard.gridCell(1, 0),
    `${data.email("ok")}\tok-1\r\n${data.email("huge")}\thuge-2\t${hugeName}\r\n`,
  );
  await expect(onboard.grid).toHaveAttribute("aria-busy", "false");
  await expect(page.getByTestId("grid-counts")).toContainText("2 rows · 1 valid · 1 with errors");
  await page.getByLabel(/Send only the valid rows/).check();
  await onboard.createButton.click();
  await expect(page.getByRole("alert").filter({ hasText: "Row 2" })).toContainText(
    "Row 2 holds more than 3.5 MB of text, more than a row can be stored with. Shorten its cells or delete it. Nothing was sent to Humanos",
  );
  await expect(onboard.grid).toHaveAttribute("aria-rowcount", "3");
});
