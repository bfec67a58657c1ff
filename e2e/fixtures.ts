import { type APIRequestContext, test as base } from "@playwright/test";
import { authHeaders } from "../lib/humanos/signing";
import { SANDBOX_DEFAULT_API_KEY, SANDBOX_DEFAULT_SIGNING_SECRET } from "../lib/sandbox-defaults";
import { OnboardPage } from "./pages/onboard-page";

export interface SandboxUser {
  contact: string;
  did: string;
  internalId: string | null;
  identities: Array<{ countryAlpha3: string; docId: string }>;
}

/** Reads the sandbox's state over HTTP, signed like any client: proof of what was really created. */
export class SandboxLookup {
  constructor(private readonly request: APIRequestContext) {}

  async byContact(contact: string): Promise<SandboxUser | null> {
    const response = await this.request.get(`/api/sandbox/v1/user?contact=${encodeURIComponent(contact)}`, {
      headers: authHeaders({
        apiKey: SANDBOX_DEFAULT_API_KEY,
        signingSecret: SANDBOX_DEFAULT_SIGNING_SECRET,
      }),
    });
    if (response.status() === 404) return null;
    if (!response.ok())
      throw new Error(`sandbox lookup answered ${response.status()}: ${await response.text()}`);
    return (await response.json()) as SandboxUser;
  }
}

/** Unique data per test run, so tests never collide in the sandbox's state. */
export class TestData {
  private readonly runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  private counter = 0;

  email(label = "user"): string {
    this.counter += 1;
    return `${label}.${this.runId}.${this.counter}@example.com`;
  }

  /** A valid E.164 Portuguese mobile number (prefix 91), unique in this run. */
  phone(): string {
    this.counter += 1;
    const digits = `${Date.now() % 1e5}${this.counter}`.padStart(7, "0").slice(-7);
    return `+35191${digits}`;
  }

  docId(): string {
    this.counter += 1;
    return `D${this.runId}${this.counter}`.toUpperCase();
  }
}

export const test = base.extend<{ onboard: OnboardPage; sandbox: SandboxLookup; data: TestData }>({
  onboard: async ({ page }, use) => use(new OnboardPage(page)),
  sandbox: async ({ request }, use) => use(new SandboxLookup(request)),
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
  data: async ({}, use) => use(new TestData()),
});

export { expect } from "@playwright/test";
