/**
 * The Humanos "Create User" contract as zod schemas: the one definition shared by the form, the
 * paste grid, the server action and the sandbox, so that none of them can drift from the others.
 */
// First: in the browser zod must be told not to compile parsers before the first z.object() below.
import "./zod-csp";
import { z } from "zod";
import { isKnownAlpha3 } from "./countries";

export const MAX_SUBJECTS_PER_REQUEST = 100;
export const FULL_NAME_MAX = 200;
export const SHORT_FIELD_MAX = 50;
export const LONG_FIELD_MAX = 2000;

/** Marks the one validation failure the API answers with item status 402 instead of 400. */
export const UNKNOWN_COUNTRY_PARAM = { humanosStatus: 402 } as const;

const E164 = /^\+[1-9]\d{6,14}$/;
// Built once: constructing a schema per call costs ~10 µs, which adds up over 100,000 pasted rows.
const emailSchema = z.email();

/** Optional text: a blank or whitespace-only value means "not given". */
function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .optional()
    .transform((value) => (value === "" ? undefined : value))
    .optional();
}

let today = { value: "", computedAt: Number.NEGATIVE_INFINITY };

/** Today's UTC date, recomputed at most once a second: validating 100,000 rows must not build 100,000 Dates. */
export function todayUtcIsoDate(): string {
  const now = Date.now();
  if (now - today.computedAt > 1000)
    today = { value: new Date(now).toISOString().slice(0, 10), computedAt: now };
  return today.value;
}

const isoDate = z.iso.date({ error: "Use a real date written YYYY-MM-DD", abort: true });
const optionalIsoDate = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === "" ? undefined : value))
  .pipe(isoDate.optional())
  .optional();

/** The server strips spaces from a contact; so do we, before deciding whether it is e-mail or phone. */
export function normaliseContact(raw: string): string {
  return raw.replace(/\s+/g, "");
}

export const contactSchema = z
  .string({ error: "Enter an e-mail address or a phone number" })
  .transform(normaliseContact)
  .pipe(
    z
      .string()
      .min(1, { error: "Enter an e-mail address or a phone number", abort: true })
      .refine((value) => E164.test(value) || emailSchema.safeParse(value).success, {
        error: (issue) =>
          /^[+\d().-]+$/.test(String(issue.input))
            ? "A phone number must be + and the country code, then digits (e.g. +351912345678)"
            : "Not a valid e-mail address or phone number",
      }),
  );

export const identitySchema = z
  .object({
    fullName: z
      .string({ error: "Full name is required" })
      .trim()
      .min(1, "Full name is required")
      .max(FULL_NAME_MAX, `At most ${FULL_NAME_MAX} characters`),
    birth: z
      .string({ error: "Date of birth is required" })
      .trim()
      .min(1, { error: "Date of birth is required", abort: true })
      .pipe(isoDate)
      .refine((value) => value < todayUtcIsoDate(), "Date of birth must be in the past"),
    docId: z
      .string({ error: "Document number is required" })
      .transform((value) => value.replace(/\s+/g, ""))
      .pipe(
        z
          .string()
          .min(1, "Document number is required")
          .max(SHORT_FIELD_MAX, `At most ${SHORT_FIELD_MAX} characters (spaces removed)`),
      ),
    countryAlpha3: z
      .string({ error: "Country is required" })
      .trim()
      .toUpperCase()
      .min(1, { error: "Country is required", abort: true })
      .regex(/^[A-Z]{3}$/, { error: "Use a three-letter ISO 3166-1 alpha-3 code, e.g. PRT", abort: true })
      .refine(isKnownAlpha3, {
        error: (issue) => `Unknown country code ${String(issue.input)}: use ISO 3166-1 alpha-3, e.g. PRT`,
        params: UNKNOWN_COUNTRY_PARAM,
        abort: true,
      }),
    fullDocId: optionalText(SHORT_FIELD_MAX),
    gender: optionalText(SHORT_FIELD_MAX),
    height: optionalText(SHORT_FIELD_MAX),
    documentType: optionalText(SHORT_FIELD_MAX),
    documentDiscriminator: optionalText(SHORT_FIELD_MAX),
    placeOfBirth: optionalText(SHORT_FIELD_MAX),
    taxNumber: optionalText(SHORT_FIELD_MAX),
    healthNumber: optionalText(SHORT_FIELD_MAX),
    socialSecurityNumber: optionalText(SHORT_FIELD_MAX),
    expiresAt: optionalIsoDate,
    issueDate: optionalIsoDate,
    photo: optionalText(LONG_FIELD_MAX),
    mrzText: optionalText(LONG_FIELD_MAX),
    extra: optionalText(LONG_FIELD_MAX),
  })
  .refine(
    (identity) =>
      identity.fullDocId === undefined ||
      (identity.fullDocId.startsWith(identity.docId) && identity.fullDocId.length > identity.docId.length),
    { error: "Full document id must start with the document number and add characters", path: ["fullDocId"] },
  );

export const subjectSchema = z.object({
  contact: contactSchema,
  internalId: optionalText(200),
  identity: identitySchema.optional(),
});

/** What a caller may hand in (strings, blanks) versus what goes on the wire (normalised). */
export type SubjectInput = z.input<typeof subjectSchema>;
export type Subject = z.output<typeof subjectSchema>;
export type Identity = z.output<typeof identitySchema>;

/** One POST body: 1 to 100 subjects. */
export const subjectBatchSchema = z
  .array(z.unknown(), { error: "Body must be a JSON array of subjects" })
  .min(1, "No subjects provided")
  .max(MAX_SUBJECTS_PER_REQUEST, `At most ${MAX_SUBJECTS_PER_REQUEST} subjects per request`);

/** One item of a 200 answer: the API's verdict on the subject at the same position. */
export const feedbackSchema = z.object({
  status: z.number().int(),
  message: z.string().catch(""),
  user: z
    .object({
      contact: z.string().optional(),
      did: z.string().optional(),
      internalId: z.string().nullish(),
    })
    .optional(),
});
export type Feedback = z.infer<typeof feedbackSchema>;
export const feedbackListSchema = z.array(feedbackSchema);

/** NestJS-shaped whole-request error body. */
export const requestErrorBodySchema = z.object({
  statusCode: z.number().int(),
  message: z.union([z.string(), z.array(z.string())]),
  error: z.string().optional(),
});
export type RequestErrorBody = z.infer<typeof requestErrorBodySchema>;

/** True when the only reasons a subject failed are unknown country codes (API status 402). */
export function isOnlyUnknownCountry(error: z.ZodError): boolean {
  return (
    error.issues.length > 0 &&
    error.issues.every(
      (issue) =>
        issue.code === "custom" &&
        (issue as { params?: Record<string, unknown> }).params?.humanosStatus ===
          UNKNOWN_COUNTRY_PARAM.humanosStatus,
    )
  );
}

/** One human sentence per issue, prefixed with the field path (e.g. "identity.birth: …"). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}
