import type { Rule, SgNode } from "@ast-grep/napi";
import { insideHandler, type ParsedLanguage, toHit, toParsedLanguage } from "./context-rules.js";
import type { Detector, DetectorHit, DetectorInput } from "./detector.js";
import { getNodeKind, getNodeText, matchesRule } from "./find-matches.js";
import { requestInputPattern, statementStartLine, traceValue, webRequestInputPattern } from "./local-flow.js";
import { matchesAllPatterns } from "./prefilter.js";
import {
  callArguments,
  calleeName,
  calleeText,
  callRule,
  isBuiltOrigin,
  isPlainLiteral,
  keywordArguments,
  traceIsConstant,
} from "./string-building.js";

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

/** Programs that run their arguments as code: a shell, or an interpreter given a script. */
const interpreterPattern =
  /^["'`]?((\/usr)?\/bin\/)?(sh|bash|zsh|ksh|dash|cmd(\.exe)?|powershell(\.exe)?|pwsh|python[\d.]*|node|perl|ruby|php)["'`]?$/;
const envPattern = /^["'`]?(\/usr)?\/bin\/env["'`]?$/;

/** What a sink call runs and how: `shell` (one string to a shell), `argv` (program + arguments), `code`. */
type SinkKind = "shell" | "argv" | "code";

const sinkCatalogue: Record<ParsedLanguage, [RegExp, SinkKind, number][]> = {
  // [callee (as written), kind, index of the first argument that matters]
  js: [
    [
      /^((window|globalThis|global)\.)?(eval|(vm\.)?runInNewContext|(vm\.)?runInThisContext|(vm\.)?runInContext|(new)?Function|(new)?(vm\.)?Script)$/,
      "code",
      0,
    ],
    [/^((child_?[pP]rocess|cp|childProcess|proc|shell|shelljs|sh)\.)?(exec|execSync)$/, "shell", 0],
    [
      /^((child_?[pP]rocess|cp|childProcess|proc)\.)?(spawn|spawnSync|execFile|execFileSync|fork)$/,
      "argv",
      0,
    ],
  ],
  python: [
    [/^(eval|exec)$/, "code", 0],
    [
      /^(os\.system|os\.popen[234]?|popen2\.popen[234]|subprocess\.getoutput|subprocess\.getstatusoutput|commands\.getoutput|commands\.getstatusoutput|asyncio(\.subprocess)?\.create_subprocess_shell)$/,
      "shell",
      0,
    ],
    [/^[\w.]*loop\.subprocess_shell$/, "shell", 1],
    [/^[\w.]*loop\.subprocess_exec$/, "argv", 1],
    [
      /^(subprocess\.(run|call|check_call|check_output|Popen)|asyncio(\.subprocess)?\.create_subprocess_exec|os\.exec[lv]p?e?|os\.posix_spawnp?)$/,
      "argv",
      0,
    ],
    [/^os\.spawn[lv]p?e?$/, "argv", 1],
  ],
  go: [
    [/^exec\.Command$/, "argv", 0],
    [/^exec\.CommandContext$/, "argv", 1],
    [/^syscall\.(Exec|ForkExec|StartProcess)$/, "argv", 0],
  ],
  java: [
    [/(^|\.)getRuntime\(\)\.(exec|load|loadLibrary)$/, "shell", 0],
    [/^new\s*ProcessBuilder$/, "argv", 0],
  ],
};

/** Java: variables holding `Runtime.getRuntime()` and `ProcessBuilder`s, whose `exec`/`command` calls are sinks too. */
function javaReceiverKind(call: SgNode): SinkKind | undefined {
  const name = calleeName(call, "java");
  const object = call.field("object");
  if (!object || !/^(exec|command|load|loadLibrary)$/.test(name)) return undefined;
  if (getNodeKind(object) !== "identifier") return undefined;
  const trace = traceValue(object, "java", 1);
  const text = trace.origins.map((o) => getNodeText(o.node)).join(" ");
  if (name === "exec" && /getRuntime\(\)|\bRuntime\b/.test(text)) return "shell";
  if (name === "command" && /ProcessBuilder/.test(text + getNodeText(object))) return "argv";
  if (name === "exec" && /^(runtime|rt|r)$/i.test(getNodeText(object))) return "shell";
  if (/^(load|loadLibrary)$/.test(name) && /getRuntime\(\)|\bRuntime\b/.test(text)) return "shell";
  return undefined;
}

/** Python's dynamic spellings of a module function: `getattr(os, "system")`, `__import__("os").system`, one alias hop. */
function normalizePythonCallee(call: SgNode, callee: string): string {
  let text = callee;
  const fn = call.field("function");
  if (fn && getNodeKind(fn) === "identifier") {
    const origin = traceValue(fn, "python", 1).origins[1];
    if (origin) text = getNodeText(origin.node);
  } else if (fn && getNodeKind(fn) === "attribute") {
    const object = fn.field("object");
    const origin =
      object && getNodeKind(object) === "identifier" ? traceValue(object, "python", 1).origins[1] : undefined;
    if (origin) text = `${getNodeText(origin.node)}.${fn.field("attribute")?.text() ?? ""}`;
  }
  for (let i = 0; i < 3; i++) {
    const before = text;
    text = text.replace(/__import__\(\s*["'](\w+)["']\s*\)/g, "$1");
    text = text.replace(/getattr\(\s*([\w.]+)\s*,\s*["'](\w+)["']\s*\)/g, "$1.$2");
    if (text === before) break;
  }
  return text;
}

function sinkOf(call: SgNode, language: ParsedLanguage): [SinkKind, number] | undefined {
  let callee = calleeText(call, language).replace(/\s+/g, "");
  if (language === "python") callee = normalizePythonCallee(call, callee).replace(/\s+/g, "");
  for (const [pattern, kind, index] of sinkCatalogue[language])
    if (pattern.test(callee)) return [kind, index];
  if (language === "java") {
    const kind = javaReceiverKind(call);
    if (kind) return [kind, 0];
  }
  return undefined;
}

interface Verdict {
  /** Built from non-literals, or read from the request: the classic injection. */
  built: boolean;
  /** Not a constant (a parameter, a field, a call result). */
  variable: boolean;
  /** Request input (query, body, params, headers, argv…) reaches the value. */
  fromRequest: boolean;
  startLine: number;
}

function judge(node: SgNode, language: ParsedLanguage): Verdict {
  const trace = traceValue(node, language);
  const inputOrigins = trace.origins.filter((o) => requestInputPattern.test(getNodeText(o.node)));
  const builtOrigins = trace.origins.filter((o) => isBuiltOrigin(o, language) || inputOrigins.includes(o));
  const startLine = Math.min(node.range().start.line + 1, ...builtOrigins.map((o) => o.line));
  return {
    built: builtOrigins.length > 0,
    variable: !traceIsConstant(trace),
    fromRequest: inputOrigins.some((o) => webRequestInputPattern.test(getNodeText(o.node))),
    startLine,
  };
}

/**
 * Critical only when the value visibly comes from a request (or the sink sits in a request handler); built
 * from a parameter of unknown origin (a CLI argument, a config value) it is high; a plain variable is high
 * with low confidence.
 */
function severityOf(
  verdict: Verdict,
  call: SgNode,
  language: ParsedLanguage,
): Pick<DetectorHit, "severity" | "confidence"> {
  if (!verdict.built) return { severity: "high", confidence: 0.6 };
  if (verdict.fromRequest || matchesRule(call, insideHandler(language))) return {};
  return { severity: "high", confidence: 0.75 };
}

const listKinds = new Set([
  "array",
  "list",
  "tuple",
  "array_creation_expression",
  "composite_literal",
  "array_initializer",
]);

/** The elements of an argument vector: a list literal's items, or the call's own arguments from `index` on. */
function argumentVector(call: SgNode, index: number, language: ParsedLanguage): SgNode[] {
  const args = callArguments(call).slice(index);
  const first = args[0];
  if (first && listKinds.has(getNodeKind(first))) {
    const items = first.namedChildren();
    const init = items.find(
      (c) => getNodeKind(c) === "array_initializer" || getNodeKind(c) === "literal_value",
    );
    return (init ? init.namedChildren() : items).filter((c) => getNodeKind(c) !== "comment");
  }
  if (
    first &&
    language === "java" &&
    args.length === 1 &&
    /^(Arrays\.asList|List\.of)\(/.test(getNodeText(first))
  )
    return callArguments(first);
  return args;
}

function isShellTrue(call: SgNode, language: ParsedLanguage): boolean {
  if (language === "python") return /^True$/.test(getNodeText(keywordArguments(call).get("shell") ?? call));
  if (language === "js") return /\bshell\s*:\s*(true|["'`])/.test(getNodeText(call));
  return false;
}

function checkCall(call: SgNode, language: ParsedLanguage): DetectorHit | undefined {
  const sink = sinkOf(call, language);
  if (!sink) return undefined;
  const [kind, index] = sink;
  const end = call.range().end.line + 1;
  const report = (verdict: Verdict, what: string): DetectorHit => ({
    startLine: verdict.startLine,
    endLine: end,
    ...severityOf(verdict, call, language),
    detail: what,
  });
  const shellArg = callArguments(call)[index];
  if ((kind === "code" || kind === "shell") && !(shellArg && listKinds.has(getNodeKind(shellArg)))) {
    // `new Function(a, b, body)`: the body is the last argument.
    const arg = /Function$/.test(calleeText(call, language)) ? callArguments(call).at(-1) : shellArg;
    if (!arg) return undefined;
    const verdict = judge(arg, language);
    if (!verdict.variable && !verdict.built) return undefined;
    return report(
      verdict,
      kind === "code" ? "A runtime value is evaluated as code." : "A runtime value is run by a shell.",
    );
  }
  // argv: a variable program, a shell or interpreter with a variable script, or shell=True with a variable string.
  const vector = argumentVector(call, index, language);
  const program = vector[0];
  if (!program) return undefined;
  const firstArg = callArguments(call)[index];
  if (firstArg && !listKinds.has(getNodeKind(firstArg)) && (language === "python" || language === "js")) {
    const verdict = judge(firstArg, language);
    if (language === "python" && (verdict.built || (isShellTrue(call, language) && verdict.variable)))
      return report(verdict, "A command string built at runtime is run by a shell.");
    if (language === "js" && isShellTrue(call, language))
      return {
        ...report(
          verdict,
          "The command runs through a shell (`shell: true`): any value in it is parsed by the shell.",
        ),
        ...(verdict.variable ? {} : { severity: "medium" as const, confidence: 0.5 }),
      };
  }
  if (getNodeKind(program) === "list_splat" || getNodeKind(program) === "spread_element") {
    const verdict = judge(program.namedChildren()[0] ?? program, language);
    return verdict.variable ? report(verdict, "The program to run comes from a runtime value.") : undefined;
  }
  const programVerdict = judge(program, language);
  if (programVerdict.variable && !isPlainLiteral(program)) {
    const trace = traceValue(program, language);
    const constantShell = trace.origins.some((o) => interpreterPattern.test(getNodeText(o.node)));
    if (!constantShell) return report(programVerdict, "The program to run comes from a runtime value.");
  }
  const programText = traceValue(program, language)
    .origins.map((o) => getNodeText(o.node))
    .find((t) => interpreterPattern.test(t) || envPattern.test(t));
  if (programText === undefined) return undefined;
  let rest = vector.slice(1);
  if (envPattern.test(programText)) {
    if (!rest[0] || !interpreterPattern.test(getNodeText(rest[0]))) return undefined;
    rest = rest.slice(1);
  }
  if (rest.length === 0 && firstArg && !listKinds.has(getNodeKind(firstArg))) {
    // `spawn("sh", args)`: the arguments come as one array value.
    const arrayArg = callArguments(call)[index + 1];
    if (arrayArg) rest = listKinds.has(getNodeKind(arrayArg)) ? arrayArg.namedChildren() : [arrayArg];
  }
  for (const arg of rest) {
    if (isPlainLiteral(arg)) continue;
    if (getNodeKind(arg) === "object" || getNodeKind(arg) === "dictionary") continue;
    const verdict = judge(arg, language);
    if (verdict.variable || verdict.built)
      return report(verdict, "A shell or interpreter runs a script built from runtime values.");
  }
  return undefined;
}

function findSinkHits(input: DetectorInput): DetectorHit[] {
  const language = toParsedLanguage(input.language);
  if (!language || !input.getRoot()) return [];
  const hits: DetectorHit[] = [];
  for (const call of input.findNodes(callRule[language])) {
    const hit = checkCall(call, language);
    if (hit) hits.push({ ...hit, startLine: Math.min(hit.startLine, statementStartLine(call)) });
  }
  if (language === "go") hits.push(...findGoCmdLiterals(input));
  return hits;
}

/** Go: `&exec.Cmd{Path: p, Args: []string{…}}` with a variable program, or a shell given a variable script. */
function findGoCmdLiterals(input: DetectorInput): DetectorHit[] {
  const hits: DetectorHit[] = [];
  for (const literal of input.findNodes({
    kind: "composite_literal",
    has: { field: "type", regex: "^exec\\.Cmd$" },
  })) {
    const fields = new Map<string, SgNode>();
    for (const element of literal.field("body")?.namedChildren() ?? []) {
      const [key, value] = element.namedChildren();
      if (key && value) fields.set(getNodeText(key).trim(), value.namedChildren()[0] ?? value);
    }
    const path = fields.get("Path");
    const args = fields.get("Args");
    const start = statementStartLine(literal);
    const end = literal.range().end.line + 1;
    const pathVerdict = path ? judge(path, "go") : undefined;
    if (pathVerdict?.variable) {
      hits.push({
        startLine: Math.min(start, pathVerdict.startLine),
        endLine: end,
        detail: "The program to run comes from a runtime value.",
      });
      continue;
    }
    if (!args) continue;
    const trace = traceValue(args, "go");
    const vector = trace.origins.find((o) => getNodeKind(o.node) === "composite_literal")?.node;
    const items = vector?.field("body")?.namedChildren() ?? [];
    const texts = items.map((i) =>
      traceValue(i, "go")
        .origins.map((o) => getNodeText(o.node))
        .join(" "),
    );
    const shellAt = texts.findIndex((t) =>
      /(^|\s|\()"?((\/usr)?\/bin\/)?(sh|bash|zsh|cmd)"?(\s|\)|$)/.test(t),
    );
    if (shellAt < 0 || !/^"(-c|\/[cC])"$/.test(getNodeText(items[shellAt + 1] ?? literal))) continue;
    const script = items[shellAt + 2];
    const verdict = script ? judge(script, "go") : undefined;
    if (verdict?.variable)
      hits.push({
        startLine: start,
        endLine: end,
        detail: "A shell runs a script built from runtime values.",
      });
  }
  return hits;
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
    /\b(eval|exec\w*|execSync|Function|runIn\w*Context|Script|system|popen\d?|getoutput|getstatusoutput|subprocess\w*|spawn\w*|execFile\w*|fork|Command|CommandContext|Exec|ForkExec|StartProcess|ProcessBuilder|command|posix_spawnp?)\b/,
  ]),
  detect: (input) => [...findSinkHits(input), ...findPromisifiedExecHits(input)],
};
