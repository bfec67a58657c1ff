import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "@/lib/db/database";
import { describeEachDatabase } from "@/lib/db/database.test-support";
import { createUsers, DID, emptySandboxStore } from "./sandbox.test-support";
import { beginCallQuery, callWrites, loadUsersQuery } from "./sandbox-queries";
import { createSnapshot } from "./sandbox-snapshot";
import { createSandboxStore, mintSandboxDid, SANDBOX_LOCK_ID, type SandboxStore } from "./sandbox-store";

function identity(countryAlpha3: string, docId: string) {
  return { fullName: "Ana Lima", birth: "1990-01-01", docId, countryAlpha3 };
}

const COUNTRIES = ["PRT", "ESP", "FRA", "DEU", "ITA", "GBR", "USA", "BRA", "NLD", "BEL"];

describeEachDatabase("sandbox store", (use) => {
  let store: SandboxStore;
  beforeEach(async () => {
    store = await emptySandboxStore(use());
  });

  it("loses no update when concurrent calls touch the same contact", async () => {
    const feedback = await Promise.all(
      COUNTRIES.map((country, index) =>
        createUsers(store, [{ contact: "ana@example.com", identity: identity(country, `D${index}`) }]),
      ),
    );
    const items = feedback.flat();
    expect(items.filter((item) => item.message === "User created")).toHaveLength(1);
    expect(items.filter((item) => item.message === "User updated")).toHaveLength(COUNTRIES.length - 1);
    expect(new Set(items.map((item) => item.user?.did)).size).toBe(1);
    const ana = await store.findByContact("ana@example.com");
    expect(ana?.identities.map((held) => held.countryAlpha3).sort()).toEqual([...COUNTRIES].sort());
    for (const [index, country] of COUNTRIES.entries()) {
      expect((await store.findIdentityOwner(country, `D${index}`))?.did).toBe(ana?.did);
    }
  });

  it("gives a contested identity to one user only when calls race for it", async () => {
    const feedback = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        createUsers(store, [{ contact: `racer${index}@example.com`, identity: identity("PRT", "4242") }]),
      ),
    );
    const statuses = feedback.flat().map((item) => item.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(7);
    expect(await store.count()).toBe(1);
  });

  it("writes a chunk of 100 in one call and reads it back", async () => {
    const subjects = Array.from({ length: 100 }, (_, index) => ({
      contact: `user${index}@example.com`,
      internalId: `int-${index}`,
      identity: identity(COUNTRIES[index % COUNTRIES.length] ?? "PRT", `N${index}`),
    }));
    const feedback = await createUsers(store, subjects);
    expect(feedback.map((item) => item.status)).toEqual(subjects.map(() => 200));
    expect(await store.count()).toBe(100);
    const user42 = await store.findByInternalId("int-42");
    expect(user42).toEqual({
      did: feedback[42]?.user?.did,
      contact: "user42@example.com",
      internalId: "int-42",
      identities: [subjects[42]?.identity],
    });
    expect(await store.findByDid(user42?.did ?? "")).toEqual(user42);
    expect((await store.findIdentityOwner("GBR", "N45"))?.contact).toBe("user45@example.com");
  });

  it("finds the earliest user when an internalId is not unique", async () => {
    const [first] = await createUsers(store, [{ contact: "first@example.com", internalId: "shared" }]);
    await createUsers(store, [{ contact: "second@example.com", internalId: "shared" }]);
    await createUsers(store, [{ contact: "first@example.com", internalId: "shared" }]);
    expect((await store.findByInternalId("shared"))?.did).toBe(first?.user?.did);
  });

  it("moves an identity from one user to another, and drops one, within one call", async () => {
    await createUsers(store, [
      { contact: "old@example.com", identity: identity("PRT", "1") },
      { contact: "new@example.com" },
      { contact: "gone@example.com", identity: identity("DEU", "5") },
    ]);
    // The rules never move an identity today; the store must still save such a change correctly.
    await store.runSerialised(async (call) => {
      const snapshot = await call.loadSnapshot([
        { contact: "old@example.com" },
        { contact: "new@example.com", identity: identity("PRT", "1") },
        { contact: "gone@example.com" },
      ]);
      snapshot.upsert({ contact: "old@example.com", identities: [identity("ESP", "9")] });
      snapshot.upsert({ contact: "gone@example.com", identities: [] });
      snapshot.upsert({ contact: "new@example.com", identities: [identity("PRT", "1")] });
      call.saveChanges(snapshot);
    });
    expect((await store.findIdentityOwner("PRT", "1"))?.contact).toBe("new@example.com");
    expect((await store.findIdentityOwner("ESP", "9"))?.contact).toBe("old@example.com");
    expect(await store.findIdentityOwner("DEU", "5")).toBeUndefined();
  });

  it("loads a user found by contact and by identity once, and the owner of an identity by it", async () => {
    await createUsers(store, [
      { contact: "ana@example.com", identity: identity("PRT", "1") },
      { contact: "bea@example.com", identity: identity("ESP", "2") },
    ]);
    const loaded = await store.runSerialised(async (call) => {
      const snapshot = await call.loadSnapshot([
        { contact: "ANA@example.com", identity: identity("PRT", "1") },
        { contact: "carl@example.com", identity: identity("ESP", "2") },
      ]);
      return {
        ana: snapshot.findByContact("ana@example.com")?.contact,
        owner: snapshot.findIdentityOwner("ESP", "2")?.contact,
      };
    });
    expect(loaded).toEqual({ ana: "ana@example.com", owner: "bea@example.com" });
  });

  it("loads a call's users through the keys' indexes, whatever the number of users stored", async () => {
    await use().exec(`
      INSERT INTO sandbox_users (contact_key, did, contact)
        SELECT 'u' || n || '@x.io', 'did:' || n, 'u' || n || '@x.io' FROM generate_series(1, 10000) n;
      INSERT INTO sandbox_identities (identity_key, contact_key)
        SELECT 'PRT:' || n, 'u' || n || '@x.io' FROM generate_series(1, 10000) n;`);
    const keys = (prefix: string, suffix = "") =>
      Array.from({ length: 100 }, (_, index) => `${prefix}${index * 97 + 1}${suffix}`);
    const query = loadUsersQuery(keys("u", "@x.io"), keys("PRT:"));
    const { plan, rows } = await use().db.transaction(async (tx) => {
      await tx.execute(beginCallQuery(SANDBOX_LOCK_ID));
      const [explained] = await queryRows<{ "QUERY PLAN": unknown }>(tx, sql`EXPLAIN (FORMAT JSON) ${query}`);
      return {
        plan: JSON.stringify(explained?.["QUERY PLAN"]),
        rows: await queryRows<{ contact: string }>(tx, query),
      };
    });
    // A scan grows with the table: hashing every user cost ~12 ms per call at 10,000 users on PGlite.
    expect(plan).not.toMatch(/"Seq Scan"/);
    expect(rows.map((row) => row.contact).sort()).toEqual(keys("u", "@x.io").sort());
  });

  it("applies nothing when the call's work fails", async () => {
    await expect(
      store.runSerialised(async (call) => {
        const snapshot = await call.loadSnapshot([{ contact: "ghost@example.com" }]);
        snapshot.upsert({ contact: "ghost@example.com", identities: [] });
        call.saveChanges(snapshot);
        throw new Error("rules failed");
      }),
    ).rejects.toThrow("rules failed");
    expect(await store.count()).toBe(0);
  });
});

