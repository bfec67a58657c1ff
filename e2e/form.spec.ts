import { expect, test } from "./fixtures";

test("the form creates subjects with and without identity, and shows each result", async ({
  onboard,
  page,
  data,
  sandbox,
}) => {
  const withIdentity = data.email("form");
  const phoneOnly = data.phone();
  const docId = data.docId();
  await onboard.open("Form");

  await page.getByLabel("Contact (e-mail or phone)").fill(withIdentity);
  await page.getByLabel("Internal ID (optional)").fill("crm-001");
  await page.getByLabel("Add an identity document").check();
  await page.getByLabel("Full name").fill("Ana Sofia Ribeiro");
  await page.getByLabel("Date of birth").fill("1990-05-17");
  await page.getByLabel("Document number").fill(docId);
  await page.getByLabel("Country (ISO alpha-3)").fill("PRT");

  await page.getByRole("button", { name: "Add another subject" }).click();
  await page
    .getByRole("group", { name: "Subject 2" })
    .getByLabel("Contact (e-mail or phone)")
    .fill(phoneOnly);

  await onboard.createButton.click();

  await expect(onboard.resultRows()).toHaveCount(2);
  await expect(onboard.resultRowFor(withIdentity)).toHaveAttribute("data-status", "200");
  await expect(onboard.resultRowFor(phoneOnly)).toHaveAttribute("data-status", "200");
  await expect(onboard.resultRowFor(withIdentity)).toContainText("Created / updated");

  const created = await sandbox.byContact(withIdentity);
  expect(created?.internalId).toBe("crm-001");
  expect(created?.identities).toEqual([expect.objectContaining({ countryAlpha3: "PRT", docId })]);
  await expect(onboard.resultRowFor(withIdentity)).toContainText(created?.did ?? "missing DID");
});

test("the form shows the shared schema's message inline and sends nothing", async ({ onboard, page }) => {
  await onboard.open("Form");
  await page.getByLabel("Contact (e-mail or phone)").fill("someone@example");
  await page.getByLabel("Add an identity document").check();
  await page.getByLabel("Full name").fill("No Country");
  await page.getByLabel("Date of birth").fill("2085-01-01");
  await page.getByLabel("Document number").fill("123");
  await page.getByLabel("Country (ISO alpha-3)").fill("POR");
  await onboard.createButton.click();

  await expect(page.getByText("Not a valid e-mail address or phone number")).toBeVisible();
  await expect(page.getByText("Date of birth must be in the past")).toBeVisible();
  await expect(page.getByText("Unknown country code POR")).toBeVisible();
  await expect(page.getByLabel("Contact (e-mail or phone)")).toHaveAttribute("aria-invalid", "true");
  await expect(onboard.results).toHaveCount(0);
});

test("the form says which subjects repeat a contact or an identity, and sends nothing until they differ", async ({
  onboard,
  page,
  data,
}) => {
  const contact = data.email("twice");
  await onboard.open("Form");
  await page.getByLabel("Contact (e-mail or phone)").fill(contact);
  await page.getByRole("button", { name: "Add another subject" }).click();
  const second = page.getByRole("group", { name: "Subject 2" });
  await second.getByLabel("Contact (e-mail or phone)").fill(` ${contact.toUpperCase()}`);
  await onboard.createButton.click();

  await expect(
    page.getByText("The same contact as subject 2: Humanos refuses a contact twice"),
  ).toBeVisible();
  await expect(
    second.getByText("The same contact as subject 1: Humanos refuses a contact twice"),
  ).toBeVisible();
  await expect(second.getByLabel("Contact (e-mail or phone)")).toHaveAttribute("aria-invalid", "true");
  await expect(onboard.results).toHaveCount(0);

  await second.getByLabel("Contact (e-mail or phone)").fill(data.email("other"));
  await onboard.createButton.click();
  await expect(onboard.resultRows("200")).toHaveCount(2);
});
