import { expect, test } from "./fixtures";

test("the health check answers 200", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", apiTarget: "sandbox" });
});

test("/ leads to the onboarding screen, which names its API and offers Form and Paste", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/onboard$/);
  await expect(page.getByTestId("api-target")).toContainText("Sandbox (built-in)");
  await expect(page.getByRole("tab", { name: "Form" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Paste" })).toBeVisible();
  await expect(page.getByRole("grid", { name: "Subjects" })).toBeVisible();
});

test("the pages hydrate without errors (the server's HTML matches the first client render)", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  for (const path of ["/onboard", "/runs"]) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    await page.waitForLoadState("networkidle");
  }
  expect(errors).toEqual([]);
});

test("the sandbox refuses an unsigned request", async ({ request }) => {
  const response = await request.post("/api/sandbox/v1/user", { data: [{ contact: "a@example.com" }] });
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ statusCode: 401, error: "Unauthorized" });
});

test("no secret reaches the browser", async ({ page }) => {
  const bodies: string[] = [];
  page.on("response", async (response) => {
    if (response.url().includes("/_next/") || response.url().includes("/onboard")) {
      bodies.push(await response.text().catch(() => ""));
    }
  });
  await page.goto("/onboard");
  await page.waitForLoadState("networkidle");
  const everything = bodies.join("\n") + (await page.content());
  expect(everything).not.toContain("sandbox-dev-signing-secret");
  expect(everything).not.toContain("sandbox-dev-api-key");
});
