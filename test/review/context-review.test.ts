import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { createAnthropicMock } from "../helpers/anthropic-mock.js";
import { createTestContextDeps, mockRepositoryTree } from "../helpers/git-data-mock.js";
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";
import { buildPullRequestEvent, headSha } from "../helpers/payloads.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

/**
 * A one-hunk patch of `text` (the head version) that adds the lines `added` (1-based, contiguous), with
 * three lines of context either side, as GitHub's `patch` field shows it.
 */
function buildPatch(text: string, added: number[]): string {
  const lines = text.split("\n");
  const first = Math.min(...added);
  const last = Math.max(...added);
  const start = Math.max(1, first - 3);
  const end = Math.min(lines.length, last + 3);
  const body: string[] = [];
  for (let n = start; n <= end; n++) body.push(`${added.includes(n) ? "+" : " "}${lines[n - 1]}`);
  const newCount = end - start + 1;
  const oldCount = newCount - added.length;
  return `@@ -${start},${oldCount} +${start},${newCount} @@\n${body.join("\n")}`;
}

function changedFile(path: string, text: string, added: number[], status = "modified") {
  return {
    filename: path,
    status,
    additions: added.length,
    deletions: 0,
    changes: added.length,
    patch: buildPatch(text, added),
  };
}

function mockReviewStart(github: GitHubMock, files: Record<string, unknown>[]): void {
  github
    .listCheckRuns()
    .createCheckRun()
    .getPull()
    .noRepoConfig()
    .listFiles(files)
    .listReviews()
    .listReviewComments();
}

function mockOptionalReview(github: GitHubMock): void {
  github.scope.post("/repos/acme/shop-api/pulls/42/reviews").optionally().reply(200, { id: 9001 });
}

interface SentRequest {
  messages: { role: string; content: string | { type: string; content?: string; text?: string }[] }[];
  tools: { name: string }[];
  tool_choice: unknown;
}

/** The repository context block of the first prompt sent to Claude. */
function getContextBlock(model: ReturnType<typeof createAnthropicMock>): string {
  const prompt = (model.requests[0] as unknown as SentRequest).messages[0]!.content as string;
  const match =
    /<untrusted_repository_context id="([0-9a-f]{24})">\n([\s\S]*?)\n<\/untrusted_repository_context id="\1">/.exec(
      prompt,
    );
  if (!match) throw new Error(`No repository context in the prompt:\n${prompt.slice(0, 2000)}`);
  return match[2]!;
}

const ordersRoute = [
  'import { Router } from "express";',
  'import { db } from "../db/pool";',
  "",
  "export const ordersRouter = Router();",
  "",
  'ordersRouter.get("/orders", async (req, res) => {',
  "  const limit = Number(req.query.limit);",
  "  const offset = Number(req.query.offset ?? 0);",
  '  const customer = String(req.query.customer ?? "");',
  "  const filters = [];",
  "  if (customer) filters.push(customer);",
  "  const started = Date.now();",
  '  res.setHeader("x-started", String(started));',
  '  const where = filters.length ? "WHERE customer_id = $3" : "";',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the code under test, not a template
  "  const sql = `SELECT * FROM orders ${where} ORDER BY id LIMIT $1 OFFSET $2`;",
  "  const rows = await db.query(sql, [limit, offset, ...filters]);",
  "  res.json({ rows, next: offset + rows.length });",
  "});",
  "",
].join("\n");

const usersRepo = [
  'import { db } from "./pool";',
  "",
  "export async function findUsersByName(name: string) {",
  '  const sql = "SELECT id, email FROM users WHERE name = \'" + name + "\'";',
  "  return db.query(sql);",
  "}",
  "",
].join("\n");

const searchRoute = [
  'import { Router } from "express";',
  'import { findUsersByName } from "@/db/users-repo";',
  "",
  "export const searchRouter = Router();",
  "",
  'searchRouter.get("/search", async (req, res) => {',
  "  const users = await findUsersByName(String(req.query.q));",
  "  res.json(users);",
  "});",
  "",
].join("\n");

