import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { isPathIncluded, type RepoConfig } from "../config/repo-config.js";
import type { ChangedFile } from "../diff/changed-file.js";
import { buildLineIndex, type FileLineIndex } from "../diff/line-index.js";
import { parsePatch } from "../diff/parse-patch.js";
import { type LeftOutFile, selectServerFiles } from "../diff/select-server-files.js";

export interface PreparedFiles {
  /** Server-side files with a usable patch, by path. */
  indexes: Map<string, FileLineIndex>;
  /** Every changed file not reviewed, with why. */
  leftOut: LeftOutFile[];
  total: number;
}

/** A server-side file the repository's `paths` allow, with a patch still to parse. */
export interface ReviewCandidate {
  path: string;
  patch: string;
}

export interface CandidateSelection {
  candidates: ReviewCandidate[];
  leftOut: LeftOutFile[];
  total: number;
}

/**
 * Step 3: keeps the server-side code (and what the repository's `paths` allow) that has a patch. A file
 * without a patch (binary, or too large for GitHub) is left out with that reason.
 */
export function selectCandidates(params: { files: ChangedFile[]; config: RepoConfig }): CandidateSelection {
  const collector = createCandidateCollector(params.config);
  collector.add(params.files);
  return collector.selection(params.files.length);
}

/**
 * `selectCandidates` page by page as a pull request's files are listed: `add` answers a page's candidates at
 * once, and `selection` gives what `selectCandidates` would for all the pages together (same order).
 */
export function createCandidateCollector(config: RepoConfig): {
  add(files: ChangedFile[]): ReviewCandidate[];
  selection(total: number): CandidateSelection;
} {
  const candidates: ReviewCandidate[] = [];
  const notServerCode: LeftOutFile[] = [];
  const notReviewable: LeftOutFile[] = [];
  return {
    add(files) {
      const { selected, leftOut } = selectServerFiles(files);
      notServerCode.push(...leftOut);
      const added: ReviewCandidate[] = [];
      for (const file of selected) {
        if (!isPathIncluded(config, file.filename)) {
          notReviewable.push({ path: file.filename, reason: "excluded by paths in .github/architect.yml" });
          continue;
        }
        if (file.patch === undefined || file.patch === "") {
          notReviewable.push({
            path: file.filename,
            reason:
              file.changes === 0 || file.status === "renamed"
                ? "no content change (rename or mode change)"
                : "no diff from GitHub (binary or too large)",
          });
          continue;
        }
        added.push({ path: file.filename, patch: file.patch });
      }
      candidates.push(...added);
      return added;
    },
    selection: (total) => ({ candidates, leftOut: [...notServerCode, ...notReviewable], total }),
  };
}

function indexCandidate(candidate: ReviewCandidate, prepared: PreparedFiles): void {
  const hunks = parsePatch(candidate.patch);
  if (hunks.length === 0) {
    prepared.leftOut.push({ path: candidate.path, reason: "diff could not be parsed" });
    return;
  }
  prepared.indexes.set(candidate.path, buildLineIndex(candidate.path, hunks));
}

/**
 * Step 4: parses each candidate's patch and indexes its commentable lines, yielding to the event loop
 * every `sliceFiles` files so that a review of thousands of files does not hold up webhook answers.
 */
export async function indexCandidates(
  selection: CandidateSelection,
  sliceFiles = 50,
): Promise<PreparedFiles> {
  const prepared: PreparedFiles = { indexes: new Map(), leftOut: selection.leftOut, total: selection.total };
  for (let i = 0; i < selection.candidates.length; i += sliceFiles) {
    for (const candidate of selection.candidates.slice(i, i + sliceFiles))
      indexCandidate(candidate, prepared);
    if (i + sliceFiles < selection.candidates.length) await yieldToEventLoop();
  }
  return prepared;
}

/** Steps 3–4 in one synchronous call (the local review command). */
export function prepareFiles(params: { files: ChangedFile[]; config: RepoConfig }): PreparedFiles {
  const selection = selectCandidates(params);
  const prepared: PreparedFiles = { indexes: new Map(), leftOut: selection.leftOut, total: selection.total };
  for (const candidate of selection.candidates) indexCandidate(candidate, prepared);
  return prepared;
}
