import type { FakeGitHubFile } from "./fake-github-client.js";
import { getBlobSha } from "./fake-github-client.js";

/**
 * A realistic TypeScript service of a few hundred files whose files import each other: per resource a
 * router (mounted in src/app.ts), a service, a repository that queries its table, a migration creating
 * the table and a test; plus middleware, a pool, manifests and docs. The pull request edits the middle of
 * a handler, a service function and a repository query of many resources (a one-line change each,
 * with three lines of context), so every kind of context has something to find.
 */
export interface RealisticRepo {
  tree: Record<string, string>;
  files: FakeGitHubFile[];
}

const nouns = [
  "order",
  "invoice",
  "customer",
  "product",
  "payment",
  "refund",
  "shipment",
  "coupon",
  "cart",
  "review",
  "supplier",
  "warehouse",
  "stock",
  "price",
  "tax",
  "discount",
  "address",
  "session",
  "token",
  "webhook",
  "report",
  "export",
  "import",
  "audit",
  "role",
  "team",
  "member",
  "plan",
  "subscription",
  "usage",
  "alert",
  "incident",
  "ticket",
  "comment",
  "tag",
  "category",
  "brand",
  "store",
  "region",
  "currency",
  "ledger",
  "transfer",
  "payout",
  "dispute",
  "fee",
  "quote",
  "contract",
  "vendor",
  "asset",
  "license",
  "device",
  "notification",
  "template",
  "schedule",
  "job",
  "event",
  "metric",
  "quota",
  "limit",
  "feature",
];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function routeFile(noun: string): string {
  const N = cap(noun);
  return [
    'import { Router } from "express";',
    'import { requireAuth } from "../middleware/auth.js";',
    `import { create${N}, list${N}s } from "../services/${noun}.js";`,
    "",
    `export const ${noun}Router = Router();`,
    "",
    `${noun}Router.get("/", requireAuth, async (req, res) => {`,
    "  const limit = Number(req.query.limit ?? 50);",
    "  const cursor = req.query.cursor ? String(req.query.cursor) : undefined;",
    "  const started = Date.now();",
    `  req.log.info({ route: "${noun}.list", limit }, "listing");`,
    `  const rows = await list${N}s(limit);`,
    '  res.setHeader("x-elapsed-ms", String(Date.now() - started));',
    "  res.json({ rows, cursor });",
    "});",
    "",
    `${noun}Router.post("/", requireAuth, async (req, res) => {`,
    `  const created = await create${N}(req.body);`,
    "  res.status(201).json(created);",
    "});",
    "",
  ].join("\n");
}

function serviceFile(noun: string, other: string): string {
  const N = cap(noun);
  const O = cap(other);
  return [
    `import { find${N}s, insert${N} } from "../repositories/${noun}-repo.js";`,
    `import { list${O}s } from "./${other}.js";`,
    "",
    `export async function list${N}s(limit: number) {`,
    "  const capped = Math.min(limit, 500);",
    `  const rows = await find${N}s(capped);`,
    `  return rows.map((row) => ({ ...row, kind: "${noun}" }));`,
    "}",
    "",
    `export async function create${N}(input: { name: string }) {`,
    '  if (!input.name) throw new Error("name is required");',
    `  const related = await list${O}s(1);`,
    `  return insert${N}({ name: input.name, related: related.length });`,
    "}",
    "",
  ].join("\n");
}

function repositoryFile(noun: string): string {
  const N = cap(noun);
  return [
    'import { db } from "../db/pool.js";',
    "",
    `export async function find${N}s(limit: number) {`,
    `  const result = await db.query("SELECT id, name, created_at FROM ${noun}s ORDER BY id LIMIT $1", [limit]);`,
    "  return result.rows;",
    "}",
    "",
    `export async function insert${N}(row: { name: string; related: number }) {`,
    `  const result = await db.query("INSERT INTO ${noun}s (name) VALUES ($1) RETURNING id", [row.name]);`,
    "  return result.rows[0];",
    "}",
    "",
  ].join("\n");
}

function migrationFile(noun: string): string {
  return `CREATE TABLE ${noun}s (\n  id BIGSERIAL PRIMARY KEY,\n  name TEXT NOT NULL,\n  created_at TIMESTAMPTZ NOT NULL DEFAULT now()\n);\n\nCREATE INDEX ${noun}s_created_at ON ${noun}s (created_at);\n`;
}

