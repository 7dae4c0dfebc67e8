import { lintSource } from "@secretlint/core";
import { secretLintProfiler } from "@secretlint/profiler";
import { creator as recommendedPreset } from "@secretlint/secretlint-rule-preset-recommend";
import type { SecretLintCoreConfig, SecretLintCoreResultMessage } from "@secretlint/types";
import type { FileLineIndex } from "../diff/line-index.js";
import type { DiffLine, Hunk } from "../diff/parse-patch.js";
import type { Finding } from "../findings/finding.js";
import { findHeuristicSecrets } from "./find-heuristic-secrets.js";
import { findSigningKeys } from "./find-signing-keys.js";

// secretlint 12 profiles every run with performance marks that it keeps for ever, and its observer
// rescans all of them on every mark: CPU grows with the square of the files ever scanned and the
// memory is never released (secretlint#1633; the fix, 13.x, needs Node 22). A long-running service
// must not profile: make marking a no-op.
secretLintProfiler.mark = () => {};

const redactedSecretText = "[REDACTED_SECRET]";

const secretlintConfig: SecretLintCoreConfig = {
  rules: [
    {
      id: "@secretlint/secretlint-rule-preset-recommend",
      rule: recommendedPreset,
      rules: [
        // The PR author writes the code: a `secretlint-disable` comment must not switch detection off.
        { id: "@secretlint/secretlint-rule-filter-comments", disabled: true },
        // Access key ids are off by default in the preset; an account id alone is no credential.
        {
          id: "@secretlint/secretlint-rule-aws",
          options: { enableIDScanRule: true },
          allowMessageIds: ["AWSAccountID"],
        },
      ],
    },
  ],
};

// secretlint message id → [rule-id slug, what the finding calls it].
const secretKinds: Record<string, [string, string]> = {
  AWSAccessKeyID: ["aws-access-key-id", "AWS access key ID"],
  AWSSecretAccessKey: ["aws-secret-access-key", "AWS secret access key"],
  GITHUB_TOKEN: ["github-token", "GitHub token"],
  SLACK_TOKEN: ["slack-token", "Slack token"],
  IncomingWebhook: ["slack-incoming-webhook", "Slack incoming webhook URL"],
  PrivateKey: ["private-key", "private key (PEM)"],
  PrivateKeyJSON: ["gcp-service-account-key", "Google Cloud service account key"],
  PrivateKeyP12: ["gcp-service-account-key", "Google Cloud service account key (.p12)"],
  BasicAuth: ["basic-auth", "user name and password in a URL"],
  MongoDBConnection: ["database-connection-string", "MongoDB connection string with a password"],
  MySQLConnection: ["database-connection-string", "MySQL connection string with a password"],
  PostgreSQLConnection: ["database-connection-string", "PostgreSQL connection string with a password"],
  NPM_ACCESS_TOKEN: ["npm-token", "npm access token"],
  Npmrc_authToken: ["npm-token", "npm auth token in .npmrc"],
  OPENAI_TOKEN: ["openai-api-key", "OpenAI API key"],
  ANTHROPIC_API_KEY: ["anthropic-api-key", "Anthropic API key"],
  SENDGRID_KEY: ["sendgrid-api-key", "SendGrid API key"],
  SHOPIFY_KEY: ["shopify-token", "Shopify access token"],
};

/** A detected secret: where it sits in the scanned lines of one file. */
interface Detection {
  start: number;
  end: number;
  kind: string;
  description: string;
  confidence: number;
  /** A key found by its use (a variable passed to `jwt.sign`): the offset of that use, reported with it. */
  useStart?: number;
  /** Found by name only (a short password literal): a high-severity finding, not a critical one. */
  weak?: boolean;
  /** Redacted but not reported (a fixture password in a test, a literal in a comment). */
  silent?: boolean;
}

/** A line the scan covers, with its place in the hunks and in the joined scan text. */
interface ScannedLine {
  hunkIndex: number;
  lineIndex: number;
  line: DiffLine;
  offset: number;
}

/**
 * Finds hard-coded secrets in a pull request's changed lines before any code leaves for the model, and
 * returns copies of the files with every detected value replaced by `[REDACTED_SECRET]`, plus one
 * critical "Hard-coded credential" finding per secret the change adds.
 *
 * Detection: secretlint's recommended preset (run once per file over its added and deleted lines
 * joined, offsets mapped back to lines; files without such lines are skipped; comment-based disabling
 * is off) plus `findHeuristicSecrets`
 * (known formats the preset lacks, high-entropy literals assigned to secret-bearing names).
 * Redaction covers added and deleted lines, and every other occurrence of a detected value in the
 * file's hunks (a context line quoting it included); findings are raised for added lines only (a
 * removed secret is good news, but it still must not be sent).
 *
 * Invariants: the input objects are not mutated (a changed file gets new hunk/line objects, an
 * unchanged one is returned as is); no finding's title or body contains more than 4 consecutive
 * characters of a secret; `evidence` is the redacted line.
 */
