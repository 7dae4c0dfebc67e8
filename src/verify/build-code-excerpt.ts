import type { Hunk } from "../diff/parse-patch.js";
import { sanitizeCodeLine } from "../security/sanitize-code-line.js";

/**
 * The code a finding points at and what encloses it, as far as the patch shows it: the hunk that holds
 * the finding's line, cut to `radius` lines either side of the finding, numbered with new-file line
 * numbers. The finding's own lines are marked `>`, added lines `+`; deleted lines are left out (the
 * finding is about the new code). Empty when no hunk shows the line.
 *
 * @example buildCodeExcerpt(hunks, 12, 12) // "  11 |  const id = req.params.id;\n> 12+|  db.query(`… ${id}`);"
 */
export function buildCodeExcerpt(
  hunks: readonly Hunk[],
  line: number,
  endLine: number = line,
  radius = 30,
): string {
  const hunk = hunks.find((h) =>
    h.lines.some(
      (l) => l.kind !== "del" && l.newLine !== undefined && l.newLine >= line && l.newLine <= endLine,
    ),
  );
  if (!hunk) return "";
  const out: string[] = [];
  const width = String(Math.max(line, endLine) + radius).length;
  for (const l of hunk.lines) {
    if (l.kind === "del" || l.newLine === undefined) continue;
    if (l.newLine < line - radius || l.newLine > endLine + radius) continue;
    const mark = l.newLine >= line && l.newLine <= endLine ? ">" : " ";
    out.push(
      `${mark} ${String(l.newLine).padStart(width)}${l.kind === "add" ? "+" : " "}|${sanitizeCodeLine(l.text)}`,
    );
  }
  return out.join("\n");
}
