import { createHash } from "node:crypto";
import { DelayedError, type Job, Queue, UnrecoverableError, WaitingError, Worker } from "bullmq";
import { Redis } from "ioredis";
import { classifyError } from "./classify-error.js";
import {
  callHook,
  computeBackoffMs,
  defaultQueueOptions,
  type JobContext,
  type JobQueue,
  type JobQueueOptions,
  type QueueDepth,
  type QueueLogger,
  type ReviewProcessor,
  ShutdownAbort,
  SupersededAbort,
  silentLogger,
  toDedupeKey,
} from "./job-queue.js";
import type { QueueLink } from "./outage-buffer.js";
import { type ReviewJob, toPullKey } from "./review-job.js";
import { runProcessor } from "./run-processor.js";

export interface BullmqQueueOptions extends JobQueueOptions {
  /** Redis URL (`REDIS_URL`), e.g. `redis://127.0.0.1:6379`. */
  connection: string;
  /** Prefix of every Redis key, BullMQ's and ours. */
  prefix: string;
  /** Default `reviews`. */
  queueName?: string;
  /** A worker's lock on a running job; a job whose lock expires is handed to another worker. Default 30 s. */
  lockDurationMs?: number;
  /** How often workers look for jobs whose worker died. Default 15 s. */
  stalledIntervalMs?: number;
  /** How many times a job may be recovered from a dead worker before it fails. Default 1 (BullMQ's). */
  maxStalledCount?: number;
  /** How long a job waits when its installation is at its cap (does not use up an attempt). Default 2 s. */
  installationRetryMs?: number;
  /** How often a worker checks whether its running jobs were superseded from another process. Default 5 s. */
  supersedeCheckMs?: number;
  /** After a shutdown abort, how long to wait for a processor to stop before handing its job back. Default 2 s. */
  abortWaitMs?: number;
}

interface RunningJob {
  job: ReviewJob;
  controller: AbortController;
}

const backoffType = "review";

/**
 * Dedupe and coalescing in one round trip.
 * KEYS: dedupe key, latest-SHA key of the PR, PR's queued-jobs hash (jobId → job JSON).
 * ARGV: jobId, headSha, retentionMs, job JSON.
 * Returns `{0, existingJobId}` for a duplicate, else `{1, jobId, otherJobId, otherJobJson, …}` for the
 * PR's jobs of other SHAs (dropped from the hash; the caller removes them from BullMQ unless running).
 * A job with an empty head SHA (a command not resolved yet) neither moves the latest SHA nor drops others,
 * and is never dropped.
 */
const enqueueScript = `
local existing = redis.call("GET", KEYS[1])
if existing then return {0, existing} end
redis.call("SET", KEYS[1], ARGV[1], "PX", ARGV[3])
local result = {1, ARGV[1]}
if ARGV[2] ~= "" then
  redis.call("SET", KEYS[2], ARGV[2], "PX", ARGV[3])
  local entries = redis.call("HGETALL", KEYS[3])
  for i = 1, #entries, 2 do
    local ok, queued = pcall(cjson.decode, entries[i + 1])
    if not ok or (queued.headSha ~= ARGV[2] and queued.headSha ~= "") then
      table.insert(result, entries[i])
      table.insert(result, entries[i + 1])
      redis.call("HDEL", KEYS[3], entries[i])
    end
  end
end
redis.call("HSET", KEYS[3], ARGV[1], ARGV[4])
redis.call("PEXPIRE", KEYS[3], ARGV[3])
return result
`;

/**
 * A lease in the installation's semaphore (a sorted set of holders scored by expiry, so a dead
 * worker's lease lapses). KEYS: the set. ARGV: holder, now, leaseMs, limit. Returns 1 when held.
 */
const acquireLeaseScript = `
local now = tonumber(ARGV[2])
redis.call("ZREMRANGEBYSCORE", KEYS[1], "-inf", now)
if redis.call("ZSCORE", KEYS[1], ARGV[1]) or redis.call("ZCARD", KEYS[1]) < tonumber(ARGV[4]) then
  redis.call("ZADD", KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
  redis.call("PEXPIRE", KEYS[1], ARGV[3])
  return 1
end
return 0
`;

/** Renew a held lease. KEYS: the set. ARGV: holder, now, leaseMs. */
const renewLeaseScript = `
redis.call("ZADD", KEYS[1], "XX", tonumber(ARGV[2]) + tonumber(ARGV[3]), ARGV[1])
redis.call("PEXPIRE", KEYS[1], ARGV[3])
return 1
`;

