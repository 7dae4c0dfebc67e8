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

/**
 * Steps 3–4: keeps the server-side code (and what the repository's `paths` allow), parses each patch and
 * indexes its commentable lines. A file without a patch (binary, or too large for GitHub) is left out
 * with that reason.
 */
export function prepareFiles(params: { files: ChangedFile[]; config: RepoConfig }): PreparedFiles {
  const { selected, leftOut } = selectServerFiles(params.files);
  const indexes = new Map<string, FileLineIndex>();
  for (const file of selected) {
    if (!isPathIncluded(params.config, file.filename)) {
      leftOut.push({ path: file.filename, reason: "excluded by paths in .github/architect.yml" });
      continue;
    }
    if (file.patch === undefined || file.patch === "") {
      leftOut.push({
        path: file.filename,
        reason:
          file.changes === 0 || file.status === "renamed"
            ? "no content change (rename or mode change)"
            : "no diff from GitHub (binary or too large)",
      });
      continue;
    }
    const hunks = parsePatch(file.patch);
    if (hunks.length === 0) {
      leftOut.push({ path: file.filename, reason: "diff could not be parsed" });
      continue;
    }
    indexes.set(file.filename, buildLineIndex(file.filename, hunks));
  }
  return { indexes, leftOut, total: params.files.length };
}
