import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Declaration } from "../context/find-declarations.js";
import type { FileLineIndex } from "../diff/line-index.js";
import { createEmptyImpact } from "../impact/architecture-impact.js";
import type { ImpactFile } from "../impact/build-architecture-impact.js";
import {
  analyseIndexes,
  analysePatchSources,
  analyseReviewSources,
  applyPatchAnalysis,
  type DeclarationSource,
  extractImpactPerFile,
  type FileAnalysis,
  findDeclarationsOf,
  type ImpactExtraction,
  mergeImpactExtractions,
  mergePatchAnalyses,
  type PatchAnalysis,
  type PatchSource,
  type ReviewAnalysis,
  type ReviewSource,
} from "./analyse-files.js";
import { analyseReviewWithMemo, createImpactMemo, extractImpactWithMemo } from "./impact-memo.js";

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
  /**
   * Both at once over a review's changed files (`analysePatches` over those marked `analyse`,
   * `extractImpact` over those marked `impact`): each file is parsed once for both. An aborted call rejects.
   */
  analyseReview(sources: ReviewSource[], signal?: AbortSignal): Promise<ReviewAnalysis>;
  /** The declarations of repository files (for the review's context): parsed where the rest is parsed. */
  findDeclarations(files: DeclarationSource[]): Promise<Declaration[][]>;
  /**
   * Reads the architecture impact of changed files (the same parsers: CPU work, run where the rest runs).
   * Both this and `analyseReview` remember each file's part by path and patch (`createImpactMemo`): a file
   * an earlier call read is not read again.
   */
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

export function getTextSize(file: DeclarationSource): number {
  return file.text.length;
}

export function getPatchSize(source: PatchSource): number {
  return source.patch.length;
}

/** Joins the results of `analyseReview` calls (pages of a review) in order. */
export function mergeReviewAnalyses(parts: ReviewAnalysis[]): ReviewAnalysis {
  return {
    analysis: mergePatchAnalyses(parts.map((part) => part.analysis)),
    impact: mergeImpactExtractions(parts.map((part) => part.impact)),
  };
}

/** The main-thread analyzer: batch by batch, yielding to the event loop in between. */
export function createInlineAnalyzer(): FileAnalyzer {
  const memo = createImpactMemo();
  return {
    async analyse(files) {
      const parts = await runBatches(splitIntoBatches(files, getIndexSize), analyseIndexes);
      return applyPatchAnalysis(files, mergePatchAnalyses(parts));
    },
    async analysePatches(sources, signal) {
      return mergePatchAnalyses(
        await runBatches(splitIntoBatches(sources, getPatchSize), analysePatchSources, signal),
      );
    },
    analyseReview(sources, signal) {
      return analyseReviewWithMemo(memo, sources, (toRead) =>
        runBatches(splitIntoBatches(toRead, getPatchSize), analyseReviewSources, signal),
      );
    },
    async findDeclarations(files) {
      return (await runBatches(splitIntoBatches(files, getTextSize), findDeclarationsOf)).flat();
    },
    extractImpact(files) {
      return extractImpactWithMemo(memo, files, async (missing) =>
        (await runBatches(splitImpactBatches(missing), extractImpactPerFile)).flat(),
      );
    },
    async close() {},
  };
}

/** Runs `work` on each batch in turn on this thread, letting the event loop run in between; stops when aborted. */
async function runBatches<B, R>(
  batches: B[],
  work: (batch: B) => R | Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const results: R[] = [];
  for (const batch of batches) {
    signal?.throwIfAborted();
    results.push(await work(batch));
    await yieldToEventLoop();
  }
  return results;
}

/** An analysis under way, which can be dropped. */
export interface PatchAnalysisRun {
  result: Promise<PatchAnalysis>;
  /** The architecture impact read in the same pass, when impact files were given (never rejects). */
  impact: Promise<ImpactExtraction> | null;
  /** Drops the batches not yet started (no-op once the result is in). */
  cancel(): void;
}

