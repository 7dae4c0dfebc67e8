import type { Hunk } from "../diff/parse-patch.js";

/**
 * Renders a file's hunks the way the reviewer sees them: each shown line prefixed with its new-file
 * line number and a marker (`+` added, ` ` context), then `|`; deleted lines get no number: `-|`.
 * The model cites the numbers it sees, so this is the one place the prompt's line numbering is defined.
 * The prefix is kept short: it is paid for on every line of every prompt.
 *
 * @example renderHunk({ ...hunk }) => "@@ -1,2 +1,2 @@\n1 |a\n-|b\n2+|c"
 */
export function renderHunk(hunk: Hunk): string {
  const out = [hunk.header];
  for (const line of hunk.lines) {
    if (line.kind === "del") out.push(`-|${line.text}`);
    else out.push(`${line.newLine ?? ""}${line.kind === "add" ? "+" : " "}|${line.text}`);
  }
  return out.join("\n");
}

export function renderFile(path: string, hunks: Hunk[]): string {
  return `<file path=${JSON.stringify(path)}>\n${hunks.map(renderHunk).join("\n")}\n</file>`;
}
