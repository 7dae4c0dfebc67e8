import type { DetectorHit } from "./detector.js";

/**
 * Blanks SQL comments and the contents of string literals (keeping every newline and the text's length), so
 * keyword matches cannot come from them and offsets still map to lines.
 */
export function maskSql(sql: string): string {
  const out = sql.split("");
  const blank = (from: number, to: number) => {
    for (let i = from; i < to && i < out.length; i++) if (out[i] !== "\n") out[i] = " ";
  };
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    if (ch === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      const stop = end === -1 ? sql.length : end;
      blank(i, stop);
      i = stop;
    } else if (ch === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      const stop = end === -1 ? sql.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (ch === "'") {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === "'" && sql[j + 1] !== "'")) j += sql[j] === "'" ? 2 : 1;
      blank(i + 1, j);
      i = j + 1;
    } else if (ch === "$") {
      const tag = /^\$(\w*)\$/.exec(sql.slice(i, i + 64));
      if (!tag) {
        i++;
        continue;
      }
      const end = sql.indexOf(tag[0], i + tag[0].length);
      const stop = end === -1 ? sql.length : end + tag[0].length;
      blank(i + tag[0].length, end === -1 ? sql.length : end);
      i = stop;
    } else {
      i++;
    }
  }
  return out.join("");
}

interface Statement {
  text: string;
  offset: number;
}

