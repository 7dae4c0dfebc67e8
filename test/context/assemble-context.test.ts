import { createHash } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { assembleContext } from "../../src/context/assemble-context.js";
import { createMemoryBlobCache } from "../../src/context/blob-cache.js";
import { buildRepoMap } from "../../src/context/build-repo-map.js";
import { createExplorationTools } from "../../src/context/exploration-tools.js";
import { findTableNames } from "../../src/context/find-data-model.js";
import { findDeclarations } from "../../src/context/find-declarations.js";
import { loadRepoSnapshot } from "../../src/context/repo-snapshot.js";
import { parsePatch } from "../../src/diff/parse-patch.js";
import type { GitHubClient } from "../../src/github/github-client.js";

const sha = (text: string) =>
  createHash("sha1")
    .update(`blob ${Buffer.byteLength(text)}\0${text}`)
    .digest("hex");

/**
 * A GitHub stand-in for the Git Data API: trees by SHA (a commit SHA lists the root), blobs by SHA; the
 * recursive root listing is truncated when `truncateAt` entries are exceeded, like GitHub's cap.
 */
function createFakeGitData(files: Record<string, string>, options: { truncateAt?: number } = {}) {
  const calls: string[] = [];
  const blobs = new Map(Object.values(files).map((text) => [sha(text), text]));
  const treeSha = (dir: string) => `tree:${dir}`;
  const list = (dir: string, recursive: boolean) => {
    const prefix = dir ? `${dir}/` : "";
    const entries: { path: string; type: string; sha: string; size?: number }[] = [];
    const dirs = new Set<string>();
    for (const [path, text] of Object.entries(files)) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      const parts = rest.split("/");
      for (let i = 1; i < parts.length; i++) {
        const sub = parts.slice(0, i).join("/");
        if (!recursive && i > 1) break;
        if (!dirs.has(sub)) {
          dirs.add(sub);
          entries.push({ path: sub, type: "tree", sha: treeSha(prefix + sub) });
        }
      }
      if (recursive || parts.length === 1)
        entries.push({ path: rest, type: "blob", sha: sha(text), size: Buffer.byteLength(text) });
    }
    return entries;
  };
  const octokit = {
    rest: {
      git: {
        async getTree(params: { tree_sha: string; recursive?: string }) {
          calls.push(`tree ${params.tree_sha}${params.recursive ? " recursive" : ""}`);
          const dir = params.tree_sha.startsWith("tree:") ? params.tree_sha.slice(5) : "";
          const entries = list(dir, params.recursive === "1");
          const truncated =
            options.truncateAt !== undefined &&
            dir === "" &&
            params.recursive === "1" &&
            entries.length > options.truncateAt;
          return { data: { tree: truncated ? entries.slice(0, options.truncateAt) : entries, truncated } };
        },
        async getBlob(params: { file_sha: string }) {
          calls.push(`blob ${params.file_sha.slice(0, 7)}`);
          const text = blobs.get(params.file_sha);
          if (text === undefined) throw Object.assign(new Error("Not Found"), { status: 404 });
          return { data: { encoding: "base64", content: Buffer.from(text).toString("base64") } };
        },
      },
    },
  };
  return { octokit: octokit as unknown as GitHubClient, calls };
}

const repoFiles: Record<string, string> = {
  "package.json": JSON.stringify({
    engines: { node: ">=20" },
    dependencies: { fastify: "5.0.0", pg: "8.0.0" },
  }),
  "src/server.ts":
    'import { ordersRoutes } from "./routes/orders.js";\napp.register(ordersRoutes, { prefix: "/orders" });\n',
  "src/routes/orders.ts": [
    'import { listOrders } from "../services/orders.js";',
    "",
    "export async function ordersRoutes(app) {",
    '  app.get("/", async (req) => {',
    "    const limit = req.query.limit;",
    "    const a = 1;",
    "    const b = 2;",
    "    const c = 3;",
    "    return listOrders(limit);",
    "  });",
    "}",
    "",
  ].join("\n"),
  "src/services/orders.ts":
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the code under test, not a template
    "export async function listOrders(limit) {\n  return db.query(`SELECT * FROM orders LIMIT ${limit}`);\n}\n",
  "db/migrations/001_orders.sql": "CREATE TABLE orders (\n  id BIGSERIAL PRIMARY KEY\n);\n",
  ".env": "DATABASE_PASSWORD=hunter2hunter2hunter2\n",
};
const ordersPatch =
  "@@ -7,3 +7,3 @@\n     const b = 2;\n     const c = 3;\n-    return listOrders();\n+    return listOrders(limit);\n   });";

