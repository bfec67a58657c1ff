/**
 * zod 4 compiles object parsers with `new Function` when it may. The console's pages and its Web
 * Workers run under a Content-Security-Policy without 'unsafe-eval' (lib/security-headers.ts):
 * there zod's probe for eval is refused and reported as a CSP violation, even though zod catches
 * it and falls back. So in those realms zod is told up front to interpret (`jitless`), and never
 * probes. The server is no such realm (no policy governs Node) and keeps the compiled parsers.
 *
 * zod decides once per object schema, when it is built: this module must run before any
 * `z.object()` of its realm. schemas.ts, which every browser-side schema builds on, imports it first.
 */
import { z } from "zod";

/** A page (`document`) or a Web Worker (`WorkerGlobalScope`): where a Content-Security-Policy applies. */
export function runsUnderContentSecurityPolicy(realm: object = globalThis): boolean {
  return "document" in realm || "WorkerGlobalScope" in realm;
}

if (runsUnderContentSecurityPolicy()) z.config({ jitless: true });
