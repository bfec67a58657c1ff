import { beforeEach, describe, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/database.test-support";
import { createUsers, DID, emptySandboxStore } from "./sandbox.test-support";
import type { SandboxStore } from "./sandbox-store";

function identity(overrides: Record<string, unknown> = {}) {
  return {
    fullName: "John Doe",
    birth: "1990-01-01",
    docId: "1234567890",
    countryAlpha3: "PRT",
    ...overrides,
  };
}

async function createOne(store: SandboxStore, item: unknown) {
  const [feedback] = await createUsers(store, [item]);
  if (!feedback) throw new Error("createUsers returned no feedback");
  return feedback;
}

describeEachDatabase("createUsers", (use) => {
  let store: SandboxStore;
  let aliceDid: string;

  beforeEach(async () => {
    store = await emptySandboxStore(use());
    await createUsers(store, [
      { contact: "owner@example.com", internalId: "int-owner", identity: identity({ docId: "1111" }) },
      { contact: "alice@example.com", internalId: "int-alice", identity: identity({ docId: "2222" }) },
    ]);
    aliceDid = (await store.findByContact("alice@example.com"))?.did ?? "";
  });

  const alice = (extra: Record<string, unknown> = {}) => ({ contact: "alice@example.com", ...extra });
  const bob = (identityOverrides: Record<string, unknown>) => ({
    contact: "bob@example.com",
    identity: identity(identityOverrides),
  });
  const CREATED = [200, "User created"] as const;
  const UPDATED = [200, "User updated"] as const;
  const SAME = [201, "User already up to date"] as const;
  const NOT_CONTACT = "contact: Not a valid e-mail address or phone number";
  const NO_CONTACT = "contact: Enter an e-mail address or a phone number";
  const NO_PLUS = "contact: A phone number must be + and the country code, then digits (e.g. +351912345678)";
  const OWNED = "Duplicate identity: PRT 1111 belongs to another user";

  describe("one subject against a seeded store", () => {
    it.each([
      ["200 new contact", { contact: "new@example.com", internalId: "n-1" }, CREATED, "n-1"],
      [
        "200 new contact with identity",
        { contact: "+351912345678", identity: identity({ docId: "9" }) },
        CREATED,
        null,
      ],
      ["200 new internalId", alice({ internalId: "int-alice-2" }), UPDATED, "int-alice-2"],
      [
        "200 identity for a new country",
        alice({ identity: identity({ docId: "5", countryAlpha3: "USA" }) }),
        UPDATED,
        "int-alice",
      ],
      [
        "200 same docId, new details",
        alice({ identity: identity({ docId: "2222", fullName: "Al" }) }),
        UPDATED,
        "int-alice",
      ],
      [
        "200 same docId, another country",
        alice({ identity: identity({ docId: "1111", countryAlpha3: "ESP" }) }),
        UPDATED,
        "int-alice",
      ],
      [
        "201 same data",
        alice({ internalId: "int-alice", identity: identity({ docId: "2222" }) }),
        SAME,
        "int-alice",
      ],
      ["201 internalId omitted keeps it", alice(), SAME, "int-alice"],
      [
        "201 other spelling",
        { contact: " ALICE@Example.com ", identity: identity({ docId: "22 22", countryAlpha3: "prt" }) },
        SAME,
        "int-alice",
      ],
    ])("%s", async (_name, item, [status, message], internalId) => {
      const feedback = await createOne(store, item);
      const contact = item.contact.replace(/\s+/g, "");
      expect(feedback).toEqual({
        status,
        message,
        user: { contact, did: expect.stringMatching(DID), internalId },
      });
    });

    it.each([
      ["400 invalid contact", { contact: "not a contact" }, 400, NOT_CONTACT, "notacontact"],
      ["400 phone without +", { contact: "351912345678" }, 400, NO_PLUS, "351912345678"],
      ["400 missing contact", { internalId: "x" }, 400, NO_CONTACT, ""],
      ["400 contact not a string", { contact: 351912345678 }, 400, NO_CONTACT, ""],
      [
        "400 item not an object",
        "bob@example.com",
        400,
        "Invalid input: expected object, received string",
        "",
      ],
      [
        "400 partial identity",
        { contact: "bob@example.com", identity: { fullName: "Bob", countryAlpha3: "PRT" } },
        400,
        "identity.birth: Date of birth is required; identity.docId: Document number is required",
        "bob@example.com",
      ],
      [
        "400 birth in the future",
        bob({ birth: "2999-01-01" }),
        400,
        "identity.birth: Date of birth must be in the past",
        "bob@example.com",
      ],
      [
        "400 unknown country plus another problem",
        bob({ countryAlpha3: "XYZ", fullName: "" }),
        400,
        "identity.fullName: Full name is required; identity.countryAlpha3: Unknown country code XYZ: use ISO 3166-1 alpha-3, e.g. PRT",
        "bob@example.com",
      ],
      [
        "402 unknown alpha-3",
        bob({ countryAlpha3: "XYZ" }),
        402,
        "Invalid identity: unknown countryAlpha3 XYZ",
        "bob@example.com",
      ],
      [
        "402 unknown alpha-3, lower case",
        bob({ countryAlpha3: "zzz" }),
        402,
        "Invalid identity: unknown countryAlpha3 ZZZ",
        "bob@example.com",
      ],
      ["409 identity owned by another user", bob({ docId: "1111" }), 409, OWNED, "bob@example.com"],
      [
        "409 owned identity, existing user",
        alice({ identity: identity({ docId: "1 111" }) }),
        409,
        OWNED,
        "alice@example.com",
      ],
      [
        "410 different identity for a held country",
        alice({ identity: identity({ docId: "3333" }) }),
        410,
        "Duplicate identity: this user already has an identity with countryAlpha3 PRT",
        "alice@example.com",
      ],
    ])("%s", async (_name, item, status, message, contact) => {
      expect(await createOne(store, item)).toEqual({ status, message, user: { contact } });
    });

    it.each([
      ["409", { contact: "bob@example.com", internalId: "b", identity: identity({ docId: "1111" }) }],
      ["410", { contact: "alice@example.com", internalId: "changed", identity: identity({ docId: "3333" }) }],
    ])("a %s changes nothing", async (_status, item) => {
      await createOne(store, item);
      expect(await store.count()).toBe(2);
      expect(await store.findByContact("bob@example.com")).toBeUndefined();
      expect(await store.findByContact("alice@example.com")).toMatchObject({
        did: aliceDid,
        internalId: "int-alice",
        identities: [{ countryAlpha3: "PRT", docId: "2222" }],
      });
      expect(await store.findIdentityOwner("PRT", "3333")).toBeUndefined();
    });
  });

  describe("repeats inside one call", () => {
    it.each([
      {
        name: "407 on every occurrence of a contact, whatever its spelling",
        items: [
          { contact: "dup@example.com" },
          { contact: "solo@example.com" },
          { contact: " DUP@example.com" },
        ],
        statuses: [407, 200, 407],
      },
      {
        name: "408 on every occurrence of an identity",
        items: [
          { contact: "a@example.com", identity: identity({ docId: "77" }) },
          { contact: "b@example.com", identity: identity({ docId: "7 7", countryAlpha3: "prt" }) },
          { contact: "c@example.com", identity: identity({ docId: "77", countryAlpha3: "ESP" }) },
        ],
        statuses: [408, 408, 200],
      },
      {
        name: "a 407 subject does not count towards 408",
        items: [
          { contact: "x@example.com", identity: identity({ docId: "88" }) },
          { contact: "x@example.com", identity: identity({ docId: "99" }) },
          { contact: "y@example.com", identity: identity({ docId: "88" }) },
        ],
        statuses: [407, 407, 200],
      },
      {
        name: "an invalid subject does not count towards 407",
        items: [{ contact: "z@example.com", identity: { docId: "1" } }, { contact: "z@example.com" }],
        statuses: [400, 200],
      },
    ])("$name", async ({ items, statuses }) => {
      const feedback = await createUsers(store, items);
      expect(feedback.map((item) => item.status)).toEqual(statuses);
    });

    it("names the repeated contact and identity", async () => {
      const [contactRepeat] = await createUsers(store, [
        { contact: "d@example.com" },
        { contact: "d@example.com" },
      ]);
      expect(contactRepeat).toEqual({
        status: 407,
        message: "Contact d@example.com appears more than once in this request",
        user: { contact: "d@example.com" },
      });
      const [identityRepeat] = await createUsers(store, [
        { contact: "e@example.com", identity: identity({ docId: "55" }) },
        { contact: "f@example.com", identity: identity({ docId: "55" }) },
      ]);
      expect(identityRepeat).toEqual({
        status: 408,
        message: "Identity PRT 55 appears more than once in this request",
        user: { contact: "e@example.com" },
      });
      expect(await store.findByContact("d@example.com")).toBeUndefined();
      expect(await store.findIdentityOwner("PRT", "55")).toBeUndefined();
    });
  });

  describe("identity of users across calls", () => {
    it("keeps one DID per contact and mints a new one per new contact", async () => {
      const first = await createOne(store, { contact: "carol@example.com", internalId: "c-1" });
      const second = await createOne(store, { contact: "Carol@Example.com", internalId: "c-2" });
      const third = await createOne(store, { contact: "carol@example.com" });
      const other = await createOne(store, { contact: "dave@example.com" });
      expect(first.user?.did).toMatch(DID);
      expect([second.status, third.status]).toEqual([200, 201]);
      expect(second.user?.did).toBe(first.user?.did);
      expect(third.user).toEqual({ contact: "carol@example.com", did: first.user?.did, internalId: "c-2" });
      expect(other.user?.did).toMatch(DID);
      expect(other.user?.did).not.toBe(first.user?.did);
      expect((await createOne(store, { contact: "alice@example.com" })).user?.did).toBe(aliceDid);
    });

    it("strips spaces from contacts and stores them that way", async () => {
      const feedback = await createOne(store, { contact: "+351 912 345 678" });
      expect(feedback).toMatchObject({ status: 200, user: { contact: "+351912345678" } });
      expect((await store.findByContact("+351912345678"))?.contact).toBe("+351912345678");
      expect((await createOne(store, { contact: "+3519123 45678" })).status).toBe(201);
    });

    it("answers one feedback per subject, in order", async () => {
      const items = [{ contact: "bad" }, { contact: "g@example.com" }, { contact: "alice@example.com" }];
      const feedback = await createUsers(store, items);
      expect(feedback.map((item) => [item.status, item.user?.contact])).toEqual([
        [400, "bad"],
        [200, "g@example.com"],
        [201, "alice@example.com"],
      ]);
    });
  });
});
