import type { Rule, SgNode } from "@ast-grep/napi";
import { getKind, insideHandler, type ParsedLanguage, toHit, toParsedLanguage } from "./context-rules.js";
import type { Detector, DetectorHit, DetectorInput } from "./detector.js";
import { matchesRule } from "./find-matches.js";
import { matchesAllPatterns } from "./prefilter.js";

/** A SELECT over a whole table: no WHERE, no LIMIT/TOP/FETCH FIRST, no aggregate. */
/** A literal that starts a SELECT; the full test runs in JavaScript (see `isFullTableSelect`). */
const selectLiteral = String.raw`^[^A-Za-z]{0,3}(SELECT|select)\s`;
const fullTableSelect = /^\W*(SELECT|select)\s[\s\S]*\b(FROM|from)\s/;
const boundedSelect =
  /\b(limit|top|fetch\s+first|offset|where|count\s*\(|sum\s*\(|max\s*\(|min\s*\(|avg\s*\(|group\s+by|exists\s*\()/i;

const jsPaginationKey = "^(limit|take|first|last|perPage|per_page|pageSize|page_size|paginate)$";

// A filter on an identifying key (`id`, `userId`, `owner_id`, `email`, `slug`, `$in` of ids) selects a few rows;
// `$where` is a NoSQL predicate (an injection question, not a size one).
const jsKeyFilter = "^[\"']?(id|_id|in|\\$in|\\$where|\\w*Id|\\w*_id|email|slug|uuid|username|handle)[\"']?$";

const rules: Record<ParsedLanguage, Rule> = {
  js: {
    any: [
      {
        kind: "call_expression",
        has: {
          field: "function",
          kind: "member_expression",
          has: { field: "property", regex: "^(findAll|findMany|findAndCountAll)$" },
        },
        not: {
          has: {
            field: "arguments",
            stopBy: "end",
            any: [
              { kind: "pair", has: { field: "key", regex: jsPaginationKey } },
              { kind: "shorthand_property_identifier", regex: jsPaginationKey },
              { kind: "spread_element" },
              // Filtered by a set of keys: `where: { id: { in: ids } }`, `{ _id: { $in: ids } }`.
              { kind: "pair", has: { field: "key", regex: jsKeyFilter } },
            ],
          },
        },
      },
      {
        // Mongoose/TypeORM `find()` / `find({ … })`; an array's `find` takes a callback, never an object.
        kind: "call_expression",
        has: {
          field: "function",
          kind: "member_expression",
          has: { field: "property", regex: "^find$" },
        },
        any: [
          { has: { field: "arguments", regex: "^\\(\\s*\\)$" } },
          {
            has: {
              field: "arguments",
              has: { nthChild: 1, kind: "object" },
              not: {
                has: {
                  stopBy: "end",
                  any: [
                    { kind: "pair", has: { field: "key", regex: jsPaginationKey } },
                    { kind: "shorthand_property_identifier", regex: jsPaginationKey },
                    { kind: "pair", has: { field: "key", regex: jsKeyFilter } },
                  ],
                },
              },
            },
          },
        ],
      },
      {
        any: [{ kind: "string" }, { kind: "template_string" }],
        regex: selectLiteral,
      },
    ],
  },
  python: {
    any: [
      { kind: "call", regex: "\\.objects\\.all\\(\\)$" },
      {
        kind: "call",
        all: [
          { has: { field: "function", kind: "attribute", has: { field: "attribute", regex: "^all$" } } },
          { has: { field: "arguments", regex: "^\\(\\s*\\)$" } },
        ],
        regex: "(\\bquery\\(|\\.query\\.|\\bscalars\\(|\\bexecute\\()",
        not: { regex: "\\.(limit|filter|filter_by|where|paginate|slice|offset|get|first)\\(" },
      },
      { kind: "string", regex: selectLiteral },
    ],
  },
  go: {
    any: [
      {
        kind: "call_expression",
        has: {
          field: "function",
          kind: "selector_expression",
          all: [
            { has: { field: "field", regex: "^Find$" } },
            { has: { field: "operand", regex: "(?i)(^|\\.)(db|tx|gormdb|orm)\\b" } },
          ],
        },
        not: {
          any: [
            { regex: "\\.(Limit|Where|Scopes|Paginate|First|Take)\\(" },
            // db.Find(&order, id): a primary-key lookup.
            { has: { field: "arguments", has: { nthChild: 2 } } },
          ],
        },
      },
      {
        any: [{ kind: "interpreted_string_literal" }, { kind: "raw_string_literal" }],
        regex: selectLiteral,
      },
    ],
  },
  java: {
    any: [
      {
        kind: "method_invocation",
        has: { field: "name", regex: "^findAll$" },
        any: [
          { has: { field: "arguments", regex: "^\\(\\s*\\)$" } },
          { has: { field: "arguments", regex: "^\\(\\s*Sort\\." } },
        ],
      },
      { kind: "string_literal", regex: selectLiteral },
    ],
  },
};

const stringKinds = new Set([
  "string",
  "template_string",
  "string_literal",
  "interpreted_string_literal",
  "raw_string_literal",
]);

/** Drops ORM calls bounded later in their chain (`.find({}).sort(…).limit(20)`, `.objects.all()[:50]`). */
function isUnboundedInChain(node: SgNode): boolean {
  let current: SgNode | null = node;
  for (let depth = 0; depth < 8 && current; depth++) {
    const parent: SgNode | null = current.parent();
    if (!parent) return true;
    const kind = getKind(parent);
    if (kind === "subscript" || kind === "slice") return false;
    if (kind === "member_expression" || kind === "attribute" || kind === "selector_expression") {
      const name = parent.field("property") ?? parent.field("attribute") ?? parent.field("field");
      if (
        name &&
        /^(limit|take|paginate|page|skip|count|exists|first|last|get|aggregate|countDocuments|Limit)$/.test(
          name.text(),
        )
      )
        return false;
    } else if (kind !== "call_expression" && kind !== "call" && kind !== "arguments") {
      return true;
    }
    current = parent;
  }
  return true;
}

/** The whole string a SQL literal is part of: `"SELECT * FROM users" + " WHERE id = " + id` filters. */
function getWholeStringExpression(node: SgNode): SgNode {
  let current = node;
  for (let parent = current.parent(); parent; parent = current.parent()) {
    const kind = getKind(parent);
    if (kind !== "binary_expression" && kind !== "concatenated_string" && kind !== "parenthesized_expression")
      break;
    current = parent;
  }
  return current;
}

/** A filter whose values come from the request (`{ owner: req.user.id }`) is scoped to one caller. */
const requestScoped =
  /\b(req|request|ctx|c|r)\.(params|query|body|user|session|auth|Param|Query|FormValue|PathValue)\b/;

function isUnbounded(node: SgNode): boolean {
  if (!isUnboundedInChain(node)) return false;
  if (stringKinds.has(getKind(node))) {
    const whole = getWholeStringExpression(node).text();
    // The table must be named in the literal: `SELECT * FROM {}`/`" + table` is a dynamic-SQL question.
    if (
      !/\bFROM\s+[`"[]?[A-Za-z_][\w.]*[`"\]]?(\s|;|$|["'`])/i.test(node.text().replace(/^\W+|["'`]+$/g, " "))
    )
      return false;
    if (/\bFROM\s+dual\b/i.test(whole)) return false;
    return fullTableSelect.test(node.text()) && !boundedSelect.test(whole);
  }
  return !requestScoped.test(node.field("arguments")?.text() ?? "");
}

function findUnboundedQueries(input: DetectorInput): DetectorHit[] {
  const language = toParsedLanguage(input.language);
  if (!language || !input.getRoot()) return [];
  const handler = insideHandler(language);
  return input
    .findNodes(rules[language])
    .filter(isUnbounded)
    .map((node) => {
      const hit = toHit(node);
      // Outside a visible request handler the read may be a batch job or a small lookup table: still worth a
      // look, at lower severity and confidence (the model and the second look decide).
      if (!matchesRule(node, handler)) {
        // A SQL string outside any visible handler is too often a script, a test or a fixture to report.
        if (stringKinds.has(getKind(node))) return undefined;
        hit.severity = "low";
        hit.confidence = 0.5;
      }
      return hit;
    })
    .filter((hit): hit is DetectorHit => hit !== undefined);
}

export const unboundedQuery: Detector = {
  id: "unbounded-query",
  languages: ["javascript", "typescript", "tsx", "python", "go", "java"],
  category: "performance",
  severity: "medium",
  confidence: 0.75,
  title: "Unbounded query",
  body:
    "This query reads every row of a table: no LIMIT, no page size, no selective filter. Today's small table " +
    "becomes tomorrow's slow endpoint, a memory spike and a large response; on a request path one client can make " +
    "the database scan the whole table on every call. Paginate (LIMIT/OFFSET or, better, keyset pagination on an " +
    "indexed column), cap the page size server-side (`take`/`limit`, `[:100]`, `.Limit(n)`, `Pageable`) and " +
    "return a cursor for the next page.",
  prefilter: matchesAllPatterns([
    // The rules' anchors: an ORM list call, or a SELECT literal not visibly bounded on its first line.
    /\.(findAll|findMany|findAndCountAll|Find)\s*\(|\.find\(\s*[){]|\.all\(\s*\)|["'`]\s*(SELECT|select)\s(?![^"'`\n]*\b(WHERE|where|LIMIT|limit)\b)/,
  ]),
  detect: findUnboundedQueries,
};
