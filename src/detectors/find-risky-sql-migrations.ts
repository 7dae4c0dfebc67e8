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

/** What is risky about one ALTER TABLE clause, or undefined. */
function describeClause(clause: string): string | undefined {
  const text = clause.trim();
  if (/^ADD\s+(?!CONSTRAINT\b|PRIMARY\b|FOREIGN\b|UNIQUE\b|CHECK\b|INDEX\b|KEY\b)/i.test(text)) {
    if (/\bNOT\s+NULL\b/i.test(text) && !/\bDEFAULT\b/i.test(text) && !/\bGENERATED\b/i.test(text))
      return "ADD COLUMN … NOT NULL without a DEFAULT fails on a table with rows (PostgreSQL) or rewrites it (MySQL).";
    return undefined;
  }
  if (/^ALTER\s+(COLUMN\s+)?\S+\s+(SET\s+DATA\s+)?TYPE\b/i.test(text))
    return "ALTER COLUMN … TYPE rewrites the table under an exclusive lock.";
  if (/^(MODIFY|CHANGE)\s+(COLUMN\s+)?\S+/i.test(text))
    return "MODIFY/CHANGE COLUMN changes the column type and copies the table.";
  if (/^ALTER\s+(COLUMN\s+)?\S+\s+SET\s+NOT\s+NULL\b/i.test(text))
    return "SET NOT NULL scans the whole table under an exclusive lock; add a NOT VALID check constraint and validate it first.";
  if (/^DROP\s+COLUMN\b/i.test(text))
    return "DROP COLUMN breaks instances still running the previous release; stop reading the column first, drop it in a later deploy.";
  return undefined;
}

function toLine(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Statements of a SQL migration that lock or rewrite an existing table: CREATE INDEX without CONCURRENTLY,
 * ADD COLUMN NOT NULL without DEFAULT, column type changes, SET NOT NULL, DROP COLUMN. Tables created in the
 * same text are exempt (they are empty).
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
  for (const statement of statements) {
    const lead = statement.offset + (statement.text.length - statement.text.trimStart().length);
    const index = createIndex.exec(statement.text);
    if (index?.[2] && !created.has(normaliseName(index[2]))) {
      hitAt(
        lead,
        lead,
        "CREATE INDEX without CONCURRENTLY blocks writes to the table while the index builds.",
      );
      continue;
    }
    const alter = alterTable.exec(statement.text);
    if (!alter?.[1] || created.has(normaliseName(alter[1]))) continue;
    const bodyStart = alter[0].length;
    for (const clause of splitClauses(statement.text.slice(bodyStart), statement.offset + bodyStart)) {
      const detail = describeClause(clause.text);
      if (!detail) continue;
      const clauseStart = clause.offset + (clause.text.length - clause.text.trimStart().length);
      hitAt(clauseStart, clauseStart, detail);
    }
  }
  return hits;
}
