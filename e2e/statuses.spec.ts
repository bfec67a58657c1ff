import { expect, test } from "./fixtures";

const tsv = (rows: string[][]) => `${rows.map((row) => row.join("\t")).join("\r\n")}\r\n`;

test("a second submission yields 201, 409 and 410 rows, each highlighted differently", async ({
  onboard,
  page,
  data,
}) => {
  const ana = data.email("ana");
  const bruno = data.email("bruno");
  const carla = data.email("carla");
  const dora = data.email("dora");
  const anaDoc = data.docId();
  const brunoDoc = data.docId();
  const first = [
    [ana, "", "Ana Lima", "1980-01-01", anaDoc, "PRT"],
    [bruno, "", "Bruno Reis", "1981-02-02", brunoDoc, "PRT"],
    [dora, "crm-d", "Dora Sá", "1983-04-04", data.docId(), "ESP"],
  ];
  await onboard.open("Paste");
  await onboard.pasteAt(onboard.gridCell(1, 0), tsv(first));
  await onboard.createButton.click();
  await expect(onboard.resultRows("200")).toHaveCount(3);

  // One batch cannot repeat an identity (the grid flags it), so Ana is not in it: her document is enough.
  const second = [
    first[2] ?? [], // Dora, same data again → 201
    [carla, "", "Carla Dias", "1982-03-03", anaDoc, "PRT"], // Ana's document → 409
    [bruno, "", "Bruno Reis", "1981-02-02", data.docId(), "PRT"], // Bruno, another PRT document → 410
  ];
  await onboard.open("Paste");
  await onboard.pasteAt(onboard.gridCell(1, 0), tsv(second));
  await onboard.createButton.click();

  const unchanged = onboard.resultRowFor(dora);
  const conflict = onboard.resultRowFor(carla);
  const identityExists = onboard.resultRowFor(bruno);
  await expect(unchanged).toHaveAttribute("data-status", "201");
  await expect(conflict).toHaveAttribute("data-status", "409");
  await expect(identityExists).toHaveAttribute("data-status", "410");
  await expect(unchanged).toContainText("Already up to date");
  await expect(conflict).toContainText("Identity belongs to another user");
  await expect(identityExists).toContainText("User already has an identity for this country");

  // Highlighted by colour too, and each differently (text and icon already differ).
  const backgrounds = await Promise.all(
    [unchanged, conflict, identityExists].map((row) =>
      row.evaluate((element) => getComputedStyle(element).backgroundColor),
    ),
  );
  expect(new Set(backgrounds).size).toBe(3);
  expect(backgrounds).not.toContain("rgba(0, 0, 0, 0)");

  // The results download as CSV that a spreadsheet cannot run as formulas.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  const csv = await download.createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  });
  expect(csv.startsWith("\uFEFFrow,contact,internalId,status,label,message,did\r\n")).toBe(true);
  expect(csv).toContain(`,${carla},,409,Identity belongs to another user,`);

  // The filter narrows the table to one status.
  await page.getByLabel("Show results").selectOption("409");
  await expect(onboard.resultRows()).toHaveCount(1);
  await expect(onboard.resultRows("409")).toHaveCount(1);
});
