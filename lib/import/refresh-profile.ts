/**
 * Keeping the column profile current after an edit without reading every row again: the grid's rows
 * are immutable, so the rows that changed are the ones between the longest common start and end of
 * the lists before and after. Pure, so the grid hook and its tests share it.
 */
import { sameDocIdDecisions, updateDocIdProfile } from "./detect-damage";
import type { GridCells } from "./grid-fields";
import { countDateEvidence, profileFromEvidence } from "./normalise-date";
import type { ColumnProfile } from "./normalise-rows";

/**
 * The rows that left and the rows that joined between two lists, as the span between their common
 * start and common end. Rows inside the span that did not change are in both halves and cancel out,
 * so counting `added` minus `removed` is exact for any change (it is only smallest when the change is
 * one place: an edit, a paste, a deleted range).
 */
export function changedSpan<T>(
  before: readonly T[],
  after: readonly T[],
): {
  removed: T[];
  added: T[];
  /** How many items both lists start with, and end with, in common. */
  commonStart: number;
  commonEnd: number;
} {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before[start] === after[start]) start += 1;
  let end = 0;
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end += 1;
  return {
    removed: before.slice(start, before.length - end),
    added: after.slice(start, after.length - end),
    commonStart: start,
    commonEnd: end,
  };
}

/**
 * What each item of `after` maps to, carried over by position from `values` (what each item of
 * `before` maps to) wherever the item is the same object, and looked up with `lookUp` elsewhere: an edit
 * in place asks only for the replaced items, an inserted or deleted range only for the inserted ones.
 */
export function carryOver<T, V>(
  before: readonly T[],
  values: readonly V[],
  after: readonly T[],
  lookUp: (item: T) => V,
): V[] {
  if (before.length === after.length) {
    const carried = values.slice();
    for (let index = 0; index < after.length; index += 1) {
      const item = after[index] as T;
      if (before[index] !== item) carried[index] = lookUp(item);
    }
    return carried;
  }
  const { added, commonStart, commonEnd } = changedSpan(before, after);
  return values
    .slice(0, commonStart)
    .concat(added.map(lookUp), values.slice(values.length - commonEnd, values.length));
}

export type ProfileRefresh =
  /** `keepVerdicts`: every verdict reached under the old profile holds under the new one. */
  | { kind: "updated"; profile: ColumnProfile; keepVerdicts: boolean }
  /** More rows changed than `limit`: profile them elsewhere (the grid's workers). */
  | { kind: "too-wide" };

/**
 * The profile of `rows`, from the profile of `profiledRows`. Only the rows that changed are read:
 * their document lengths and birth dates are taken away and added again (the birth evidence is
 * counted from `profiledRows` first when the profile does not carry it).
 */
export function refreshProfile(
  profile: ColumnProfile,
  profiledRows: readonly GridCells[],
  rows: readonly GridCells[],
  limit: number,
): ProfileRefresh {
  if (profiledRows === rows) return { kind: "updated", profile, keepVerdicts: true };
  const { removed, added } = changedSpan(profiledRows, rows);
  if (removed.length + added.length > limit) return { kind: "too-wide" };
  const docId = updateDocIdProfile(profile.docId, removed, added);
  const birthsOf = (changed: readonly GridCells[]) => changed.map((row) => row.birth);
  const before = profile.birthEvidence ?? countDateEvidence(birthsOf(profiledRows));
  const birthEvidence = countDateEvidence(birthsOf(added), countDateEvidence(birthsOf(removed), before, -1));
  const birth = profileFromEvidence(birthEvidence);
  return {
    kind: "updated",
    profile: { birth, docId, birthEvidence },
    keepVerdicts: birth === profile.birth && sameDocIdDecisions(profile.docId, docId),
  };
}
