import { createInProcessQueue } from "../../src/queue/in-process-queue.js";
import type { JobQueue } from "../../src/queue/job-queue.js";
import { runJobQueueConformance } from "./job-queue.conformance.js";

runJobQueueConformance("createInProcessQueue", () => {
  const queues: JobQueue[] = [];
  return {
    createQueue(options) {
      const queue = createInProcessQueue({ abortWaitMs: 100, ...options });
      queues.push(queue);
      return queue;
    },
    // Nothing to hand back to in memory: the closed queue still counts the job it stopped.
    getDepthAfterClose: (queue) => queue.getDepth(),
    async cleanup() {
      await Promise.all(queues.map((queue) => queue.close(0)));
    },
  };
});
