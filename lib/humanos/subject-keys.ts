import { normaliseContact } from "./schemas";

/**
 * How Humanos tells whether two subjects are the same contact or carry the same identity: the
 * sandbox finds users by these keys, and the form flags repeats in one request with them.
 */

/**
 * Two spellings of one contact must meet in one user: spaces never count, and e-mail addresses are
 * case-insensitive in practice (phone numbers have no case, so lower-casing them is harmless).
 */
export function contactKey(contact: string): string {
  return normaliseContact(contact).toLowerCase();
}

export function identityKey(countryAlpha3: string, docId: string): string {
  return `${countryAlpha3.toUpperCase()}:${docId.replace(/\s+/g, "")}`;
}
