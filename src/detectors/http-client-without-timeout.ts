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

const pythonVerbs = "get|post|put|patch|delete|head|options|request";
const pythonModuleCall = `(requests|httpx)\\.(${pythonVerbs})|httpx\\.(Client|AsyncClient)`;
// `session.get(…)`, `requests.Session().get(…)`, `self.session.post(…)`: judged against how the receiver was made.
const pythonMethodCall = `[\\w.()]+\\.(${pythonVerbs})`;
// `from requests import post` … `post(url)`.
const pythonBareCall = `(${pythonVerbs})`;

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
      regex: `^(${pythonModuleCall}|${pythonMethodCall}|${pythonBareCall}|urllib\\.request\\.urlopen|urlopen)$`,
    },
  },
  go: {
    any: [
      { kind: "call_expression", has: { field: "function", regex: "^http\\.(Get|Post|PostForm|Head)$" } },
      {
        kind: "call_expression",
        has: { field: "function", regex: "^http\\.DefaultClient\\.(Do|Get|Post|PostForm|Head)$" },
      },
      // `cli.Get(url)` on a client built as `&http.Client{}` without a Timeout (see isGoCallOnClientWithoutTimeout).
      {
        kind: "call_expression",
        has: {
          field: "function",
          kind: "selector_expression",
          has: { field: "field", regex: "^(Get|Head|Post|PostForm|Do)$" },
          not: { has: { field: "operand", regex: "^http$" } },
        },
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

/** How the call sets its timeout: not at all, explicitly to None (no timeout), or to something. */
function getPythonTimeout(node: SgNode): "missing" | "none" | "set" {
  const args = node.field("arguments")?.namedChildren() ?? [];
  for (const arg of args) {
    const kind = getKind(arg);
    if (kind === "dictionary_splat") return "set";
    if (kind === "keyword_argument" && arg.field("name")?.text() === "timeout")
      return arg.field("value")?.text() === "None" ? "none" : "set";
  }
  return "missing";
}

/**
 * requests (module functions, sessions, `from requests import post`) and urllib have no default timeout; httpx
 * has one (5 s), so an httpx call or client is reported only when it sets `timeout=None`.
 */
function isPythonCallWithoutTimeout(node: SgNode, text: string): boolean {
  const timeout = getPythonTimeout(node);
  if (timeout === "set") return false;
  const callee = node.field("function")?.text() ?? "";
  if (callee.startsWith("httpx.")) return timeout === "none";
  if (/^(requests\.|urllib\.request\.urlopen$|urlopen$)/.test(callee)) return true;
  const bare = /^(\w+)$/.exec(callee)?.[1];
  if (bare) return new RegExp(String.raw`^\s*from\s+requests\s+import\s+[^\n]*\b${bare}\b`, "m").test(text);
  const receiver = callee.slice(0, callee.lastIndexOf("."));
  if (/^requests\.[Ss]ession\(\)$/.test(receiver)) return true;
  if (/^httpx\.(Async)?Client\(/.test(receiver)) return timeout === "none";
  const name = receiver.replace(/^self\./, "");
  if (!/^\w+$/.test(name)) return false;
  // The receiver was made by requests.Session() in this file (assignment or `with … as name`).
  const made = new RegExp(
    String.raw`(?:\b${name}\s*=\s*requests\.[Ss]ession\(\)|requests\.[Ss]ession\(\)\s+as\s+${name}\b)`,
  );
  // An httpx client's calls inherit the client's timeout; the client is judged where it is made.
  return made.test(text);
}

/**
 * `http.Get` and `http.DefaultClient` have no timeout. A `cli.Get/Post/Do` call counts when `cli` was built in this
 * file as an `http.Client` literal without `Timeout` (the literal itself is then not reported again); a literal
 * that is not kept in a variable is reported where it is written.
 */
function isGoClientWithoutTimeout(node: SgNode, text: string): boolean {
  const kind = getKind(node);
  const clientLiteral = String.raw`&?http\.Client\s*\{(?![^}]*\bTimeout\s*:)[^}]*\}`;
  if (kind === "composite_literal") {
    if (node.text().match(/\bTimeout\s*:/)) return false;
    const parent = node.parent();
    const holder = parent && getKind(parent) === "unary_expression" ? parent.parent() : parent;
    const assigned =
      holder &&
      /^(expression_list|short_var_declaration|assignment_statement|var_spec)$/.test(getKind(holder));
    if (!assigned) return true;
    const name = /^\s*(\w+)\s*(?::=|=)/.exec(holder?.parent()?.text() ?? holder?.text() ?? "")?.[1];
    return !name || !new RegExp(String.raw`\b${name}\.(Get|Head|Post|PostForm|Do)\(`).test(text);
  }
  if (kind !== "call_expression") return true;
  const callee = node.field("function")?.text() ?? "";
  if (/^http\./.test(callee)) return true;
  const receiver = callee.slice(0, callee.lastIndexOf("."));
  if (!/^\w+$/.test(receiver)) return false;
  return new RegExp(String.raw`\b${receiver}\s*(?::=|=)\s*${clientLiteral}`).test(text);
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
    /\bfetch\s*\(|\baxios\b|\brequests\b|\bhttpx\b|urlopen|http\.(Get|Post|PostForm|Head)\(|http\.Client\s*\{|http\.DefaultClient|HttpClient\s*\.\s*new|new\s+RestTemplate\s*\(/,
  ]),
  detect: (input) =>
    // A global axios default covers every axios call of the file.
    findRuleHits(input, rules, (node, language) => {
      if (language === "js")
        return isJsCallWithoutTimeout(node) && !/axios\.defaults\.timeout\s*=/.test(input.text);
      if (language === "python") return isPythonCallWithoutTimeout(node, input.text);
      if (language === "go") return isGoClientWithoutTimeout(node, input.text);
      return true;
    }),
};