function splitStatements(masked: string): Statement[] {
  const statements: Statement[] = [];
  let start = 0;
  for (let i = 0; i <= masked.length; i++) {
    if (i === masked.length || masked[i] === ";") {
      statements.push({ text: masked.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  return statements;
}

/** Splits an ALTER TABLE body into its clauses at top-level commas. */
function splitClauses(text: string, offset: number): Statement[] {
  const clauses: Statement[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (i === text.length || (ch === "," && depth === 0)) {
      clauses.push({ text: text.slice(start, i), offset: offset + start });
      start = i + 1;
    }
  }
  return clauses;
}

const identifier = String.raw`(?:"[^"]+"|\x60[^\x60]+\x60|[\w$]+)(?:\.(?:"[^"]+"|\x60[^\x60]+\x60|[\w$]+))?`;
const createTable = new RegExp(
  String.raw`^\s*CREATE\s+(?:TEMP(?:ORARY)?\s+|UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(${identifier})`,
  "i",
);
const createIndex = new RegExp(
  String.raw`^\s*CREATE\s+(UNIQUE\s+)?INDEX\b(?![\s\S]*\bCONCURRENTLY\b)[\s\S]*?\bON\s+(?:ONLY\s+)?(${identifier})`,
  "i",
);
const alterTable = new RegExp(
  String.raw`^\s*ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${identifier})\s+`,
  "i",
);

function normaliseName(name: string): string {
  return (
    name
      .replace(/["\x60]/g, "")
      .toLowerCase()
      .split(".")
      .pop() ?? name
  );
}

// Defaults Postgres evaluates once for the whole ALTER (no rewrite since PG 11); any other function call is taken
// as volatile (`random()`, `gen_random_uuid()`, `clock_timestamp()`, a user function), which rewrites the table.
const stableDefaultFunctions =
  /^(now|current_timestamp|current_date|current_time|localtimestamp|localtime|transaction_timestamp|statement_timestamp|array|cast|coalesce|lower|upper|jsonb_build_object|json_build_object|to_jsonb|interval)$/i;

function hasVolatileDefault(text: string): boolean {
  const defaultExpression =
    /\bDEFAULT\s+([\s\S]*?)(?=\bNOT\s+NULL\b|\bNULL\b|\bCONSTRAINT\b|\bCHECK\b|\bREFERENCES\b|$)/i.exec(
      text,
    )?.[1];
  if (!defaultExpression) return false;
  for (const call of defaultExpression.matchAll(/\b([A-Za-z_][\w.]*)\s*\((\s*\))?/g)) {
    const name = (call[1] ?? "").split(".").pop() ?? "";
    if (!stableDefaultFunctions.test(name)) return true;
    // `now()` is evaluated once; `now(123)` is not the built-in.
    if (/^(now|transaction_timestamp|statement_timestamp)$/i.test(name) && call[2] === undefined) return true;
  }
  return false;
}

/** What is risky about one ALTER TABLE clause, or undefined. */
function describeClause(clause: string): string | undefined {
  const text = clause.trim();
  if (/^ADD\s+(?!CONSTRAINT\b|PRIMARY\b|FOREIGN\b|UNIQUE\b|CHECK\b|INDEX\b|KEY\b)/i.test(text)) {
    if (/\bNOT\s+NULL\b/i.test(text) && !/\bDEFAULT\b/i.test(text) && !/\bGENERATED\b/i.test(text))
      return "ADD COLUMN … NOT NULL without a DEFAULT fails on a table with rows (PostgreSQL) or rewrites it (MySQL).";
    if (/\bGENERATED\s+ALWAYS\s+AS\s*\([\s\S]*\)\s*STORED\b/i.test(text))
      return "ADD COLUMN … GENERATED … STORED rewrites the table under an exclusive lock; add a plain column, backfill it in batches and keep it in sync with a trigger.";
    if (hasVolatileDefault(text))
      return "ADD COLUMN with a volatile DEFAULT (a function evaluated per row) rewrites the table under an exclusive lock; add the column without a default, set the default, then backfill in batches.";
    if (/\bREFERENCES\b/i.test(text))
      return "ADD COLUMN … REFERENCES adds a foreign key that scans the table and locks both tables; add the column, then the constraint with NOT VALID and VALIDATE it separately.";
    if (/\b(PRIMARY\s+KEY|UNIQUE)\b/i.test(text) || /\bSERIAL\b[\s\S]*\bPRIMARY\b/i.test(text))
      return "ADD COLUMN … UNIQUE/PRIMARY KEY builds an index under an exclusive lock; build it with CREATE UNIQUE INDEX CONCURRENTLY and add the constraint USING INDEX.";
    return undefined;
  }
  if (/^ADD\s+(CONSTRAINT\s+\S+\s+)?(FOREIGN\s+KEY|CHECK)\b/i.test(text) && !/\bNOT\s+VALID\b/i.test(text))
    return "ADD CONSTRAINT … FOREIGN KEY/CHECK without NOT VALID scans the whole table while it blocks writes; add it NOT VALID, then VALIDATE CONSTRAINT in a separate transaction.";
  if (/^ADD\s+(CONSTRAINT\s+\S+\s+)?(PRIMARY\s+KEY|UNIQUE)\b/i.test(text) && !/\bUSING\s+INDEX\b/i.test(text))
    return "ADD PRIMARY KEY/UNIQUE builds its index under an exclusive lock; build it with CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … USING INDEX.";
  if (/^ALTER\s+(COLUMN\s+)?\S+\s+(SET\s+DATA\s+)?TYPE\b/i.test(text))
    return "ALTER COLUMN … TYPE rewrites the table under an exclusive lock.";
  if (/^(MODIFY|CHANGE)\s+(COLUMN\s+)?\S+/i.test(text))
    return "MODIFY/CHANGE COLUMN changes the column type and copies the table.";
  if (/^ALTER\s+(COLUMN\s+)?\S+\s+SET\s+NOT\s+NULL\b/i.test(text))
    return "SET NOT NULL scans the whole table under an exclusive lock; add a NOT VALID check constraint and validate it first.";
  if (/^DROP\s+COLUMN\b/i.test(text))
    return "DROP COLUMN breaks instances still running the previous release; stop reading the column first, drop it in a later deploy.";
  if (/^RENAME\s+(TO\b|(COLUMN\s+)?\S+\s+TO\b)/i.test(text) && !/^RENAME\s+CONSTRAINT\b/i.test(text))
    return "RENAME breaks instances still running the previous release, which use the old name; add the new column or a view, migrate readers and writers, then drop the old name.";
  return undefined;
}

function toLine(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Statements of a SQL migration that lock or rewrite an existing table, or break the release still running:
 * CREATE INDEX / DROP INDEX / REINDEX without CONCURRENTLY, ADD COLUMN NOT NULL without DEFAULT or with a volatile
 * DEFAULT or GENERATED … STORED, foreign keys and checks without NOT VALID (or validated in the same
 * transaction), PRIMARY KEY/UNIQUE without USING INDEX, column type changes, SET NOT NULL, DROP COLUMN, renames.
 * Tables created in the same text are exempt (they are empty).
 *
 * @example findRiskySqlMigrations("CREATE INDEX i ON users (email);")[0].startLine === 1
 */
export function findRiskySqlMigrations(sql: string): DetectorHit[] {
  const masked = maskSql(sql);
  const statements = splitStatements(masked);
  const created = new Set<string>();
  for (const statement of statements) {
    const match = createTable.exec(statement.text);
    if (match?.[1]) created.add(normaliseName(match[1]));
  }
  const hits: DetectorHit[] = [];
  const hitAt = (offset: number, end: number, detail: string) => {
    const startLine = toLine(masked, offset);
    hits.push({ startLine, endLine: Math.max(startLine, toLine(masked, end)), detail });
  };
  let inTransaction = false;
  const notValidInTransaction = new Set<string>();
  for (const statement of statements) {
    const lead = statement.offset + (statement.text.length - statement.text.trimStart().length);
    const trimmed = statement.text.trim();
    if (/^(BEGIN|START\s+TRANSACTION)\b/i.test(trimmed)) inTransaction = true;
    if (/^(COMMIT|END|ROLLBACK)\b/i.test(trimmed)) {
      inTransaction = false;
      notValidInTransaction.clear();
    }
    const index = createIndex.exec(statement.text);
    if (index?.[2] && !created.has(normaliseName(index[2]))) {
      hitAt(
        lead,
        lead,
        "CREATE INDEX without CONCURRENTLY blocks writes to the table while the index builds.",
      );
      continue;
    }
    if (/^DROP\s+INDEX\b(?!\s+CONCURRENTLY\b)/i.test(trimmed)) {
      hitAt(
        lead,
        lead,
        "DROP INDEX without CONCURRENTLY blocks reads and writes of the table while it waits for its lock.",
      );
      continue;
    }
    if (/^REINDEX\b(?![\s\S]*\bCONCURRENTLY\b)/i.test(trimmed)) {
      hitAt(
        lead,
        lead,
        "REINDEX without CONCURRENTLY blocks writes (and reads through the index) while it rebuilds.",
      );
      continue;
    }
    const alter = alterTable.exec(statement.text);
    if (!alter?.[1] || created.has(normaliseName(alter[1]))) continue;
    const table = normaliseName(alter[1]);
    const bodyStart = alter[0].length;
    for (const clause of splitClauses(statement.text.slice(bodyStart), statement.offset + bodyStart)) {
      const clauseText = clause.text.trim();
      if (inTransaction && /^ADD\b[\s\S]*\bNOT\s+VALID\b/i.test(clauseText)) notValidInTransaction.add(table);
      let detail = describeClause(clause.text);
      if (!detail && /^VALIDATE\s+CONSTRAINT\b/i.test(clauseText) && notValidInTransaction.has(table))
        detail =
          "VALIDATE CONSTRAINT in the transaction that added the constraint NOT VALID keeps that transaction's lock for the whole scan; validate in a separate transaction.";
      if (!detail) continue;
      const clauseStart = clause.offset + (clause.text.length - clause.text.trimStart().length);
      hitAt(clauseStart, clauseStart, detail);
    }
  }
  return hits;
}
