import type { Rule, SgNode } from "@ast-grep/napi";
import type { ParsedLanguage } from "./context-rules.js";
import { findMatches, getField, getNodeKind, getNodeText, getParent } from "./find-matches.js";

/**
 * Intraprocedural data flow, deliberately simple: from an expression at a sink back to where its value was
 * built, following local assignments (`x = …`, `const x = …`, `x := …`, `String x = …`, `x += …`),
 * concatenation, formatting and builder appends (`sb.append(…)` then `sb.toString()`) inside the enclosing
 * function (or the file for top-level code). Only assignments that precede the use are followed; branches are
 * merged (every assignment counts). Parameters and fields are "unknown" origins.
 */

const functionKinds: Record<ParsedLanguage, ReadonlySet<string>> = {
  js: new Set([
    "arrow_function",
    "function_expression",
    "function_declaration",
    "method_definition",
    "generator_function",
    "generator_function_declaration",
  ]),
  python: new Set(["function_definition"]),
  go: new Set(["function_declaration", "method_declaration", "func_literal"]),
  java: new Set(["method_declaration", "constructor_declaration", "lambda_expression"]),
};

/** The function around a node, or the root for top-level code. */
export function enclosingScope(node: SgNode, language: ParsedLanguage): SgNode {
  let current: SgNode | null = getParent(node);
  let last = node;
  while (current) {
    if (functionKinds[language].has(getNodeKind(current))) return current;
    last = current;
    current = getParent(current);
  }
  return last;
}

/** One assignment: the target's name and the assigned expression. */
interface Assignment {
  name: string;
  value: SgNode;
  /** True for `x += …`: the value is appended to what was there. */
  append: boolean;
  start: number;
}

const assignmentCache = new WeakMap<SgNode, Assignment[]>();

const anyKind = (...kinds: string[]): Rule => ({ any: kinds.map((kind) => ({ kind })) });

/** The nodes that assign a variable, per language. */
const assignmentRules: Record<ParsedLanguage, Rule> = {
  js: anyKind("variable_declarator", "assignment_expression", "augmented_assignment_expression"),
  python: anyKind("assignment", "augmented_assignment"),
  go: anyKind("short_var_declaration", "assignment_statement", "var_spec", "const_spec"),
  java: anyKind("variable_declarator", "assignment_expression"),
};

/** Calls, per language (a builder append is a call). */
const callRules: Record<ParsedLanguage, Rule> = {
  js: { kind: "call_expression" },
  python: { kind: "call" },
  go: { kind: "call_expression" },
  java: { kind: "method_invocation" },
};

function startIndex(node: SgNode): number {
  return node.range().start.index;
}

/** Every local assignment in a scope (its own nested functions included: closures share the variables). */
function collectAssignments(scope: SgNode, language: ParsedLanguage): Assignment[] {
  const cached = assignmentCache.get(scope);
  if (cached) return cached;
  const out: Assignment[] = [];
  const push = (target: SgNode | null, value: SgNode | null, append: boolean) => {
    if (!target || !value) return;
    out.push({ name: getNodeText(target).trim(), value, append, start: startIndex(value) });
  };
  // ast-grep finds the assignment nodes natively, in the order a pre-order walk would meet them.
  for (const node of findMatches(scope, assignmentRules[language])) {
    const kind = getNodeKind(node);
    switch (language) {
      case "js":
        if (kind === "variable_declarator") push(getField(node, "name"), getField(node, "value"), false);
        else if (kind === "assignment_expression")
          push(getField(node, "left"), getField(node, "right"), false);
        else if (kind === "augmented_assignment_expression")
          push(getField(node, "left"), getField(node, "right"), true);
        break;
      case "python":
        if (kind === "assignment") push(getField(node, "left"), getField(node, "right"), false);
        else if (kind === "augmented_assignment") push(getField(node, "left"), getField(node, "right"), true);
        break;
      case "go":
        if (
          kind === "short_var_declaration" ||
          kind === "assignment_statement" ||
          kind === "var_spec" ||
          kind === "const_spec"
        ) {
          const spec = kind === "var_spec" || kind === "const_spec";
          const left = spec ? getField(node, "name") : getField(node, "left");
          const right = spec ? getField(node, "value") : getField(node, "right");
          const append = kind === "assignment_statement" && /^\s*\+=/.test(getOperatorText(node));
          if (left && right) {
            const names = left.namedChildren();
            const values = right.namedChildren();
            if (names.length > 1 && names.length === values.length)
              for (const [i, name] of names.entries()) push(name, values[i] ?? null, append);
            else push(names[0] ?? left, values.length === 1 ? (values[0] ?? right) : right, append);
          }
        }
        break;
      case "java":
        if (kind === "variable_declarator") push(getField(node, "name"), getField(node, "value"), false);
        else if (kind === "assignment_expression")
          push(getField(node, "left"), getField(node, "right"), /^\s*\+=/.test(getOperatorText(node)));
        break;
    }
  }
  assignmentCache.set(scope, out);
  return out;
}

