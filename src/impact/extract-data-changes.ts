import type { Hunk } from "../diff/parse-patch.js";
import type { DataChange, TableQuery } from "./architecture-impact.js";
import { buildDiffSides, type DiffSide } from "./diff-sides.js";

/** Runs of consecutive changed lines as one text, so that a statement spread over lines is read whole. */
interface ChangedBlock {
  text: string;
  firstLine: number;
}

function listChangedBlocks(side: DiffSide): ChangedBlock[] {
  const lines = side.text.split("\n");
  const numbers = [...side.changed].sort((a, b) => a - b);
  const blocks: ChangedBlock[] = [];
  let current: { lines: string[]; firstLine: number; last: number } | undefined;
  for (const n of numbers) {
    if (current && n === current.last + 1) {
      current.lines.push(lines[n - 1] ?? "");
      current.last = n;
      continue;
    }
    if (current) blocks.push({ text: current.lines.join("\n"), firstLine: current.firstLine });
    current = { lines: [lines[n - 1] ?? ""], firstLine: n, last: n };
  }
  if (current) blocks.push({ text: current.lines.join("\n"), firstLine: current.firstLine });
  return blocks;
}

function lineAt(block: ChangedBlock, index: number): number {
  let line = block.firstLine;
  for (let i = 0; i < index; i += 1) if (block.text.charCodeAt(i) === 10) line += 1;
  return line;
}

