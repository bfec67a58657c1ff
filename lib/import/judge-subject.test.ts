import { describe, expect, it } from "vitest";
import { subjectSchema } from "@/lib/humanos/schemas";
import type { GridField } from "./grid-fields";
import { type GridSubjectInput, judgeSubject, type SubjectJudgement } from "./judge-subject";
import { seededRandom } from "./pasted-text.test-support";

/** What subjectSchema.safeParse says of `input`, in judgeSubject's terms. */
function objectParse(input: GridSubjectInput): SubjectJudgement {
  const result = subjectSchema.safeParse(input);
  if (result.success) return { success: true, data: result.data };
  return {
    success: false,
    issues: result.error.issues.map((issue) => ({
      field: (issue.path[0] === "identity" ? issue.path[1] : issue.path[0]) as GridField,
      message: issue.message,
    })),
  };
}

const CONTACTS = ["ana@example.com", "+351912345678", "", "ana@", "+12", "ana @example.com", "912345678"];
const INTERNAL_IDS = [undefined, "emp-1", "x".repeat(200), "x".repeat(201), "  id  "];
const FULL_NAMES = ["Ana Silva", "", "   ", "x".repeat(200), "x".repeat(201), " Ana "];
const BIRTHS = ["1990-05-17", "2999-01-01", "1990-02-31", "", "17/05/1990", " 1990-05-17 ", "1990-5-17"];
const DOC_IDS = ["12345678", "12 345 678", "", "x".repeat(50), "x".repeat(51), "  "];
const COUNTRIES = ["PRT", "prt", "XXX", "PT", "", " PRT ", "ZZZ", "ESP"];

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T;
}

function randomInput(random: () => number): GridSubjectInput {
  const internalId = pick(random, INTERNAL_IDS);
  const input: GridSubjectInput = { contact: pick(random, CONTACTS) };
  if (internalId !== undefined) input.internalId = internalId;
  if (random() < 0.8) {
    input.identity = {
      fullName: pick(random, FULL_NAMES),
      birth: pick(random, BIRTHS),
      docId: pick(random, DOC_IDS),
      countryAlpha3: pick(random, COUNTRIES),
    };
  }
  return input;
}

describe("judgeSubject", () => {
  it.each([
    ["a valid row with an e-mail", { contact: "ana@example.com", internalId: "emp-1" }],
    [
      "a valid row with an identity",
      {
        contact: "+351912345678",
        identity: { fullName: "Ana", birth: "1990-05-17", docId: "1 2", countryAlpha3: "prt" },
      },
    ],
    [
      "an unknown country (the API's 402)",
      {
        contact: "ana@example.com",
        identity: { fullName: "Ana", birth: "1990-05-17", docId: "12", countryAlpha3: "XXX" },
      },
    ],
    [
      "a birth in the future and a name too long",
      {
        contact: "ana@example.com",
        identity: { fullName: "x".repeat(201), birth: "2999-01-01", docId: "12", countryAlpha3: "PRT" },
      },
    ],
    [
      "every cell wrong",
      {
        contact: "ana@",
        internalId: "x".repeat(201),
        identity: { fullName: "", birth: "1990-02-31", docId: "", countryAlpha3: "" },
      },
    ],
  ] satisfies Array<[string, GridSubjectInput]>)("says what the object parse says of %s", (_name, input) => {
    expect(judgeSubject(input)).toStrictEqual(objectParse(input));
  });

  it("says what the object parse says of 3,000 random rows, twice over (the second time from memory)", () => {
    const random = seededRandom(20261127);
    const inputs = Array.from({ length: 3000 }, () => randomInput(random));
    const disagreements = [...inputs, ...inputs].filter(
      (input) => JSON.stringify(judgeSubject(input)) !== JSON.stringify(objectParse(input)),
    );
    expect(disagreements).toEqual([]);
    // The random rows reach both verdicts, and every field's errors.
    const fields = new Set(inputs.flatMap((input) => judgeSubjectIssues(input)));
    expect(inputs.some((input) => judgeSubject(input).success)).toBe(true);
    expect([...fields].sort()).toEqual([
      "birth",
      "contact",
      "countryAlpha3",
      "docId",
      "fullName",
      "internalId",
    ]);
  });

  it("keeps the object parse's output keys, a given key kept even when parsed to undefined", () => {
    const result = judgeSubject({ contact: " ana@example.com ", internalId: "   " });
    expect(result).toStrictEqual(objectParse({ contact: " ana@example.com ", internalId: "   " }));
    expect(result.success && Object.keys(result.data)).toEqual(["contact", "internalId"]);
  });
});

function judgeSubjectIssues(input: GridSubjectInput): GridField[] {
  const judgement = judgeSubject(input);
  return judgement.success ? [] : judgement.issues.map((issue) => issue.field);
}
