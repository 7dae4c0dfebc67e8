import parseDiff from "parse-diff";
import type { ChangedFile } from "../diff/changed-file.js";

/** One file of a local diff, in the shape GitHub's `pulls.listFiles` gives it, plus what GitHub only implies. */
export interface DiffFile extends ChangedFile {
  /** Git said "Binary files … differ" (or sent a binary patch): there is no text patch. */
  binary: boolean;
}

/** What the extended header lines of one `diff --git` section say (parse-diff ignores most of them). */
interface SectionHeader {
  oldPath?: string;
  newPath?: string;
  added: boolean;
  removed: boolean;
  renamed: boolean;
  copied: boolean;
  binary: boolean;
}

const devNull = "/dev/null";
/** Git's default prefixes and its mnemonic ones (diff.mnemonicPrefix). */
const pathPrefix = /^[abiwco12]\//;

/**
 * Splits a unified diff (a full `git diff`, with `diff --git` headers) into one entry per file, each with
 * GitHub's per-file `patch` (the hunks only, joined by "\n", no trailing newline), so that the rest of the
 * pipeline sees exactly what it sees from GitHub. Renames and copies carry `previous_filename`; new and
 * deleted files are `added`/`removed`; binary files and pure renames or mode changes have no `patch`.
 * File names in C-quoted form (`"a/t\303\244st.py"`, as git writes names with non-ASCII or control
 * characters) are unquoted. A diff without `diff --git` lines (`diff -u`) is read by its `---`/`+++` lines.
 *
 * @example
 * splitGitDiff("diff --git a/x.ts b/x.ts\n--- a/x.ts\n+++ b/x.ts\n@@ -1 +1 @@\n-a\n+b\n")
 * // [{ filename: "x.ts", status: "modified", additions: 1, deletions: 1, changes: 2,
 * //    patch: "@@ -1 +1 @@\n-a\n+b", binary: false }]
 */
export function splitGitDiff(text: string): DiffFile[] {
  const lines = text.replace(/\n$/, "").split("\n");
  const starts = lines.flatMap((line, index) => (line.startsWith("diff --git ") ? [index] : []));
  if (starts.length === 0) return splitPlainDiff(text);
  return starts.map((start, i) => toDiffFile(lines.slice(start, starts[i + 1] ?? lines.length)));
}

function toDiffFile(section: string[]): DiffFile {
  const firstHunk = section.findIndex((line) => line.startsWith("@@"));
  // A diff saved with CRLF line ends: the header lines lose their \r, the code lines keep it (as in GitHub's patch).
  const headerLines = (firstHunk === -1 ? section : section.slice(0, firstHunk)).map((line) =>
    line.replace(/\r$/, ""),
  );
  const header = readSectionHeader(headerLines);
  const [parsed] = parseDiff(section.join("\n"));
  const fromGitLine = parseGitLinePaths(headerLines[0] ?? "");
  const newPath = header.newPath ?? fromGitLine?.[1] ?? cleanParsedPath(parsed?.to);
  const oldPath = header.oldPath ?? fromGitLine?.[0] ?? cleanParsedPath(parsed?.from);
  const added = header.added || parsed?.new === true;
  const removed = header.removed || parsed?.deleted === true;
  const filename = (removed ? oldPath : newPath) ?? oldPath ?? "";
  return buildDiffFile({
    filename,
    previousFilename: header.renamed || header.copied ? oldPath : undefined,
    status: added
      ? "added"
      : removed
        ? "removed"
        : header.renamed
          ? "renamed"
          : header.copied
            ? "copied"
            : "modified",
    chunks: parsed?.chunks ?? [],
    binary: header.binary,
  });
}

function readSectionHeader(lines: string[]): SectionHeader {
  const header: SectionHeader = {
    added: false,
    removed: false,
    renamed: false,
    copied: false,
    binary: false,
  };
  for (const line of lines) {
    if (line.startsWith("new file mode ")) header.added = true;
    else if (line.startsWith("deleted file mode ")) header.removed = true;
    else if (line.startsWith("rename from ")) {
      header.renamed = true;
      header.oldPath = readPath(line.slice("rename from ".length), false);
    } else if (line.startsWith("rename to ")) {
      header.renamed = true;
      header.newPath = readPath(line.slice("rename to ".length), false);
    } else if (line.startsWith("copy from ")) {
      header.copied = true;
      header.oldPath = readPath(line.slice("copy from ".length), false);
    } else if (line.startsWith("copy to ")) {
      header.copied = true;
      header.newPath = readPath(line.slice("copy to ".length), false);
    } else if (line.startsWith("--- ")) {
      const path = readPath(line.slice(4), true);
      if (path !== undefined) header.oldPath ??= path;
    } else if (line.startsWith("+++ ")) {
      const path = readPath(line.slice(4), true);
      if (path !== undefined) header.newPath ??= path;
    } else if (/^Binary files .* differ$/.test(line) || line === "GIT binary patch") header.binary = true;
  }
  return header;
}

