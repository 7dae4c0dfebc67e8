import type { Rule, SgNode } from "@ast-grep/napi";
import { functionRule, type ParsedLanguage, toParsedLanguage } from "./context-rules.js";
import type { Detector, DetectorHit, DetectorInput } from "./detector.js";
import { findRuleHits } from "./find-rule-hits.js";
import { statementStartLine, traceValue } from "./local-flow.js";
import { matchesAllPatterns } from "./prefilter.js";
import {
  callArguments,
  calleeName,
  calleeText,
  callRule,
  isPlainLiteral,
  traceIsConstant,
} from "./string-building.js";

/** `origin: true`, `"*"`, or a callback that approves (or echoes) every origin. */
const jsAnyOriginValue = String.raw`^(true|"\*"|'\*'|\[\s*["']\*["']\s*\]|/\.\*/|\(?\s*\w+\s*,\s*(\w+)\s*\)?\s*=>\s*\{?\s*(return\s+)?\w+\(\s*null\s*,\s*(true|\w+)\s*\)\s*;?\s*\}?)$`;
const allowOriginHeader = String.raw`(?i)["'\x60]access-control-allow-origin["'\x60]`;
const anyOriginHeaderValue = String.raw`(?i)["'\x60]\*["'\x60]\s*\)?$|headers\.origin|header\(\s*["']origin["']\s*\)|get\(\s*["']origin["']\s*\)|Header\.Get\(\s*"Origin"\s*\)|getHeader\(\s*"Origin"\s*\)`;
const credentialsHeaderTrue = String.raw`(?i)["'\x60]access-control-allow-credentials["'\x60]\s*,\s*["'\x60]?true`;

const javaStarArgument = String.raw`^\(\s*(List\.of\(|Arrays\.asList\(|Collections\.singletonList\()?\s*"\*"`;
const javaCredentialsTrue = String.raw`(allowCredentials|setAllowCredentials)\(\s*(true|Boolean\.TRUE)\s*\)$`;

const headerRule = (language: ParsedLanguage, callKind: string): Rule => ({
  kind: callKind,
  all: [{ regex: allowOriginHeader }, { regex: anyOriginHeaderValue }],
  inside: {
    stopBy: "end",
    ...functionRule[language],
    has: { stopBy: "end", kind: callKind, regex: credentialsHeaderTrue },
  },
});

