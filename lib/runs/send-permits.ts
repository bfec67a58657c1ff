/**
 * Permits to have a request in flight, one pool for every run a console process sends: at most
 * `capacity` requests at once however many runs there are. A freed permit goes to the waiting run
 * that holds the fewest (the longest-waiting among equals), so two runs alternate instead of the
 * first one starving the second. No timers and no I/O: the engine decides what a permit guards.
 */

/** Gives the permit back; calling it again does nothing. */
export type ReleasePermit = () => void;

export interface SendPermits {
  /**
   * Resolves with the release once `owner` may send, or with undefined when `signal` aborts first
   * (the waiter then leaves the queue and takes nothing).
   */
  acquire(owner: string, signal?: AbortSignal): Promise<ReleasePermit | undefined>;
  /** A new limit applies to the next grants; permits already held are not taken back. */
  setCapacity(capacity: number): void;
  readonly held: number;
  readonly waiting: number;
}

interface Waiter {
  owner: string;
  grant: (release: ReleasePermit) => void;
}

export function createSendPermits(initialCapacity: number): SendPermits {
  let capacity = checkedCapacity(initialCapacity);
  let held = 0;
  const heldBy = new Map<string, number>();
  /** In arrival order, so the first of equals is the one that waited longest. */
  const waiters: Waiter[] = [];

  const heldByOwner = (owner: string) => heldBy.get(owner) ?? 0;

  const take = (owner: string): ReleasePermit => {
    held++;
    heldBy.set(owner, heldByOwner(owner) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      held--;
      const left = heldByOwner(owner) - 1;
      if (left > 0) heldBy.set(owner, left);
      else heldBy.delete(owner);
      grantWhileFree();
    };
  };

  const grantWhileFree = () => {
    while (held < capacity && waiters.length > 0) {
      const [next] = waiters.splice(fairestWaiter(waiters, heldByOwner), 1);
      if (next) next.grant(take(next.owner));
    }
  };

  return {
    acquire(owner, signal) {
      if (signal?.aborted) return Promise.resolve(undefined);
      if (held < capacity && waiters.length === 0) return Promise.resolve(take(owner));
      return new Promise((resolve) => {
        const onAbort = () => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) waiters.splice(index, 1);
          resolve(undefined);
        };
        const waiter: Waiter = {
          owner,
          grant: (release) => {
            signal?.removeEventListener("abort", onAbort);
            resolve(release);
          },
        };
        waiters.push(waiter);
        signal?.addEventListener("abort", onAbort, { once: true });
      });
    },
    setCapacity(next) {
      capacity = checkedCapacity(next);
      grantWhileFree();
    },
    get held() {
      return held;
    },
    get waiting() {
      return waiters.length;
    },
  };
}

/** The index of the waiter whose owner holds the fewest permits; the earliest among equals. */
export function fairestWaiter(
  waiters: ReadonlyArray<{ owner: string }>,
  heldByOwner: (owner: string) => number,
): number {
  let best = 0;
  for (let index = 1; index < waiters.length; index++) {
    const candidate = waiters[index];
    const current = waiters[best];
    if (candidate && current && heldByOwner(candidate.owner) < heldByOwner(current.owner)) best = index;
  }
  return best;
}

function checkedCapacity(capacity: number): number {
  if (!Number.isInteger(capacity) || capacity < 1)
    throw new RangeError(`the send permits' capacity must be a positive integer, got ${capacity}`);
  return capacity;
}
