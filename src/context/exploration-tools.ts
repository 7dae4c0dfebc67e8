import { posix } from "node:path";
import type { Tool } from "@anthropic-ai/sdk/resources/messages";
import { detectLanguage } from "../detectors/detect-language.js";
import type { ExplorationStats, ExplorationTools } from "../model/exploration.js";
import { fenceUntrusted } from "../security/fence-untrusted.js";
import { isSecretPath } from "./assemble-context.js";
import { findDeclarations, findNamedDeclaration } from "./find-declarations.js";
import { renderNumberedLines, toContextLine } from "./render-context.js";
import type { RepoSnapshot } from "./repo-snapshot.js";

export interface ExplorationBounds {
  /** Tool turns per model call. */
  maxTurns: number;
  /** Input + output tokens of all exploring turns of the review. */
  maxTokens: number;
}

const maxReadLines = 200;
const maxResultChars = 12_000;
/** Files a search reads at most per call (cached files first; each uncached one is a GitHub request). */
const maxSearchFiles = 60;
const maxHits = 30;

const pathProperty = {
  type: "string",
  description: "Repository-relative path, e.g. src/routes/users.ts",
} as const;

const definitions: Tool[] = [
  {
    name: "read_file",
    description:
      "Read a file of the repository at the head commit, or a range of its lines (at most 200 lines per call).",
    input_schema: {
      type: "object",
      properties: {
        path: pathProperty,
        start_line: { type: "integer", minimum: 1 },
        end_line: { type: "integer", minimum: 1 },
      },
      required: ["path"],
    },
  },
  {
    name: "find_definition",
    description: "Find where a function, method, class or type is declared in the repository.",
    input_schema: { type: "object", properties: { symbol: { type: "string" } }, required: ["symbol"] },
  },
  {
    name: "find_usages",
    description: "Find lines of the repository that use a symbol (whole-word match).",
    input_schema: { type: "object", properties: { symbol: { type: "string" } }, required: ["symbol"] },
  },
  {
    name: "list_directory",
    description: 'List the files and directories in a directory of the repository ("" for the root).',
    input_schema: { type: "object", properties: { path: { type: "string" } }, required: ["path"] },
  },
  {
    name: "search_text",
    description:
      "Search the repository's code for a literal text (case-sensitive), optionally under a directory.",
    input_schema: {
      type: "object",
      properties: { text: { type: "string" }, path_prefix: { type: "string" } },
      required: ["text"],
    },
  },
];

/**
 * Read-only tools over the head snapshot for agentic reviews. Everything is answered from the tree and
 * the blob cache, or from GitHub's blob API within the review's request budget; nothing else is reached.
 * Paths outside the repository (absolute, `..`), secret-looking and excluded files are refused.
 */
