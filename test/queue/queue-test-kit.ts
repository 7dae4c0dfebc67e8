import type { JobQueueEvents } from "../../src/queue/job-queue.js";
import type { ReviewJob } from "../../src/queue/review-job.js";

/** A review job of `acme/api#1` at `sha-1`; override what the test is about. */
export function buildJob(overrides: Partial<ReviewJob> = {}): ReviewJob {
  const headSha = overrides.headSha ?? "sha-1";
  return {
    installationId: 1,
    owner: "acme",
    repo: "api",
    pullNumber: 1,
    headSha,
    trigger: "push",
    deliveryId: `delivery-${headSha}`,
    key: `auto:${headSha}`,
    scope: "auto",
    focus: [],
    ...overrides,
  };
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

export function createDeferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Polls until `predicate` holds; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(5);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves when `signal` aborts (or after `timeoutMs`, so a broken queue fails the test instead of hanging). */
export function whenAborted(signal: AbortSignal, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    if (signal.aborted) {
      clearTimeout(timer);
      resolve();
      return;
    }
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

export type RecordedEvent =
  | { type: "queued" | "duplicate" | "superseded" | "active" | "settled"; key: string; headSha: string }
  | { type: "completed"; key: string; headSha: string }
  | { type: "failed"; key: string; headSha: string; permanent: boolean }
  | { type: "retry"; key: string; headSha: string; delayMs: number };

/** Queue hooks that record what happened, in order. */
export function recordEvents(): {
  events: JobQueueEvents;
  log: RecordedEvent[];
  count(type: string): number;
} {
  const log: RecordedEvent[] = [];
  const ids = (job: ReviewJob) => ({ key: job.key, headSha: job.headSha });
  return {
    log,
    count: (type) => log.filter((event) => event.type === type).length,
    events: {
      onQueued: (job) => log.push({ type: "queued", ...ids(job) }),
      onDuplicate: (job) => log.push({ type: "duplicate", ...ids(job) }),
      onSuperseded: (job) => log.push({ type: "superseded", ...ids(job) }),
      onActive: (job) => log.push({ type: "active", ...ids(job) }),
      onSettled: (job) => log.push({ type: "settled", ...ids(job) }),
      onCompleted: (_durationMs, job) => log.push({ type: "completed", ...ids(job) }),
      onFailed: (permanent, job) => log.push({ type: "failed", permanent, ...ids(job) }),
      onRetry: (job, _error, delayMs) => log.push({ type: "retry", delayMs, ...ids(job) }),
    },
  };
}
