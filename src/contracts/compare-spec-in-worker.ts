import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { SpecTexts } from "./compare-spec-texts.js";
import type { SpecComparison } from "./contract-change.js";

export interface WorkerLimits {
  /** Wall-clock time for one file's parse and comparison; the worker is terminated past it. */
  timeoutMs: number;
  /** V8 old-generation heap of the worker. */
  maxHeapMb: number;
}

/**
 * The built worker next to this module; when this module runs from `src/` (the tests run TypeScript
 * through a transform, and a worker cannot), the built one in `lib/` (`npm test` builds first).
 */
function getWorkerUrl(): URL {
  const beside = new URL("./contract-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  return new URL("../../lib/contracts/contract-worker.js", import.meta.url);
}

/**
 * Parses and compares one API description in a worker thread: a hostile or huge file costs at most
 * `timeoutMs` of one thread and `maxHeapMb` of memory, and never blocks the event loop.
 */
export function compareSpecInWorker(spec: SpecTexts, limits: WorkerLimits): Promise<SpecComparison | null> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: SpecComparison | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const worker = new Worker(getWorkerUrl(), {
      workerData: spec,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
      stdout: true,
      stderr: true,
    });
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          problem: `not compared: the comparison took longer than ${formatDuration(limits.timeoutMs)}`,
        }),
      limits.timeoutMs,
    );
    worker.once("message", (result: SpecComparison | null) => finish(result));
    worker.once("error", (error: Error & { code?: string }) =>
      finish({
        ok: false,
        problem:
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? `not compared: the comparison needed more than ${limits.maxHeapMb} MB of memory`
            : "could not be compared (the comparison failed on its content)",
      }),
    );
    worker.once("exit", () =>
      finish({ ok: false, problem: "could not be compared (the comparison stopped)" }),
    );
  });
}

function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}
