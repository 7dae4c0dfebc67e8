import type { Rule, SgNode } from "@ast-grep/napi";
import { functionRule, insideHandler, type ParsedLanguage } from "./context-rules.js";
import type { Detector } from "./detector.js";
import { findRuleHits } from "./find-rule-hits.js";
import { matchesAllPatterns } from "./prefilter.js";

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
    /\b(jwt|jsonwebtoken|JWT|JWK|jwtgo|jwt4|jwt5|pyjwt|Jwts|ParseUnverified|Algorithm|SignatureAlgorithm|secretOrKey)\b/,
  ]),
  detect: (input) => [
    // jwt-simple's `decode(token, key)` verifies (its third argument `true` switches that off).
    ...findRuleHits(input, rules, (node) => !verifyingSimpleDecode.test(node.text())),
    ...findRuleHits(input, algorithmNoneRules),
    ...findRuleHits(input, literalKeyRules).map((hit) => ({
      ...hit,
      severity: "high" as const,
      detail: "The signing key is a literal in the code: anyone who reads it can mint valid tokens.",
    })),
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

const verifyingSimpleDecode =
  /^\w+\.decode\(\s*[^,()]+,\s*[A-Za-z_$][\w$.]*\s*(,\s*(false|["'][\w-]+["'])\s*)?\)$/;

/** `jwt.decode(t).exp`, `.kid`, `.header`: reading when a token expires or which key signed it trusts no identity. */
function readsOnlyMetadata(node: SgNode): boolean {
  const parent = node.parent();
  if (!parent || String(parent.kind()) !== "member_expression") return false;
  return /^(exp|iat|nbf|kid|header|alg)$/.test(parent.field("property")?.text() ?? "");
}

const stringKinds = {
  any: [{ kind: "string" }, { kind: "template_string", not: { has: { kind: "template_substitution" } } }],
};

/** `alg: none` in every spelling: the token is accepted or issued unsigned. */
const algorithmNoneRules: Record<ParsedLanguage, Rule> = {
  js: {
    any: [
      { kind: "pair", regex: "^[\"']?algorithms?[\"']?\\s*:\\s*(\\[\\s*)?[\"'`](none|None|NONE)[\"'`]" },
      { kind: "member_expression", regex: "^(JWK|jose\\.JWK)\\.None$" },
    ],
  },
  python: {
    any: [{ kind: "keyword_argument", regex: "^algorithms?\\s*=\\s*(\\[\\s*)?[\"'](none|None|NONE)[\"']" }],
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

/** A literal signing key: `jwt.sign(p, "shhhhh")`, `jwt.encode(p, "secret")`, `Algorithm.HMAC256("secret")`. */
const literalKeyRules: Record<ParsedLanguage, Rule> = {
  js: {
    any: [
      {
        kind: "call_expression",
        has: {
          field: "function",
          regex: "^(jwt|jsonwebtoken|JWT|jose\\.JWT|jwtSimple|jwt_simple)\\.(sign|verify|encode|decode)$",
        },
        all: [{ has: { field: "arguments", has: { nthChild: 2, ...stringKinds } } }],
      },
      {
        kind: "pair",
        regex: "^[\"']?(secret|secretOrKey|secretOrPrivateKey)[\"']?\\s*:\\s*[\"'`]",
        inside: { stopBy: "end", any: [{ kind: "call_expression" }, { kind: "new_expression" }] },
      },
    ],
  },
  python: {
    kind: "call",
    has: { field: "function", regex: "^(jwt|pyjwt|jose\\.jwt)\\.(encode|decode)$" },
    all: [
      {
        has: {
          field: "arguments",
          has: { nthChild: 2, kind: "string", not: { has: { kind: "interpolation" } } },
        },
      },
    ],
  },
  go: {
    kind: "call_expression",
    has: { field: "function", regex: "\\.SignedString$" },
    all: [{ has: { field: "arguments", regex: '^\\(\\s*\\[\\]byte\\(\\s*"' } }],
  },
  java: {
    kind: "method_invocation",
    regex: '^Algorithm\\s*\\.\\s*HMAC(256|384|512)\\s*\\(\\s*"',
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
