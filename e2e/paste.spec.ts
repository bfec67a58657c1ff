import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Excel puts rows on the clipboard as TSV with CRLF, a trailing CRLF and quotes around awkward cells. */
function excelTsv(rows: string[][]): string {
  const quote = (cell: string) => (/[\t\r\n"]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return `${rows.map((row) => row.map(quote).join("\t")).join("\r\n")}\r\n`;
}

test("a real clipboard paste of Excel TSV with a header creates 200 subjects", async ({
  onboard,
  data,
  sandbox,
}) => {
  const header = ["Email", "Internal ID", "Full name", "Date of birth", "Document", "Country"];
  const people = Array.from({ length: 200 }, (_, index) => {
    const withIdentity = index % 2 === 0;
    return [
      `  ${data.email("paste")}\u00a0`,
      `emp-${index}`,
      withIdentity ? `Maria "Mimi" Costa ${index}` : "",
      withIdentity ? `1985-03-0${(index % 9) + 1}` : "",
      withIdentity ? data.docId() : "",
      withIdentity ? "PRT" : "",
    ];
  });
  await onboard.open("Paste");
  await onboard.pasteAt(onboard.gridCell(1, 0), excelTsv([header, ...people]));

  await expect(onboard.grid).toHaveAttribute("aria-rowcount", "201");
  await expect(onboard.cell(1, "fullName")).toHaveText('Maria "Mimi" Costa 0');
  await expect(onboard.cell(1, "contact")).toHaveText(people[0]?.[0]?.trim() ?? "");
  await expect(onboard.page.getByTestId("grid-counts")).toContainText("200 valid");

  await onboard.createButton.click();
  await expect(onboard.resultRows()).toHaveCount(200, { timeout: 30_000 });
  await expect(onboard.resultRows("200")).toHaveCount(200);
  await expect(onboard.results.locator("tbody tr").first()).toContainText(people[0]?.[0]?.trim() ?? "");

  const last = people[199]?.[0]?.trim() ?? "";
  const created = await sandbox.byContact(last);
  expect(created?.internalId).toBe("emp-199");
});

test("a headerless paste at a cell fills from that cell, quoted cells intact", async ({ onboard }) => {
  await onboard.open("Paste");
  const text = 'Rita\t1970-01-01\tAB 12 34\tESP\r\n"Jo\u00e3o\tSegundo ""Jr"""\t1971-02-02\tZZ99\tPRT\r\n';
  await onboard.pasteAt(onboard.gridCell(2, 2), text);
  await expect(onboard.cell(2, "fullName")).toHaveText("Rita");
  await expect(onboard.cell(2, "countryAlpha3")).toHaveText("ESP");
  await expect(onboard.cell(3, "fullName")).toHaveText(/João\s+Segundo "Jr"/);
});

test("a batch with an invalid row flags it, refuses to send silently, then sends only the valid rows on request", async ({
  onboard,
  page,
  data,
  sandbox,
}) => {
  const good1 = data.email("ok");
  const good2 = data.phone();
  const repeated = data.email("dup");
  const rows = [
    [good1, "a-1"],
    ["not-an-email", "a-2"],
    [good2, "a-3"],
    [repeated, "a-4"],
    [repeated, "a-5"],
  ];
  await onboard.open("Paste");
  await onboard.pasteAt(onboard.gridCell(1, 0), excelTsv(rows));

  await expect(onboard.cell(2, "contact")).toHaveAttribute("aria-invalid", "true");
  await expect(onboard.grid.locator("#cell-error-1-contact")).toContainText("Contact:");
  await expect(onboard.grid.getByRole("listitem").filter({ hasText: "Also in row 5" })).toBeVisible();
  await expect(page.getByTestId("grid-counts")).toContainText("3 with errors");

  await onboard.createButton.click();
  await expect(page.getByRole("alert").filter({ hasText: "3 rows have errors" })).toBeVisible();
  await expect(onboard.results).toHaveCount(0);
  expect(await sandbox.byContact(good1)).toBeNull();

  await page.getByLabel(/Send only the valid rows/).check();
  await onboard.createButton.click();
  await expect(onboard.resultRows()).toHaveCount(5);
  await expect(onboard.resultRows("200")).toHaveCount(2);
  await expect(onboard.resultRows("not-sent")).toHaveCount(3);
  await expect(onboard.resultRowFor("not-an-email")).toContainText("Not sent");
  await expect(onboard.resultRowFor("not-an-email")).toContainText(
    "Not sent, invalid — Contact (e-mail or phone):",
  );
  expect(await sandbox.byContact(good1)).not.toBeNull();
  expect(await sandbox.byContact(repeated)).toBeNull();
});

/** Counts the paste events the page sees from now on; returns how to read the count. */
async function countPasteEvents(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const counter = { pasteEvents: 0 };
    (window as unknown as { pasteCounter: typeof counter }).pasteCounter = counter;
    document.addEventListener("paste", () => (counter.pasteEvents += 1), true);
  });
  return () =>
    page.evaluate(
      () => (window as unknown as { pasteCounter: { pasteEvents: number } }).pasteCounter.pasteEvents,
    );
}

const TWO_CONTACTS = "ana@example.com\temp-1\r\nrui@example.com\temp-2\r\n";

