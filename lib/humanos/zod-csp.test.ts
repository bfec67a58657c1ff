import { describe, expect, it } from "vitest";
import { z } from "zod";
import { subjectSchema } from "./schemas";
import { runsUnderContentSecurityPolicy } from "./zod-csp";

describe("runsUnderContentSecurityPolicy", () => {
  it.each<[string, object, boolean]>([
    ["Node (the server, these tests)", {}, false],
    ["a page", { document: {} }, true],
    ["a Web Worker", { WorkerGlobalScope: class {} }, true],
    ["a global that only looks like a browser's", { window: {}, self: {} }, false],
  ])("%s → %s", (_name, realm, expected) => {
    expect(runsUnderContentSecurityPolicy(realm)).toBe(expected);
  });
});

describe("zod on the server", () => {
  it("keeps its compiled object parsers (the browser-only switch did not reach Node)", () => {
    expect(runsUnderContentSecurityPolicy()).toBe(false);
    expect(z.config().jitless).not.toBe(true);
    // The schemas load and parse as ever.
    expect(subjectSchema.safeParse({ contact: "+351912345678" }).success).toBe(true);
  });
});
