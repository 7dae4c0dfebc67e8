import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { FileLineIndex } from "../diff/line-index.js";
import type { FileAnalysis } from "./analyse-files.js";
import type { AnalysisTask, AnalysisTaskResult } from "./analysis-worker.js";
import { type FileAnalyzer, mergeAnalyses, splitIntoBatches } from "./file-analyzer.js";

export interface PoolAnalyzerOptions {
  /** Worker threads; defaults to the machine's available parallelism. */
  threads?: number;
  /** The worker's module (the built `analysis-worker.js`); tests of the TypeScript sources point at `lib/`. */
  workerFile?: URL;
}

/**
 * The analyzer that runs the secret scan and the detectors in a pool of worker threads (piscina), one
 * batch of files per task, so the main thread keeps only I/O and orchestration and every core works on a
 * large review. Threads start with the pool and stay (a worker loads ast-grep's parsers and secretlint's
 * rules once). Results are merged in batch order, so they equal `createInlineAnalyzer`'s.
 */
export function createPoolAnalyzer(options: PoolAnalyzerOptions = {}): FileAnalyzer {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const pool = new Piscina<AnalysisTask, AnalysisTaskResult>({
    filename: (options.workerFile ?? new URL("./analysis-worker.js", import.meta.url)).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  return {
    async analyse(files: FileLineIndex[]): Promise<FileAnalysis> {
      const batches = splitIntoBatches(files);
      const parts = await Promise.all(
        batches.map(async (batch): Promise<FileAnalysis> => {
          const result = await pool.run({
            files: batch.map((file) => ({ path: file.path, hunks: file.hunks })),
          });
          return {
            files: batch.map((file, i) => {
              const hunks = result.redactedHunks[i];
              // Redaction replaces text only: line numbers, and so the index's maps, stay the same.
              return hunks ? { ...file, hunks } : file;
            }),
            secretFindings: result.secretFindings,
            ruleFindings: result.ruleFindings,
            errors: result.errors,
          };
        }),
      );
      return mergeAnalyses(parts);
    },
    async close() {
      await pool.destroy();
    },
  };
}
