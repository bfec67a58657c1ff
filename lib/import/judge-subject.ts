/**
 * The shared schema's verdict on a row the grid would send, cell by cell: each cell is parsed by its
 * own field's schema, taken from subjectSchema and identitySchema (the same rules, the same messages),
 * and a birth date or country already judged is not parsed again. The same verdict as
 * subjectSchema.safeParse of the row (judge-subject.test.ts checks it): the two objects add only
 * fields the grid never fills, and identity's one rule across fields is about fullDocId, which the
 * grid never sends. Half the time of the object parse per row in node (~2 against ~4 µs), where a
 * 100,000-row paste runs it for every row.
 */
import type { z } from "zod";
import { identitySchema, type Subject, subjectSchema, todayUtcIsoDate } from "@/lib/humanos/schemas";
import type { GridField } from "./grid-fields";

/** A row as the grid hands it to the schema: the grid's fields only. */
export interface GridSubjectInput {
  contact: string;
  internalId?: string;
  identity?: { fullName: string; birth: string; docId: string; countryAlpha3: string };
}

export interface SchemaIssue {
  field: GridField;
  message: string;
}

export type SubjectJudgement = { success: true; data: Subject } | { success: false; issues: SchemaIssue[] };

type FieldJudgement = { success: true; data: unknown } | { success: false; messages: string[] };

function judgeCell(schema: z.ZodType, value: unknown): FieldJudgement {
  const result = schema.safeParse(value);
  return result.success
    ? { success: true, data: result.data }
    : { success: false, messages: result.error.issues.map((issue) => issue.message) };
}

/** Judgements of a column's values, for columns of few distinct values; emptied when full. */
class JudgementMemo {
  private judgements = new Map<string, FieldJudgement>();
  private day = "";

  constructor(
    private readonly schema: z.ZodType,
    private readonly limit: number,
    /** The birth rule reads the clock (in the past = before today, UTC): a new day, new judgements. */
    private readonly readsTheDay: boolean,
  ) {}

  judge(value: string): FieldJudgement {
    if (this.readsTheDay) {
      const today = todayUtcIsoDate();
      if (today !== this.day) {
        this.judgements.clear();
        this.day = today;
      }
    }
    let judgement = this.judgements.get(value);
    if (judgement === undefined) {
      judgement = judgeCell(this.schema, value);
      if (this.judgements.size >= this.limit) this.judgements.clear();
      this.judgements.set(value, judgement);
    }
    return judgement;
  }
}

const { contact, internalId } = subjectSchema.shape;
const { fullName, birth, docId, countryAlpha3 } = identitySchema.shape;

/** A century of birth dates is ~36,500 values; countries are a few hundred. */
const births = new JudgementMemo(birth, 40_000, true);
const countries = new JudgementMemo(countryAlpha3, 1_000, false);

/** subjectSchema.safeParse(input), cell by cell (see the file's comment). */
export function judgeSubject(input: GridSubjectInput): SubjectJudgement {
  const issues: SchemaIssue[] = [];
  const data: Record<string, unknown> = {};
  const take = (field: GridField, judgement: FieldJudgement, into: Record<string, unknown>) => {
    // As the object parse does: a given key keeps its place in the output, even when parsed to undefined.
    if (judgement.success) {
      into[field] = judgement.data;
    } else {
      for (const message of judgement.messages) issues.push({ field, message });
    }
  };
  take("contact", judgeCell(contact, input.contact), data);
  if (input.internalId !== undefined) take("internalId", judgeCell(internalId, input.internalId), data);
  if (input.identity !== undefined) {
    const identity: Record<string, unknown> = {};
    take("fullName", judgeCell(fullName, input.identity.fullName), identity);
    take("birth", births.judge(input.identity.birth), identity);
    take("docId", judgeCell(docId, input.identity.docId), identity);
    take("countryAlpha3", countries.judge(input.identity.countryAlpha3), identity);
    data.identity = identity;
  }
  return issues.length > 0 ? { success: false, issues } : { success: true, data: data as Subject };
}
