import { expect, test } from "./fixtures";

test("the grid edits like a spreadsheet: type, Enter, arrows, Delete, fill down, undo and redo", async ({
  onboard,
  page,
}) => {
  await onboard.open("Paste");
  const first = onboard.cell(1, "contact");
  await first.click();
  await expect(first).toBeFocused();

  // Type to edit, Enter commits and moves down.
  await page.keyboard.type("ana@example.com");
  await page.keyboard.press("Enter");
  await expect(first).toHaveText("ana@example.com");
  await expect(onboard.cell(2, "contact")).toBeFocused();

  // Arrow keys move; typing replaces; Tab commits and moves right.
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.type("crm-1");
  await page.keyboard.press("Tab");
  await expect(onboard.cell(1, "internalId")).toHaveText("crm-1");
  await expect(onboard.cell(1, "fullName")).toBeFocused();

  // Fill down over a selection, then undo and redo it.
  await onboard.cell(1, "internalId").click();
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("ControlOrMeta+D");
  await expect(onboard.cell(3, "internalId")).toHaveText("crm-1");
  await page.keyboard.press("ControlOrMeta+Z");
  await expect(onboard.cell(3, "internalId")).toHaveText("");
  await page.keyboard.press("ControlOrMeta+Shift+Z");
  await expect(onboard.cell(3, "internalId")).toHaveText("crm-1");

  // Delete clears the selection; undo brings it back.
  await onboard.cell(2, "internalId").click();
  await page.keyboard.press("Delete");
  await expect(onboard.cell(2, "internalId")).toHaveText("");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(onboard.cell(2, "internalId")).toHaveText("crm-1");

  // A mouse drag selects a range too; Delete clears all of it.
  await onboard.cell(1, "internalId").hover();
  await page.mouse.down();
  await onboard.cell(3, "internalId").hover();
  await page.mouse.up();
  await expect(onboard.cell(2, "internalId")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Delete");
  await expect(onboard.cell(3, "internalId")).toHaveText("");
  await page.keyboard.press("ControlOrMeta+Z");

  // Escape abandons an edit.
  await onboard.cell(1, "fullName").click();
  await page.keyboard.type("Nobody");
  await page.keyboard.press("Escape");
  await expect(onboard.cell(1, "fullName")).toHaveText("");
});

test("errors can be found, fixed in place, undone and redone", async ({ onboard, page }) => {
  await onboard.open("Paste");
  const rows = ["ok1@example.com", "broken@example", "ok2@example.com", "also broken", "ok3@example.com"];
  await onboard.pasteAt(onboard.cell(1, "contact"), `${rows.join("\r\n")}\r\n`);
  await expect(page.getByTestId("grid-counts")).toContainText("2 with errors");

  // F8 jumps to the next error; "only errors" shows just those rows.
  await onboard.cell(1, "contact").click();
  await page.keyboard.press("F8");
  await expect(onboard.cell(2, "contact")).toBeFocused();
  await page.keyboard.press("F8");
  await expect(onboard.cell(4, "contact")).toBeFocused();
  await page.getByLabel("Show only rows with errors").check();
  await expect(onboard.grid).toHaveAttribute("aria-rowcount", "3");
  await page.getByLabel("Show only rows with errors").uncheck();

  // Fix one in place: F2 edits the current value.
  await onboard.cell(2, "contact").click();
  await page.keyboard.press("F2");
  await page.keyboard.press("End");
  await page.keyboard.type(".com");
  await page.keyboard.press("Enter");
  await expect(onboard.cell(2, "contact")).toHaveText("broken@example.com");
  await expect(onboard.cell(2, "contact")).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("grid-counts")).toContainText("1 with errors");

  await page.keyboard.press("ControlOrMeta+Z");
  await expect(onboard.cell(2, "contact")).toHaveText("broken@example");
  await expect(page.getByTestId("grid-counts")).toContainText("2 with errors");
  await page.keyboard.press("ControlOrMeta+Shift+Z");
  await expect(onboard.cell(2, "contact")).toHaveText("broken@example.com");

  // Find & replace within a column, one undoable step.
  await page.getByRole("button", { name: "Find & replace" }).click();
  await page.getByLabel("Column").selectOption("contact");
  await page.getByLabel("Find", { exact: true }).fill("example.com");
  await page.getByLabel("Replace with").fill("example.org");
  await page.getByRole("button", { name: "Replace all" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Replaced in 4 cells" })).toBeVisible();
  await expect(onboard.cell(3, "contact")).toHaveText("ok2@example.org");

  // Delete selected rows.
  await page.getByRole("rowheader", { name: /Row 4/ }).click();
  await page.getByRole("button", { name: "Delete row" }).click();
  await expect(onboard.cell(4, "contact")).toHaveText("ok3@example.org");
  await expect(page.getByTestId("grid-counts")).toContainText("4 rows · 4 valid · 0 with errors");

  // By keyboard: a range of two rows selected with Shift+↓, Ctrl+Alt+− deletes both, Ctrl+Z restores them.
  await onboard.cell(1, "contact").click();
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("ControlOrMeta+Alt+Minus");
  await expect(page.getByText("Deleted 2 rows. Ctrl+Z undoes it.")).toBeVisible();
  await expect(onboard.cell(1, "contact")).toHaveText("ok2@example.org");
  await expect(page.getByTestId("grid-counts")).toContainText("2 rows · 2 valid");
  await page.keyboard.press("ControlOrMeta+Z");
  await expect(onboard.cell(1, "contact")).toHaveText("ok1@example.org");
  await expect(page.getByTestId("grid-counts")).toContainText("4 rows · 4 valid");
});
