import { expect, type Locator, type Page } from "@playwright/test";

/** The onboarding screen as an operator sees it, by the acceptance names. */
export class OnboardPage {
  readonly grid: Locator;
  readonly results: Locator;
  readonly createButton: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole("grid", { name: "Subjects" });
    this.results = page.getByRole("table", { name: "Results" });
    this.createButton = page.getByRole("button", { name: "Create subjects" });
  }

  async open(tab: "Form" | "Paste" | "File" = "Paste"): Promise<void> {
    await this.page.goto("/onboard");
    // Clicks before hydration are lost (the tabs have no handlers yet): wait for React first.
    await expect(this.page.locator("[data-hydrated='true']")).toHaveCount(1);
    await this.page.getByRole("tab", { name: tab }).click();
    await expect(this.page.getByRole("tab", { name: tab })).toHaveAttribute("aria-selected", "true");
  }

  /** A real clipboard paste: write the text to the system clipboard, click the cell, press Ctrl/Cmd+V. */
  async pasteAt(cell: Locator, text: string): Promise<void> {
    await this.page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await cell.click();
    await this.page.keyboard.press("ControlOrMeta+V");
  }

  gridCell(row: number, column: number): Locator {
    return this.grid.getByRole("row").nth(row).getByRole("gridcell").nth(column);
  }

  /** A grid cell by 1-based row number and field name (e.g. "contact", "fullName"). */
  cell(rowNumber: number, field: string): Locator {
    return this.grid.locator(`[role="gridcell"][data-row="${rowNumber - 1}"][data-field="${field}"]`);
  }

  resultRows(status?: string): Locator {
    return this.results.locator(status ? `tbody tr[data-status="${status}"]` : "tbody tr");
  }

  resultRowFor(contact: string): Locator {
    return this.results.locator("tbody tr", { hasText: contact });
  }
}
