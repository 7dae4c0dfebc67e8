import { estimateTokens } from "../budget/estimate-tokens.js";
import { detectLanguage } from "../detectors/detect-language.js";
import type { DetectorLanguage } from "../detectors/detector.js";
import type { Hunk } from "../diff/parse-patch.js";
import { buildRepoMap, manifestPaths } from "./build-repo-map.js";
import { type ContextKind, type ContextPiece, contextKinds, type LeftOutPiece } from "./context-piece.js";
import { findBlockEnd, findModelDefinitions, findTableNames, isDataModelPath } from "./find-data-model.js";
import {
  type Declaration,
  findDeclarationsCached,
  findEnclosingDeclaration,
  findNamedDeclaration,
  getCachedDeclarations,
  rememberDeclarations,
} from "./find-declarations.js";
import { findImports, type ImportRef } from "./find-imports.js";
import { renderNumberedLines } from "./render-context.js";
import type { RepoSnapshot } from "./repo-snapshot.js";
import {
  emptyProjectInfo,
  type ProjectInfo,
  parseGoModule,
  parseTsconfig,
  resolveImport,
} from "./resolve-import.js";

export interface ContextLimits {
  /** Lines of one excerpt at most (longer declarations are cut in the middle). */
  maxPieceLines: number;
  /** Definitions per file under review. */
  maxDefinitionsPerFile: number;
  /** Importing files shown per file under review. */
  maxUsagesPerFile: number;
  /** Files read to find importers, per review. */
  maxUsageScanFiles: number;
  /** Migration, schema and model files read, per review. */
  maxDataModelFiles: number;
  /** Data-model excerpts per file under review. */
  maxDataModelPerFile: number;
}

export const defaultContextLimits: ContextLimits = {
  maxPieceLines: 60,
  maxDefinitionsPerFile: 8,
  maxUsagesPerFile: 6,
  maxUsageScanFiles: 40,
  maxDataModelFiles: 30,
  maxDataModelPerFile: 8,
};

export interface AssembleContextParams {
  snapshot: RepoSnapshot;
  /** Files under review, most important first (their order ranks pieces of the same kind). */
  files: { path: string; hunks: Hunk[] }[];
  /** Tokens of context for the whole review; pieces past it are left out, and listed. */
  budgetTokens: number;
  /** Paths the repository configuration keeps out of context (on top of secret-looking files). */
  isExcluded?(path: string): boolean;
  limits?: Partial<ContextLimits>;
  /**
   * Finds the declarations of many files at once (in the analysis pool, off this thread); without it, or
   * when it fails, each file is parsed here when first needed. Answers in the order asked.
   */
  parseDeclarations?(files: { text: string; language: DetectorLanguage }[]): Promise<Declaration[][]>;
}

/** Everything context assembly found, ranked and within the budget, and what it left out. */
export interface RepositoryContext {
  pieces: ContextPiece[];
  leftOut: LeftOutPiece[];
  /** What could not be read or done, in words (the review goes on without it). */
  notes: string[];
  /** Distinct files read (from cache or GitHub). */
  filesRead: number;
  /**
   * The context that bears on one location: the enclosing code around it, and the definitions, usages,
   * data model and map assembled for its file; or the excerpt containing it when `path` is a context file.
   */
  getContextForLocation(path: string, line: number): ContextPiece[];
}

// Secret-bearing files are never read for context, whatever the configuration says.
const secretPathPattern =
  /(^|\/)(\.env(\..*)?|.*\.(pem|key|p12|pfx|jks|keystore)|id_(rsa|dsa|ecdsa|ed25519)(\.pub)?|\.npmrc|\.pypirc|credentials(\.\w+)?|secrets?\.(ya?ml|json|toml))$/i;

export function isSecretPath(path: string): boolean {
  return secretPathPattern.test(path);
}

interface Candidate extends Omit<ContextPiece, "tokens"> {
  fileOrder: number;
  seq: number;
}

