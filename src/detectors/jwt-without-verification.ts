import type { Rule } from "@ast-grep/napi";
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
          {
            not: {
              has: {
                field: "arguments",
                any: [
                  { has: { kind: "keyword_argument", has: { field: "name", regex: "^algorithms$" } } },
                  { has: { kind: "dictionary_splat" } },
                ],
              },
            },
          },
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
  prefilter: matchesAllPatterns([/\b(jwt|jsonwebtoken|JWT|jwtgo|jwt4|jwt5|pyjwt|Jwts|ParseUnverified)\b/]),
  detect: (input) => findRuleHits(input, rules),
};
