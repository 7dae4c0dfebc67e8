import type { SgNode } from "@ast-grep/napi";
import { ensureAstGrepLanguages, parseSource, toAstGrepLanguage } from "../detectors/ast-grep-languages.js";
import type { DetectorLanguage } from "../detectors/detector.js";

/** A declaration in a source file: 1-based inclusive lines. */
export interface Declaration {
  name: string;
  kind: string;
  startLine: number;
  endLine: number;
  /** Functions, methods and handlers (as opposed to classes and types). */
  callable: boolean;
}

const callableKinds: Record<string, string[]> = {
  js: [
    "function_declaration",
    "generator_function_declaration",
    "method_definition",
    "arrow_function",
    "function_expression",
  ],
  python: ["function_definition"],
  go: ["function_declaration", "method_declaration", "func_literal"],
  java: ["method_declaration", "constructor_declaration"],
};
const typeKinds: Record<string, string[]> = {
  js: ["class_declaration"],
  ts: [
    "class_declaration",
    "abstract_class_declaration",
    "interface_declaration",
    "type_alias_declaration",
    "enum_declaration",
  ],
  python: ["class_definition"],
  go: ["type_spec"],
  java: ["class_declaration", "interface_declaration", "enum_declaration", "record_declaration"],
};

function kindsOf(language: DetectorLanguage): { callable: string[]; types: string[] } {
  switch (language) {
    case "javascript":
      return { callable: callableKinds.js!, types: typeKinds.js! };
    case "typescript":
    case "tsx":
      return { callable: callableKinds.js!, types: typeKinds.ts! };
    case "python":
    case "go":
    case "java":
      return { callable: callableKinds[language]!, types: typeKinds[language]! };
    default:
      return { callable: [], types: [] };
  }
}

// Declarations by blob SHA and language: a blob never changes, so a re-review (or another pull request of
// the same repository) parses nothing again. Bounded by entries; the oldest go first.
const declarationCache = new Map<string, Declaration[]>();
const maxCachedFiles = 20_000;

/** {@link findDeclarations}, remembered by content address (`sha`). */
export function findDeclarationsCached(
  sha: string | undefined,
  text: string,
  language: DetectorLanguage,
): Declaration[] {
  const cached = getCachedDeclarations(sha, language);
  if (cached) return cached;
  const found = findDeclarations(text, language);
  rememberDeclarations(sha, language, found);
  return found;
}

/** The declarations found earlier in the blob `sha` (in this process), if any. */
export function getCachedDeclarations(
  sha: string | undefined,
  language: DetectorLanguage,
): Declaration[] | undefined {
  return sha ? declarationCache.get(`${language}:${sha}`) : undefined;
}

/** Remembers the declarations of the blob `sha` (found here or in the analysis pool). */
export function rememberDeclarations(
  sha: string | undefined,
  language: DetectorLanguage,
  found: Declaration[],
): void {
  if (!sha) return;
  declarationCache.set(`${language}:${sha}`, found);
  if (declarationCache.size > maxCachedFiles) declarationCache.delete(declarationCache.keys().next().value!);
}

/**
 * Every function, method, handler and type declaration of a file, by ast-grep (one native search per
 * file). Anonymous functions passed as call arguments (`router.get("/x", async (req, res) => …)`) grow to
 * the whole statement, so the route and its middleware are part of the declaration. Empty when the
 * language is not parsed or the file does not parse.
 */
export function findDeclarations(text: string, language: DetectorLanguage): Declaration[] {
  const lang = toAstGrepLanguage(language);
  const kinds = kindsOf(language);
  if (!lang || kinds.callable.length === 0) return [];
  try {
    ensureAstGrepLanguages();
    const root = parseSource(lang, text);
    const callable = new Set(kinds.callable);
    const nodes = root.findAll({
      rule: { any: [...kinds.callable, ...kinds.types].map((kind) => ({ kind })) },
    });
    return nodes.map((node) => toDeclaration(node, callable.has(node.kind() as string)));
  } catch {
    return [];
  }
}

function toDeclaration(node: SgNode, callable: boolean): Declaration {
  const kind = node.kind() as string;
  let span: SgNode = node;
  let name = nameOf(node);
  const parent = node.parent();
  if (!name && parent) {
    const parentKind = parent.kind() as string;
    if (
      parentKind === "variable_declarator" ||
      parentKind === "pair" ||
      parentKind === "assignment_expression" ||
      parentKind === "public_field_definition"
    ) {
      name = nameOf(parent) || (parent.field("left" as never) as SgNode | null)?.text() || "";
      span = parent.parent() ?? parent;
    } else if (parentKind === "arguments") {
      // A callback: show the call it is passed to (route, middleware, test).
      let statement: SgNode = parent;
      for (let up = parent.parent(); up; up = up.parent()) {
        statement = up;
        const k = up.kind() as string;
        if (
          k === "expression_statement" ||
          k === "lexical_declaration" ||
          k === "return_statement" ||
          k === "export_statement"
        )
          break;
      }
      span = statement;
      name = "";
    }
  }
  const range = span.range();
  return { name, kind, startLine: range.start.line + 1, endLine: range.end.line + 1, callable };
}

function nameOf(node: SgNode): string {
  try {
    return (node.field("name" as never) as SgNode | null)?.text() ?? "";
  } catch {
    return "";
  }
}

/**
 * The innermost function, method or handler around `startLine..endLine`, else the innermost type; a
 * callback grows to its statement. Undefined at top level.
 */
export function findEnclosingDeclaration(
  declarations: Declaration[],
  startLine: number,
  endLine: number,
): Declaration | undefined {
  const around = declarations.filter((d) => d.startLine <= startLine && d.endLine >= endLine);
  const smallest = (list: Declaration[]) =>
    list.reduce<Declaration | undefined>(
      (best, d) => (!best || d.endLine - d.startLine < best.endLine - best.startLine ? d : best),
      undefined,
    );
  return smallest(around.filter((d) => d.callable)) ?? smallest(around);
}

/** The declaration named `name` (functions first, then types); undefined when the file has none. */
export function findNamedDeclaration(declarations: Declaration[], name: string): Declaration | undefined {
  return declarations.find((d) => d.name === name && d.callable) ?? declarations.find((d) => d.name === name);
}
