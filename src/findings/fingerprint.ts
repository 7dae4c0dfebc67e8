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

const findingMarkerPattern = /<!--\s*backend-architect:finding\s+fp=([0-9a-f]{16})\s*-->/gi;
const fingerprintPattern = /^[0-9a-f]{16}$/;

/** `<!-- backend-architect:finding fp=<hex> -->`, hidden in a review comment's body. */
export function buildFindingMarker(fingerprint: string): string {
  assertFingerprint(fingerprint);
  return `<!-- backend-architect:finding fp=${fingerprint} -->`;
}

/** The fingerprints of every finding marker in `body`, in order, without duplicates. */
export function parseFindingMarkers(body: string): string[] {
  const found = new Set<string>();
  for (const match of body.matchAll(findingMarkerPattern)) found.add(match[1]!.toLowerCase());
  return [...found];
}

export interface ReviewMarker {
  /** The head SHA that was reviewed (40 lower-case hex). */
  sha: string;
  /** The review job's key (`auto:<sha>`, `cmd:<commentId>`, …). */
  key: string;
  /** Fingerprints of the findings posted with this review. */
  fingerprints?: string[];
}

const shaPattern = /^[0-9a-f]{40}$/i;
const keyPattern = /^[A-Za-z0-9:._-]{1,100}$/;
const reviewMarkerPattern = /<!--\s*backend-architect:review\s+([^>]*?)\s*-->/g;

/**
 * One hidden HTML comment for a review's body:
 * `<!-- backend-architect:review sha=<40hex> key=<key> fps=<hex>,<hex> -->` (`fps` only when given).
 * Throws on a malformed SHA, key (charset `[A-Za-z0-9:._-]`, 1–100 characters) or fingerprint, since they
 * could not be read back.
 */
export function buildReviewMarker(data: ReviewMarker): string {
  if (!shaPattern.test(data.sha)) {
    throw new TypeError(`Review marker needs a 40-hex commit SHA, received ${JSON.stringify(data.sha)}`);
  }
  if (!keyPattern.test(data.key)) {
    throw new TypeError(
      `Review marker key must be 1-100 characters of [A-Za-z0-9:._-], received ${JSON.stringify(data.key)}`,
    );
  }
  for (const fingerprint of data.fingerprints ?? []) assertFingerprint(fingerprint);
  const fps = data.fingerprints?.length ? ` fps=${data.fingerprints.join(",")}` : "";
  return `<!-- backend-architect:review sha=${data.sha.toLowerCase()} key=${data.key}${fps} -->`;
}

/**
 * Reads the first well-formed review marker in `body` (any other text around it is ignored); null when
 * there is none. A marker with a malformed SHA or key counts as absent.
 */
export function parseReviewMarker(body: string): Required<ReviewMarker> | null {
  for (const match of body.matchAll(reviewMarkerPattern)) {
    const fields = new Map<string, string>();
    for (const pair of match[1]!.split(/\s+/)) {
      const equals = pair.indexOf("=");
      if (equals > 0 && !fields.has(pair.slice(0, equals)))
        fields.set(pair.slice(0, equals), pair.slice(equals + 1));
    }
    const sha = fields.get("sha");
    const key = fields.get("key");
    if (sha === undefined || key === undefined || !shaPattern.test(sha) || !keyPattern.test(key)) continue;
    const fingerprints = (fields.get("fps") ?? "")
      .split(",")
      .map((fp) => fp.toLowerCase())
      .filter((fp) => fingerprintPattern.test(fp));
    return { sha: sha.toLowerCase(), key, fingerprints };
  }
  return null;
}

function assertFingerprint(fingerprint: string): void {
  if (!fingerprintPattern.test(fingerprint)) {
    throw new TypeError(
      `A finding fingerprint is 16 lower-case hex characters, received ${JSON.stringify(fingerprint)}`,
    );
  }
}
