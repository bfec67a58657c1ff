import type { Subject } from "./schemas";
import { contactKey, identityKey } from "./subject-keys";

/**
 * Where a list of subjects repeats what Humanos refuses twice in one request: a contact (407) or an
 * identity, country and document (408), compared as the API compares them (subject-keys.ts). A subject whose contact repeats is not counted for identities, as the API does.
 */
export interface RepeatInRequest {
  index: number;
  path: ["contact"] | ["identity", "docId"];
  message: string;
}

export function repeatsInRequest(subjects: readonly Subject[]): RepeatInRequest[] {
  const repeats: RepeatInRequest[] = [];
  const contactRepeated = markRepeats(
    subjects.map((subject) => contactKey(subject.contact)),
    (index, others) =>
      repeats.push({
        index,
        path: ["contact"],
        message: `The same contact as ${subjectList(others)}: Humanos refuses a contact twice in one request (407)`,
      }),
  );
  markRepeats(
    subjects.map((subject, index) =>
      subject.identity && !contactRepeated.has(index)
        ? identityKey(subject.identity.countryAlpha3, subject.identity.docId)
        : "",
    ),
    (index, others) =>
      repeats.push({
        index,
        path: ["identity", "docId"],
        message: `The same document and country as ${subjectList(others)}: Humanos refuses an identity twice in one request (408)`,
      }),
  );
  return repeats.sort((a, b) => a.index - b.index);
}

/** Calls `report` for every position whose key ("" = none) occurs elsewhere; returns those positions. */
function markRepeats(
  keys: readonly string[],
  report: (index: number, others: number[]) => void,
): Set<number> {
  const positions = new Map<string, number[]>();
  keys.forEach((key, index) => {
    if (key !== "") positions.set(key, [...(positions.get(key) ?? []), index]);
  });
  const repeated = new Set<number>();
  for (const indices of positions.values()) {
    if (indices.length < 2) continue;
    for (const index of indices) {
      repeated.add(index);
      report(
        index,
        indices.filter((other) => other !== index),
      );
    }
  }
  return repeated;
}

function subjectList(indices: readonly number[]): string {
  const numbers = indices.map((index) => String(index + 1));
  return numbers.length === 1
    ? `subject ${numbers[0]}`
    : `subjects ${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
}
