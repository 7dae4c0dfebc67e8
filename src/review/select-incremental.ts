import { type Hunk, parsePatch } from "../diff/parse-patch.js";
import { githubLimits } from "../github/limits.js";

/** The fields of a `pulls.listFiles` / `repos.compareCommits` file entry this step reads. */
export interface IncrementalFileInput {
  filename: string;
  /** Absent for binary and very large files. */
  patch?: string;
  status: string;
}

/** `repos.compareCommitsWithBasehead(lastReviewedSha...newHeadSha)`, or null when GitHub answered 404. */
export interface CompareResult {
  status: "ahead" | "behind" | "diverged" | "identical";
  files: IncrementalFileInput[];
}

export interface IncrementalFile {
  filename: string;
  /** Hunks of the pull request's current patch (base...head): their line numbers are the ones to comment on. */
  hunks: Hunk[];
}

export interface IncrementalSelection {
  mode: "incremental" | "full";
  reason: string;
  files: IncrementalFile[];
  /** Pull request files left out of this review, with why. */
  dropped: { filename: string; reason: string }[];
}

export const forcePushReason = "history was rewritten since the last review (force-push): full review";

/**
 * Decides what a re-review of a pull request looks at, given the comparison between the last reviewed
 * head and the new head.
 *
 * - No comparison (404: the old SHA is gone after a force-push), `diverged` or `behind` → full review of
 *   every file.
 * - `identical` → nothing to review.
 * - `ahead` → only the pull request's files the new commits touched, and within them only the hunks of
 *   the pull request's CURRENT patch that have an added line which the new commits added. Both patches
 *   number new-file lines against the new head, so the numbers can be compared directly. Commits merged
 *   in from the base branch add lines that the pull request's patch does not show as added, so they drop
 *   out by themselves.
 *
 * A compared file without a patch (too large for GitHub) keeps all its current hunks: what changed in it
 * cannot be known.
 */
export function selectIncremental(input: {
  currentFiles: readonly IncrementalFileInput[];
  compare: CompareResult | null;
}): IncrementalSelection {
  const { currentFiles, compare } = input;
  if (compare === null || compare.status === "diverged" || compare.status === "behind") {
    return {
      mode: "full",
      reason:
        compare === null
          ? "the last reviewed commit is no longer known; history was rewritten since the last review (force-push): full review"
          : forcePushReason,
      files: currentFiles.map((file) => ({ filename: file.filename, hunks: parsePatch(file.patch) })),
      dropped: [],
    };
  }
  if (compare.files.length >= githubLimits.maxCompareFiles) {
    // The comparison may be cut (GitHub does not say so): what else changed cannot be known.
    return {
      mode: "full",
      reason: buildCompareCutReason(compare.files.length, currentFiles.length),
      files: currentFiles.map((file) => ({ filename: file.filename, hunks: parsePatch(file.patch) })),
      dropped: [],
    };
  }
  if (compare.status === "identical") {
    return {
      mode: "incremental",
      reason: "no new changes since the last review",
      files: [],
      dropped: currentFiles.map((file) => ({
        filename: file.filename,
        reason: "unchanged since the last review",
      })),
    };
  }

  const compared = new Map(compare.files.map((file) => [file.filename, file]));
  const files: IncrementalFile[] = [];
  const dropped: IncrementalSelection["dropped"] = [];
  for (const file of currentFiles) {
    const newChanges = compared.get(file.filename);
    if (!newChanges) {
      dropped.push({ filename: file.filename, reason: "unchanged since the last review" });
      continue;
    }
    const hunks = parsePatch(file.patch);
    if (hunks.length === 0) {
      dropped.push({
        filename: file.filename,
        reason: "no diff to review (binary, or too large for GitHub to show)",
      });
      continue;
    }
    if (newChanges.patch === undefined) {
      files.push({ filename: file.filename, hunks });
      continue;
    }
    const newlyAdded = listAddedLines(parsePatch(newChanges.patch));
    const touched = hunks.filter((hunk) =>
      hunk.lines.some(
        (line) => line.kind === "add" && line.newLine !== undefined && newlyAdded.has(line.newLine),
      ),
    );
    if (touched.length === 0) {
      dropped.push({
        filename: file.filename,
        reason: "the new commits added no line that this pull request adds (only deletions or reverts)",
      });
      continue;
    }
    files.push({ filename: file.filename, hunks: touched });
  }
  return {
    mode: "incremental",
    reason: `reviewing the changes since the last review (${files.length} of ${currentFiles.length} files)`,
    files,
    dropped,
  };
}

/** Why a re-review covers the whole pull request when the comparison lists GitHub's maximum of files. */
export function buildCompareCutReason(comparedFiles: number, pullFiles: number): string {
  return `the new commits changed ${comparedFiles.toLocaleString("en")} or more files, and GitHub's comparison lists at most ${githubLimits.maxCompareFiles} (it may have cut the list), so every file of the pull request's file list (${pullFiles.toLocaleString("en")} server-side files) was reviewed again: full review`;
}

function listAddedLines(hunks: readonly Hunk[]): Set<number> {
  const added = new Set<number>();
  for (const hunk of hunks) {
    for (const line of hunk.lines)
      if (line.kind === "add" && line.newLine !== undefined) added.add(line.newLine);
  }
  return added;
}