const adminRoute = [
  'import { Router } from "express";',
  'import { setRole } from "../services/roles";',
  "",
  "export const adminRouter = Router();",
  "",
  'adminRouter.post("/users/:id/role", async (req, res) => {',
  "  await setRole(req.params.id, req.body.role);",
  "  res.status(204).end();",
  "});",
  "",
].join("\n");

const appFile = [
  'import express from "express";',
  'import { requireAuth } from "./middleware/auth";',
  'import { usersRouter } from "./routes/users";',
  'import { adminRouter } from "./routes/admin";',
  "",
  "export const app = express();",
  "app.use(express.json());",
  'app.use("/users", requireAuth, usersRouter);',
  'app.use("/admin", adminRouter);',
  "",
].join("\n");

const accountsService = [
  "from app.db import connection",
  "",
  "",
  "def list_active_accounts():",
  "    with connection() as cursor:",
  '        cursor.execute("SELECT id, email FROM accounts WHERE deleted_at IS NULL ORDER BY id LIMIT 100")',
  "        return cursor.fetchall()",
  "",
].join("\n");

const accountsMigration = [
  "CREATE TABLE accounts (",
  "  id BIGSERIAL PRIMARY KEY,",
  "  email TEXT NOT NULL UNIQUE,",
  "  created_at TIMESTAMPTZ NOT NULL DEFAULT now()",
  ");",
  "",
].join("\n");

const packageJson = JSON.stringify({
  name: "shop-api",
  type: "module",
  engines: { node: ">=20" },
  dependencies: { express: "4.21.0", pg: "8.12.0" },
});
const tsconfig = '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }';

