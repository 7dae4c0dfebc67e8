/**
 * Entry of a worker thread of the analysis pool (piscina loads it by file name). A task is a batch of
 * files, as patches (parsed here) or as parsed hunks, answered with what the main thread lacks (the
 * redacted hunks of files that had a secret, and the findings); or a batch of changed files whose
 * architecture impact (endpoints, data changes, outbound calls…) is read; or both over a review's files.
 */
import { setPriority } from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Piscina } from "piscina";
import type { Declaration } from "../context/find-declarations.js";
import { takeParsedChars } from "../detectors/ast-grep-languages.js";
import { buildLineIndex } from "../diff/line-index.js";
import type { Hunk } from "../diff/parse-patch.js";
import type { ImpactFile } from "../impact/build-architecture-impact.js";
import {
  analyseIndexes,
  analysePatchSources,
  analyseReviewSources,
  type DeclarationSource,
  extractImpactPerFile,
  findDeclarationsOf,
  type ImpactExtraction,
  type PatchAnalysis,
  type PatchSource,
  type ReviewBatchAnalysis,
  type ReviewSource,
} from "./analyse-files.js";
import { isCollectionDue, readMemoryTarget } from "./collection-policy.js";

export type AnalysisTask =
  | { kind: "patches"; files: PatchSource[] }
  | { kind: "hunks"; files: { path: string; hunks: Hunk[] }[] }
  | { kind: "impact"; files: ImpactFile[] }
  | { kind: "review"; files: ReviewSource[] }
  | { kind: "declarations"; files: DeclarationSource[] };

// This thread yields the CPU to the main thread: on Linux a thread's nice value is its own, so the thread that
// answers webhooks (and orchestrates the review) runs first when both want a core, and the analysis takes the
// rest. A runtime that refuses it (another OS) leaves the default priority.
const analysisNice = 10;
try {
  setPriority(analysisNice);
} catch {
  // Not permitted here: the analysis runs at the main thread's priority.
}

// ast-grep's trees live in native memory V8 does not count: their JavaScript handles are small, so a worker's
// heap never grows enough for a full collection, and the trees of every review stayed allocated (a worker
// parsing 18,000 files reached 800 MB with a 5 MB heap). So this thread runs a full collection between two
// tasks when `isCollectionDue` says (after a million parsed characters, or sooner once the process is over
// its memory target); the pool lets the event loop turn between tasks (`atomics: "async"`), where the
// handles' finalizers free the trees.
const collectGarbage = exposeGarbageCollection();
const memoryTargetBytes = readMemoryTarget(Piscina.workerData);
let parsedSinceCollection = 0;

/** V8's `gc` for this thread; a no-op (memory then freed only when V8 decides) if the runtime refuses it. */
function exposeGarbageCollection(): () => void {
  try {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    if (typeof gc === "function") return gc as () => void;
  } catch {
    // Not exposed: fall through.
  }
  return () => {};
}

function collectWhenDue(): void {
  parsedSinceCollection += takeParsedChars();
  if (
    !isCollectionDue({
      parsedChars: parsedSinceCollection,
      rssBytes: () => process.memoryUsage.rss(),
      memoryTargetBytes,
    })
  ) {
    return;
  }
  parsedSinceCollection = 0;
  // After the answer is posted: the collection delays the next task, not this one's result.
  setImmediate(collectGarbage);
}

export default async function runAnalysisTask(task: AnalysisTask): Promise<AnalysisResult> {
  try {
    return await runTask(task);
  } finally {
    collectWhenDue();
  }
}

/** What a task answers. */
export type AnalysisResult = PatchAnalysis | ImpactExtraction[] | ReviewBatchAnalysis | Declaration[][];

async function runTask(task: AnalysisTask): Promise<AnalysisResult> {
  if (task.kind === "declarations") return findDeclarationsOf(task.files);
  if (task.kind === "impact") return extractImpactPerFile(task.files);
  if (task.kind === "review") return analyseReviewSources(task.files);
  if (task.kind === "patches") return analysePatchSources(task.files);
  return analyseIndexes(task.files.map((file) => buildLineIndex(file.path, file.hunks)));
}