async function load(files = repoFiles, options: { truncateAt?: number; maxRequests?: number } = {}) {
  const fake = createFakeGitData(files, options);
  const snapshot = await loadRepoSnapshot({
    octokit: fake.octokit,
    owner: "acme",
    repo: "shop-api",
    headSha: "c0ffee",
    cache: createMemoryBlobCache(),
    maxRequests: options.maxRequests ?? 100,
    maxFileBytes: 100_000,
    neededPaths: ["src/routes/orders.ts"],
  });
  return { snapshot, calls: fake.calls };
}

describe("assembleContext", () => {
  it("has the files' declarations found through parseDeclarations (the analysis pool) and assembles the same context", async () => {
    // Contents of their own (declarations are remembered by blob SHA across tests).
    const files = Object.fromEntries(
      Object.entries(repoFiles).map(([path, text]) => [
        path,
        path.endsWith(".json") ? text : `${text}\n// parsed in the pool\n`,
      ]),
    );
    const changed = [{ path: "src/routes/orders.ts", hunks: parsePatch(ordersPatch) }];
    const asked: string[] = [];
    const viaPool = await assembleContext({
      snapshot: (await load(files)).snapshot,
      files: changed,
      budgetTokens: 10_000,
      parseDeclarations: async (batch) => {
        asked.push(...batch.map((file) => file.language));
        return batch.map((file) => findDeclarations(file.text, file.language));
      },
    });
    const here = await assembleContext({
      snapshot: (await load(files)).snapshot,
      files: changed,
      budgetTokens: 10_000,
    });
    expect(asked).toContain("typescript");
    expect(viaPool.pieces.map((p) => [p.kind, p.path])).toEqual(here.pieces.map((p) => [p.kind, p.path]));
    expect(viaPool.pieces).toEqual(here.pieces);
    expect(viaPool.pieces.some((p) => p.kind === "enclosing")).toBe(true);
  });

  it("ranks enclosing code, definitions, usages, data model and map, and answers getContextForLocation", async () => {
    const { snapshot } = await load();
    const context = await assembleContext({
      snapshot,
      files: [{ path: "src/routes/orders.ts", hunks: parsePatch(ordersPatch) }],
      budgetTokens: 10_000,
    });
    expect(context.pieces.map((p) => [p.kind, p.path])).toEqual([
      ["enclosing", "src/routes/orders.ts"],
      ["definition", "src/services/orders.ts"],
      ["usage", "src/server.ts"],
      ["map", ""],
    ]);
    expect(context.pieces[0]!.text).toBe(
      '…\n4:   app.get("/", async (req) => {\n5:     const limit = req.query.limit;\n6:     const a = 1;\n…\n10:   });\n…',
    );
    expect(context.notes).toEqual([]);
    // The secret-looking file is never read.
    expect(snapshot.readPaths()).not.toContain(".env");
    expect(context.getContextForLocation("src/routes/orders.ts", 5).map((p) => p.kind)).toEqual([
      "enclosing",
      "definition",
      "usage",
      "map",
    ]);
    expect(context.getContextForLocation("src/services/orders.ts", 2).map((p) => p.kind)).toEqual([
      "definition",
      "map",
    ]);
    expect(context.getContextForLocation("src/other.ts", 1).map((p) => p.kind)).toEqual(["map"]);
  });

  it("finds Go definitions in a package of the same module and in the same package", async () => {
    const goFiles: Record<string, string> = {
      "go.mod": "module github.com/acme/shop\n\ngo 1.22\n",
      "internal/store/store.go":
        'package store\n\nfunc FindUser(db *sql.DB, name string) (*User, error) {\n\treturn db.QueryRow("SELECT id FROM users WHERE name = \'" + name + "\'")\n}\n',
      "cmd/api/validate.go": "package main\n\nfunc validate(name string) bool {\n\treturn len(name) > 0\n}\n",
      "cmd/api/handler.go":
        'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/acme/shop/internal/store"\n)\n\nfunc handle(w http.ResponseWriter, r *http.Request) {\n\tname := r.URL.Query().Get("name")\n\tif validate(name) {\n\t\tstore.FindUser(db, name)\n\t}\n}\n',
    };
    const { snapshot } = await load(goFiles);
    const patch =
      '@@ -10,3 +10,4 @@\n \tname := r.URL.Query().Get("name")\n \tif validate(name) {\n+\t\tstore.FindUser(db, name)\n \t}';
    const context = await assembleContext({
      snapshot,
      files: [{ path: "cmd/api/handler.go", hunks: parsePatch(patch) }],
      budgetTokens: 10_000,
    });
    const definitions = context.pieces.filter((p) => p.kind === "definition");
    expect(definitions.map((p) => p.path)).toEqual(["internal/store/store.go"]);
    expect(definitions[0]!.text).toContain("3: func FindUser(db *sql.DB, name string) (*User, error) {");
    expect(context.pieces.find((p) => p.kind === "map")!.text).toContain(
      "go.mod: Go 1.22, module github.com/acme/shop",
    );
  });

  it("finds a Go function of the same package, called without an import", async () => {
    const { snapshot } = await load({
      "go.mod": "module github.com/acme/shop\n",
      "cmd/api/validate.go": "package main\n\nfunc validate(name string) bool {\n\treturn len(name) > 0\n}\n",
      "cmd/api/handler.go":
        "package main\n\nfunc handle(name string) {\n\tif validate(name) {\n\t\tprintln(name)\n\t}\n}\n",
    });
    const patch =
      "@@ -3,3 +3,4 @@\n func handle(name string) {\n+\tif validate(name) {\n \t\tprintln(name)\n \t}";
    const context = await assembleContext({
      snapshot,
      files: [{ path: "cmd/api/handler.go", hunks: parsePatch(patch) }],
      budgetTokens: 10_000,
    });
    expect(context.pieces.filter((p) => p.kind === "definition").map((p) => [p.path, p.why])).toEqual([
      ["cmd/api/validate.go", "definition of validate, used by the changed lines of cmd/api/handler.go"],
    ]);
  });

  it("treats a Python `from package import module` as a module import", async () => {
    const { snapshot } = await load({
      "shop/__init__.py": "",
      "shop/models.py":
        'class Account(Base):\n    __tablename__ = "accounts"\n    id = Column(Integer, primary_key=True)\n',
      "shop/views.py":
        "from shop import models\n\n\ndef show(request, pk):\n    return models.Account.get(pk)\n",
    });
    const patch =
      "@@ -4,2 +4,2 @@\n def show(request, pk):\n-    return None\n+    return models.Account.get(pk)";
    const context = await assembleContext({
      snapshot,
      files: [{ path: "shop/views.py", hunks: parsePatch(patch) }],
      budgetTokens: 10_000,
    });
    const definition = context.pieces.find((p) => p.kind === "definition");
    expect(definition?.path).toBe("shop/models.py");
    expect(definition?.text).toContain("1: class Account(Base):");
  });

  it("leaves out what does not fit the budget, lowest rank first, and lists it", async () => {
    const { snapshot } = await load();
    const full = await assembleContext({
      snapshot,
      files: [{ path: "src/routes/orders.ts", hunks: parsePatch(ordersPatch) }],
      budgetTokens: 10_000,
    });
    const budget = full.pieces[0]!.tokens + full.pieces[1]!.tokens;
    const cut = await assembleContext({
      snapshot,
      files: [{ path: "src/routes/orders.ts", hunks: parsePatch(ordersPatch) }],
      budgetTokens: budget,
    });
    expect(cut.pieces.map((p) => p.kind)).toEqual(["enclosing", "definition"]);
    expect(cut.leftOut.map((p) => [p.kind, p.path])).toEqual([
      ["usage", "src/server.ts"],
      ["map", ""],
    ]);
  });

  it("walks only the needed subtrees when GitHub truncates the listing", async () => {
    const many: Record<string, string> = { ...repoFiles };
    for (let i = 0; i < 50; i++) many[`vendor/lib${i}/index.js`] = `module.exports = ${i};\n`;
    const { snapshot, calls } = await load(many, { truncateAt: 5 });
    expect(snapshot.truncated).toBe(true);
    expect(calls).toEqual(["tree c0ffee recursive", "tree c0ffee", "tree tree:src recursive"]);
    expect(snapshot.has("src/routes/orders.ts")).toBe(true);
    expect(snapshot.has("src/services/orders.ts")).toBe(true);
    expect(snapshot.has("package.json")).toBe(true);
  });

  it("stops reading at the request budget and says so; cached files still read", async () => {
    const { snapshot, calls } = await load(repoFiles, { maxRequests: 1 });
    const context = await assembleContext({
      snapshot,
      files: [{ path: "src/routes/orders.ts", hunks: parsePatch(ordersPatch) }],
      budgetTokens: 10_000,
    });
    expect(calls.filter((c) => c.startsWith("blob"))).toHaveLength(1);
    expect(context.notes).toEqual([
      expect.stringMatching(
        /^\d+ file reads were skipped: the review's GitHub request budget for context was spent$/,
      ),
    ]);
  });
});

