import type { Rule, SgNode } from "@ast-grep/napi";
import { functionRule, insideHandler, type ParsedLanguage, toParsedLanguage } from "./context-rules.js";
import type { Detector, DetectorHit, DetectorInput } from "./detector.js";
import { findRuleHits } from "./find-rule-hits.js";
import { statementStartLine, traceValue } from "./local-flow.js";
import { matchesAllPatterns } from "./prefilter.js";
import { keywordArguments } from "./string-building.js";

const rules: Record<ParsedLanguage, Rule> = {
  js: {
    any: [
      {
        // jwt.decode trusts whatever the client sent; fine only next to a jwt.verify (e.g. reading `kid`).
        kind: "call_expression",
        has: { field: "function", regex: "^(jwt|jsonwebtoken|JWT|jsonwebtoken\\.default)\\.decode$" },
        ...insideHandler("js"),
        not: {
          inside: {
            stopBy: "end",
            ...functionRule.js,
            has: { stopBy: "end", kind: "call_expression", regex: "^(jwt|jsonwebtoken|JWT)\\.verify\\(" },
          },
        },
      },
      {
        kind: "call_expression",
        has: { field: "function", regex: "^(jwt|jsonwebtoken|JWT)\\.verify$" },
        not: {
          has: {
            field: "arguments",
            has: {
              stopBy: "end",
              any: [
                { kind: "pair", has: { field: "key", regex: "^[\"']?algorithms[\"']?$" } },
                { kind: "shorthand_property_identifier", regex: "^algorithms$" },
                { kind: "spread_element" },
              ],
            },
          },
        },
        // An options object passed as a variable may carry `algorithms`.
        all: [
          {
            not: {
              has: { field: "arguments", has: { nthChild: 3, kind: "identifier", regex: "(?i)opt|config" } },
            },
          },
        ],
      },
    ],
  },
  python: {
    any: [
      {
        kind: "call",
        has: { field: "function", regex: "^(jwt|pyjwt)\\.decode$" },
        any: [
          { has: { field: "arguments", regex: "[\"']verify_signature[\"']\\s*:\\s*False" } },
          { has: { field: "arguments", has: { kind: "keyword_argument", regex: "^verify\\s*=\\s*False$" } } },
        ],
      },
      {
        kind: "call",
        has: { field: "function", regex: "^(jwt|jose\\.jwt)\\.get_unverified_claims$" },
        ...insideHandler("python"),
      },
    ],
  },
  go: {
    any: [
      {
        kind: "call_expression",
        has: { field: "function", regex: "^(jwt|jwtgo|jwt4|jwt5)\\.(Parse|ParseWithClaims)$" },
        all: [
          {
            has: {
              field: "arguments",
              has: { kind: "func_literal", not: { regex: "\\.Method\\b|\\.Alg\\(\\)" } },
            },
          },
          { not: { has: { field: "arguments", regex: "WithValidMethods" } } },
        ],
      },
      { kind: "call_expression", has: { field: "function", regex: "\\.ParseUnverified$" } },
    ],
  },
  java: {
    any: [
      {
        kind: "method_invocation",
        regex: "^JWT\\.decode\\(",
        not: {
          inside: {
            stopBy: "end",
            kind: "method_declaration",
            has: { stopBy: "end", kind: "method_invocation", regex: "^JWT\\s*\\.\\s*require\\(" },
          },
        },
      },
      {
        kind: "method_invocation",
        has: { field: "name", regex: "^(parseClaimsJwt|parseUnsecuredClaims|parseUnsecuredContent)$" },
      },
    ],
  },
};

export const jwtWithoutVerification: Detector = {
  id: "jwt-without-verification",
  languages: ["javascript", "typescript", "tsx", "python", "go", "java"],
  category: "security",
  severity: "critical",
  confidence: 0.85,
  title: "JWT accepted without verifying its signature or algorithm",
  body:
    "The token is decoded without a signature check, or verified without pinning the accepted algorithms, so " +
    "a client can forge claims (an unsigned token, `alg: none`, or an HMAC token signed with the public key) " +
    "and be treated as any user. Verify before trusting any claim and pin the algorithm: " +
    '`jwt.verify(token, key, { algorithms: ["RS256"] })`, `jwt.decode(token, key, algorithms=["RS256"])`, ' +
    '`jwt.Parse(s, keyFunc, jwt.WithValidMethods([]string{"RS256"}))` or a keyfunc that checks `token.Method`, ' +
    "`JWT.require(alg).build().verify(token)` / `Jwts.parser().verifyWith(key)`.",
  prefilter: matchesAllPatterns([
    /\b(jwt|jsonwebtoken|JWT|JWK|jwtgo|jwt4|jwt5|pyjwt|Jwts|ParseUnverified|Algorithm|SignatureAlgorithm|secretOrKey|jws|signWith|hmacShaKeyFor|SignedString)\b/,
  ]),
  detect: (input) => [
    // jwt-simple's `decode(token, key)` verifies (its third argument `true` switches that off).
    ...findRuleHits(input, rules, (node) => !verifyingSimpleDecode.test(node.text()))
      .map((hit) =>
        unpinnedVerify.test(input.text.split("\n")[hit.startLine - 1] ?? "")
          ? unpinnedSeverity(hit, input.text)
          : hit,
      )
      .filter((hit): hit is DetectorHit => hit !== undefined),
    // alg none: from the statement that builds or verifies the token.
    ...input
      .findNodes(algorithmNoneRules[toParsedLanguage(input.language) ?? "js"] ?? { kind: "__none__" })
      .map((node) => ({ startLine: statementStartLine(node), endLine: node.range().end.line + 1 })),
    ...findUnverifiedOptionFlows(input),
    ...findRuleHits(
      input,
      decodeOutsideHandlerRules,
      (node) => !verifyingSimpleDecode.test(node.text()) && !readsOnlyMetadata(node),
    ).map((hit) => ({
      ...hit,
      severity: "high" as const,
      confidence: 0.6,
      detail: "The decoded claims are not verified in this function; if they decide access, verify first.",
    })),
  ],
};

