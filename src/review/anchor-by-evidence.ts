import { type FileLineIndex, isCommentable, isCommentableRange } from "../diff/line-index.js";

export interface EvidenceAnchor {
  line: number;
  endLine?: number;
  /** How the line was found: the quoted evidence, the model's own line number, or not at all. */
  method: "evidence" | "model-line" | "none";
  /** True when the evidence points at a different line than the one the model claimed. */
  disagreed: boolean;
}

interface NewSideLine {
  line: number;
  /** Text with all whitespace removed. */
  key: string;
}

/**
 * Places a finding on the line its quoted evidence is on, rather than trusting the line number the model
 * gave (models miscount, the evidence is text). Evidence is compared to the new-side lines (added and
 * context) of the file's hunks ignoring whitespace (and the prompt's `12+|` prefix, if the model
 * copied it); for multi-line evidence its first non-blank line
 * must match, and lines where the whole sequence follows win over lines where only the first does.
 *
 * - one match → that line; several → the one closest to the model's line (the earlier on a tie);
 * - a range (`endLine`) keeps the model's length when it stays within the matched line's hunk, else the
 *   anchor becomes a single line;
 * - no evidence or no match → the model's line if commentable (`model-line`), else `none` (the model's
 *   line, unplaced).
 *
 * Invariant: `method` is "none" or `line` is commentable on the RIGHT side, and `line..endLine` (when
 * `endLine` is set) is within one hunk with `line < endLine`.
 */
export function anchorByEvidence(
  finding: { line: number; endLine?: number; evidence?: string },
  index: FileLineIndex,
): EvidenceAnchor {
  const evidence = (finding.evidence ?? "")
    .split("\n")
    .map((line) => toKey(line.replace(renderedPrefix, "")))
    .filter((key) => key !== "");
  const rangeLength =
    finding.endLine !== undefined && finding.endLine > finding.line ? finding.endLine - finding.line : 0;

  if (evidence.length > 0) {
    const line = findEvidenceLine(evidence, finding.line, index);
    if (line !== undefined) {
      return { ...withRange(line, rangeLength, index), method: "evidence", disagreed: line !== finding.line };
    }
  }
  if (isCommentable(index, finding.line)) {
    return { ...withRange(finding.line, rangeLength, index), method: "model-line", disagreed: false };
  }
  return { line: finding.line, method: "none", disagreed: false };
}

function findEvidenceLine(
  evidence: readonly string[],
  modelLine: number,
  index: FileLineIndex,
): number | undefined {
  const byHunk = listNewSideLines(index);
  const firstLineMatches: number[] = [];
  const sequenceMatches: number[] = [];
  for (const lines of byHunk) {
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]!.key !== evidence[0]) continue;
      firstLineMatches.push(lines[i]!.line);
      if (evidence.length > 1 && followsSequence(lines, i, evidence)) sequenceMatches.push(lines[i]!.line);
    }
  }
  const candidates = sequenceMatches.length > 0 ? sequenceMatches : firstLineMatches;
  let best: number | undefined;
  for (const line of candidates) {
    if (best === undefined || Math.abs(line - modelLine) < Math.abs(best - modelLine)) best = line;
  }
  return best;
}

/** True when the evidence's lines follow one another from `lines[start]` on (blank lines skipped). */
function followsSequence(lines: readonly NewSideLine[], start: number, evidence: readonly string[]): boolean {
  if (start + evidence.length > lines.length) return false;
  for (let k = 1; k < evidence.length; k++) if (lines[start + k]!.key !== evidence[k]) return false;
  return true;
}

/** Each hunk's non-blank new-side lines, in order. */
function listNewSideLines(index: FileLineIndex): NewSideLine[][] {
  return index.hunks.map((hunk, hunkIndex) => {
    const lines: NewSideLine[] = [];
    for (const line of hunk.lines) {
      if (line.kind === "del" || line.newLine === undefined) continue;
      // The line index is the authority on what is commentable; a line it does not know is not a target.
      if (index.right.get(line.newLine) !== hunkIndex) continue;
      const key = toKey(line.text);
      if (key !== "") lines.push({ line: line.newLine, key });
    }
    return lines;
  });
}

function withRange(
  line: number,
  rangeLength: number,
  index: FileLineIndex,
): { line: number; endLine?: number } {
  if (rangeLength > 0 && isCommentableRange(index, line, line + rangeLength)) {
    return { line, endLine: line + rangeLength };
  }
  return { line };
}

/** The prompt's line prefix (`12+|`, `12 |`, `-|`), which a model sometimes copies into its evidence. */
const renderedPrefix = /^\s*(\d+ ?\+?|-)\|/;

function toKey(text: string): string {
  return text.replace(/\s+/g, "");
}
