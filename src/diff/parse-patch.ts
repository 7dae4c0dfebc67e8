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
 * Never throws: anything that cannot be made sense of yields no hunks.
 *
 * parse-diff parses each hunk; around it, three defences keep the line index true to what GitHub
 * shows: every hunk is parsed on its own (a header that miscounts cannot swallow the next hunk),
 * `\r` line ends and "\ No newline at end of file" markers are removed first (parse-diff counts a
 * CRLF marker as a context line and throws on a marker that opens a hunk), and lines beyond the
 * header's counts are dropped.
 *
 * @example parsePatch("@@ -1 +1 @@\n-a\n+b").length === 1
 */
export function parsePatch(patch: string | undefined | null): Hunk[] {
  if (!patch) return [];
  const hunks: Hunk[] = [];
  for (const hunkText of splitHunks(patch)) {
    const hunk = parseHunk(hunkText);
    if (hunk) hunks.push(hunk);
  }
  return hunks;
}

/** The patch's hunks, each starting at its `@@` header, cleaned of `\r` ends and `\` marker lines. */
function splitHunks(patch: string): string[] {
  const hunks: string[][] = [];
  for (const raw of patch.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.startsWith("@@ ")) hunks.push([line]);
    else if (hunks.length > 0 && !line.startsWith("\\")) hunks[hunks.length - 1]!.push(line);
  }
  return hunks.map((lines) => lines.join("\n"));
}

function parseHunk(text: string): Hunk | null {
  let chunk: parseDiff.Chunk | undefined;
  try {
    chunk = parseDiff(`--- a/f\n+++ b/f\n${text}`)[0]?.chunks[0];
  } catch {
    return null;
  }
  if (!chunk) return null;
  const lines: DiffLine[] = [];
  const oldEnd = chunk.oldStart + chunk.oldLines;
  const newEnd = chunk.newStart + chunk.newLines;
  for (const change of chunk.changes) {
    const text = change.content.slice(1);
    // Lines past the header's counts are not part of the hunk GitHub shows.
    if (change.type === "add") {
      if (change.ln >= chunk.newStart && change.ln < newEnd)
        lines.push({ kind: "add", newLine: change.ln, text });
    } else if (change.type === "del") {
      if (change.ln >= chunk.oldStart && change.ln < oldEnd)
        lines.push({ kind: "del", oldLine: change.ln, text });
    } else if (
      change.ln1 >= chunk.oldStart &&
      change.ln1 < oldEnd &&
      change.ln2 >= chunk.newStart &&
      change.ln2 < newEnd
    ) {
      lines.push({ kind: "context", oldLine: change.ln1, newLine: change.ln2, text });
    }
  }
  return {
    oldStart: chunk.oldStart,
    oldLines: chunk.oldLines,
    newStart: chunk.newStart,
    newLines: chunk.newLines,
    header: chunk.content,
    lines,
  };
}
