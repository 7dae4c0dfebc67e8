import type { Rule, SgNode } from "@ast-grep/napi";
import { type ParsedLanguage, toHit, toParsedLanguage } from "./context-rules.js";
import type { Detector, DetectorHit } from "./detector.js";
import { matchesAllPatterns } from "./prefilter.js";

const rules: Record<ParsedLanguage, Rule> = {
  js: {
    any: [
      {
        kind: "pair",
        has: { field: "key", regex: "^[\"']?(rejectUnauthorized|strictSSL)[\"']?$" },
        all: [{ has: { field: "value", regex: "^(false|0)$" } }],
      },
      {
        kind: "assignment_expression",
        has: { field: "left", regex: "NODE_TLS_REJECT_UNAUTHORIZED" },
        all: [{ has: { field: "right", regex: "^[\"'`]?0[\"'`]?$" } }],
      },
    ],
  },
  python: {
    any: [
      {
        kind: "keyword_argument",
        has: { field: "name", regex: "^verify$" },
        all: [{ has: { field: "value", regex: "^False$" } }],
        // PyJWT's verify=False is about signatures: jwt-without-verification reports it.
        not: {
          inside: {
            kind: "argument_list",
            inside: { kind: "call", regex: "^\\w*\\.?(jwt|decode)\\b|^decode\\(" },
          },
        },
      },
      { kind: "call", has: { field: "function", regex: "^ssl\\._create_unverified_context$" } },
      {
        // urllib3 / ssl.wrap_socket: certificates not required.
        kind: "keyword_argument",
        has: { field: "name", regex: "^cert_reqs$" },
        all: [
          {
            has: {
              field: "value",
              regex: "^(ssl\\.)?(CERT_NONE|CERT_OPTIONAL)$|^[\"'](NONE|CERT_NONE|OPTIONAL)[\"']$",
            },
          },
        ],
      },
      {
        kind: "assignment",
        any: [
          { regex: "\\.verify_mode\\s*=\\s*ssl\\.CERT_NONE$" },
          { regex: "\\.check_hostname\\s*=\\s*False$" },
          { regex: "\\.verify\\s*=\\s*False$" },
          { regex: "_create_default_https_context\\s*=\\s*ssl\\._create_unverified_context$" },
        ],
      },
    ],
  },
  go: {
    any: [
      { kind: "keyed_element", regex: "^InsecureSkipVerify\\s*:\\s*true$" },
      { kind: "assignment_statement", regex: "\\.InsecureSkipVerify\\s*=\\s*true$" },
    ],
  },
  java: {
    any: [
      // An X509TrustManager whose checkServerTrusted accepts every chain.
      {
        kind: "method_declaration",
        has: { field: "name", regex: "^checkServerTrusted$" },
        all: [{ has: { field: "body", regex: "^\\{\\s*(//[^\\n]*\\s*|/\\*[\\s\\S]*?\\*/\\s*)*\\}$" } }],
      },
      // A TrustStrategy that trusts every chain.
      {
        kind: "method_declaration",
        has: { field: "name", regex: "^isTrusted$" },
        all: [{ has: { field: "body", regex: "^\\{\\s*return\\s+true\\s*;\\s*\\}$" } }],
      },
      // A HostnameVerifier that returns true for every host.
      {
        kind: "method_declaration",
        has: { field: "name", regex: "^verify$" },
        all: [
          { has: { field: "parameters", regex: "SSLSession" } },
          { has: { field: "body", regex: "^\\{\\s*return\\s+true\\s*;\\s*\\}$" } },
        ],
      },
      {
        kind: "method_invocation",
        has: {
          field: "name",
          regex: "^(setHostnameVerifier|setDefaultHostnameVerifier|hostnameVerifier|setSSLHostnameVerifier)$",
        },
        all: [{ has: { field: "arguments", regex: "->\\s*true\\s*\\)$" } }],
      },
      {
        kind: "identifier",
        regex:
          "^(NoopHostnameVerifier|ALLOW_ALL_HOSTNAME_VERIFIER|TrustAllStrategy|InsecureTrustManagerFactory)$",
        not: { inside: { stopBy: "end", kind: "import_declaration" } },
      },
      {
        kind: "type_identifier",
        regex: "^(NoopHostnameVerifier|TrustAllStrategy)$",
        inside: { kind: "object_creation_expression" },
      },
      {
        kind: "method_invocation",
        has: { field: "name", regex: "^loadTrustMaterial$" },
        all: [{ has: { field: "arguments", regex: "->\\s*true\\s*\\)$" } }],
      },
    ],
  },
};

export const tlsVerificationDisabled: Detector = {
  id: "tls-verification-disabled",
  languages: ["javascript", "typescript", "tsx", "python", "go", "java"],
  category: "security",
  severity: "high",
  confidence: 0.95,
  title: "TLS certificate verification disabled",
  body:
    "Certificate or host-name verification is switched off here, so anyone on the network path can " +
    "impersonate the server and read or alter the traffic, credentials included. A flag added to get past a " +
    "self-signed certificate in development tends to reach production. Keep verification on and trust the " +
    'specific CA instead: `ca: fs.readFileSync(caPath)` / `NODE_EXTRA_CA_CERTS`, `verify="/path/ca.pem"`, ' +
    "`tls.Config{RootCAs: pool}`, or a trust store with the internal CA in Java.",
  prefilter: matchesAllPatterns([
    /cert_reqs|isTrusted|rejectUnauthorized|strictSSL|NODE_TLS_REJECT_UNAUTHORIZED|verify\s*=\s*False|_create_unverified_context|CERT_NONE|check_hostname|InsecureSkipVerify|checkServerTrusted|HostnameVerifier|NoopHostnameVerifier|ALLOW_ALL_HOSTNAME_VERIFIER|TrustAllStrategy|InsecureTrustManagerFactory|loadTrustMaterial|SSLSession/,
  ]),
  detect: (input) => {
    const language = toParsedLanguage(input.language);
    if (!language || !input.getRoot()) return [];
    const rule = rules[language];
    return rule ? input.findNodes(rule).map((node) => spanFromContainer(node, language)) : [];
  },
};

/** Kinds whose start is where the field's analysers report a disabled check: the config literal, the class. */
const containerKinds: Record<ParsedLanguage, ReadonlySet<string>> = {
  js: new Set(["object", "call_expression", "new_expression"]),
  python: new Set(["call"]),
  go: new Set(["composite_literal"]),
  // Java: from the class or statement that holds the trust-all method (a named class, an anonymous one
  // passed to `setDefaultHostnameVerifier`, a `TrustStrategy` variable) to the method itself.
  java: new Set([
    "class_declaration",
    "local_variable_declaration",
    "expression_statement",
    "field_declaration",
  ]),
};

/** The hit, widened back to the start of the literal or class that holds it (a few levels up at most). */
function spanFromContainer(node: SgNode, language: ParsedLanguage): DetectorHit {
  const hit = toHit(node);
  let current = node.parent();
  for (let depth = 0; current && depth < 7; depth++, current = current.parent()) {
    if (containerKinds[language].has(String(current.kind()))) {
      hit.startLine = Math.min(hit.startLine, current.range().start.line + 1);
      break;
    }
  }
  return hit;
}
