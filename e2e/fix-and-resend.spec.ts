import { expect, test } from "./fixtures";
import { OnboardPage } from "./pages/onboard-page";
import { ConsoleServer } from "./support/console-server";

const tsv = (rows: string[][]) => `${rows.map((row) => row.join("\t")).join("\r\n")}\r\n`;

test("failed rows come back into the grid with Humanos' answer, are fixed and sent again", async ({
  onboard,
  page,
  data,
}) => {
  const owner = data.email("owner");
  const other = data.email("other");
  const ownerDoc = data.docId();
  await onboard.open("Paste");
  await onboard.pasteAt(
    onboard.cell(1, "contact"),
    tsv([[owner, "", "Olga Dias", "1970-01-01", ownerDoc, "PRT"]]),
  );
  await onboard.createButton.click();
  await expect(onboard.resultRows("200")).toHaveCount(1);

  // Another person with the owner's document: 409, plus a row that succeeds.
  const fine = data.email("fine");
  await onboard.open("Paste");
  await onboard.pasteAt(
    onboard.cell(1, "contact"),
    tsv([
      [fine, "", "", "", "", ""],
      [other, "", "Otto Reis", "1971-02-02", ownerDoc, "PRT"],
    ]),
  );
  await onboard.createButton.click();
  await expect(onboard.resultRowFor(other)).toHaveAttribute("data-status", "409");

  await page.getByRole("button", { name: "Edit failed rows (1)" }).click();
  await expect(page.getByRole("tab", { name: "Paste" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("grid-counts")).toContainText("1 row · 1 valid");
  await expect(onboard.cell(1, "contact")).toHaveText(other);
  await expect(onboard.grid.getByRole("listitem").filter({ hasText: "Last run:" })).toContainText(
    "Row 2 — Humanos answered 409 (Identity belongs to another user)",
  );

  // Fix the document number in place and send again: only that row goes, and it is created.
  await onboard.cell(1, "docId").click();
  await page.keyboard.type(data.docId());
  await page.keyboard.press("Enter");
  await expect(onboard.grid.getByRole("listitem").filter({ hasText: "Last run:" })).toHaveCount(0);
  await onboard.createButton.click();
  await expect(onboard.resultRows()).toHaveCount(1);
  await expect(onboard.resultRowFor(other)).toHaveAttribute("data-status", "200");
});

test("failed and unsent rows come back with their birth dates in one format, the one that was sent", async ({
  onboard,
  page,
  data,
}) => {
  const ownerDoc = data.docId();
  await onboard.open("Paste");
  await onboard.pasteAt(
    onboard.cell(1, "contact"),
    tsv([[data.email("owner"), "", "Olga Dias", "1970-01-01", ownerDoc, "PRT"]]),
  );
  await onboard.createButton.click();
  await expect(onboard.resultRows("200")).toHaveCount(1);

  // Day-first dates as Excel in Portugal leaves them (31/12/1990 proves the order): one row is sent
  // and created, one is sent and refused (409), one is held back (no document) and not sent.
  const other = data.email("other");
  const unsent = data.email("unsent");
  await onboard.open("Paste");
  await onboard.pasteAt(
    onboard.cell(1, "contact"),
    tsv([
      [data.email("fine"), "", "Fábio Lima", "31/12/1990", data.docId(), "PRT"],
      [other, "", "Otto Reis", "25/02/1971", ownerDoc, "PRT"],
      [unsent, "", "Bea Sousa", "01/02/1980", "", "ESP"],
    ]),
  );
  await page.getByLabel("Send only the valid rows").check();
  await onboard.createButton.click();
  await expect(onboard.resultRowFor(other)).toHaveAttribute("data-status", "409");
  await expect(onboard.resultRowFor(unsent)).toHaveAttribute("data-status", "not-sent");

  await page.getByRole("button", { name: "Edit failed rows (2)" }).click();
  await expect(onboard.cell(1, "contact")).toHaveText(other);
  await expect(onboard.cell(2, "contact")).toHaveText(unsent);
  await expect(onboard.cell(1, "birth")).toHaveText("1971-02-25");
  await expect(onboard.cell(2, "birth")).toHaveText("1980-02-01");
  // Completing the held-back row is all it takes: no date order to pick, no conversion to consent to.
  await onboard.cell(2, "docId").click();
  await page.keyboard.type(data.docId());
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("grid-counts")).toContainText("2 rows · 2 valid");
});

/** A console server of the test's own, its sandbox slow, so a Cancel lands mid-run (within E2E_PORT's range). */
const OWN_SERVER_PORT = Number(process.env.E2E_PORT ?? 3100) + 5;

test("while Resume has rows to send, Edit failed rows loads only the definite failures and says so", async ({
  page,
  data,
}) => {
  test.setTimeout(180_000);
  const server = new ConsoleServer({
    port: OWN_SERVER_PORT,
    // One request at a time, 1.5 s each: 8 requests last ~12 s, and Cancel lands after the first.
    env: { SANDBOX_FAULTS: "seed=21,latency-ms=1500", HUMANOS_CONCURRENCY: "1" },
  });
  const onboard = new OnboardPage(page);
  const openPaste = async () => {
    await page.goto(`${server.baseURL}/onboard`);
    await expect(page.locator("[data-hydrated='true']")).toHaveCount(1);
    await page.getByRole("tab", { name: "Paste" }).click();
  };
  try {
    await server.start();
    const ownerDoc = data.docId();
    await openPaste();
    await onboard.pasteAt(
      onboard.cell(1, "contact"),
      tsv([[data.email("owner"), "", "Olga Dias", "1970-01-01", ownerDoc, "PRT"]]),
    );
    await onboard.createButton.click();
    await expect(onboard.resultRows("200")).toHaveCount(1, { timeout: 30_000 });

    // 800 rows: the first is refused by Humanos (409: the owner's document), the second is held back
    // (no document), and the run is cancelled once the first request has its answers.
    const other = data.email("other");
    const unsent = data.email("unsent");
    const rows = [
      [other, "", "Otto Reis", "1971-02-02", ownerDoc, "PRT"],
      [unsent, "", "Bea Sousa", "1980-02-01", "", "ESP"],
      ...Array.from({ length: 798 }, (_, index) => [data.email(`p${index}`), "", "", "", "", ""]),
    ];
    await openPaste();
    await onboard.pasteAt(onboard.cell(1, "contact"), tsv(rows));
    await expect(onboard.grid).toHaveAttribute("aria-rowcount", "801");
    await expect(onboard.grid).toHaveAttribute("aria-busy", "false");
    await page.getByLabel("Send only the valid rows").check();
    await onboard.createButton.click();
    await expect(onboard.resultRowFor(other)).toHaveAttribute("data-status", "409", { timeout: 60_000 });
    await onboard.runProgress.getByRole("button", { name: "Cancel" }).click();
    await onboard.waitForRun({ state: "cancelled", timeout: 60_000 });

    const resume = onboard.runProgress.getByRole("button", { name: /^Resume \(/ });
    const resumable = (await resume.textContent())?.match(/Resume \(([\d,]+) rows\)/)?.[1];
    expect(Number(resumable?.replaceAll(",", ""))).toBeGreaterThanOrEqual(100);
    const note = `${resumable} rows have no answer from Humanos yet (not sent, or sent with no answer recorded: they may already have been created), so Edit failed rows leaves them out. Resume sends them safely, under their original Idempotency-Keys; those that then fail can be edited.`;
    await expect(page.getByTestId("left-to-resume")).toHaveText(note);
    const editFailed = page.getByRole("button", { name: "Edit failed rows (2)", exact: true });
    await expect(editFailed).toHaveAccessibleDescription(note);

    // The grid gets the 409 and the held-back row, and nothing Resume would send.
    await editFailed.click();
    await expect(onboard.grid).toHaveAttribute("aria-rowcount", "3");
    await expect(page.getByTestId("grid-counts")).toContainText("2 rows · 1 valid");
    await expect(onboard.cell(1, "contact")).toHaveText(other);
    await expect(onboard.cell(2, "contact")).toHaveText(unsent);

    // Resume sends the rest; nothing is left to it, so the note goes and the definite failures stay.
    await resume.click();
    await onboard.waitForRun({ timeout: 120_000 });
    await expect(page.getByTestId("left-to-resume")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Edit failed rows (2)", exact: true })).toBeVisible();
  } finally {
    await server.dispose();
  }
});
