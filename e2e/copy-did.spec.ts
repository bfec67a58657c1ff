import { expect, test } from "./fixtures";

const tsv = (rows: string[][]) => `${rows.map((row) => row.join("\t")).join("\r\n")}\r\n`;

test("Copy DID puts the row's DID on the clipboard and says so in the table's one status line", async ({
  onboard,
  page,
  data,
}) => {
  const rows = [
    [data.email("copy-a"), "", "Ana Copy", "1980-01-01", data.docId(), "PRT"],
    [data.email("copy-b"), "", "Bruno Copy", "1981-02-02", data.docId(), "PRT"],
  ];
  await onboard.open("Paste");
  await onboard.pasteAt(onboard.gridCell(1, 0), tsv(rows));
  await onboard.createButton.click();
  await expect(onboard.resultRows("200")).toHaveCount(2);

  const results = page.getByRole("table", { name: "Results" });
  // One status line for the whole table, not a live region per row (there were 500 on a full page).
  await expect(results.locator("[aria-live], [role=status]")).toHaveCount(0);

  const second = onboard.resultRowFor(rows[1]?.[0] ?? "");
  const did = (await second.locator("code").textContent()) ?? "";
  expect(did).toMatch(/^did:/);
  await second.getByRole("button", { name: "Copy DID of row 2" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied the DID of row 2." })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(did);

  // A refused copy is said, with what to do instead.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError"));
  });
  await onboard
    .resultRowFor(rows[0]?.[0] ?? "")
    .getByRole("button", { name: "Copy DID of row 1" })
    .click();
  await expect(
    page.getByRole("status").filter({ hasText: "Could not copy the DID of row 1: the browser refused." }),
  ).toContainText("Select the DID and press Ctrl+C");
});
