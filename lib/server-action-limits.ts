/**
 * The largest request body a server action accepts (next.config.ts): the browser sizes its uploads
 * to stay under it (components/onboarding/upload-slices.ts), so the app, not Next, says what is too big.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 4 * 1024 * 1024;
