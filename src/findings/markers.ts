import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The app's memory of a pull request lives in hidden HTML comments at the end of its own reviews, review
 * comments and check runs. Text the model wrote is posted in the same bodies, so a marker must prove that
 * the app wrote it:
 *
 * - every marker carries `mac=`, an HMAC-SHA256 (truncated to 128 bits) over its version, kind, fields
 *   and the pull request it belongs to (`owner/repo#number`), under a key derived from the app's own
 *   secret (`deriveMarkerKey`); a marker copied from another pull request does not verify either;
 * - a marker is read only where the app puts it: as the last thing in the body (trailing whitespace
 *   aside); a marker-looking comment anywhere else in the body is ignored, authenticated or not;
 * - legacy markers (without `v2`/`mac`, written before markers were authenticated) are read as the
 *   fingerprint of a finding already posted (`parseFindingMarker`, `legacy: true`) and never as state
 *   that skips work (a reviewed SHA or a done request key).
 */
export interface MarkerKey {
  /** 32 bytes; never logged or posted. */
  readonly bytes: Buffer;
}

/** Which pull request a marker belongs to: bound into its MAC. */
export interface MarkerScope {
  owner: string;
  repo: string;
  pullNumber: number;
}

export interface MarkerAuth {
  key: MarkerKey;
  scope: MarkerScope;
}

export interface ReviewMarker {
  /** The head SHA that was reviewed (40 lower-case hex). */
  sha: string;
  /** The review job's key (`auto:<sha>`, `cmd:<commentId>`, …). */
  key: string;
  /** Fingerprints of the findings posted with this review. */
  fingerprints?: string[];
}

const markerInfo = "backend-architect marker v2";
const macHexLength = 32;
const shaPattern = /^[0-9a-f]{40}$/i;
const keyPattern = /^[A-Za-z0-9:._-]{1,100}$/;
const fingerprintPattern = /^[0-9a-f]{16,64}$/;
// Anchored at the end of the body: only the app's trailing marker is read.
const trailingMarkerPattern = /<!-- backend-architect:(review|finding) ([^<>]{1,4000}?) -->\s*$/;

/**
 * The marker key, derived with HKDF-SHA256 from a secret only the app holds (its private key, or
 * `MARKER_SECRET` when set so that markers survive a key rotation).
 *
 * @example const key = deriveMarkerKey(privateKeyPem);
 */
export function deriveMarkerKey(secret: string | Buffer): MarkerKey {
  if (secret.length === 0) throw new TypeError("A marker key needs a non-empty secret");
  const bytes = Buffer.from(hkdfSync("sha256", secret, "backend-architect", markerInfo, 32));
  return { bytes };
}

/** A random key: markers written with it verify only in this process (the fallback without a secret). */
export function createEphemeralMarkerKey(): MarkerKey {
  return { bytes: randomBytes(32) };
}

function computeMac(key: MarkerKey, scope: MarkerScope, fields: string[]): string {
  const scoped = `${scope.owner.toLowerCase()}/${scope.repo.toLowerCase()}#${scope.pullNumber}`;
  return createHmac("sha256", key.bytes)
    .update(["v2", scoped, ...fields].join("\u0000"))
    .digest("hex")
    .slice(0, macHexLength);
}

