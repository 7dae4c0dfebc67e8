import type { Hunk } from "../diff/parse-patch.js";

/** One side of a file as far as the patch shows it, and which of its lines the change touches. */
export interface DiffSide {
  /** The lines the patch shows at their own line numbers (1-based), every other line empty. */
  text: string;
  /** Line numbers of the lines this change adds (new side) or deletes (old side). */
  changed: Set<number>;
}

/**
 * The new side (added and context lines at new-file numbers) and the old side (deleted and context lines
 * at old-file numbers) of a patch, so that one parser reads either as a source text with the file's own
 * line numbers.
 */
export function buildDiffSides(hunks: readonly Hunk[]): { head: DiffSide; base: DiffSide } {
  // Every extractor of the architecture impact reads the sides of the same hunks: built once per hunks.
  const known = sidesCache.get(hunks);
  if (known) return known;
  const sides = buildSides(hunks);
  sidesCache.set(hunks, sides);
  return sides;
}

const sidesCache = new WeakMap<readonly Hunk[], { head: DiffSide; base: DiffSide }>();

function buildSides(hunks: readonly Hunk[]): { head: DiffSide; base: DiffSide } {
  const head: string[] = [];
  const base: string[] = [];
  const added = new Set<number>();
  const deleted = new Set<number>();
  const put = (lines: string[], at: number, text: string) => {
    while (lines.length < at - 1) lines.push("");
    lines[at - 1] = text;
  };
  for (const hunk of hunks) {
    for (const line of hunk.lines) {
      if (line.kind !== "del" && line.newLine !== undefined) {
        put(head, line.newLine, line.text);
        if (line.kind === "add") added.add(line.newLine);
      }
      if (line.kind !== "add" && line.oldLine !== undefined) {
        put(base, line.oldLine, line.text);
        if (line.kind === "del") deleted.add(line.oldLine);
      }
    }
  }
  return {
    head: { text: head.join("\n"), changed: added },
    base: { text: base.join("\n"), changed: deleted },
  };
}

/** The changed lines of a side with their numbers, in order. */
export function listChangedLines(side: DiffSide): { line: number; text: string }[] {
  const lines = side.text.split("\n");
  return [...side.changed].sort((a, b) => a - b).map((line) => ({ line, text: lines[line - 1] ?? "" }));
}
