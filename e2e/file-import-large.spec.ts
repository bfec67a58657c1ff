import { expect, test } from "./fixtures";

/** A Portuguese Excel CSV of `rowCount` people (semicolons, Windows-1252, CRLF). */
function portugueseCsv(rowCount: number): Buffer {
  const lines = ["E-mail;Telemóvel;Nome completo;Data de nascimento;N.º documento;País"];
  for (let index = 0; index < rowCount; index += 1) {
    const contact =
      index % 2 === 0 ? `pessoa.${index}@example.com;` : `;+3519${String(10_000_000 + index).slice(-8)}`;
    lines.push(
      `${contact};João Simões ${index};19${50 + (index % 50)}-0${1 + (index % 9)}-1${index % 9};${10_000_000 + index};PRT`,
    );
  }
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "latin1");
}

test("a 20,000-row CSV is read and mapped off the page, and every row reaches the grid", async ({
  onboard,
  page,
}) => {
  await onboard.open("File");
  await page.getByLabel("Choose a file").setInputFiles({
    name: "pessoas.csv",
    mimeType: "text/csv",
    buffer: portugueseCsv(20_000),
  });

  await expect(page.getByRole("status").filter({ hasText: "pessoas.csv" })).toContainText(
    "windows-1252, separated by “;”: 20,000 data rows.",
  );
  // The samples come from the preview the worker sent (the file's first rows only).
  await expect(page.getByRole("row", { name: /Nome completo/ })).toContainText("João Simões 0");
  await page.getByRole("button", { name: "Load 20,000 rows into the grid" }).click();

  await expect(onboard.grid).toHaveAttribute("aria-rowcount", "20001");
  await expect(onboard.grid).toHaveAttribute("aria-busy", "false");
  await expect(page.getByRole("status").filter({ hasText: "Loaded" })).toContainText(
    "20,000 rows from pessoas.csv",
  );
  await expect(onboard.cell(1, "fullName")).toHaveText("João Simões 0");
  await expect(onboard.cell(2, "contact")).toContainText("+351910000001");
});

test("a file with more rows than one run takes is refused with a clear message", async ({
  onboard,
  page,
}) => {
  await onboard.open("File");
  const rows = Array.from({ length: 1_000_001 }, (_, index) => `${index}`);
  await page.getByLabel("Choose a file").setInputFiles({
    name: "huge.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`Email;Name\r\n${rows.join(";x\r\n")};x\r\n`, "latin1"),
  });

  await expect(page.getByRole("alert").filter({ hasText: "huge.csv" })).toHaveText(
    "huge.csv has 1,000,001 data rows; one run takes at most 1,000,000. Split it into smaller files and import them one after another.",
    { timeout: 30_000 },
  );
  await expect(page.getByRole("button", { name: "Load 1,000,001 rows into the grid" })).toBeDisabled();
});

test("a mapping changed before Load is the one the rows are loaded under", async ({ onboard, page }) => {
  await onboard.open("File");
  await page.getByLabel("Choose a file").setInputFiles({
    name: "pessoas.csv",
    mimeType: "text/csv",
    buffer: portugueseCsv(3),
  });
  await page.getByLabel("Field for column “Nome completo”").selectOption("ignore");
  await page.getByLabel("Field for column “E-mail”").selectOption("internalId");
  await page.getByRole("button", { name: "Load 3 rows into the grid" }).click();

  await expect(onboard.grid).toHaveAttribute("aria-rowcount", "4");
  await expect(onboard.cell(1, "internalId")).toHaveText("pessoa.0@example.com");
  await expect(onboard.cell(1, "fullName")).toHaveText("");
  await expect(onboard.cell(2, "contact")).toContainText("+351910000001");
});