/** One replaced line (1-based `line`) in `text`: the head text and GitHub's patch with three lines of context. */
function editLine(text: string, line: number, replacement: string): { head: string; patch: string } {
  const lines = text.split("\n");
  const old = lines[line - 1]!;
  lines[line - 1] = replacement;
  const start = Math.max(1, line - 3);
  const end = Math.min(lines.length, line + 3);
  const body: string[] = [];
  for (let n = start; n <= end; n++) {
    if (n === line) body.push(`-${old}`, `+${replacement}`);
    else body.push(` ${lines[n - 1]}`);
  }
  const count = end - start + 1;
  return { head: lines.join("\n"), patch: `@@ -${start},${count} +${start},${count} @@\n${body.join("\n")}` };
}

export function buildRealisticRepo(params: { changedFiles: number }): RealisticRepo {
  const tree: Record<string, string> = {};
  tree["package.json"] = JSON.stringify(
    {
      name: "shop-api",
      type: "module",
      engines: { node: ">=20.18" },
      dependencies: { express: "4.21.2", pg: "8.13.1", pino: "9.5.0", zod: "3.24.1", ioredis: "5.4.2" },
    },
    null,
    2,
  );
  tree["tsconfig.json"] =
    '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] }, "strict": true } }';
  tree["src/db/pool.ts"] = 'import pg from "pg";\n\nexport const db = new pg.Pool({ max: 20 });\n';
  tree["src/middleware/auth.ts"] =
    "export function requireAuth(req, res, next) {\n  if (!req.user) return res.sendStatus(401);\n  next();\n}\n";
  const app = ['import express from "express";', ""];
  nouns.forEach((noun, i) => {
    const other = nouns[(i + 1) % nouns.length]!;
    tree[`src/routes/${noun}.ts`] = routeFile(noun);
    tree[`src/services/${noun}.ts`] = serviceFile(noun, other);
    tree[`src/repositories/${noun}-repo.ts`] = repositoryFile(noun);
    tree[`db/migrations/${String(i + 1).padStart(4, "0")}_create_${noun}s.sql`] = migrationFile(noun);
    tree[`test/${noun}.test.ts`] =
      `import { list${cap(noun)}s } from "../src/services/${noun}.js";\n\ntest("lists", async () => {\n  expect(await list${cap(noun)}s(1)).toBeDefined();\n});\n`;
    tree[`docs/api/${noun}.md`] = `# ${cap(noun)}s\n\nGET /${noun}s lists ${noun}s, newest last.\n`;
    app.splice(1 + i, 0, `import { ${noun}Router } from "./routes/${noun}.js";`);
    app.push(`app.use("/${noun}s", ${noun}Router);`);
  });
  app.splice(nouns.length + 2, 0, "export const app = express();", "app.use(express.json());");
  tree["src/app.ts"] = `${app.join("\n")}\n`;

  const files: FakeGitHubFile[] = [];
  const edit = (path: string, line: number, replacement: string) => {
    const { head, patch } = editLine(tree[path]!, line, replacement);
    tree[path] = head;
    files.push({ filename: path, status: "modified", additions: 1, deletions: 1, changes: 2, patch });
  };
  for (const noun of nouns) {
    if (files.length >= params.changedFiles) break;
    const N = cap(noun);
    edit(`src/routes/${noun}.ts`, 12, `  const rows = await list${N}s(limit, cursor);`);
    if (files.length >= params.changedFiles) break;
    edit(`src/services/${noun}.ts`, 6, `  const rows = await find${N}s(limit);`);
    if (files.length >= params.changedFiles) break;
    edit(
      `src/repositories/${noun}-repo.ts`,
      4,
      `  const result = await db.query("SELECT id, name, created_at FROM ${noun}s WHERE deleted_at IS NULL ORDER BY id LIMIT $1", [limit]);`,
    );
  }
  return { tree, files };
}

/** Bytes and blob count of a tree, for the report. */
export function describeTree(tree: Record<string, string>): { files: number; bytes: number; blobs: number } {
  const values = Object.values(tree);
  return {
    files: values.length,
    bytes: values.reduce((n, t) => n + Buffer.byteLength(t), 0),
    blobs: new Set(values.map(getBlobSha)).size,
  };
}
