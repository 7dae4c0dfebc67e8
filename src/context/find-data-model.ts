import { isMigrationPath } from "../detectors/detect-language.js";

const sqlKeywords = new Set(
  "select from where join inner left right outer on as and or not null set values into update delete insert table if exists only lateral the a an".split(
    " ",
  ),
);

const tablePatterns: RegExp[] = [
  /\b(?:from|join|into|update|table)\s+[`"[]?(?:\w+\.)?(\w+)/gi,
  /\b(?:knex|db|trx|sql)\(\s*["'`](\w+)["'`]/g,
  /\.(?:from|table|into|withSchema|model)\(\s*["'`](\w+)["'`]/g,
  /\bprisma\.(\w+)\./g,
  /\b([A-Z]\w*)\.(?:objects|query|find|findOne|findAll|findMany|findFirst|findUnique|findByPk|findById|create|update|updateOne|updateMany|destroy|delete|count|aggregate|select|where)\b/g,
  /\b(?:getRepository|InjectRepository|Repository<)\(?\s*(\w+)/g,
  /\bdb\.collection\(\s*["'`](\w+)["'`]/g,
  /\bdb\.(\w+)\.(?:find|insert|update|delete|aggregate)/g,
];

/**
 * Table, model and collection names that code lines query or write: SQL keywords (`FROM users`),
 * query builders (`knex("users")`), ORMs (`prisma.user.`, `User.findAll`, `Order.objects`). Lower-cased,
 * each with its singular and plural spellings.
 */
export function findTableNames(lines: string[]): string[] {
  const names = new Set<string>();
  for (const line of lines) {
    for (const pattern of tablePatterns) {
      pattern.lastIndex = 0;
      for (const m of line.matchAll(pattern)) {
        const name = m[1]!;
        if (name.length < 3 || sqlKeywords.has(name.toLowerCase())) continue;
        for (const variant of spellings(name)) names.add(variant);
      }
    }
  }
  return [...names];
}

/** `OrderItem` → order_item, order_items, orderitem, orderitems; `users` → users, user. */
export function spellings(name: string): string[] {
  const snake = name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
  const out = new Set<string>();
  for (const base of [snake, snake.replace(/_/g, "")]) {
    out.add(base);
    if (base.endsWith("ies")) out.add(`${base.slice(0, -3)}y`);
    else if (base.endsWith("s")) out.add(base.slice(0, -1));
    else out.add(base.endsWith("y") ? `${base.slice(0, -1)}ies` : `${base}s`);
  }
  return [...out];
}

const dataModelPathPattern =
  /(^|\/)(models?|entities|entity|schema|schemas|db|database|prisma|persistence|repositories|domain)\/|(^|\/)(models|schema|entities)\.(py|ts|js|go|java)$|\.prisma$|(^|\/)schema\.(sql|rb)$|\.sql$/i;

/** Files that define the data model: migrations, schema files, ORM models and entities. */
export function isDataModelPath(path: string): boolean {
  if (/(^|\/)(test|tests|__tests__|spec)\//.test(path) || /\.(test|spec)\.\w+$/.test(path)) return false;
  return isMigrationPath(path) || dataModelPathPattern.test(path);
}

const definitionPattern =
  /create\s+(?:unique\s+)?(?:table|index|view)|alter\s+table|createTable|alterTable|\.table\(|\bmodel\s+\w+\s*\{|\bclass\s+\w+|__tablename__|@Table|@Entity|\bdefine\(|\bSchema\(|\bmodel\(|type\s+\w+\s+struct|add_column|addColumn|op\.(?:create_table|add_column|alter_column)|db_table/i;

/**
 * Lines (0-based) of `text` that start a definition of a table or model: a CREATE/ALTER TABLE, a migration
 * builder call, a Prisma model, an ORM class, `__tablename__`, `@Table`… `text` holds the line and, for a
 * class, the few lines after it (where `__tablename__` or `@Table` names the table). Computed once per
 * file; match the names against `text`.
 */
export function findModelDefinitions(text: string): { line: number; text: string }[] {
  const lines = text.split("\n");
  const out: { line: number; text: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!definitionPattern.test(line)) continue;
    const isClass = /\bclass\s+\w+/.test(line);
    out.push({ line: i, text: isClass ? lines.slice(i, i + 4).join("\n") : line });
  }
  return out;
}

/**
 * The block that starts at line `start` (0-based): up to the line where its brackets balance, or for an
 * indented block (Python), while lines are indented deeper. Returns the inclusive 0-based end line.
 */
export function findBlockEnd(lines: string[], start: number, maxLines: number): number {
  const first = lines[start] ?? "";
  const last = Math.min(lines.length - 1, start + maxLines - 1);
  if (/:\s*(#.*)?$/.test(first) && !/[({[]\s*$/.test(first)) {
    const indent = /^\s*/.exec(first)![0].length;
    let end = start;
    for (let i = start + 1; i <= last; i++) {
      const line = lines[i]!;
      if (line.trim() === "") continue;
      if (/^\s*/.exec(line)![0].length <= indent) break;
      end = i;
    }
    return end;
  }
  let depth = 0;
  let opened = false;
  for (let i = start; i <= last; i++) {
    for (const char of lines[i]!) {
      if (char === "(" || char === "{" || char === "[") {
        depth += 1;
        opened = true;
      } else if (char === ")" || char === "}" || char === "]") depth -= 1;
    }
    if (opened && depth <= 0) return i;
    if (!opened && /;\s*$/.test(lines[i]!)) return i;
  }
  return last;
}
