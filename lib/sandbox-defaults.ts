/**
 * Development credentials of the built-in sandbox (also in .env.example). Not secrets: the sandbox
 * holds only test data. Kept apart from lib/env.ts so tests can sign sandbox requests without
 * importing server-only configuration.
 */
export const SANDBOX_DEFAULT_API_KEY = "sandbox-dev-api-key";
export const SANDBOX_DEFAULT_SIGNING_SECRET = "sandbox-dev-signing-secret";
