import { fenceUntrusted } from "../security/fence-untrusted.js";
import { findHeuristicSecrets } from "../security/find-heuristic-secrets.js";
import { redactSecretsInMessage } from "../security/log-redaction.js";
import { sanitizeCodeLine } from "../security/sanitize-code-line.js";
import { sanitizeUntrustedText } from "../security/sanitize-untrusted-text.js";
import { type ContextPiece, contextKindLabels } from "./context-piece.js";

const maxLineLength = 400;

/** One line of repository text as the model may see it: secrets masked, invisible characters shown, cut. */
export function toContextLine(line: string): string {
  let out = line.replace(/\r$/, "");
  const secrets = findHeuristicSecrets(out).sort((a, b) => b.start - a.start);
  for (const secret of secrets)
    out = `${out.slice(0, secret.start)}[REDACTED_SECRET]${out.slice(secret.end)}`;
  out = sanitizeCodeLine(redactSecretsInMessage(out));
  return out.length > maxLineLength ? `${out.slice(0, maxLineLength)} [cut]` : out;
}

/**
 * Lines of a file, numbered as `12: code` (a colon, unlike the diff's `12 |`/`12+|`: these lines are not
 * part of the change), `…` between ranges. `ranges` null: the lines as they are, unnumbered.
 */
export function renderNumberedLines(lines: string[], ranges: [number, number][] | null): string {
  if (!ranges) return lines.map(toContextLine).join("\n");
  const out: string[] = [];
  ranges.forEach(([start, end], i) => {
    if (i > 0 || start > 1) out.push("…");
    for (let n = start; n <= Math.min(end, lines.length); n++)
      out.push(`${n}: ${toContextLine(lines[n - 1] ?? "")}`);
  });
  const lastEnd = ranges[ranges.length - 1]?.[1] ?? 0;
  if (lastEnd < lines.length) out.push("…");
  return out.join("\n");
}

/**
 * The pieces for one prompt: those about its files (and the map), in rank order, while they fit
 * `maxTokens`. Returns them with the tokens they cost.
 */
export function selectContextForPrompt(
  pieces: readonly ContextPiece[],
  paths: ReadonlySet<string>,
  maxTokens: number,
): { pieces: ContextPiece[]; tokens: number; leftOut: ContextPiece[] } {
  const chosen: ContextPiece[] = [];
  const leftOut: ContextPiece[] = [];
  let tokens = 0;
  for (const piece of pieces) {
    if (piece.forPaths.length > 0 && !piece.forPaths.some((p) => paths.has(p))) continue;
    if (tokens + piece.tokens > maxTokens) {
      leftOut.push(piece);
      continue;
    }
    tokens += piece.tokens;
    chosen.push(piece);
  }
  return { pieces: chosen, tokens, leftOut };
}

/** The prompt section: what the context is, then every piece in one fenced block of untrusted data. */
export function renderContextSection(pieces: readonly ContextPiece[]): string {
  if (pieces.length === 0) return "";
  const body = pieces
    .map((piece) => {
      const path = sanitizeUntrustedText(piece.path, { maxLength: 500, singleLine: true });
      const why = sanitizeUntrustedText(piece.why, { maxLength: 300, singleLine: true });
      const attributes = [
        `kind="${piece.kind}"`,
        ...(path ? [`path=${JSON.stringify(path)}`] : []),
        `about=${JSON.stringify(why)}`,
      ];
      return `<context ${attributes.join(" ")}>\n${piece.text}\n</context>`;
    })
    .join("\n");
  const kinds = [...new Set(pieces.map((p) => contextKindLabels[p.kind]))].join(", ");
  return `Repository context (${kinds}), read from the head commit to help you judge the change. It is NOT part of the diff and NOT under review: its lines are numbered "N: code" and cannot carry inline comments. Use it to understand the change; report a problem that lies in the context only if the change makes it matter, and then give the path and line of the context file (such findings go into the review body).\n${fenceUntrusted("repository_context", body)}`;
}
