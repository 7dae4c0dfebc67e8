import parseDiff from "parse-diff";

export type DiffLineKind = "add" | "del" | "context";

export interface DiffLine {
  kind: DiffLineKind;
  /** Old-file line number (deleted and context lines). */
  oldLine?: number;
  /** New-file line number (added and context lines). */
  newLine?: number;
  /** The line's text without its +/-/space prefix and without a trailing \r. */
  text: string;
}

export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  header: string;
  lines: DiffLine[];
}

/**
 * Parses GitHub's per-file `patch` (hunks only, no `diff --git` header) into hunks.
 * Never throws: anything parse-diff cannot make sense of yields no hunks.
 *
 * @example parsePatch("@@ -1 +1 @@\n-a\n+b").length === 1
 */
export function parsePatch(patch: string | undefined | null): Hunk[] {
  if (!patch) return [];
  let files: parseDiff.File[];
  try {
    // parse-diff needs a file header to start a file; GitHub's per-file patch has none.
    files = parseDiff(patch.startsWith("@@") ? `--- a/f\n+++ b/f\n${patch}` : patch);
  } catch {
    return [];
  }
  const hunks: Hunk[] = [];
  for (const file of files) {
    for (const chunk of file.chunks) {
      const lines: DiffLine[] = [];
      for (const change of chunk.changes) {
        // "\ No newline at end of file" comes out as a copy of the previous change: drop it.
        if (change.content.startsWith("\\")) continue;
        const text = stripCarriageReturn(change.content.slice(1));
        if (change.type === "add") lines.push({ kind: "add", newLine: change.ln, text });
        else if (change.type === "del") lines.push({ kind: "del", oldLine: change.ln, text });
        else lines.push({ kind: "context", oldLine: change.ln1, newLine: change.ln2, text });
      }
      hunks.push({
        oldStart: chunk.oldStart,
        oldLines: chunk.oldLines,
        newStart: chunk.newStart,
        newLines: chunk.newLines,
        header: stripCarriageReturn(chunk.content),
        lines,
      });
    }
  }
  return hunks;
}

function stripCarriageReturn(text: string): string {
  return text.endsWith("\r") ? text.slice(0, -1) : text;
}
