import { expect, test } from "./fixtures";
import { RunsPage } from "./pages/runs-page";
import { violations } from "./support/axe";

/**
 * An upload cut short through the real app: the third call storing rows never reaches the server (the
 * network drops it), so the page ends the upload early (`last: true` with no rows), and the server
 * finishes the run with the 1,100 rows it stored. The 3,900 rows that never arrived were not sent:
 * the run's progress on /onboard and on its own page, its header, the history and its exports all say
 * so in words.
 */
test("rows that never reached the server are named wherever the run is shown", async ({
  onboard,
  page,
  data,
}) => {
  const rows = Array.from({ length: 5000 }, (_, index) => `${data.email("cut")}\tcut-${index}`);
  await onboard.open("Paste");
  await onboard.pasteAt(onboard.cell(1, "contact"), `Email\tID\r\n${rows.join("\r\n")}\r\n`);
  await expect(onboard.grid).toHaveAttribute("aria-busy", "false", { timeout: 60_000 });
  await expect(page.getByTestId("grid-counts")).toContainText("5,000 rows · 5,000 valid");

  // Slices of 100, then 1,000 rows: the third (rows 1,101–2,100) is lost on its way to the server.
  let slicesWithRows = 0;
  await page.route("**/onboard", async (route) => {
    const request = route.request();
    const carriesRows = request.method() === "POST" && (request.postData() ?? "").includes('"rows":[{');
    if (carriesRows && ++slicesWithRows === 3) await route.abort("connectionreset");
    else await route.continue();
  });
  await onboard.createButton.click();
  await onboard.waitForRun({ timeout: 60_000 });
  await expect(page.getByRole("alert").filter({ hasText: "did not answer" })).toContainText(
    "The run holds rows 1–1,100",
  );

  const sentence =
    "3,900 of 5,000 rows never reached the server: the upload stopped after row 1,100. They were not sent: this run's counts and results leave them out. Paste or load the rows after row 1,100 again and press Create subjects to send them.";
  await expect(onboard.runProgress.getByTestId("rows-not-received")).toHaveText(
    `Upload cut short: ${sentence}`,
  );
  // What was stored is counted as before: 1,100 rows, all answered.
  await expect(onboard.runProgress).toContainText("1,100 of 1,100 rows processed");
  // Finished, but not with every row it was given: its state says so in words, not plainly "Completed".
  const cutShort = "Completed — upload cut short";
  await expect(onboard.runProgress.locator("[data-run-state]")).toHaveText(
    `${cutShort}: the rows that reached the server were sent, the others were not`,
  );
  const runId = await onboard.runId();

  const runs = new RunsPage(page);
  await runs.openHistory();
  const listed = runs.historyRow(runId);
  await expect(listed.locator("[data-run-state]")).toHaveText(cutShort);
  await expect(listed.getByTestId("rows-not-received")).toHaveText(
    "Upload cut short: 3,900 of 5,000 rows never reached the server, not sent",
  );
  expect(await violations(page)).toStrictEqual([]);

  await runs.openRun(runId);
  await expect(page.locator("h1 + [data-run-state]")).toHaveText(cutShort);
  await expect(runs.runProgress.getByTestId("rows-not-received")).toHaveText(`Upload cut short: ${sentence}`);
  await expect(page.getByRole("definition").filter({ hasText: "never reached" })).toHaveText(
    "1,100 (3,900 of 5,000 rows never reached the server: not sent)",
  );
  await expect(runs.resultRows()).toHaveCount(500);
  await expect(runs.results).toHaveAttribute("aria-rowcount", "1101");
  expect(await violations(page, { exclude: '[aria-label="Results"]' })).toStrictEqual([]);

  // Its exports say it too, or a saved file would look complete: the CSV's first line, the JSON's head.
  const note =
    "INCOMPLETE: 3,900 of 5,000 rows never reached the server (the upload stopped after row 1,100). They were not sent and are not in this file. Paste or load the rows after row 1,100 again and press Create subjects to send them.";
  const csv = await page.request.get(`/api/runs/${runId}/export?format=csv&filter=all`);
  expect((await csv.body()).toString("utf8").split("\r\n").slice(0, 2)).toEqual([
    `\uFEFF"${note}",,,,,,`,
    "row,contact,internalId,status,label,message,did",
  ]);
  const json = await (await page.request.get(`/api/runs/${runId}/export?format=json&filter=all`)).json();
  expect(json).toMatchObject({
    runId,
    rowsNotReceived: 3900,
    lastRowReceived: 1100,
    rowsNotReceivedNote: note,
  });
  expect(json.results).toHaveLength(1100);
});