describe("sandbox state on a PGlite data folder", () => {
  it("survives a reopen: users, identities and stored answers", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "sandbox-store-"));
    try {
      const first = await openDatabase({ kind: "pglite", dataDir });
      const before = createSandboxStore(first.db);
      const [created] = await createUsers(before, [
        { contact: "kept@example.com", internalId: "k-1", identity: identity("PRT", "77") },
      ]);
      await before.runSerialised(async (call) => {
        call.saveAnswer({ idempotencyKey: "chunk-1", bodyHash: "h", status: 200, body: "[1]" });
      });
      await first.close();

      const second = await openDatabase({ kind: "pglite", dataDir });
      const after = createSandboxStore(second.db);
      expect(await after.findByContact("kept@example.com")).toMatchObject({ did: created?.user?.did });
      expect((await after.findIdentityOwner("PRT", "77"))?.contact).toBe("kept@example.com");
      expect(await after.runSerialised((call) => call.findAnswer("chunk-1"))).toEqual({
        idempotencyKey: "chunk-1",
        bodyHash: "h",
        status: 200,
        body: "[1]",
      });
      const [again] = await createUsers(after, [
        { contact: "kept@example.com", internalId: "k-1", identity: identity("PRT", "77") },
      ]);
      expect(again).toMatchObject({ status: 201, user: { did: created?.user?.did } });
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("callWrites", () => {
  const user = (contact: string, ...identities: ReturnType<typeof identity>[]) => ({
    did: `did:${contact}`,
    contact,
    identities,
  });

  it("inserts new users and identity keys, and updates only those it loaded", () => {
    const snapshot = createSnapshot(
      [user("a@x.io", identity("PRT", "1"), identity("ESP", "2")), user("b@x.io")],
      mintSandboxDid,
    );
    snapshot.upsert({ contact: "a@x.io", identities: [identity("ESP", "2"), identity("FRA", "3")] });
    snapshot.upsert({ contact: "b@x.io", identities: [identity("PRT", "1")] });
    snapshot.upsert({ contact: "c@x.io", identities: [identity("DEU", "4")] });
    const writes = callWrites(snapshot.changes(), []);
    expect(writes.released).toEqual([]);
    expect(writes.claimed).toEqual([
      { identity_key: "FRA:3", contact_key: "a@x.io" },
      { identity_key: "DEU:4", contact_key: "c@x.io" },
    ]);
    expect(writes.moved).toEqual([{ identity_key: "PRT:1", contact_key: "b@x.io" }]);
    expect(writes.updated.map((row) => [row.contact_key, row.did])).toEqual([
      ["a@x.io", "did:a@x.io"],
      ["b@x.io", "did:b@x.io"],
    ]);
    expect(writes.created.map((row) => [row.contact_key, row.did])).toEqual([
      ["c@x.io", expect.stringMatching(DID)],
    ]);
  });

  it("releases an identity nobody holds any more", () => {
    const snapshot = createSnapshot([user("a@x.io", identity("PRT", "1"))], mintSandboxDid);
    snapshot.upsert({ contact: "a@x.io", identities: [] });
    expect(callWrites(snapshot.changes(), [])).toMatchObject({ released: ["PRT:1"], claimed: [], moved: [] });
  });
});

describe("mintSandboxDid", () => {
  it("mints UUIDv7 DIDs that sort in the order they were minted", () => {
    const dids = Array.from({ length: 10_000 }, mintSandboxDid);
    for (const did of dids.slice(0, 100)) expect(did).toMatch(DID);
    expect(new Set(dids).size).toBe(dids.length);
    expect([...dids].sort()).toEqual(dids);
  });
});
