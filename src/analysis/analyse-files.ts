import { runDetectors } from "../detectors/run-detectors.js";
import type { FileLineIndex } from "../diff/line-index.js";
import type { Finding } from "../findings/finding.js";
import { redactSecrets } from "../security/redact-secrets.js";

/** What the analysis of a set of files gives back. */
export interface FileAnalysis {
  /** The files with every detected secret redacted, in the order given (unchanged files as they were). */
  files: FileLineIndex[];
  /** Hard-coded credentials found on added lines (never their values). */
  secretFindings: Finding[];
  /** Findings of the rule-based detectors, run on the redacted files. */
  ruleFindings: Finding[];
  /** Messages of detectors that threw on a file (that detector skipped that file). */
  errors: string[];
}

/**
 * Step 7's CPU work on one batch of files: the secret scan (and redaction), then the detectors over the
 * redacted text. The same function runs on the main thread and in the worker pool, so both give the same
 * result.
 */
export async function analyseFiles(files: FileLineIndex[]): Promise<FileAnalysis> {
  const redacted = await redactSecrets(files);
  const errors: string[] = [];
  const ruleFindings = runDetectors(redacted.files, {
    onError: (error) => errors.push(error.message),
  });
  return { files: redacted.files, secretFindings: redacted.findings, ruleFindings, errors };
}
