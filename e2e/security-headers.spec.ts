import { fileURLToPath } from "node:url";
import type { Response } from "@playwright/test";
import {
  COMMON_SECURITY_HEADERS,
  NON_DOCUMENT_POLICY,
  pageContentSecurityPolicy,
  workerScriptPolicy,
} from "../lib/security-headers";
import { expect, test } from "./fixtures";
import { RunsPage } from "./pages/runs-page";
import { ConsoleServer } from "./support/console-server";
import { CspWatch, evalIsRefused } from "./support/csp-watch";

type Headers = Record<string, string>;

const fixture = (name: string) =>
  fileURLToPath(new URL(`../lib/import/__fixtures__/${name}`, import.meta.url));

/** Every response, whatever its kind (Playwright gives header names in lower case). */
function expectCommonHeaders(headers: Headers, what: string): void {
  for (const { key, value } of COMMON_SECURITY_HEADERS)
    expect(headers[key.toLowerCase()], `${what}: ${key}`).toBe(value);
}

/** A page's policy is exactly the production page policy around some nonce; returns that nonce. */
function expectPagePolicy(headers: Headers, what: string): string {
  expectCommonHeaders(headers, what);
  const policy = headers["content-security-policy"] ?? "";
  const nonce = policy.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce, `${what}: a nonce in ${policy}`).toBeDefined();
  expect(policy, what).toBe(pageContentSecurityPolicy({ nonce: nonce ?? "", development: false }));
  expect(policy).not.toContain("unsafe-eval");
  return nonce ?? "";
}

/** A paste that goes to the grid's workers: more rows than the page validates in place (1,500). */
function rowsForTheWorkers(contacts: string[]): string {
  return `${contacts.map((contact, index) => `${contact}\tcsp-${index}`).join("\r\n")}\r\n`;
}

test("pages carry the security headers and a fresh nonce; pasting, reading a file, sending and following the run log no CSP violation in the page or its workers", async ({
  onboard,
  page,
  data,
  sandbox,
}) => {
  test.setTimeout(120_000);
  const watch = await CspWatch.attach(page);
  const documents: Response[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "document") documents.push(response);
  });

  // "/" redirects to /onboard: both answers carry the headers.
  const landing = await page.goto("/");
  const redirect = await landing?.request().redirectedFrom()?.response();
  expect(redirect?.status()).toBe(307);
  expectPagePolicy(redirect?.headers() ?? {}, "/ (redirect)");
  expect(landing?.url()).toMatch(/\/onboard$/);
  const landingNonce = expectPagePolicy(landing?.headers() ?? {}, "/onboard");
  await expect(page.locator("[data-hydrated='true']")).toHaveCount(1);
  // Next stamped this response's nonce on every script it wrote, and the browser ran them (hydrated).
  const scriptNonces = await page.evaluate(() => [...document.scripts].map((script) => script.nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toStrictEqual(new Set([landingNonce]));

  // A file, read by the file worker and checked by the grid.
  await page.getByRole("tab", { name: "File" }).click();
  await page.getByLabel("Choose a file").setInputFiles(fixture("pt-excel-semicolon.csv"));
  await expect(page.getByRole("status").filter({ hasText: "windows-1252" })).toContainText("40 data rows");
  await page.getByRole("button", { name: "Load 40 rows into the grid" }).click();
  await expect(onboard.grid).toHaveAttribute("aria-busy", "false");
  await expect(page.getByTestId("grid-counts")).toContainText("40 rows · 36 valid · 4 with errors");

  // A paste big enough for the grid's two workers (after a reload: a new page, a new nonce), one row broken.
  await onboard.open("Paste");
  const contacts = Array.from({ length: 1600 }, () => data.email("csp"));
  contacts[12] = "broken@example";
  await onboard.pasteAt(onboard.gridCell(1, 0), rowsForTheWorkers(contacts));
  await expect(onboard.grid).toHaveAttribute("aria-rowcount", "1601");
  await expect(onboard.grid).toHaveAttribute("aria-busy", "false");
  await expect(page.getByTestId("grid-counts")).toContainText("1,600 rows · 1,599 valid · 1 with errors");

  // Sent through the server action to the sandbox, results read back by the page.
  await page.getByLabel(/Send only the valid rows/).check();
  await onboard.send({ timeout: 60_000 });
  await expect(page.getByText("1,599 of 1,600 rows succeeded")).toBeVisible();
  await expect(onboard.resultRowFor("broken@example")).toHaveAttribute("data-status", "not-sent");
  expect((await sandbox.byContact(contacts[1599] ?? ""))?.internalId).toBe("csp-1599");
  const runId = await onboard.runId();

  // The run's own page and the history.
  const runs = new RunsPage(page);
  await runs.openRun(runId);
  await runs.waitForRun();
  await runs.openHistory();
  await expect(runs.historyRow(runId)).toBeVisible();

  const loaded = documents.map((response) => new URL(response.url()).pathname);
  expect(loaded).toStrictEqual(["/", "/onboard", "/onboard", `/runs/${runId}`, "/runs"]);
  const nonces = documents.map((response) => expectPagePolicy(response.headers(), response.url()));
  expect(new Set(nonces).size, "a nonce is never reused").toBe(nonces.length);

  // The page's workers: the grid's two and the file reader.
  expect(watch.workerCount).toBeGreaterThanOrEqual(3);
  await watch.sweepWorkers();
  expect(watch.violations).toStrictEqual([]);
  expect(watch.errors).toStrictEqual([]);
});

