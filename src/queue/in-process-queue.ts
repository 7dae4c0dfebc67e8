import { classifyError } from "./classify-error.js";
import {
  callHook,
  computeBackoffMs,
  defaultQueueOptions,
  type EnqueueResult,
  type JobContext,
  type JobQueue,
  type JobQueueOptions,
  type QueueDepth,
  type ReviewProcessor,
  ShutdownAbort,
  SupersededAbort,
  silentLogger,
  toDedupeKey,
} from "./job-queue.js";
import { type ReviewJob, toPullKey } from "./review-job.js";
import { runProcessor } from "./run-processor.js";

export interface InProcessQueueOptions extends JobQueueOptions {
  /** After a shutdown abort, how long to wait for a processor to stop before giving up on it. Default 2 s. */
  abortWaitMs?: number;
}

interface Entry {
  id: string;
  job: ReviewJob;
  dedupeKey: string;
  pullKey: string;
  state: "waiting" | "delayed" | "active";
  /** Attempt of the next (or current) run, 1-based. */
  attempt: number;
  retryTimer?: NodeJS.Timeout;
  controller?: AbortController;
}

/**
 * The zero-setup queue: everything in memory, for a single process that receives webhooks and runs
 * reviews. Jobs that have not finished when the process stops are lost (logged at close).
 *
 * The scheduler is a small loop rather than p-queue: p-queue cannot pass over a job whose installation
 * is at its cap without that job holding a global slot, so one busy installation would block all others.
 *
 * @example
 * const queue = createInProcessQueue({ concurrency: 4, perInstallationLimit: 2, logger: app.log });
 */