/**
 * The queue for several processes: the web process enqueues, worker processes (`startWorker`) run the
 * reviews. State lives in Redis under `prefix`:
 *
 * - BullMQ's keys (`<prefix>:<queue>:…`); a job's id is its dedupe key (`:` and `%` percent-encoded,
 *   as BullMQ rejects `:`) plus `~<enqueue time>`, so a stale finished job can never swallow a new one;
 * - `<prefix>:<queue>:architect:dedupe:<owner/repo#n@key>` → jobId, expiring after `retentionMs`;
 * - `…:architect:latest:<owner/repo#n>` → head SHA of the most recent job of that PR;
 * - `…:architect:pull:<owner/repo#n>` → the PR's unfinished jobs, for coalescing;
 * - `…:architect:installation:<id>` → leases of the installation's running reviews.
 *
 * Not for Redis Cluster (the scripts touch keys of several slots).
 *
 * @example
 * const queue = createBullmqQueue({ connection: env.REDIS_URL, prefix: "architect", concurrency: 4 });
 * if (role === "worker") await queue.startWorker(processReview);
 */
export function createBullmqQueue(options: BullmqQueueOptions): JobQueue & { link: QueueLink } {
  const queueName = options.queueName ?? "reviews";
  const concurrency = options.concurrency ?? defaultQueueOptions.concurrency;
  const perInstallationLimit = options.perInstallationLimit ?? defaultQueueOptions.perInstallationLimit;
  const attempts = options.attempts ?? defaultQueueOptions.attempts;
  const backoffMs = options.backoffMs ?? defaultQueueOptions.backoffMs;
  const maxBackoffMs = options.maxBackoffMs ?? defaultQueueOptions.maxBackoffMs;
  const retentionMs = options.retentionMs ?? defaultQueueOptions.retentionMs;
  const lockDurationMs = options.lockDurationMs ?? 30_000;
  const stalledIntervalMs = options.stalledIntervalMs ?? 15_000;
  const installationRetryMs = options.installationRetryMs ?? 2_000;
  const supersedeCheckMs = options.supersedeCheckMs ?? 5_000;
  const abortWaitMs = options.abortWaitMs ?? 2_000;
  const logger = (options.logger ?? silentLogger).child({ name: "queue", queue: queueName });
  const events = options.events ?? {};

  const keyBase = `${options.prefix}:${queueName}:architect`;
  const keys = {
    dedupe: (job: ReviewJob) => `${keyBase}:dedupe:${toDedupeKey(job)}`,
    latest: (job: ReviewJob) => `${keyBase}:latest:${toPullKey(job)}`,
    pull: (job: ReviewJob) => `${keyBase}:pull:${toPullKey(job)}`,
    installation: (job: ReviewJob) => `${keyBase}:installation:${job.installationId}`,
  };

  // The web path fails fast when Redis is away; the worker waits for it (BullMQ requires `null`).
  const client = new Redis(options.connection, { maxRetriesPerRequest: 2 });
  logOutages(client, logger, "queue");
  const connectedListeners: (() => void)[] = [];
  client.on("ready", () => {
    for (const listener of connectedListeners) listener();
  });
  const queue = new Queue<ReviewJob>(queueName, {
    connection: client,
    prefix: options.prefix,
    defaultJobOptions: {
      attempts,
      backoff: { type: backoffType },
      removeOnComplete: { age: Math.ceil(retentionMs / 1000) },
      removeOnFail: { age: Math.ceil(retentionMs / 1000) },
    },
  });
  // Connection errors are logged once per outage by logOutages; BullMQ repeats them on every retry.
  queue.on("error", (err: unknown) => {
    if (client.status === "ready") logger.warn({ err }, "BullMQ queue error");
  });

  let worker: Worker<ReviewJob> | undefined;
  let workerClient: Redis | undefined;
  let supersedeTimer: NodeJS.Timeout | undefined;
  let closing: Promise<void> | undefined;
  const running = new Map<string, RunningJob>();

  const runScript = createScriptRunner();

  function abortLocalOlder(job: ReviewJob): void {
    const pullKey = toPullKey(job);
    for (const entry of running.values()) {
      if (job.headSha === "" || entry.job.headSha === "") continue;
      if (toPullKey(entry.job) === pullKey && entry.job.headSha !== job.headSha) {
        entry.controller.abort(new SupersededAbort(job.headSha));
      }
    }
  }

  /** Aborts running jobs whose PR got a newer SHA through another process. */
  async function checkSuperseded(redis: Redis): Promise<void> {
    const entries = [...running.values()];
    if (entries.length === 0) return;
    const latest = await redis.mget(entries.map((entry) => keys.latest(entry.job)));
    entries.forEach((entry, index) => {
      const sha = latest[index];
      if (sha && entry.job.headSha !== "" && sha !== entry.job.headSha && !entry.controller.signal.aborted) {
        entry.controller.abort(new SupersededAbort(sha));
      }
    });
  }

  async function forgetJob(redis: Redis, job: ReviewJob, jobId: string): Promise<void> {
    await redis.hdel(keys.pull(job), jobId).catch((err: unknown) => {
      logger.warn({ err, jobId }, "Could not drop a finished job from its pull request's index");
    });
  }

  async function processJob(
    bullJob: Job<ReviewJob>,
    token: string | undefined,
    run: ReviewProcessor,
    redis: Redis,
  ): Promise<void> {
    const job = bullJob.data;
    const jobId = bullJob.id ?? "";
    const attempt = bullJob.attemptsMade + 1;
    const log = logger.child({ jobId, deliveryId: job.deliveryId, attempt });
    const readLatest = () => redis.get(keys.latest(job));

    const latestAtStart = await readLatest();
    if (job.headSha !== "" && latestAtStart !== null && latestAtStart !== job.headSha) {
      log.info(
        { latestSha: latestAtStart },
        "Skipped a job: a newer head SHA of its pull request was enqueued",
      );
      await forgetJob(redis, job, jobId);
      callHook(events.onSuperseded, logger, job);
      return;
    }

    const holder = `${jobId}|${token ?? ""}`;
    const leaseKey = keys.installation(job);
    const acquired = await runScript(
      redis,
      acquireLeaseScript,
      [leaseKey],
      [holder, Date.now(), lockDurationMs, perInstallationLimit],
    );
    if (acquired !== 1) {
      log.debug({ installationId: job.installationId }, "Installation at its cap; job delayed");
      // skipAttempt: waiting for a slot does not use up a retry.
      await bullJob.moveToDelayed(Date.now() + installationRetryMs, token);
      throw new DelayedError();
    }
    const renewTimer = setInterval(
      () => {
        runScript(redis, renewLeaseScript, [leaseKey], [holder, Date.now(), lockDurationMs]).catch(
          (err: unknown) => log.warn({ err }, "Could not renew the installation lease"),
        );
      },
      Math.max(10, Math.floor(lockDurationMs / 3)),
    );

    const controller = new AbortController();
    running.set(jobId, { job, controller });
    const ctx: JobContext = {
      signal: controller.signal,
      attempt,
      jobId,
      isSuperseded: async () => {
        const latest = await readLatest();
        return job.headSha !== "" && latest !== null && latest !== job.headSha;
      },
    };
    callHook(events.onActive, logger, job);
    const startedAt = performance.now();
    try {
      const outcome = await runProcessor({ processor: run, job, ctx, abortWaitMs });
      if (outcome.kind === "completed") {
        await forgetJob(redis, job, jobId);
        callHook(events.onCompleted, logger, performance.now() - startedAt, job);
        return;
      }
      const reason: unknown = controller.signal.reason;
      if (reason instanceof ShutdownAbort) {
        log.warn({ abandoned: outcome.kind === "abandoned" }, "Handing a running job back at shutdown");
        await bullJob.moveToWait(token);
        throw new WaitingError();
      }
      const error = outcome.kind === "threw" ? outcome.error : undefined;
      if (reason instanceof SupersededAbort) {
        log.info({ err: error }, "A running job stopped: a newer head SHA of its pull request was enqueued");
        await forgetJob(redis, job, jobId);
        callHook(events.onSuperseded, logger, job);
        return;
      }
      throw await handleError({ job, jobId, attempt, error, log, redis });
    } finally {
      clearInterval(renewTimer);
      running.delete(jobId);
      await redis.zrem(leaseKey, holder).catch((err: unknown) => {
        log.warn({ err }, "Could not release the installation lease; it lapses by itself");
      });
      callHook(events.onSettled, logger, job);
    }
  }

  /** Reports the failure and returns what to throw to BullMQ: the error to retry, UnrecoverableError to stop. */
  async function handleError(params: {
    job: ReviewJob;
    jobId: string;
    attempt: number;
    error: unknown;
    log: QueueLogger;
    redis: Redis;
  }): Promise<Error> {
    const { job, jobId, attempt, error, log, redis } = params;
    const verdict = classifyError(error);
    const asError = error instanceof Error ? error : new Error(String(error));
    if (verdict.kind === "retryable" && attempt < attempts) {
      const delayMs = computeBackoffMs({
        attempt,
        backoffMs,
        maxBackoffMs,
        retryAfterMs: verdict.retryAfterMs,
      });
      log.warn({ err: error, reason: verdict.reason, delayMs }, "Review failed; will retry");
      callHook(events.onRetry, logger, job, error, delayMs);
      return asError;
    }
    if (verdict.kind === "permanent" && verdict.unknown) {
      log.error({ err: error }, "Review failed with an unrecognised error; not retried");
    } else {
      log.error({ err: error, reason: verdict.reason }, "Review failed");
    }
    await forgetJob(redis, job, jobId);
    callHook(events.onFailed, logger, verdict.kind === "permanent", job, error);
    return new UnrecoverableError(asError.message);
  }

  async function shutdown(graceMs: number): Promise<void> {
    clearInterval(supersedeTimer);
    if (worker) {
      const closed = worker.close();
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<"grace-over">((resolve) => {
        timer = setTimeout(() => resolve("grace-over"), graceMs);
      });
      const first = await Promise.race([closed.then(() => "closed" as const), graceOver]);
      clearTimeout(timer);
      if (first === "grace-over" && running.size > 0) {
        logger.warn(
          { running: running.size, graceMs },
          "Jobs still running after the grace period; aborting",
        );
        for (const entry of running.values()) entry.controller.abort(new ShutdownAbort());
      }
      // A processor is abandoned after abortWaitMs; what remains are Redis calls, which wait forever
      // (maxRetriesPerRequest: null) while Redis is away: do not let them hold the shutdown.
      await withTimeout(closed, abortWaitMs + 5_000).catch((err: unknown) =>
        logger.warn(
          { err },
          "The worker did not close in time; its jobs go back to waiting when their locks lapse",
        ),
      );
    }
    await withTimeout(queue.close(), 5_000).catch((err: unknown) =>
      logger.warn({ err }, "The queue did not close"),
    );
    await Promise.all([quit(client), workerClient ? quit(workerClient) : undefined]);
  }

  return {
    async enqueue(job) {
      if (closing) throw new Error(`Cannot enqueue a review of ${toPullKey(job)}: the queue is closing`);
      const jobId = `${encodeJobId(toDedupeKey(job))}~${Date.now().toString(36)}`;
      const reply = await runScript(
        client,
        enqueueScript,
        [keys.dedupe(job), keys.latest(job), keys.pull(job)],
        [jobId, job.headSha, retentionMs, JSON.stringify(job)],
      );
      const [status, id, ...others] = toStringArray(reply);
      if (status === "0") {
        callHook(events.onDuplicate, logger, job);
        return { status: "duplicate", jobId: id ?? "" };
      }
      try {
        await queue.add("review", job, { jobId });
      } catch (err) {
        await client
          .multi()
          .del(keys.dedupe(job))
          .hdel(keys.pull(job), jobId)
          .exec()
          .catch(() => undefined);
        throw new Error(`Failed to enqueue a review of ${toPullKey(job)} at ${job.headSha}`, { cause: err });
      }
      callHook(events.onQueued, logger, job);
      if (others.length > 0) {
        abortLocalOlder(job);
        await removeSuperseded(others);
      }
      return { status: "queued", jobId };
    },

    async startWorker(run) {
      if (closing) throw new Error("Cannot start the worker: the queue is closing");
      if (worker) throw new Error("The worker is already started");
      const redis = new Redis(options.connection, { maxRetriesPerRequest: null });
      logOutages(redis, logger, "worker");
      workerClient = redis;
      worker = new Worker<ReviewJob>(queueName, (bullJob, token) => processJob(bullJob, token, run, redis), {
        connection: redis,
        prefix: options.prefix,
        concurrency,
        lockDuration: lockDurationMs,
        stalledInterval: stalledIntervalMs,
        maxStalledCount: options.maxStalledCount ?? 1,
        settings: {
          backoffStrategy: (attemptsMade: number, _type?: string, err?: Error) =>
            computeBackoffMs({
              attempt: attemptsMade,
              backoffMs,
              maxBackoffMs,
              retryAfterMs: classifyRetryAfter(err),
            }),
        },
      });
      worker.on("error", (err: unknown) => {
        if (redis.status === "ready") logger.warn({ err }, "BullMQ worker error");
      });
      worker.on("failed", (bullJob: Job<ReviewJob> | undefined, err: Error) => {
        // Failures decided by BullMQ without running the processor (a job that stalled too often);
        // the processor's own failures were reported by processJob.
        if (!bullJob?.deferredFailure || err.message !== bullJob.deferredFailure) return;
        logger.error({ jobId: bullJob.id, err }, "Review failed: its workers kept dying");
        void forgetJob(redis, bullJob.data, bullJob.id ?? "");
        callHook(events.onFailed, logger, false, bullJob.data, err);
      });
      worker.on("stalled", (jobId: string) =>
        logger.warn({ jobId }, "A job's worker stopped answering; the job goes back to waiting"),
      );
      supersedeTimer = setInterval(() => {
        checkSuperseded(redis).catch((err: unknown) => logger.warn({ err }, "Supersede check failed"));
      }, supersedeCheckMs);
      // Redis away at start: the worker takes jobs once it connects; the process does not wait for it.
      await withTimeout(worker.waitUntilReady(), 2_000).catch((err: unknown) =>
        logger.warn({ err }, "The worker is not connected to Redis yet; it starts taking jobs when it is"),
      );
    },

    close(graceMs) {
      closing ??= shutdown(graceMs);
      return closing;
    },

    async getDepth(): Promise<QueueDepth> {
      const counts = await queue.getJobCounts("waiting", "prioritized", "paused", "active", "delayed");
      return {
        waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.paused ?? 0),
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
      };
    },

    link: {
      isConnected: () => client.status === "ready",
      onConnected: (listener) => {
        connectedListeners.push(listener);
      },
    },

    async isReady() {
      if (closing) return false;
      // While connecting, the ping waits in ioredis' offline queue: readiness then needs the connection.
      return withTimeout(client.ping(), 1_000).then(
        (reply) => reply === "PONG",
        () => false,
      );
    },
  };

  /** `others` alternates job id and job JSON, as the enqueue script returns them. */
  async function removeSuperseded(others: string[]): Promise<void> {
    const removals: Promise<void>[] = [];
    for (let i = 0; i + 1 < others.length; i += 2) {
      const jobId = others[i] ?? "";
      const data = others[i + 1] ?? "";
      removals.push(
        queue.remove(jobId).then((removed) => {
          // 0: running (locked) or already finished; a running job learns through `isSuperseded`.
          if (removed !== 1) return;
          logger.info({ jobId }, "Removed a queued job: a newer head SHA was enqueued");
          callHook(events.onSuperseded, logger, parseJob(data));
        }),
      );
    }
    await Promise.all(removals);
  }
}

