/**
 * Entry of a worker thread of the analysis pool (piscina loads it by file name). It receives a batch of
 * files as plain data and answers with what changed: the redacted hunks of files that had a secret (null
 * for the others, which the main thread keeps as they are) and the findings.
 */

import { buildLineIndex } from "../diff/line-index.js";
import type { Hunk } from "../diff/parse-patch.js";
import type { Finding } from "../findings/finding.js";
import { analyseFiles } from "./analyse-files.js";

export interface AnalysisTask {
  files: { path: string; hunks: Hunk[] }[];
}

export interface AnalysisTaskResult {
  /** Per file, in order: the redacted hunks, or null when the file is unchanged. */
  redactedHunks: (Hunk[] | null)[];
  secretFindings: Finding[];
  ruleFindings: Finding[];
  errors: string[];
}

export default async function runAnalysisTask(task: AnalysisTask): Promise<AnalysisTaskResult> {
  const indexes = task.files.map((file) => buildLineIndex(file.path, file.hunks));
  const analysis = await analyseFiles(indexes);
  return {
    redactedHunks: analysis.files.map((file, i) => (file === indexes[i] ? null : file.hunks)),
    secretFindings: analysis.secretFindings,
    ruleFindings: analysis.ruleFindings,
    errors: analysis.errors,
  };
}
