/**
 * Entry of a worker thread of the analysis pool (piscina loads it by file name). A task is a batch of
 * files, as patches (parsed here) or as parsed hunks, answered with what the main thread lacks (the
 * redacted hunks of files that had a secret, and the findings); or a batch of changed files whose
 * architecture impact (endpoints, data changes, outbound calls…) is read; or both over a review's files.
 */
import { buildLineIndex } from "../diff/line-index.js";
import type { Hunk } from "../diff/parse-patch.js";
import type { ImpactFile } from "../impact/build-architecture-impact.js";
import {
  analyseIndexes,
  analysePatchSources,
  analyseReviewSources,
  extractImpact,
  type ImpactExtraction,
  type PatchAnalysis,
  type PatchSource,
  type ReviewAnalysis,
  type ReviewSource,
} from "./analyse-files.js";

export type AnalysisTask =
  | { kind: "patches"; files: PatchSource[] }
  | { kind: "hunks"; files: { path: string; hunks: Hunk[] }[] }
  | { kind: "impact"; files: ImpactFile[] }
  | { kind: "review"; files: ReviewSource[] };

export default async function runAnalysisTask(
  task: AnalysisTask,
): Promise<PatchAnalysis | ImpactExtraction | ReviewAnalysis> {
  if (task.kind === "impact") return extractImpact(task.files);
  if (task.kind === "review") return analyseReviewSources(task.files);
  if (task.kind === "patches") return analysePatchSources(task.files);
  return analyseIndexes(task.files.map((file) => buildLineIndex(file.path, file.hunks)));
}