describe("findTableNames", () => {
  it.each([
    { line: 'db.query("SELECT id FROM users WHERE deleted_at IS NULL")', expected: ["users", "user"] },
    {
      line: 'await knex("order_items").where({ id })',
      expected: ["order_items", "order_item", "orderitems", "orderitem"],
    },
    { line: "const a = await prisma.invoice.findMany()", expected: ["invoice", "invoices"] },
    { line: "Account.objects.filter(active=True)", expected: ["account", "accounts"] },
    { line: "const x = 1 + 2;", expected: [] },
  ])("finds $expected in $line", ({ line, expected }) => {
    expect(findTableNames([line])).toEqual(expected);
  });
});

describe("buildRepoMap", () => {
  it("summarises the layout and the manifests", () => {
    const map = buildRepoMap({
      paths: ["src/routes/a.ts", "src/routes/b.ts", "src/db/c.ts", "go.mod", "internal/x/y.go"],
      manifests: [
        {
          path: "package.json",
          text: JSON.stringify({
            type: "module",
            engines: { node: "20" },
            dependencies: { express: "4", zod: "3" },
          }),
        },
        {
          path: "go.mod",
          text: "module github.com/acme/x\n\ngo 1.22\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.10.0\n)\n",
        },
      ],
    });
    expect(map).toBe(
      [
        "Layout (5 files):",
        "- src/ 3 (routes/ 2, db/ 1)",
        "- internal/ 1 (x/ 1)",
        "package.json: Node.js 20, ESM; framework Express; dependencies express, zod",
        "go.mod: Go 1.22, module github.com/acme/x; framework Gin; dependencies github.com/gin-gonic/gin",
      ].join("\n"),
    );
  });
});

