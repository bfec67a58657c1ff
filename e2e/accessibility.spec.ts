import { expect, test } from "./fixtures";
import { violations } from "./support/axe";

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
