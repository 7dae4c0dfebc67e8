import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { createOpsHandler } from "../../src/ops/http-routes.js";
import { createAnthropicMock } from "../helpers/anthropic-mock.js";
import { createTestContextDeps, getBlobSha, mockRepositoryTree } from "../helpers/git-data-mock.js";
import { createGitHubMock } from "../helpers/github-mock.js";
import { buildPullRequestEvent, headSha } from "../helpers/payloads.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

const ordersRoute = [
  'import { Router } from "express";',
  'import { listOrders } from "../db/orders";',
  "",
  "export const ordersRouter = Router();",
  "",
  'ordersRouter.get("/orders", async (req, res) => {',
  "  const limit = Number(req.query.limit);",
  "  const customer = String(req.query.customer);",
  "  const started = Date.now();",
  '  res.setHeader("x-started", String(started));',
  "  const rows = await listOrders(customer, limit);",
  "  res.json({ rows });",
  "});",
  "",
].join("\n");
const ordersRepo = [
  'import { db } from "./pool";',
  "",
  "export async function listOrders(customer: string, limit: number) {",
  '  return db.query("SELECT id FROM orders WHERE customer_id = $1 LIMIT $2", [customer, limit]);',
  "}",
  "",
].join("\n");
const packageJson = JSON.stringify({ name: "shop-api", dependencies: { express: "4.21.0" } });

/** Lines 11-12 added, with three lines of context either side. */
function buildPatch(): string {
  const lines = ordersRoute.split("\n");
  const body: string[] = [];
  for (let n = 8; n <= 14; n++) body.push(`${n === 11 || n === 12 ? "+" : " "}${lines[n - 1]}`);
  return `@@ -8,5 +8,7 @@\n${body.join("\n")}`;
}

let server: Server | undefined;

/** GET /metrics of the ops routes, served on the test app's metrics as `npm start` serves them. */
async function scrape(app: TestApp): Promise<string> {
  const handler = createOpsHandler({
    metrics: app.metrics,
    isReady: async () => true,
    isShuttingDown: () => false,
  });
  const listening = createServer(async (req, res) => {
    if (!(await handler(req, res))) res.writeHead(404).end();
  });
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, "127.0.0.1", resolve));
  const reply = await fetch(`http://127.0.0.1:${(listening.address() as AddressInfo).port}/metrics`);
  expect(reply.status).toBe(200);
  return reply.text();
}

describe("context metrics on GET /metrics", () => {
  let app: TestApp;
  beforeEach(() => nock.disableNetConnect());
  afterEach(async () => {
    await app?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
    nock.cleanAll();
    nock.enableNetConnect();
  });

  function mockReview() {
    const github = createGitHubMock();
    github
      .listCheckRuns()
      .createCheckRun()
      .getPull()
      .noRepoConfig()
      .listFiles([
        {
          filename: "src/routes/orders.ts",
          status: "modified",
          additions: 2,
          deletions: 0,
          changes: 2,
          patch: buildPatch(),
        },
      ])
      .listReviews()
      .listReviewComments()
      .updateCheckRun();
    github.scope.post("/repos/acme/shop-api/pulls/42/reviews").optionally().reply(200, { id: 9001 });
    return github;
  }

  async function receive() {
    await app.probot.receive({
      id: "d-ctx-metrics",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();
  }

  it("counts context tokens by kind, blob cache hits and misses, and the GitHub requests spent", async () => {
    // Nothing leaks to the internet: these ops requests go to loopback only.
    nock.enableNetConnect("127.0.0.1");
    const deps = createTestContextDeps();
    // The changed file was read by an earlier review: a cache hit; the helper and the manifest are misses.
    await deps.cache.set(getBlobSha(ordersRoute), ordersRoute);
    app = await createTestApp({ context: deps });
    const github = mockReview();
    const tree = mockRepositoryTree({
      "src/routes/orders.ts": ordersRoute,
      "src/db/orders.ts": ordersRepo,
      "package.json": packageJson,
    });
    const model = createAnthropicMock().answer("Reviewed.", []);
    await receive();
    expect(github.scope.pendingMocks()).toEqual([]);
    expect(model.scope.pendingMocks()).toEqual([]);
    expect(tree.blobReads.sort()).toEqual(["package.json", "src/db/orders.ts"]);
    const summary = (github.captured.get("updateCheckRun").at(-1) as { output: { summary: string } }).output
      .summary;
    const sent = /enclosing code 1 \(([\d,]+) tokens\), definitions 1 \(([\d,]+) tokens\)/.exec(summary);
    expect(sent).not.toBeNull();

    const text = await scrape(app);
    const toNumber = (s: string) => Number(s.replace(/,/g, ""));
    expect(text).toContain(`architect_context_tokens_total{kind="enclosing"} ${toNumber(sent![1]!)}\n`);
    expect(text).toContain(`architect_context_tokens_total{kind="definition"} ${toNumber(sent![2]!)}\n`);
    expect(text).toMatch(/architect_context_tokens_total\{kind="map"\} [1-9]\d*\n/);
    expect(text).toContain('architect_context_blob_reads_total{result="hit"} 1\n');
    expect(text).toContain('architect_context_blob_reads_total{result="miss"} 2\n');
    // One tree listing and two blobs.
    expect(text).toContain("architect_context_github_requests_total 3\n");
    expect(text).not.toMatch(/architect_context_failures_total\{/);
    expect(text).toContain("architect_context_secrets_redacted_total 0\n");
  });

  it("counts a context lost because the tree could not be read", async () => {
    nock.enableNetConnect("127.0.0.1");
    app = await createTestApp({ context: createTestContextDeps() });
    const github = mockReview();
    github.scope
      .get(`/repos/acme/shop-api/git/trees/${headSha}`)
      .query({ recursive: "1" })
      .reply(500, { message: "Server Error" });
    const model = createAnthropicMock().answer("No context.", []);
    await receive();
    expect(github.scope.pendingMocks()).toEqual([]);
    expect(model.scope.pendingMocks()).toEqual([]);

    const text = await scrape(app);
    expect(text).toContain('architect_context_failures_total{reason="tree"} 1\n');
    expect(text).toContain("architect_context_github_requests_total 0\n");
    expect(text).not.toMatch(/architect_context_tokens_total\{/);
  });
});
