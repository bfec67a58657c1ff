import { describe, expect, it } from "vitest";
import {
  backoffDelayMs,
  isRetryableStatus,
  MAX_RETRY_AFTER_MS,
  parseRetryAfterMs,
  pauseUntilAfterRateLimit,
} from "./retry-policy";

describe("isRetryableStatus", () => {
  it.each([
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [599, true],
    [200, false],
    [301, false],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [408, false],
    [499, false],
    [600, false],
  ])("%i → %s", (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });
});

describe("parseRetryAfterMs", () => {
  const now = Date.parse("2025-01-01T12:00:00Z");

  it.each([
    { header: "2", expected: 2000 },
    { header: "0", expected: 0 },
    { header: " 30 ", expected: 30_000 },
    { header: "-5", expected: 0 },
    { header: "Wed, 01 Jan 2025 12:00:10 GMT", expected: 10_000 },
    { header: "Wednesday, 01-Jan-25 12:01:00 GMT", expected: 60_000 },
    { header: "Wed Jan  1 12:00:05 2025", expected: 5000 },
    { header: "Wed, 01 Jan 2025 11:59:00 GMT", expected: 0 },
    { header: null, expected: undefined },
    { header: "", expected: undefined },
    { header: "soon", expected: undefined },
    { header: "1.5", expected: undefined },
    { header: "2 seconds", expected: undefined },
    { header: "Wed, 99 Foo 2025", expected: undefined },
  ])("reads $header as $expected ms", ({ header, expected }) => {
    expect(parseRetryAfterMs(header, now)).toBe(expected);
  });
});

describe("backoffDelayMs", () => {
  it.each([
    { attempt: 1, random: 0.999_999, expected: 499 },
    { attempt: 1, random: 0, expected: 0 },
    { attempt: 2, random: 0.5, expected: 500 },
    { attempt: 3, random: 0.5, expected: 1000 },
    { attempt: 5, random: 0.5, expected: 4000 },
    // 500 × 2^5 = 16 000 is past the 15 s cap.
    { attempt: 6, random: 0.5, expected: 7500 },
    { attempt: 20, random: 0.5, expected: 7500 },
  ])("attempt $attempt with random $random waits $expected ms", ({ attempt, random, expected }) => {
    expect(backoffDelayMs({ attempt, random: () => random })).toBe(expected);
  });

  it.each([
    {
      label: "Retry-After above the jitter wins",
      retryAfterMs: 2000,
      attempt: 1,
      random: 0.5,
      expected: 2000,
    },
    { label: "jitter above Retry-After wins", retryAfterMs: 100, attempt: 4, random: 0.5, expected: 2000 },
    { label: "Retry-After of 0 leaves the jitter", retryAfterMs: 0, attempt: 2, random: 0.5, expected: 500 },
    {
      label: "a huge Retry-After is capped",
      retryAfterMs: 3_600_000,
      attempt: 1,
      random: 0,
      expected: MAX_RETRY_AFTER_MS,
    },
  ])("$label", ({ retryAfterMs, attempt, random, expected }) => {
    expect(backoffDelayMs({ attempt, retryAfterMs, random: () => random })).toBe(expected);
  });

  it("honours a custom base and cap", () => {
    expect(backoffDelayMs({ attempt: 3, random: () => 0.5, baseMs: 100, capMs: 10_000 })).toBe(200);
    expect(backoffDelayMs({ attempt: 10, random: () => 0.5, baseMs: 100, capMs: 1000 })).toBe(500);
  });
});

describe("pauseUntilAfterRateLimit", () => {
  const now = 1_000_000;
  it.each([
    { label: "no pause yet: now + Retry-After", retryAfterMs: 1000, pauseUntilMs: 0, expected: now + 1000 },
    {
      label: "a pause that has ended is replaced",
      retryAfterMs: 2000,
      pauseUntilMs: now - 5,
      expected: now + 2000,
    },
    {
      label: "a later Retry-After extends the pause",
      retryAfterMs: 3000,
      pauseUntilMs: now + 1000,
      expected: now + 3000,
    },
    {
      label: "a shorter one never cuts it short",
      retryAfterMs: 500,
      pauseUntilMs: now + 1000,
      expected: now + 1000,
    },
    { label: "Retry-After: 0 changes nothing", retryAfterMs: 0, pauseUntilMs: 0, expected: now },
    { label: "a negative one is read as 0", retryAfterMs: -1000, pauseUntilMs: 0, expected: now },
    {
      label: "a huge Retry-After is capped",
      retryAfterMs: 3_600_000,
      pauseUntilMs: 0,
      expected: now + MAX_RETRY_AFTER_MS,
    },
  ])("$label", ({ retryAfterMs, pauseUntilMs, expected }) => {
    expect(pauseUntilAfterRateLimit({ nowMs: now, retryAfterMs, pauseUntilMs })).toBe(expected);
  });
});
