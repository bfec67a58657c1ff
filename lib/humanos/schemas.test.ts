import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  contactSchema,
  describeIssues,
  feedbackSchema,
  identitySchema,
  isOnlyUnknownCountry,
  requestErrorBodySchema,
  subjectBatchSchema,
  subjectSchema,
} from "./schemas";

const DAY_MS = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

const IDENTITY = { fullName: "John Doe", birth: "1990-01-01", docId: "1234567890", countryAlpha3: "PRT" };
const PHONE = "A phone number must be + and the country code, then digits (e.g. +351912345678)";
const NOT_CONTACT = "Not a valid e-mail address or phone number";
const NO_CONTACT = "Enter an e-mail address or a phone number";
const FORMAT = "Use a three-letter ISO 3166-1 alpha-3 code, e.g. PRT";
const DATE = "Use a real date written YYYY-MM-DD";
const PAST = "Date of birth must be in the past";
const FULL_DOC = "Full document id must start with the document number and add characters";
const unknownCountry = (code: string) => `Unknown country code ${code}: use ISO 3166-1 alpha-3, e.g. PRT`;

/** A subject with a valid contact and IDENTITY changed by `override`. */
const subject = (override: Record<string, string>, contact = "a@b.co") => ({
  contact,
  identity: { ...IDENTITY, ...override },
});

/** [dotted path, message] per issue, or [] when the input is valid. */
function issues(schema: z.ZodType, input: unknown): Array<[string, string]> {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
}