/** A path as written after `---`, `+++`, `rename from`…; undefined for /dev/null. */
function readPath(raw: string, hasPrefix: boolean): string | undefined {
  let path: string;
  if (raw.startsWith('"')) {
    const quoted = readQuoted(raw, 0);
    path = quoted ? quoted.value : raw;
  } else {
    // Git ends a name that contains a space with a tab; `diff -u` puts a timestamp after one.
    const tab = raw.indexOf("\t");
    path = (tab === -1 ? raw : raw.slice(0, tab)).trimEnd();
  }
  if (path === devNull) return undefined;
  return hasPrefix ? path.replace(pathPrefix, "") : path;
}

/**
 * The two paths of `diff --git a/X b/Y`: quoted names are read exactly; two unquoted names are
 * ambiguous when they contain spaces, so (as git does) the split is the one where both sides name the
 * same file. Null when it cannot tell (a rename between names with spaces: the `rename` lines say).
 */
function parseGitLinePaths(line: string): [string, string] | null {
  const rest = line.slice("diff --git ".length);
  if (rest.startsWith('"')) {
    const first = readQuoted(rest, 0);
    if (!first || rest[first.end] !== " ") return null;
    const secondRaw = rest.slice(first.end + 1);
    const second = secondRaw.startsWith('"') ? readQuoted(secondRaw, 0)?.value : secondRaw;
    if (second === undefined) return null;
    return [first.value.replace(pathPrefix, ""), second.replace(pathPrefix, "")];
  }
  const quotedSecond = rest.indexOf(' "');
  if (quotedSecond !== -1) {
    const second = readQuoted(rest, quotedSecond + 1);
    if (second)
      return [rest.slice(0, quotedSecond).replace(pathPrefix, ""), second.value.replace(pathPrefix, "")];
  }
  for (let i = rest.indexOf(" "); i !== -1; i = rest.indexOf(" ", i + 1)) {
    const a = rest.slice(0, i).replace(pathPrefix, "");
    const b = rest.slice(i + 1).replace(pathPrefix, "");
    if (a === b) return [a, b];
  }
  return null;
}

const simpleEscapes: Record<string, number> = {
  a: 7,
  b: 8,
  t: 9,
  n: 10,
  v: 11,
  f: 12,
  r: 13,
  '"': 34,
  "\\": 92,
};

/**
 * Reads git's C-quoted name starting at `start` (a `"`): backslash escapes and octal bytes, decoded as
 * UTF-8. Returns the value and the index just after the closing quote; null when it does not close.
 */
export function readQuoted(text: string, start: number): { value: string; end: number } | null {
  const bytes: number[] = [];
  let i = start + 1;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"') return { value: Buffer.from(bytes).toString("utf8"), end: i + 1 };
    if (char !== "\\") {
      bytes.push(...Buffer.from(char, "utf8"));
      i += 1;
      continue;
    }
    const next = text[i + 1] ?? "";
    const octal = /^[0-7]{3}/.exec(text.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(Number.parseInt(octal[0], 8));
      i += 4;
    } else if (next in simpleEscapes) {
      bytes.push(simpleEscapes[next]!);
      i += 2;
    } else {
      bytes.push(92);
      i += 1;
    }
  }
  return null;
}

/** parse-diff strips the quotes of a quoted name but leaves its escapes. */
function cleanParsedPath(path: string | undefined): string | undefined {
  if (path === undefined || path === devNull) return undefined;
  return path.includes("\\") ? (readQuoted(`"${path}"`, 0)?.value ?? path) : path;
}

/** A diff without `diff --git` lines: every file is named by its `---`/`+++` lines. */
function splitPlainDiff(text: string): DiffFile[] {
  return parseDiff(text).map((file) => {
    const from = cleanParsedPath(file.from);
    const to = cleanParsedPath(file.to);
    const added = file.new === true || (from === undefined && to !== undefined);
    const removed = file.deleted === true || (to === undefined && from !== undefined);
    const renamed = !added && !removed && from !== undefined && to !== undefined && from !== to;
    return buildDiffFile({
      filename: (removed ? from : to) ?? from ?? "",
      previousFilename: renamed ? from : undefined,
      status: added ? "added" : removed ? "removed" : renamed ? "renamed" : "modified",
      chunks: file.chunks,
      binary: false,
    });
  });
}

function buildDiffFile(params: {
  filename: string;
  previousFilename: string | undefined;
  status: ChangedFile["status"];
  chunks: parseDiff.Chunk[];
  binary: boolean;
}): DiffFile {
  let additions = 0;
  let deletions = 0;
  const hunks = params.chunks.map((chunk) => {
    for (const change of chunk.changes) {
      // "\ No newline at end of file" is a copy of the previous change in parse-diff: count it once.
      if (change.content.startsWith("\\")) continue;
      if (change.type === "add") additions += 1;
      else if (change.type === "del") deletions += 1;
    }
    return [chunk.content, ...chunk.changes.map((change) => change.content)].join("\n");
  });
  const patch = hunks.join("\n");
  // A mode change without content change is what GitHub calls "changed".
  const status = params.status === "modified" && patch === "" && !params.binary ? "changed" : params.status;
  return {
    filename: params.filename,
    status,
    additions,
    deletions,
    changes: additions + deletions,
    ...(patch !== "" ? { patch } : {}),
    ...(params.previousFilename !== undefined && params.previousFilename !== params.filename
      ? { previous_filename: params.previousFilename }
      : {}),
    binary: params.binary,
  };
}
