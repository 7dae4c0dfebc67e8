import type { Rule, SgNode } from "@ast-grep/napi";
import { getKind, type ParsedLanguage } from "./context-rules.js";
import type { Detector } from "./detector.js";
import { findMatches } from "./find-matches.js";
import { findRuleHits } from "./find-rule-hits.js";
import { matchesAllPatterns } from "./prefilter.js";

const jsTimeoutKeyName = "^(timeout|signal)$";
const jsTimeoutKey: Rule = {
  any: [
    { kind: "pair", has: { field: "key", regex: jsTimeoutKeyName } },
    { kind: "shorthand_property_identifier", regex: jsTimeoutKeyName },
    { kind: "spread_element" },
  ],
};

const rules: Record<ParsedLanguage, Rule> = {
  js: {
    kind: "call_expression",
    any: [
      { has: { field: "function", kind: "identifier", regex: "^fetch$" } },
      {
        has: {
          field: "function",
          regex: "^axios(\\.(get|delete|head|options|post|put|patch|request|create))?$",
        },
      },
    ],
  },
  python: {
    kind: "call",
    has: {
      field: "function",
      regex:
        "^(requests\\.(get|post|put|patch|delete|head|options|request)|urllib\\.request\\.urlopen|urlopen)$",
    },
    not: {
      has: {
        field: "arguments",
        has: {
          any: [
            { kind: "keyword_argument", has: { field: "name", regex: "^timeout$" } },
            { kind: "dictionary_splat" },
          ],
        },
      },
    },
  },
  go: {
    any: [
      { kind: "call_expression", has: { field: "function", regex: "^http\\.(Get|Post|PostForm|Head)$" } },
      {
        kind: "call_expression",
        has: { field: "function", regex: "^http\\.DefaultClient\\.(Do|Get|Post|PostForm|Head)$" },
      },
      {
        kind: "composite_literal",
        has: { field: "type", regex: "^http\\.Client$" },
        not: {
          has: {
            field: "body",
            has: { kind: "keyed_element", regex: "^Timeout\\s*:" },
          },
        },
      },
    ],
  },
  java: {
    any: [
      { kind: "method_invocation", regex: "^HttpClient\\.newHttpClient\\(\\)$" },
      {
        kind: "method_invocation",
        has: { field: "name", regex: "^build$" },
        regex: "^HttpClient\\s*\\.\\s*newBuilder\\(\\)",
        not: { regex: "\\.connectTimeout\\(" },
      },
      { kind: "object_creation_expression", regex: "^new\\s+RestTemplate\\(\\s*\\)$" },
    ],
  },
};

/**
 * fetch(url) / fetch(url, { … no signal }) and axios calls whose config object sets no timeout. A config
 * passed as a variable is not judged: it may well carry one.
 */
function isJsCallWithoutTimeout(node: SgNode): boolean {
  const callee = node.field("function")?.text() ?? "";
  const args = node.field("arguments")?.namedChildren() ?? [];
  if (args.length === 0 && callee !== "axios.create") return false;
  const config = args[getConfigIndex(callee)];
  if (!config) return true;
  return getKind(config) === "object" && findMatches(config, jsTimeoutKey).length === 0;
}

function getConfigIndex(callee: string): number {
  if (callee === "axios" || callee === "axios.request" || callee === "axios.create") return 0;
  if (/^axios\.(post|put|patch)$/.test(callee)) return 2;
  return 1;
}

export const httpClientWithoutTimeout: Detector = {
  id: "http-client-without-timeout",
  // TSX is mostly browser code, where a hanging fetch does not tie up a server.
  languages: ["javascript", "typescript", "python", "go", "java"],
  category: "reliability",
  severity: "medium",
  confidence: 0.8,
  title: "Outbound HTTP call without a timeout",
  body:
    "This HTTP client has no timeout, so a slow or silent upstream holds the request (and its socket, memory " +
    "and any database transaction) open indefinitely; under load the service runs out of connections and fails " +
    "with the dependency. Set an explicit deadline: `fetch(url, { signal: AbortSignal.timeout(5000) })`, " +
    "`axios.create({ timeout: 5000 })`, `requests.get(url, timeout=(3.05, 10))`, " +
    "`&http.Client{Timeout: 10 * time.Second}` or a request context with a deadline, " +
    "`HttpClient.newBuilder().connectTimeout(…)` plus `HttpRequest.timeout(…)`.",
  prefilter: matchesAllPatterns([
    /\bfetch\s*\(|\baxios\b|\brequests\.|urlopen|http\.(Get|Post|PostForm|Head)\(|http\.Client\s*\{|http\.DefaultClient|HttpClient\s*\.\s*new|new\s+RestTemplate\s*\(/,
  ]),
  detect: (input) =>
    // A global axios default covers every axios call of the file.
    findRuleHits(
      input,
      rules,
      (node, language) =>
        language !== "js" ||
        (isJsCallWithoutTimeout(node) && !/axios\.defaults\.timeout\s*=/.test(input.text)),
    ),
};
