import type { Rule, SgNode } from "@ast-grep/napi";
import type { DetectorHit } from "./detector.js";

/**
 * Rule fragments shared by several detectors: "is a function", "runs once per loop iteration",
 * "is a request handler". Kinds differ per grammar, and an unknown kind makes ast-grep throw, so each
 * fragment exists per language family.
 */
export type ParsedLanguage = "js" | "python" | "go" | "java";

const jsFunctionKinds = [
  "arrow_function",
  "function_expression",
  "function_declaration",
  "method_definition",
  "generator_function",
  "generator_function_declaration",
];

export const functionRule: Record<ParsedLanguage, Rule> = {
  js: { any: jsFunctionKinds.map((kind) => ({ kind })) },
  python: { any: [{ kind: "function_definition" }, { kind: "lambda" }] },
  go: { any: [{ kind: "function_declaration" }, { kind: "method_declaration" }, { kind: "func_literal" }] },
  java: {
    any: [{ kind: "method_declaration" }, { kind: "constructor_declaration" }, { kind: "lambda_expression" }],
  },
};

const jsIterationCallbackNames = "^(forEach|map|flatMap|reduce|filter|some|every|each|mapSeries|eachSeries)$";

/** The node runs once per iteration: it is in a loop body (not the loop header) or in a per-item callback. */
export const loopBodyRule: Record<ParsedLanguage, Rule> = {
  js: {
    any: [
      {
        inside: {
          stopBy: "end",
          field: "body",
          any: [
            { kind: "for_statement" },
            { kind: "for_in_statement" },
            { kind: "while_statement" },
            { kind: "do_statement" },
          ],
        },
      },
      {
        inside: {
          stopBy: "end",
          any: [{ kind: "arrow_function" }, { kind: "function_expression" }],
          inside: {
            kind: "arguments",
            inside: {
              kind: "call_expression",
              has: {
                field: "function",
                kind: "member_expression",
                has: { field: "property", regex: jsIterationCallbackNames },
              },
            },
          },
        },
      },
    ],
  },
  python: {
    any: [
      {
        inside: {
          stopBy: "end",
          field: "body",
          any: [{ kind: "for_statement" }, { kind: "while_statement" }],
        },
      },
      // A comprehension's element runs once per item; its `for ... in <iterable>` does not.
      {
        inside: {
          stopBy: "end",
          field: "body",
          any: [
            { kind: "list_comprehension" },
            { kind: "set_comprehension" },
            { kind: "generator_expression" },
            { kind: "dictionary_comprehension" },
          ],
        },
      },
    ],
  },
  go: { inside: { stopBy: "end", field: "body", kind: "for_statement" } },
  java: {
    any: [
      {
        inside: {
          stopBy: "end",
          field: "body",
          any: [
            { kind: "for_statement" },
            { kind: "enhanced_for_statement" },
            { kind: "while_statement" },
            { kind: "do_statement" },
          ],
        },
      },
      {
        inside: {
          stopBy: "end",
          kind: "lambda_expression",
          inside: {
            kind: "argument_list",
            inside: {
              kind: "method_invocation",
              has: { field: "name", regex: "^(forEach|map|flatMap|peek)$" },
            },
          },
        },
      },
    ],
  },
};

const jsRouteMethods = "^(get|post|put|patch|delete|del|all|use|head|options)$";
const jsRouteDecorators = "^@(Get|Post|Put|Patch|Delete|All|Head|Options)\\(";

/** A function that serves an HTTP request (route callback, (req, res) handler, controller action, view). */
export const handlerRule: Record<ParsedLanguage, Rule> = {
  js: {
    any: [
      {
        any: jsFunctionKinds.map((kind) => ({ kind })),
        inside: {
          kind: "arguments",
          inside: {
            kind: "call_expression",
            has: {
              field: "function",
              kind: "member_expression",
              has: { field: "property", regex: jsRouteMethods },
            },
          },
        },
      },
      {
        any: jsFunctionKinds.map((kind) => ({ kind })),
        has: {
          field: "parameters",
          has: { kind: "identifier", regex: "^(req|request)$", stopBy: "end" },
        },
      },
      {
        kind: "method_definition",
        follows: { kind: "decorator", regex: jsRouteDecorators, stopBy: { kind: "method_definition" } },
      },
    ],
  },
  python: {
    any: [
      {
        kind: "function_definition",
        inside: {
          kind: "decorated_definition",
          has: {
            kind: "decorator",
            regex: "\\.(route|get|post|put|patch|delete|api_route)\\(|^@(api_view|action|login_required)",
          },
        },
      },
      {
        kind: "function_definition",
        has: {
          field: "parameters",
          has: { kind: "identifier", regex: "^request$" },
        },
      },
    ],
  },
  go: {
    any: [{ kind: "function_declaration" }, { kind: "method_declaration" }, { kind: "func_literal" }],
    has: {
      field: "parameters",
      regex: "http\\.ResponseWriter|\\*http\\.Request|\\*gin\\.Context|echo\\.Context|\\*fiber\\.Ctx",
    },
  },
  java: {
    kind: "method_declaration",
    has: {
      kind: "modifiers",
      has: {
        any: [{ kind: "annotation" }, { kind: "marker_annotation" }],
        regex: "^@(Get|Post|Put|Patch|Delete|Request)Mapping|^@(GET|POST|PUT|PATCH|DELETE|Path)\\b",
      },
    },
  },
};

/** Lets `inside: { stopBy: "end", ...handlerRule }` read naturally at call sites. */
export function insideHandler(language: ParsedLanguage): Rule {
  return { inside: { stopBy: "end", ...handlerRule[language] } };
}

export function toParsedLanguage(language: string): ParsedLanguage | undefined {
  if (language === "javascript" || language === "typescript" || language === "tsx") return "js";
  if (language === "python" || language === "go" || language === "java") return language;
  return undefined;
}

/** A node's lines as a hit (1-based, inclusive). */
export function toHit(node: SgNode, detail?: string): DetectorHit {
  const range = node.range();
  const hit: DetectorHit = { startLine: range.start.line + 1, endLine: range.end.line + 1 };
  if (detail !== undefined) hit.detail = detail;
  return hit;
}

/** A relational rule (`has`/`inside` body): a rule plus `stopBy` and `field`. */
export type RelationRule = NonNullable<Rule["has"]>;

/** The node's kind as a plain string (ast-grep's typed kinds are opaque without a grammar type map). */
export function getKind(node: SgNode): string {
  return String(node.kind());
}
