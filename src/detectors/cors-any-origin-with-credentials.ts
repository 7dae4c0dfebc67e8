import type { Rule } from "@ast-grep/napi";
import { functionRule, type ParsedLanguage } from "./context-rules.js";
import type { Detector } from "./detector.js";
import { findRuleHits } from "./find-rule-hits.js";
import { matchesAllPatterns } from "./prefilter.js";

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
  title: "CORS allows any origin together with credentials",
  body:
    "Any origin (or an echo of the request's Origin) is allowed while credentials are allowed too, so any " +
    "website a logged-in user visits can call this API with the user's cookies and read the responses. Allow " +
    'credentials only for an explicit list of trusted origins (`origin: ["https://app.example.com"]`, ' +
    '`origins=[…]`, `AllowOrigins: []string{…}`, `allowedOrigins("https://…")`) checked by exact match, and ' +
    "keep `*` for public, cookie-less endpoints.",
  prefilter: matchesAllPatterns([/credentials|Credentials|CREDENTIALS/]),
  detect: (input) => findRuleHits(input, rules),
};
