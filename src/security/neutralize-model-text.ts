import { invisibleCharacterPattern } from "./invisible-character-pattern.js";
import { sanitizeCodeLine } from "./sanitize-code-line.js";

export interface NeutralizeModelTextOptions {
  /** Owner and name of the reviewed repository: links into it stay live. */
  owner: string;
  repo: string;
  /** Cap on the returned length, "… (truncated)" included (e.g. 65,536 for a review body). */
  maxLength: number;
}

const truncationSuffix = "… (truncated)";
// The app's own hidden markers start like this; a model must not be able to forge one.
const forgedMarkerPattern = /<!--\s*backend-architect/gi;
const forgedMarkerReplacement = "[forged marker removed]";
const htmlCommentPattern = /<!--[\s\S]*?(?:-->|$)/g;
const fenceOpenPattern = /^ {0,3}(`{3,}|~{3,})(.*)$/;
// `&#64;`, `&#x40;`, `&commat;` render as "@" and GitHub would mention after rendering.
const encodedAtPattern = /&(?:#0*64|#x0*40|commat);/gi;

// Sticky patterns, tried at the scanner's position.
const inlineLinkPattern =
  /(!?)\[((?:[^[\]\\`\n]|\\.|`[^`\n]*`|\[(?:[^[\]\\\n]|\\.)*\])*)\]\(\s*(<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*\)/y;
const autolinkPattern = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/y;
const schemeUrlPattern = /(?:https?|ftp):\/\/[^\s<>`[\]]*/iy;
const wwwUrlPattern = /www\.[^\s<>`[\]]*/iy;
// GitHub's mention grammar, slightly widened: a user or `org/team`.
const mentionPattern = /@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9][A-Za-z0-9_.-]*)?/y;
// `other/repo#12` posts a cross-reference on someone else's issue.
const crossRepoReferencePattern = /([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)#\d+/y;
const asciiPunctuation = /[!-/:-@[-`{-~]/;
const wordCharacter = /[A-Za-z0-9_]/;

/**
 * Makes a model-written string safe to post on GitHub (review body, comment body, title, check-run
 * summary). Whatever an attacker made the model say, the result:
 *
 * - pings nobody: `@user` and `@org/team` become code spans (`` `@user` ``); e-mail addresses
 *   (`a@b.com`) and mentions already inside code stay as they are; `other/repo#1` references, which
 *   would post a back-link on someone else's issue, become code spans too;
 * - links nowhere except into `https://github.com/<owner>/<repo>`: other markdown links and images
 *   become `text (`url`)`, bare URLs and autolinks become code spans, and every other `[`, `]`, `<`
 *   and stray backtick is escaped, so no link, image, reference definition or raw HTML (`<a>`, `<img>`,
 *   `<script>`, `<iframe>`, ...) is left to render;
 * - hides nothing and forges nothing: HTML comments (also unterminated) are removed from prose, and
 *   `<!-- backend-architect` anywhere, code included, is replaced, so the app's own markers cannot be
 *   forged;
 * - keeps fenced code blocks (```` ```suggestion ```` included) as they are, except that invisible or
 *   bidirectional control characters are shown as `⟦U+202E⟧` (a suggestion must never smuggle Trojan
 *   Source into a commit), and closes an unclosed fence so it cannot swallow what follows;
 * - is at most `maxLength` characters, ending in "… (truncated)" when cut.
 *
 * @example neutralizeModelText("cc @octo [x](https://evil.example)", { owner: "o", repo: "r", maxLength: 100 })
 *   === "cc `@octo` x (`https://evil.example`)"
 */
export function neutralizeModelText(text: string, opts: NeutralizeModelTextOptions): string {
  const source = text.replace(/\r\n?/g, "\n");
  const full = neutralizeBody(source, opts);
  if (full.length <= opts.maxLength) return full;
  if (opts.maxLength <= truncationSuffix.length)
    return truncationSuffix.slice(0, Math.max(0, opts.maxLength));
  // Neutralising can lengthen the text, so cut the source and check; shrink until it fits.
  let budget = opts.maxLength - truncationSuffix.length - 1;
  for (let attempt = 0; attempt < 30 && budget > 0; attempt++) {
    const result = appendTruncationSuffix(neutralizeBody(cutSource(source, budget), opts));
    if (result.length <= opts.maxLength) return result;
    budget = Math.min(budget - 1, Math.floor((budget * opts.maxLength) / result.length) - 1);
  }
  return truncationSuffix;
}

function cutSource(text: string, length: number): string {
  const cut = text.slice(0, length);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function appendTruncationSuffix(body: string): string {
  const lastLine = body.slice(body.lastIndexOf("\n") + 1);
  const separator = /^ {0,3}(?:`{3,}|~{3,})\s*$/.test(lastLine) ? "\n" : body === "" ? "" : " ";
  return `${body}${separator}${truncationSuffix}`;
}

/** Splits the text into fenced code blocks (kept) and prose (neutralised). */
function neutralizeBody(text: string, opts: NeutralizeModelTextOptions): string {
  const lines = text.split("\n");
  const out: string[] = [];
  let prose: string[] = [];
  const flushProse = () => {
    if (prose.length > 0) out.push(neutralizeProse(prose.join("\n"), opts));
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
    const block = lines.slice(i, Math.min(end + 1, lines.length)).map(neutralizeCode);
    if (end >= lines.length) block.push(fence);
    out.push(block.join("\n"));
    i = end + 1;
  }
  flushProse();
  return out.join("\n");
}

function neutralizeCode(code: string): string {
  return sanitizeCodeLine(code.replace(forgedMarkerPattern, forgedMarkerReplacement));
}

function neutralizeProse(prose: string, opts: NeutralizeModelTextOptions): string {
  const cleaned = prose
    .replace(htmlCommentPattern, "")
    .replace(invisibleCharacterPattern, "")
    .replace(forgedMarkerPattern, forgedMarkerReplacement)
    .replace(encodedAtPattern, "@");
  return neutralizeInline(cleaned, opts);
}

/**
 * One left-to-right pass, in the order a CommonMark parser meets things: backslash escapes, code spans
 * (a span never crosses a line here: a pair GitHub might see across lines is escaped instead, which is
 * the safe direction), links, autolinks, bare URLs, mentions, cross-repository references.
 */
function neutralizeInline(text: string, opts: NeutralizeModelTextOptions): string {
  // Parts and the last character emitted: `endsWith` on a growing string would flatten it every time.
  const parts: string[] = [];
  let last = "";
  const emit = (piece: string) => {
    if (piece === "") return;
    parts.push(piece);
    last = piece[piece.length - 1] ?? "";
  };
  const emitInert = (piece: string, next: string | undefined) => {
    // A preceding backslash would escape the span's opening backtick; a neighbouring backtick would
    // merge with it into a longer run.
    if (last === "\\" || last === "`") emit(" ");
    emit(piece);
    if (next === "`") emit(" ");
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? "";
    const previous = i > 0 ? text[i - 1] : undefined;

    if (char === "\\") {
      const next = text[i + 1];
      if (next === "@") {
        // `\@user` renders as "@user" and would mention: drop the escape, the mention rule applies.
        i++;
      } else if (next !== undefined && asciiPunctuation.test(next)) {
        emit(char + next);
        i += 2;
      } else {
        emit(char);
        i++;
      }
      continue;
    }

    if (char === "`") {
      const run = /`+/y;
      run.lastIndex = i;
      const length = run.exec(text)?.[0].length ?? 1;
      const close = findClosingBacktickRun(text, i + length, length);
      if (close === undefined) {
        emit("\\`".repeat(length));
        i += length;
      } else {
        const span = text.slice(i, close + length);
        if (last === "\\") emit(" ");
        emit(sanitizeCodeLine(span));
        i = close + length;
      }
      continue;
    }

    if (char === "[" || (char === "!" && text[i + 1] === "[")) {
      const match = execAt(inlineLinkPattern, text, i);
      if (match) {
        const [whole, bang = "", label = "", rawDestination = ""] = match;
        const destination = rawDestination.replace(/^<([\s\S]*)>$/, "$1");
        const inner = neutralizeInline(label, opts);
        if (isAllowedUrl(destination, opts)) {
          if (last === "\\") emit(" ");
          emit(`${bang}[${inner}](${destination})`);
        } else if (destination === "") {
          emit(inner);
        } else {
          emit(inner === "" ? "" : `${inner} (`);
          emitInert(toCodeSpan(destination), undefined);
          emit(inner === "" ? "" : ")");
        }
        i += whole.length;
        continue;
      }
      emit(char === "[" ? "\\[" : "!");
      i++;
      continue;
    }

    if (char === "~" && text.startsWith("~~~", i)) {
      // Hidden characters removed above can leave `~~~` at a line start: a fence nobody closes.
      emit("\\~");
      i++;
      continue;
    }

    if (char === "]") {
      emit("\\]");
      i++;
      continue;
    }

    if (char === "<") {
      const match = execAt(autolinkPattern, text, i);
      const url = match?.[1];
      if (match && url !== undefined) {
        if (isAllowedUrl(url, opts)) emit(`<${url}>`);
        else emitInert(toCodeSpan(url), text[i + match[0].length]);
        i += match[0].length;
        continue;
      }
      emit("&lt;");
      i++;
      continue;
    }

    const urlMatch =
      execAt(schemeUrlPattern, text, i) ??
      (previous === undefined || !/[A-Za-z0-9.-]/.test(previous) ? execAt(wwwUrlPattern, text, i) : null);
    if (urlMatch) {
      const url = trimUrl(urlMatch[0]);
      if (url.length > 0 && !/^(?:https?|ftp):\/\/$/i.test(url)) {
        if (isAllowedUrl(url, opts)) emit(url);
        else emitInert(toCodeSpan(url), text[i + url.length]);
        i += url.length;
        continue;
      }
    }

    if (char === "@" && (previous === undefined || !wordCharacter.test(previous))) {
      const match = execAt(mentionPattern, text, i);
      if (match) {
        emitInert(toCodeSpan(match[0]), text[i + match[0].length]);
        i += match[0].length;
        continue;
      }
    }

    if (previous === undefined || !wordCharacter.test(previous)) {
      const match = execAt(crossRepoReferencePattern, text, i);
      if (match) {
        const sameRepo =
          match[1]?.toLowerCase() === opts.owner.toLowerCase() &&
          match[2]?.toLowerCase() === opts.repo.toLowerCase();
        if (sameRepo) emit(match[0]);
        else emitInert(toCodeSpan(match[0]), text[i + match[0].length]);
        i += match[0].length;
        continue;
      }
    }

    emit(char);
    i++;
  }
  return parts.join("");
}

function execAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

/** Index of the next backtick run of exactly `length` on the same line, as CommonMark pairs them. */
function findClosingBacktickRun(text: string, from: number, length: number): number | undefined {
  // A scan from `from` that stops at the line's end: linear over all spans of a line together.
  const runOrLineEnd = /`+|\n/g;
  runOrLineEnd.lastIndex = from;
  for (let match = runOrLineEnd.exec(text); match; match = runOrLineEnd.exec(text)) {
    if (match[0] === "\n") return undefined;
    if (match[0].length === length) return match.index;
  }
  return undefined;
}

/** GFM's extended-autolink trailing rules: drop trailing punctuation and unbalanced closing parens. */
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last === undefined) break;
    if ("?!.,:*_~'\";".includes(last)) {
      end--;
      continue;
    }
    if (last === ")") {
      const candidate = url.slice(0, end);
      const opens = candidate.split("(").length - 1;
      const closes = candidate.split(")").length - 1;
      if (closes > opens) {
        end--;
        continue;
      }
    }
    break;
  }
  return url.slice(0, end);
}

function toCodeSpan(content: string): string {
  const longestRun = Math.max(0, ...Array.from(content.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longestRun + 1);
  const pad = content.startsWith("`") || content.endsWith("`") ? " " : "";
  return `${fence}${pad}${content}${pad}${fence}`;
}

function isAllowedUrl(url: string, opts: NeutralizeModelTextOptions): boolean {
  const prefix = new RegExp(
    `^https://github\\.com/${escapeRegExp(opts.owner)}/${escapeRegExp(opts.repo)}(?:[/?#][A-Za-z0-9\\-._~:/?#@!$&'()*+,;=%]*)?$`,
    "i",
  );
  if (!prefix.test(url)) return false;
  try {
    const parsed = new URL(url);
    const [, owner, repo] = parsed.pathname.split("/");
    return (
      parsed.protocol === "https:" &&
      parsed.host === "github.com" &&
      parsed.username === "" &&
      parsed.password === "" &&
      owner?.toLowerCase() === opts.owner.toLowerCase() &&
      repo?.toLowerCase() === opts.repo.toLowerCase()
    );
  } catch {
    return false;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
