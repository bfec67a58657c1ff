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

test("the pages hydrate without errors and every request they make succeeds (icon included)", async ({
  page,
}) => {
  const errors: string[] = [];
  const failedRequests: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400) failedRequests.push(`${response.status()} ${response.url()}`);
  });
  // A navigation aborts the previous page's link prefetches (net::ERR_ABORTED): not a failure.
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "";
    if (reason !== "net::ERR_ABORTED") failedRequests.push(`${reason} ${request.url()}`);
  });
  for (const path of ["/onboard", "/runs"]) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    await page.waitForLoadState("networkidle");
  }
  expect(errors).toEqual([]);
  expect(failedRequests).toEqual([]);
  await expect(page.locator('head link[rel="icon"]')).toHaveAttribute("href", /\/icon\.svg/);
  const icon = await page.request.get(
    (await page.locator('head link[rel="icon"]').getAttribute("href")) ?? "",
  );
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
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