export function createExplorationTools(params: {
  snapshot: RepoSnapshot;
  bounds: ExplorationBounds;
  isExcluded?(path: string): boolean;
}): ExplorationTools {
  const { snapshot, bounds } = params;
  const requestsAtStart = snapshot.stats.blobRequests + snapshot.stats.treeRequests;
  const stats: ExplorationStats = { turns: 0, toolCalls: 0, tokens: 0, githubRequests: 0, stoppedBy: [] };
  const refused = (path: string) => isSecretPath(path) || (params.isExcluded?.(path) ?? false);

  const toRepoPath = (raw: unknown): { path: string } | { error: string } => {
    if (typeof raw !== "string") return { error: "path must be a string" };
    const trimmed = raw.trim().replace(/^\.\//, "");
    if (trimmed.startsWith("/") || /^[a-zA-Z]:/.test(trimmed) || trimmed.includes("\\")) {
      return { error: `refused: ${JSON.stringify(raw.slice(0, 200))} is not a repository-relative path` };
    }
    const normal = trimmed === "" ? "" : posix.normalize(trimmed).replace(/\/$/, "");
    if (normal === ".." || normal.startsWith("../")) {
      return { error: `refused: ${JSON.stringify(raw.slice(0, 200))} is outside the repository` };
    }
    return { path: normal === "." ? "" : normal };
  };

  /** Code files to search: those already read first (free), then the rest, up to maxSearchFiles. */
  const searchOrder = (prefix: string): string[] => {
    const read = new Set(snapshot.readPaths());
    const inScope = (p: string) =>
      (!prefix || p.startsWith(`${prefix}/`)) && !refused(p) && detectLanguage(p) !== undefined;
    const warm = snapshot.paths.filter((p) => read.has(p) && inScope(p));
    const cold = snapshot.paths.filter((p) => !read.has(p) && inScope(p));
    return [...warm, ...cold].slice(0, maxSearchFiles);
  };

  const searchLines = async (files: string[], test: (line: string) => boolean): Promise<string[]> => {
    const hits: string[] = [];
    let skipped = 0;
    for (const path of files) {
      const result = await snapshot.readFile(path);
      if (!result.ok) {
        if (result.reason === "request budget spent") skipped += 1;
        continue;
      }
      const lines = result.text.split("\n");
      for (let i = 0; i < lines.length && hits.length < maxHits; i++) {
        if (test(lines[i]!)) hits.push(`${path}:${i + 1}: ${toContextLine(lines[i]!.trim())}`);
      }
      if (hits.length >= maxHits) break;
    }
    if (skipped > 0) hits.push(`(${skipped} files not searched: the GitHub request budget is spent)`);
    return hits;
  };

  const run = async (name: string, input: Record<string, unknown>): Promise<string> => {
    switch (name) {
      case "read_file": {
        const target = toRepoPath(input.path);
        if ("error" in target) return target.error;
        if (refused(target.path)) return `refused: ${target.path} is not readable for reviews`;
        const result = await snapshot.readFile(target.path);
        if (!result.ok) return `cannot read ${target.path}: ${result.reason}`;
        const lines = result.text.split("\n");
        const start = Math.max(1, Number(input.start_line) || 1);
        const end = Math.min(
          lines.length,
          Number(input.end_line) || start + maxReadLines - 1,
          start + maxReadLines - 1,
        );
        if (start > lines.length) return `${target.path} has ${lines.length} lines`;
        return `${target.path} (${lines.length} lines)\n${renderNumberedLines(lines, [[start, end]])}`;
      }
      case "list_directory": {
        const target = toRepoPath(input.path ?? "");
        if ("error" in target) return target.error;
        const entries = snapshot.listDirectory(target.path);
        if (entries.length === 0) return `no directory ${JSON.stringify(target.path)} in the repository`;
        return entries
          .slice(0, 300)
          .map((e) => `${e.name}${e.type === "dir" ? "/" : ""}`)
          .join("\n");
      }
      case "find_definition": {
        const symbol = typeof input.symbol === "string" ? input.symbol.trim() : "";
        if (!/^[A-Za-z_$][\w$]{0,100}$/.test(symbol)) return "symbol must be an identifier";
        const word = new RegExp(`(?<![\\w$])${symbol.replace(/\$/g, "\\$")}(?![\\w$])`);
        const out: string[] = [];
        for (const path of searchOrder("")) {
          const result = await snapshot.readFile(path);
          if (!result.ok || !word.test(result.text)) continue;
          const language = detectLanguage(path);
          if (!language) continue;
          const decl = findNamedDeclaration(findDeclarations(result.text, language), symbol);
          if (!decl) continue;
          const lines = result.text.split("\n");
          out.push(
            `${path}\n${renderNumberedLines(lines, [[decl.startLine, Math.min(decl.endLine, decl.startLine + 59)]])}`,
          );
          if (out.length >= 3) break;
        }
        return out.length > 0 ? out.join("\n\n") : `no declaration of ${symbol} found in the files searched`;
      }
      case "find_usages": {
        const symbol = typeof input.symbol === "string" ? input.symbol.trim() : "";
        if (!/^[A-Za-z_$][\w$]{0,100}$/.test(symbol)) return "symbol must be an identifier";
        const word = new RegExp(`(?<![\\w$])${symbol.replace(/\$/g, "\\$")}(?![\\w$])`);
        const hits = await searchLines(searchOrder(""), (line) => word.test(line));
        return hits.length > 0 ? hits.join("\n") : `no usage of ${symbol} found in the files searched`;
      }
      case "search_text": {
        const text = typeof input.text === "string" ? input.text : "";
        if (text.length < 2 || text.length > 200) return "text must be 2 to 200 characters";
        const prefix = input.path_prefix === undefined ? { path: "" } : toRepoPath(input.path_prefix);
        if ("error" in prefix) return prefix.error;
        const hits = await searchLines(searchOrder(prefix.path), (line) => line.includes(text));
        return hits.length > 0 ? hits.join("\n") : "no match in the files searched";
      }
      default:
        return `unknown tool ${JSON.stringify(name.slice(0, 100))}`;
    }
  };

  return {
    definitions,
    async execute(name, input) {
      stats.toolCalls += 1;
      let text: string;
      try {
        text = await run(
          name,
          typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {},
        );
      } catch (error) {
        text = `the tool failed: ${error instanceof Error ? error.message : String(error)}`;
      }
      stats.githubRequests = snapshot.stats.blobRequests + snapshot.stats.treeRequests - requestsAtStart;
      const cut = text.length > maxResultChars ? `${text.slice(0, maxResultChars)}\n[cut]` : text;
      return fenceUntrusted("tool_result", cut);
    },
    checkBounds(turnsThisCall) {
      if (turnsThisCall >= bounds.maxTurns) return `${bounds.maxTurns} tool turns`;
      if (stats.tokens >= bounds.maxTokens)
        return `${bounds.maxTokens.toLocaleString("en")} tokens of exploration`;
      if (snapshot.remainingRequests() === 0) return "the GitHub request budget for context";
      return null;
    },
    recordTurn(tokens, toolCalls) {
      stats.tokens += tokens;
      if (toolCalls > 0) stats.turns += 1;
    },
    recordStop(reason) {
      if (!stats.stoppedBy.includes(reason)) stats.stoppedBy.push(reason);
    },
    getStats: () => ({ ...stats, stoppedBy: [...stats.stoppedBy] }),
  };
}
