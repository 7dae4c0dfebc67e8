import type { Rule, SgNode } from "@ast-grep/napi";
import { getKind, insideHandler, type ParsedLanguage } from "./context-rules.js";
import type { Detector } from "./detector.js";
import { findRuleHits } from "./find-rule-hits.js";
import { matchesAllPatterns } from "./prefilter.js";

/** A SELECT over a whole table: no WHERE, no LIMIT/TOP/FETCH FIRST, no aggregate. */
/** A literal that starts a SELECT; the full test runs in JavaScript (see `isFullTableSelect`). */
const selectLiteral = String.raw`^[^A-Za-z]{0,3}(SELECT|select)\s`;
const fullTableSelect = /^\W*(SELECT|select)\s[\s\S]*\b(FROM|from)\s/;
const boundedSelect =
  /\b(limit|top|fetch\s+first|offset|where|count\s*\(|sum\s*\(|max\s*\(|min\s*\(|avg\s*\(|group\s+by|exists\s*\()/i;

const jsPaginationKey = "^(limit|take|first|last|perPage|per_page|pageSize|page_size|paginate)$";

const jsKeyFilter = "^[\"']?(id|_id|in|\\$in)[\"']?$";

const rules: Record<ParsedLanguage, Rule> = {
  js: {
    ...insideHandler("js"),
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
    ...insideHandler("python"),
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
    ...insideHandler("go"),
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
    ...insideHandler("java"),
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

/** A SQL literal counts only when it reads a whole table: no WHERE, no LIMIT, no aggregate. */
function isFullTableSelectIfSql(node: SgNode): boolean {
  if (!stringKinds.has(getKind(node))) return true;
  const text = node.text();
  return fullTableSelect.test(text) && !boundedSelect.test(text);
}

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

export const unboundedQuery: Detector = {
  id: "unbounded-query",
  languages: ["javascript", "typescript", "tsx", "python", "go", "java"],
  category: "performance",
  severity: "medium",
  confidence: 0.75,
  title: "Unbounded query on a request path",
  body:
    "This request handler reads every row of a table: no LIMIT, no page size, no filter. Today's small table " +
    "becomes tomorrow's slow endpoint, a memory spike and a large response; one client can make the database " +
    "scan the whole table on every call. Paginate (LIMIT/OFFSET or, better, keyset pagination on an indexed " +
    "column), cap the page size server-side (`take`/`limit`, `[:100]`, `.Limit(n)`, `Pageable`) and return a " +
    "cursor for the next page.",
  prefilter: matchesAllPatterns([
    // The rules' anchors: an ORM list call, or a SELECT literal not visibly bounded on its first line.
    /\.(findAll|findMany|findAndCountAll|Find)\s*\(|\.find\(\s*[){]|\.all\(\s*\)|["'`]\s*(SELECT|select)\s(?![^"'`\n]*\b(WHERE|where|LIMIT|limit)\b)/,
    /\b(req|request|get|post|Get|GetMapping|RequestMapping|GET|ResponseWriter|Context|Ctx|route)\b/,
  ]),
  detect: (input) =>
    findRuleHits(input, rules, (node) => isUnboundedInChain(node) && isFullTableSelectIfSql(node)),
};
