import type { NextConfig } from "next";
import { staticHeaderRules } from "./lib/security-headers";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/server-action-limits";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `BROWSER_SOURCE_MAPS=1 next build` publishes source maps of the browser code, for profiling a
  // production build (bench/, .prof/); off by default so source is not served.
  productionBrowserSourceMaps: process.env.BROWSER_SOURCE_MAPS === "1",
  // PGlite loads its WASM and data files from its own package folder at run time, and pg has optional
  // native parts: both must be required from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  turbopack: {
    resolveAlias: {
      // The same library, version and metadata, in its build for modern engines: the grid's workers
      // parse every phone of a paste (see lib/vendor/libphonenumber-max-modern.mjs).
      "libphonenumber-js/max": "./lib/vendor/libphonenumber-max-modern.mjs",
    },
  },
  experimental: {
    serverActions: {
      bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES,
    },
  },
  // Security headers of every response; pages add their Content-Security-Policy in proxy.ts (it needs a nonce).
  async headers() {
    return staticHeaderRules({ development: process.env.NODE_ENV === "development" });
  },
};

export default nextConfig;