const rules: Record<ParsedLanguage, Rule> = {
  js: {
    any: [
      {
        kind: "object",
        all: [
          { has: { kind: "pair", regex: "^[\"']?credentials[\"']?\\s*:\\s*true$" } },
          {
            has: {
              kind: "pair",
              has: { field: "key", regex: "^[\"']?origin[\"']?$" },
              all: [{ has: { field: "value", regex: jsAnyOriginValue } }],
            },
          },
        ],
      },
      headerRule("js", "call_expression"),
    ],
  },
  python: {
    any: [
      {
        // Flask-CORS: origins default to "*".
        kind: "call",
        has: { field: "function", regex: "^CORS$" },
        all: [
          {
            has: {
              field: "arguments",
              has: { kind: "keyword_argument", regex: "^supports_credentials\\s*=\\s*True$" },
            },
          },
          {
            any: [
              { not: { regex: "origins" } },
              { regex: "origins[\"']?\\s*[=:]\\s*(\\[\\s*)?[\"']\\*[\"']" },
            ],
          },
        ],
      },
      {
        // Starlette/FastAPI reflect the request's Origin when "*" is combined with credentials.
        kind: "call",
        has: {
          field: "arguments",
          has: { kind: "keyword_argument", regex: "^allow_credentials\\s*=\\s*True$" },
        },
        any: [
          { regex: "allow_origins\\s*=\\s*\\[\\s*[\"']\\*[\"']\\s*\\]" },
          { regex: "allow_origin_regex\\s*=\\s*r?[\"']\\.\\*[\"']" },
        ],
      },
      {
        // django-cors-headers settings.
        kind: "assignment",
        regex: "^(CORS_ALLOW_ALL_ORIGINS|CORS_ORIGIN_ALLOW_ALL)\\s*=\\s*True$",
        inside: {
          stopBy: "end",
          kind: "module",
          has: { stopBy: "end", kind: "assignment", regex: "^CORS_ALLOW_CREDENTIALS\\s*=\\s*True$" },
        },
      },
      headerRule("python", "call"),
      {
        kind: "assignment",
        regex: "(?i)\\[[\"']access-control-allow-origin[\"']\\]\\s*=\\s*[\"']\\*[\"']",
        inside: {
          stopBy: "end",
          kind: "function_definition",
          has: {
            stopBy: "end",
            kind: "assignment",
            regex: "(?i)\\[[\"']access-control-allow-credentials[\"']\\]\\s*=\\s*[\"']true",
          },
        },
      },
    ],
  },
  go: {
    any: [
      {
        kind: "literal_value",
        all: [
          { has: { kind: "keyed_element", regex: "^AllowCredentials\\s*:\\s*true$" } },
          {
            has: {
              kind: "keyed_element",
              any: [
                { regex: "^AllowAllOrigins\\s*:\\s*true$" },
                { regex: '^(AllowOrigins|AllowedOrigins)\\s*:\\s*\\[\\]string\\s*\\{[^}]*"\\*"' },
                {
                  regex:
                    "^(AllowOriginFunc|AllowOriginRequestFunc)\\s*:\\s*func\\([^)]*\\)\\s*bool\\s*\\{\\s*return\\s+true\\s*\\}$",
                },
              ],
            },
          },
        ],
      },
      headerRule("go", "call_expression"),
    ],
  },
  java: {
    any: [
      {
        // Spring's CorsRegistration chain: credentials must be allowed in the same chain.
        kind: "method_invocation",
        has: { field: "name", regex: "^(allowedOrigins|allowedOriginPatterns)$" },
        all: [{ has: { field: "arguments", regex: javaStarArgument } }],
        inside: {
          stopBy: "end",
          any: [
            { kind: "expression_statement" },
            { kind: "return_statement" },
            { kind: "variable_declarator" },
          ],
          has: { stopBy: "end", kind: "method_invocation", regex: javaCredentialsTrue },
        },
      },
      {
        // CorsConfiguration setters: credentials set anywhere in the same method.
        kind: "method_invocation",
        has: {
          field: "name",
          regex: "^(addAllowedOrigin|addAllowedOriginPattern|setAllowedOrigins|setAllowedOriginPatterns)$",
        },
        all: [{ has: { field: "arguments", regex: javaStarArgument } }],
        inside: {
          stopBy: "end",
          kind: "method_declaration",
          has: { stopBy: "end", kind: "method_invocation", regex: javaCredentialsTrue },
        },
      },
      {
        any: [{ kind: "annotation" }],
        regex: "^@CrossOrigin\\(",
        all: [{ regex: 'origins\\s*=\\s*\\{?\\s*"\\*"' }, { regex: 'allowCredentials\\s*=\\s*"true"' }],
      },
      headerRule("java", "method_invocation"),
    ],
  },
};

export const corsAnyOriginWithCredentials: Detector = {
  id: "cors-any-origin-with-credentials",
  languages: ["javascript", "typescript", "tsx", "python", "go", "java"],
  category: "security",
  severity: "high",
  confidence: 0.9,
  title: "CORS allows any origin",
  body:
    "Any origin (or an echo of the request's Origin) is allowed. With credentials allowed too, any website a " +
    "logged-in user visits can call this API with the user's cookies and read the responses; without them, " +
    "any site can still read whatever the endpoint returns to an anonymous caller or from the internal network. Allow " +
    'credentials only for an explicit list of trusted origins (`origin: ["https://app.example.com"]`, ' +
    '`origins=[…]`, `AllowOrigins: []string{…}`, `allowedOrigins("https://…")`) checked by exact match, and ' +
    "keep `*` for public, cookie-less endpoints.",
  prefilter: matchesAllPatterns([
    /access-control-allow-origin|\bcors\b|enableCors|allowedOrigins|AllowedOrigins|AllowOrigins|AllowAllOrigins|CrossOrigin|allow_origins|CORS|addAllowedOrigin|setAllowedOrigins/i,
  ]),
  detect: (input) => [...findRuleHits(input, rules), ...findAnyOriginHits(input)],
};

