import type { JobQueueEvents } from "../queue/job-queue.js";
import type { Metrics } from "./metrics.js";

/**
 * Connects the queue's hooks to the metrics, so that the queue does not import prom-client.
 *
 * @example
 * const queue = createInProcessQueue({ events: createQueueMetricsEvents(metrics) });
 */
export function createQueueMetricsEvents(metrics: Metrics): JobQueueEvents {
  return {
    onQueued: () => metrics.jobsQueued.inc(),
    onDuplicate: () => metrics.jobsDuplicate.inc(),
    onSuperseded: () => metrics.jobsSuperseded.inc(),
    onActive: () => metrics.jobsActive.inc(),
    onSettled: () => metrics.jobsActive.dec(),
    onCompleted: (durationMs) => {
      metrics.jobsCompleted.inc();
      metrics.reviewDuration.observe(durationMs / 1000);
    },
    onFailed: (permanent) => metrics.jobsFailed.inc({ permanent: String(permanent) }),
    onRetry: () => metrics.jobsRetried.inc(),
  };
}
