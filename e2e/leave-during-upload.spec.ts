import { expect, test } from "./fixtures";

/**
 * The rows of a run live only in this tab until they are stored: leaving while "Saving rows…" would
 * cut the run short (it keeps only the rows stored) and empty the grid. The browser asks first.
 */
test("leaving the page while rows are still being saved asks first; once they are saved it does not", async ({
  onboard,
  page,
  data,
}) => {
  const rows = Array.from({ length: 40_000 }, (_, index) => `${data.email("leave")}\tleave-${index}`);
  await onboard.open("Paste");
  await onboard.pasteAt(onboard.cell(1, "contact"), `Email\tID\r\n${rows.join("\r\n")}\r\n`);
  await expect(onboard.grid).toHaveAttribute("aria-busy", "false", { timeout: 60_000 });
  await expect(page.getByTestId("grid-counts")).toContainText("40,000 rows · 40,000 valid");

  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });
  await onboard.createButton.click();
  await expect(page.getByText(/^Saving rows [\d,]+ of 40,000/)).toBeVisible();
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(["beforeunload"]);
  expect(page.isClosed()).toBe(false);

  // Once every row is stored the server sends them whether the tab stays or not: nothing to ask.
  await onboard.waitForRun({ timeout: 120_000 });
  await page.close({ runBeforeUnload: true });
  expect(dialogs).toEqual(["beforeunload"]);
  await expect.poll(() => page.isClosed()).toBe(true);
});
