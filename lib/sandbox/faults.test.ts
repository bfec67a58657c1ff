import { describe, expect, it } from "vitest";
import {
  createOccurrenceCounter,
  DEFAULT_FAULTS,
  decideFault,
  type FaultKind,
  type FaultSpec,
  INJECTED_FAULTS,
  parseFaultSpec,
} from "./faults";

function faultsWith(overrides: Partial<Omit<FaultSpec, "rates">> & { rates?: Partial<FaultSpec["rates"]> }) {
  return { ...DEFAULT_FAULTS, ...overrides, rates: { ...DEFAULT_FAULTS.rates, ...overrides.rates } };
}

describe("parseFaultSpec: valid specs", () => {
  it.each<[string, string, FaultSpec]>([
    ["blank: no faults, defaults", "", DEFAULT_FAULTS],
    ["only commas and spaces", " , ,", DEFAULT_FAULTS],
    [
      "the documented example",
      "seed=42,5xx=0.2,429=0.1,timeout=0.05,malformed=0.02,wrong-count=0.01,latency-ms=20,hang-ms=35000,retry-after=1",
      {
        seed: 42,
        rates: {
          "server-error": 0.2,
          "rate-limit": 0.1,
          timeout: 0.05,
          malformed: 0.02,
          "wrong-count": 0.01,
        },
        latencyMs: 20,
        hangMs: 35_000,
        retryAfterSeconds: 1,
      },
    ],
    ["one key, the rest default", "429=0.5", faultsWith({ rates: { "rate-limit": 0.5 } })],
    [
      "spaces and upper case keys",
      " 5XX = .25 , Latency-MS = 5 ",
      faultsWith({ rates: { "server-error": 0.25 }, latencyMs: 5 }),
    ],
    ["a rate of exactly 1", "timeout=1", faultsWith({ rates: { timeout: 1 } })],
    ["a rate written 1.", "malformed=1.", faultsWith({ rates: { malformed: 1 } })],
    [
      "rates adding up to 1 despite floating point",
      "5xx=0.7,429=0.2,timeout=0.1",
      faultsWith({ rates: { "server-error": 0.7, "rate-limit": 0.2, timeout: 0.1 } }),
    ],
    ["seed 0", "seed=0", faultsWith({ seed: 0 })],
    ["hang and retry-after", "hang-ms=50,retry-after=7", faultsWith({ hangMs: 50, retryAfterSeconds: 7 })],
  ])("%s", (_name, spec, faults) => {
    expect(parseFaultSpec(spec)).toEqual({ ok: true, faults });
  });
});

describe("parseFaultSpec: invalid specs name the problem", () => {
  const KNOWN = "seed, 5xx, 429, timeout, malformed, wrong-count, latency-ms, hang-ms, retry-after";
  it.each([
    ["an unknown key", "5xx=0.1,jitter=3", `Unknown key "jitter" (known keys: ${KNOWN})`],
    ["a part without =", "5xx", `"5xx" is not key=value`],
    ["a rate that is not a number", "5xx=abc", `5xx must be a rate between 0 and 1, got "abc"`],
    ["a rate above 1", "429=1.5", `429 must be a rate between 0 and 1, got "1.5"`],
    ["a negative rate", "timeout=-0.1", `timeout must be a rate between 0 and 1, got "-0.1"`],
    ["an empty rate", "wrong-count=", `wrong-count must be a rate between 0 and 1, got ""`],
    ["a percentage", "malformed=5%", `malformed must be a rate between 0 and 1, got "5%"`],
    ["rates above 1 together", "5xx=0.6,429=0.5", "The rates add up to 1.1; together they must be at most 1"],
    [
      "fractional latency",
      "latency-ms=1.5",
      `latency-ms must be a whole number of milliseconds ≥ 0, got "1.5"`,
    ],
    ["negative hang", "hang-ms=-1", `hang-ms must be a whole number of milliseconds ≥ 0, got "-1"`],
    [
      "retry-after in words",
      "retry-after=soon",
      `retry-after must be a whole number of seconds ≥ 0, got "soon"`,
    ],
    ["a seed that is not a number", "seed=abc", `seed must be a whole number ≥ 0, got "abc"`],
    [
      "a seed beyond safe integers",
      "seed=99999999999999999999",
      `seed must be a whole number ≥ 0, got "99999999999999999999"`,
    ],
    ["a key given twice", "5xx=0.1,5XX=0.2", "5xx is given more than once"],
  ])("%s", (_name, spec, message) => {
    expect(parseFaultSpec(spec)).toEqual({ ok: false, message });
  });
});

