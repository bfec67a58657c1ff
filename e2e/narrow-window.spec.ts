import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { RunsPage } from "./pages/runs-page";

/** How far the page itself scrolls sideways: the wide grid and results table scroll inside their own boxes. */
function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test.use({ viewport: { width: 390, height: 844 } });

test("in a phone-wide window neither the onboarding screen nor a run's page scrolls sideways as a whole", async ({
  onboard,
  page,
  data,
}) => {
  await onboard.open("Paste");
  await onboard.pasteAt(onboard.cell(1, "contact"), `${data.email("narrow")}\tnarrow-1\r\n`);
  await expect(page.getByTestId("grid-counts")).toContainText("1 row · 1 valid");
  expect(await pageOverflow(page)).toBe(0);

  await onboard.send();
  const runs = new RunsPage(page);
  await runs.openRun(await onboard.runId());
  await runs.waitForRun();
  await expect(runs.results.locator("tbody tr")).toHaveCount(1);
  expect(await pageOverflow(page)).toBe(0);
});
