import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

/** WCAG 2.1 A/AA rules, checked by axe on the screens an operator uses. */
async function violations(page: import("@playwright/test").Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  // Proof that axe really ran its rules on this page (an empty result must not mean "nothing checked").
  expect(results.passes.length).toBeGreaterThan(10);
  return results.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    targets: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
  }));
}

test("the onboarding screen, with rows, errors and results, has no WCAG A/AA violations", async ({
  onboard,
  page,
  data,
}) => {
  await onboard.open("Paste");
  const rows = [`${data.email("a11y")}\tx-1`, "not-an-email\tx-2", `${data.phone()}\tx-3`];
  await onboard.pasteAt(onboard.cell(1, "contact"), `${rows.join("\r\n")}\r\n`);
  await expect(page.getByTestId("grid-counts")).toContainText("1 with errors");
  expect(await violations(page)).toEqual([]);

  await page.getByLabel(/Send only the valid rows/).check();
  await onboard.createButton.click();
  await expect(onboard.resultRows()).toHaveCount(3);
  expect(await violations(page)).toEqual([]);

  await page.getByRole("tab", { name: "Form" }).click();
  expect(await violations(page)).toEqual([]);
  await page.getByRole("tab", { name: "File" }).click();
  expect(await violations(page)).toEqual([]);
});