describe("exploration tools", () => {
  it.each([
    { path: "../outside.txt", answer: 'refused: "../outside.txt" is outside the repository' },
    { path: "/etc/passwd", answer: 'refused: "/etc/passwd" is not a repository-relative path' },
    { path: "src/../../x", answer: 'refused: "src/../../x" is outside the repository' },
    { path: ".env", answer: "refused: .env is not readable for reviews" },
    {
      path: "C:\\Windows\\win.ini",
      answer: 'refused: "C:\\\\Windows\\\\win.ini" is not a repository-relative path',
    },
    { path: "src/missing.ts", answer: "cannot read src/missing.ts: not in the repository" },
  ])("read_file refuses $path", async ({ path, answer }) => {
    const { snapshot, calls } = await load();
    const before = calls.length;
    const tools = createExplorationTools({ snapshot, bounds: { maxTurns: 3, maxTokens: 10_000 } });
    const text = await tools.execute("read_file", { path });
    expect(text).toContain(`\n${answer}\n`);
    expect(calls.length).toBe(before);
  });

  it("reads a line range, lists directories and finds usages", async () => {
    const { snapshot } = await load();
    const tools = createExplorationTools({ snapshot, bounds: { maxTurns: 3, maxTokens: 10_000 } });
    expect(
      await tools.execute("read_file", { path: "src/services/orders.ts", start_line: 2, end_line: 2 }),
    ).toContain(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the code under test, not a template
      "src/services/orders.ts (4 lines)\n…\n2:   return db.query(`SELECT * FROM orders LIMIT ${limit}`);\n…",
    );
    expect(await tools.execute("list_directory", { path: "src" })).toContain("routes/\nserver.ts\nservices/");
    expect(await tools.execute("find_usages", { symbol: "listOrders" })).toContain(
      "src/routes/orders.ts:9: return listOrders(limit);",
    );
    expect(tools.getStats()).toMatchObject({ toolCalls: 3 });
  });
});
