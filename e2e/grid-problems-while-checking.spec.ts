import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * Holds the grid workers' checks ("profile" and "validate" jobs) from when the page sets
 * `holdGridChecks` until it calls `releaseGridChecks()`: the grid then stays busy, its new rows
 * without a verdict, for as long as the test needs, whatever the machine's speed.
 */
async function holdGridChecksOnRequest(page: Page) {
  await page.addInitScript(() => {
    const state = window as unknown as { holdGridChecks: boolean; releaseGridChecks: () => void };
    const held: Array<() => void> = [];
    state.holdGridChecks = false;
    state.releaseGridChecks = () => {
      state.holdGridChecks = false;
      for (const send of held.splice(0)) send();
    };
    const post = Worker.prototype.postMessage as (this: Worker, ...args: unknown[]) => void;
    Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
      const type = (args[0] as { type?: unknown } | null)?.type;
      if (state.holdGridChecks && (type === "profile" || type === "validate")) {
        held.push(() => post.apply(this, args));
        return;
      }
      post.apply(this, args);
    } as typeof Worker.prototype.postMessage;
  });
}

test("Enter on the Problems cell of a row still being checked says so, then says what the check found", async ({
  onboard,
  page,
}) => {
  await holdGridChecksOnRequest(page);
  await onboard.open("Paste");
  await page.evaluate(() => {
    (window as unknown as { holdGridChecks: boolean }).holdGridChecks = true;
  });
  // More rows than the page checks in place: they go to the (held) workers.
  const lines = Array.from({ length: 2000 }, (_, index) => `checking-${index}@example.com\tid-${index}`);
  await onboard.pasteAt(onboard.cell(1, "contact"), `${lines.join("\r\n")}\r\n`);
  await expect(onboard.grid).toHaveAttribute("aria-rowcount", "2001");
  await expect(onboard.grid).toHaveAttribute("aria-busy", "true");

  const problems = onboard.gridCell(1, 6);
  await page.keyboard.press("End");
  await expect(problems).toBeFocused();
  await expect(problems).toHaveAccessibleName("Still being checked");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Row 1 is still being checked.")).toBeVisible();
  await expect(page.getByText("Row 1 has no problems.")).toHaveCount(0);
  // Alt+↓ on a field of the row says the same, and opens no list that would claim "no problems".
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Alt+ArrowDown");
  await expect(page.getByText("Row 2 is still being checked.")).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(onboard.grid).toHaveAttribute("aria-busy", "true");

  await page.evaluate(() => (window as unknown as { releaseGridChecks: () => void }).releaseGridChecks());
  await expect(onboard.grid).toHaveAttribute("aria-busy", "false");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("End");
  await expect(problems).toBeFocused();
  await expect(problems).toHaveAccessibleName("No problems");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Row 1 has no problems.")).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("the Problems cell of an empty row says the row is empty, not that it has no problems", async ({
  onboard,
  page,
}) => {
  await onboard.open("Paste");
  await expect(onboard.grid).toHaveAttribute("aria-busy", "false");
  const problems = onboard.gridCell(1, 6);
  await onboard.cell(1, "contact").click();
  await page.keyboard.press("End");
  await expect(problems).toBeFocused();
  await expect(problems).toHaveAccessibleName("Empty row");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Row 1 is empty.")).toBeVisible();
  await page.keyboard.press("Alt+ArrowDown");
  await expect(page.getByRole("dialog")).toHaveCount(0);
});
