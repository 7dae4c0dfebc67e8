import type { Rule, SgNode } from "@ast-grep/napi";
import { type ParsedLanguage, type RelationRule, toParsedLanguage } from "./context-rules.js";
import type { Detector, DetectorHit, DetectorInput } from "./detector.js";
import { getNodeText } from "./find-matches.js";
import { findRuleHits } from "./find-rule-hits.js";
import { requestInputPattern, statementStartLine, traceValue } from "./local-flow.js";
import { matchesNearby } from "./prefilter.js";
import { sinkSqlTextPattern, sqlTextPattern } from "./sql-text.js";
import {
  callArguments,
  calleeName,
  calleeText,
  callRule,
  isBuiltOrigin,
  isStringBuilding,
  traceIsConstant,
} from "./string-building.js";

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
  detect: (input) => [
    ...findSinkHits(input),
    ...findRuleHits(
      input,
      rules,
      (node, language) => sqlTextPattern.test(node.text()) && isStringBuilding(node, language),
    ),
  ],
};

/** Calls that run SQL text: drivers, ORMs' raw escape hatches, JDBC, Spring's JdbcTemplate, Go's database/sql. */
const sinkNames: Record<ParsedLanguage, RegExp> = {
  js: /^(query|execute|exec|raw|whereRaw|havingRaw|orderByRaw|joinRaw|fromRaw|selectRaw|\$queryRawUnsafe|\$executeRawUnsafe|run|all|get|prepare|unsafe|literal)$/,
  python:
    /^(execute|executemany|executescript|raw|extra|text|fetch|fetchrow|fetchval|mogrify|read_sql|read_sql_query|RawSQL|cursor_execute|prepare)$/,
  go: /^(Query|QueryRow|QueryContext|QueryRowContext|Exec|ExecContext|Prepare|PrepareContext|Raw|Select|Get|MustExec|Queryx|QueryRowx|NamedExec|NamedQuery|SendBatch|Model)$/,
  java: /^(executeQuery|executeUpdate|execute|executeLargeUpdate|addBatch|prepareStatement|prepareCall|createQuery|createNativeQuery|createSQLQuery|query|queryForObject|queryForList|queryForMap|queryForRowSet|queryForInt|queryForLong|update|batchUpdate|nativeQuery|sql)$/,
};

/**
 * SQL reaching a sink: an argument of a SQL-running call whose value (followed back through local
 * assignments, concatenation, formatting and builder appends) is SQL text built from non-literals. The hit
 * spans from where the text was built to the call, so the finding sits at the sink and shows its origin.
 */
function findSinkHits(input: DetectorInput): DetectorHit[] {
  const language = toParsedLanguage(input.language);
  if (!language || !input.getRoot()) return [];
  const hits: DetectorHit[] = [];
  for (const call of input.findNodes(callRule[language])) {
    if (!sinkNames[language].test(calleeName(call, language))) continue;
    const args = callArguments(call);
    const hit = args.map((arg) => traceSqlArgument(call, arg, language)).find((h) => h !== undefined);
    if (hit) hits.push({ ...hit, startLine: Math.min(hit.startLine, statementStartLine(call)) });
    else if (language === "java" && args[0] && isUnambiguousJavaSink(call)) {
      // JDBC/JPA/Spring take SQL text first: a value from outside the method is unknown, not safe.
      const trace = traceValue(args[0], language);
      if (
        !/^([A-Z]\w*\.)?[A-Z][A-Z0-9_]*$/.test(args[0].text()) &&
        !traceIsConstant(trace) &&
        !trace.origins.some((o) => /PreparedStatement|\?/.test(getNodeText(o.node)))
      )
        hits.push({
          startLine: call.range().start.line + 1,
          endLine: call.range().end.line + 1,
          severity: "medium",
          confidence: 0.5,
          detail:
            "The SQL text comes from outside this method, so this change does not show whether input reaches it.",
        });
    }
  }
  return hits;
}

const unambiguousJavaSinks =
  /^(executeQuery|executeUpdate|executeLargeUpdate|addBatch|prepareStatement|prepareCall|createNativeQuery|createSQLQuery|queryForObject|queryForList|queryForMap|queryForRowSet|queryForInt|queryForLong|batchUpdate|new PreparedStatementCreatorFactory|new PreparedStatementCreator)$/;

function isUnambiguousJavaSink(call: SgNode): boolean {
  const name = calleeName(call, "java");
  const callee = calleeText(call, "java");
  if (unambiguousJavaSinks.test(name) || unambiguousJavaSinks.test(callee.replace(/<.*$/, ""))) return true;
  // `execute`, `query`, `update` are SQL sinks on a statement, connection or JdbcTemplate.
  return (
    /^(execute|query|update)$/.test(name) &&
    /(stmt|statement|jdbc|template|conn|session|em|entityManager)\w*\.\w+$/i.test(callee)
  );
}

function traceSqlArgument(call: SgNode, arg: SgNode, language: ParsedLanguage): DetectorHit | undefined {
  const trace = traceValue(arg, language);
  if (!trace.origins.some((o) => sinkSqlTextPattern.test(getNodeText(o.node)))) return undefined;
  const built = trace.origins.filter((o) => isBuiltOrigin(o, language));
  if (built.length === 0) return undefined;
  const end = call.range().end.line + 1;
  const input = trace.origins.filter((o) => requestInputPattern.test(getNodeText(o.node)));
  const start = Math.min(
    ...built.map((o) => o.line),
    ...input.map((o) => o.line),
    call.range().start.line + 1,
  );
  const hit: DetectorHit = { startLine: start, endLine: end };
  const builtLine = Math.max(...built.map((o) => o.line));
  const sinkLine = call.range().start.line + 1;
  const parts: string[] = [];
  if (builtLine < sinkLine) parts.push(`The SQL text built on line ${builtLine} is run on line ${sinkLine}.`);
  if (input.length > 0)
    parts.push(`It includes request input (line ${Math.min(...input.map((o) => o.line))}).`);
  if (parts.length > 0) hit.detail = parts.join(" ");
  return hit;
}