function macMatches(expected: string, given: string): boolean {
  if (!/^[0-9a-f]+$/.test(given) || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}

function assertFingerprint(fingerprint: string): void {
  if (!fingerprintPattern.test(fingerprint)) {
    throw new TypeError(
      `A finding fingerprint is 16-64 lower-case hex characters, received ${JSON.stringify(fingerprint)}`,
    );
  }
}

/**
 * `<!-- backend-architect:finding v2 fp=<hex>,<hex> mac=<hex> -->`, the last line of a review comment's
 * body: every identity key of the finding (the first is its fingerprint), under one MAC.
 */
export function buildFindingMarker(fingerprints: string | readonly string[], auth: MarkerAuth): string {
  const keys = typeof fingerprints === "string" ? [fingerprints] : [...fingerprints];
  if (keys.length === 0) throw new TypeError("A finding marker needs at least one fingerprint");
  for (const key of keys) assertFingerprint(key);
  const fp = keys.join(",");
  const mac = computeMac(auth.key, auth.scope, ["finding", fp]);
  return `<!-- backend-architect:finding v2 fp=${fp} mac=${mac} -->`;
}

/**
 * One hidden comment for the end of a review's body or a check run's summary:
 * `<!-- backend-architect:review v2 sha=<40hex> key=<key> fps=<hex>,<hex> mac=<hex> -->`.
 * Throws on a malformed SHA, key (charset `[A-Za-z0-9:._-]`, 1–100 characters) or fingerprint.
 */
export function buildReviewMarker(data: ReviewMarker, auth: MarkerAuth): string {
  if (!shaPattern.test(data.sha)) {
    throw new TypeError(`Review marker needs a 40-hex commit SHA, received ${JSON.stringify(data.sha)}`);
  }
  if (!keyPattern.test(data.key)) {
    throw new TypeError(
      `Review marker key must be 1-100 characters of [A-Za-z0-9:._-], received ${JSON.stringify(data.key)}`,
    );
  }
  for (const fingerprint of data.fingerprints ?? []) assertFingerprint(fingerprint);
  const sha = data.sha.toLowerCase();
  const fps = (data.fingerprints ?? []).join(",");
  const mac = computeMac(auth.key, auth.scope, ["review", sha, data.key, fps]);
  return `<!-- backend-architect:review v2 sha=${sha} key=${data.key}${fps ? ` fps=${fps}` : ""} mac=${mac} -->`;
}

function readTrailingMarker(body: string): { kind: string; fields: Map<string, string>; v2: boolean } | null {
  const match = trailingMarkerPattern.exec(body);
  if (!match) return null;
  const words = match[2]!.trim().split(/\s+/);
  const v2 = words[0] === "v2";
  const fields = new Map<string, string>();
  for (const word of v2 ? words.slice(1) : words) {
    const equals = word.indexOf("=");
    if (equals <= 0) return null;
    const name = word.slice(0, equals);
    if (fields.has(name)) return null;
    fields.set(name, word.slice(equals + 1));
  }
  return { kind: match[1]!, fields, v2 };
}

/**
 * The review marker at the end of `body`, when the app wrote it for this pull request (its MAC
 * verifies); null otherwise — also for legacy unauthenticated markers, which never count as a reviewed
 * SHA or a done request.
 */
export function parseReviewMarker(body: string, auth: MarkerAuth): Required<ReviewMarker> | null {
  const marker = readTrailingMarker(body);
  if (marker?.kind !== "review" || !marker.v2) return null;
  const { fields } = marker;
  const sha = fields.get("sha");
  const key = fields.get("key");
  const mac = fields.get("mac");
  const fps = fields.get("fps") ?? "";
  if (sha === undefined || key === undefined || mac === undefined) return null;
  if (!/^[0-9a-f]{40}$/.test(sha) || !keyPattern.test(key)) return null;
  const fingerprints = fps === "" ? [] : fps.split(",");
  if (fingerprints.some((fp) => !fingerprintPattern.test(fp))) return null;
  const allowed = new Set(["sha", "key", "fps", "mac"]);
  if ([...fields.keys()].some((name) => !allowed.has(name))) return null;
  if (!macMatches(computeMac(auth.key, auth.scope, ["review", sha, key, fps]), mac)) return null;
  return { sha, key, fingerprints };
}

const legacyFindingRunPattern = /(?:<!--\s*backend-architect:finding\s+fp=([0-9a-f]{16})\s*-->\s*)+$/;

/**
 * The fingerprints in the finding marker at the end of a review comment's body. An authenticated marker
 * must verify; legacy ones (`<!-- backend-architect:finding fp=<hex> -->`, one or several in a row at the
 * end) are accepted with `legacy: true` — callers read them only from the app's own comments, and they can
 * only make the app remember a finding as already posted, never skip a review.
 */
export function parseFindingMarker(
  body: string,
  auth: MarkerAuth,
): { fingerprints: string[]; legacy: boolean } | null {
  const marker = readTrailingMarker(body);
  if (marker?.kind !== "finding") return null;
  const fp = marker.fields.get("fp");
  if (fp === undefined) return null;
  if (!marker.v2) {
    const run = legacyFindingRunPattern.exec(body)?.[0] ?? "";
    const fingerprints = [...run.matchAll(/fp=([0-9a-f]{16})/g)].map((m) => m[1]!);
    return fingerprints.length > 0 ? { fingerprints: [...new Set(fingerprints)], legacy: true } : null;
  }
  const fingerprints = fp.split(",");
  if (fingerprints.some((key) => !fingerprintPattern.test(key))) return null;
  const mac = marker.fields.get("mac");
  if (mac === undefined || marker.fields.size !== 2) return null;
  if (!macMatches(computeMac(auth.key, auth.scope, ["finding", fp]), mac)) return null;
  return { fingerprints, legacy: false };
}

/**
 * Whether `body` ends with a finding marker of the app's shape (authenticated or legacy), without
 * checking its MAC: for places that already know the comment is the app's own (its author) and only ask
 * whether it is a finding comment.
 */
export function hasFindingMarker(body: string): boolean {
  return readTrailingMarker(body)?.kind === "finding";
}

const markerOpening = /<!--\s*backend-architect/gi;

/**
 * Defuses anything in `text` that starts like one of the app's markers (`<!-- backend-architect`,
 * whatever the spacing or case), so that text the app did not write never carries a well-formed marker,
 * wherever it is posted (code blocks included).
 */
export function defuseMarkers(text: string): string {
  return text.replace(markerOpening, "<!- - backend-architect");
}
