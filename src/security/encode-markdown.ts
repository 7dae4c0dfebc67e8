import { invisibleCharacterPattern } from "./invisible-character-pattern.js";

/**
 * One encoder per Markdown context for text the app did not write (model text, file and branch names,
 * configuration values, library messages, names taken from a pull request). Whatever the input, the
 * output renders as the literal text: it mentions nobody, links nowhere, embeds nothing, opens no HTML,
 * breaks out of no code span, fence, table cell or Mermaid label, and never contains the opening of an
 * HTML comment (so it cannot carry one of the app's hidden markers).
 */
export interface EncodeOptions {
  /** Cap on the input's length, in characters; longer input is cut and ends in "…". */
  maxLength?: number;
}

const htmlCommentOpen = /<!--/g;
// Shown instead of `<!--`: visibly the same text, but no HTML comment (and so no marker) can start.
const htmlCommentOpenReplacement = "<!- -";

// Pieces of plain text that GitHub would turn into a notification or a link even when every punctuation
// character is escaped (mentions and autolinks are found in the rendered text): they are posted as code.
const linkLikePattern = new RegExp(
  [
    String.raw`(?:https?|ftp|mailto|file|javascript|data):\S*`, // scheme URLs
    String.raw`www\.\S+`, // extended autolinks
    String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`, // e-mail addresses
    String.raw`@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9][\w.-]*)?`, // @user, @org/team
    String.raw`[A-Za-z0-9][\w.-]*\/[\w.-]+[#@][\w-]+`, // owner/repo#12, owner/repo@sha
    String.raw`\b[A-Za-z0-9][\w-]*#\d+`, // owner#12
  ].join("|"),
  "g",
);
const asciiPunctuation = /[!-/:-@[-`{-~]/g;

/** Makes every invisible or bidirectional control character visible as `⟦U+202E⟧`. */
export function showInvisibleCharacters(text: string): string {
  return text.replace(invisibleCharacterPattern, (char) => {
    const code = char.codePointAt(0) ?? 0;
    return `⟦U+${code.toString(16).toUpperCase().padStart(4, "0")}⟧`;
  });
}

function capLength(text: string, maxLength: number | undefined): string {
  if (maxLength === undefined || text.length <= maxLength) return text;
  const cut = text.slice(0, Math.max(0, maxLength - 1));
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

function toSingleLine(text: string): string {
  return text.replace(/\r\n?|\n|\u2028|\u2029/g, " ");
}

function prepareSingleLine(text: string, options: EncodeOptions): string {
  return showInvisibleCharacters(toSingleLine(capLength(text, options.maxLength)));
}

function escapePunctuation(text: string): string {
  return text.replace(asciiPunctuation, (char) => `\\${char}`);
}

function buildCodeSpan(text: string, inTable: boolean): string {
  const content = text.replace(htmlCommentOpen, htmlCommentOpenReplacement);
  const longestRun = Math.max(0, ...[...content.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(longestRun + 1);
  // A leading or trailing backtick would join the fence; a space on each side is stripped by the renderer.
  const padded = /^[`\s]|[`\s]$/.test(content) || content === "" ? ` ${content} ` : content;
  const span = `${fence}${padded}${fence}`;
  // GFM splits table rows on `|` before it parses code spans: inside a cell, a pipe must be escaped even in code.
  return inTable ? span.replace(/\|/g, "\\|") : span;
}

function encodeInline(text: string, options: EncodeOptions, inTable: boolean): string {
  const line = prepareSingleLine(text, options);
  let out = "";
  let last = 0;
  for (const match of line.matchAll(linkLikePattern)) {
    const start = match.index ?? 0;
    out += escapePunctuation(line.slice(last, start));
    out += buildCodeSpan(match[0], inTable);
    last = start + match[0].length;
  }
  return out + escapePunctuation(line.slice(last));
}

/**
 * Text inside a paragraph, list item or heading: one line, every ASCII punctuation character escaped
 * (no emphasis, link, image, HTML, entity or table syntax survives), mentions, URLs, e-mail addresses and
 * cross-repository references posted as code spans.
 *
 * @example encodeInlineText("cc @octocat <img src=x>") === "cc `@octocat` \\<img src\\=x\\>"
 */
export function encodeInlineText(text: string, options: EncodeOptions = {}): string {
  return encodeInline(text, options, false);
}

/**
 * A code span holding the text literally: one line (a newline could end the span), a backtick fence
 * longer than any backtick run inside, padded when the text starts or ends with a backtick or space.
 *
 * @example encodeCodeSpan("a`b") === "``a`b``"
 */
export function encodeCodeSpan(text: string, options: EncodeOptions = {}): string {
  return buildCodeSpan(prepareSingleLine(text, options), false);
}

/** Text for one cell of a GFM table: inline text whose pipes cannot split the row. */
export function encodeTableCell(text: string, options: EncodeOptions = {}): string {
  return encodeInline(text, options, true);
}

/**
 * A fenced code block holding the text literally: line ends normalised, invisible characters made
 * visible, a fence longer than any backtick run inside, an info string of safe characters only.
 */
export function encodeFencedBlock(text: string, language = "", options: EncodeOptions = {}): string {
  const content = showInvisibleCharacters(capLength(text, options.maxLength).replace(/\r\n?/g, "\n")).replace(
    htmlCommentOpen,
    htmlCommentOpenReplacement,
  );
  const longestRun = Math.max(0, ...[...content.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  const info = language.replace(/[^A-Za-z0-9_+-]/g, "");
  return `${fence}${info}\n${content}\n${fence}`;
}

/**
 * Text for a Mermaid node or edge label written inside double quotes (`A["…"]`): one line, and every
 * character other than letters, digits, spaces and `_ . , : / -` as a Mermaid entity code (`#35;`), so
 * no name can close the label, start Markdown or HTML in it, or end the surrounding ```mermaid fence.
 */
export function encodeMermaidLabel(text: string, options: EncodeOptions = {}): string {
  const line = prepareSingleLine(text, options);
  let out = "";
  for (const char of line) {
    out += /^[A-Za-z0-9 _.,:/-]$/.test(char) ? char : `#${char.codePointAt(0)};`;
  }
  return out;
}
