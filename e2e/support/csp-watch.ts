import type { Page, Worker } from "@playwright/test";

/** What a console message from a worker starts with when it reports a Content-Security-Policy violation. */
const WORKER_VIOLATION_MARK = "csp-watch violation:";

/**
 * Records every Content-Security-Policy violation of a page and of its Web Workers, and every error
 * they log, from the first script on.
 *
 * - The page: a `securitypolicyviolation` listener installed before any of the page's own scripts
 *   (an init script, which the page's policy does not govern), on every navigation.
 * - Workers: a worker has its own policy (its script's response headers) and its own events, which
 *   the page never sees. When a worker starts, a buffered ReportingObserver (it also hands over the
 *   reports made before it was created) forwards each violation to the worker's console; at the end,
 *   `sweepWorkers` asks each live worker again, so nothing still queued is missed. (Chromium prints
 *   its own "Refused to …" lines to the DevTools log, which Playwright does not relay; hence both.)
 */
export class CspWatch {
  /** Each distinct violation once (a worker's may arrive both forwarded and swept). */
  private readonly seen = new Set<string>();
  readonly errors: string[] = [];
  private readonly workers: Worker[] = [];

  private constructor(private readonly page: Page) {}

  get violations(): string[] {
    return [...this.seen];
  }

  static async attach(page: Page): Promise<CspWatch> {
    const watch = new CspWatch(page);
    await page.exposeBinding("__reportCspViolation", (_source, violation: string) => {
      watch.seen.add(`page: ${violation}`);
    });
    await page.addInitScript(() => {
      const report = (globalThis as unknown as { __reportCspViolation: (text: string) => void })
        .__reportCspViolation;
      document.addEventListener("securitypolicyviolation", (event) => {
        report(
          `${event.effectiveDirective} refused ${event.blockedURI || "(inline)"} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
        );
      });
    });
    page.on("console", (message) => {
      // The console has no favicon: the browser's own request for one is a 404, not the page's doing.
      if (
        message.type() !== "error" ||
        new URL(message.location().url || "about:blank").pathname === "/favicon.ico"
      )
        return;
      watch.errors.push(`page console: ${message.text()} (${message.location().url})`);
    });
    page.on("pageerror", (error) => watch.errors.push(`page error: ${error.message}`));
    page.on("worker", (worker) => watch.watchWorker(worker));
    return watch;
  }

  /** Workers started so far (closed ones included). */
  get workerCount(): number {
    return this.workers.length;
  }

  /** Workers of one script share a URL (up to its hash): the start order tells them apart. */
  private nameOf(worker: Worker): string {
    return `#${this.workers.indexOf(worker) + 1} ${worker.url().replace(/[#?].*$/, "")}`;
  }

  private watchWorker(worker: Worker): void {
    this.workers.push(worker);
    const name = this.nameOf(worker);
    worker.on("console", (message) => {
      const text = message.text();
      if (text.startsWith(WORKER_VIOLATION_MARK))
        this.seen.add(`worker ${name}: ${text.slice(WORKER_VIOLATION_MARK.length).trim()}`);
      else if (message.type() === "error") this.errors.push(`worker ${name} console: ${text}`);
    });
    worker
      .evaluate((mark) => {
        new ReportingObserver(
          (reports) => {
            for (const report of reports) console.error(`${mark} ${JSON.stringify(report.body)}`);
          },
          { types: ["csp-violation"], buffered: true },
        ).observe();
      }, WORKER_VIOLATION_MARK)
      // A worker that has already finished (the file reader ends after each file) cannot be asked.
      .catch(() => undefined);
  }

  /** Collects, from each worker still running, every violation it has had (buffered: from its start). */
  async sweepWorkers(): Promise<void> {
    for (const worker of this.page.workers()) {
      const name = this.nameOf(worker);
      const reports = await worker
        .evaluate(
          () =>
            new Promise<string[]>((resolve) => {
              const seen: string[] = [];
              const observer = new ReportingObserver(
                (reports) => {
                  for (const report of reports) seen.push(JSON.stringify(report.body));
                },
                { types: ["csp-violation"], buffered: true },
              );
              observer.observe();
              setTimeout(() => {
                for (const report of observer.takeRecords()) seen.push(JSON.stringify(report.body));
                observer.disconnect();
                resolve(seen);
              }, 200);
            }),
        )
        .catch(() => [] as string[]);
      for (const report of reports) this.seen.add(`worker ${name}: ${report}`);
    }
  }
}

/**
 * Runs `new Function` in a later task of the page or of a worker (not inside Playwright's evaluate,
 * which DevTools lets evaluate strings whatever the policy) and tells whether the policy refused it.
 */
export function evalIsRefused(): Promise<boolean> {
  return new Promise((resolve) => {
    setTimeout(() => {
      try {
        new Function("return 1")();
        resolve(false);
      } catch (error) {
        resolve(error instanceof EvalError);
      }
    }, 0);
  });
}