export function createInProcessQueue(options: InProcessQueueOptions = {}): JobQueue {
  const concurrency = options.concurrency ?? defaultQueueOptions.concurrency;
  const perInstallationLimit = options.perInstallationLimit ?? defaultQueueOptions.perInstallationLimit;
  const attempts = options.attempts ?? defaultQueueOptions.attempts;
  const backoffMs = options.backoffMs ?? defaultQueueOptions.backoffMs;
  const maxBackoffMs = options.maxBackoffMs ?? defaultQueueOptions.maxBackoffMs;
  const retentionMs = options.retentionMs ?? defaultQueueOptions.retentionMs;
  const abortWaitMs = options.abortWaitMs ?? 2_000;
  const logger = (options.logger ?? silentLogger).child({ name: "queue", queue: "in-process" });
  const events = options.events ?? {};

  /** Dedupe records: present while the job is queued or running, and `retentionMs` after it ends. */
  const records = new Map<string, { jobId: string; finishedAt?: number }>();
  /** Head SHA of the most recent job enqueued per pull request. */
  const latestShas = new Map<string, { sha: string; at: number }>();
  const entries = new Map<string, Entry>();
  /** Unfinished entries by pull request, so coalescing does not scan the whole backlog on every enqueue. */
  const entriesByPull = new Map<string, Set<Entry>>();
  /** Insertion-ordered: iteration is FIFO. */
  const waiting = new Set<Entry>();
  const activeByInstallation = new Map<number, number>();
  const running = new Set<Promise<void>>();
  let processor: ReviewProcessor | undefined;
  let closing: Promise<void> | undefined;
  let sequence = 0;
  let lastPruneAt = 0;

  function pruneRecords(now: number): void {
    if (now - lastPruneAt < Math.min(retentionMs, 60_000)) return;
    lastPruneAt = now;
    for (const [key, record] of records) {
      if (record.finishedAt !== undefined && now - record.finishedAt >= retentionMs) records.delete(key);
    }
    for (const [pullKey, latest] of latestShas) {
      if (now - latest.at >= retentionMs) latestShas.delete(pullKey);
    }
  }

  function finish(entry: Entry): void {
    entries.delete(entry.id);
    const ofPull = entriesByPull.get(entry.pullKey);
    ofPull?.delete(entry);
    if (ofPull?.size === 0) entriesByPull.delete(entry.pullKey);
    waiting.delete(entry);
    clearTimeout(entry.retryTimer);
    const record = records.get(entry.dedupeKey);
    if (record?.jobId === entry.id) record.finishedAt = Date.now();
  }

  function isSuperseded(entry: Entry): boolean {
    const latest = latestShas.get(entry.pullKey);
    return entry.job.headSha !== "" && latest !== undefined && latest.sha !== entry.job.headSha;
  }

  function supersedeOthers(pullKey: string, headSha: string): void {
    for (const entry of [...(entriesByPull.get(pullKey) ?? [])]) {
      if (entry.job.headSha === headSha || entry.job.headSha === "") continue;
      if (entry.state === "active") {
        entry.controller?.abort(new SupersededAbort(headSha));
        continue;
      }
      finish(entry);
      logger.info({ jobId: entry.id, headSha }, "Removed a queued job: a newer head SHA was enqueued");
      callHook(events.onSuperseded, logger, entry.job);
    }
  }

  function pump(): void {
    if (!processor || closing) return;
    for (const entry of waiting) {
      if (running.size >= concurrency) return;
      const active = activeByInstallation.get(entry.job.installationId) ?? 0;
      if (active >= perInstallationLimit) continue;
      waiting.delete(entry);
      start(entry, processor);
    }
  }

  function start(entry: Entry, run: ReviewProcessor): void {
    const installationId = entry.job.installationId;
    entry.state = "active";
    entry.controller = new AbortController();
    activeByInstallation.set(installationId, (activeByInstallation.get(installationId) ?? 0) + 1);
    const task = execute(entry, run, entry.controller).finally(() => {
      running.delete(task);
      const left = (activeByInstallation.get(installationId) ?? 1) - 1;
      if (left > 0) activeByInstallation.set(installationId, left);
      else activeByInstallation.delete(installationId);
      pump();
    });
    running.add(task);
  }

  async function execute(entry: Entry, run: ReviewProcessor, controller: AbortController): Promise<void> {
    const { job } = entry;
    const log = logger.child({ jobId: entry.id, deliveryId: job.deliveryId, attempt: entry.attempt });
    if (isSuperseded(entry)) {
      log.info({}, "Skipped a job: a newer head SHA of its pull request was enqueued");
      finish(entry);
      callHook(events.onSuperseded, logger, job);
      return;
    }
    const ctx: JobContext = {
      signal: controller.signal,
      attempt: entry.attempt,
      jobId: entry.id,
      isSuperseded: async () => isSuperseded(entry),
    };
    callHook(events.onActive, logger, job);
    const startedAt = performance.now();
    try {
      const outcome = await runProcessor({ processor: run, job, ctx, abortWaitMs });
      if (outcome.kind === "completed") {
        finish(entry);
        callHook(events.onCompleted, logger, performance.now() - startedAt, job);
        return;
      }
      const reason: unknown = controller.signal.reason;
      if (reason instanceof ShutdownAbort) {
        // Nowhere to hand it back to: it stays in `entries` as waiting, so close() can report it.
        entry.state = "waiting";
        log.warn(
          { abandoned: outcome.kind === "abandoned" },
          "Stopped a running job at shutdown; it is lost",
        );
        return;
      }
      const error = outcome.kind === "threw" ? outcome.error : undefined;
      if (reason instanceof SupersededAbort) {
        log.info({ err: error }, "A running job stopped: a newer head SHA of its pull request was enqueued");
        finish(entry);
        callHook(events.onSuperseded, logger, job);
        return;
      }
      handleError(entry, error, log);
    } finally {
      callHook(events.onSettled, logger, job);
    }
  }

  function handleError(entry: Entry, error: unknown, log: typeof logger): void {
    const verdict = classifyError(error);
    if (verdict.kind === "retryable" && entry.attempt < attempts) {
      const delayMs = computeBackoffMs({
        attempt: entry.attempt,
        backoffMs,
        maxBackoffMs,
        retryAfterMs: verdict.retryAfterMs,
      });
      log.warn({ err: error, reason: verdict.reason, delayMs }, "Review failed; will retry");
      callHook(events.onRetry, logger, entry.job, error, delayMs);
      entry.attempt += 1;
      entry.state = "delayed";
      entry.retryTimer = setTimeout(() => {
        entry.retryTimer = undefined;
        entry.state = "waiting";
        waiting.add(entry);
        pump();
      }, delayMs);
      return;
    }
    const permanent = verdict.kind === "permanent";
    if (verdict.kind === "permanent" && verdict.unknown) {
      log.error({ err: error }, "Review failed with an unrecognised error; not retried");
    } else {
      log.error({ err: error, reason: verdict.reason }, "Review failed");
    }
    finish(entry);
    callHook(events.onFailed, logger, permanent, entry.job, error);
  }

  async function waitForRunning(timeoutMs: number): Promise<void> {
    if (running.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...running]),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }

  async function shutdown(graceMs: number): Promise<void> {
    for (const entry of entries.values()) clearTimeout(entry.retryTimer);
    await waitForRunning(graceMs);
    if (running.size > 0) {
      logger.warn({ running: running.size, graceMs }, "Jobs still running after the grace period; aborting");
      for (const entry of entries.values()) {
        if (entry.state === "active") entry.controller?.abort(new ShutdownAbort());
      }
      await waitForRunning(abortWaitMs + 100);
    }
    const lost = [...entries.values()].filter((entry) => entry.state !== "active");
    if (lost.length > 0) {
      logger.warn(
        { jobIds: lost.slice(0, 20).map((entry) => entry.id), more: Math.max(0, lost.length - 20) },
        `The in-process queue drops ${lost.length} unfinished job(s) at close`,
      );
    }
  }

  return {
    async enqueue(job) {
      if (closing) {
        throw new Error(`Cannot enqueue a review of ${toPullKey(job)}: the queue is closing`);
      }
      const now = Date.now();
      pruneRecords(now);
      const dedupeKey = toDedupeKey(job);
      const existing = records.get(dedupeKey);
      if (existing && (existing.finishedAt === undefined || now - existing.finishedAt < retentionMs)) {
        callHook(events.onDuplicate, logger, job);
        return { status: "duplicate", jobId: existing.jobId } satisfies EnqueueResult;
      }
      const pullKey = toPullKey(job);
      // A command job (head SHA not resolved yet) leaves the pull request's other jobs alone.
      if (job.headSha !== "") {
        latestShas.set(pullKey, { sha: job.headSha, at: now });
        supersedeOthers(pullKey, job.headSha);
      }
      sequence += 1;
      const entry: Entry = {
        id: `${sequence}-${dedupeKey}`,
        job,
        dedupeKey,
        pullKey,
        state: "waiting",
        attempt: 1,
      };
      records.set(dedupeKey, { jobId: entry.id });
      entries.set(entry.id, entry);
      const ofPull = entriesByPull.get(pullKey);
      if (ofPull) ofPull.add(entry);
      else entriesByPull.set(pullKey, new Set([entry]));
      waiting.add(entry);
      callHook(events.onQueued, logger, job);
      pump();
      return { status: "queued", jobId: entry.id };
    },

    async startWorker(run) {
      if (closing) throw new Error("Cannot start the worker: the queue is closing");
      if (processor) throw new Error("The worker is already started");
      processor = run;
      pump();
    },

    close(graceMs) {
      closing ??= shutdown(graceMs);
      return closing;
    },

    async getDepth(): Promise<QueueDepth> {
      const depth: QueueDepth = { waiting: 0, active: 0, delayed: 0 };
      for (const entry of entries.values()) depth[entry.state] += 1;
      return depth;
    },

    async isReady() {
      return closing === undefined;
    },
  };
}