/**
 * Starts the analysis of `sources` (the review's candidates). With `impactFiles` (the changed files the
 * architecture impact reads, in the pull request's order, of which `sources` is a subsequence), the impact
 * is read in the same pass, so each file is parsed once; a failure of that pass leaves the impact empty.
 */
export function startPatchAnalysis(
  analyzer: FileAnalyzer,
  sources: PatchSource[],
  impactFiles?: readonly ImpactFile[],
): PatchAnalysisRun {
  // One page: the whole list at once.
  const paged = startPagedAnalysis(analyzer, { impact: impactFiles !== undefined });
  paged.addPage(sources, impactFiles ?? null);
  return paged.finish();
}

/** An analysis started page by page while a pull request's files are still being listed. */
export interface PagedAnalysis {
  /** Starts on one page's candidates (and, when the impact is read, the page's impact files). */
  addPage(sources: PatchSource[], impactFiles: readonly ImpactFile[] | null): void;
  /** The whole analysis once every page was added: the pages' results joined in order. */
  finish(): PatchAnalysisRun;
  /** Drops the batches not yet started. */
  cancel(): void;
}

/**
 * `startPatchAnalysis` fed page by page: the first pages are analysed while GitHub sends the next ones. Pages
 * are analysed in order (the pool takes tasks first come, first served) and joined in order, so the result
 * equals one call over all the files.
 */
export function startPagedAnalysis(analyzer: FileAnalyzer, options: { impact: boolean }): PagedAnalysis {
  const controller = new AbortController();
  const pages: Promise<ReviewAnalysis>[] = [];
  const emptyImpact = (): ImpactExtraction => ({ impact: createEmptyImpact(), errors: [] });
  return {
    addPage(sources, impactFiles) {
      const page =
        options.impact && impactFiles
          ? analyzer.analyseReview(mergeReviewSources(sources, impactFiles), controller.signal)
          : sources.length === 0
            ? Promise.resolve({ analysis: mergePatchAnalyses([]), impact: emptyImpact() })
            : analyzer
                .analysePatches(sources, controller.signal)
                .then((analysis) => ({ analysis, impact: emptyImpact() }));
      // A dropped page rejects with an abort: that is no failure of the review.
      page.catch(() => {});
      pages.push(page);
    },
    finish() {
      const all = Promise.all(pages).then(mergeReviewAnalyses);
      const result = all.then((both) => both.analysis);
      result.catch(() => {});
      const impact = options.impact ? all.then((both) => both.impact, emptyImpact) : null;
      return { result, impact, cancel: () => controller.abort() };
    },
    cancel: () => controller.abort(),
  };
}

/**
 * One list of the review's files in the pull request's order: the candidates (analysed) and the impact files
 * (a file in both is listed once, marked for both).
 */
export function mergeReviewSources(
  sources: PatchSource[],
  impactFiles: readonly ImpactFile[],
): ReviewSource[] {
  const analysed = new Map(sources.map((source) => [source.path, source]));
  const merged: ReviewSource[] = [];
  const listed = new Set<string>();
  let nextSource = 0;
  for (const file of impactFiles) {
    const source = analysed.get(file.filename);
    // Candidates before this one that the impact does not read (it can be switched off per path).
    if (source) {
      while (nextSource < sources.length && sources[nextSource] !== source) {
        const earlier = sources[nextSource++] as PatchSource;
        if (!listed.has(earlier.path)) {
          merged.push({ ...earlier, analyse: true, impact: false });
          listed.add(earlier.path);
        }
      }
      nextSource++;
      merged.push({ ...source, analyse: true, impact: true });
      listed.add(source.path);
    } else if (file.patch !== undefined && file.patch !== "") {
      merged.push({ path: file.filename, patch: file.patch, analyse: false, impact: true });
    }
  }
  for (; nextSource < sources.length; nextSource++) {
    const rest = sources[nextSource] as PatchSource;
    if (!listed.has(rest.path)) merged.push({ ...rest, analyse: true, impact: false });
  }
  return merged;
}
