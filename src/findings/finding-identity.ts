import { createHash } from "node:crypto";
import { categories } from "./finding.js";

/**
 * Identity of a finding across reviews of one pull request.
 *
 * A key is 16 hex characters: 10 for the place (file + anchored code, normalised; never a line number)
 * and 6 for the kind of problem (`category:<c>` or `rule:<id>`). A finding has a category key, plus a
 * rule key when a detector reported or confirmed it, for each of its anchors (a finding the model and
 * a detector both reported has both lines' code as anchors). Every key is written into its comment's
 * markers, so a later review can tell what kind of keys a comment carried.
 *
 * Two findings are the same when they share a place and:
 * - both involve a detector: the same rule id (two detectors on one line stay distinct);
 * - otherwise: the same category (a model-only finding matches the detector-confirmed one it repeats).
 * The title is not part of any key; it only breaks ties (see {@link matchFindings}).
 */
export interface IdentityInput {
  path: string;
  category: string;
  ruleId?: string | undefined;
  title: string;
}

export interface FindingIdentity {
  /** Keys to write into the finding's markers; the first one is the primary fingerprint. */
  keys: string[];
  /** Place hashes this finding can be recognised by (anchors × current and previous paths). */
  places: string[];
  categoryKind: string;
  ruleKind?: string;
  /** Pre-identity fingerprints (category + path + code + title) under which old markers were written. */
  legacyKeys: string[];
  title: string;
}

const placeLength = 10;

function hashHex(parts: readonly string[], length: number): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, length);
}

/** The normalised code of an anchor: blank lines dropped, whitespace collapsed, trailing `;`/`,` dropped. */
export function normalizeAnchor(lines: readonly string[]): string {
  return lines
    .map(normalizeCodeLine)
    .filter((line) => line !== "")
    .join("\n");
}

export function buildPlaceHash(path: string, anchorLines: readonly string[]): string {
  return hashHex(["place", path, normalizeAnchor(anchorLines)], placeLength);
}

export function buildKindHash(kind: { category: string } | { ruleId: string }): string {
  return hashHex(
    ["kind", "ruleId" in kind ? `rule:${kind.ruleId}` : `category:${kind.category}`],
    16 - placeLength,
  );
}

const categoryKinds = new Set(categories.map((category) => buildKindHash({ category })));

/** Whether a marker key was written for a detector's rule (not for a category). */
export function isRuleKey(key: string): boolean {
  return key.length === 16 && !categoryKinds.has(key.slice(placeLength));
}

/** The fingerprint before finding identities (title-based), still read from old markers. */
export function buildLegacyFingerprint(
  finding: { category: string; path: string; title: string },
  anchorLines: readonly string[],
): string {
  return createHash("sha256")
    .update(
      [finding.category, finding.path, normalizeAnchor(anchorLines), normalizeTitle(finding.title)].join(
        "\u0000",
      ),
    )
    .digest("hex")
    .slice(0, 16);
}

/**
 * The identity of one finding.
 *
 * @param anchors the code the finding is anchored on (one list of lines per anchor; the first is its own).
 * @param previousPaths earlier names of the file (a rename keeps the identity).
 * @example buildFindingIdentity({ path: "a.ts", category: "security", title: "SQLi" }, [["db.query(q)"]]).keys[0] // "9c1e…" (16 hex)
 */
export function buildFindingIdentity(
  finding: IdentityInput,
  anchors: readonly (readonly string[])[],
  previousPaths: readonly string[] = [],
): FindingIdentity {
  const usable = anchors.filter((lines) => normalizeAnchor(lines) !== "");
  const anchorList = usable.length > 0 ? usable : [[]];
  const categoryKind = buildKindHash({ category: finding.category });
  const ruleKind = finding.ruleId ? buildKindHash({ ruleId: finding.ruleId }) : undefined;
  const keys: string[] = [];
  const places: string[] = [];
  const legacyKeys: string[] = [];
  for (const lines of anchorList) {
    const place = buildPlaceHash(finding.path, lines);
    keys.push(place + categoryKind);
    if (ruleKind) keys.push(place + ruleKind);
    places.push(place);
    legacyKeys.push(buildLegacyFingerprint(finding, lines));
    for (const path of previousPaths) {
      places.push(buildPlaceHash(path, lines));
      legacyKeys.push(buildLegacyFingerprint({ ...finding, path }, lines));
    }
  }
  return {
    keys: [...new Set(keys)],
    places: [...new Set(places)],
    categoryKind,
    ...(ruleKind ? { ruleKind } : {}),
    legacyKeys: [...new Set(legacyKeys)],
    title: finding.title,
  };
}

/** Whether `identity` is the finding an earlier comment with these marker keys was about. */
export function isSameFinding(identity: FindingIdentity, previousKeys: readonly string[]): boolean {
  if (identity.legacyKeys.some((key) => previousKeys.includes(key))) return true;
  for (const place of identity.places) {
    const here = previousKeys.filter((key) => key.startsWith(place));
    if (here.length === 0) continue;
    const previousHasRule = here.some(isRuleKey);
    const kind = identity.ruleKind && previousHasRule ? identity.ruleKind : identity.categoryKind;
    if (here.includes(place + kind)) return true;
  }
  return false;
}

/** An earlier comment (or baseline entry) of this app: its marker keys and, when known, its title. */
export interface PreviousFinding {
  keys: readonly string[];
  title?: string | undefined;
}

/**
 * Pairs current findings with earlier ones, each at most once. When several current findings match one
 * earlier finding (the model reported two problems of one kind on one line), the most similar title wins
 * and the others stay new.
 *
 * @returns for each current finding, the index of its earlier finding, or -1.
 */
export function matchFindings(
  current: readonly FindingIdentity[],
  previous: readonly PreviousFinding[],
): number[] {
  const pairs: { current: number; previous: number; similarity: number }[] = [];
  current.forEach((identity, i) => {
    previous.forEach((earlier, j) => {
      if (!isSameFinding(identity, earlier.keys)) return;
      const similarity = earlier.title === undefined ? 0 : getTitleSimilarity(identity.title, earlier.title);
      pairs.push({ current: i, previous: j, similarity });
    });
  });
  pairs.sort((a, b) => b.similarity - a.similarity || a.current - b.current || a.previous - b.previous);
  const result = current.map(() => -1);
  const taken = new Set<number>();
  for (const pair of pairs) {
    if (result[pair.current] !== -1 || taken.has(pair.previous)) continue;
    result[pair.current] = pair.previous;
    taken.add(pair.previous);
  }
  return result;
}

/** Jaccard similarity of the normalised titles' words, 0..1. */
export function getTitleSimilarity(a: string, b: string): number {
  const words = (text: string) => new Set(normalizeTitle(text).split(" ").filter(Boolean));
  const left = words(a);
  const right = words(b);
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return shared / (left.size + right.size - shared);
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