test("a header row pasted alone adds no row and says why", async ({ onboard, page }) => {
  await onboard.open("Paste");
  await onboard.pasteAt(onboard.cell(1, "contact"), "E-mail\tNome completo\tPaís\r\n");
  await expect(page.getByText("Nothing to paste: the clipboard held only a header row.")).toBeVisible();
  await expect(onboard.cell(1, "contact")).toHaveText("");
});

test("a first line read as column names is named, and can be pasted again as a person's row", async ({
  onboard,
  page,
}) => {
  await onboard.open("Paste");
  // "Pais" is a Portuguese surname and also a column label (país): alone beside a country code, the
  // line is read as a header, so the console must say so and let the operator keep the person.
  await onboard.pasteAt(onboard.cell(1, "fullName"), "Pais\t\t\tPRT\r\nRui Costa\t\t\tPRT\r\n");
  await expect(
    page.getByText(
      "Pasted 1 row at row 1. The first line (Pais, PRT) was read as column names, not as a row: “Pais” → Country (alpha-3). Ignored columns: PRT.",
    ),
  ).toBeVisible();
  await expect(onboard.cell(1, "countryAlpha3")).toHaveText("Rui Costa");

  const again = page.getByRole("button", { name: "Paste again with the first line as a row" });
  await again.focus();
  await page.keyboard.press("Enter");
  await expect(onboard.grid).toHaveAttribute("aria-rowcount", "3");
  await expect(onboard.cell(1, "fullName")).toHaveText("Pais");
  await expect(onboard.cell(2, "fullName")).toHaveText("Rui Costa");
  await expect(onboard.cell(2, "countryAlpha3")).toHaveText("PRT");
  await expect(page.getByText("Pasted 2 rows at row 1. Ctrl+Z undoes it.")).toBeVisible();
  await expect(again).toHaveCount(0);
});

test("a big paste into a grid with rows (read in a worker) can be pasted again with its first line as a row", async ({
  onboard,
  page,
}) => {
  await onboard.open("Paste");
  await onboard.pasteAt(onboard.cell(1, "fullName"), "Ana Lima\t1980-01-01\r\n");
  // Over 100,000 characters into a grid that is not blank: a worker reads it.
  const names = Array.from({ length: 7000 }, (_, index) => `Person ${index + 1}\t\t\tPRT`);
  await onboard.pasteAt(onboard.cell(1, "fullName"), `Pais\t\t\tPRT\r\n${names.join("\r\n")}\r\n`);
  await expect(page.getByText("Pasted 7,000 rows at row 1. The first line (Pais, PRT)")).toBeVisible();

  await page.getByRole("button", { name: "Paste again with the first line as a row" }).click();
  await expect(page.getByText("Pasted 7,001 rows at row 1. Ctrl+Z undoes it.")).toBeVisible();
  await expect(onboard.grid).toHaveAttribute("aria-rowcount", "7002");
  await expect(onboard.cell(1, "fullName")).toHaveText("Pais");
  await expect(onboard.cell(2, "fullName")).toHaveText("Person 1");
  await expect(onboard.cell(2, "countryAlpha3")).toHaveText("PRT");
});

test.describe("where the page may read the clipboard", () => {
  test("Ctrl+V reads it asynchronously (no paste event holds the page) and the toolbar's Paste pastes at the selected cell", async ({
    onboard,
    page,
  }) => {
    await onboard.open("Paste");
    const pasteEvents = await countPasteEvents(page);
    await expect
      .poll(() =>
        page.evaluate(
          async () => (await navigator.permissions.query({ name: "clipboard-read" as PermissionName })).state,
        ),
      )
      .toBe("granted");
    await onboard.pasteAt(onboard.gridCell(1, 0), TWO_CONTACTS);
    await expect(onboard.cell(2, "internalId")).toHaveText("emp-2");
    expect(await pasteEvents()).toBe(0);

    await page.evaluate(() => navigator.clipboard.writeText("Marta Reis\t1990-05-06\r\n"));
    await onboard.cell(2, "fullName").click();
    await page.getByRole("toolbar", { name: "Grid tools" }).getByRole("button", { name: "Paste" }).click();
    await expect(onboard.cell(2, "fullName")).toHaveText("Marta Reis");
    await expect(onboard.cell(2, "birth")).toHaveText("1990-05-06");
    await expect(onboard.cell(2, "contact")).toHaveText("rui@example.com");
  });

  test("a small paste read while the workers warm up pauses their warm-up, which then runs to its end", async ({
    onboard,
  }) => {
    await onboard.open("Paste");
    // The warm-up (40,000 made-up rows per worker) takes seconds: the paste below lands in it.
    await expect(onboard.grid).toHaveAttribute("data-warm-up", "running");
    await onboard.pasteAt(onboard.gridCell(1, 0), TWO_CONTACTS);
    await expect(onboard.cell(2, "internalId")).toHaveText("emp-2");
    // Held while the clipboard was read, resumed after the paste (the page checked these rows itself).
    await expect(onboard.grid).toHaveAttribute("data-warm-up", "over", { timeout: 60_000 });
  });
});

test.describe("where the page may not read the clipboard", () => {
  test.use({ permissions: ["clipboard-write"] });

  test("Ctrl+V pastes through the ordinary paste event", async ({ onboard, page }) => {
    await onboard.open("Paste");
    const pasteEvents = await countPasteEvents(page);
    await onboard.pasteAt(onboard.gridCell(1, 0), TWO_CONTACTS);
    await expect(onboard.cell(2, "internalId")).toHaveText("emp-2");
    expect(await pasteEvents()).toBe(1);
  });
});
