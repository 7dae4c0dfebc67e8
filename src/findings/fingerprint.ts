import { buildFindingIdentity, normalizeCodeLine, normalizeTitle } from "./finding-identity.js";

export { normalizeCodeLine, normalizeTitle };

/**
 * A short stable identity of a finding, to recognise it again in a later review of the same pull request
 * (and not post it twice): the primary key of {@link buildFindingIdentity}. It hashes the path, the code
 * the finding is anchored on (normalised) and the category, never a line number nor the title: the same
 * finding on code that moved by N lines, or reworded, keeps its fingerprint; another file, code or
 * category gives another one. Markers carry every key of the identity (rule keys too); this is the first.
 *
 * @example fingerprintFinding({ category: "security", path: "src/a.ts", title: "SQL injection" }, ["db.query(q);"]) // "3f2a…" (16 hex)
 */
export function fingerprintFinding(
  finding: { category: string; path: string; title: string; ruleId?: string | undefined },
  anchorLines: readonly string[],
): string {
  return buildFindingIdentity(finding, [anchorLines]).keys[0]!;
}
