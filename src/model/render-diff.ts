import type { Hunk } from "../diff/parse-patch.js";

/**
 * Renders a file's hunks the way the reviewer sees them: each shown line prefixed with its new-file
 * line number (added `+`, context ` `); deleted lines get no number and `-`. The model cites the
 * numbers it sees, so this is the one place the prompt's line numbering is defined.
 *
 * @example renderHunk({ ...hunk }) => "@@ -1,2 +1,2 @@\n   1  |a\n     - |b\n   2 + |c"
 */
export function renderHunk(hunk: Hunk): string {
  const out = [hunk.header];
  for (const line of hunk.lines) {
    if (line.kind === "del") out.push(`      - |${line.text}`);
    else
      out.push(`${String(line.newLine ?? "").padStart(5)} ${line.kind === "add" ? "+" : " "} |${line.text}`);
  }
  return out.join("\n");
}

export function renderFile(path: string, hunks: Hunk[]): string {
  return `<file path=${JSON.stringify(path)}>\n${hunks.map(renderHunk).join("\n")}\n</file>`;
}
