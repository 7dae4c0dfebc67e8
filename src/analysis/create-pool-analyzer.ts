import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { Declaration } from "../context/find-declarations.js";
import {
  applyPatchAnalysis,
  type ImpactExtraction,
  mergePatchAnalyses,
  type PatchAnalysis,
  type ReviewBatchAnalysis,
} from "./analyse-files.js";
import type { AnalysisResult, AnalysisTask } from "./analysis-worker.js";
import { type AnalysisWorkerData, defaultMemoryTargetMb } from "./collection-policy.js";
import {
  type FileAnalyzer,
  getIndexSize,
  getPatchSize,
  getTextSize,
  splitImpactBatches,
  splitIntoBatches,
} from "./file-analyzer.js";
import { analyseReviewWithMemo, createImpactMemo, extractImpactWithMemo } from "./impact-memo.js";

export interface PoolAnalyzerOptions {
  /** Worker threads; defaults to the machine's available parallelism. */
  threads?: number;
  /** The worker's module (the built `analysis-worker.js`); tests of the TypeScript sources point at `lib/`. */
  workerFile?: URL;
  /**
   * Resident memory (MB) of the process the threads try to stay under, by collecting parse trees sooner
   * (`ANALYSIS_MEMORY_TARGET_MB`; default 300).
   */
  memoryTargetMb?: number;
}

/** Each analysis thread's young generation (V8 would reserve 48 MB on a large machine). */
const workerYoungGenerationMb = 16;

/**
 * The analyzer that runs the secret scan and the detectors in a pool of worker threads (piscina), one
 * batch of files per task, so that the main thread keeps only I/O and orchestration and every core works
 * on a large review. Threads start with the pool and stay (each loads ast-grep's parsers and secretlint's
 * rules once). Batches are merged in order, so results equal `createInlineAnalyzer`'s.
 *
 * Patches cross to the workers as strings (cheap to copy) and are parsed there: copying parsed hunks
 * costs the main thread about as much as parsing them.
 */
export function createPoolAnalyzer(options: PoolAnalyzerOptions = {}): FileAnalyzer {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const memo = createImpactMemo();
  const pool = new Piscina<AnalysisTask, AnalysisResult>({
    filename: (options.workerFile ?? new URL("./analysis-worker.js", import.meta.url)).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    workerData: {
      memoryTargetMb: options.memoryTargetMb ?? defaultMemoryTargetMb,
    } satisfies AnalysisWorkerData,
    // The event loop of a thread turns between tasks: the finalizers that free parse trees run there.
    atomics: "async",
    // A task's garbage is short-lived (nodes of one file): a smaller young generation than V8's default
    // (48 MB on a large machine) is collected as cheaply and keeps each thread ~15 MB smaller.
    resourceLimits: { maxYoungGenerationSizeMb: workerYoungGenerationMb },
  });
  // Tasks are handed to the pool a few at a time (two per thread, so that no thread waits between two
  // tasks), in the order they were asked for across all calls (a review's pages of files, another review):
  // a cancelled analysis then stops between batches, where aborting a task that runs would make piscina
  // terminate its thread (and the next review pay for a new one).
  const queue: {
    task: AnalysisTask;
    signal?: AbortSignal | undefined;
    resolve: (result: AnalysisResult) => void;
    reject: (reason: unknown) => void;
  }[] = [];
  let running = 0;
  const pump = () => {
    while (running < threads * 2 && queue.length > 0) {
      const item = queue.shift() as (typeof queue)[number];
      if (item.signal?.aborted) {
        item.reject(item.signal.reason);
        continue;
      }
      running += 1;
      pool
        .run(item.task)
        .then(item.resolve, item.reject)
        .finally(() => {
          running -= 1;
          pump();
        });
    }
  };
  const runTask = <T>(task: AnalysisTask, signal?: AbortSignal): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({ task, signal, resolve: (result) => resolve(result as T), reject });
      pump();
    });
  const runTasks = async <T>(tasks: AnalysisTask[], signal?: AbortSignal): Promise<T[]> => {
    signal?.throwIfAborted();
    const runs = tasks.map((task) => runTask<T>(task, signal));
    // Every task settles (a dropped one rejects when its turn comes): none is left unhandled.
    for (const run of runs) run.catch(() => {});
    return Promise.all(runs);
  };
  const runAll = async (tasks: AnalysisTask[], signal?: AbortSignal): Promise<PatchAnalysis> =>
    mergePatchAnalyses(await runTasks<PatchAnalysis>(tasks, signal));
  return {
    async analyse(files) {
      const tasks = splitIntoBatches(files, getIndexSize).map(
        (batch): AnalysisTask => ({
          kind: "hunks",
          files: batch.map((file) => ({ path: file.path, hunks: file.hunks })),
        }),
      );
      return applyPatchAnalysis(files, await runAll(tasks));
    },
    async analysePatches(sources, signal) {
      const tasks = splitIntoBatches(sources, getPatchSize).map(
        (batch): AnalysisTask => ({ kind: "patches", files: batch }),
      );
      return runAll(tasks, signal);
    },
    analyseReview(sources, signal) {
      return analyseReviewWithMemo(memo, sources, (toRead) => {
        const tasks = splitIntoBatches(toRead, getPatchSize).map(
          (batch): AnalysisTask => ({ kind: "review", files: batch }),
        );
        return runTasks<ReviewBatchAnalysis>(tasks, signal);
      });
    },
    async findDeclarations(files) {
      const tasks = splitIntoBatches(files, getTextSize).map(
        (batch): AnalysisTask => ({ kind: "declarations", files: batch }),
      );
      return (await runTasks<Declaration[][]>(tasks)).flat();
    },
    extractImpact(files) {
      return extractImpactWithMemo(memo, files, async (missing) => {
        const tasks = splitImpactBatches(missing).map(
          (batch): AnalysisTask => ({ kind: "impact", files: batch }),
        );
        return (await runTasks<ImpactExtraction[]>(tasks)).flat();
      });
    },
    async close() {
      await pool.destroy();
    },
  };
}