/**
 * Assembles repository context for the files under review, from the head snapshot. Never throws: what
 * fails is noted and left out. Reads, in order: the files under review, the manifests, the files their
 * imports resolve to, candidate importers, and data-model files — each read from the blob cache or, while
 * the request budget lasts, from GitHub.
 */
export async function assembleContext(params: AssembleContextParams): Promise<RepositoryContext> {
  const limits = { ...defaultContextLimits, ...params.limits };
  const { snapshot } = params;
  const notes: string[] = [];
  const read = new Set<string>();
  const excluded = (path: string) => isSecretPath(path) || (params.isExcluded?.(path) ?? false);
  const texts = new Map<string, string | undefined>();
  const readText = async (path: string): Promise<string | undefined> => {
    if (texts.has(path)) return texts.get(path);
    if (excluded(path)) return undefined;
    const result = await snapshot.readFile(path);
    const text = result.ok ? result.text : undefined;
    if (result.ok) read.add(path);
    texts.set(path, text);
    return text;
  };
  const declarationCache = new Map<string, Declaration[]>();
  // The declarations of the files just read, parsed together in the pool while this thread waits.
  const prefetchDeclarations = async (paths: string[]): Promise<void> => {
    if (!params.parseDeclarations) return;
    const wanted: { path: string; text: string; language: DetectorLanguage; sha: string | undefined }[] = [];
    for (const path of new Set(paths)) {
      const text = texts.get(path);
      const language = detectLanguage(path);
      if (text === undefined || !language || declarationCache.has(path)) continue;
      const sha = snapshot.shaOf(path);
      const cached = getCachedDeclarations(sha, language);
      if (cached) declarationCache.set(path, cached);
      else wanted.push({ path, text, language, sha });
    }
    if (wanted.length === 0) return;
    let found: Declaration[][];
    try {
      found = await params.parseDeclarations(wanted.map(({ text, language }) => ({ text, language })));
    } catch {
      return; // Parsed here when needed instead.
    }
    wanted.forEach((file, i) => {
      const declarations = found[i];
      if (!declarations) return;
      declarationCache.set(file.path, declarations);
      rememberDeclarations(file.sha, file.language, declarations);
    });
  };
  const readAll = async (paths: string[]) => {
    const read = await Promise.all(paths.map((p) => readText(p)));
    await prefetchDeclarations(paths);
    return read;
  };
  const declarationsOf = (path: string, text: string): Declaration[] => {
    let found = declarationCache.get(path);
    if (!found) {
      const language = detectLanguage(path);
      found = language ? findDeclarationsCached(snapshot.shaOf(path), text, language) : [];
      declarationCache.set(path, found);
    }
    return found;
  };

  const candidates: Candidate[] = [];
  let seq = 0;
  const push = (piece: Omit<Candidate, "seq">) => candidates.push({ ...piece, seq: seq++ });
  const reviewed = new Set(params.files.map((f) => f.path));

  // 1. The files under review and the manifests (the map, tsconfig paths, Go modules).
  const reviewFiles = params.files.filter(
    (f) => detectLanguage(f.path) !== undefined || isDataModelPath(f.path),
  );
  const nestedGoMods = snapshot.paths.filter((p) => p.endsWith("/go.mod")).slice(0, 5);
  const projectFiles = [...manifestPaths, "tsconfig.json", "jsconfig.json", ...nestedGoMods].filter((p) =>
    snapshot.has(p),
  );
  await readAll([...reviewFiles.map((f) => f.path), ...projectFiles]);
  const project = buildProjectInfo(texts);

  // 2. Enclosing declarations of every hunk.
  params.files.forEach((file, fileOrder) => {
    const text = texts.get(file.path);
    if (text === undefined) return;
    const lines = text.split("\n");
    const decls = declarationsOf(file.path, text);
    const seen = new Set<string>();
    for (const hunk of file.hunks) {
      const added = hunk.lines
        .filter((l) => l.kind === "add" && l.newLine !== undefined)
        .map((l) => l.newLine!);
      const visibleStart = hunk.newStart;
      const visibleEnd = hunk.newStart + Math.max(hunk.newLines, 1) - 1;
      const first = added[0] ?? visibleStart;
      const last = added[added.length - 1] ?? visibleEnd;
      const decl = findEnclosingDeclaration(decls, first, last);
      const ranges: [number, number][] = [];
      let why: string;
      if (decl) {
        if (decl.startLine >= visibleStart && decl.endLine <= visibleEnd) continue;
        const key = `${decl.startLine}-${decl.endLine}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (decl.startLine < visibleStart)
          ranges.push(
            ...cutRange([decl.startLine, visibleStart - 1], limits.maxPieceLines - 15, "keep-ends"),
          );
        if (decl.endLine > visibleEnd) ranges.push([visibleEnd + 1, Math.min(decl.endLine, visibleEnd + 15)]);
        why = `${decl.name ? `${describeKind(decl.kind)} ${decl.name}` : describeKind(decl.kind)} enclosing the change at line ${first}`;
      } else {
        if (visibleStart <= 1) continue;
        ranges.push([Math.max(1, visibleStart - 12), visibleStart - 1]);
        why = `the ${Math.min(12, visibleStart - 1)} lines above the change at line ${first}`;
      }
      if (ranges.length === 0) continue;
      push({
        kind: "enclosing",
        path: file.path,
        ranges,
        text: renderNumberedLines(lines, ranges),
        forPaths: [file.path],
        why,
        forLines: [first, last],
        fileOrder,
      });
    }
  });

  // 3. Definitions of imported names the changed lines use.
  const changedText = new Map<string, string>();
  for (const file of params.files) {
    changedText.set(
      file.path,
      file.hunks.flatMap((h) => h.lines.filter((l) => l.kind === "add").map((l) => l.text)).join("\n"),
    );
  }
  const wanted: { fileOrder: number; from: string; target: string; name: string }[] = [];
  params.files.forEach((file, fileOrder) => {
    const language = detectLanguage(file.path);
    if (!language || language === "sql") return;
    const source = texts.get(file.path) ?? file.hunks.flatMap((h) => h.lines.map((l) => l.text)).join("\n");
    const changed = changedText.get(file.path) ?? "";
    let count = 0;
    for (const ref of expandModuleImports(
      findImports(source, language),
      language,
      file.path,
      snapshot,
      project,
    )) {
      const targets = resolveImport({
        fromPath: file.path,
        spec: ref.spec,
        language,
        has: snapshot.has,
        paths: snapshot.paths,
        project,
      }).filter((t) => t !== file.path && !excluded(t));
      if (targets.length === 0) continue;
      for (const name of namesUsed(ref, changed, language)) {
        for (const target of targets) {
          if (count >= limits.maxDefinitionsPerFile * 3) break;
          wanted.push({ fileOrder, from: file.path, target, name });
          count += 1;
        }
      }
    }
    // Go: functions of the same package need no import; they live in the other files of the directory.
    if (language === "go") {
      const own = new Set(
        texts.has(file.path) ? declarationsOf(file.path, texts.get(file.path) ?? "").map((d) => d.name) : [],
      );
      const called = [
        ...new Set([...changed.matchAll(/(?<![\w.])([A-Za-z_]\w*)\s*\(/g)].map((m) => m[1]!)),
      ].filter((name) => !own.has(name) && !goBuiltins.has(name));
      const dir = file.path.includes("/") ? file.path.slice(0, file.path.lastIndexOf("/") + 1) : "";
      const siblings = snapshot.paths
        .filter(
          (p) =>
            p !== file.path &&
            p.startsWith(dir) &&
            !p.slice(dir.length).includes("/") &&
            p.endsWith(".go") &&
            !p.endsWith("_test.go") &&
            !excluded(p),
        )
        .slice(0, 10);
      for (const name of called.slice(0, limits.maxDefinitionsPerFile)) {
        for (const target of siblings) wanted.push({ fileOrder, from: file.path, target, name });
      }
    }
  });
  await readAll([...new Set(wanted.map((w) => w.target))]);
  const definitionCount = new Map<string, number>();
  for (const w of wanted) {
    if ((definitionCount.get(w.from) ?? 0) >= limits.maxDefinitionsPerFile) continue;
    const text = texts.get(w.target);
    if (text === undefined) continue;
    const lines = text.split("\n");
    const decls = declarationsOf(w.target, text);
    const decl = w.name === "default" ? findDefaultExport(decls, lines) : findNamedDeclaration(decls, w.name);
    if (!decl) continue;
    definitionCount.set(w.from, (definitionCount.get(w.from) ?? 0) + 1);
    const ranges = cutRange([decl.startLine, decl.endLine], limits.maxPieceLines, "keep-start");
    push({
      kind: "definition",
      path: w.target,
      ranges,
      text: renderNumberedLines(lines, ranges),
      forPaths: [w.from],
      why: `definition of ${w.name === "default" ? "the default export" : w.name}, used by the changed lines of ${w.from}`,
      fileOrder: w.fileOrder,
    });
  }

  // 4. Usages: files that import a file under review, with the lines that use what they import.
  const reviewedDirs = buildDirectoryDepths(params.files);
  const families = new Set(params.files.map((f) => languageFamily(detectLanguage(f.path))).filter(Boolean));
  const scan = snapshot.paths
    .filter((p) => !reviewed.has(p) && !excluded(p) && families.has(languageFamily(detectLanguage(p))))
    .map((p) => ({ path: p, score: usageScore(p, reviewedDirs) }))
    .sort((a, b) => b.score - a.score || a.path.localeCompare(b.path))
    .slice(0, limits.maxUsageScanFiles)
    .map((c) => c.path);
  await readAll(scan);
  const usageCount = new Map<string, number>();
  const fileOrderOf = new Map(params.files.map((f, i) => [f.path, i]));
  for (const importer of scan) {
    const text = texts.get(importer);
    const language = detectLanguage(importer);
    if (text === undefined || !language) continue;
    const lines = text.split("\n");
    for (const ref of expandModuleImports(
      findImports(text, language),
      language,
      importer,
      snapshot,
      project,
    )) {
      const targets = resolveImport({
        fromPath: importer,
        spec: ref.spec,
        language,
        has: snapshot.has,
        paths: snapshot.paths,
        project,
      });
      const target = targets.find((t) => reviewed.has(t));
      if (!target) continue;
      if ((usageCount.get(target) ?? 0) >= limits.maxUsagesPerFile) continue;
      const locals = [...ref.names.map((n) => n.local), ...(ref.namespace ? [ref.namespace] : [])];
      const ranges = findUsageRanges(lines, locals, ref.line, limits.maxPieceLines);
      if (ranges.length === 0) continue;
      usageCount.set(target, (usageCount.get(target) ?? 0) + 1);
      push({
        kind: "usage",
        path: importer,
        ranges,
        text: renderNumberedLines(lines, ranges),
        forPaths: [target],
        why: `${importer} imports ${target}${locals.length > 0 ? ` (${[...new Set(locals)].slice(0, 5).join(", ")})` : ""}`,
        fileOrder: fileOrderOf.get(target) ?? 0,
      });
    }
  }

  // 5. The data model behind the tables and models the changed lines touch.
  const tablesByFile = new Map<string, string[]>();
  for (const file of params.files) {
    const names = findTableNames((changedText.get(file.path) ?? "").split("\n"));
    if (names.length > 0) tablesByFile.set(file.path, names);
  }
  if (tablesByFile.size > 0) {
    const allNames = [...new Set([...tablesByFile.values()].flat())];
    const dataFiles = snapshot.paths
      .filter((p) => !reviewed.has(p) && !excluded(p) && isDataModelPath(p))
      .map((p) => ({ path: p, score: allNames.some((n) => p.toLowerCase().includes(n)) ? 1 : 0 }))
      .sort((a, b) => b.score - a.score || a.path.localeCompare(b.path))
      .slice(0, limits.maxDataModelFiles)
      .map((c) => c.path);
    await readAll(dataFiles);
    const definitionsByFile = new Map<string, ReturnType<typeof findModelDefinitions>>();
    for (const dataFile of dataFiles) {
      const text = texts.get(dataFile);
      if (text !== undefined) definitionsByFile.set(dataFile, findModelDefinitions(text));
    }
    for (const [reviewedPath, names] of tablesByFile) {
      const wantedName = new RegExp(`(?:^|[^\\w])(?:${names.map(escapeRegExp).join("|")})(?:$|[^\\w])`, "i");
      let count = 0;
      for (const [dataFile, definitions] of definitionsByFile) {
        const matching = definitions.filter((d) => wantedName.test(d.text));
        if (matching.length === 0) continue;
        const lines = texts.get(dataFile)!.split("\n");
        for (const { line: start } of matching) {
          if (count >= limits.maxDataModelPerFile) break;
          const end = findBlockEnd(lines, start, limits.maxPieceLines);
          const ranges: [number, number][] = [[start + 1, end + 1]];
          count += 1;
          const shown = lines.slice(start, end + 1).join("\n");
          push({
            kind: "data_model",
            path: dataFile,
            ranges,
            text: renderNumberedLines(lines, ranges),
            forPaths: [reviewedPath],
            why: `defines ${
              names
                .filter((n) => wordPattern(n).test(shown))
                .slice(0, 3)
                .join(", ") || names[0]
            }, used by the changed lines of ${reviewedPath}`,
            fileOrder: fileOrderOf.get(reviewedPath) ?? 0,
          });
        }
      }
    }
  }

  // 6. The repository map.
  const manifests = manifestPaths
    .filter((p) => texts.get(p) !== undefined)
    .map((p) => ({ path: p, text: texts.get(p)! }));
  push({
    kind: "map",
    path: "",
    ranges: [],
    text: renderNumberedLines(buildRepoMap({ paths: snapshot.paths, manifests }).split("\n"), null),
    forPaths: [],
    why: "repository map: layout, runtime, frameworks and main dependencies",
    fileOrder: 0,
  });

  if (snapshot.truncated)
    notes.push(
      "the repository tree is too large for one listing; only the directories of the changed files were walked",
    );
  if (snapshot.stats.refusedForBudget > 0) {
    notes.push(
      `${snapshot.stats.refusedForBudget} file reads were skipped: the review's GitHub request budget for context was spent`,
    );
  }
  for (const error of snapshot.errors.slice(0, 3)) notes.push(error);

  return rankWithinBudget(candidates, params.budgetTokens, notes, read.size);
}

function rankWithinBudget(
  candidates: Candidate[],
  budget: number,
  notes: string[],
  filesRead: number,
): RepositoryContext {
  const rank = (kind: ContextKind) => contextKinds.indexOf(kind);
  candidates.sort((a, b) => rank(a.kind) - rank(b.kind) || a.fileOrder - b.fileOrder || a.seq - b.seq);
  const pieces: ContextPiece[] = [];
  const leftOut: LeftOutPiece[] = [];
  const byKey = new Map<string, ContextPiece>();
  let used = 0;
  for (const { fileOrder: _f, seq: _s, ...candidate } of candidates) {
    const key = `${candidate.kind}:${candidate.path}:${JSON.stringify(candidate.ranges)}`;
    const same = byKey.get(key);
    if (same) {
      for (const p of candidate.forPaths) if (!same.forPaths.includes(p)) same.forPaths.push(p);
      continue;
    }
    const tokens = estimateTokens(candidate.text) + estimateTokens(candidate.why) + 12;
    if (used + tokens > budget) {
      leftOut.push({ kind: candidate.kind, path: candidate.path, why: candidate.why, tokens });
      continue;
    }
    used += tokens;
    const piece: ContextPiece = { ...candidate, tokens };
    byKey.set(key, piece);
    pieces.push(piece);
  }
  return {
    pieces,
    leftOut,
    notes,
    filesRead,
    getContextForLocation: (path, line) => getContextForLocation(pieces, path, line),
  };
}

/**
 * The pieces that bear on `path:line`: for a file under review, the enclosing code around that line and
 * every definition, usage and data-model excerpt assembled for the file, then the map; for a context file,
 * the excerpts that show that line. Rank order.
 */
export function getContextForLocation(
  pieces: readonly ContextPiece[],
  path: string,
  line: number,
): ContextPiece[] {
  return pieces.filter((p) => {
    if (p.kind === "map") return true;
    const shows = p.path === path && p.ranges.some(([a, b]) => line >= a && line <= b);
    if (shows) return true;
    if (!p.forPaths.includes(path)) return false;
    if (p.kind !== "enclosing") return true;
    const [first, last] = p.forLines ?? [0, 0];
    const start = Math.min(first, ...p.ranges.map((r) => r[0]));
    const end = Math.max(last, ...p.ranges.map((r) => r[1]));
    return line >= start && line <= end;
  });
}

function buildProjectInfo(texts: Map<string, string | undefined>): ProjectInfo {
  const info: ProjectInfo = { ...emptyProjectInfo, goModules: [] };
  const tsconfig = texts.get("tsconfig.json") ?? texts.get("jsconfig.json");
  if (tsconfig) Object.assign(info, parseTsconfig(tsconfig, ""));
  for (const [path, text] of texts) {
    if (!text || (path !== "go.mod" && !path.endsWith("/go.mod"))) continue;
    const module = parseGoModule(text);
    if (module)
      info.goModules.push({ module, dir: path === "go.mod" ? "" : path.slice(0, -"/go.mod".length) });
  }
  // The longest module path first: a nested module wins over its parent.
  info.goModules.sort((a, b) => b.module.length - a.module.length);
  return info;
}

function namesUsed(ref: ImportRef, changed: string, language: DetectorLanguage): string[] {
  if (!changed) return [];
  const out = new Set<string>();
  for (const { imported, local } of ref.names) {
    if (wordPattern(local).test(changed)) out.add(imported);
  }
  if (ref.namespace) {
    const members = new RegExp(`(?<![\\w$.])${escapeRegExp(ref.namespace)}\\.([A-Za-z_$][\\w$]*)`, "g");
    let any = false;
    for (const m of changed.matchAll(members)) {
      out.add(m[1]!);
      any = true;
    }
    if (!any && language === "java" && wordPattern(ref.namespace).test(changed)) out.add(ref.namespace);
  }
  return [...out];
}

/**
 * Python `from app import models` / `from . import views` import modules, not names: each such name
 * becomes an import of the module under that name (so `models.Account` finds `Account` in app/models.py).
 */
function expandModuleImports(
  refs: ImportRef[],
  language: DetectorLanguage,
  fromPath: string,
  snapshot: RepoSnapshot,
  project: ProjectInfo,
): ImportRef[] {
  if (language !== "python") return refs;
  const out: ImportRef[] = [];
  for (const ref of refs) {
    const kept: ImportRef["names"] = [];
    for (const name of ref.names) {
      const spec = ref.spec.endsWith(".") ? `${ref.spec}${name.imported}` : `${ref.spec}.${name.imported}`;
      const module = resolveImport({
        fromPath,
        spec,
        language,
        has: snapshot.has,
        paths: snapshot.paths,
        project,
      });
      if (module.length > 0) out.push({ spec, names: [], namespace: name.local, line: ref.line });
      else kept.push(name);
    }
    if (kept.length > 0 || ref.names.length === 0) out.push({ ...ref, names: kept });
  }
  return out;
}

function findDefaultExport(decls: Declaration[], lines: string[]): Declaration | undefined {
  const line = lines.findIndex((l) => /^\s*export\s+default\b|^\s*module\.exports\s*=/.test(l)) + 1;
  if (line === 0) return undefined;
  const named = /export\s+default\s+([A-Za-z_$][\w$]*)\s*;?\s*$/.exec(lines[line - 1]!)?.[1];
  if (named) return findNamedDeclaration(decls, named);
  return (
    decls.find((d) => d.startLine === line) ?? {
      name: "default",
      kind: "export",
      startLine: line,
      endLine: findBlockEnd(lines, line - 1, 60) + 1,
      callable: true,
    }
  );
}

function findUsageRanges(
  lines: string[],
  locals: string[],
  importLine: number,
  maxLines: number,
): [number, number][] {
  const names = [...new Set(locals)].filter((n) => n.length > 0);
  if (names.length === 0) return [];
  const pattern = new RegExp(`(?<![\\w$])(?:${names.map(escapeRegExp).join("|")})(?![\\w$])`);
  const hits: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (i + 1 === importLine) continue;
    if (pattern.test(lines[i]!)) hits.push(i + 1);
    if (hits.length >= 8) break;
  }
  if (hits.length === 0) return [];
  const ranges: [number, number][] = [[importLine, importLine]];
  for (const hit of hits) {
    const range: [number, number] = [Math.max(1, hit - 2), Math.min(lines.length, hit + 2)];
    const last = ranges[ranges.length - 1]!;
    if (range[0] <= last[1] + 1) last[1] = Math.max(last[1], range[1]);
    else ranges.push(range);
  }
  const kept: [number, number][] = [];
  let total = 0;
  for (const range of ranges) {
    total += range[1] - range[0] + 1;
    if (total > maxLines) break;
    kept.push(range);
  }
  return kept;
}

/** Cuts a long range: `keep-start` keeps its first lines; `keep-ends` its head and its tail. */
function cutRange(
  range: [number, number],
  maxLines: number,
  mode: "keep-start" | "keep-ends",
): [number, number][] {
  const [start, end] = range;
  if (end - start + 1 <= maxLines) return [range];
  if (mode === "keep-start") return [[start, start + maxLines - 1]];
  const head = Math.ceil(maxLines * 0.6);
  return [
    [start, start + head - 1],
    [end - (maxLines - head) + 1, end],
  ];
}

function languageFamily(language: DetectorLanguage | undefined): string {
  if (language === "javascript" || language === "typescript" || language === "tsx") return "js";
  return language === "sql" || !language ? "" : language;
}

const goBuiltins = new Set(
  "append cap clear close complex copy delete imag len make max min new panic print println real recover func string int int64 int32 uint uint64 byte rune float64 float32 bool error any".split(
    " ",
  ),
);

const entryNamePattern =
  /(^|\/)(index|app|server|main|routes?|router|urls|api|module|wsgi|asgi|application)\.\w+$/i;

/** Directories of the files under review, with every ancestor: the score's lookup table. */
function buildDirectoryDepths(files: { path: string }[]): Set<string> {
  const dirs = new Set<string>();
  for (const file of files) {
    const parts = file.path.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
  }
  return dirs;
}

/** Importers are most likely near the changed file, or an entry point that wires modules together. */
function usageScore(path: string, reviewedDirs: Set<string>): number {
  const parts = path.split("/");
  let best = 0;
  for (let i = parts.length - 1; i >= 1; i--) {
    if (reviewedDirs.has(parts.slice(0, i).join("/"))) {
      best = i;
      break;
    }
  }
  const isTest = /(^|\/)(test|tests|__tests__|spec)\/|\.(test|spec)\.\w+$|_test\.go$/.test(path);
  return best * 2 + (entryNamePattern.test(path) ? 3 : 0) - (isTest ? 4 : 0);
}

function describeKind(kind: string): string {
  if (kind.includes("class")) return "class";
  if (kind.includes("method")) return "method";
  if (kind === "arrow_function" || kind === "function_expression" || kind === "func_literal")
    return "handler";
  if (kind.includes("interface") || kind.includes("type")) return "type";
  return "function";
}

function wordPattern(word: string): RegExp {
  return new RegExp(`(?<![\\w$])${escapeRegExp(word)}(?![\\w$])`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