function parseError(schema: z.ZodType, input: unknown): z.ZodError {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to fail`);
  return result.error;
}

describe("contactSchema", () => {
  it.each<[string, string]>([
    ["user@example.com", "user@example.com"],
    ["first.last+tag@sub.example.pt", "first.last+tag@sub.example.pt"],
    [" user@example.com ", "user@example.com"],
    ["+351912345678", "+351912345678"],
    ["+351 912 345 678", "+351912345678"],
    ["\t+351\u00a0912345678\n", "+351912345678"],
    ["+1234567", "+1234567"],
    ["+123456789012345", "+123456789012345"],
  ])("accepts %j as %j", (input, expected) => {
    expect(contactSchema.parse(input)).toBe(expected);
  });

  it.each<[unknown, string]>([
    ["a@example", NOT_CONTACT],
    ["@@", NOT_CONTACT],
    ["user@@example.com", NOT_CONTACT],
    ["john doe", NOT_CONTACT],
    ["351912345678", PHONE],
    ["+0351912345678", PHONE],
    ["+123456", PHONE],
    ["+1234567890123456", PHONE],
    ["+351-912-345-678", PHONE],
    ["(351)912.345", PHONE],
    ["351*912", NOT_CONTACT],
    ["+351,912", NOT_CONTACT],
    [undefined, NO_CONTACT],
    [351912345678, NO_CONTACT],
  ])("rejects %j", (input, message) => {
    expect(issues(contactSchema, input)).toEqual([["", message]]);
  });
});

describe("subjectSchema: contact and internalId", () => {
  it.each<[string, Record<string, string>, Record<string, string>]>([
    ["contact only", { contact: "a@b.co" }, { contact: "a@b.co" }],
    ["spaces stripped", { contact: "+351 912 345 678" }, { contact: "+351912345678" }],
    [
      "internalId trimmed",
      { contact: "a@b.co", internalId: " id-7 " },
      { contact: "a@b.co", internalId: "id-7" },
    ],
    ["blank internalId omitted", { contact: "a@b.co", internalId: "   " }, { contact: "a@b.co" }],
    ["empty internalId omitted", { contact: "a@b.co", internalId: "" }, { contact: "a@b.co" }],
  ])("%s", (_name, input, expected) => {
    // Through JSON, as on the wire: an omitted field must not be sent.
    expect(JSON.parse(JSON.stringify(subjectSchema.parse(input)))).toStrictEqual(expected);
  });

  it.each<[string, unknown, Array<[string, string]>]>([
    ["missing contact", {}, [["contact", NO_CONTACT]]],
    [
      "internalId over 200",
      { contact: "a@b.co", internalId: "x".repeat(201) },
      [["internalId", "At most 200 characters"]],
    ],
    ["bad contact with identity", subject({}, "@@"), [["contact", NOT_CONTACT]]],
  ])("%s", (_name, input, expected) => {
    expect(issues(subjectSchema, input)).toEqual(expected);
  });
});

describe("identitySchema: the four required fields", () => {
  it.each<[keyof typeof IDENTITY, string]>([
    ["fullName", "Full name is required"],
    ["birth", "Date of birth is required"],
    ["docId", "Document number is required"],
    ["countryAlpha3", "Country is required"],
  ])("missing %s → one issue on identity.%s", (field, message) => {
    const identity: Record<string, string> = { ...IDENTITY };
    delete identity[field];
    expect(issues(subjectSchema, { contact: "a@b.co", identity })).toEqual([[`identity.${field}`, message]]);
  });

  it.each<[string, Partial<typeof IDENTITY>, string | null]>([
    ["fullName of 200", { fullName: "n".repeat(200) }, null],
    ["fullName of 201", { fullName: "n".repeat(201) }, "At most 200 characters"],
    ["blank fullName", { fullName: "  " }, "Full name is required"],
    ["impossible date 2020-02-30", { birth: "2020-02-30" }, DATE],
    ["yyyy/mm/dd text", { birth: "1988/02/29" }, DATE],
    ["leap day 1988-02-29", { birth: "1988-02-29" }, null],
    ["birth today", { birth: isoDay(0) }, PAST],
    ["birth in 2085", { birth: "2085-01-01" }, PAST],
    ["birth tomorrow", { birth: isoDay(1) }, PAST],
    ["birth yesterday", { birth: isoDay(-1) }, null],
    ["docId of 50 after removing spaces", { docId: `${"1".repeat(25)} ${"2".repeat(25)}` }, null],
    [
      "docId of 51 after removing spaces",
      { docId: `${"1".repeat(26)} ${"2".repeat(25)}` },
      "At most 50 characters (spaces removed)",
    ],
    ["blank docId", { docId: "   " }, "Document number is required"],
  ])("%s", (_name, override, message) => {
    const field = Object.keys(override)[0] ?? "";
    expect(issues(identitySchema, { ...IDENTITY, ...override })).toEqual(
      message === null ? [] : [[field, message]],
    );
  });

  it.each<[string, Partial<typeof IDENTITY>, Partial<typeof IDENTITY>]>([
    [
      "trimmed name and birth",
      { fullName: " Ana ", birth: " 1990-01-01 " },
      { fullName: "Ana", birth: "1990-01-01" },
    ],
    ["docId spaces removed", { docId: " 12 34\t56 " }, { docId: "123456" }],
    ["country upper-cased", { countryAlpha3: "prt" }, { countryAlpha3: "PRT" }],
    ["country trimmed", { countryAlpha3: "PRT " }, { countryAlpha3: "PRT" }],
  ])("normalises: %s", (_name, override, expected) => {
    expect(identitySchema.parse({ ...IDENTITY, ...override })).toStrictEqual({ ...IDENTITY, ...expected });
  });
});

describe("countryAlpha3 and isOnlyUnknownCountry", () => {
  it.each(["POR", "XXX", "por"])("unknown code %j → one issue marked 402", (code) => {
    const error = parseError(subjectSchema, subject({ countryAlpha3: code }));
    expect(issues(subjectSchema, subject({ countryAlpha3: code }))).toEqual([
      ["identity.countryAlpha3", unknownCountry(code.toUpperCase())],
    ]);
    expect(isOnlyUnknownCountry(error)).toBe(true);
  });

  it.each<[string, unknown]>([
    ["unknown country and a bad contact", subject({ countryAlpha3: "XXX" }, "@@")],
    ["unknown country and a future birth", subject({ birth: "2085-01-01", countryAlpha3: "POR" })],
    ["a malformed country PT", subject({ countryAlpha3: "PT" })],
    ["only a bad contact", { contact: "@@" }],
  ])("%s → false", (_name, input) => {
    expect(isOnlyUnknownCountry(parseError(subjectSchema, input))).toBe(false);
  });
});

describe("identitySchema: optional fields", () => {
  it.each<[string, Record<string, string>, string | null]>([
    ["gender of 50", { gender: "g".repeat(50) }, null],
    ["gender of 51", { gender: "g".repeat(51) }, "At most 50 characters"],
    ["placeOfBirth of 51", { placeOfBirth: "p".repeat(51) }, "At most 50 characters"],
    ["socialSecurityNumber of 51", { socialSecurityNumber: "1".repeat(51) }, "At most 50 characters"],
    ["photo of 2000", { photo: "p".repeat(2000) }, null],
    ["photo of 2001", { photo: "p".repeat(2001) }, "At most 2000 characters"],
    ["mrzText of 2001", { mrzText: "m".repeat(2001) }, "At most 2000 characters"],
    ["extra of 2001", { extra: "e".repeat(2001) }, "At most 2000 characters"],
    ["expiresAt valid", { expiresAt: "2030-12-31" }, null],
    ["expiresAt dd/mm/yyyy", { expiresAt: "31/12/2030" }, DATE],
    ["issueDate impossible", { issueDate: "2021-02-30" }, DATE],
    ["blank issueDate", { issueDate: "  " }, null],
    ["fullDocId extends docId", { fullDocId: "1234567890ZZ1" }, null],
    ["fullDocId equal to docId", { fullDocId: "1234567890" }, FULL_DOC],
    ["fullDocId not starting with docId", { fullDocId: "X1234567890" }, FULL_DOC],
    ["fullDocId of 51", { fullDocId: `1234567890${"Z".repeat(41)}` }, "At most 50 characters"],
  ])("%s", (_name, extra, message) => {
    const field = Object.keys(extra)[0] ?? "";
    expect(issues(identitySchema, { ...IDENTITY, ...extra })).toEqual(
      message === null ? [] : [[field, message]],
    );
  });

  it("drops blank optional fields and trims the rest", () => {
    expect(identitySchema.parse({ ...IDENTITY, gender: "  ", photo: "", taxNumber: " 123 " })).toStrictEqual({
      ...IDENTITY,
      gender: undefined,
      photo: undefined,
      taxNumber: "123",
    });
  });
});

describe("subjectBatchSchema", () => {
  it.each<[string, unknown, string | null]>([
    ["0 subjects", [], "No subjects provided"],
    ["1 subject", [{ contact: "a@b.co" }], null],
    ["100 subjects", Array.from({ length: 100 }, () => ({})), null],
    ["101 subjects", Array.from({ length: 101 }, () => ({})), "At most 100 subjects per request"],
    ["an object", { contact: "a@b.co" }, "Body must be a JSON array of subjects"],
    ["a string", "[]", "Body must be a JSON array of subjects"],
    ["null", null, "Body must be a JSON array of subjects"],
  ])("%s", (_name, input, message) => {
    expect(issues(subjectBatchSchema, input)).toEqual(message === null ? [] : [["", message]]);
  });
});

describe("response schemas", () => {
  const USER = { contact: "a@b.co", did: "did:via:humanos:user-1", internalId: null };
  it.each<[string, unknown, unknown]>([
    ["success with a DID", { status: 200, message: "ok", user: USER }, null],
    ["failure with the contact only", { status: 402, message: "bad", user: { contact: "a@b.co" } }, null],
    ["a non-string message → empty", { status: 400, message: 5 }, { status: 400, message: "" }],
  ])("feedbackSchema accepts %s", (_name, input, expected) => {
    expect(feedbackSchema.parse(input)).toStrictEqual(expected ?? input);
  });

  it.each<[string, unknown]>([
    ["string status", { status: "200", message: "ok" }],
    ["fractional status", { status: 200.5, message: "ok" }],
  ])("feedbackSchema rejects %s", (_name, input) => {
    expect(feedbackSchema.safeParse(input).success).toBe(false);
  });

  it.each<[string, unknown, boolean]>([
    ["string message", { statusCode: 400, message: "No subjects provided", error: "Bad Request" }, true],
    ["array message", { statusCode: 400, message: ["a", "b"], error: "Bad Request" }, true],
    ["no error field", { statusCode: 401, message: "Unauthorized" }, true],
    ["numeric message", { statusCode: 400, message: 1 }, false],
    ["missing statusCode", { message: "x" }, false],
  ])("requestErrorBodySchema: %s → %s", (_name, input, ok) => {
    expect(requestErrorBodySchema.safeParse(input).success).toBe(ok);
  });
});

describe("describeIssues", () => {
  it.each<[string, z.ZodType, unknown, string]>([
    ["root issue without a path", subjectBatchSchema, [], "No subjects provided"],
    ["nested path", subjectSchema, subject({ birth: "2085-01-01" }), `identity.birth: ${PAST}`],
    [
      "several issues joined with '; '",
      subjectSchema,
      subject({ fullName: "", docId: "" }, "@@"),
      `contact: ${NOT_CONTACT}; identity.fullName: Full name is required; identity.docId: Document number is required`,
    ],
  ])("%s", (_name, schema, input, expected) => {
    expect(describeIssues(parseError(schema, input))).toBe(expected);
  });
});

/**
 * Malformed values get exactly one issue: later checks must not run on a value that already failed
 * (a second, misleading message would reach the sandbox's 400 text and the action's row errors).
 */
describe("malformed values", () => {
  const MALFORMED: Array<[string, unknown, string, string]> = [
    ["empty contact", { contact: "" }, "contact", NO_CONTACT],
    ["blank contact", { contact: "   " }, "contact", NO_CONTACT],
    ["country PT", subject({ countryAlpha3: "PT" }), "identity.countryAlpha3", FORMAT],
    ["country P1T", subject({ countryAlpha3: "P1T" }), "identity.countryAlpha3", FORMAT],
    ["country PORT", subject({ countryAlpha3: "PORT" }), "identity.countryAlpha3", FORMAT],
    ["empty country", subject({ countryAlpha3: "" }), "identity.countryAlpha3", "Country is required"],
    ["birth 29/02/1988", subject({ birth: "29/02/1988" }), "identity.birth", DATE],
    ["birth 31.12.1990", subject({ birth: "31.12.1990" }), "identity.birth", DATE],
  ];

  it.each(MALFORMED)("%s → the right issue first", (_name, input, path, message) => {
    expect(issues(subjectSchema, input)[0]).toEqual([path, message]);
  });

  it.each(MALFORMED)("%s → only that issue", (_name, input, path, message) => {
    expect(issues(subjectSchema, input)).toEqual([[path, message]]);
  });
});
