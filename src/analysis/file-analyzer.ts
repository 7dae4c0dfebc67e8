import type { FileLineIndex } from "../diff/line-index.js";
import type { ImpactFile } from "../impact/build-architecture-impact.js";
import {
  analyseIndexes,
  analysePatchSources,
  applyPatchAnalysis,
  extractImpact,
  type FileAnalysis,
  type ImpactExtraction,
  mergeImpactExtractions,
  type PatchAnalysis,
  type PatchSource,
} from "./analyse-files.js";

/**
 * Runs the secret scan and the detectors over a review's files. Two implementations: on the main thread
 * (the default: needs nothing, yields to the event loop between batches) and in a pool of worker threads
 * (`createPoolAnalyzer`), which keeps that CPU off the thread that answers webhooks and uses every core.
 * Both return the same analysis for the same files.
 */
export interface FileAnalyzer {
  /** Analyses files already parsed and indexed. */
  analyse(files: FileLineIndex[]): Promise<FileAnalysis>;
  /**
   * Analyses files given as patches (parsed by the analyzer): the pipeline starts this before it has
   * parsed the files itself, and applies the result with `applyPatchAnalysis`. An aborted call rejects.
   */
  analysePatches(sources: PatchSource[], signal?: AbortSignal): Promise<PatchAnalysis>;
  /** Reads the architecture impact of changed files (the same parsers: CPU work, run where the rest runs). */
  extractImpact(files: ImpactFile[]): Promise<ImpactExtraction>;
  close(): Promise<void>;
}

/** Files per impact batch (each file is parsed on both sides of its diff). */
export const impactBatchFiles = 25;

/** Cuts the files of an impact extraction into batches of `impactBatchFiles`. */
export function splitImpactBatches(files: ImpactFile[]): ImpactFile[][] {
  const batches: ImpactFile[][] = [];
  for (let i = 0; i < files.length; i += impactBatchFiles) batches.push(files.slice(i, i + impactBatchFiles));
  return batches;
}

/** Files per batch: small enough to yield (or spread over workers) often, large enough to keep calls cheap. */
export const analysisBatchFiles = 50;
/** Characters per batch, so that one batch of huge files does not hold a thread for long. */
export const analysisBatchChars = 400_000;

/** Cuts `items` into batches of at most `analysisBatchFiles` items and about `analysisBatchChars` characters. */
export function splitIntoBatches<T>(items: T[], sizeOf: (item: T) => number): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let chars = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (batch.length > 0 && (batch.length >= analysisBatchFiles || chars + size > analysisBatchChars)) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(item);
    chars += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

export function getIndexSize(file: FileLineIndex): number {
  let size = 0;
  for (const hunk of file.hunks) for (const line of hunk.lines) size += line.text.length + 1;
  return size;
}

export function getPatchSize(source: PatchSource): number {
  return source.patch.length;
}

/** Joins batch results in batch order: secrets of every file first, then detector findings, as one call would. */
export function mergePatchAnalyses(parts: PatchAnalysis[]): PatchAnalysis {
  return {
    redactedHunks: new Map(parts.flatMap((part) => [...part.redactedHunks])),
    secretFindings: parts.flatMap((part) => part.secretFindings),
    ruleFindings: parts.flatMap((part) => part.ruleFindings),
    errors: parts.flatMap((part) => part.errors),
  };
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The main-thread analyzer: batch by batch, yielding to the event loop in between. */
export function createInlineAnalyzer(): FileAnalyzer {
  return {
    async analyse(files) {
      const parts: PatchAnalysis[] = [];
      for (const batch of splitIntoBatches(files, getIndexSize)) {
        parts.push(await analyseIndexes(batch));
        await yieldToEventLoop();
      }
      return applyPatchAnalysis(files, mergePatchAnalyses(parts));
    },
    async analysePatches(sources, signal) {
      const parts: PatchAnalysis[] = [];
      for (const batch of splitIntoBatches(sources, getPatchSize)) {
        signal?.throwIfAborted();
        parts.push(await analysePatchSources(batch));
        await yieldToEventLoop();
      }
      return mergePatchAnalyses(parts);
    },
    async extractImpact(files) {
      const parts: ImpactExtraction[] = [];
      for (const batch of splitImpactBatches(files)) {
        parts.push(extractImpact(batch));
        await yieldToEventLoop();
      }
      return mergeImpactExtractions(parts);
    },
    async close() {},
  };
}

/** An analysis under way, which can be dropped. */
export interface PatchAnalysisRun {
  result: Promise<PatchAnalysis>;
  /** Drops the batches not yet started (no-op once the result is in). */
  cancel(): void;
}

export function startPatchAnalysis(analyzer: FileAnalyzer, sources: PatchSource[]): PatchAnalysisRun {
  const controller = new AbortController();
  const result = analyzer.analysePatches(sources, controller.signal);
  // A dropped analysis rejects with an abort: that is no failure of the review.
  result.catch(() => {});
  return { result, cancel: () => controller.abort() };
}
