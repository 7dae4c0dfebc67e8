import type { Rule, SgNode } from "@ast-grep/napi";
import type { ParsedLanguage } from "./context-rules.js";
import { getField, getNodeKind, getNodeText } from "./find-matches.js";
import type { Origin, Trace } from "./local-flow.js";

/** Call nodes per language, and how to read their callee name and arguments. */
export const callRule: Record<ParsedLanguage, Rule> = {
  js: { any: [{ kind: "call_expression" }, { kind: "new_expression" }] },
  python: { kind: "call" },
  go: { kind: "call_expression" },
  java: { any: [{ kind: "method_invocation" }, { kind: "object_creation_expression" }] },
};

/** The callee as written: `cur.execute`, `exec.Command`, `Runtime.getRuntime().exec`, `new ProcessBuilder`. */
export function calleeText(call: SgNode, language: ParsedLanguage): string {
  const kind = getNodeKind(call);
  if (language === "java") {
    if (kind === "object_creation_expression") return `new ${getNodeText(getField(call, "type") ?? call)}`;
    const object = getField(call, "object");
    const name = getNodeText(getField(call, "name") ?? call);
    return object ? `${getNodeText(object)}.${name}` : name;
  }
  if (kind === "new_expression") return `new ${getNodeText(getField(call, "constructor") ?? call)}`;
  return getNodeText(getField(call, "function") ?? call);
}

/** The last name of a callee: `execute` of `self.db.cursor().execute`. */
export function calleeName(call: SgNode, language: ParsedLanguage): string {
  const callee = calleeText(call, language);
  const match = /([\w$]+)\s*$/.exec(callee);
  return match?.[1] ?? callee;
}

/** The positional arguments of a call (keyword arguments of Python excluded). */
export function callArguments(call: SgNode): SgNode[] {
  const args = getField(call, "arguments");
  if (!args) return [];
  return args
    .namedChildren()
    .filter((arg) => !["keyword_argument", "comment", "spread_element"].includes(getNodeKind(arg)));
}

/** Python `name=value` arguments of a call, by name. */
export function keywordArguments(call: SgNode): Map<string, SgNode> {
  const out = new Map<string, SgNode>();
  for (const arg of getField(call, "arguments")?.namedChildren() ?? []) {
    if (getNodeKind(arg) !== "keyword_argument") continue;
    const name = getField(arg, "name");
    const value = getField(arg, "value");
    if (name && value) out.set(getNodeText(name), value);
  }
  return out;
}

const literalKinds = new Set([
  "string",
  "string_literal",
  "interpreted_string_literal",
  "raw_string_literal",
  "text_block",
  "concatenated_string",
  "number",
  "integer",
  "float",
  "decimal_integer_literal",
  "true",
  "false",
  "null",
  "none",
  "nil",
  "null_literal",
]);

/** A literal with nothing spliced in: `"ls -l"`, `'SELECT 1'`, a template without `${}`, an f-string without `{}`. */
export function isPlainLiteral(node: SgNode): boolean {
  const kind = getNodeKind(node);
  if (kind === "template_string")
    return !node.namedChildren().some((c) => getNodeKind(c) === "template_substitution");
  if (kind === "string" || kind === "concatenated_string")
    return (
      !/interpolation/.test(
        node
          .namedChildren()
          .map((c) => getNodeKind(c))
          .join(" "),
      ) &&
      !node.namedChildren().some((c) => c.namedChildren().some((d) => getNodeKind(d) === "interpolation"))
    );
  if (kind === "parenthesized_expression") {
    const inner = node.namedChildren();
    return inner.length === 1 && inner[0] !== undefined && isPlainLiteral(inner[0]);
  }
  return literalKinds.has(kind);
}

