import { posix } from "node:path";
import type { DetectorLanguage } from "../detectors/detector.js";

/** What import resolution needs to know about the repository beyond its file list. */
export interface ProjectInfo {
  /** tsconfig/jsconfig `compilerOptions.paths` with their `baseUrl`, repository-relative. */
  tsPaths: { pattern: string; targets: string[] }[];
  tsBaseUrl: string | undefined;
  /** `module` lines of go.mod files: module path → repository directory. */
  goModules: { module: string; dir: string }[];
}

export const emptyProjectInfo: ProjectInfo = { tsPaths: [], tsBaseUrl: undefined, goModules: [] };

const jsExtensions = [".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts"];

/** Parses a tsconfig.json (comments and trailing commas allowed) at `dir`. Never throws. */
export function parseTsconfig(text: string, dir: string): Pick<ProjectInfo, "tsPaths" | "tsBaseUrl"> {
  try {
    const json = JSON.parse(
      text
        .replace(
          /("(?:\\.|[^"\\])*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g,
          (_m, str: string | undefined) => str ?? "",
        )
        .replace(/,(\s*[}\]])/g, "$1"),
    ) as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } };
    const options = json.compilerOptions ?? {};
    const base = posix.normalize(posix.join(dir, options.baseUrl ?? "."));
    const baseUrl = base === "." ? "" : base;
    const tsPaths = Object.entries(options.paths ?? {}).map(([pattern, targets]) => ({
      pattern,
      targets: (Array.isArray(targets) ? targets : []).map((t) => posix.join(baseUrl, t)),
    }));
    return { tsPaths, tsBaseUrl: options.baseUrl !== undefined ? baseUrl : undefined };
  } catch {
    return { tsPaths: [], tsBaseUrl: undefined };
  }
}

/** The module path declared by a go.mod. */
export function parseGoModule(text: string): string | undefined {
  return /^module\s+(\S+)/m.exec(text)?.[1];
}

/**
 * Repository files an import refers to (several for a Go package), or none when it is a third-party
 * module or cannot be found. Never leaves the repository: paths that normalise above the root resolve to nothing.
 */
export function resolveImport(params: {
  fromPath: string;
  spec: string;
  language: DetectorLanguage;
  has(path: string): boolean;
  paths: readonly string[];
  project: ProjectInfo;
}): string[] {
  const { fromPath, spec, language, has } = params;
  const dir = posix.dirname(fromPath) === "." ? "" : posix.dirname(fromPath);
  switch (language) {
    case "javascript":
    case "typescript":
    case "tsx": {
      const bases: string[] = [];
      if (spec.startsWith(".")) bases.push(posix.join(dir, spec));
      else {
        for (const { pattern, targets } of params.project.tsPaths) {
          const star = pattern.indexOf("*");
          if (star === -1) {
            if (spec === pattern) bases.push(...targets);
          } else if (spec.startsWith(pattern.slice(0, star)) && spec.endsWith(pattern.slice(star + 1))) {
            const middle = spec.slice(star, spec.length - (pattern.length - star - 1));
            bases.push(...targets.map((t) => t.replace("*", middle)));
          }
        }
        if (params.project.tsBaseUrl !== undefined) bases.push(posix.join(params.project.tsBaseUrl, spec));
      }
      for (const base of bases) {
        const found = resolveJsFile(posix.normalize(base), has);
        if (found) return [found];
      }
      return [];
    }
    case "python": {
      const dots = /^\.*/.exec(spec)![0].length;
      const rest = spec.slice(dots).split(".").filter(Boolean).join("/");
      const roots = dots > 0 ? [posix.join(dir, ...Array(dots - 1).fill(".."))] : ["", "src", "app"];
      for (const root of roots) {
        const base = posix.normalize(posix.join(root, rest));
        for (const candidate of [`${base}.py`, `${base}/__init__.py`]) {
          if (isInside(candidate) && has(candidate)) return [candidate];
        }
      }
      return [];
    }
    case "go": {
      for (const { module, dir: moduleDir } of params.project.goModules) {
        if (spec !== module && !spec.startsWith(`${module}/`)) continue;
        const pkgDir = posix.join(moduleDir, spec.slice(module.length + 1));
        const prefix = pkgDir === "." || pkgDir === "" ? "" : `${pkgDir}/`;
        return params.paths.filter(
          (p) =>
            p.startsWith(prefix) &&
            !p.slice(prefix.length).includes("/") &&
            p.endsWith(".go") &&
            !p.endsWith("_test.go"),
        );
      }
      return [];
    }
    case "java": {
      if (spec.endsWith(".*")) return [];
      const suffix = `/${spec.replace(/\./g, "/")}.java`;
      const found = params.paths.find((p) => p.endsWith(suffix) || `/${p}` === suffix);
      return found ? [found] : [];
    }
    default:
      return [];
  }
}

function isInside(path: string): boolean {
  return path !== ".." && !path.startsWith("../") && !posix.isAbsolute(path);
}

function resolveJsFile(base: string, has: (path: string) => boolean): string | undefined {
  if (!isInside(base)) return undefined;
  const stripped = base.replace(/\.(js|jsx|mjs|cjs)$/, "");
  const candidates = [
    base,
    ...jsExtensions.map((e) => stripped + e),
    ...jsExtensions.map((e) => `${base}/index${e}`),
  ];
  return candidates.find((c) => has(c));
}
