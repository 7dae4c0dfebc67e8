import type { Rule, SgNode } from "@ast-grep/napi";
import { type ParsedLanguage, toHit, toParsedLanguage } from "./context-rules.js";
import type { Detector, DetectorHit, DetectorInput } from "./detector.js";
import { findRuleHits } from "./find-rule-hits.js";
import { matchesAllPatterns } from "./prefilter.js";

/** A string built at runtime from values (interpolation, concatenation, formatting). */
const dynamicString: Record<ParsedLanguage, Rule> = {
  js: {
    any: [
      { kind: "template_string", has: { kind: "template_substitution" } },
      { kind: "binary_expression", has: { field: "operator", regex: "^\\+$" } },
    ],
  },
  python: {
    any: [
      { kind: "string", has: { kind: "interpolation" } },
      { kind: "binary_operator", has: { field: "left", kind: "string" } },
      { kind: "binary_operator", has: { field: "operator", regex: "^\\+$" } },
      { kind: "call", has: { field: "function", kind: "attribute", regex: "\\.format$" } },
    ],
  },
  go: {
    any: [
      { kind: "binary_expression", has: { field: "operator", regex: "^\\+$" } },
      { kind: "call_expression", has: { field: "function", regex: "^fmt\\.Sprintf?$" } },
      { kind: "identifier" },
      { kind: "selector_expression" },
    ],
  },
  java: {
    any: [
      {
        kind: "binary_expression",
        has: { field: "operator", regex: "^\\+$" },
        not: { regex: '^"[^"]*"\\s*\\+\\s*"[^"]*"$' },
      },
      { kind: "method_invocation", regex: "^String\\.format\\(" },
    ],
  },
};

const rules: Record<ParsedLanguage, Rule> = {
  js: {
    any: [
      {
        kind: "call_expression",
        has: { field: "function", regex: "^(eval|(vm\\.)?runInNewContext|(vm\\.)?runInThisContext)$" },
        all: [{ has: { field: "arguments", has: { nthChild: 1, not: { kind: "string" } } } }],
      },
      {
        kind: "new_expression",
        has: { field: "constructor", regex: "^Function$" },
        all: [{ has: { field: "arguments", has: { not: { kind: "string" } } } }],
      },
      {
        kind: "call_expression",
        has: {
          field: "function",
          regex: "^((child_?[pP]rocess|cp|childProcess|proc)\\.)?(exec|execSync)$",
        },
        all: [{ has: { field: "arguments", has: { nthChild: 1, ...dynamicString.js } } }],
      },
    ],
  },
  python: {
    any: [
      {
        kind: "call",
        has: {
          field: "function",
          regex:
            "^(os\\.system|os\\.popen|subprocess\\.getoutput|subprocess\\.getstatusoutput|commands\\.getoutput)$",
        },
        all: [{ has: { field: "arguments", has: { nthChild: 1, ...dynamicString.python } } }],
      },
      {
        kind: "call",
        has: { field: "function", regex: "^subprocess\\.(run|call|check_call|check_output|Popen)$" },
        all: [
          { has: { field: "arguments", has: { kind: "keyword_argument", regex: "^shell\\s*=\\s*True$" } } },
          { has: { field: "arguments", has: { nthChild: 1, ...dynamicString.python } } },
        ],
      },
      {
        kind: "call",
        has: { field: "function", regex: "^(eval|exec)$" },
        all: [
          {
            has: {
              field: "arguments",
              has: { nthChild: 1, not: { kind: "string", not: { has: { kind: "interpolation" } } } },
            },
          },
        ],
      },
    ],
  },
  go: {
    kind: "call_expression",
    has: { field: "function", regex: "^exec\\.Command(Context)?$" },
    all: [
      {
        has: {
          field: "arguments",
          regex: '"(/bin/|/usr/bin/)?(sh|bash|zsh)"\\s*,\\s*"-c"|"cmd(\\.exe)?"\\s*,\\s*"/[cC]"',
        },
      },
    ],
  },
  java: {
    any: [
      {
        kind: "method_invocation",
        has: { field: "name", regex: "^exec$" },
        all: [
          { has: { field: "object", regex: "(?i)runtime" } },
          { has: { field: "arguments", has: { stopBy: "end", ...dynamicString.java } } },
        ],
      },
      {
        kind: "object_creation_expression",
        regex: '^new\\s+ProcessBuilder\\(\\s*"(/bin/)?(sh|bash)"\\s*,\\s*"-c"',
        all: [{ has: { field: "arguments", has: { stopBy: "end", ...dynamicString.java } } }],
      },
    ],
  },
};

/** `const run = promisify(exec)`: calls through the alias run a shell just the same. */
function findPromisifiedExecHits(input: DetectorInput): DetectorHit[] {
  const root = input.getRoot();
  if (toParsedLanguage(input.language) !== "js" || !root || !/promisify\(/.test(input.text)) return [];
  const aliases = input
    .findNodes(promisifiedExecRule)
    .map((declarator) => declarator.field("name")?.text())
    .filter((name): name is string => name !== undefined && /^\w+$/.test(name));
  if (aliases.length === 0) return [];
  return input
    .findNodes({
      kind: "call_expression",
      has: { field: "function", regex: `^(${aliases.join("|")})$` },
      all: [{ has: { field: "arguments", has: { nthChild: 1, ...dynamicString.js } } }],
    })
    .map((node) => toHit(node));
}

const promisifiedExecRule: Rule = {
  kind: "variable_declarator",
  has: {
    field: "value",
    regex: "^(util\\.)?promisify\\(\\s*((child_?[pP]rocess|cp)\\.)?exec\\s*\\)$",
  },
};

/** Go: the argument after "-c" must be something other than a literal. */
function isGoShellArgumentDynamic(node: SgNode): boolean {
  const args = node.field("arguments")?.namedChildren() ?? [];
  const flag = args.findIndex((arg) => /^"(-c|\/[cC])"$/.test(arg.text()));
  const command = args[flag + 1];
  return flag >= 0 && command !== undefined && !/^("[^"]*"|`[^`]*`)$/.test(command.text());
}

export const evalOrShellInjection: Detector = {
  id: "eval-or-shell-injection",
  languages: ["javascript", "typescript", "tsx", "python", "go", "java"],
  category: "security",
  severity: "critical",
  confidence: 0.85,
  title: "Code or shell command built from runtime values",
  body:
    "A string assembled from runtime values is run as code or handed to a shell, so a value containing quotes, " +
    "`;`, `$( )` or backticks runs attacker-chosen commands on the server. Avoid the shell and the evaluator: pass " +
    'the program and its arguments as a list (`execFile("convert", [input, output])`, ' +
    '`subprocess.run(["convert", path], check=True)`, `exec.Command("convert", path)`, ' +
    '`new ProcessBuilder("convert", path)`), validate arguments against an allow-list, and parse data with ' +
    "`JSON.parse` / `ast.literal_eval` instead of `eval`.",
  prefilter: matchesAllPatterns([
    /\b(eval|exec|execSync|Function|runInNewContext|runInThisContext|system|popen|getoutput|getstatusoutput|subprocess|Command|CommandContext|ProcessBuilder)\b/,
  ]),
  detect: (input) => [
    ...findRuleHits(input, rules, (node, language) => language !== "go" || isGoShellArgumentDynamic(node)),
    ...findPromisifiedExecHits(input),
  ],
};