function parseJob(json: string): ReviewJob {
  return JSON.parse(json) as ReviewJob;
}

/** BullMQ job ids may not contain `:`; percent-encode it (and `%`, to stay reversible). */
export function encodeJobId(value: string): string {
  return value.replaceAll("%", "%25").replaceAll(":", "%3A");
}

function classifyRetryAfter(err: Error | undefined): number | undefined {
  const verdict = classifyError(err);
  return verdict.kind === "retryable" ? verdict.retryAfterMs : undefined;
}

/** EVALSHA with a fallback to EVAL the first time a script is used on a server. */
function createScriptRunner(): (
  redis: Redis,
  script: string,
  keys: string[],
  args: (string | number)[],
) => Promise<unknown> {
  const shas = new Map<string, string>();
  return async (redis, script, keys, args) => {
    let sha = shas.get(script);
    if (!sha) {
      sha = createHash("sha1").update(script).digest("hex");
      shas.set(script, sha);
    }
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith("NOSCRIPT")) throw err;
      return redis.eval(script, keys.length, ...keys, ...args);
    }
  };
}

function toStringArray(reply: unknown): string[] {
  if (!Array.isArray(reply)) throw new Error(`Unexpected reply from the enqueue script: ${String(reply)}`);
  return reply.map((item: unknown) => String(item));
}

/** Logs a lost connection once (not every reconnect attempt) and its return; ioredis keeps reconnecting with backoff. */
function logOutages(redis: Redis, logger: QueueLogger, role: string): void {
  let down = false;
  redis.on("error", (err: unknown) => {
    if (down) return;
    down = true;
    logger.warn({ err, role }, "Redis is unreachable; reconnecting with backoff");
  });
  redis.on("ready", () => {
    if (down) logger.info({ role }, "Redis connection is back");
    down = false;
  });
}

async function quit(redis: Redis): Promise<void> {
  try {
    await withTimeout(redis.quit(), 1_000);
  } catch {
    redis.disconnect();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
