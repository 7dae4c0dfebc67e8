import { buildLineIndex } from "../diff/line-index.js";
import type { DiffLine } from "../diff/parse-patch.js";
import { redactSecrets } from "./redact-secrets.js";

export interface PullText {
  title: string;
  body: string | null;
}

/**
 * The pull request's title and description with every secret the code scanner (`redactSecrets`: the
 * same rules as for code) finds replaced by `[REDACTED_SECRET]`, before they are put in a prompt. Both
 * are scanned as the added lines of one pseudo file, so a secret split over the title and the first
 * description line is seen as it would be in code; `redacted` counts the lines that changed.
 *
 * @example await redactPullText({ title: "Fix", body: "token ghp_…" }) // { body: "token [REDACTED_SECRET]", … }
 */
export async function redactPullText(pull: PullText): Promise<PullText & { redacted: number }> {
  const texts = [pull.title, ...(pull.body ?? "").replace(/\r\n?/g, "\n").split("\n")];
  const lines: DiffLine[] = texts.map((text, index) => ({ kind: "add", newLine: index + 1, text }));
  const index = buildLineIndex("pull-request-description.md", [
    { oldStart: 0, oldLines: 0, newStart: 1, newLines: lines.length, header: "", lines },
  ]);
  const [file] = (await redactSecrets([index])).files;
  const redactedTexts = file?.hunks[0]?.lines.map((line) => line.text) ?? texts;
  const redacted = redactedTexts.filter((text, i) => text !== texts[i]).length;
  const [title = "", ...bodyLines] = redactedTexts;
  return { title, body: pull.body === null ? null : bodyLines.join("\n"), redacted };
}