/** `jwt.verify(token, key)` without `algorithms`: verified, but the algorithm is the token's choice. */
const unpinnedVerify = /\b(jwt|jsonwebtoken|JWT)\.verify\s*\(/;

/**
 * An unpinned verify is a hardening gap, not a bypass: current jsonwebtoken rejects `none` and derives the
 * algorithms from the key's type. It matters most with a public key (RS256 → HS256 confusion on old versions).
 */
function unpinnedSeverity(hit: DetectorHit, text: string): DetectorHit | undefined {
  const line = text
    .split("\n")
    .slice(hit.startLine - 1, hit.endLine)
    .join(" ");
  // With a shared secret, current libraries derive the algorithms from the key: nothing to report. With a
  // public key, an unpinned verify is the algorithm-confusion attack (RS256 key accepted as an HS256 secret).
  if (!/public|pub_?key|pubKey|\.pem\b|cert|jwks|PUBLIC/i.test(line)) return undefined;
  return {
    ...hit,
    severity: "high",
    confidence: 0.8,
    detail: "The token is verified with a public key, but the accepted algorithms are not pinned.",
  };
}

/** PyJWT `options=opts` where `opts` turns signature verification off (`{"verify_signature": False}`). */
function findUnverifiedOptionFlows(input: DetectorInput): DetectorHit[] {
  if (input.language !== "python" || !input.getRoot()) return [];
  const hits: DetectorHit[] = [];
  for (const call of input.findNodes({
    kind: "call",
    has: { field: "function", regex: "^(jwt|pyjwt)\\.decode$" },
  })) {
    const options = keywordArguments(call).get("options");
    if (!options || options.kind() === "dictionary") continue;
    const trace = traceValue(options, "python");
    const text = trace.origins.map((o) => o.node.text()).join(" ");
    if (!/["']verify_signature["']\s*:/.test(text) || !/\bFalse\b/.test(text)) continue;
    hits.push({
      startLine: Math.min(...trace.origins.map((o) => o.line)),
      endLine: call.range().end.line + 1,
    });
  }
  return hits;
}

const verifyingSimpleDecode =
  /^\w+\.decode\(\s*[^,()]+,\s*[A-Za-z_$][\w$.]*\s*(,\s*(false|["'][\w-]+["'])\s*)?\)$/;

/** `jwt.decode(t).exp`, `.kid`, `.header`: reading when a token expires or which key signed it trusts no identity. */
function readsOnlyMetadata(node: SgNode): boolean {
  const parent = node.parent();
  if (!parent || String(parent.kind()) !== "member_expression") return false;
  return /^(exp|iat|nbf|kid|header|alg)$/.test(parent.field("property")?.text() ?? "");
}

const _stringKinds = {
  any: [{ kind: "string" }, { kind: "template_string", not: { has: { kind: "template_substitution" } } }],
};

/** `alg: none` in every spelling: the token is accepted or issued unsigned. */
const algorithmNoneRules: Record<ParsedLanguage, Rule> = {
  js: {
    any: [
      { kind: "pair", regex: "^[\"']?algorithms?[\"']?\\s*:\\s*(\\[[^\\]]*)?[\"'`](none|None|NONE)[\"'`]" },
      { kind: "member_expression", regex: "^(JWK|jose\\.JWK)\\.None$" },
    ],
  },
  python: {
    any: [
      { kind: "keyword_argument", regex: "^algorithms?\\s*=\\s*(\\[[^\\]]*)?[\"'](none|None|NONE)[\"']" },
    ],
  },
  go: {
    kind: "selector_expression",
    regex: "^(jwt|jwtgo|jwt4|jwt5)\\.(SigningMethodNone|UnsafeAllowNoneSignatureType)$",
  },
  java: {
    any: [
      { kind: "method_invocation", regex: "^Algorithm\\s*\\.\\s*none\\s*\\(" },
      { kind: "field_access", regex: "^SignatureAlgorithm\\.NONE$" },
    ],
  },
};

/** `jwt.decode` outside a recognised handler, with no verification in the same function. */
const decodeOutsideHandlerRules: Partial<Record<ParsedLanguage, Rule>> = {
  js: {
    kind: "call_expression",
    has: { field: "function", regex: "^(jwt|jsonwebtoken|JWT|jsonwebtoken\\.default)\\.decode$" },
    not: {
      inside: {
        stopBy: "end",
        ...functionRule.js,
        has: { stopBy: "end", kind: "call_expression", regex: "^(jwt|jsonwebtoken|JWT)\\.verify\\(" },
      },
    },
  },
  python: {
    kind: "call",
    has: { field: "function", regex: "^(jwt|pyjwt)\\.decode$" },
    all: [
      { has: { field: "arguments", regex: "verify\\s*=\\s*False|[\"']verify_signature[\"']\\s*:\\s*False" } },
    ],
  },
};
