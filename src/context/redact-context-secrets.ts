import { redactSecretsInMessage } from "../security/log-redaction.js";
import { findSecretsInTexts } from "../security/redact-secrets.js";
import type { ContextPiece } from "./context-piece.js";

const redactedSecretText = "[REDACTED_SECRET]";

/**
 * Where a line's code starts: after a line number (`12: `) or a search hit's `path:12: `. The scan sees the
 * code only, so that a PEM block split over numbered lines is still one block.
 */
const linePrefix = /^(?:\d{1,7}: |[^\s:]{1,500}:\d{1,7}: )/;

interface ScannedText {
  lines: { prefix: string; code: string; offset: number }[];
  content: string;
}

function toScannedText(text: string): ScannedText {
  let offset = 0;
  const lines = text.split("\n").map((line) => {
    const prefix = linePrefix.exec(line)?.[0] ?? "";
    const code = line.slice(prefix.length);
    const scanned = { prefix, code, offset };
    offset += code.length + 1;
    return scanned;
  });
  return { lines, content: lines.map((l) => l.code).join("\n") };
}

/**
 * Runs the diff's secret scanner (secretlint's recommended preset, batched, plus the heuristics and the
 * log-redaction patterns) over texts of repository context before they go into a prompt, and replaces every
 * detected value by `[REDACTED_SECRET]`. Line prefixes (`12: `, `path:12: `) are kept and not scanned.
 * Returns the texts and, per text, how many secrets were redacted (a value spread over lines counts once).
 */
export async function redactContextTexts(
  texts: readonly string[],
): Promise<{ texts: string[]; redacted: number[] }> {
  const scanned = texts.map(toScannedText);
  const secrets = await findSecretsInTexts(scanned.map((s) => s.content));
  const out: string[] = [];
  const redacted: number[] = [];
  scanned.forEach((text, i) => {
    const found = secrets[i] ?? [];
    let count = found.length;
    const rangesByLine = new Map<number, [number, number][]>();
    for (const secret of found) {
      text.lines.forEach((line, index) => {
        const from = Math.max(secret.start, line.offset) - line.offset;
        const to = Math.min(secret.end, line.offset + line.code.length) - line.offset;
        if (to > from) rangesByLine.set(index, [...(rangesByLine.get(index) ?? []), [from, to]]);
      });
    }
    const lines = text.lines.map((line, index) => {
      const ranges = rangesByLine.get(index);
      const code = ranges ? redactRanges(line.code, ranges) : line.code;
      // The log-redaction patterns last (bearer values, JWTs, URL passwords): what they still find is counted.
      const masked = redactSecretsInMessage(code);
      if (masked !== code) count += 1;
      return line.prefix + masked;
    });
    out.push(lines.join("\n"));
    redacted.push(count);
  });
  return { texts: out, redacted };
}

/** Every piece's text scanned and redacted (`secretsRedacted` set where there were any). */
export async function redactContextPieces(
  pieces: readonly ContextPiece[],
): Promise<{ pieces: ContextPiece[]; redacted: number }> {
  const { texts, redacted } = await redactContextTexts(pieces.map((p) => p.text));
  let total = 0;
  const out = pieces.map((piece, i) => {
    const count = redacted[i] ?? 0;
    total += count;
    return count > 0 ? { ...piece, text: texts[i] ?? "", secretsRedacted: count } : piece;
  });
  return { pieces: out, redacted: total };
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
