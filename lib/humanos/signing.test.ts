import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authHeaders, isValidSignature, signRequest } from "./signing";

const SECRET = "test-secret";
const TIMESTAMP = "1700000000000";
const BODY = '[{"contact":"user@example.com"}]';
const BODY_SIGNATURE = "01402f8380cec2230c4f3cb8154f21a465bbf1ead4b68878afc487988b2e3fb3";
// Computed here, independently of signing.ts: with no body the payload is the timestamp alone.
const NO_BODY_SIGNATURE = createHmac("sha256", SECRET).update(TIMESTAMP).digest("hex");

describe("signRequest", () => {
  it.each([
    { label: "the published body vector", body: BODY, expected: BODY_SIGNATURE },
    { label: "no body", body: undefined, expected: NO_BODY_SIGNATURE },
    { label: "an empty body", body: "", expected: NO_BODY_SIGNATURE },
  ])("signs $label", ({ body, expected }) => {
    expect(signRequest(SECRET, TIMESTAMP, body)).toBe(expected);
  });

  it("covers the exact bytes: reformatted JSON signs differently", () => {
    expect(signRequest(SECRET, TIMESTAMP, '[{ "contact": "user@example.com" }]')).not.toBe(BODY_SIGNATURE);
  });
});

describe("isValidSignature", () => {
  it.each([
    {
      label: "the right signature",
      secret: SECRET,
      timestamp: TIMESTAMP,
      body: BODY,
      signature: BODY_SIGNATURE,
      valid: true,
    },
    {
      label: "upper-case hex",
      secret: SECRET,
      timestamp: TIMESTAMP,
      body: BODY,
      signature: BODY_SIGNATURE.toUpperCase(),
      valid: true,
    },
    {
      label: "no body",
      secret: SECRET,
      timestamp: TIMESTAMP,
      body: undefined,
      signature: NO_BODY_SIGNATURE,
      valid: true,
    },
    {
      label: "another secret",
      secret: "other-secret",
      timestamp: TIMESTAMP,
      body: BODY,
      signature: BODY_SIGNATURE,
      valid: false,
    },
    {
      label: "another timestamp",
      secret: SECRET,
      timestamp: "1700000000001",
      body: BODY,
      signature: BODY_SIGNATURE,
      valid: false,
    },
    {
      label: "a changed body",
      secret: SECRET,
      timestamp: TIMESTAMP,
      body: BODY.replace("user", "usr"),
      signature: BODY_SIGNATURE,
      valid: false,
    },
    {
      label: "a truncated signature",
      secret: SECRET,
      timestamp: TIMESTAMP,
      body: BODY,
      signature: BODY_SIGNATURE.slice(0, 62),
      valid: false,
    },
    {
      label: "non-hex text",
      secret: SECRET,
      timestamp: TIMESTAMP,
      body: BODY,
      signature: "z".repeat(64),
      valid: false,
    },
    {
      label: "an empty signature",
      secret: SECRET,
      timestamp: TIMESTAMP,
      body: BODY,
      signature: "",
      valid: false,
    },
  ])("$label → $valid", ({ secret, timestamp, body, signature, valid }) => {
    expect(isValidSignature(secret, timestamp, body, signature)).toBe(valid);
  });
});

describe("authHeaders", () => {
  it.each([
    { apiVersion: "2025-06-01", expected: "2025-06-01" },
    { apiVersion: undefined, expected: undefined },
  ])("signs with the given clock and sends API-Version $expected", ({ apiVersion, expected }) => {
    const headers = authHeaders({
      apiKey: "key",
      signingSecret: SECRET,
      body: BODY,
      now: 1_700_000_000_000,
      apiVersion,
    });

    expect(headers).toEqual({
      Authorization: "Bearer key",
      "X-Timestamp": TIMESTAMP,
      "X-Signature": BODY_SIGNATURE,
      ...(expected ? { "API-Version": expected } : {}),
    });
  });
});
