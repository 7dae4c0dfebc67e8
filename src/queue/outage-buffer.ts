import {
  callHook,
  type EnqueueResult,
  type JobQueue,
  type QueueDepth,
  type QueueLogger,
  silentLogger,
  toDedupeKey,
} from "./job-queue.js";
import { type ReviewJob, toPullKey } from "./review-job.js";

/** Whether the queue's store answers now, and a way to hear when it comes back. */
export interface QueueLink {
  isConnected(): boolean;
  /** Called each time the connection becomes ready again. */
  onConnected(listener: () => void): void;
}

export interface OutageBufferOptions {
  /** Jobs held in memory while the store is away; beyond it, `enqueue` throws `QueueUnavailableError`. */
  limit: number;
  logger?: QueueLogger;
  /** How often a drain that failed half-way is tried again while connected. Default 1 s. */
  retryMs?: number;
  /** A job was held in memory. */
  onBuffered?(job: ReviewJob): void;
  /** A job was refused: the buffer was full (the webhook is answered 503). */
  onOverflow?(job: ReviewJob): void;
}

/** Thrown by `enqueue` when the store is away and the buffer is full. `status` becomes the webhook's answer. */
export class QueueUnavailableError extends Error {
  override readonly name = "QueueUnavailableError";
  readonly status = 503;
  constructor(pullKey: string, limit: number) {
    super(
      `Redis is unreachable and ${limit} deliveries already wait in memory: ${pullKey} was not queued; redeliver it from the app's Advanced settings once Redis is back`,
    );
  }
}

/**
 * A queue that keeps taking webhooks while its Redis is away. While `link` is not connected (or a job
 * waits before it), `enqueue` holds the job in a bounded in-memory buffer and answers `queued` at once;
 * when the connection is ready again the buffer drains into the queue in arrival order, each job
 * removed only after the queue took it (the queue's dedupe makes a retried drain harmless). A full
 * buffer refuses with `QueueUnavailableError` (HTTP 503), logged once per outage burst. Jobs still held
 * at `close` are logged by delivery id: they are lost with the process and need a redelivery.
 */
export function createOutageBufferedQueue(
  inner: JobQueue,
  link: QueueLink,
  options: OutageBufferOptions,
): JobQueue & { getBufferedCount(): number } {
  const logger = options.logger ?? silentLogger;
  const retryMs = options.retryMs ?? 1_000;
  const buffer: ReviewJob[] = [];
  let draining: Promise<void> | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let overflowLogged = false;
  let closed = false;

  function drain(): Promise<void> {
    draining ??= (async () => {
      try {
        while (buffer.length > 0 && link.isConnected()) {
          const job = buffer[0] as ReviewJob;
          await inner.enqueue(job);
          buffer.shift();
          logger.info(
            { deliveryId: job.deliveryId, pull: toPullKey(job), left: buffer.length },
            "Queued a delivery held while Redis was away",
          );
        }
        if (buffer.length === 0) overflowLogged = false;
      } catch (err) {
        logger.warn({ err, left: buffer.length }, "Could not drain the held deliveries yet; will retry");
      } finally {
        draining = undefined;
        if (buffer.length > 0 && !closed) {
          clearTimeout(retryTimer);
          retryTimer = setTimeout(() => {
            if (link.isConnected()) void drain();
          }, retryMs);
          retryTimer.unref();
        }
      }
    })();
    return draining;
  }

  link.onConnected(() => {
    if (buffer.length > 0) void drain();
  });

  function hold(job: ReviewJob): EnqueueResult {
    const key = toDedupeKey(job);
    const index = buffer.findIndex((held) => toDedupeKey(held) === key);
    if (index >= 0) return { status: "duplicate", jobId: `held:${key}` };
    if (buffer.length >= options.limit) {
      if (!overflowLogged) {
        overflowLogged = true;
        logger.error(
          { limit: options.limit, deliveryId: job.deliveryId },
          "Redis is unreachable and the delivery buffer is full: answering webhooks 503 until it drains (redeliver them from the app's settings)",
        );
      }
      callHook(options.onOverflow, logger, job);
      throw new QueueUnavailableError(toPullKey(job), options.limit);
    }
    if (buffer.length === 0)
      logger.warn({ limit: options.limit }, "Redis is unreachable: holding deliveries in memory");
    buffer.push(job);
    callHook(options.onBuffered, logger, job);
    return { status: "queued", jobId: `held:${key}` };
  }

  return {
    async enqueue(job) {
      if (closed) return inner.enqueue(job);
      if (buffer.length > 0 || !link.isConnected()) return hold(job);
      try {
        return await inner.enqueue(job);
      } catch (err) {
        // The connection dropped under this call: hold the job rather than fail the delivery.
        if (link.isConnected()) throw err;
        logger.warn({ err, deliveryId: job.deliveryId }, "Enqueue failed as Redis went away");
        return hold(job);
      }
    },
    startWorker: (processor) => inner.startWorker(processor),
    async close(graceMs) {
      if (buffer.length > 0 && link.isConnected()) await drain();
      closed = true;
      clearTimeout(retryTimer);
      if (buffer.length > 0) {
        logger.error(
          { lost: buffer.length, deliveryIds: buffer.map((job) => job.deliveryId) },
          "Closing with deliveries held in memory while Redis is away: they are not queued; redeliver them",
        );
      }
      await inner.close(graceMs);
    },
    async getDepth(): Promise<QueueDepth> {
      // BullMQ's calls wait for the connection: do not ask while Redis is away.
      const unknown: QueueDepth = { waiting: 0, active: 0, delayed: 0 };
      const depth = link.isConnected() ? await inner.getDepth().catch(() => unknown) : unknown;
      return { ...depth, waiting: depth.waiting + buffer.length };
    },
    isReady: () => inner.isReady(),
    getBufferedCount: () => buffer.length,
  };
}