/** Credentials allowed anywhere in the file: the any-origin finding is then severe. */
const credentialsVisible =
  /allow_credentials\s*=\s*True|supports_credentials\s*=\s*True|credentials\s*:\s*true|AllowCredentials\s*:\s*true|allowCredentials\s*\(\s*true|setAllowCredentials\s*\(\s*(true|Boolean\.TRUE)|allowCredentials\s*=\s*"true"|CORS_ALLOW_CREDENTIALS\s*=\s*True|access-control-allow-credentials["'`]\s*[,:]\s*["'`]?true/i;

const allowOriginName = /^["'`]access-control-allow-origin["'`]$/i;
/** A header value that admits every origin: `*`, `null`, a wildcard pattern. */
const anyOriginLiteral = /^["'`](\*|null|\*\.[^"'`]*)["'`]$/i;

/**
 * Any origin allowed, with or without credentials: a header set to `*`/`null` or echoing a runtime value
 * (the request's Origin), framework settings that admit every origin (`cors()`, `enableCors()`,
 * `allow_origins=["*"]`, `AllowAllOrigins: true`, `@CrossOrigin`, `allowedOrigins("*")`). Without visible
 * credentials the hit is medium: any site can read the responses, which is fine only for public data.
 */
function findAnyOriginHits(input: DetectorInput): DetectorHit[] {
  const language = toParsedLanguage(input.language);
  if (!language || !input.getRoot()) return [];
  const hits: DetectorHit[] = [];
  const add = (node: SgNode, startLine: number, reflected: boolean) => {
    // Credentials in the same statement (a cors call's options, a config literal, a CORS chain) or, for
    // settings modules (django), the same file make it severe; another route's credentials do not.
    const settings = language === "python" && String(node.kind()) === "assignment";
    const severe = credentialsVisible.test(settings ? input.text : statementText(node));
    hits.push({
      startLine: Math.min(startLine, node.range().start.line + 1),
      endLine: node.range().end.line + 1,
      ...(severe ? {} : { severity: "medium" as const, confidence: 0.6 }),
      detail: reflected
        ? "The allowed origin echoes a runtime value (typically the request's Origin), which admits every site."
        : severe
          ? "Every origin is allowed."
          : "Every origin is allowed; no credentials are allowed in this file, so this is safe only for public, cookie-less data.",
    });
  };
  const judgeValue = (value: SgNode): "any" | "reflected" | undefined => {
    if (anyOriginLiteral.test(value.text().trim())) return "any";
    if (isPlainLiteral(value)) return undefined;
    const trace = traceValue(value, language);
    if (
      trace.origins.some(
        (o) =>
          anyOriginLiteral.test(o.node.text().trim()) || /^\[\s*["']\*["']\s*\]$/.test(o.node.text().trim()),
      )
    )
      return "any";
    if (traceIsConstant(trace)) return undefined;
    return "reflected";
  };
  // Header calls: setHeader/header/set/add/addHeader/writeHead('Access-Control-Allow-Origin', v), Nest's @Header.
  for (const call of input.findNodes(callRule[language])) {
    const args = callArguments(call);
    const [name, value] = args;
    if (name && value && allowOriginName.test(name.text().trim())) {
      const verdict = judgeValue(value);
      if (verdict) add(call, containerStartLine(call, language), verdict === "reflected");
      continue;
    }
    const callee = calleeText(call, language).replace(/\s+/g, "");
    if (language === "js") {
      const options = args.find((a) => a.kind() === "object");
      if (/^(cors|Cors)$/.test(callee) && args.length === 0) add(call, call.range().start.line + 1, false);
      else if (
        /(^|\.)enableCors$/.test(callee) &&
        (args.length === 0 || (options && anyOriginOption(options)))
      )
        add(call, call.range().start.line + 1, false);
      else if (/^(cors|Cors)$/.test(callee) && options && anyOriginOption(options))
        add(call, call.range().start.line + 1, false);
      else if (
        /^NestFactory\.create$/.test(callee) &&
        /\bcors\s*:\s*(true|\{[^}]*origin\s*:\s*(["'`]\*["'`]|true))/.test(call.text())
      )
        add(call, call.range().start.line + 1, false);
    } else if (language === "python") {
      if (
        /^(CORS|cors\.CORS|flask_cors\.CORS)$/.test(callee) &&
        !/\b(origins|resources)\s*=/.test(call.text())
      )
        add(call, statementStartLine(call), false);
    } else if (language === "go") {
      if (/^(cors\.Default|cors\.AllowAll)$/.test(callee)) add(call, statementStartLine(call), false);
      else if (/^handlers\.AllowedOrigins$/.test(callee) && /"\*"/.test(call.text()))
        add(call, statementStartLine(call), false);
    } else if (language === "java") {
      const method = calleeName(call, language);
      if (
        /^(allowedOrigins|allowedOriginPatterns|addAllowedOrigin|addAllowedOriginPattern|setAllowedOrigins|setAllowedOriginPatterns)$/.test(
          method,
        ) &&
        /^\(\s*(List\.of\(|Arrays\.asList\(|Collections\.singletonList\()?\s*"\*"/.test(
          call.field("arguments")?.text() ?? "",
        )
      )
        add(call, statementStartLine(call), false);
    }
  }
  // Object pairs and keyword arguments: {'Access-Control-Allow-Origin': v}, allow_origins=["*"], AllowAllOrigins: true.
  if (language === "js") {
    for (const pair of input.findNodes({ kind: "pair" })) {
      const key = pair.field("key");
      const value = pair.field("value");
      if (!key || !value || !allowOriginName.test(key.text().trim())) continue;
      const verdict = judgeValue(value);
      if (verdict) add(pair, statementStartLine(pair), verdict === "reflected");
    }
  } else if (language === "python") {
    for (const keyword of input.findNodes({ kind: "keyword_argument", regex: "^allow_origins\\s*=" })) {
      const value = keyword.field("value");
      if (value && judgeValue(value) === "any") add(keyword, keyword.range().start.line + 1, false);
    }
    for (const assignment of input.findNodes({
      kind: "assignment",
      regex: "^(CORS_ALLOW_ALL_ORIGINS|CORS_ORIGIN_ALLOW_ALL)\\s*=\\s*True$",
    }))
      add(assignment, assignment.range().start.line + 1, false);
    for (const assignment of input.findNodes({
      kind: "assignment",
      regex: "(?i)^[\\w.]+\\[[\"']access-control-allow-origin[\"']\\]\\s*=",
    })) {
      const value = assignment.field("right");
      const verdict = value ? judgeValue(value) : undefined;
      if (verdict) add(assignment, assignment.range().start.line + 1, verdict === "reflected");
    }
  } else if (language === "go") {
    for (const element of input.findNodes({
      kind: "keyed_element",
      regex:
        '^(AllowAllOrigins\\s*:\\s*true|(AllowOrigins|AllowedOrigins)\\s*:\\s*\\[\\]string\\s*\\{[^}]*"\\*")',
    }))
      add(element, element.range().start.line + 1, false);
  } else if (language === "java") {
    for (const annotation of input.findNodes({
      any: [{ kind: "annotation" }, { kind: "marker_annotation" }],
      regex: "^@CrossOrigin\\b",
    })) {
      const text = annotation.text();
      if (/origins\s*=|value\s*=|@CrossOrigin\(\s*"/.test(text) && !/"\*"/.test(text)) continue;
      add(annotation, annotation.range().start.line + 1, false);
    }
  }
  return hits;
}

/** The text of the statement around a node (a few levels up at most). */
function statementText(node: SgNode): string {
  let current: SgNode | null = node;
  for (let depth = 0; current && depth < 8; depth++, current = current.parent()) {
    if (
      /(_statement|_declaration|^expression_statement|^local_variable_declaration)$/.test(
        String(current.kind()),
      )
    )
      return current.text();
  }
  return node.text();
}

/** `{ origin: "*" }`, `{ origin: true }`: the cors package's and Nest's spelling of every origin. */
function anyOriginOption(options: SgNode): boolean {
  return (
    /\borigin\s*:\s*(["'`]\*["'`]|true)\b/.test(options.text()) ||
    /\borigin\s*:\s*["'`]\*["'`]/.test(options.text())
  );
}

/** Where the field's analysers report a header call: the Java method or the decorated class around it. */
function containerStartLine(node: SgNode, language: ParsedLanguage): number {
  const kinds =
    language === "java" ? /^(method_declaration|constructor_declaration)$/ : /^(class_declaration)$/;
  if (language === "js" && node.parent()?.kind() !== "decorator") return statementStartLine(node);
  let current = node.parent();
  for (let depth = 0; current && depth < 12; depth++, current = current.parent()) {
    if (kinds.test(String(current.kind()))) {
      // `@Controller() export class …`: the decorators belong to the export statement.
      const parent = current.parent();
      const holder = parent && String(parent.kind()) === "export_statement" ? parent : current;
      return holder.range().start.line + 1;
    }
  }
  return statementStartLine(node);
}
