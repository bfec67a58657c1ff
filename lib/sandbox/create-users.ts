/**
 * The sandbox's Create User rules: one feedback per subject, in request order. Validation and
 * in-request duplicates are judged on the whole call before any subject touches the state; the
 * surviving subjects are then applied one after another to a snapshot of the users they can touch.
 */
import {
  describeIssues,
  type Feedback,
  type Identity,
  isOnlyUnknownCountry,
  normaliseContact,
  type Subject,
  subjectSchema,
} from "@/lib/humanos/schemas";
import { contactKey, identityKey, type SandboxSnapshot } from "./sandbox-snapshot";
import type { SandboxCall } from "./sandbox-store";

type Verdict = { kind: "failed"; feedback: Feedback } | { kind: "parsed"; subject: Subject };

function failure(status: number, message: string, contact: string): Feedback {
  return { status, message, user: { contact } };
}

/** A failed item still echoes its contact, as sent but without spaces, so the caller can match it. */
function rawContact(item: unknown): string {
  if (typeof item !== "object" || item === null || !("contact" in item)) return "";
  return typeof item.contact === "string" ? normaliseContact(item.contact) : "";
}

function parseItem(item: unknown): Verdict {
  const parsed = subjectSchema.safeParse(item);
  if (parsed.success) return { kind: "parsed", subject: parsed.data };
  const contact = rawContact(item);
  if (isOnlyUnknownCountry(parsed.error)) {
    const identity = (item as { identity?: { countryAlpha3?: unknown } }).identity;
    const code = String(identity?.countryAlpha3 ?? "")
      .trim()
      .toUpperCase();
    return {
      kind: "failed",
      feedback: failure(402, `Invalid identity: unknown countryAlpha3 ${code}`, contact),
    };
  }
  return { kind: "failed", feedback: failure(400, describeIssues(parsed.error), contact) };
}

function countBy<T>(values: readonly T[], keyOf: (value: T) => string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) {
    const key = keyOf(value);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function subjectIdentityKey(subject: Subject): string | undefined {
  return subject.identity ? identityKey(subject.identity.countryAlpha3, subject.identity.docId) : undefined;
}

/** 407 before 408: a subject already rejected for its contact does not count towards identity repeats. */
function rejectRepeats(verdicts: Verdict[]): Verdict[] {
  const parsedSubjects = verdicts.flatMap((verdict) => (verdict.kind === "parsed" ? [verdict.subject] : []));
  const contactCounts = countBy(parsedSubjects, (subject) => contactKey(subject.contact));
  const afterContacts = verdicts.map((verdict): Verdict => {
    if (verdict.kind !== "parsed" || (contactCounts.get(contactKey(verdict.subject.contact)) ?? 0) < 2) {
      return verdict;
    }
    const { contact } = verdict.subject;
    const message = `Contact ${contact} appears more than once in this request`;
    return { kind: "failed", feedback: failure(407, message, contact) };
  });

  const stillParsed = afterContacts.flatMap((verdict) =>
    verdict.kind === "parsed" ? [verdict.subject] : [],
  );
  const identityCounts = countBy(stillParsed, subjectIdentityKey);
  return afterContacts.map((verdict): Verdict => {
    if (verdict.kind !== "parsed" || !verdict.subject.identity) return verdict;
    const key = subjectIdentityKey(verdict.subject);
    if (key === undefined || (identityCounts.get(key) ?? 0) < 2) return verdict;
    const { countryAlpha3, docId } = verdict.subject.identity;
    const message = `Identity ${countryAlpha3} ${docId} appears more than once in this request`;
    return { kind: "failed", feedback: failure(408, message, verdict.subject.contact) };
  });
}

/** Compares the normalised fields only: zod drops unknown keys and blank optionals become undefined. */
function sameIdentity(a: Identity, b: Identity): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof Identity)[]);
  return [...keys].every((key) => a[key] === b[key]);
}

/** Applies one validated, non-repeated subject to the snapshot. */
function applySubject(snapshot: SandboxSnapshot, subject: Subject): Feedback {
  const { contact, identity } = subject;
  const existing = snapshot.findByContact(contact);

  if (identity) {
    const owner = snapshot.findIdentityOwner(identity.countryAlpha3, identity.docId);
    if (owner && owner.did !== existing?.did) {
      const message = `Duplicate identity: ${identity.countryAlpha3} ${identity.docId} belongs to another user`;
      return failure(409, message, contact);
    }
    const sameCountry = existing?.identities.find((held) => held.countryAlpha3 === identity.countryAlpha3);
    if (sameCountry && sameCountry.docId !== identity.docId) {
      const message = `Duplicate identity: this user already has an identity with countryAlpha3 ${identity.countryAlpha3}`;
      return failure(410, message, contact);
    }
  }

  // An omitted internalId means "keep what is stored", never "erase it".
  const internalId = subject.internalId ?? existing?.internalId;
  const held = existing?.identities ?? [];
  const previous = identity && held.find((candidate) => candidate.countryAlpha3 === identity.countryAlpha3);
  const identityUnchanged = !identity || (previous !== undefined && sameIdentity(previous, identity));

  if (existing && internalId === existing.internalId && identityUnchanged) {
    return { status: 201, message: "User already up to date", user: userOf(contact, existing) };
  }

  // A changed identity keeps its place, so lookups list identities in the order they were first added.
  const identities = !identity
    ? held
    : previous
      ? held.map((candidate) => (candidate === previous ? identity : candidate))
      : [...held, identity];
  const saved = snapshot.upsert({ contact, internalId, identities });
  return { status: 200, message: existing ? "User updated" : "User created", user: userOf(contact, saved) };
}

function userOf(contact: string, user: { did: string; internalId?: string }): Feedback["user"] {
  return { contact, did: user.did, internalId: user.internalId ?? null };
}

/** A call judged as a whole, before any state is read: each item parsed, repeats rejected. */
export interface JudgedCall {
  verdicts: readonly Verdict[];
}

/** Pure, so it runs before the call takes the sandbox's lock and the lock is held only for the state. */
export function judgeCall(items: readonly unknown[]): JudgedCall {
  return { verdicts: rejectRepeats(items.map(parseItem)) };
}

function subjectsToApply(verdicts: readonly Verdict[]): Subject[] {
  return verdicts.flatMap((verdict) => (verdict.kind === "parsed" ? [verdict.subject] : []));
}

function applyVerdicts(snapshot: SandboxSnapshot, verdicts: readonly Verdict[]): Feedback[] {
  return verdicts.map((verdict) =>
    verdict.kind === "failed" ? verdict.feedback : applySubject(snapshot, verdict.subject),
  );
}

/** Loads what the call can touch, applies the rules in request order, and queues what changed. */
export async function createUsersInCall(call: SandboxCall, { verdicts }: JudgedCall): Promise<Feedback[]> {
  const snapshot = await call.loadSnapshot(subjectsToApply(verdicts));
  const feedback = applyVerdicts(snapshot, verdicts);
  call.saveChanges(snapshot);
  return feedback;
}