/** Escaping/quoting helpers: a value passed through one of them is no longer raw input. */
const sanitizerPattern =
  /\b(quote_ident|quote_literal|escape_string|escape|escapeId|quote|sanitize\w*|shlex\.quote|pipes\.quote|Identifier|int|Integer\.parseInt|parseInt|Number|strconv\.Atoi|pq\.QuoteIdentifier|pq\.QuoteLiteral)\s*\(/;

/**
 * A string built at runtime from something other than literals: concatenation with a non-literal operand,
 * interpolation (`${x}`, f"{x}"), formatting with arguments (`"…%s" % x`, `"…{}".format(x)`, `fmt.Sprintf(f, x)`,
 * `String.format(f, x)`), a builder's `.append(x)` argument list. Escaped values (`quote_ident(x)`) do not count.
 */
export function isStringBuilding(node: SgNode, language: ParsedLanguage): boolean {
  const kind = getNodeKind(node);
  const text = getNodeText(node);
  if (sanitizerPattern.test(text) && !/[+%]|\$\{|\{\w*\}/.test(text.replace(sanitizerPattern, "")))
    return false;
  switch (kind) {
    case "template_string":
      return node.namedChildren().some((c) => getNodeKind(c) === "template_substitution");
    case "string":
      return language === "python" && node.namedChildren().some((c) => getNodeKind(c) === "interpolation");
    case "binary_expression":
    case "binary_operator": {
      const operator = getNodeText(getField(node, "operator") ?? node);
      const left = getField(node, "left");
      const right = getField(node, "right");
      if (!left || !right) return false;
      if (operator === "%" && language === "python")
        return isStringy(left) && !/^\(\s*\)$/.test(getNodeText(right)) && !isSanitized(right);
      if (operator !== "+") return false;
      return (
        (isStringy(left) || isStringy(right) || isStringBuilding(left, language)) &&
        hasNonLiteralOperand(node, language)
      );
    }
    case "call":
    case "call_expression":
    case "method_invocation": {
      const args = getField(node, "arguments")?.namedChildren() ?? [];
      if (language === "python") {
        const fn = getField(node, "function");
        if (fn && getNodeKind(fn) === "attribute" && /\.format$/.test(getNodeText(fn)))
          return args.length > 0 && !args.every((a) => isPlainLiteral(a) || isSanitized(a));
        return false;
      }
      if (
        /^(fmt\.Sprintf|String\.format|util\.format|format)\s*\(/.test(text) ||
        /\.formatted\s*\(/.test(text)
      )
        return args.length > 1 && !args.slice(1).every((a) => isPlainLiteral(a) || isSanitized(a));
      if (/\.concat\s*\(/.test(text)) return args.some((a) => !isPlainLiteral(a));
      return false;
    }
    case "argument_list":
    case "arguments":
      // A builder append's arguments: building when any is built or not a literal.
      return node.namedChildren().some((a) => !isPlainLiteral(a) && !isSanitized(a));
    case "augmented_assignment_expression":
      return true;
    case "parenthesized_expression":
      return node.namedChildren().some((c) => isStringBuilding(c, language));
    default:
      return false;
  }
}

function isSanitized(node: SgNode): boolean {
  return sanitizerPattern.test(getNodeText(node));
}

function isStringy(node: SgNode): boolean {
  const kind = getNodeKind(node);
  return (
    [
      "string",
      "string_literal",
      "interpreted_string_literal",
      "raw_string_literal",
      "template_string",
      "text_block",
      "concatenated_string",
    ].includes(kind) ||
    ((kind === "binary_expression" || kind === "binary_operator") &&
      (isStringy(getField(node, "left") ?? node.namedChildren()[0]!) ||
        isStringy(getField(node, "right") ?? node.namedChildren()[0]!)))
  );
}

function hasNonLiteralOperand(node: SgNode, language: ParsedLanguage): boolean {
  const kind = getNodeKind(node);
  if (kind === "binary_expression" || kind === "binary_operator") {
    const left = getField(node, "left");
    const right = getField(node, "right");
    return (
      (left !== null && hasNonLiteralOperand(left, language)) ||
      (right !== null && hasNonLiteralOperand(right, language))
    );
  }
  if (kind === "parenthesized_expression")
    return node.namedChildren().some((c) => hasNonLiteralOperand(c, language));
  if (isPlainLiteral(node)) return false;
  if (isSanitized(node)) return false;
  return true;
}

/** True when some part of the traced value is built at runtime from non-literals. */
export function traceIsBuilt(trace: Trace, language: ParsedLanguage): boolean {
  return trace.origins.some((o) => isBuiltOrigin(o, language));
}

/** An origin that builds the value: a building expression, or a non-literal appended to a variable. */
export function isBuiltOrigin(origin: Origin, language: ParsedLanguage): boolean {
  if (isStringBuilding(origin.node, language)) return true;
  return origin.appended === true && !isPlainLiteral(origin.node) && !isSanitized(origin.node);
}

/** True when the traced value is a compile-time constant: only literals, every name resolved. */
export function traceIsConstant(trace: Trace): boolean {
  if (trace.unresolved.length > 0) return false;
  return trace.origins.every(
    (o) =>
      isPlainLiteral(o.node) ||
      /^[\w$.]+$/.test(getNodeText(o.node)) ||
      isLiteralConcat(o.node) ||
      constantLookupPattern.test(getNodeText(o.node)) ||
      conversionPattern.test(getNodeText(o.node)),
  );
}

/** Type conversions that keep a constant constant: `[]byte(secret)`, `string(name)`, `String.valueOf(x)`. */
const conversionPattern = /^(\[\]byte|string|String\.valueOf|str)\(\s*[\w$.]+\s*\)$/;

/** Looking a fixed program up on the PATH yields a constant program: `exec.LookPath("git")`, `shutil.which("git")`. */
const constantLookupPattern =
  /^(exec\.LookPath|shutil\.which|which|path\.resolve|os\.path\.join)\(\s*("[^"]*"|'[^']*'|`[^`]*`)\s*\)$/;

function isLiteralConcat(node: SgNode): boolean {
  const kind = getNodeKind(node);
  if (kind !== "binary_expression" && kind !== "binary_operator") return false;
  return node
    .namedChildren()
    .every(
      (c) =>
        isPlainLiteral(c) || /^[\w$]+$/.test(getNodeText(c)) || getNodeKind(c) === "+" || isLiteralConcat(c),
    );
}
