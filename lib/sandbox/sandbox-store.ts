/**
 * In-memory state of the embedded Humanos sandbox: users keyed by contact, each owning at most one
 * identity per country, and a reverse index so an identity can be owned by one user only.
 */
import { randomUUID } from "node:crypto";
import { type Identity, normaliseContact } from "@/lib/humanos/schemas";

export interface SandboxUser {
  did: string;
  /** The contact as first registered (spaces stripped, original case). */
  contact: string;
  internalId?: string;
  /** At most one per countryAlpha3, in the order they were added. */
  identities: Identity[];
}

/** What createUsers asks the store to write: everything but the DID, which the store mints. */
export interface SandboxUserDraft {
  contact: string;
  internalId?: string;
  identities: Identity[];
}

export interface SandboxStore {
  findByContact(contact: string): SandboxUser | undefined;
  findByDid(did: string): SandboxUser | undefined;
  /** internalId is only "recommended unique": the earliest user carrying it wins. */
  findByInternalId(internalId: string): SandboxUser | undefined;
  findIdentityOwner(countryAlpha3: string, docId: string): SandboxUser | undefined;
  /** Creates the user when the contact is new, otherwise replaces its data and keeps its DID. */
  upsert(draft: SandboxUserDraft): SandboxUser;
  readonly size: number;
  clear(): void;
}

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

/** Callers get copies so that nothing outside the store can change its state behind its back. */
function copyUser(user: SandboxUser): SandboxUser {
  return { ...user, identities: user.identities.map((identity) => ({ ...identity })) };
}

export function createSandboxStore(): SandboxStore {
  const usersByContact = new Map<string, SandboxUser>();
  const contactByDid = new Map<string, string>();
  const contactByIdentity = new Map<string, string>();

  const lookup = (key: string | undefined) => {
    const user = key === undefined ? undefined : usersByContact.get(key);
    return user ? copyUser(user) : undefined;
  };

  return {
    findByContact: (contact) => lookup(contactKey(contact)),
    findByDid: (did) => lookup(contactByDid.get(did)),
    findByInternalId(internalId) {
      for (const user of usersByContact.values()) {
        if (user.internalId === internalId) return copyUser(user);
      }
      return undefined;
    },
    findIdentityOwner: (countryAlpha3, docId) =>
      lookup(contactByIdentity.get(identityKey(countryAlpha3, docId))),
    upsert(draft) {
      const key = contactKey(draft.contact);
      const existing = usersByContact.get(key);
      for (const identity of existing?.identities ?? []) {
        contactByIdentity.delete(identityKey(identity.countryAlpha3, identity.docId));
      }
      const user: SandboxUser = {
        did: existing?.did ?? `did:via:humanos:user-${randomUUID()}`,
        contact: existing?.contact ?? normaliseContact(draft.contact),
        identities: draft.identities.map((identity) => ({ ...identity })),
      };
      if (draft.internalId !== undefined) user.internalId = draft.internalId;
      usersByContact.set(key, user);
      contactByDid.set(user.did, key);
      for (const identity of user.identities) {
        contactByIdentity.set(identityKey(identity.countryAlpha3, identity.docId), key);
      }
      return copyUser(user);
    },
    get size() {
      return usersByContact.size;
    },
    clear() {
      usersByContact.clear();
      contactByDid.clear();
      contactByIdentity.clear();
    },
  };
}

const GLOBAL_KEY = "__humanosSandboxStore";
type StoreHolder = typeof globalThis & { [GLOBAL_KEY]?: SandboxStore };

/** The route's store. Kept on globalThis because Next dev reloads re-evaluate modules. */
export function getSharedSandboxStore(): SandboxStore {
  const holder = globalThis as StoreHolder;
  holder[GLOBAL_KEY] ??= createSandboxStore();
  return holder[GLOBAL_KEY];
}