export async function redactSecrets(
  files: FileLineIndex[],
): Promise<{ files: FileLineIndex[]; findings: Finding[] }> {
  const findings: Finding[] = [];
  const redactedFiles: FileLineIndex[] = [];
  const scans = files.map(scanFile);
  const secretlintDetections = await detectWithSecretlintInBatches(scans);
  scans.forEach((scan, i) => {
    const result = redactFile(scan, secretlintDetections[i] ?? []);
    redactedFiles.push(result.file);
    findings.push(...result.findings);
  });
  return { files: redactedFiles, findings };
}

interface FileScan {
  file: FileLineIndex;
  scanned: ScannedLine[];
  /** The scanned lines joined with "\n" (empty when there is nothing to scan). */
  content: string;
}

function scanFile(file: FileLineIndex): FileScan {
  const scanned: ScannedLine[] = [];
  let offset = 0;
  file.hunks.forEach((hunk, hunkIndex) => {
    hunk.lines.forEach((line, lineIndex) => {
      if (line.kind === "context") return;
      scanned.push({ hunkIndex, lineIndex, line, offset });
      offset += line.text.length + 1;
    });
  });
  return { file, scanned, content: scanned.map((s) => s.line.text).join("\n") };
}

/** Files per secretlint call, and characters: secretlint sets its rules up anew on every call. */
const batchFiles = 50;
const batchChars = 400_000;
/** Between two files' text in one call: a blank line, so that no single-line rule spans two files. */
const fileSeparator = "\n\n";

/**
 * secretlint over many files per call (it registers its rule preset on every call, a fixed cost that
 * dominated one-file calls); each detection is given back to its file, in that file's offsets. A
 * detection that would span two files is dropped.
 */
async function detectWithSecretlintInBatches(scans: FileScan[]): Promise<Detection[][]> {
  const out: Detection[][] = scans.map(() => []);
  let batch: number[] = [];
  let chars = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const starts: number[] = [];
    let at = 0;
    for (const i of batch) {
      starts.push(at);
      at += scans[i]!.content.length + fileSeparator.length;
    }
    const joined = batch.map((i) => scans[i]!.content).join(fileSeparator);
    for (const detection of await detectWithSecretlint("pull-request-files", joined)) {
      let k = starts.length - 1;
      while (k > 0 && starts[k]! > detection.start) k -= 1;
      const index = batch[k]!;
      const start = detection.start - starts[k]!;
      const end = detection.end - starts[k]!;
      if (end > scans[index]!.content.length) continue;
      out[index]!.push({ ...detection, start, end });
    }
    batch = [];
    chars = 0;
  };
  for (let i = 0; i < scans.length; i += 1) {
    const scan = scans[i]!;
    // Context-only files have nothing this change wrote or removed; a deleted-only file (a removed
    // file) is still scanned: its lines go to the model too.
    if (scan.scanned.length === 0) continue;
    if (batch.length >= batchFiles || chars + scan.content.length > batchChars) await flush();
    batch.push(i);
    chars += scan.content.length;
  }
  await flush();
  return out;
}