/** How often each kind comes out over `draws` distinct chunks, each seen for the first time. */
function frequencies(faults: FaultSpec, draws: number): Record<FaultKind, number> {
  const counts: Record<FaultKind, number> = {
    none: 0,
    "server-error": 0,
    "rate-limit": 0,
    timeout: 0,
    malformed: 0,
    "wrong-count": 0,
  };
  for (let index = 0; index < draws; index++) counts[decideFault(faults, `chunk-${index}`, 1)] += 1;
  return counts;
}

function expectRates(counts: Record<FaultKind, number>, faults: FaultSpec, draws: number) {
  const total = INJECTED_FAULTS.reduce((sum, kind) => sum + faults.rates[kind], 0);
  const expected: Record<FaultKind, number> = { ...faults.rates, none: 1 - total };
  for (const [kind, rate] of Object.entries(expected)) {
    expect(Math.abs(counts[kind as FaultKind] / draws - rate), kind).toBeLessThanOrEqual(0.015);
  }
}

describe("decideFault", () => {
  const documented = faultsWith({
    seed: 42,
    rates: { "server-error": 0.2, "rate-limit": 0.1, timeout: 0.05, malformed: 0.02, "wrong-count": 0.01 },
  });

  it.each<[string, FaultSpec]>([
    ["the documented example", documented],
    ["one fault at half", faultsWith({ seed: 7, rates: { timeout: 0.5 } })],
    [
      "rates adding up to 1",
      faultsWith({
        rates: { "server-error": 0.3, "rate-limit": 0.3, timeout: 0.2, malformed: 0.1, "wrong-count": 0.1 },
      }),
    ],
  ])("over 10,000 draws, each kind comes out within ±1.5 %% of its rate: %s", (_name, faults) => {
    expectRates(frequencies(faults, 10_000), faults, 10_000);
  });

  it.each<[string, FaultSpec, FaultKind]>([
    ["no rates", DEFAULT_FAULTS, "none"],
    ["5xx=1", faultsWith({ rates: { "server-error": 1 } }), "server-error"],
    ["429=1", faultsWith({ rates: { "rate-limit": 1 } }), "rate-limit"],
    ["wrong-count=1", faultsWith({ rates: { "wrong-count": 1 } }), "wrong-count"],
  ])("%s always gives %s", (_name, faults, kind) => {
    const kinds = new Set(Array.from({ length: 200 }, (_, index) => decideFault(faults, `k${index}`, 1)));
    expect([...kinds]).toEqual([kind]);
  });

  it("is deterministic: the same seed, key and occurrence give the same fault", () => {
    const sequence = () =>
      Array.from({ length: 500 }, (_, index) => decideFault(documented, `key-${index % 50}`, index));
    expect(sequence()).toEqual(sequence());
  });

  it("draws afresh for another seed, another key or another occurrence", () => {
    const draws = (seed: number, key: (index: number) => string, occurrence: (index: number) => number) =>
      Array.from({ length: 200 }, (_, index) =>
        decideFault({ ...documented, seed }, key(index), occurrence(index)),
      );
    const base = draws(
      42,
      (index) => `key-${index}`,
      () => 1,
    );
    expect(
      draws(
        43,
        (index) => `key-${index}`,
        () => 1,
      ),
    ).not.toEqual(base);
    expect(
      draws(
        42,
        (index) => `other-${index}`,
        () => 1,
      ),
    ).not.toEqual(base);
    expect(
      draws(
        42,
        (index) => `key-${index}`,
        () => 2,
      ),
    ).not.toEqual(base);
  });

  it("lets a retried chunk through eventually: occurrences of one key draw independently", () => {
    const faults = faultsWith({ rates: { "server-error": 0.5 } });
    const kinds = Array.from({ length: 10_000 }, (_, index) =>
      decideFault(faults, "the-same-chunk", index + 1),
    );
    const failures = kinds.filter((kind) => kind === "server-error").length;
    expect(Math.abs(failures / 10_000 - 0.5)).toBeLessThanOrEqual(0.015);
  });
});

describe("occurrence counter", () => {
  it("counts each key's arrivals from 1", () => {
    const counter = createOccurrenceCounter();
    expect(["a", "a", "b", "a", "b", "c"].map((key) => counter.next(key))).toEqual([1, 2, 1, 3, 2, 1]);
  });

  it("forgets the least recently seen key once it holds too many", () => {
    const counter = createOccurrenceCounter(2);
    counter.next("a");
    counter.next("b");
    counter.next("a"); // "a" is now newer than "b"
    counter.next("c"); // over the limit: "b" goes
    expect([counter.next("a"), counter.next("b")]).toEqual([3, 1]);
  });
});
