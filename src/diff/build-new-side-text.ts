import type { Hunk } from "./parse-patch.js";

/**
 * The new version of a file as far as the patch shows it: every line the patch shows (added or
 * context) at its new-file line number, every other line empty. Parsers can then read the hunks as
 * one source text whose line numbers are the file's own.
 */
export function buildNewSideText(hunks: Hunk[]): string {
  const lines: string[] = [];
  for (const hunk of hunks) {
    for (const line of hunk.lines) {
      if (line.kind === "del" || line.newLine === undefined) continue;
      while (lines.length < line.newLine - 1) lines.push("");
      lines[line.newLine - 1] = line.text;
    }
  }
  return lines.join("\n");
}
