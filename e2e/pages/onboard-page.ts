import { expect, type Locator, type Page } from "@playwright/test";

/** A run's end states, as the progress panel's data-state holds them. */
export type FinishedRunState = "completed" | "cancelled" | "interrupted";

/** The onboarding screen as an operator sees it, by the acceptance names. */
export class OnboardPage {
  readonly grid: Locator;
  readonly results: Locator;
  readonly createButton: Locator;
  /** The live progress of the run just started (state in words, counts, Cancel / Resume). */
  readonly runProgress: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole("grid", { name: "Subjects" });
    this.results = page.getByRole("table", { name: "Results" });
    this.createButton = page.getByRole("button", { name: "Create subjects" });
    this.runProgress = page.getByRole("region", { name: "Run progress" });
  }

  /** Presses Create subjects and waits until the run has finished and its results are all shown. */
  async send(options: { state?: FinishedRunState; timeout?: number } = {}): Promise<void> {
    await this.createButton.click();
    await this.waitForRun(options);
  }

  /** Waits for the run on screen to end (Completed by default) with its results table no longer busy. */
  async waitForRun({
    state = "completed",
    timeout = 30_000,
  }: {
    state?: FinishedRunState;
    timeout?: number;
  } = {}) {
    await expect(this.runProgress).toHaveAttribute("data-state", state, { timeout });
    await expect(this.results).toHaveAttribute("aria-busy", "false", { timeout });
  }

  /** The id of the run on screen, read from its link to /runs/<id>. */
  async runId(): Promise<string> {
    const href = await this.page
      .getByRole("link", { name: /^[0-9a-f]{8}$/ })
      .first()
      .getAttribute("href");
    const id = href?.match(/\/runs\/([0-9a-f-]{36})$/)?.[1];
    if (!id) throw new Error(`no run link on the page (found ${href})`);
    return id;
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

  /**
   * A grid cell by its row's position in the grid (0 is the header row, 1 the first body row: its
   * aria-rowindex less one) and its column among the row's cells. Chosen by aria-rowindex, never by
   * the row elements' DOM order, which scrolling does not keep (row-keys.ts).
   */
  gridCell(row: number, column: number): Locator {
    return this.gridRow(row + 1)
      .getByRole("gridcell")
      .nth(column);
  }

  /** A grid row by aria-rowindex (1 is the header row, 2 the first body row). */
  gridRow(ariaRowIndex: number): Locator {
    return this.grid.locator(`[role="row"][aria-rowindex="${ariaRowIndex}"]`);
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