/** A SQL identifier as written (`"public"."orders"`, `` `orders` ``, `[dbo].[orders]`) → `public.orders`. */
function cleanName(name: string): string {
  return name.replace(/["`[\]]/g, "").replace(/[;,(]+$/, "");
}

const ident = String.raw`((?:["\`\[]?[\w$]+["\`\]]?\.)?["\`\[]?[\w$]+["\`\]]?)`;
const ifExists = String.raw`(?:IF\s+(?:NOT\s+)?EXISTS\s+)?`;

interface SqlRule {
  pattern: RegExp;
  build(match: RegExpExecArray): Omit<DataChange, "path" | "line" | "tool">[];
}

const sqlRules: SqlRule[] = [
  {
    pattern: new RegExp(
      String.raw`\bCREATE\s+(?:TEMP(?:ORARY)?\s+|UNLOGGED\s+)?TABLE\s+${ifExists}${ident}`,
      "gi",
    ),
    build: (m) => [{ kind: "table", action: "created", name: cleanName(m[1]!) }],
  },
  {
    pattern: new RegExp(String.raw`\bDROP\s+TABLE\s+${ifExists}${ident}`, "gi"),
    build: (m) => [{ kind: "table", action: "dropped", name: cleanName(m[1]!) }],
  },
  {
    pattern: new RegExp(
      String.raw`\bCREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?${ifExists}${ident}\s+ON\s+(?:ONLY\s+)?${ident}`,
      "gi",
    ),
    build: (m) => [{ kind: "index", action: "created", name: cleanName(m[1]!), table: cleanName(m[2]!) }],
  },
  {
    pattern: new RegExp(String.raw`\bDROP\s+INDEX\s+(?:CONCURRENTLY\s+)?${ifExists}${ident}`, "gi"),
    build: (m) => [{ kind: "index", action: "dropped", name: cleanName(m[1]!) }],
  },
  {
    // One ALTER TABLE statement, up to its semicolon: each action of it.
    pattern: new RegExp(String.raw`\bALTER\s+TABLE\s+(?:ONLY\s+)?${ifExists}${ident}\s+([^;]*)`, "gi"),
    build: (m) => readAlterActions(cleanName(m[1]!), m[2] ?? ""),
  },
];

type ChangeShape = Omit<DataChange, "path" | "line" | "tool">;

/** The actions of one ALTER TABLE statement, first matching pattern wins (order matters). */
const alterActions: { pattern: RegExp; build(m: RegExpExecArray, table: string): ChangeShape }[] = [
  {
    pattern: /^ADD\s+CONSTRAINT\s+([\w"`]+)/i,
    build: (m, table) => ({ kind: "constraint", action: "created", name: cleanName(m[1]!), table }),
  },
  {
    pattern: /^ADD\s+(PRIMARY\s+KEY|FOREIGN\s+KEY|UNIQUE|CHECK)\b/i,
    build: (m, table) => ({
      kind: "constraint",
      action: "created",
      name: m[1]!.replace(/\s+/g, " ").toUpperCase(),
      table,
    }),
  },
  {
    pattern: /^DROP\s+CONSTRAINT\s+(?:IF\s+EXISTS\s+)?([\w"`]+)/i,
    build: (m, table) => ({ kind: "constraint", action: "dropped", name: cleanName(m[1]!), table }),
  },
  {
    pattern: /^ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?([\w"`]+)/i,
    build: (m, table) => ({ kind: "column", action: "created", name: cleanName(m[1]!), table }),
  },
  {
    pattern: /^DROP\s+(?:COLUMN\s+)?(?:IF\s+EXISTS\s+)?([\w"`]+)/i,
    build: (m, table) => ({ kind: "column", action: "dropped", name: cleanName(m[1]!), table }),
  },
  {
    pattern: /^(?:ALTER|MODIFY|CHANGE)\s+(?:COLUMN\s+)?([\w"`]+)/i,
    build: (m, table) => ({ kind: "column", action: "altered", name: cleanName(m[1]!), table }),
  },
  {
    pattern: /^RENAME\s+COLUMN\s+([\w"`]+)\s+TO\s+([\w"`]+)/i,
    build: (m, table) => ({
      kind: "column",
      action: "altered",
      name: `${cleanName(m[1]!)} → ${cleanName(m[2]!)}`,
      table,
    }),
  },
  {
    pattern: /^RENAME\s+TO\s+([\w"`.]+)/i,
    build: (m, table) => ({ kind: "table", action: "altered", name: `${table} → ${cleanName(m[1]!)}` }),
  },
];

function readAlterActions(table: string, actions: string): ChangeShape[] {
  const out: ChangeShape[] = [];
  for (const raw of splitTopLevel(actions)) {
    const action = raw.trim();
    for (const { pattern, build } of alterActions) {
      const m = pattern.exec(action);
      if (m) {
        out.push(build(m, table));
        break;
      }
    }
  }
  return out;
}

/** Splits `ADD a int, ADD CONSTRAINT c CHECK (x, y)` at commas outside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === "(") depth += 1;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

// --- Framework migrations: a call and where its names are ------------------------------------------------

interface CallRule {
  tool: string;
  pattern: RegExp;
  build(match: RegExpExecArray): Omit<DataChange, "path" | "line" | "tool">[];
}

const q = String.raw`['"\`]([\w.$-]+)['"\`]`;

const djangoRules: CallRule[] = [
  {
    tool: "Django",
    pattern: new RegExp(String.raw`migrations\.CreateModel\(\s*name\s*=\s*${q}`, "g"),
    build: (m) => [{ kind: "table", action: "created", name: m[1]! }],
  },
  {
    tool: "Django",
    pattern: new RegExp(String.raw`migrations\.DeleteModel\(\s*name\s*=\s*${q}`, "g"),
    build: (m) => [{ kind: "table", action: "dropped", name: m[1]! }],
  },
  {
    tool: "Django",
    pattern: new RegExp(
      String.raw`migrations\.AddField\(\s*model_name\s*=\s*${q}\s*,\s*name\s*=\s*${q}`,
      "g",
    ),
    build: (m) => [{ kind: "column", action: "created", name: m[2]!, table: m[1]! }],
  },
  {
    tool: "Django",
    pattern: new RegExp(
      String.raw`migrations\.RemoveField\(\s*model_name\s*=\s*${q}\s*,\s*name\s*=\s*${q}`,
      "g",
    ),
    build: (m) => [{ kind: "column", action: "dropped", name: m[2]!, table: m[1]! }],
  },
  {
    tool: "Django",
    pattern: new RegExp(
      String.raw`migrations\.(?:AlterField|RenameField)\(\s*model_name\s*=\s*${q}\s*,\s*(?:old_)?name\s*=\s*${q}`,
      "g",
    ),
    build: (m) => [{ kind: "column", action: "altered", name: m[2]!, table: m[1]! }],
  },
  {
    tool: "Django",
    pattern: new RegExp(
      String.raw`migrations\.AddIndex\(\s*model_name\s*=\s*${q}[\s\S]*?name\s*=\s*${q}`,
      "g",
    ),
    build: (m) => [{ kind: "index", action: "created", name: m[2]!, table: m[1]! }],
  },
  {
    tool: "Django",
    pattern: new RegExp(
      String.raw`migrations\.RemoveIndex\(\s*model_name\s*=\s*${q}\s*,\s*name\s*=\s*${q}`,
      "g",
    ),
    build: (m) => [{ kind: "index", action: "dropped", name: m[2]!, table: m[1]! }],
  },
  {
    tool: "Django",
    pattern: new RegExp(
      String.raw`migrations\.AddConstraint\(\s*model_name\s*=\s*${q}[\s\S]*?name\s*=\s*${q}`,
      "g",
    ),
    build: (m) => [{ kind: "constraint", action: "created", name: m[2]!, table: m[1]! }],
  },
  {
    tool: "Django",
    pattern: new RegExp(
      String.raw`migrations\.RemoveConstraint\(\s*model_name\s*=\s*${q}\s*,\s*name\s*=\s*${q}`,
      "g",
    ),
    build: (m) => [{ kind: "constraint", action: "dropped", name: m[2]!, table: m[1]! }],
  },
];

const alembicRules: CallRule[] = [
  {
    tool: "Alembic",
    pattern: new RegExp(String.raw`op\.create_table\(\s*${q}`, "g"),
    build: (m) => [{ kind: "table", action: "created", name: m[1]! }],
  },
  {
    tool: "Alembic",
    pattern: new RegExp(String.raw`op\.drop_table\(\s*${q}`, "g"),
    build: (m) => [{ kind: "table", action: "dropped", name: m[1]! }],
  },
  {
    tool: "Alembic",
    pattern: new RegExp(String.raw`op\.rename_table\(\s*${q}\s*,\s*${q}`, "g"),
    build: (m) => [{ kind: "table", action: "altered", name: `${m[1]} → ${m[2]}` }],
  },
  {
    tool: "Alembic",
    pattern: new RegExp(String.raw`op\.add_column\(\s*${q}\s*,\s*sa\.Column\(\s*${q}`, "g"),
    build: (m) => [{ kind: "column", action: "created", name: m[2]!, table: m[1]! }],
  },
  {
    tool: "Alembic",
    pattern: new RegExp(String.raw`op\.drop_column\(\s*${q}\s*,\s*${q}`, "g"),
    build: (m) => [{ kind: "column", action: "dropped", name: m[2]!, table: m[1]! }],
  },
  {
    tool: "Alembic",
    pattern: new RegExp(String.raw`op\.alter_column\(\s*${q}\s*,\s*${q}`, "g"),
    build: (m) => [{ kind: "column", action: "altered", name: m[2]!, table: m[1]! }],
  },
  {
    tool: "Alembic",
    pattern: new RegExp(String.raw`op\.create_index\(\s*(?:op\.f\()?${q}\)?\s*,\s*${q}`, "g"),
    build: (m) => [{ kind: "index", action: "created", name: m[1]!, table: m[2]! }],
  },
  {
    tool: "Alembic",
    pattern: new RegExp(String.raw`op\.drop_index\(\s*(?:op\.f\()?${q}`, "g"),
    build: (m) => [{ kind: "index", action: "dropped", name: m[1]! }],
  },
  {
    tool: "Alembic",
    pattern: new RegExp(
      String.raw`op\.create_(?:unique_constraint|foreign_key|check_constraint|primary_key)\(\s*(?:op\.f\()?${q}\)?\s*,\s*${q}`,
      "g",
    ),
    build: (m) => [{ kind: "constraint", action: "created", name: m[1]!, table: m[2]! }],
  },
  {
    tool: "Alembic",
    pattern: new RegExp(String.raw`op\.drop_constraint\(\s*(?:op\.f\()?${q}\)?\s*,\s*${q}`, "g"),
    build: (m) => [{ kind: "constraint", action: "dropped", name: m[1]!, table: m[2]! }],
  },
];

const typeormRules: CallRule[] = [
  {
    tool: "TypeORM",
    pattern: new RegExp(String.raw`createTable\(\s*new\s+Table\(\s*\{\s*name\s*:\s*${q}`, "g"),
    build: (m) => [{ kind: "table", action: "created", name: m[1]! }],
  },
  {
    tool: "TypeORM",
    pattern: new RegExp(String.raw`queryRunner\.dropTable\(\s*${q}`, "g"),
    build: (m) => [{ kind: "table", action: "dropped", name: m[1]! }],
  },
  {
    tool: "TypeORM",
    pattern: new RegExp(String.raw`addColumn\(\s*${q}\s*,\s*new\s+TableColumn\(\s*\{\s*name\s*:\s*${q}`, "g"),
    build: (m) => [{ kind: "column", action: "created", name: m[2]!, table: m[1]! }],
  },
  {
    tool: "TypeORM",
    pattern: new RegExp(String.raw`queryRunner\.dropColumn\(\s*${q}\s*,\s*${q}`, "g"),
    build: (m) => [{ kind: "column", action: "dropped", name: m[2]!, table: m[1]! }],
  },
  {
    tool: "TypeORM",
    pattern: new RegExp(
      String.raw`createIndex\(\s*${q}\s*,\s*new\s+TableIndex\(\s*\{\s*name\s*:\s*${q}`,
      "g",
    ),
    build: (m) => [{ kind: "index", action: "created", name: m[2]!, table: m[1]! }],
  },
  {
    tool: "TypeORM",
    pattern: new RegExp(String.raw`queryRunner\.dropIndex\(\s*${q}\s*,\s*${q}`, "g"),
    build: (m) => [{ kind: "index", action: "dropped", name: m[2]!, table: m[1]! }],
  },
  {
    tool: "TypeORM",
    pattern: new RegExp(String.raw`@Entity\(\s*(?:\{\s*name\s*:\s*)?${q}`, "g"),
    build: (m) => [{ kind: "table", action: "created", name: m[1]! }],
  },
];

const knexRules: CallRule[] = [
  {
    tool: "Knex",
    pattern: new RegExp(
      String.raw`schema(?:\s*\.withSchema\([^)]*\))?\s*\.createTable(?:IfNotExists)?\(\s*${q}`,
      "g",
    ),
    build: (m) => [{ kind: "table", action: "created", name: m[1]! }],
  },
  {
    tool: "Knex",
    pattern: new RegExp(
      String.raw`schema(?:\s*\.withSchema\([^)]*\))?\s*\.dropTable(?:IfExists)?\(\s*${q}`,
      "g",
    ),
    build: (m) => [{ kind: "table", action: "dropped", name: m[1]! }],
  },
  {
    tool: "Knex",
    pattern: new RegExp(
      String.raw`schema(?:\s*\.withSchema\([^)]*\))?\s*\.renameTable\(\s*${q}\s*,\s*${q}`,
      "g",
    ),
    build: (m) => [{ kind: "table", action: "altered", name: `${m[1]} → ${m[2]}` }],
  },
];

const liquibaseRules: CallRule[] = [
  {
    tool: "Liquibase",
    pattern: /<createTable\b[^>]*\btableName="([^"]+)"/g,
    build: (m) => [{ kind: "table", action: "created", name: m[1]! }],
  },
  {
    tool: "Liquibase",
    pattern: /<dropTable\b[^>]*\btableName="([^"]+)"/g,
    build: (m) => [{ kind: "table", action: "dropped", name: m[1]! }],
  },
  {
    tool: "Liquibase",
    pattern: /<addColumn\b[^>]*\btableName="([^"]+)"[^>]*>([\s\S]*?)<\/addColumn>/g,
    build: (m) =>
      [...(m[2] ?? "").matchAll(/<column\b[^>]*\bname="([^"]+)"/g)].map((c) => ({
        kind: "column" as const,
        action: "created" as const,
        name: c[1]!,
        table: m[1]!,
      })),
  },
  {
    tool: "Liquibase",
    pattern: /<dropColumn\b(?=[^>]*\btableName="([^"]+)")(?=[^>]*\bcolumnName="([^"]+)")/g,
    build: (m) => [{ kind: "column", action: "dropped", name: m[2]!, table: m[1]! }],
  },
  {
    tool: "Liquibase",
    pattern:
      /<(?:modifyDataType|renameColumn|addNotNullConstraint|dropNotNullConstraint)\b(?=[^>]*\btableName="([^"]+)")(?=[^>]*\b(?:columnName|oldColumnName)="([^"]+)")/g,
    build: (m) => [{ kind: "column", action: "altered", name: m[2]!, table: m[1]! }],
  },
  {
    tool: "Liquibase",
    pattern: /<createIndex\b(?=[^>]*\bindexName="([^"]+)")(?=[^>]*\btableName="([^"]+)")/g,
    build: (m) => [{ kind: "index", action: "created", name: m[1]!, table: m[2]! }],
  },
  {
    tool: "Liquibase",
    pattern: /<dropIndex\b[^>]*\bindexName="([^"]+)"/g,
    build: (m) => [{ kind: "index", action: "dropped", name: m[1]! }],
  },
  {
    tool: "Liquibase",
    pattern:
      /<add(?:UniqueConstraint|ForeignKeyConstraint|PrimaryKey)\b(?=[^>]*\bconstraintName="([^"]+)")(?=[^>]*\b(?:baseTableName|tableName)="([^"]+)")/g,
    build: (m) => [{ kind: "constraint", action: "created", name: m[1]!, table: m[2]! }],
  },
  {
    tool: "Liquibase",
    pattern:
      /<drop(?:UniqueConstraint|ForeignKeyConstraint|PrimaryKey)\b(?=[^>]*\bconstraintName="([^"]+)")(?=[^>]*\b(?:baseTableName|tableName)="([^"]+)")/g,
    build: (m) => [{ kind: "constraint", action: "dropped", name: m[1]!, table: m[2]! }],
  },
  {
    tool: "Liquibase",
    pattern: /-\s*createTable:\s*\n(?:\s+[\w]+:[^\n]*\n)*?\s+tableName:\s*['"]?([\w.]+)/g,
    build: (m) => [{ kind: "table", action: "created", name: m[1]! }],
  },
  {
    tool: "Liquibase",
    pattern: /-\s*dropTable:\s*\n(?:\s+[\w]+:[^\n]*\n)*?\s+tableName:\s*['"]?([\w.]+)/g,
    build: (m) => [{ kind: "table", action: "dropped", name: m[1]! }],
  },
];

function isMigrationPath(path: string): boolean {
  return /(^|\/)(?:migrations?|migrate|db\/migrate|alembic|versions|changelogs?|liquibase|flyway|schema)(\/|$)|(^|\/)V\d+(?:_\d+)*__[^/]+\.sql$|\.(?:up|down)\.sql$/i.test(
    path,
  );
}

function applyCallRules(rules: CallRule[], block: ChangedBlock, path: string, out: DataChange[]): void {
  for (const rule of rules) {
    for (const match of block.text.matchAll(rule.pattern)) {
      const line = lineAt(block, match.index ?? 0);
      for (const change of rule.build(match as RegExpExecArray))
        out.push({ ...change, path, line, tool: rule.tool });
    }
  }
}

function applySqlRules(block: ChangedBlock, path: string, tool: string, out: DataChange[]): void {
  for (const rule of sqlRules) {
    for (const match of block.text.matchAll(rule.pattern)) {
      const line = lineAt(block, match.index ?? 0);
      for (const change of rule.build(match as RegExpExecArray)) out.push({ ...change, path, line, tool });
    }
  }
}

/**
 * Schema changes a file's added lines make: SQL (plain migrations, golang-migrate, Flyway, Liquibase SQL,
 * SQL inside TypeORM/Knex/Go migrations), Django, Alembic, TypeORM, Knex and Liquibase XML/YAML change
 * sets, and Prisma schema models and fields (also removed ones).
 */
export function extractDataChanges(path: string, hunks: readonly Hunk[]): DataChange[] {
  const { head, base } = buildDiffSides(hunks);
  if (path.endsWith(".prisma")) return extractPrismaChanges(path, head, base);
  const out: DataChange[] = [];
  const migration = isMigrationPath(path);
  const isSql = path.endsWith(".sql");
  for (const block of listChangedBlocks(head)) {
    if (isSql || migration) {
      applySqlRules(block, path, isSql ? getSqlTool(path) : "SQL", out);
    }
    if (/\.py$/.test(path)) {
      if (/migrations\//.test(path)) applyCallRules(djangoRules, block, path, out);
      applyCallRules(alembicRules, block, path, out);
    }
    if (/\.[cm]?[jt]s$/.test(path)) {
      applyCallRules(typeormRules, block, path, out);
      applyCallRules(knexRules, block, path, out);
      if (migration) applyKnexColumns(block, head, path, out);
    }
    if (/\.(?:xml|ya?ml|json)$/.test(path) && /liquibase|changelog|changeset|db\//i.test(path)) {
      applyCallRules(liquibaseRules, block, path, out);
    }
  }
  return dedupe(out).sort((a, b) => a.line - b.line);
}

function getSqlTool(path: string): string {
  if (/(^|\/)V\d+(?:_\d+)*__[^/]+\.sql$/.test(path)) return "Flyway";
  if (/\.(?:up|down)\.sql$/.test(path)) return "golang-migrate";
  return "SQL";
}

/** Knex columns inside `createTable`/`alterTable`/`table` callbacks: `t.string('email')`, `t.dropColumn('x')`. */
function applyKnexColumns(block: ChangedBlock, head: DiffSide, path: string, out: DataChange[]): void {
  const lines = head.text.split("\n");
  const columnCall =
    /\b(\w+)\.(string|text|integer|bigInteger|increments|bigIncrements|boolean|date|datetime|timestamp|decimal|float|double|json|jsonb|uuid|enu|enum|binary|specificType|dropColumn|renameColumn|index|unique|foreign)\(\s*(\[[^\]]*\]|['"`][\w.]+['"`])/g;
  for (const match of block.text.matchAll(columnCall)) {
    const line = lineAt(block, match.index ?? 0);
    // The table: the nearest `createTable('x'` / `alterTable('x'` / `.table('x'` above, on either kind of line.
    let table: string | undefined;
    let created = false;
    for (let n = line; n >= 1 && table === undefined; n -= 1) {
      const t = /\.(createTable(?:IfNotExists)?|alterTable|table)\(\s*['"`]([\w.]+)['"`]/.exec(
        lines[n - 1] ?? "",
      );
      if (t) {
        table = t[2];
        created = t[1]!.startsWith("createTable");
      }
    }
    if (!table) continue;
    const kind = match[2]!;
    const name = match[3]!.replace(/[[\]'"`\s]/g, "");
    if (kind === "index")
      out.push({ kind: "index", action: "created", name, table, path, line, tool: "Knex" });
    else if (kind === "unique" || kind === "foreign")
      out.push({
        kind: "constraint",
        action: "created",
        name: `${kind.toUpperCase()} (${name})`,
        table,
        path,
        line,
        tool: "Knex",
      });
    else if (kind === "dropColumn")
      out.push({ kind: "column", action: "dropped", name, table, path, line, tool: "Knex" });
    else if (kind === "renameColumn")
      out.push({ kind: "column", action: "altered", name, table, path, line, tool: "Knex" });
    else if (!created) out.push({ kind: "column", action: "created", name, table, path, line, tool: "Knex" });
  }
}

function extractPrismaChanges(path: string, head: DiffSide, base: DiffSide): DataChange[] {
  const out: DataChange[] = [];
  const read = (side: DiffSide, action: "created" | "dropped") => {
    const lines = side.text.split("\n");
    let model: { name: string; changedHeader: boolean } | undefined;
    lines.forEach((text, index) => {
      const line = index + 1;
      const header = /^\s*model\s+(\w+)\s*\{/.exec(text);
      if (header) {
        model = { name: header[1]!, changedHeader: side.changed.has(line) };
        if (model.changedHeader)
          out.push({ kind: "table", action, name: model.name, path, line, tool: "Prisma" });
        return;
      }
      if (/^\s*}/.test(text)) {
        model = undefined;
        return;
      }
      if (!model || model.changedHeader || !side.changed.has(line)) return;
      const index_ = /^\s*@@(index|unique|id)\(\s*(?:fields\s*:\s*)?\[([^\]]*)\]/.exec(text);
      if (index_) {
        out.push({
          kind: index_[1] === "index" ? "index" : "constraint",
          action,
          name: `${index_[1]} (${index_[2]!.replace(/\s+/g, "")})`,
          table: model.name,
          path,
          line,
          tool: "Prisma",
        });
        return;
      }
      const field = /^\s*(\w+)\s+[A-Z]\w*(?:\[\]|\?)?/.exec(text);
      if (field)
        out.push({ kind: "column", action, name: field[1]!, table: model.name, path, line, tool: "Prisma" });
    });
  };
  read(head, "created");
  read(base, "dropped");
  // A field both removed and added in one model is a change of that field.
  const created = new Map(
    out.filter((c) => c.action === "created").map((c) => [`${c.kind}:${c.table}:${c.name}`, c]),
  );
  const result: DataChange[] = [];
  for (const change of out) {
    const key = `${change.kind}:${change.table}:${change.name}`;
    if (change.action === "dropped" && created.has(key)) {
      created.get(key)!.action = "altered";
      continue;
    }
    result.push(change);
  }
  return result;
}

function dedupe(changes: DataChange[]): DataChange[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const key = `${c.kind}:${c.action}:${c.table ?? ""}:${c.name}:${c.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// --- Queries ------------------------------------------------------------------------------------------

const queryPatterns: { operation: TableQuery["operation"]; pattern: RegExp }[] = [
  { operation: "select", pattern: /\bSELECT\b[\s\S]{0,400}?\bFROM\s+([\w."`[\]]+)/g },
  { operation: "select", pattern: /\bJOIN\s+([\w."`[\]]+)/g },
  { operation: "insert", pattern: /\bINSERT\s+(?:IGNORE\s+)?INTO\s+([\w."`[\]]+)/g },
  { operation: "update", pattern: /\bUPDATE\s+([\w."`[\]]+)\s+SET\b/g },
  { operation: "delete", pattern: /\bDELETE\s+FROM\s+([\w."`[\]]+)/g },
];

/**
 * Tables that new SQL in the code reads or writes (`SELECT … FROM orders`, `INSERT INTO …`): SQL in the
 * added lines of code files (not migrations), keywords in capitals as SQL in code is written.
 */
export function extractTableQueries(path: string, hunks: readonly Hunk[]): TableQuery[] {
  if (
    isMigrationPath(path) ||
    path.endsWith(".sql") ||
    !/\.(?:[cm]?[jt]sx?|py|go|java|kt|rb|php|cs)$/.test(path)
  )
    return [];
  const { head } = buildDiffSides(hunks);
  const out: TableQuery[] = [];
  const seen = new Set<string>();
  for (const block of listChangedBlocks(head)) {
    for (const { operation, pattern } of queryPatterns) {
      for (const match of block.text.matchAll(pattern)) {
        const table = cleanName(match[1]!);
        if (!/^[A-Za-z_][\w.]*$/.test(table) || /^(?:SELECT|WHERE|SET|VALUES|DUAL|LATERAL)$/i.test(table))
          continue;
        const line = lineAt(block, match.index ?? 0);
        const key = `${operation}:${table}:${line}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ table, operation, path, line });
      }
    }
  }
  return out;
}
