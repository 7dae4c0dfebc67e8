import type { ReviewJob } from "./review-job.js";

/** What a processor gets besides the job. */
export interface JobContext {
  /**
   * Aborted when the job must stop: the queue is closing past its grace period (the job is handed
   * back and runs again later), or a newer head SHA of the same pull request was enqueued.
   * `signal.reason` is a `ShutdownAbort` or `SupersededAbort`.
   */
  signal: AbortSignal;
  /** 1 for the first run, 2 for the first retry, … */
  attempt: number;
  jobId: string;
  /** True when a newer head SHA of the same PR was enqueued after this job: the processor must not post. */
  isSuperseded(): Promise<boolean>;
}

export type ReviewProcessor = (job: ReviewJob, ctx: JobContext) => Promise<void>;

export type EnqueueResult = { status: "queued"; jobId: string } | { status: "duplicate"; jobId: string };

export interface QueueDepth {
  waiting: number;
  active: number;
  delayed: number;
}

/**
 * A queue of review jobs. Two implementations share these semantics and one conformance suite
 * (`test/queue/job-queue.conformance.ts`): `createInProcessQueue` (no setup) and `createBullmqQueue`
 * (Redis, several workers).
 *
 * - Dedupe: a job whose `key` (within its pull request) was enqueued before — queued, running or
 *   finished within the retention window — is not enqueued again (`duplicate`).
 * - Coalescing: enqueueing a newer head SHA of a pull request removes that PR's queued jobs of other
 *   SHAs and marks its running ones superseded.
 * - Retries: errors that `classifyError` calls retryable are retried with exponential backoff.
 * - Limits: concurrency per process and concurrent reviews per installation.
 *
 * @example
 * const queue = createInProcessQueue({ concurrency: 4 });
 * await queue.startWorker(async (job, ctx) => runReview({ job, signal: ctx.signal }));
 * await queue.enqueue(job); // { status: "queued", jobId }
 * await queue.close(10_000);
 */
export interface JobQueue {
  /** Fast: called on the webhook path. */
  enqueue(job: ReviewJob): Promise<EnqueueResult>;
  /** Start consuming with the processor (worker role). A queue that never calls this is enqueue-only. */
  startWorker(processor: ReviewProcessor): Promise<void>;
  /**
   * Stop taking jobs; wait up to `graceMs` for running ones; then abort their signals and hand them
   * back (BullMQ: back to waiting; in-process: dropped, see the implementation); close connections.
   */
  close(graceMs: number): Promise<void>;
  getDepth(): Promise<QueueDepth>;
  /** Ready to accept work: not closing, and (BullMQ) Redis answers. */
  isReady(): Promise<boolean>;
}

/**
 * Hooks for metrics and logs, so that the queue does not depend on prom-client. Every `onActive` is
 * followed by exactly one `onSettled` for the same run. Hooks must not throw (errors are swallowed).
 */
export interface JobQueueEvents {
  onQueued?(job: ReviewJob): void;
  onDuplicate?(job: ReviewJob): void;
  /** A queued job removed by a newer SHA, a job skipped at start, or a running job that stopped for it. */
  onSuperseded?(job: ReviewJob): void;
  onActive?(job: ReviewJob): void;
  onCompleted?(durationMs: number, job: ReviewJob): void;
  /** Failed for good: `permanent` is false when retries ran out. */
  onFailed?(permanent: boolean, job: ReviewJob, error: unknown): void;
  onRetry?(job: ReviewJob, error: unknown, delayMs: number): void;
  onSettled?(job: ReviewJob): void;
}

/** The subset of pino's logger the queue uses. Probot's `app.log` fits. */
export interface QueueLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): QueueLogger;
}

/** Options shared by both implementations. */
export interface JobQueueOptions {
  /** Jobs run at once by this process. Default 2. */
  concurrency?: number;
  /** Reviews running at once per installation (across all workers in BullMQ mode). Default 2. */
  perInstallationLimit?: number;
  /** Total runs of a job with retryable errors, first run included. Default 3. */
  attempts?: number;
  /** Base of the exponential backoff: delay = backoffMs × 2^(attempt−1). Default 2000. */
  backoffMs?: number;
  /** Upper bound of one retry delay, also for a `retry-after` the error carries. Default 5 min. */
  maxBackoffMs?: number;
  /** How long a finished job's key still counts as a duplicate. Default 24 h. */
  retentionMs?: number;
  logger?: QueueLogger;
  events?: JobQueueEvents;
}

export const defaultQueueOptions = {
  concurrency: 2,
  perInstallationLimit: 2,
  attempts: 3,
  backoffMs: 2_000,
  maxBackoffMs: 5 * 60_000,
  retentionMs: 24 * 60 * 60_000,
} as const;

/** `signal.reason` when the queue closes past its grace period: the job will run again. */
export class ShutdownAbort extends Error {
  override readonly name = "ShutdownAbort";
  constructor() {
    super("The queue is closing: the job is handed back and will run again");
  }
}

/** `signal.reason` when a newer head SHA of the same pull request was enqueued. */
export class SupersededAbort extends Error {
  override readonly name = "SupersededAbort";
  constructor(readonly latestSha: string) {
    super(`A newer head SHA (${latestSha}) of the pull request was enqueued`);
  }
}

/** Identity used for dedupe: a job key is unique within its pull request (`auto:<sha>` is not global). */
export function toDedupeKey(job: Pick<ReviewJob, "owner" | "repo" | "pullNumber" | "key">): string {
  return `${job.owner}/${job.repo}#${job.pullNumber}@${job.key}`;
}

/** Exponential backoff with an optional server-given minimum, capped. */
export function computeBackoffMs(params: {
  attempt: number;
  backoffMs: number;
  maxBackoffMs: number;
  retryAfterMs?: number;
}): number {
  const exponential = params.backoffMs * 2 ** (params.attempt - 1);
  return Math.min(Math.max(exponential, params.retryAfterMs ?? 0), params.maxBackoffMs);
}

/** Call a hook without letting it break the queue. */
export function callHook<A extends unknown[]>(
  hook: ((...args: A) => void) | undefined,
  logger: QueueLogger | undefined,
  ...args: A
): void {
  if (!hook) return;
  try {
    hook(...args);
  } catch (err) {
    logger?.warn({ err }, "A queue event hook threw; ignored");
  }
}

/** A logger that drops everything: the default when none is passed. */
export const silentLogger: QueueLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
};