function redactFile(
  scan: FileScan,
  secretlintDetections: Detection[],
): { file: FileLineIndex; findings: Finding[] } {
  const { file, scanned, content } = scan;
  if (scanned.length === 0) return { file, findings: [] };

  const contentDetections = mergeOverlapping([
    ...secretlintDetections,
    ...scanned.flatMap((s) =>
      findHeuristicSecrets(s.line.text)
        // A name-only password literal in a comment is prose, and in a test it is a fixture (a test user's
        // password), not a credential the code uses: redacted, not reported. Formats and high-entropy values
        // are reported anywhere.
        .map((h) => ({
          ...h,
          silent: h.weak === true && (isCommentLine(s.line.text) || isTestPath(file.path)),
          start: h.start + s.offset,
          end: h.end + s.offset,
          confidence: h.weak ? 0.6 : 0.9,
        })),
    ),
  ]);
  // Keys found through their use: redacted like the rest, reported where they are used (a separate list, so
  // that a PEM key that is also an HMAC key is reported both where it is written and where it is used).
  // In tests a signing key is a fixture: still redacted, not reported.
  const signingDetections: Detection[] = findSigningKeys(content).map((k) => ({ ...k, confidence: 0.85 }));
  const reportedSigning = isTestPath(file.path) ? [] : signingDetections;
  const detections = [...contentDetections, ...signingDetections];
  if (detections.length === 0) return { file, findings: [] };

  // Per scanned line, the character ranges to redact.
  const rangesByLine = new Map<ScannedLine, [number, number][]>();
  const values = new Set<string>();
  for (const detection of detections) {
    values.add(content.slice(detection.start, detection.end));
    for (const s of getLinesInRange(scanned, detection.start, detection.end)) {
      const from = Math.max(detection.start, s.offset) - s.offset;
      const to = Math.min(detection.end, s.offset + s.line.text.length) - s.offset;
      if (to > from) rangesByLine.set(s, [...(rangesByLine.get(s) ?? []), [from, to]]);
    }
  }

  const redactedText = new Map<DiffLine, string>();
  for (const [s, ranges] of rangesByLine) redactedText.set(s.line, redactRanges(s.line.text, ranges));
  // The same value elsewhere in the file (a context line, a second assignment) is redacted as well.
  const redactable = [...values].flatMap((v) => v.split("\n")).filter((v) => v.length >= 8);
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) {
      const current = redactedText.get(line) ?? line.text;
      const replaced = redactable.reduce(
        (text, value) => text.replaceAll(value, redactedSecretText),
        current,
      );
      if (replaced !== line.text) redactedText.set(line, replaced);
    }
  }

  const hunks: Hunk[] = file.hunks.map((hunk) =>
    hunk.lines.some((line) => redactedText.has(line))
      ? { ...hunk, lines: hunk.lines.map((line) => copyLine(line, redactedText.get(line))) }
      : hunk,
  );
  const redactedFile: FileLineIndex = {
    ...file,
    hunks,
    right: new Map(file.right),
    left: new Map(file.left),
    added: new Set(file.added),
  };

  const findings: Finding[] = [];
  const reported = new Set<number>();
  const report = (detection: Detection, line: number, endLine: number, evidenceLine: DiffLine) => {
    const value = content.slice(detection.start, detection.end);
    reported.add(line);
    findings.push({
      path: file.path,
      line,
      ...(endLine > line ? { endLine } : {}),
      severity: detection.weak ? "high" : "critical",
      category: "security",
      confidence: detection.confidence,
      title: "Hard-coded credential",
      body: scrubValue(buildFindingBody(detection.description), value),
      evidence: redactedText.get(evidenceLine) ?? evidenceLine.text,
      source: "rule",
      ruleId: `secret/${detection.kind}`,
    });
  };
  for (const detection of contentDetections) {
    if (detection.silent) continue;
    const addedLines = getLinesInRange(scanned, detection.start, detection.end).filter(
      (s) => s.line.kind === "add" && s.line.newLine !== undefined,
    );
    const first = addedLines[0];
    const line = first?.line.newLine;
    const endLine = addedLines.at(-1)?.line.newLine;
    if (!first || line === undefined || endLine === undefined) continue;
    report(detection, line, endLine, first.line);
  }
  for (const detection of reportedSigning) {
    // Reported at the use (`jwt.sign(payload, key)`) when the key is a variable, else at the literal.
    const at = getLinesInRange(
      scanned,
      detection.useStart ?? detection.start,
      (detection.useStart ?? detection.start) + 1,
    )[0];
    const line = at?.line.kind === "add" ? at.line.newLine : undefined;
    if (!at || line === undefined || reported.has(line)) continue;
    const overlapsReported = contentDetections.some(
      (c) => c.start < detection.end && detection.start < c.end && detection.useStart === undefined,
    );
    if (overlapsReported) continue;
    report(detection, line, line, at.line);
  }
  return { file: redactedFile, findings };
}

async function detectWithSecretlint(path: string, content: string): Promise<Detection[]> {
  const result = await lintSource({
    source: { content, filePath: path, contentType: "text" },
    options: { config: secretlintConfig, noPhysicFilePath: true, maskSecrets: false },
  });
  return result.messages.flatMap((message) => {
    const range = locateSecret(content, message);
    if (!range || isIdenticalCredentialUrl(message.messageId, content.slice(range[0], range[1]))) return [];
    const [kind, description] = secretKinds[message.messageId] ?? describeUnknownKind(message.messageId);
    return [{ start: range[0], end: range[1], kind, description, confidence: 0.95 }];
  });
}

/**
 * The secret's own characters. secretlint's `range` is usually exactly the value, but not always (the
 * AWS secret-key rule reports the start of the whole assignment with the value's length), so a value
 * carried in the message data and found in the content wins.
 */