test("the policy holds in the page and in the grid's workers: eval is refused, and the watch sees it", async ({
  onboard,
  page,
}) => {
  const watch = await CspWatch.attach(page);
  await onboard.open("Paste");
  await expect.poll(() => page.workers().length).toBeGreaterThanOrEqual(2);
  const workers = page.workers();
  // The workers' policy comes from their own script's response, not from the page's.
  for (const worker of workers) {
    const script = await page.request.get(worker.url());
    expectCommonHeaders(script.headers(), worker.url());
    expect(script.headers()["content-security-policy"]).toBe(workerScriptPolicy({ development: false }));
  }
  await watch.sweepWorkers();
  expect(watch.violations).toStrictEqual([]);

  expect(await page.evaluate(evalIsRefused)).toBe(true);
  for (const worker of workers) expect(await worker.evaluate(evalIsRefused)).toBe(true);
  await watch.sweepWorkers();
  await expect
    .poll(() => watch.violations.filter((violation) => violation.startsWith("page: script-src refused eval")))
    .toHaveLength(1);
  expect(watch.violations.filter((violation) => violation.startsWith("worker "))).toHaveLength(
    workers.length,
  );
});

test("API routes, static files and the sandbox carry the headers and a policy that lets nothing load", async ({
  request,
}) => {
  const html = await (await request.get("/onboard")).text();
  const script = html.match(/src="(\/_next\/static\/chunks\/[^"]+\.js)"/)?.[1];
  expect(script).toBeDefined();

  const cases: Array<[string, Promise<import("@playwright/test").APIResponse>, number, string]> = [
    ["health", request.get("/api/health"), 200, NON_DOCUMENT_POLICY],
    ["a run that does not exist", request.get(`/api/runs/${crypto.randomUUID()}`), 404, NON_DOCUMENT_POLICY],
    ["the sandbox, unsigned", request.post("/api/sandbox/v1/user", { data: [] }), 401, NON_DOCUMENT_POLICY],
    ["the favicon (none: a 404)", request.get("/favicon.ico"), 404, NON_DOCUMENT_POLICY],
    ["a script of the page", request.get(script ?? ""), 200, workerScriptPolicy({ development: false })],
  ];
  for (const [what, pending, status, policy] of cases) {
    const response = await pending;
    expect(response.status(), what).toBe(status);
    expectCommonHeaders(response.headers(), what);
    expect(response.headers()["content-security-policy"], what).toBe(policy);
  }
});

test("with operators configured, the sign-in answer carries the headers, and a signed-in page its nonce policy", async ({
  playwright,
}) => {
  test.setTimeout(90_000);
  const server = new ConsoleServer({
    port: Number(process.env.E2E_PORT ?? 3100) + 1,
    env: { CONSOLE_OPERATORS: "alice:s3cret" },
  });
  try {
    await server.start();
    const anonymous = await playwright.request.newContext({ baseURL: server.baseURL });
    const signedIn = await playwright.request.newContext({
      baseURL: server.baseURL,
      httpCredentials: { username: "alice", password: "s3cret", send: "always" },
    });
    for (const path of ["/onboard", "/api/runs/00000000-0000-4000-8000-000000000000"]) {
      const refused = await anonymous.get(path);
      expect(refused.status(), path).toBe(401);
      expectCommonHeaders(refused.headers(), path);
      expect(refused.headers()["content-security-policy"], path).toBe(NON_DOCUMENT_POLICY);
    }
    const onboard = await signedIn.get("/onboard");
    expect(onboard.status()).toBe(200);
    expectPagePolicy(onboard.headers(), "/onboard signed in");
    await anonymous.dispose();
    await signedIn.dispose();
  } finally {
    await server.dispose();
  }
});
