/**
 * The run history and a run's own page: listed with who, what and how it went; failed rows edited
 * from the run's page and sent again as a run linked to the first; the export is the whole run,
 * UTF-8 with BOM, with no cell a spreadsheet would run as a formula.
 */
import { expect, test } from "./fixtures";
import { RunsPage } from "./pages/runs-page";

const tsv = (rows: string[][]) => `${rows.map((row) => row.join("\t")).join("\r\n")}\r\n`;

test("a run is listed, its failed rows are edited from its page and resent as a linked run, its export is safe", async ({
  onboard,
  page,
  data,
}) => {
  const runs = new RunsPage(page);
  const owner = data.email("owner");
  const doc = data.docId();
  await onboard.open("Paste");
  await onboard.pasteAt(
    onboard.cell(1, "contact"),
    tsv([[owner, "", "Olga Dias", "1970-01-01", doc, "PRT"]]),
  );
  await onboard.send();

  // A second run: one row succeeds (with an internal id a spreadsheet would run), one gets 409.
  const fine = data.email("fine");
  const other = data.email("other");
  await onboard.open("Paste");
  await onboard.pasteAt(
    onboard.cell(1, "contact"),
    tsv([
      [fine, "=1+2", "", "", "", ""],
      [other, "", "Otto Reis", "1971-02-02", doc, "PRT"],
    ]),
  );
  await onboard.send();
  const firstRunId = await onboard.runId();

  await runs.openHistory();
  const listed = runs.historyRow(firstRunId);
  await expect(listed).toContainText("paste");
  await expect(listed.locator("[data-run-state]")).toHaveText("Completed");
  await expect(listed).toContainText("409");

  await runs.openRun(firstRunId);
  await expect(runs.runProgress).toHaveAttribute("data-state", "completed");
  await expect(runs.resultRows()).toHaveCount(2);
  await expect(runs.results).toHaveAttribute("aria-rowcount", "3");

  const exported = await page.request.get(`/api/runs/${firstRunId}/export?format=csv&filter=all`);
  const csv = await exported.text();
  expect(csv.startsWith("\uFEFF")).toBe(true);
  expect(csv).toContain(`${fine},'=1+2,200`);
  expect(csv.split("\r\n").filter(Boolean)).toHaveLength(3);

  await runs.editFailedLink.click();
  await expect(page).toHaveURL(new RegExp(`/onboard\\?resend=${firstRunId}$`));
  await expect(page.getByTestId("grid-counts")).toContainText("1 row · 1 valid");
  await expect(onboard.cell(1, "contact")).toHaveText(other);
  await onboard.cell(1, "docId").click();
  await page.keyboard.type(data.docId());
  await page.keyboard.press("Enter");
  await onboard.send();
  await expect(onboard.resultRowFor(other)).toHaveAttribute("data-status", "200");
  const resendRunId = await onboard.runId();
  expect(resendRunId).not.toBe(firstRunId);

  await runs.openHistory();
  await expect(
    runs.historyRow(resendRunId).getByRole("link", { name: `resend of run ${firstRunId.slice(0, 8)}` }),
  ).toBeVisible();
});
