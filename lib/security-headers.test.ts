// Next's own reader of the nonce (what app-render calls on the request's policy): if it cannot find
// our nonce, Next stamps none on the page's scripts and the browser refuses every one of them.
import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { describe, expect, it } from "vitest";
import {
  COMMON_SECURITY_HEADERS,
  NON_DOCUMENT_POLICY,
  newNonce,
  PERMISSIONS_POLICY,
  pageContentSecurityPolicy,
  serialisePolicy,
  staticHeaderRules,
  workerScriptPolicy,
} from "./security-headers";

/** A policy as directive name → sources, failing on a directive given twice (the browser would ignore the second). */
function directivesOf(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(directives.has(name), `${name} appears twice`).toBe(false);
    directives.set(name, sources);
  }
  return directives;
}

const NONCE = "q83vEjRWeJASNFZ4kKvN7w==";

describe("serialisePolicy", () => {
  it.each<[string, Parameters<typeof serialisePolicy>[0], string]>([
    ["no directive", [], ""],
    ["a directive without sources", [["upgrade-insecure-requests"]], "upgrade-insecure-requests"],
    [
      "directives in order, sources space-separated",
      [
        ["default-src", "'self'"],
        ["img-src", "'self'", "data:"],
      ],
      "default-src 'self'; img-src 'self' data:",
    ],
  ])("%s", (_name, directives, expected) => {
    expect(serialisePolicy(directives)).toBe(expected);
  });
});

describe("pageContentSecurityPolicy in production", () => {
  const directives = directivesOf(pageContentSecurityPolicy({ nonce: NONCE, development: false }));

  it.each<[string, string[]]>([
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'"]],
    ["style-src", ["'self'", `'nonce-${NONCE}'`]],
    ["style-src-attr", ["'unsafe-inline'"]],
    ["img-src", ["'self'", "data:"]],
    ["font-src", ["'self'"]],
    ["connect-src", ["'self'"]],
    ["worker-src", ["'self'"]],
    ["frame-src", ["'none'"]],
    ["manifest-src", ["'self'"]],
    ["media-src", ["'none'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'none'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
  ])("%s is %j", (name, sources) => {
    expect(directives.get(name)).toStrictEqual(sources);
  });

  it("has exactly those directives", () => {
    expect(directives.size).toBe(15);
  });

  it.each([
    "'unsafe-eval'",
    "'unsafe-inline'",
    "'wasm-unsafe-eval'",
    "*",
    "data:",
    "blob:",
    "http:",
    "https:",
  ])("no script may come from %s", (source) => {
    expect(directives.get("script-src")).not.toContain(source);
    expect(directives.get("worker-src")).not.toContain(source);
  });

  it("keeps 'unsafe-inline' off <style> elements (only style attributes may be inline)", () => {
    expect(directives.get("style-src")).not.toContain("'unsafe-inline'");
  });
});

describe("pageContentSecurityPolicy under next dev", () => {
  const production = directivesOf(pageContentSecurityPolicy({ nonce: NONCE, development: false }));
  const development = directivesOf(pageContentSecurityPolicy({ nonce: NONCE, development: true }));

  it("allows eval for React's dev build, and inline styles for the dev overlay (no nonce: it would switch them off)", () => {
    expect(development.get("script-src")).toStrictEqual([
      "'self'",
      `'nonce-${NONCE}'`,
      "'strict-dynamic'",
      "'unsafe-eval'",
    ]);
    expect(development.get("style-src")).toStrictEqual(["'self'", "'unsafe-inline'"]);
  });

  it("relaxes nothing else", () => {
    for (const [name, sources] of production) {
      if (name === "script-src" || name === "style-src") continue;
      expect(development.get(name), name).toStrictEqual(sources);
    }
    expect(development.size).toBe(production.size);
  });
});

describe("the nonce", () => {
  it("is 128 random bits in base64, new every time", () => {
    const nonces = Array.from({ length: 1000 }, newNonce);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  it.each([false, true])(
    "is what Next.js reads back from the page policy (development %s)",
    (development) => {
      for (let attempt = 0; attempt < 200; attempt += 1) {
        const nonce = newNonce();
        expect(getScriptNonceFromHeader(pageContentSecurityPolicy({ nonce, development }))).toBe(nonce);
      }
    },
  );
});

describe("policies of what is not a page", () => {
  it.each<[string, string, Array<[string, string[]]>]>([
    [
      "API and other non-documents",
      NON_DOCUMENT_POLICY,
      [
        ["default-src", ["'none'"]],
        ["base-uri", ["'none'"]],
        ["form-action", ["'none'"]],
        ["frame-ancestors", ["'none'"]],
      ],
    ],
    [
      "worker scripts (production)",
      workerScriptPolicy({ development: false }),
      [
        ["default-src", ["'none'"]],
        ["script-src", ["'self'"]],
        ["base-uri", ["'none'"]],
        ["form-action", ["'none'"]],
        ["frame-ancestors", ["'none'"]],
      ],
    ],
    [
      "worker scripts (next dev)",
      workerScriptPolicy({ development: true }),
      [
        ["default-src", ["'none'"]],
        ["script-src", ["'self'", "'unsafe-eval'"]],
        ["base-uri", ["'none'"]],
        ["form-action", ["'none'"]],
        ["frame-ancestors", ["'none'"]],
      ],
    ],
  ])("%s", (_name, policy, expected) => {
    expect([...directivesOf(policy)]).toStrictEqual(expected);
  });
});

describe("staticHeaderRules", () => {
  const rules = staticHeaderRules({ development: false });
  const policyRules = rules.filter((rule) =>
    rule.headers.some((header) => header.key === "Content-Security-Policy"),
  );

  it("gives every response the common headers", () => {
    expect(rules).toContainEqual({ source: "/:path*", headers: [...COMMON_SECURITY_HEADERS] });
  });

  it("sets a Content-Security-Policy only on paths that are never pages (pages get theirs, with a nonce, from proxy.ts)", () => {
    expect(policyRules.map((rule) => rule.source)).toStrictEqual([
      "/api/:path*",
      "/_next/image",
      "/favicon.ico",
      "/_next/static/:path*",
    ]);
  });

  it.each<[string, string]>([
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "same-origin"],
    ["X-Frame-Options", "DENY"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Cross-Origin-Resource-Policy", "same-origin"],
    ["Permissions-Policy", PERMISSIONS_POLICY],
  ])("common header %s: %s", (key, value) => {
    expect(COMMON_SECURITY_HEADERS).toContainEqual({ key, value });
  });
});

describe("PERMISSIONS_POLICY", () => {
  const features = new Map(
    PERMISSIONS_POLICY.split(", ").map((entry) => entry.split("=") as [string, string]),
  );

  it.each(["camera", "microphone", "geolocation", "payment", "usb", "serial", "display-capture"])(
    "refuses %s to everyone",
    (feature) => {
      expect(features.get(feature)).toBe("()");
    },
  );

  it.each(["clipboard-read", "clipboard-write"])(
    "keeps %s for this origin (the grid's copy and paste)",
    (feature) => {
      expect(features.get(feature)).toBe("(self)");
    },
  );
});
