import { expect, test } from "./fixtures";

/** An e-mail, and a Spanish mobile written as Spaniards write it: without +34. */
const EMAIL_AND_SPANISH_NATIONAL_MOBILE = "ana.region@example.com\r\n612345678\r\n";

/** More rows than the grid checks in place: the paste goes to the workers, the counts say "Checking…" meanwhile. */
const BULK_PASTE_ROWS = 2_000;

test("the valid/invalid counts are one polite live region whose text follows a paste", async ({
  onboard,
  page,
}) => {
  await onboard.open("Paste");
  const counts = page.getByTestId("grid-counts");
  await expect(counts).toHaveAttribute("aria-live", "polite");
  await expect(counts).toHaveText("0 rows · 0 valid · 0 with errors");
  // A live region announces changes to itself: mark this element to see that the paste updates it
  // (through "Reading…" and "Checking…"), rather than replacing it with one whose text goes unsaid.
  await counts.evaluate((element) => element.setAttribute("data-e2e-probe", "before the paste"));

  const contacts = Array.from({ length: BULK_PASTE_ROWS - 1 }, (_, index) => `live.${index}@example.com`);
  await onboard.pasteAt(onboard.cell(1, "contact"), `${[...contacts, "not a contact"].join("\r\n")}\r\n`);

  await expect(counts).toHaveText("2,000 rows · 1,999 valid · 1 with errors");
  await expect(counts).toHaveAttribute("aria-live", "polite");
  await expect(counts).toHaveAttribute("data-e2e-probe", "before the paste");
});

test("the default phone region decides how a number without a country code is read", async ({
  onboard,
  page,
}) => {
  await onboard.open("Paste");
  const region = page.getByLabel("Default phone region");
  const counts = page.getByTestId("grid-counts");
  const phone = onboard.cell(2, "contact");
  await expect(region).toHaveValue("PT");
  await onboard.pasteAt(onboard.cell(1, "contact"), EMAIL_AND_SPANISH_NATIONAL_MOBILE);

  // Portugal: nine digits starting with 6 are no Portuguese number, and +612345678 is no number.
  await expect(counts).toHaveText("2 rows · 1 valid · 1 with errors");
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  await expect(phone).toHaveAccessibleName("612345678");
  await expect(phone).toHaveAccessibleDescription(
    "Error — Contact: Not a valid phone number: use + and the country code, e.g. +351912345678",
  );

  await region.selectOption("ES");
  await expect(region.locator("option:checked")).toHaveText("Spain (ES)");

  // Spain: the same cell is a valid Spanish mobile, sent with +34, the assumption said as a warning.
  await expect(counts).toHaveText(
    "2 rows · 2 valid · 0 with errors · 1 with warnings (sent as shown after →)",
  );
  await expect(phone).not.toHaveAttribute("aria-invalid", "true");
  await expect(phone).toHaveText("612345678→ +34612345678");
  await expect(phone).toHaveAccessibleName("612345678, sent as +34612345678");
  await expect(phone).toHaveAccessibleDescription(
    "Warning — Contact: Phone has no country code; default region ES (+34) assumed",
  );

  // And back: the region is the only thing that changed.
  await region.selectOption("PT");
  await expect(counts).toHaveText("2 rows · 1 valid · 1 with errors");
  await expect(phone).toHaveAttribute("aria-invalid", "true");
});
