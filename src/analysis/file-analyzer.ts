import type { FileLineIndex } from "../diff/line-index.js";
import { analyseFiles, type FileAnalysis } from "./analyse-files.js";

/**
 * Runs the secret scan and the detectors over a review's files. Two implementations: on the main thread
 * (the default: needs nothing, yields to the event loop between batches) and in a pool of worker threads
 * (`createPoolAnalyzer`), which keeps that CPU off the thread that answers webhooks and uses every core.
 * Both return the same analysis for the same files.
 */
export interface FileAnalyzer {
  analyse(files: FileLineIndex[]): Promise<FileAnalysis>;
  close(): Promise<void>;
}

/** Files per batch: small enough to yield (or spread over workers) often, large enough to keep calls cheap. */
export const analysisBatchFiles = 50;
/** Characters of patch per batch, so one batch of huge files does not hold a thread for long. */
export const analysisBatchChars = 400_000;

/** Cuts `files` into batches of at most `analysisBatchFiles` files and about `analysisBatchChars` characters. */
export function splitIntoBatches(files: FileLineIndex[]): FileLineIndex[][] {
  const batches: FileLineIndex[][] = [];
  let batch: FileLineIndex[] = [];
  let chars = 0;
  for (const file of files) {
    const size = file.hunks.reduce(
      (sum, hunk) => sum + hunk.lines.reduce((lineSum, line) => lineSum + line.text.length + 1, 0),
      0,
    );
    if (batch.length > 0 && (batch.length >= analysisBatchFiles || chars + size > analysisBatchChars)) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(file);
    chars += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** Joins batch results in batch order: secrets of every file first, then detector findings, as one call would. */
export function mergeAnalyses(parts: FileAnalysis[]): FileAnalysis {
  return {
    files: parts.flatMap((part) => part.files),
    secretFindings: parts.flatMap((part) => part.secretFindings),
    ruleFindings: parts.flatMap((part) => part.ruleFindings),
    errors: parts.flatMap((part) => part.errors),
  };
}

/** The main-thread analyzer: batch by batch, yielding to the event loop in between. */
export function createInlineAnalyzer(): FileAnalyzer {
  return {
    async analyse(files) {
      const parts: FileAnalysis[] = [];
      for (const batch of splitIntoBatches(files)) {
        parts.push(await analyseFiles(batch));
        await new Promise((resolve) => setImmediate(resolve));
      }
      return mergeAnalyses(parts);
    },
    async close() {},
  };
}