function locateSecret(content: string, message: SecretLintCoreResultMessage): [number, number] | undefined {
  const [start, end] = message.range;
  const candidates = Object.values(message.data ?? {})
    .filter((v): v is string => typeof v === "string")
    .map((v) => v.replace(/["'`]+$/, ""))
    .filter((v) => v.length >= 8);
  const inRange = content.slice(start, end);
  if (candidates.length === 0 || candidates.includes(inRange)) return trimQuotes(content, start, end);
  for (const candidate of candidates) {
    const at = content.indexOf(candidate, start);
    const before = at === -1 ? content.lastIndexOf(candidate, end) : at;
    if (before !== -1) return [before, before + candidate.length];
  }
  return trimQuotes(content, start, end);
}

/**
 * `postgres://postgres:postgres@localhost/db`: a local development default (user name and password the same),
 * as later secretlint versions also treat it, not a credential.
 */
function isIdenticalCredentialUrl(messageId: string, value: string): boolean {
  if (!/Connection$|^BasicAuth$/.test(messageId)) return false;
  const userInfo = /\/\/([^:/@\s]+):([^@/\s]+)@/.exec(value);
  return userInfo !== null && userInfo[1] === userInfo[2];
}

function trimQuotes(content: string, start: number, end: number): [number, number] | undefined {
  let to = end;
  while (to > start && /["'`]/.test(content[to - 1] ?? "")) to--;
  return to > start ? [start, to] : undefined;
}

function describeUnknownKind(messageId: string): [string, string] {
  const words = messageId
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "")
    .map((w) => w.toLowerCase());
  return [words.join("-") || "unknown", words.join(" ") || "secret"];
}

/** Test code: `tests/`, `__tests__/`, `spec/`, `e2e/`, `fixtures/`, `*.test.ts`, `*_test.go`, `test_*.py`. */
function isTestPath(path: string): boolean {
  return /(^|\/)(tests?|__tests__|spec|specs|e2e|fixtures?|testdata)\/|\.(test|spec)\.[cm]?[jt]sx?$|_test\.(go|py)$|(^|\/)test_[^/]*\.py$|(^|\/)conftest\.py$/.test(
    path,
  );
}

function isCommentLine(text: string): boolean {
  return /^\s*(#|\/\/|\/\*|\*|--)/.test(text);
}

/** Merges detections that overlap; the first one (secretlint's, which names the kind best) wins. */
function mergeOverlapping(detections: Detection[]): Detection[] {
  const merged: Detection[] = [];
  for (const detection of detections) {
    const overlapping = merged.find((m) => m.start < detection.end && detection.start < m.end);
    if (!overlapping) {
      merged.push({ ...detection });
      continue;
    }
    overlapping.start = Math.min(overlapping.start, detection.start);
    overlapping.end = Math.max(overlapping.end, detection.end);
    // A strong detection of the same value outranks a weak one.
    if (!detection.weak) delete overlapping.weak;
    if (!detection.silent) delete overlapping.silent;
  }
  return merged.sort((a, b) => a.start - b.start);
}

function getLinesInRange(scanned: ScannedLine[], start: number, end: number): ScannedLine[] {
  // Binary search for the line holding `start`, then walk while lines start before `end`.
  let low = 0;
  let high = scanned.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((scanned[mid]?.offset ?? 0) <= start) low = mid;
    else high = mid - 1;
  }
  const lines: ScannedLine[] = [];
  for (let i = low; i < scanned.length; i++) {
    const s = scanned[i];
    if (!s || s.offset >= end) break;
    lines.push(s);
  }
  return lines;
}

function redactRanges(text: string, ranges: [number, number][]): string {
  let out = "";
  let cursor = 0;
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (to <= cursor) continue;
    out += text.slice(cursor, Math.max(cursor, from)) + redactedSecretText;
    cursor = to;
  }
  return out + text.slice(cursor);
}

function copyLine(line: DiffLine, text: string | undefined): DiffLine {
  return text === undefined ? { ...line } : { ...line, text };
}

function buildFindingBody(description: string): string {
  return [
    `This change adds a hard-coded ${description} to the code. Anyone who can read the repository, its forks or its history can use it, and removing it in a later commit does not take it back out of Git history.`,
    "",
    "**Fix:** revoke or rotate the credential now, then load it at runtime from the environment or a secret manager (for example AWS Secrets Manager, GCP Secret Manager, HashiCorp Vault, or GitHub Actions secrets) instead of committing it.",
    "",
    `The value was redacted (\`${redactedSecretText}\`) and was not sent to the model.`,
  ].join("\n");
}

/** Masks any run of more than 4 characters of the secret that the body happens to contain. */
function scrubValue(body: string, value: string): string {
  const window = 5;
  const chars = [...body];
  const mask = new Array<boolean>(chars.length).fill(false);
  for (let i = 0; i + window <= chars.length; i++) {
    if (value.includes(chars.slice(i, i + window).join(""))) mask.fill(true, i, i + window);
  }
  return chars.map((c, i) => (mask[i] ? "•" : c)).join("");
}
