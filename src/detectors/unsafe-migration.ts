import type { Rule, SgNode } from "@ast-grep/napi";
import { type ParsedLanguage, toHit, toParsedLanguage } from "./context-rules.js";
import type { Detector, DetectorHit, DetectorInput } from "./detector.js";
import { findRiskySqlMigrations } from "./find-risky-sql-migrations.js";
import { matchesAllPatterns } from "./prefilter.js";

/** Inside a knex callback that changes an existing table (not createTable, whose table is empty). */
const insideKnexAlter: Rule = {
  inside: {
    stopBy: "end",
    kind: "call_expression",
    has: {
      field: "function",
      kind: "member_expression",
      has: { field: "property", regex: "^(alterTable|table)$" },
    },
  },
};

const jsRules: Rule = {
  any: [
    {
      kind: "call_expression",
      has: {
        field: "function",
        kind: "member_expression",
        has: {
          field: "property",
          regex:
            "^(dropColumn|dropColumns|removeColumn|changeColumn|renameColumn|renameTable|addConstraint|removeIndex)$",
        },
      },
    },
    {
      // knex `.alter()` re-declares a column: a type change.
      kind: "call_expression",
      regex: "\\.alter\\(\\s*\\)$",
      ...insideKnexAlter,
    },
    {
      kind: "call_expression",
      regex: "\\.notNullable\\(\\s*\\)$",
      // The default may come before or after: `.notNullable().defaultTo("EUR")`.
      not: { inside: { stopBy: "end", kind: "expression_statement", regex: "\\.defaultTo\\(" } },
      ...insideKnexAlter,
    },
    {
      kind: "call_expression",
      has: {
        field: "function",
        kind: "member_expression",
        has: {
          field: "property",
          regex: "^(index|unique|primary|foreign|dropIndex|dropUnique|dropPrimary)$",
        },
      },
      not: { inside: { kind: "member_expression" } },
      ...insideKnexAlter,
    },
    {
      // `table.integer("user_id").references("users.id")` on an existing table: a foreign key, validated under lock.
      kind: "call_expression",
      regex: "\\.references\\(",
      not: { inside: { kind: "member_expression" } },
      ...insideKnexAlter,
    },
    {
      kind: "call_expression",
      has: { field: "function", kind: "member_expression", has: { field: "property", regex: "^addColumn$" } },
      regex: "allowNull\\s*:\\s*false",
      not: { regex: "defaultValue\\s*:" },
    },
    {
      kind: "call_expression",
      has: { field: "function", kind: "member_expression", has: { field: "property", regex: "^addIndex$" } },
      not: { regex: "concurrently\\s*:\\s*true" },
    },
  ],
};

const pythonRules: Rule = {
  any: [
    {
      kind: "call",
      has: {
        field: "function",
        regex: "^(op\\.drop_column|migrations\\.RemoveField|batch_op\\.drop_column)$",
      },
    },
    {
      kind: "call",
      has: { field: "function", regex: "^(op|batch_op)\\.alter_column$" },
      any: [{ regex: "\\btype_\\s*=" }, { regex: "\\bnullable\\s*=\\s*False" }],
    },
    {
      kind: "call",
      has: { field: "function", regex: "^(op|batch_op)\\.add_column$" },
      regex: "nullable\\s*=\\s*False",
      not: { regex: "server_default\\s*=" },
    },
    {
      kind: "call",
      has: { field: "function", regex: "^(op|batch_op)\\.create_index$" },
      not: { regex: "postgresql_concurrently\\s*=\\s*True" },
    },
    {
      // NOT NULL without a default; `preserve_default=False` drops the default again, so the column ends NOT NULL
      // without one. A many-to-many field is a new join table, not a column.
      kind: "call",
      has: { field: "function", regex: "^migrations\\.AddField$" },
      any: [
        { not: { regex: "\\bnull\\s*=\\s*True|\\bdefault\\s*=" } },
        { regex: "\\bpreserve_default\\s*=\\s*False" },
      ],
      not: { regex: "ManyToManyField\\(" },
    },
    {
      // An indexed or unique column: Django builds the index without CONCURRENTLY, under a write lock.
      kind: "call",
      has: { field: "function", regex: "^migrations\\.AddField$" },
      regex: "\\b(db_index|unique)\\s*=\\s*True",
    },
    {
      kind: "call",
      has: {
        field: "function",
        regex:
          "^migrations\\.(AlterField|AddIndex|RenameField|RenameModel|AlterModelTable|AddConstraint|AlterUniqueTogether|AlterIndexTogether)$",
      },
    },
    {
      // Alembic: foreign keys, unique/primary/check constraints, table renames.
      kind: "call",
      has: {
        field: "function",
        regex:
          "^(op|batch_op)\\.(create_foreign_key|create_unique_constraint|create_primary_key|create_check_constraint|rename_table)$",
      },
      not: { regex: "postgresql_not_valid\\s*=\\s*True" },
    },
    {
      kind: "call",
      has: { field: "function", regex: "^(op|batch_op)\\.alter_column$" },
      regex: "\\bnew_column_name\\s*=",
    },
  ],
};

