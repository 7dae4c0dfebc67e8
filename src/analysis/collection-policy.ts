/**
 * When an analysis thread runs a full garbage collection (the only thing that frees the native memory of
 * ast-grep's trees, which V8 does not count; see `analysis-worker.ts`). A collection costs its thread
 * 15–35 ms, so it runs only when it frees enough: after `collectAfterChars` parsed characters in any case,
 * and after `minCharsAboveTarget` once the process is over its memory target (`ANALYSIS_MEMORY_TARGET_MB`).
 */
export const collectAfterChars = 1_000_000;
export const minCharsAboveTarget = 200_000;
/** `ANALYSIS_MEMORY_TARGET_MB`'s default: the process's resident memory the analysis tries to stay under. */
export const defaultMemoryTargetMb = 300;

export function isCollectionDue(params: {
  /** Characters this thread parsed since its last collection. */
  parsedChars: number;
  /** The process's resident memory (read only when the answer depends on it). */
  rssBytes: () => number;
  memoryTargetBytes: number;
}): boolean {
  if (params.parsedChars >= collectAfterChars) return true;
  return params.parsedChars >= minCharsAboveTarget && params.rssBytes() > params.memoryTargetBytes;
}

/** What a pool hands its threads (piscina's `workerData`). */
export interface AnalysisWorkerData {
  memoryTargetMb: number;
}

/** The memory target in bytes from the thread's `workerData`, or the default when it holds none. */
export function readMemoryTarget(workerData: unknown): number {
  const value = (workerData as Partial<AnalysisWorkerData> | null | undefined)?.memoryTargetMb;
  const mb = typeof value === "number" && Number.isFinite(value) && value > 0 ? value : defaultMemoryTargetMb;
  return mb * 1024 * 1024;
}
