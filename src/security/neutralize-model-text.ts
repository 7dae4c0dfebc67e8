import { encodeCodeSpan, encodeFencedBlock, encodeInlineText } from "./encode-markdown.js";

export interface NeutralizeModelTextOptions {
  /** Owner and name of the reviewed repository (kept for callers; no link is left live, inside or out). */
  owner?: string;
  repo?: string;
  /** Cap on the returned length, "… (truncated)" included (e.g. 65,536 for a review body). */
  maxLength: number;
}

const truncationSuffix = "… (truncated)";
const htmlCommentPattern = /<!--[\s\S]*?(?:-->|$)/g;
const fenceOpenPattern = /^ {0,3}(`{3,}|~{3,})(.*)$/;
// A list item or heading marker kept as structure; what follows it is encoded.
const blockMarkerPattern = /^( {0,6})([-*+]|\d{1,3}[.)]|#{1,6})( +)/;

/**
 * The encoder for multi-line model prose (a finding's body, the review summary): the model may write
 * paragraphs, list items, headings, inline code and fenced code blocks, and every piece goes through the
 * encoder of its context (`encode-markdown.ts`):
 *
 * - each prose line through `encodeInlineText` (a list or heading marker at its start is kept), so it
 *   mentions nobody, links nowhere (not even into the repository: URLs are shown as code), embeds
 *   nothing, opens no HTML and carries no marker; HTML comments are removed first (hidden text);
 * - each inline code span through `encodeCodeSpan`;
 * - each fenced block through `encodeFencedBlock` (invisible characters made visible, a fence nothing
 *   inside can close, an unclosed block closed); a ```` ```suggestion ```` block in prose is shown as
 *   plain code: only a finding's own `suggestion` field, checked and anchored, is ever offered to commit;
 * - the result is at most `maxLength` characters, ending in "… (truncated)" when cut.
 *
 * @example neutralizeModelText("cc @octo [x](https://evil.example)", { owner: "o", repo: "r", maxLength: 100 })
 *   === "cc `@octo` \\[x\\]\\(`https://evil.example)`"
 */
export function neutralizeModelText(text: string, opts: NeutralizeModelTextOptions): string {
  const source = text.replace(/\r\n?/g, "\n");
  const full = encodeBody(source);
  if (full.length <= opts.maxLength) return full;
  if (opts.maxLength <= truncationSuffix.length)
    return truncationSuffix.slice(0, Math.max(0, opts.maxLength));
  // Encoding lengthens the text, so cut the source and check; shrink until it fits.
  let budget = opts.maxLength - truncationSuffix.length - 1;
  for (let attempt = 0; attempt < 30 && budget > 0; attempt++) {
    const encoded = encodeBody(cutSource(source, budget));
    const result = `${encoded}${encoded === "" ? "" : "\n"}${truncationSuffix}`;
    if (result.length <= opts.maxLength) return result;
    budget = Math.min(budget - 1, Math.floor((budget * opts.maxLength) / result.length) - 1);
  }
  return truncationSuffix;
}

function cutSource(text: string, length: number): string {
  const cut = text.slice(0, length);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Splits the text into fenced code blocks and prose, and encodes each for its context. */
function encodeBody(text: string): string {
  const lines = text.split("\n");
  const out: string[] = [];
  let prose: string[] = [];
  const flushProse = () => {
    if (prose.length > 0) out.push(encodeProse(prose.join("\n")));
    prose = [];
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    const open = fenceOpenPattern.exec(line);
    const fence = open?.[1];
    // A backtick fence's info string cannot contain a backtick (CommonMark); then it is no fence.
    if (!open || !fence || (fence.startsWith("`") && (open[2] ?? "").includes("`"))) {
      prose.push(line);
      i++;
      continue;
    }
    flushProse();
    const closePattern = new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}[ \\t]*$`);
    let end = i + 1;
    while (end < lines.length && !closePattern.test(lines[end] ?? "")) end++;
    const language = (open[2] ?? "").trim().split(/\s+/)[0] ?? "";
    const content = lines.slice(i + 1, Math.min(end, lines.length)).join("\n");
    out.push(encodeFencedBlock(content, language.toLowerCase() === "suggestion" ? "" : language));
    i = end + 1;
  }
  flushProse();
  return out.join("\n");
}

function encodeProse(prose: string): string {
  return prose
    .replace(htmlCommentPattern, "")
    .split("\n")
    .map((line) => {
      const marker = blockMarkerPattern.exec(line);
      if (!marker) return encodeLine(line);
      const [whole, indent = "", symbol = "", space = ""] = marker;
      return `${indent}${symbol}${space}${encodeLine(line.slice(whole.length))}`;
    })
    .join("\n");
}

/** Inline code spans (a backtick run closed by one of the same length on the line) and text between them. */
function encodeLine(line: string): string {
  const parts: string[] = [];
  let text = "";
  let i = 0;
  while (i < line.length) {
    // `**bold**` stays bold: emphasis can neither link nor mention, and its inside is encoded.
    if (line.startsWith("**", i)) {
      const end = line.indexOf("**", i + 2);
      const inner = end === -1 ? "" : line.slice(i + 2, end);
      if (/^[^\s`*](?:[^`*]*[^\s`*])?$/.test(inner)) {
        if (text !== "") parts.push(encodeInlineText(text));
        text = "";
        parts.push(`**${encodeInlineText(inner)}**`);
        i = end + 2;
        continue;
      }
    }
    if (line[i] !== "`") {
      text += line[i];
      i++;
      continue;
    }
    const run = /`+/y;
    run.lastIndex = i;
    const length = run.exec(line)?.[0].length ?? 1;
    const close = findClosingRun(line, i + length, length);
    if (close === undefined) {
      text += line.slice(i, i + length);
      i += length;
      continue;
    }
    if (text !== "") parts.push(encodeInlineText(text));
    text = "";
    const content = line.slice(i + length, close);
    const unpadded = /^ .*[^ ].* $/.test(content) ? content.slice(1, -1) : content;
    parts.push(encodeCodeSpan(unpadded));
    i = close + length;
  }
  if (text !== "") parts.push(encodeInlineText(text));
  // Two code spans side by side would read as one longer backtick run: keep a space between them.
  return parts.reduce(
    (joined, part) => (joined.endsWith("`") && part.startsWith("`") ? `${joined} ${part}` : joined + part),
    "",
  );
}

function findClosingRun(line: string, from: number, length: number): number | undefined {
  const runs = /`+/g;
  runs.lastIndex = from;
  for (let match = runs.exec(line); match; match = runs.exec(line)) {
    if (match[0].length === length) return match.index;
  }
  return undefined;
}
