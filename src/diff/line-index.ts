import type { Hunk } from "./parse-patch.js";

export type Side = "RIGHT" | "LEFT";

/**
 * The commentable lines of one file of a pull request, as GitHub sees them.
 * Invariant: a line is in `right` (new-file number; added or context) or `left` (old-file number;
 * deleted) only if GitHub accepts a review comment on it, and the value is the index of its hunk.
 */
export interface FileLineIndex {
  path: string;
  hunks: Hunk[];
  right: Map<number, number>;
  left: Map<number, number>;
  /** New-file numbers of the lines this change adds. */
  added: Set<number>;
}

export function buildLineIndex(path: string, hunks: Hunk[]): FileLineIndex {
  const right = new Map<number, number>();
  const left = new Map<number, number>();
  const added = new Set<number>();
  hunks.forEach((hunk, hunkIndex) => {
    for (const line of hunk.lines) {
      if (line.kind === "del") {
        if (line.oldLine !== undefined) left.set(line.oldLine, hunkIndex);
        continue;
      }
      if (line.newLine === undefined) continue;
      right.set(line.newLine, hunkIndex);
      if (line.kind === "add") added.add(line.newLine);
    }
  });
  return { path, hunks, right, left, added };
}

export function isCommentable(index: FileLineIndex, line: number, side: Side = "RIGHT"): boolean {
  return (side === "RIGHT" ? index.right : index.left).has(line);
}

/**
 * True when `startLine..line` can be one multi-line comment: both ends commentable on the RIGHT side,
 * in the same hunk, start strictly before end (GitHub rejects start_line == line).
 */
export function isCommentableRange(index: FileLineIndex, startLine: number, line: number): boolean {
  if (startLine >= line) return false;
  const startHunk = index.right.get(startLine);
  return startHunk !== undefined && startHunk === index.right.get(line);
}

/** The text of new-file line `line`, when the patch shows it. */
export function getNewLineText(index: FileLineIndex, line: number): string | undefined {
  const hunkIndex = index.right.get(line);
  if (hunkIndex === undefined) return undefined;
  return index.hunks[hunkIndex]?.lines.find((l) => l.kind !== "del" && l.newLine === line)?.text;
}
