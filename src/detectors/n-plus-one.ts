import type { Rule } from "@ast-grep/napi";
import { getKind, loopBodyRule, type ParsedLanguage, toHit, toParsedLanguage } from "./context-rules.js";
import type { Detector, DetectorHit, DetectorInput } from "./detector.js";
import { anchorFirst, findMatches } from "./find-matches.js";
import { findRuleHits } from "./find-rule-hits.js";
import { matchesAllPatterns } from "./prefilter.js";

const jsIoMethods =
  "^(query|execute|exec|raw|findOne|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|findById|findByPk|" +
  "findAll|findMany|find|findOneBy|findBy|count|countDocuments|aggregate|\\$queryRaw|\\$queryRawUnsafe|" +
  "\\$executeRaw|save|insert|update|updateOne|create|upsert|destroy|deleteOne|get|post|put|patch|request|" +
  "select|first|hget|mget)$";

/** An awaited database or HTTP call: the await is what tells a query from `array.find`. */
const jsIoCall: Rule = {
  kind: "call_expression",
  any: [
    { has: { field: "function", regex: "^(fetch|axios|got|request|superagent|ky)$" } },
    {
      has: {
        field: "function",
        kind: "member_expression",
        has: { field: "property", regex: jsIoMethods },
      },
    },
  ],
};

const jsPagedArgument: Rule = {
  kind: "pair",
  has: { field: "key", regex: "^(take|limit|cursor|skip|offset|after|pageToken)$" },
};

/**
 * A query fired as a statement, without await (`client.query('INSERT …')` in a `while` or a `filter`
 * callback): still one round trip per item. Only the names that mean a database statement: `get`, `find` or
 * `exec` called for nothing are as often a Map, an array or a RegExp. Searched on its own, not anchored on
 * loops first (the anchored search reported a lambda stored by the loop).
 */
const jsStatementQuery: Rule = {
  kind: "expression_statement",
  has: {
    kind: "call_expression",
    has: {
      field: "function",
      kind: "member_expression",
      has: { field: "property", regex: "^(query|execute|\\$queryRaw|\\$queryRawUnsafe|\\$executeRaw)$" },
    },
  },
  ...loopBodyRule.js,
};

// Every match is inside a loop body or a per-item callback: the finder looks for those first.
const rules: Record<ParsedLanguage, Rule> = {
  js: {
    any: [
      {
        // Through chains too: `await Customer.findById(id).lean()`.
        kind: "await_expression",
        has: { stopBy: "end", ...jsIoCall },
        // A paged read (`take`/`LIMIT … OFFSET`) in a loop is pagination, the cure for unbounded reads.
        not: { has: { stopBy: "end", any: [jsPagedArgument, { kind: "string", regex: "(?i)\\blimit\\b" }] } },
        ...loopBodyRule.js,
      },
      {
        // items.map((id) => db.user.findUnique(...)): one query per item even without await.
        ...jsIoCall,
        inside: {
          kind: "arrow_function",
          inside: {
            kind: "arguments",
            inside: {
              kind: "call_expression",
              has: {
                field: "function",
                kind: "member_expression",
                has: { field: "property", regex: "^(map|flatMap|forEach)$" },
              },
            },
          },
        },
      },
    ],
  },
  python: {
    kind: "call",
    has: {
      field: "function",
      kind: "attribute",
      any: [
        {
          regex:
            "^(requests|httpx|session|self\\.session|client|self\\.client)\\.(get|post|put|patch|delete|head|request)$",
        },
        {
          regex: "\\.objects\\.(get|filter|create|get_or_create|update_or_create|exclude|count|first|last)$",
        },
        { regex: "\\.(execute|fetch|fetchrow|fetchval|scalar|scalars|query)$" },
        { regex: "^urllib\\.request\\.urlopen$" },
      ],
    },
    ...loopBodyRule.python,
  },
  go: {
    kind: "call_expression",
    has: {
      field: "function",
      kind: "selector_expression",
      any: [
        {
          has: { field: "field", regex: "^(Query|QueryRow|QueryContext|QueryRowContext|Exec|ExecContext)$" },
          not: { has: { field: "operand", regex: "(URL|Header|Form)$" } },
        },
        {
          has: { field: "field", regex: "^(First|Find|Take|Get|Select|Create|Save)$" },
          all: [{ has: { field: "operand", regex: "(?i)(^|\\.)(db|tx|conn|pool|gormdb|orm)\\b" } }],
        },
        { regex: "^http\\.(Get|Post|PostForm|Head)$" },
        { regex: "(?i)client\\.(Do|Get|Post)$" },
      ],
    },
    ...loopBodyRule.go,
  },
  java: {
    kind: "method_invocation",
    all: [
      {
        has: {
          field: "object",
          regex:
            "(?i)(repo|repository|dao|jdbc|template|entitymanager|session|stmt|statement|client|webclient)$|(^|\\.)(em|ps)$",
        },
      },
      {
        has: {
          field: "name",
          regex:
            "^(find\\w*|get(One|ById|ReferenceById)|save|query\\w*|update|execute\\w*|exists\\w*|count\\w*|send|exchange|getFor\\w+|postFor\\w+|retrieve|load|get)$",
        },
      },
    ],
    ...loopBodyRule.java,
  },
};

/**
 * Necessary for any match: a loop keyword (`do … while` and comprehensions included), or a per-item callback
 * (an arrow/function/lambda passed to an iteration method).
 */
