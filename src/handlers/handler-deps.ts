import type { Logger } from "pino";
import type { UsageLimits } from "../limits/usage-limits.js";
import type { Metrics } from "../ops/metrics.js";
import type { JobQueue } from "../queue/job-queue.js";

/** What webhook handlers need: they validate, answer quickly and enqueue; the review runs later. */
export interface HandlerDeps {
  queue: JobQueue;
  usageLimits: UsageLimits;
  metrics: Metrics;
  log: Logger;
}
