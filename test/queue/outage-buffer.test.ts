import { afterEach, describe, expect, it } from "@jest/globals";
import { createBullmqQueue } from "../../src/queue/bullmq-queue.js";
import type { JobQueue, QueueLogger } from "../../src/queue/job-queue.js";
import {
  createOutageBufferedQueue,
  type QueueLink,
  QueueUnavailableError,
} from "../../src/queue/outage-buffer.js";
import type { ReviewJob } from "../../src/queue/review-job.js";
import { buildJob, waitFor } from "./queue-test-kit.js";
import { createTestPrefix, deleteKeysWithPrefix, redisUrl } from "./redis-test-keys.js";

/** A link whose state the test switches: stands for the Redis connection going and coming back. */
function createSwitchableLink(): QueueLink & { connect(): void; disconnect(): void } {
  let connected = false;
  const listeners: (() => void)[] = [];
  return {
    isConnected: () => connected,
    onConnected: (listener) => {
      listeners.push(listener);
    },
    connect() {
      connected = true;
      for (const listener of listeners) listener();
    },
    disconnect() {
      connected = false;
    },
  };
}

function recordLogs(): QueueLogger & { lines: { level: string; obj: object; msg?: string }[] } {
  const lines: { level: string; obj: object; msg?: string }[] = [];
  const logger = {
    lines,
    debug: (obj: object, msg?: string) => lines.push({ level: "debug", obj, ...(msg ? { msg } : {}) }),
    info: (obj: object, msg?: string) => lines.push({ level: "info", obj, ...(msg ? { msg } : {}) }),
    warn: (obj: object, msg?: string) => lines.push({ level: "warn", obj, ...(msg ? { msg } : {}) }),
    error: (obj: object, msg?: string) => lines.push({ level: "error", obj, ...(msg ? { msg } : {}) }),
    child: () => logger,
  };
  return logger;
}

const job = (pullNumber: number, deliveryId: string): ReviewJob =>
  buildJob({ pullNumber, deliveryId, headSha: `${pullNumber}`.padStart(40, "a"), key: `auto:${pullNumber}` });

describe("the outage buffer in front of the BullMQ queue (real Redis)", () => {
  const opened: { queue: JobQueue; prefix: string }[] = [];
  afterEach(async () => {
    for (const { queue, prefix } of opened.splice(0)) {
      await queue.close(0);
      await deleteKeysWithPrefix(prefix);
    }
  });

  function setUp(limit: number, wrap?: (inner: JobQueue) => JobQueue) {
    const prefix = createTestPrefix();
    const inner = createBullmqQueue({ connection: redisUrl, prefix });
    const link = createSwitchableLink();
    const logger = recordLogs();
    const counts = { held: 0, refused: 0 };
    const queue = createOutageBufferedQueue(wrap ? wrap(inner) : inner, link, {
      limit,
      logger,
      retryMs: 20,
      onBuffered: () => counts.held++,
      onOverflow: () => counts.refused++,
    });
    opened.push({ queue: inner, prefix });
    return { inner, queue, link, logger, counts };
  }

  it("holds jobs while disconnected, refuses beyond the limit with a 503 error logged once, and drains each held job into Redis exactly once", async () => {
    const { inner, queue, link, logger, counts } = setUp(2);
    expect(await queue.enqueue(job(1, "d1"))).toMatchObject({ status: "queued" });
    expect(await queue.enqueue(job(2, "d2"))).toMatchObject({ status: "queued" });
    expect(await queue.enqueue(job(1, "d1-again"))).toMatchObject({ status: "duplicate" });
    for (const deliveryId of ["d3", "d4"]) {
      const refused = queue.enqueue(job(3, deliveryId));
      await expect(refused).rejects.toBeInstanceOf(QueueUnavailableError);
      await expect(refused).rejects.toMatchObject({ status: 503 });
    }
    expect(counts).toEqual({ held: 2, refused: 2 });
    expect(logger.lines.filter((line) => line.level === "error")).toHaveLength(1);
    expect(queue.getBufferedCount()).toBe(2);
    expect((await queue.getDepth()).waiting).toBe(2);

    link.connect();
    await waitFor("the drain", () => queue.getBufferedCount() === 0);
    expect(await inner.getDepth()).toEqual({ waiting: 2, active: 0, delayed: 0 });
    // Redis' own dedupe now answers: the held job is not queued twice.
    expect(await queue.enqueue(job(1, "d1-later"))).toMatchObject({ status: "duplicate" });
    expect(await queue.enqueue(job(3, "d3-redelivered"))).toMatchObject({ status: "queued" });
    expect(await inner.getDepth()).toEqual({ waiting: 3, active: 0, delayed: 0 });
    expect(logger.lines.filter((line) => line.msg?.startsWith("Queued a delivery held"))).toHaveLength(2);
  });

  it("keeps a job whose drain failed and retries it until the queue takes it", async () => {
    let failures = 1;
    const { inner, queue, link, logger } = setUp(5, (real) => ({
      ...real,
      enqueue: async (queued) => {
        if (failures-- > 0) throw new Error("READONLY You can't write against a read only replica");
        return real.enqueue(queued);
      },
    }));
    await queue.enqueue(job(7, "d7"));
    link.connect();
    await waitFor("the retried drain", () => queue.getBufferedCount() === 0);
    expect(await inner.getDepth()).toEqual({ waiting: 1, active: 0, delayed: 0 });
    expect(logger.lines.some((line) => line.msg?.startsWith("Could not drain"))).toBe(true);
  });

  it("says which held deliveries are lost when it closes while Redis is still away", async () => {
    const { queue, logger } = setUp(5);
    await queue.enqueue(job(8, "d8"));
    await queue.enqueue(job(9, "d9"));
    await queue.close(0);
    const lost = logger.lines.find((line) => line.level === "error");
    expect(lost?.obj).toEqual({ lost: 2, deliveryIds: ["d8", "d9"] });
    expect(lost?.msg).toContain("redeliver");
  });

  it("hands a job straight to the queue while connected", async () => {
    const { inner, queue, link, counts } = setUp(5);
    link.connect();
    expect(await queue.enqueue(job(10, "d10"))).toMatchObject({ status: "queued" });
    expect(counts.held).toBe(0);
    expect(await inner.getDepth()).toEqual({ waiting: 1, active: 0, delayed: 0 });
  });
});
