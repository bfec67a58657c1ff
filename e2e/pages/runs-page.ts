import { expect, type Locator, type Page } from "@playwright/test";
import type { FinishedRunState } from "./onboard-page";

/** The run history (/runs) and one run's page (/runs/<id>), by the names an operator sees. */
export class RunsPage {
  /** The history table. */
  readonly list: Locator;
  readonly historyPages: Locator;
  /** On a run's page: its progress panel and its results. */
  readonly runProgress: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole("table", { name: "Runs" });
    this.historyPages = page.getByRole("navigation", { name: "Run history pages" });
    this.runProgress = page.getByRole("region", { name: "Run progress" });
    this.results = page.getByRole("table", { name: "Results" });
  }

  async openHistory(pageNumber = 1): Promise<void> {
    await this.page.goto(pageNumber === 1 ? "/runs" : `/runs?page=${pageNumber}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Runs" })).toBeVisible();
  }

  /** The history row of a run (by its full id). */
  historyRow(runId: string): Locator {
    return this.list.locator(`tbody tr[data-run-id="${runId}"]`);
  }

  async openRun(runId: string): Promise<void> {
    await this.page.goto(`/runs/${runId}`);
    await expect(this.runProgress).toBeVisible();
  }

  /** Waits until the run on this page has ended and its results are all shown. */
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

  resultRows(status?: string): Locator {
    return this.results.locator(status ? `tbody tr[data-status="${status}"]` : "tbody tr");
  }

  get cancelButton(): Locator {
    return this.runProgress.getByRole("button", { name: "Cancel" });
  }

  get resumeButton(): Locator {
    return this.runProgress.getByRole("button", { name: /^Resume/ });
  }

  /** "Edit failed rows (n)": opens the onboarding screen with the run's failed rows in the grid. */
  get editFailedLink(): Locator {
    return this.page.getByRole("link", { name: /^Edit failed rows/ });
  }
}
