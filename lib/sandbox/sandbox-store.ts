/**
 * The sandbox's state in the console's database, so it survives restarts and is shared by every
 * console instance on one PostgreSQL. A call works on a snapshot: one set-based read loads every
 * user it can touch, the synchronous rules run in memory, and one statement of multi-row upserts
 * saves what changed — a chunk of 100 subjects costs a handful of round trips, not hundreds.
 */
import { randomUUID } from "node:crypto";
import { count, eq, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/database";
import { sandboxIdempotency, sandboxIdentities, sandboxUsers } from "@/lib/db/schema";
import type { Identity, Subject } from "@/lib/humanos/schemas";
import { beginCallQuery, callWrites, loadUsersQuery, writeCallQuery } from "./sandbox-queries";
import {
  contactKey,
  createSnapshot,
  identityKey,
  type SandboxUser,
  type WorkingSnapshot,
} from "./sandbox-snapshot";

export { contactKey, identityKey, type SandboxUser };

/** A completed request, kept under its Idempotency-Key so a repeat gets the very same answer. */
export interface StoredAnswer {
  idempotencyKey: string;
  /** sha256 of the request body, hex. */
  bodyHash: string;
  status: number;
  /** The exact text that was sent. */
  body: string;
}

/**
 * What one serialised call may do. Reads run at once; writes are queued and applied together, in one
 * statement, when the call's work ends — so a call never reads its own writes (none needs to).
 */
export interface SandboxCall {
  findAnswer(idempotencyKey: string): Promise<StoredAnswer | undefined>;
  /** Every stored user the subjects can touch: those with their contacts and the owners of their identities. */
  loadSnapshot(subjects: readonly Pick<Subject, "contact" | "identity">[]): Promise<WorkingSnapshot>;
  saveChanges(snapshot: WorkingSnapshot): void;
  saveAnswer(answer: StoredAnswer): void;
}

export interface SandboxStore {
  /**
   * Runs `work` in one transaction that holds the sandbox's advisory lock, so concurrent calls (even
   * from several console instances) apply one after another and never lose each other's updates.
   */
  runSerialised<T>(work: (call: SandboxCall) => Promise<T>): Promise<T>;
  findByContact(contact: string): Promise<SandboxUser | undefined>;
  findByDid(did: string): Promise<SandboxUser | undefined>;
  /** internalId is only "recommended unique": the earliest user carrying it wins. */
  findByInternalId(internalId: string): Promise<SandboxUser | undefined>;
  findIdentityOwner(countryAlpha3: string, docId: string): Promise<SandboxUser | undefined>;
  count(): Promise<number>;
}

/** Any fixed number other than the migration lock's: every instance takes the same one. */
export const SANDBOX_LOCK_ID = 724_301_992;

type UserRow = typeof sandboxUsers.$inferSelect;
type LoadedUserRow = Pick<UserRow, "did" | "contact" | "internalId" | "identities">;

function userOfRow(row: LoadedUserRow): SandboxUser {
  const user: SandboxUser = { did: row.did, contact: row.contact, identities: row.identities as Identity[] };
  if (row.internalId !== null) user.internalId = row.internalId;
  return user;
}

/**
 * UUIDv7 (RFC 9562) with the 12 bits after the version used as a counter, so DIDs minted by one
 * process sort in creation order even within a millisecond: that is how findByInternalId finds the
 * earliest user without a creation-time column. The variant and the last 62 bits are randomUUID's.
 */
function createUuidV7Generator(clock: () => number = Date.now): () => string {
  let lastMs = -1;
  let counter = 0;
  return () => {
    const now = clock();
    if (now > lastMs) {
      lastMs = now;
      counter = 0;
    } else if (++counter > 0xfff) {
      lastMs += 1;
      counter = 0;
    }
    const time = lastMs.toString(16).padStart(12, "0");
    const sequence = counter.toString(16).padStart(3, "0");
    const random = randomUUID().slice(19);
    return `${time.slice(0, 8)}-${time.slice(8)}-7${sequence}-${random}`;
  };
}

const nextUuid = createUuidV7Generator();
export const mintSandboxDid = () => `did:via:humanos:user-${nextUuid()}`;

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Both drivers answer execute() with { rows }; drizzle's driver-neutral type cannot say so. */
async function selectRows<T>(tx: Tx, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A call's reads, and its queue of writes for runSerialised to apply at the end. */
function createCall(tx: Tx) {
  const snapshots: WorkingSnapshot[] = [];
  const answers: StoredAnswer[] = [];
  const call: SandboxCall = {
    async findAnswer(idempotencyKey) {
      const [row] = await tx
        .select()
        .from(sandboxIdempotency)
        .where(eq(sandboxIdempotency.idempotencyKey, idempotencyKey));
      return row && { idempotencyKey, bodyHash: row.bodyHash, status: row.status, body: row.responseBody };
    },
    async loadSnapshot(subjects) {
      const contactKeys = unique(subjects.map((subject) => contactKey(subject.contact)));
      if (contactKeys.length === 0) return createSnapshot([], mintSandboxDid);
      const identityKeys = unique(
        subjects.flatMap(({ identity }) =>
          identity ? [identityKey(identity.countryAlpha3, identity.docId)] : [],
        ),
      );
      const rows = await selectRows<LoadedUserRow>(tx, loadUsersQuery(contactKeys, identityKeys));
      return createSnapshot(rows.map(userOfRow), mintSandboxDid);
    },
    saveChanges: (snapshot) => void snapshots.push(snapshot),
    saveAnswer: (answer) => void answers.push(answer),
  };
  const flush = async () => {
    const changes = snapshots.flatMap((snapshot) => snapshot.changes());
    const write = writeCallQuery(callWrites(changes, answers));
    if (write) await tx.execute(write);
  };
  return { call, flush };
}

export function createSandboxStore(db: Db): SandboxStore {
  const firstUser = async (where: SQL) => {
    const [row] = await db.select().from(sandboxUsers).where(where).limit(1);
    return row && userOfRow(row);
  };

  return {
    runSerialised: (work) =>
      db.transaction(async (tx) => {
        await tx.execute(beginCallQuery(SANDBOX_LOCK_ID));
        const { call, flush } = createCall(tx);
        const result = await work(call);
        await flush();
        return result;
      }),
    findByContact: (contact) => firstUser(eq(sandboxUsers.contactKey, contactKey(contact))),
    findByDid: (did) => firstUser(eq(sandboxUsers.did, did)),
    async findByInternalId(internalId) {
      // DIDs are UUIDv7, minted in creation order; "C" compares them byte by byte whatever the locale.
      const [row] = await db
        .select()
        .from(sandboxUsers)
        .where(eq(sandboxUsers.internalId, internalId))
        .orderBy(sql`${sandboxUsers.did} COLLATE "C"`)
        .limit(1);
      return row && userOfRow(row);
    },
    async findIdentityOwner(countryAlpha3, docId) {
      const [row] = await db
        .select({ user: sandboxUsers })
        .from(sandboxIdentities)
        .innerJoin(sandboxUsers, eq(sandboxUsers.contactKey, sandboxIdentities.contactKey))
        .where(eq(sandboxIdentities.identityKey, identityKey(countryAlpha3, docId)));
      return row && userOfRow(row.user);
    },
    async count() {
      const [row] = await db.select({ users: count() }).from(sandboxUsers);
      return row?.users ?? 0;
    },
  };
}
