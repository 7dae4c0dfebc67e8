import { type BullmqQueueOptions, createBullmqQueue } from "../queue/bullmq-queue.js";
import type { JobQueue } from "../queue/job-queue.js";
import { createOutageBufferedQueue } from "../queue/outage-buffer.js";
import type { Metrics } from "./metrics.js";

export interface RedisQueueOptions extends BullmqQueueOptions {
  /** Deliveries held in memory while Redis is unreachable (`REDIS_OUTAGE_BUFFER`); 0 answers 503 at once. */
  outageBuffer: number;
  metrics: Pick<Metrics, "redisOutageDeliveries">;
}

/**
 * The BullMQ queue behind the outage buffer: with Redis away (at start or later) webhooks are still
 * answered at once, their jobs held in memory up to `outageBuffer` and queued when Redis is back.
 *
 * @example
 * const queue = createRedisQueue({ connection: env.REDIS_URL, prefix: "architect", outageBuffer: 1000, metrics });
 */
export function createRedisQueue(options: RedisQueueOptions): JobQueue {
  const { outageBuffer, metrics, ...bullmqOptions } = options;
  const queue = createBullmqQueue(bullmqOptions);
  return createOutageBufferedQueue(queue, queue.link, {
    limit: outageBuffer,
    ...(options.logger ? { logger: options.logger.child({ component: "outage-buffer" }) } : {}),
    onBuffered: () => metrics.redisOutageDeliveries.inc({ outcome: "held" }),
    onOverflow: () => metrics.redisOutageDeliveries.inc({ outcome: "refused" }),
  });
}