function getOperatorText(node: SgNode): string {
  const left = getField(node, "left");
  const right = getField(node, "right");
  if (!left || !right) return "";
  const text = getNodeText(node);
  const base = startIndex(node);
  return text.slice(left.range().end.index - base, startIndex(right) - base);
}

const identifierKinds = new Set(["identifier"]);

/** Assignments at the top level of the file (not inside any function), when `scope` is a function. */
function moduleAssignments(scope: SgNode, language: ParsedLanguage): Assignment[] {
  if (!functionKinds[language].has(getNodeKind(scope))) return [];
  let root: SgNode = scope;
  for (let parent = getParent(root); parent; parent = getParent(parent)) root = parent;
  const cached = moduleAssignmentCache.get(root);
  if (cached) return cached;
  const found = collectAssignments(root, language).filter(
    (a) => !functionKinds[language].has(getNodeKind(enclosingScope(a.value, language))),
  );
  moduleAssignmentCache.set(root, found);
  return found;
}

const moduleAssignmentCache = new WeakMap<SgNode, Assignment[]>();

/** Builder appends on `name` before `before`: `name.append(x)`, `name.push(x)`, `name.write(x)`. */
function collectAppends(scope: SgNode, language: ParsedLanguage, name: string, before: number): SgNode[] {
  const out: SgNode[] = [];
  const pattern = new RegExp(
    `^${escapeRegExp(name)}\\s*\\.\\s*(append|push|concat|write|WriteString|add)\\s*\\(`,
  );
  for (const call of getCalls(scope, language)) {
    if (call.start >= before || !pattern.test(call.text)) continue;
    const args = getField(call.node, "arguments");
    if (args) out.push(args);
  }
  return out;
}

const callCache = new WeakMap<SgNode, { node: SgNode; start: number; text: string }[]>();

