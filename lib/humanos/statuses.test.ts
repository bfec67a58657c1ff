import { describe, expect, it } from "vitest";
import {
  CATALOGUED_STATUSES,
  describeStatus,
  NOT_SENT,
  type RowStatus,
  type StatusTone,
  SUCCESS_STATUS_KEYS,
  statusFromKey,
  statusKey,
} from "./statuses";

describe("describeStatus", () => {
  it.each<[RowStatus, string, string, StatusTone, boolean]>([
    [200, "200", "Created / updated", "success", true],
    [201, "201", "Already up to date", "unchanged", true],
    [400, "400", "Invalid data", "invalid", false],
    [402, "402", "Unknown country", "country", false],
    [407, "407", "Contact repeated in batch", "repeated", false],
    [408, "408", "Identity repeated in batch", "repeated", false],
    [409, "409", "Identity belongs to another user", "conflict", false],
    [410, "410", "User already has an identity for this country", "identity-exists", false],
    [NOT_SENT, "not-sent", "Not sent", "muted", false],
  ])("%s → key %s, label %j, tone %s, success %s", (status, key, label, tone, isSuccess) => {
    const info = describeStatus(status);
    expect(info).toMatchObject({ key, label, tone, isSuccess });
  });

  it.each<[number, string, StatusTone, boolean]>([
    [418, "Unexpected answer (code 418)", "unexpected", false],
    [401, "Unexpected answer (code 401)", "unexpected", false],
    [500, "Unexpected answer (code 500)", "unexpected", false],
    [302, "Unexpected answer (code 302)", "unexpected", false],
    [300, "Unexpected answer (code 300)", "unexpected", false],
    [199, "Unexpected answer (code 199)", "unexpected", false],
    [202, "Accepted (code 202)", "success", true],
    [299, "Accepted (code 299)", "success", true],
  ])("uncatalogued %i → %j, tone %s, success %s", (status, label, tone, isSuccess) => {
    const info = describeStatus(status);
    expect(info).toMatchObject({ key: String(status), label, tone, isSuccess });
    expect(info.label).toContain(String(status));
    expect(info.meaning).not.toBe("");
    expect(info.nextStep).not.toBe("");
  });

  it("uncatalogued failures point to the message and support; uncatalogued successes need nothing", () => {
    expect(describeStatus(418).nextStep).toBe("Read the message; contact Humanos support if it is unclear.");
    expect(describeStatus(202).nextStep).toBe("Nothing to do.");
  });

  it.each(CATALOGUED_STATUSES.map((status) => [status] as const))(
    "catalogued %s has a non-empty label, meaning and next step",
    (status) => {
      const info = describeStatus(status);
      expect(info.label.trim()).not.toBe("");
      expect(info.meaning.trim()).not.toBe("");
      expect(info.nextStep.trim()).not.toBe("");
      expect(info.key).toBe(statusKey(status));
      expect(info.tone).not.toBe("unexpected");
    },
  );

  it("catalogues exactly the documented statuses, in display order", () => {
    expect(CATALOGUED_STATUSES).toEqual([200, 201, 400, 402, 407, 408, 409, 410, "not-sent"]);
  });

  it("only 200 and 201 of the catalogue are successes", () => {
    expect(CATALOGUED_STATUSES.filter((status) => describeStatus(status).isSuccess)).toEqual([200, 201]);
  });

  it("catalogued labels are distinct", () => {
    const labels = CATALOGUED_STATUSES.map((status) => describeStatus(status).label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("returns a fresh object each call for numeric codes (callers cannot corrupt the catalogue)", () => {
    const first = describeStatus(400);
    first.label = "changed";
    expect(describeStatus(400).label).toBe("Invalid data");
  });
});

describe("statusKey", () => {
  it.each<[RowStatus, string]>([
    [200, "200"],
    [410, "410"],
    [418, "418"],
    [NOT_SENT, "not-sent"],
  ])("%s → %j", (status, key) => {
    expect(statusKey(status)).toBe(key);
  });
});

describe("statusFromKey, the inverse of statusKey", () => {
  it.each<[string, RowStatus]>([
    ["200", 200],
    ["418", 418],
    ["not-sent", NOT_SENT],
    ["", NOT_SENT],
  ])("%j → %s", (key, status) => {
    expect(statusFromKey(key)).toBe(status);
  });

  it.each(CATALOGUED_STATUSES)("round-trips %s", (status) => {
    expect(statusFromKey(statusKey(status))).toBe(status);
  });

  it("lists the success keys from the catalogue", () => {
    expect(SUCCESS_STATUS_KEYS).toStrictEqual(["200", "201"]);
  });
});