const sqlLiteralPattern =
  "\\b(ALTER\\s+TABLE|CREATE\\s+(UNIQUE\\s+)?INDEX|DROP\\s+INDEX|REINDEX|alter\\s+table|create\\s+(unique\\s+)?index|drop\\s+index|reindex)\\b";

/** SQL inside string literals of a migration (`knex.raw("CREATE INDEX …")`, `op.execute("…")`). */
const sqlLiteralRule: Record<"js" | "python", Rule> = {
  js: {
    any: [{ kind: "string" }, { kind: "template_string" }],
    regex: sqlLiteralPattern,
  },
  python: { kind: "string", regex: sqlLiteralPattern },
};

function findSqlInLiterals(input: DetectorInput, language: "js" | "python"): DetectorHit[] {
  return input.findNodes(sqlLiteralRule[language]).flatMap((literal) => {
    const firstLine = literal.range().start.line;
    return findRiskySqlMigrations(
      literal.text().replace(/^[rbuf]*("""|'''|["'`])/i, (m) => " ".repeat(m.length)),
    ).map((hit) => ({ ...hit, startLine: hit.startLine + firstLine, endLine: hit.endLine + firstLine }));
  });
}

function detectMigration(input: DetectorInput): DetectorHit[] {
  if (input.language === "sql") return findRiskySqlMigrations(input.text);
  const language: ParsedLanguage | undefined = toParsedLanguage(input.language);
  if (!input.isMigration || (language !== "js" && language !== "python")) return [];
  const root = input.getRoot();
  if (!root) return [];
  const rules = language === "js" ? jsRules : pythonRules;
  // Tables created in the same migration are empty: changing them locks nothing (as for SQL).
  const created = new Set(
    [
      ...input.text.matchAll(
        /\bop\.create_table\(\s*["']([\w.]+)["']|migrations\.CreateModel\(\s*name\s*=\s*["'](\w+)["']/g,
      ),
    ].map((m) => (m[1] ?? m[2] ?? "").toLowerCase()),
  );
  const onCreatedTable = (node: SgNode) =>
    created.size > 0 &&
    [...node.text().matchAll(/(?:^|[(,=]\s*)["']([\w.]+)["']/g)].some((m) =>
      created.has((m[1] ?? "").toLowerCase()),
    );
  return [
    ...input
      .findNodes(rules)
      .filter((node) => !onCreatedTable(node))
      .map((node) => toHit(node)),
    ...findSqlInLiterals(input, language),
  ];
}

export const unsafeMigration: Detector = {
  id: "unsafe-migration",
  languages: ["sql", "javascript", "typescript", "python"],
  category: "reliability",
  severity: "high",
  confidence: 0.85,
  title: "Migration locks or rewrites an existing table",
  body:
    "This schema change takes an exclusive lock on an existing table, rewrites it, or breaks the release " +
    "still running during the deploy; on a large table that means minutes of blocked reads and writes or a " +
    "failed migration. Split it into safe steps: add the column nullable (or with a constant DEFAULT), " +
    "backfill in batches, then add the constraint (`NOT VALID` + `VALIDATE`); build indexes with " +
    "`CREATE INDEX CONCURRENTLY` (outside a transaction); change a type through a new column; drop a column " +
    "only after the code has stopped using it.",
  prefilter: matchesAllPatterns([
    /ALTER|alter|INDEX|index|Index|drop|Drop|DROP|remove|Remove|change|notNullable|nullable|add_column|AddField|create_index|Rename|rename|RENAME|Constraint|constraint|CONSTRAINT|references|foreign|primary|unique|Unique|Together|op\./,
  ]),
  detect: detectMigration,
};