describe("repository context in the review", () => {
  let app: TestApp;
  beforeEach(() => {
    nock.disableNetConnect();
  });
  afterEach(async () => {
    await app?.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  async function review(params: {
    repository: Record<string, string>;
    files: Record<string, unknown>[];
    findings?: Parameters<ReturnType<typeof createAnthropicMock>["answer"]>[1];
    settings?: Parameters<typeof createTestContextDeps>[0];
  }) {
    app = await createTestApp({ context: createTestContextDeps(params.settings) });
    const github = createGitHubMock();
    mockReviewStart(github, params.files);
    // The detectors may flag the change too (the orders route builds its SQL text): a review may be posted.
    if ((params.findings ?? []).length > 0) github.createReview();
    else mockOptionalReview(github);
    github.updateCheckRun();
    const tree = mockRepositoryTree(params.repository);
    const model = createAnthropicMock().answer("Reviewed with context.", params.findings ?? []);
    await app.probot.receive({
      id: "d-ctx",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();
    expect(github.scope.pendingMocks()).toEqual([]);
    expect(model.scope.pendingMocks()).toEqual([]);
    const checkRun = github.captured.get("updateCheckRun").at(-1) as { output: { summary: string } };
    return { github, model, tree, summary: checkRun.output.summary };
  }

  it("shows the top of the enclosing handler, outside the hunk, where the uncapped limit is read", async () => {
    const { model, tree, summary } = await review({
      repository: {
        "src/routes/orders.ts": ordersRoute,
        "src/db/pool.ts": "export const db = { query: async (..._a: unknown[]) => [] };\n",
        "package.json": packageJson,
      },
      files: [changedFile("src/routes/orders.ts", ordersRoute, [15, 16])],
    });
    const prompt = (model.requests[0] as unknown as SentRequest).messages[0]!.content as string;
    // The hunk (lines 12-19) does not show where `limit` comes from; the context does, numbered as context.
    expect(prompt).toContain("15+|  const sql = `SELECT * FROM orders");
    expect(prompt).not.toContain("7 |  const limit = Number(req.query.limit);");
    const context = getContextBlock(model);
    expect(context).toContain('kind="enclosing" path="src/routes/orders.ts"');
    expect(context).toContain('6: ordersRouter.get("/orders", async (req, res) => {');
    expect(context).toContain("7:   const limit = Number(req.query.limit);");
    expect(context).toContain('kind="map"');
    expect(context).toContain("framework Express");
    expect(tree.blobReads.sort()).toEqual(["package.json", "src/db/pool.ts", "src/routes/orders.ts"]);
    expect(summary).toMatch(/Context: 3 files read, [\d,]+ tokens sent — enclosing code 1 \([\d,]+ tokens\)/);
    expect(summary).toContain("GitHub requests for context: 4 (0 files from the cache).");
    expect(summary).toMatch(
      /Repository context \(excerpts and their framing\): about [\d,]+ of the input tokens \(estimated\)\./,
    );
  });

  it("shows where the new router is mounted, without the auth middleware the others get", async () => {
    const { model, summary } = await review({
      repository: {
        "src/app.ts": appFile,
        "src/routes/admin.ts": adminRoute,
        "src/routes/users.ts": 'import { Router } from "express";\nexport const usersRouter = Router();\n',
        "src/middleware/auth.ts": "export function requireAuth(req, res, next) { next(); }\n",
        "src/services/roles.ts":
          "export async function setRole(id: string, role: string) {\n  return { id, role };\n}\n",
      },
      files: [changedFile("src/routes/admin.ts", adminRoute, [1, 2, 3, 4, 5, 6, 7, 8, 9], "added")],
    });
    const context = getContextBlock(model);
    expect(context).toContain('kind="usage" path="src/app.ts"');
    expect(context).toContain("src/app.ts imports src/routes/admin.ts (adminRouter)");
    expect(context).toContain('8: app.use("/users", requireAuth, usersRouter);');
    expect(context).toContain('9: app.use("/admin", adminRouter);');
    // The helper the new route calls, from another file.
    expect(context).toContain('kind="definition" path="src/services/roles.ts"');
    expect(summary).toMatch(/definitions 1 \([\d,]+ tokens\), usages 1 \([\d,]+ tokens\)/);
  });

  it("shows the helper the new code calls, resolved through a tsconfig path alias, building SQL from strings", async () => {
    const { model } = await review({
      repository: {
        "src/routes/search.ts": searchRoute,
        "src/db/users-repo.ts": usersRepo,
        "src/db/pool.ts": "export const db = { query: async (_s: string) => [] };\n",
        "tsconfig.json": tsconfig,
      },
      files: [changedFile("src/routes/search.ts", searchRoute, [7])],
    });
    const context = getContextBlock(model);
    expect(context).toContain('kind="definition" path="src/db/users-repo.ts"');
    expect(context).toContain(
      "definition of findUsersByName, used by the changed lines of src/routes/search.ts",
    );
    expect(context).toContain(`4:   const sql = "SELECT id, email FROM users WHERE name = '" + name + "'";`);
  });

  it("shows the migration that created the table, without the column the new query filters on", async () => {
    const { model } = await review({
      repository: {
        "app/services/accounts.py": accountsService,
        "app/db.py": "def connection():\n    pass\n",
        "migrations/001_create_accounts.sql": accountsMigration,
        "requirements.txt": "flask==3.0.3\npsycopg==3.2.1\n",
      },
      files: [changedFile("app/services/accounts.py", accountsService, [6])],
    });
    const context = getContextBlock(model);
    expect(context).toContain('kind="data_model" path="migrations/001_create_accounts.sql"');
    expect(context).toContain("1: CREATE TABLE accounts (");
    expect(context).toContain("4:   created_at TIMESTAMPTZ NOT NULL DEFAULT now()");
    expect(context).toContain("5: );");
    expect(context).toContain("framework Flask");
  });

  it("posts a finding on a context line in the review body, saying why, never inline", async () => {
    const { github } = await review({
      repository: {
        "src/routes/search.ts": searchRoute,
        "src/db/users-repo.ts": usersRepo,
        "tsconfig.json": tsconfig,
      },
      files: [changedFile("src/routes/search.ts", searchRoute, [7])],
      findings: [
        {
          path: "src/db/users-repo.ts",
          line: 4,
          severity: "high",
          category: "security",
          confidence: 0.9,
          title: "The helper the new route calls concatenates the name into SQL",
          body: "Use a parameterised query.",
        },
      ],
    });
    const [posted] = github.captured.get("createReview") as { body: string; comments: unknown[] }[];
    expect(posted!.comments).toEqual([]);
    expect(posted!.body).toContain("in the repository context, outside the diff");
    expect(posted!.body).toContain("The helper the new route calls concatenates the name into SQL");
  });

  it("goes on without context when the tree cannot be read, and says so", async () => {
    app = await createTestApp({ context: createTestContextDeps() });
    const github = createGitHubMock();
    mockReviewStart(github, [changedFile("src/routes/orders.ts", ordersRoute, [15, 16])]);
    mockOptionalReview(github);
    github.updateCheckRun();
    github.scope
      .get(`/repos/acme/shop-api/git/trees/${headSha}`)
      .query({ recursive: "1" })
      .reply(500, { message: "Server Error" });
    const model = createAnthropicMock().answer("No context.", []);
    await app.probot.receive({
      id: "d-ctx",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();
    expect(github.scope.pendingMocks()).toEqual([]);
    const prompt = (model.requests[0] as unknown as SentRequest).messages[0]!.content as string;
    expect(prompt).not.toContain("untrusted_repository_context");
    const checkRun = github.captured.get("updateCheckRun").at(-1) as {
      conclusion: string;
      output: { summary: string };
    };
    expect(checkRun.conclusion).not.toBe("skipped");
    expect(checkRun.output.summary).not.toContain("could not finish");
    expect(checkRun.output.summary).toContain(
      `Context: none — the repository tree could not be read \\(Failed to list the tree ${headSha.slice(0, 7)} of acme\\/shop\\-api\\).`,
    );
  });

  it("reads nothing when the repository turns context off", async () => {
    app = await createTestApp({ context: createTestContextDeps() });
    const github = createGitHubMock();
    github.listCheckRuns().createCheckRun().getPull().repoConfig("context:\n  enabled: false\n");
    github
      .listFiles([changedFile("src/routes/orders.ts", ordersRoute, [15, 16])])
      .listReviews()
      .listReviewComments()
      .updateCheckRun();
    mockOptionalReview(github);
    const model = createAnthropicMock().answer("No context.", []);
    await app.probot.receive({
      id: "d-ctx",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();
    expect(github.scope.pendingMocks()).toEqual([]);
    expect(model.requests).toHaveLength(1);
    const checkRun = github.captured.get("updateCheckRun").at(-1) as { output: { summary: string } };
    expect(checkRun.output.summary).toContain(
      "Context: none — repository context is off for this repository",
    );
  });

  it("re-reviews read blobs from the cache: only the tree is asked again", async () => {
    const deps = createTestContextDeps();
    const repository = {
      "src/routes/orders.ts": ordersRoute,
      "src/db/pool.ts": "export const db = {};\n",
      "package.json": packageJson,
    };
    const files = [changedFile("src/routes/orders.ts", ordersRoute, [15, 16])];
    const reads: string[][] = [];
    for (const attempt of [1, 2]) {
      app = await createTestApp({ context: deps });
      const github = createGitHubMock();
      mockReviewStart(github, files);
      mockOptionalReview(github);
      github.updateCheckRun();
      const tree = mockRepositoryTree(repository);
      createAnthropicMock().answer("ok", []);
      await app.probot.receive({
        id: `d-${attempt}`,
        name: "pull_request",
        payload: buildPullRequestEvent("opened"),
      } as never);
      await app.idle();
      expect(github.scope.pendingMocks()).toEqual([]);
      reads.push([...tree.blobReads]);
      const checkRun = github.captured.get("updateCheckRun").at(-1) as { output: { summary: string } };
      if (attempt === 2)
        expect(checkRun.output.summary).toContain("GitHub requests for context: 1 (3 files from the cache).");
      await app.close();
      nock.cleanAll();
    }
    expect(reads[0]!.length).toBe(3);
    expect(reads[1]).toEqual([]);
  });
});