const loopKeyword = /\b(for|while)\b/;
const iterationMethod = /\b(forEach|map|flatMap|reduce|filter|some|every|each|mapSeries|eachSeries|peek)\b/;
const callback = /=>|->|\bfunction\b/;
const mayLoop = (text: string): boolean =>
  loopKeyword.test(text) || (iterationMethod.test(text) && callback.test(text));

/** Literal parts of the Python rule's call regexes: one of them occurs in the text of any match. */
const pythonIoCall =
  /requests\.|httpx\.|session\.|client\.|\.objects\.|\.(execute|fetch|scalar|query)|urllib\.request\.urlopen/;

const anchoredRules: Record<ParsedLanguage, Rule> = {
  js: anchorFirst(rules.js),
  python: anchorFirst(rules.python),
  go: anchorFirst(rules.go),
  java: anchorFirst(rules.java),
};

export const nPlusOne: Detector = {
  id: "n-plus-one",
  languages: ["javascript", "typescript", "tsx", "python", "go", "java"],
  category: "performance",
  severity: "medium",
  confidence: 0.8,
  title: "Database or HTTP call inside a loop (N+1)",
  body:
    "This call runs once per item of the loop, so one request turns into N round trips to the database or " +
    "to another service: latency grows with the data and a large page can exhaust the connection pool. " +
    "Fetch everything in one call before the loop (WHERE id IN (…) / `findMany({ where: { id: { in: ids } } })`, " +
    "`select_related`/`prefetch_related`, a JOIN, a batch endpoint or a DataLoader) and look items up in a map; " +
    "if separate calls are unavoidable, bound their concurrency.",
  prefilter: matchesAllPatterns([
    // The loop keywords and every per-item callback name of `loopBodyRule` (a `filter`/`some` callback runs per item).
    /\b(for|while|forEach|map|flatMap|reduce|filter|some|every|each|mapSeries|eachSeries|peek)\b/,
    /\b(query|execute|exec|raw|find\w*|count\w*|aggregate|save|insert|update\w*|create|upsert|destroy|delete\w*|get|post|put|patch|request|fetch\w*|axios|got|select|first|Query\w*|Exec\w*|First|Find|Take|Scan|Get|Post|Do|objects|scalars?|urlopen|all|filter|exclude|latest|earliest)\b/,
  ]),
  // Checked before parsing: a file without a loop (or per-item callback) and, in Python, without one of the
  // calls the rule knows, cannot match, so it is not parsed for this detector.
  detect: (input) => {
    if (!mayLoop(input.text)) return [];
    const hits =
      input.language !== "python" || pythonIoCall.test(input.text) ? findRuleHits(input, anchoredRules) : [];
    if (toParsedLanguage(input.language) === "js") hits.push(...findStatementQueries(input, hits));
    return input.language === "python" ? [...hits, ...findDjangoLazyLoads(input)] : hits;
  },
};

/** Statement queries on lines the rule set has not already reported. */
function findStatementQueries(input: DetectorInput, known: DetectorHit[]): DetectorHit[] {
  const lines = new Set(known.map((hit) => hit.startLine));
  return input
    .findNodes(jsStatementQuery)
    .map((node) => toHit(node))
    .filter((hit) => !lines.has(hit.startLine));
}

const relatedManagerCall =
  /^(all|count|filter|exclude|first|last|exists|get|aggregate|values|values_list|order_by|latest|earliest)$/;
const queryset = /\.objects\.(all|filter|exclude|order_by|annotate|using)\(|\.objects\s*$/;
const eagerLoaded = /\b(select_related|prefetch_related|only|values|values_list)\(/;

/**
 * Django lazy loads in a loop over model instances: `for o in orders: o.items.all()` / `o.lines.count()`
 * (a related manager queries once per row), and `o.customer.name` when the loop walks a queryset without
 * `select_related`/`prefetch_related` (each foreign key is fetched on first access). One hit per loop.
 */
function findDjangoLazyLoads(input: DetectorInput): DetectorHit[] {
  const hits: DetectorHit[] = [];
  for (const loop of input.findNodes({ kind: "for_statement" })) {
    const variable = loop.field("left");
    const body = loop.field("body");
    if (!variable || !body || getKind(variable) !== "identifier") continue;
    const name = variable.text();
    const iterable = loop.field("right")?.text() ?? "";
    const overQueryset = isLazyQueryset(iterable, input.text);
    for (const attribute of findMatches(body, { kind: "attribute" })) {
      const object = attribute.field("object");
      if (!object || getKind(object) !== "attribute" || object.field("object")?.text() !== name) continue;
      const member = attribute.field("attribute")?.text() ?? "";
      const parent = attribute.parent();
      const isCall =
        parent !== null && getKind(parent) === "call" && parent.field("function")?.id() === attribute.id();
      if ((isCall && relatedManagerCall.test(member)) || (!isCall && overQueryset)) {
        hits.push(toHit(attribute));
        break;
      }
    }
  }
  return hits;
}

/** `Order.objects.filter(…)` without eager loading, directly or through a variable assigned in the file. */
function isLazyQueryset(iterable: string, text: string): boolean {
  if (queryset.test(iterable)) return !eagerLoaded.test(iterable);
  const name = /^\w+$/.exec(iterable.trim())?.[0];
  if (!name) return false;
  const assignment = new RegExp(String.raw`^\s*${name}\s*=\s*(.*)$`, "gm");
  let last: string | undefined;
  for (const match of text.matchAll(assignment)) last = match[1];
  return last !== undefined && queryset.test(last) && !eagerLoaded.test(last);
}
