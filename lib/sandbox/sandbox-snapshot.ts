/**
 * One call's working set of sandbox users: the users a call can touch, loaded from the database
 * before the rules run. The rules in create-users.ts are synchronous and see subjects applied one
 * after another; the snapshot gives them that view and remembers what changed, so the store can
 * write every change of the call at once.
 */
import { type Identity, normaliseContact } from "@/lib/humanos/schemas";
import { contactKey, identityKey } from "@/lib/humanos/subject-keys";

export { contactKey, identityKey };

export interface SandboxUser {
  did: string;
  /** The contact as first registered (spaces stripped, original case). */
  contact: string;
  internalId?: string;
  /** At most one per countryAlpha3, in the order they were added. */
  identities: Identity[];
}

/** What the rules ask the snapshot to write: everything but the DID, which is minted once per contact. */
export interface SandboxUserDraft {
  contact: string;
  internalId?: string;
  identities: Identity[];
}

/** What the rules may ask of the state: it answers from memory, so it can be synchronous. */
export interface SandboxSnapshot {
  findByContact(contact: string): SandboxUser | undefined;
  findIdentityOwner(countryAlpha3: string, docId: string): SandboxUser | undefined;
  /** Creates the user when the contact is new, otherwise replaces its data and keeps its DID. */
  upsert(draft: SandboxUserDraft): SandboxUser;
}

/** A user the call created or changed: `before` is undefined for a new user. */
export interface UserChange {
  contactKey: string;
  before?: SandboxUser;
  after: SandboxUser;
}

export interface WorkingSnapshot extends SandboxSnapshot {
  /** Every user the call created or changed, in the order first touched. */
  changes(): UserChange[];
}

export function identityKeysOf(user: Pick<SandboxUser, "identities"> | undefined): string[] {
  return (user?.identities ?? []).map((identity) => identityKey(identity.countryAlpha3, identity.docId));
}

/** Callers get copies so that nothing outside the snapshot can change its state behind its back. */
function copyUser(user: SandboxUser): SandboxUser {
  return { ...user, identities: user.identities.map((identity) => ({ ...identity })) };
}

/** `loaded` must hold every user the call can touch: those of its contacts and of its identities. */
export function createSnapshot(loaded: readonly SandboxUser[], mintDid: () => string): WorkingSnapshot {
  const usersByContact = new Map<string, SandboxUser>();
  const contactByIdentity = new Map<string, string>();
  const before = new Map<string, SandboxUser | undefined>();

  const index = (key: string, user: SandboxUser) => {
    usersByContact.set(key, user);
    for (const heldKey of identityKeysOf(user)) contactByIdentity.set(heldKey, key);
  };
  for (const user of loaded) index(contactKey(user.contact), copyUser(user));

  const lookup = (key: string | undefined) => {
    const user = key === undefined ? undefined : usersByContact.get(key);
    return user ? copyUser(user) : undefined;
  };

  return {
    findByContact: (contact) => lookup(contactKey(contact)),
    findIdentityOwner: (countryAlpha3, docId) =>
      lookup(contactByIdentity.get(identityKey(countryAlpha3, docId))),
    upsert(draft) {
      const key = contactKey(draft.contact);
      const existing = usersByContact.get(key);
      if (!before.has(key)) before.set(key, existing && copyUser(existing));
      for (const heldKey of identityKeysOf(existing)) contactByIdentity.delete(heldKey);
      const user: SandboxUser = {
        did: existing?.did ?? mintDid(),
        contact: existing?.contact ?? normaliseContact(draft.contact),
        identities: draft.identities.map((identity) => ({ ...identity })),
      };
      if (draft.internalId !== undefined) user.internalId = draft.internalId;
      index(key, user);
      return copyUser(user);
    },
    changes() {
      return [...before].flatMap(([key, previous]) => {
        const after = usersByContact.get(key);
        if (!after) return [];
        const change: UserChange = { contactKey: key, after: copyUser(after) };
        if (previous) change.before = previous;
        return [change];
      });
    },
  };
}
