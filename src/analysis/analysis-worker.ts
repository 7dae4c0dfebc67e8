/**
 * Entry of a worker thread of the analysis pool (piscina loads it by file name). A task is a batch of
 * files, as patches (parsed here) or as parsed hunks; the answer is what the main thread lacks: the
 * redacted hunks of files that had a secret, and the findings.
 */
import { buildLineIndex } from "../diff/line-index.js";
import type { Hunk } from "../diff/parse-patch.js";
import {
  analyseIndexes,
  analysePatchSources,
  type PatchAnalysis,
  type PatchSource,
} from "./analyse-files.js";

export type AnalysisTask =
  | { kind: "patches"; files: PatchSource[] }
  | { kind: "hunks"; files: { path: string; hunks: Hunk[] }[] };

export default async function runAnalysisTask(task: AnalysisTask): Promise<PatchAnalysis> {
  if (task.kind === "patches") return analysePatchSources(task.files);
  return analyseIndexes(task.files.map((file) => buildLineIndex(file.path, file.hunks)));
}
