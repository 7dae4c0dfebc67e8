import type { DetectorLanguage } from "../detectors/detector.js";

/** One import statement: what module, which names under which local names. */
export interface ImportRef {
  /** The module as written: `./db`, `@/lib/auth`, `app.models`, `.models`, `github.com/acme/x/store`, `com.acme.Foo`. */
  spec: string;
  /** Named imports: `imported` in the module, `local` in this file. `default` for a default import. */
  names: { imported: string; local: string }[];
  /** `import * as ns`, `import ns from` (default), `const ns = require()`, Python `import a.b as ns`, a Go package name. */
  namespace?: string;
  /** 1-based line of the statement. */
  line: number;
}

const jsImportPattern =
  /^\s*(?:import|export)\s+(?:type\s+)?([\s\S]*?)\s+from\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/gm;
const jsRequirePattern =
  /(?:const|let|var)\s+(\{[^}]*\}|[A-Za-z_$][\w$]*)\s*=\s*(?:await\s+)?(?:require|import)\(\s*["']([^"']+)["']\s*\)/g;
const pyFromPattern = /^[ \t]*from\s+(\.*[\w.]*)\s+import\s+(\([^)]*\)|[^\n#]+)/gm;
const pyImportPattern = /^[ \t]*import\s+([^\n#]+)/gm;
const goImportBlockPattern = /^import\s*\(([\s\S]*?)\)/gm;
const goImportLinePattern = /^import\s+(?:([\w.]+)\s+)?"([^"]+)"/gm;
const javaImportPattern = /^\s*import\s+(static\s+)?([\w.]+)(\.\*)?\s*;/gm;

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line += 1;
  return line;
}

/** Import statements of a source file, by regular expressions (fast; tolerant of code that does not parse). */
export function findImports(text: string, language: DetectorLanguage): ImportRef[] {
  switch (language) {
    case "javascript":
    case "typescript":
    case "tsx":
      return findJsImports(text);
    case "python":
      return findPythonImports(text);
    case "go":
      return findGoImports(text);
    case "java":
      return findJavaImports(text);
    default:
      return [];
  }
}

function parseJsBindings(clause: string): Pick<ImportRef, "names" | "namespace"> {
  const names: ImportRef["names"] = [];
  let namespace: string | undefined;
  const braces = /\{([^}]*)\}/.exec(clause);
  if (braces) {
    for (const part of braces[1]!.split(",")) {
      const m = /^\s*(?:type\s+)?([\w$]+)(?:\s+as\s+([\w$]+))?\s*$/.exec(part);
      if (m) names.push({ imported: m[1]!, local: m[2] ?? m[1]! });
    }
  }
  const star = /\*\s+as\s+([\w$]+)/.exec(clause);
  if (star) namespace = star[1]!;
  const outside = clause.replace(/\{[^}]*\}/, "").replace(/\*\s+as\s+[\w$]+/, "");
  const def = /^\s*([A-Za-z_$][\w$]*)/.exec(outside);
  if (def && def[1] !== "type") {
    names.push({ imported: "default", local: def[1]! });
    namespace ??= def[1]!;
  }
  return { names, ...(namespace ? { namespace } : {}) };
}

function findJsImports(text: string): ImportRef[] {
  const out: ImportRef[] = [];
  for (const m of text.matchAll(jsImportPattern)) {
    const spec = m[2] ?? m[3];
    if (!spec) continue;
    out.push({ spec, line: lineAt(text, m.index), ...(m[1] ? parseJsBindings(m[1]) : { names: [] }) });
  }
  for (const m of text.matchAll(jsRequirePattern)) {
    const binding = m[1]!;
    const bindings = binding.startsWith("{")
      ? {
          names: binding
            .slice(1, -1)
            .split(",")
            .map((p) => /^\s*([\w$]+)(?:\s*:\s*([\w$]+))?\s*$/.exec(p))
            .filter((x): x is RegExpExecArray => x !== null)
            .map((x) => ({ imported: x[1]!, local: x[2] ?? x[1]! })),
        }
      : { names: [{ imported: "default", local: binding }], namespace: binding };
    out.push({ spec: m[2]!, line: lineAt(text, m.index), ...bindings });
  }
  return out;
}

function findPythonImports(text: string): ImportRef[] {
  const out: ImportRef[] = [];
  for (const m of text.matchAll(pyFromPattern)) {
    const names = m[2]!
      .replace(/[()\\]/g, " ")
      .split(",")
      .map((p) => /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(p))
      .filter((x): x is RegExpExecArray => x !== null)
      .map((x) => ({ imported: x[1]!, local: x[2] ?? x[1]! }));
    out.push({ spec: m[1]!, names, line: lineAt(text, m.index) });
  }
  for (const m of text.matchAll(pyImportPattern)) {
    for (const part of m[1]!.split(",")) {
      const x = /^\s*([\w.]+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
      if (!x) continue;
      out.push({ spec: x[1]!, names: [], namespace: x[2] ?? x[1]!, line: lineAt(text, m.index) });
    }
  }
  return out;
}

function findGoImports(text: string): ImportRef[] {
  const out: ImportRef[] = [];
  const addSpec = (alias: string | undefined, spec: string, index: number) => {
    const namespace = alias && alias !== "_" && alias !== "." ? alias : spec.slice(spec.lastIndexOf("/") + 1);
    out.push({ spec, names: [], namespace, line: lineAt(text, index) });
  };
  for (const m of text.matchAll(goImportBlockPattern)) {
    for (const line of m[1]!.split("\n")) {
      const x = /^\s*([\w.]+\s+)?"([^"]+)"/.exec(line);
      if (x) addSpec(x[1]?.trim(), x[2]!, m.index);
    }
  }
  for (const m of text.matchAll(goImportLinePattern)) addSpec(m[1], m[2]!, m.index);
  return out;
}

function findJavaImports(text: string): ImportRef[] {
  const out: ImportRef[] = [];
  for (const m of text.matchAll(javaImportPattern)) {
    const full = m[2]!;
    if (m[3]) {
      out.push({ spec: `${full}.*`, names: [], line: lineAt(text, m.index) });
      continue;
    }
    if (m[1]) {
      // import static a.b.C.method → class a.b.C, name method
      const cut = full.lastIndexOf(".");
      const member = full.slice(cut + 1);
      out.push({
        spec: full.slice(0, cut),
        names: [{ imported: member, local: member }],
        line: lineAt(text, m.index),
      });
      continue;
    }
    const simple = full.slice(full.lastIndexOf(".") + 1);
    out.push({ spec: full, names: [], namespace: simple, line: lineAt(text, m.index) });
  }
  return out;
}
