/**
 * The console's security headers, as data: the page policy (built per request around a nonce by
 * proxy.ts) and the fixed headers every response carries (next.config.ts). Pure and without Next
 * imports, so next.config.ts, proxy.ts and the tests read the same rules.
 */

export interface Header {
  key: string;
  value: string;
}

export type Directives = ReadonlyArray<readonly [name: string, ...sources: string[]]>;

/** Serialises directives as a Content-Security-Policy value: `name source …; name …`. */
export function serialisePolicy(directives: Directives): string {
  return directives.map((directive) => directive.join(" ")).join("; ");
}

export interface PagePolicyOptions {
  /** A fresh, unguessable value per response (newNonce). Next.js reads it back from the request's policy. */
  nonce: string;
  /** `next dev`: React's dev build evaluates strings (server error stacks) and the dev overlay injects styles. */
  development: boolean;
}

/**
 * The policy of every HTML page. Scripts run only from this origin with this response's nonce
 * (Next.js stamps it on its own scripts, including the inline RSC payload); `'strict-dynamic'`
 * lets those scripts load the chunks they need, and `'self'` is the fallback of browsers without
 * it. No eval in production: zod's JIT is switched off in the browser (lib/humanos/zod-csp.ts).
 * Style attributes (`style-src-attr`) stay allowed: the server-rendered HTML has `style="…"` on
 * the grid's scroll area (its height), Radix's tabs (`outline`, `animation-duration`) and the
 * virtual rows; an attribute cannot carry a nonce, cannot run script, and can load nothing that
 * img-src/font-src refuse. A `<style>` element needs the nonce, like a script (Next.js writes none
 * today; the nonce keeps any it adds working). Web Workers are the grid's and the file reader's
 * bundled scripts, served from /_next/static.
 */
export function pageContentSecurityPolicy({ nonce, development }: PagePolicyOptions): string {
  const scriptSources = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"];
  return serialisePolicy([
    ["default-src", "'self'"],
    // Next.js reads the nonce from the first `script-src` directive: keep it ahead of any script-src-*.
    ["script-src", ...scriptSources, ...(development ? ["'unsafe-eval'"] : [])],
    // A nonce turns 'unsafe-inline' off, so development (the overlay's unstamped styles) goes without one.
    ["style-src", "'self'", ...(development ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    ["style-src-attr", "'unsafe-inline'"],
    // data: for the SVG icons inlined in the stylesheet (e.g. the select arrow).
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    // Server actions, the run pages' polling and (in development) the HMR socket: this origin only.
    ["connect-src", "'self'"],
    ["worker-src", "'self'"],
    ["frame-src", "'none'"],
    ["manifest-src", "'self'"],
    ["media-src", "'none'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ]);
}

/**
 * Responses that are not HTML pages (JSON, CSV, the sandbox): nothing in them may load or run
 * anything, and no page may frame them.
 */
/** What no response but a page may do: set a base URL, be a form's target, be framed. */
const NOTHING_BUT_A_PAGE: Directives = [
  ["base-uri", "'none'"],
  ["form-action", "'none'"],
  ["frame-ancestors", "'none'"],
];

export const NON_DOCUMENT_POLICY = serialisePolicy([["default-src", "'none'"], ...NOTHING_BUT_A_PAGE]);

/**
 * The policy a Web Worker runs under. A dedicated worker loaded from a URL takes the policy of its
 * own script's response, not its page's, so the bundled scripts under /_next/static carry one
 * (for an ordinary `<script src>` the header is ignored). The worker bootstrap loads its chunks
 * with importScripts from this origin; no eval (except under `next dev`), no network.
 */
export function workerScriptPolicy({ development }: { development: boolean }): string {
  return serialisePolicy([
    ["default-src", "'none'"],
    ["script-src", "'self'", ...(development ? ["'unsafe-eval'"] : [])],
    ...NOTHING_BUT_A_PAGE,
  ]);
}

/**
 * Browser features the console never uses are refused for it and anything it might embed. The
 * grid reads and writes the clipboard (Ctrl+C / Ctrl+V), so those two stay with this origin.
 */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "encrypted-media=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
  "clipboard-read=(self)",
  "clipboard-write=(self)",
].join(", ");

/** Headers every response carries, whatever its kind. */
export const COMMON_SECURITY_HEADERS: readonly Header[] = [
  // A response is only ever what its Content-Type says (no script or style guessed from a JSON body).
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Run ids in URLs stay on this origin. Not "no-referrer": that policy also blanks the Origin
  // header of same-origin POSTs, and Next.js refuses a server action whose Origin does not match.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
  // frame-ancestors 'none' says the same to browsers that read CSP; this is for those that do not.
  { key: "X-Frame-Options", value: "DENY" },
  // No cross-origin window keeps a handle on the console's (and the reverse).
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Another site may not load the console's responses (exports, run data) as subresources.
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

/** A rule of next.config's `headers()`: a path pattern and the headers its responses carry. */
export interface HeaderRule {
  source: string;
  headers: Header[];
}

/**
 * The static header rules (next.config.ts `headers()`). Pages get their Content-Security-Policy
 * from proxy.ts instead, since it holds a per-request nonce; no rule here sets one on a page path,
 * so a response never carries two policies (a browser would enforce both).
 */
export function staticHeaderRules({ development }: { development: boolean }): HeaderRule[] {
  const nonDocument = [{ key: "Content-Security-Policy", value: NON_DOCUMENT_POLICY }];
  return [
    { source: "/:path*", headers: [...COMMON_SECURITY_HEADERS] },
    { source: "/api/:path*", headers: nonDocument },
    // The other paths proxy.ts does not see: Next's image optimiser and the favicon (a 404 page here).
    { source: "/_next/image", headers: nonDocument },
    { source: "/favicon.ico", headers: nonDocument },
    {
      source: "/_next/static/:path*",
      headers: [{ key: "Content-Security-Policy", value: workerScriptPolicy({ development }) }],
    },
  ];
}

/** 128 random bits, base64: a nonce no attacker can guess, new for every response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
