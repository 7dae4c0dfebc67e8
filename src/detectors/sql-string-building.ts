import type { Rule } from "@ast-grep/napi";
import type { ParsedLanguage, RelationRule } from "./context-rules.js";
import type { Detector } from "./detector.js";
import { findRuleHits } from "./find-rule-hits.js";
import { matchesNearby } from "./prefilter.js";
import { sqlTextPattern } from "./sql-text.js";

/** The operand a concatenation takes from outside the literal: a variable, a field, a call. */
const dynamicOperand: Record<ParsedLanguage, RelationRule> = {
  js: {
    stopBy: "end",
    any: [
      { kind: "identifier" },
      { kind: "member_expression" },
      { kind: "call_expression" },
      { kind: "subscript_expression" },
    ],
  },
  python: {
    stopBy: "end",
    any: [{ kind: "identifier" }, { kind: "attribute" }, { kind: "call" }, { kind: "subscript" }],
  },
  go: {
    stopBy: "end",
    any: [
      { kind: "identifier" },
      { kind: "selector_expression" },
      { kind: "call_expression" },
      { kind: "index_expression" },
    ],
  },
  java: {
    stopBy: "end",
    any: [{ kind: "identifier" }, { kind: "field_access" }, { kind: "method_invocation" }],
  },
};

const isPlus: RelationRule = { field: "operator", regex: "^\\+$" };

const rules: Record<ParsedLanguage, Rule> = {
  js: {
    any: [
      {
        // `SELECT … ${x}`, but not a tagged template (sql`…`, Prisma.sql`…`, $queryRaw`…`), which binds.
        kind: "template_string",
        has: { kind: "template_substitution" },
        not: { inside: { kind: "call_expression" } },
      },
      {
        kind: "binary_expression",
        all: [{ has: isPlus }, { has: dynamicOperand.js }],
        not: { inside: { kind: "binary_expression", has: isPlus } },
      },
    ],
  },
  python: {
    any: [
      { kind: "string", has: { kind: "interpolation" } },
      {
        kind: "binary_operator",
        all: [{ has: { field: "operator", regex: "^%$" } }, { has: { field: "left", kind: "string" } }],
      },
      {
        kind: "binary_operator",
        all: [{ has: isPlus }, { has: dynamicOperand.python }],
        not: { inside: { kind: "binary_operator", has: isPlus } },
      },
      {
        kind: "call",
        has: {
          field: "function",
          kind: "attribute",
          all: [
            { has: { field: "object", kind: "string" } },
            { has: { field: "attribute", regex: "^format$" } },
          ],
        },
      },
    ],
  },
  go: {
    any: [
      {
        kind: "call_expression",
        all: [{ has: { field: "function", regex: "^fmt\\.Sprintf$" } }],
        has: {
          field: "arguments",
          has: {
            nthChild: 1,
            any: [{ kind: "interpreted_string_literal" }, { kind: "raw_string_literal" }],
          },
        },
      },
      {
        kind: "binary_expression",
        all: [{ has: isPlus }, { has: dynamicOperand.go }],
        not: { inside: { kind: "binary_expression", has: isPlus } },
      },
    ],
  },
  java: {
    any: [
      {
        kind: "method_invocation",
        all: [{ has: { field: "object", regex: "^String$" } }, { has: { field: "name", regex: "^format$" } }],
        has: { field: "arguments", has: { nthChild: 1, kind: "string_literal" } },
      },
      {
        kind: "binary_expression",
        all: [{ has: isPlus }, { has: dynamicOperand.java }],
        not: { inside: { kind: "binary_expression", has: isPlus } },
      },
    ],
  },
};

export const sqlStringBuilding: Detector = {
  id: "sql-string-building",
  languages: ["javascript", "typescript", "tsx", "python", "go", "java"],
  category: "security",
  severity: "high",
  confidence: 0.85,
  title: "SQL built from strings with interpolated values",
  body:
    "This SQL text is assembled by concatenation, interpolation or formatting, so any value that reaches it " +
    "from a request can change the statement itself (SQL injection), and the database cannot reuse the plan. " +
    "Pass values as bind parameters instead: placeholders ($1, ?, %s, :name) with a separate values array or " +
    "map, a tagged template that binds (sql`…`, Prisma.sql, $queryRaw`…`), or the query builder; identifiers " +
    "such as column names must come from an allow-list, never from input.",
  // A SQL keyword with a value spliced in nearby; a built query's pieces sit within a few lines.
  prefilter: matchesNearby(
    /\b(SELECT|select|INSERT|insert|UPDATE|update|DELETE|delete|WHERE|where|AND|and|OR|or|FROM|from|SET|set)\b/,
    /\$\{|["'`]\s*\+|\+\s*["'`]|^\s*\+|\+\s*$|["']\s*%|\.format\(|Sprintf\(|String\.format\(|\bf["']|\+=/,
    3,
  ),
  // The SQL test runs in JavaScript: as an ast-grep regex it would be recompiled for every file.
  detect: (input) => findRuleHits(input, rules, (node) => sqlTextPattern.test(node.text())),
};
