import { createHash } from "node:crypto";

/**
 * A short stable identity of a finding, to recognise it again in a later review of the same pull request
 * (and not post it twice). It hashes the category, the path, the code the finding is anchored on and the
 * title, all normalised, and never a line number: the same finding on code that moved by N lines keeps
 * its fingerprint, while a different title, category, file or code gives a different one.
 *
 * @example fingerprintFinding({ category: "security", path: "src/a.ts", title: "SQL injection" }, ["db.query(q);"]) // "3f2a…" (16 hex)
 */
export function fingerprintFinding(
  finding: { category: string; path: string; title: string },
  anchorLines: readonly string[],
): string {
  const code = anchorLines
    .map(normalizeCodeLine)
    .filter((line) => line !== "")
    .join("\n");
  return createHash("sha256")
    .update([finding.category, finding.path, code, normalizeTitle(finding.title)].join("\u0000"))
    .digest("hex")
    .slice(0, 16);
}

/** Trim, collapse whitespace, drop trailing `;` and `,`. */
export function normalizeCodeLine(line: string): string {
  return line
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[;,\s]+$/, "");
}

/** Lower-case; no line references ("line 12", "lines 3-4", "L12"), punctuation, symbols or digits. */
export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/\blines?\s*\d+(\s*(-|–|to|and)\s*\d+)?/g, " ")
    .replace(/\bl\d+(-l?\d+)?\b/g, " ")
    .replace(/[\p{P}\p{S}\d]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}