/** The calls in a scope (found once per scope, natively), in source order, with their start and text. */
function getCalls(scope: SgNode, language: ParsedLanguage): { node: SgNode; start: number; text: string }[] {
  let calls = callCache.get(scope);
  if (!calls) {
    calls = findMatches(scope, callRules[language]).map((node) => ({
      node,
      start: startIndex(node),
      text: getNodeText(node),
    }));
    callCache.set(scope, calls);
  }
  return calls;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A value a sink's expression came from: the expression itself or an assigned value, with its line. */
export interface Origin {
  node: SgNode;
  /** 1-based line where this part of the value was built. */
  line: number;
  /** True for a value appended to a variable (`x += v`, `sb.append(v)`): the variable is built from it. */
  appended?: boolean;
}

export interface Trace {
  /** The expression and every local value it was built from. */
  origins: Origin[];
  /** Names whose value is not assigned in the scope (parameters, fields, globals of another scope). */
  unresolved: string[];
}

/**
 * Follows `expression` back through local assignments. Depth-limited (`maxDepth` hops) and cycle-safe.
 * @example in `q = "SELECT … " + id; cur.execute(q)`, tracing `q` at the call yields the concatenation.
 */
export function traceValue(expression: SgNode, language: ParsedLanguage, maxDepth = 4): Trace {
  const scope = enclosingScope(expression, language);
  const state: TraceState = {
    scope,
    language,
    maxDepth,
    assignments: collectAssignments(scope, language),
    origins: [],
    unresolved: [],
    seen: new Set(),
  };
  visitOrigin(state, expression, 0, startIndex(expression));
  return { origins: state.origins, unresolved: state.unresolved };
}

/**
 * One `traceValue` under way. Its steps are module functions over this state, not closures made per call:
 * V8 keeps a closure's optimised code only while an instance of it lives, so a closure made per trace was
 * compiled again after every full garbage collection.
 */
interface TraceState {
  scope: SgNode;
  language: ParsedLanguage;
  maxDepth: number;
  assignments: Assignment[];
  origins: Origin[];
  unresolved: string[];
  seen: Set<string>;
}

function visitOrigin(state: TraceState, node: SgNode, depth: number, useAt: number, appended = false): void {
  const { scope, language, assignments } = state;
  state.origins.push({ node, line: node.range().start.line + 1, ...(appended ? { appended } : {}) });
  if (depth >= state.maxDepth) return;
  for (const name of referencedNames(node, language)) {
    const key = `${name}@${useAt}`;
    if (state.seen.has(key)) continue;
    state.seen.add(key);
    const base = name.replace(/\s*\.\s*(toString|String|build|getvalue|join)\s*\(\s*\)$/, "");
    // The last plain assignment before the use, and what was appended to it after that.
    const before = assignments.filter((a) => a.name === base && a.start < useAt);
    const lastPlain = before.filter((a) => !a.append).at(-1);
    const found = before.filter((a) => a === lastPlain || (a.append && a.start > (lastPlain?.start ?? -1)));
    const appends = collectAppends(scope, language, base, useAt).filter(
      (args) => startIndex(args) > (lastPlain?.start ?? -1),
    );
    if (found.length === 0 && appends.length === 0) {
      // A module-level constant (`SECRET = "…"` at the top of the file) read inside a function.
      const global = moduleAssignments(scope, language)
        .filter((a) => a.name === base && !a.append)
        .at(-1);
      if (global) visitOrigin(state, global.value, depth + 1, global.start);
      else state.unresolved.push(base);
      continue;
    }
    for (const a of found) visitOrigin(state, a.value, depth + 1, a.start, a.append);
    for (const args of appends) visitOrigin(state, args, depth + 1, startIndex(args), true);
  }
}

/**
 * The names an expression reads whose value might be followed: identifiers outside calls' callee position
 * and outside member accesses (`a.b` is read as `a` only when it is `a.toString()`-like).
 */
function referencedNames(node: SgNode, language: ParsedLanguage): string[] {
  const kind = getNodeKind(node);
  if (identifierKinds.has(kind)) return [getNodeText(node)];
  const text = getNodeText(node);
  // `sb.toString()`, `buf.String()`, `"".join(parts)`: the builder's own name.
  const builder = /^([A-Za-z_]\w*)\s*\.\s*(toString|String|build|getvalue)\s*\(\s*\)$/.exec(text);
  if (builder?.[1]) return [builder[1]];
  const names: string[] = [];
  collectReadNames(node, language, names);
  return [...new Set(names)];
}

/** `referencedNames`' walk: the identifiers under `current` that are read, not nested functions' own. */
function collectReadNames(current: SgNode, language: ParsedLanguage, names: string[]): void {
  const currentKind = getNodeKind(current);
  if (identifierKinds.has(currentKind)) {
    const parent = getParent(current);
    const parentKind = parent ? getNodeKind(parent) : "";
    // Skip callees (`f(x)` reads x, not f) and property names.
    if (parent && getField(parent, "function") === current) return;
    if (parent && (getField(parent, "property") === current || getField(parent, "attribute") === current))
      return;
    if (parentKind === "method_invocation" && getField(parent as SgNode, "name") === current) return;
    if (parentKind === "selector_expression" && getField(parent as SgNode, "field") === current) return;
    if (parentKind === "keyword_argument" && getField(parent as SgNode, "name") === current) return;
    names.push(getNodeText(current));
    return;
  }
  if (functionKinds[language].has(currentKind)) return;
  for (const child of current.namedChildren()) collectReadNames(child, language, names);
}

/** Where a value comes straight from a request: query, body, params, headers, form values. */
export const requestInputPattern =
  /\b(req|request|ctx|c|r)\s*\.\s*(query|body|params|param|headers|cookies|GET|POST|args|form|values|json|data|FILES|URL\.Query\(\)|FormValue|PostFormValue|Query|Param|PostForm|DefaultQuery|getParameter|getHeader|getQueryString|getInputStream|getReader|getCookies)\b|\bsys\.argv\b|\binput\s*\(|\bprocess\.argv\b|\bos\.Args\b|\bos\.Getenv\b|@RequestParam|@PathVariable|@RequestBody/;

/** Input from a web request only (not a CLI's argv or the environment, which the operator controls). */
export const webRequestInputPattern =
  /\b(req|request|ctx|c|r)\s*\.\s*(query|body|params|param|headers|cookies|GET|POST|args|form|values|json|data|FILES|URL\.Query\(\)|FormValue|PostFormValue|Query|Param|PostForm|DefaultQuery|getParameter|getHeader|getQueryString|getInputStream|getReader|getCookies)\b|@RequestParam|@PathVariable|@RequestBody/;

/** True when the trace reaches request input (its text or an unresolved name that names it). */
export function reachesRequestInput(trace: Trace): boolean {
  return trace.origins.some((o) => requestInputPattern.test(getNodeText(o.node)));
}

/** The first line of the value's construction: the smallest origin line (the sink's own line at most). */
export function firstOriginLine(
  trace: Trace,
  keep: (origin: Origin) => boolean = () => true,
): number | undefined {
  const lines = trace.origins.filter(keep).map((o) => o.line);
  return lines.length === 0 ? undefined : Math.min(...lines);
}

const statementKinds = /(_statement|_declaration|^assignment|^expression_statement|^return_statement)$/;

/** The first line of the statement a node is part of (a call's `x =` on the line above, a `return`). */
export function statementStartLine(node: SgNode): number {
  let current: SgNode | null = node;
  for (let depth = 0; current && depth < 6; depth++, current = current.parent()) {
    if (statementKinds.test(String(current.kind()))) return current.range().start.line + 1;
  }
  return node.range().start.line + 1;
}

/** Identifier nodes named `name` in `scope` that start after `after` (a character offset): later reads of a variable. */
export function findLaterUses(scope: SgNode, name: string, after: number): SgNode[] {
  const out: SgNode[] = [];
  const walk = (node: SgNode) => {
    if (getNodeKind(node) === "identifier" && getNodeText(node) === name && startIndex(node) > after)
      out.push(node);
    for (const child of node.namedChildren()) walk(child);
  };
  walk(scope);
  return out;
}

/** The variable a value is stored in when it is the whole right-hand side (or initialiser) of an assignment. */
export function assignedName(node: SgNode): string | undefined {
  let current: SgNode | null = getParent(node);
  let child = node;
  for (let depth = 0; current && depth < 6; depth++) {
    const kind = getNodeKind(current);
    const value =
      getField(current, "value") ?? getField(current, "right") ?? (kind === "expression_list" ? child : null);
    if (
      /^(variable_declarator|assignment_expression|assignment|short_var_declaration|assignment_statement|var_spec)$/.test(
        kind,
      )
    ) {
      if (value && startIndex(value) <= startIndex(child)) {
        const target = getField(current, "name") ?? getField(current, "left");
        const text = target ? getNodeText(target).trim() : "";
        const first = text.split(",")[0]?.trim() ?? "";
        return /^[A-Za-z_$][\w$]*$/.test(first) ? first : undefined;
      }
      return undefined;
    }
    if (/(_statement|^block|^program|^module|function|method|lambda)/.test(kind)) return undefined;
    child = current;
    current = getParent(current);
  }
  return undefined;
}
