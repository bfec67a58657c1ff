import { fileURLToPath } from "node:url";
import { expect, test } from "./fixtures";

const fixture = (name: string) =>
  fileURLToPath(new URL(`../lib/import/__fixtures__/${name}`, import.meta.url));

test("a Portuguese Excel CSV: mapped by its header, damage warned, an error fixed in place, undone, redone, sent", async ({
  onboard,
  page,
}) => {
  await onboard.open("File");
  await page.getByLabel("Choose a file").setInputFiles(fixture("pt-excel-semicolon.csv"));

  await expect(page.getByRole("status").filter({ hasText: "windows-1252" })).toContainText("40 data rows");
  await expect(page.getByLabel("Field for column “Telemóvel”")).toHaveValue("phone");
  await expect(page.getByLabel("Field for column “E-mail”")).toHaveValue("email");
  await expect(page.getByLabel("Field for column “N.º documento”")).toHaveValue("docId");
  await page.getByRole("button", { name: "Load 40 rows into the grid" }).click();

  await expect(page.getByRole("tab", { name: "Paste" })).toHaveAttribute("aria-selected", "true");
  await expect(onboard.grid).toHaveAttribute("aria-rowcount", "41");
  await expect(onboard.grid).toHaveAttribute("aria-busy", "false");
  await expect(page.getByTestId("grid-counts")).toContainText("40 rows · 36 valid · 4 with errors");
  // Windows-1252 decoded as browsers do: 0x92 is a typographic apostrophe.
  await expect(onboard.cell(9, "fullName")).toContainText("D’Ávila");
  // Damage is warned about and the value to be sent is shown, never silently changed.
  await expect(onboard.cell(1, "contact")).toContainText("351968016139");
  await expect(onboard.cell(1, "contact")).toContainText("→ +351968016139");
  await expect(onboard.cell(1, "birth")).toContainText("→ 1989-11-04");
  // A document that lost its leading zero is sent as it arrived unless the operator takes the suggestion.
  await expect(onboard.cell(2, "docId")).toHaveText("3235494");
  await page.getByRole("button", { name: "Use 03235494" }).click();
  await expect(onboard.cell(2, "docId")).toHaveText("03235494");

  // Fix the e-mail without a top-level domain (row 20, the fourth error: F8 jumps there), undo, redo.
  await onboard.cell(1, "contact").click();
  for (let step = 0; step < 4; step += 1) await page.keyboard.press("F8");
  const email = onboard.cell(20, "contact");
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await page.keyboard.press("F2");
  await page.keyboard.press("End");
  await page.keyboard.type(".pt");
  await page.keyboard.press("Enter");
  await expect(email).toHaveText("graca.damiao@example.pt");
  await expect(page.getByTestId("grid-counts")).toContainText("37 valid · 3 with errors");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(email).toHaveText("graca.damiao@example");
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(email).toHaveText("graca.damiao@example.pt");

  await page.getByLabel(/Send only the valid rows/).check();
  await onboard.createButton.click();
  await expect(onboard.resultRows()).toHaveCount(40, { timeout: 30_000 });
  await expect(onboard.resultRows("not-sent")).toHaveCount(3);
  // 200 on a fresh sandbox, 201 when an earlier run already created them.
  expect((await onboard.resultRows("200").count()) + (await onboard.resultRows("201").count())).toBe(37);
  await expect(onboard.resultRowFor("+351968016139")).toHaveAttribute("data-status", /^20[01]$/);
});

test("a two-sheet XLSX: the data sheet is chosen, a mapping conflict is caught and corrected", async ({
  onboard,
  page,
}) => {
  await onboard.open("File");
  await page.getByLabel("Choose a file").setInputFiles(fixture("two-sheets.xlsx"));

  await expect(page.getByLabel("Sheet")).toHaveValue("1");
  await expect(page.getByLabel("Sheet").locator("option")).toHaveText(["Instructions", "Subjects"]);
  await expect(page.getByLabel("Field for column “Work phone”")).toHaveValue("ignore");

  await page.getByLabel("Field for column “Work phone”").selectOption("phone");
  await expect(page.getByRole("alert").filter({ hasText: "is fed by" })).toContainText(
    "Contact — phone is fed by “Phone” and “Work phone”",
  );
  await expect(page.getByRole("button", { name: "Load 30 rows into the grid" })).toBeDisabled();
  await page.getByLabel("Field for column “Work phone”").selectOption("ignore");

  await page.getByRole("button", { name: "Load 30 rows into the grid" }).click();
  await expect(page.getByTestId("grid-counts")).toContainText("30 rows · 27 valid · 3 with errors");
  await expect(onboard.cell(1, "internalId")).toHaveText("10001");
  await expect(onboard.cell(1, "birth")).toHaveText("1985-10-16");
  await expect(onboard.cell(1, "docId")).toHaveText("01898253");

  // The load itself is one undoable step.
  await onboard.cell(1, "contact").click();
  await page.keyboard.press("ControlOrMeta+Z");
  await expect(onboard.grid).toHaveAttribute("aria-rowcount", "6");
});

test("a file of an unsupported type gets a clear message", async ({ onboard, page }) => {
  await onboard.open("File");
  await page.getByLabel("Choose a file").setInputFiles({
    name: "people.xls",
    mimeType: "application/vnd.ms-excel",
    buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  });
  await expect(page.getByRole("alert").filter({ hasText: "people.xls" })).toContainText(".xlsx or CSV");
});
