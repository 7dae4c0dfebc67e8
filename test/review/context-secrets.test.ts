import { generateKeyPairSync } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { pino } from "pino";
import { defaultRepoConfig } from "../../src/config/repo-config.js";
import { parsePatch } from "../../src/diff/parse-patch.js";
import { AppOctokit, type GitHubClient } from "../../src/github/github-client.js";
import { gatherContext } from "../../src/review/gather-context.js";
import { buildToolAnswer, createAnthropicMock } from "../helpers/anthropic-mock.js";
import { createTestContextDeps, mockRepositoryTree } from "../helpers/git-data-mock.js";
import { createGitHubMock } from "../helpers/github-mock.js";
import { buildPullRequestEvent, headSha } from "../helpers/payloads.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

// Secret-shaped values are assembled at run time so that no secret-shaped literal sits in the repository
// (as in test/security/redact-secrets.test.ts). None of them is a real credential.
const join = (...parts: string[]) => parts.join("");
const awsAccessKeyId = join("AKIA", "Z7QW3RT5", "YU8IO2PL");
const awsSecretAccessKey = join("wJalrXUtnFEMI/K7MDENG/", "bPxRfiCYzz8Kq2LmAb");
const githubToken = join("ghp_", "aB3dE5gH7jK9mN1pQ3sT", "5vX7zA9cE1gI3kM5");
const pem = generateKeyPairSync("rsa", {
  modulusLength: 1024,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
}).privateKey.trim();

/** A file that holds all three kinds of secret above the function's last lines (where the change is). */
const clientsFile = [
  'import { S3Client } from "@aws-sdk/client-s3";',
  'import { Octokit } from "@octokit/rest";',
  "",
  "export function createClients() {",
  `  const signingKey = \`${pem}\`;`,
  `  const aws_access_key_id = "${awsAccessKeyId}";`,
  `  const aws_secret_access_key = "${awsSecretAccessKey}";`,
  `  const github = new Octokit({ auth: "${githubToken}" });`,
  "  const s3 = new S3Client({",
  '    region: "eu-west-1",',
  "    credentials: { accessKeyId: aws_access_key_id, secretAccessKey: aws_secret_access_key },",
  "  });",
  "  const clients = { s3, github, signingKey };",
  "  const timeoutMs = 5000;",
  "  const retries = 3;",
  "  const userAgent = 'shop-api';",
  "  const added = { timeoutMs, retries, userAgent };",
  "  return { ...clients, ...added };",
  "}",
  "",
].join("\n");
const clientsLines = clientsFile.split("\n");
const changedLine = clientsLines.indexOf("  const added = { timeoutMs, retries, userAgent };") + 1;
/** `N: code` as the context numbers the line of the file that starts with `start`. */
const numbered = (start: string, code: string) =>
  `${clientsLines.findIndex((l) => l.startsWith(start)) + 1}: ${code}`;
const redactedLines = [
  numbered("  const signingKey", "  const signingKey = `[REDACTED_SECRET]"),
  numbered("  const aws_access_key_id", '  const aws_access_key_id = "[REDACTED_SECRET]";'),
  numbered("  const aws_secret_access_key", '  const aws_secret_access_key = "[REDACTED_SECRET]";'),
  numbered("  const github", '  const github = new Octokit({ auth: "[REDACTED_SECRET]" });'),
];

function buildPatch(): string {
  const start = changedLine - 3;
  const end = changedLine + 3;
  const body: string[] = [];
  for (let n = start; n <= end; n++) body.push(`${n === changedLine ? "+" : " "}${clientsLines[n - 1]}`);
  return `@@ -${start},6 +${start},7 @@\n${body.join("\n")}`;
}

/** No value, nor any 8 consecutive characters of one (for the key: any line of its body), in `text`. */
function expectNoSecretIn(text: string): void {
  for (const value of [awsAccessKeyId, awsSecretAccessKey, githubToken]) {
    for (let i = 0; i + 8 <= value.length; i++) expect(text).not.toContain(value.slice(i, i + 8));
  }
  const bodyLines = pem.split("\n").filter((l) => !l.startsWith("-----"));
  expect(bodyLines.length).toBeGreaterThan(5);
  for (const line of bodyLines) expect(text).not.toContain(line.slice(0, 24));
}

interface SentRequest {
  messages: { role: string; content: string | { type: string; content?: string; text?: string }[] }[];
}

describe("secrets in repository context", () => {
  let app: TestApp;
  beforeEach(() => nock.disableNetConnect());
  afterEach(async () => {
    await app?.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  function mockGitHub() {
    const github = createGitHubMock();
    github
      .listCheckRuns()
      .createCheckRun()
      .getPull()
      .noRepoConfig()
      .listFiles([
        {
          filename: "src/clients.ts",
          status: "modified",
          additions: 1,
          deletions: 0,
          changes: 1,
          patch: buildPatch(),
        },
      ])
      .listReviews()
      .listReviewComments()
      .updateCheckRun();
    github.scope.post("/repos/acme/shop-api/pulls/42/reviews").optionally().reply(200, { id: 9001 });
    return github;
  }

  it("redacts a private key, an AWS key pair and a GitHub token from the excerpts sent to Claude, and counts them", async () => {
    app = await createTestApp({ context: createTestContextDeps() });
    const github = mockGitHub();
    mockRepositoryTree({ "src/clients.ts": clientsFile });
    const model = createAnthropicMock().answer("Reviewed.", []);

    await app.probot.receive({
      id: "d-ctx-secrets",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();
    expect(github.scope.pendingMocks()).toEqual([]);
    expect(model.scope.pendingMocks()).toEqual([]);

    const body = JSON.stringify(model.requests);
    const prompt = (model.requests[0] as unknown as SentRequest).messages[0]!.content as string;
    // The enclosing function is in the context (its top lies outside the hunk), with every value redacted.
    expect(prompt).toContain('kind="enclosing" path="src/clients.ts"');
    expect(prompt).toContain("4: export function createClients() {");
    for (const line of redactedLines) expect(prompt).toContain(line);
    expectNoSecretIn(body);

    const checkRun = github.captured.get("updateCheckRun").at(-1) as { output: { summary: string } };
    expect(checkRun.output.summary).toContain("4 secrets redacted from context (not sent to the model).");
    expectNoSecretIn(JSON.stringify(github.captured.get("updateCheckRun")));
  });

  it("redacts an agentic read_file answer before the model sees it", async () => {
    // No context budget: the secrets can only reach the model through the tool.
    app = await createTestApp({ context: createTestContextDeps({ agentic: true, tokenBudget: 0 }) });
    const github = mockGitHub();
    mockRepositoryTree({ "src/clients.ts": clientsFile });
    const model = createAnthropicMock()
      .raw({
        id: "msg_turn",
        type: "message",
        role: "assistant",
        model: "claude-sonnet-5-5",
        stop_reason: "tool_use",
        stop_sequence: null,
        content: [{ type: "tool_use", id: "t1", name: "read_file", input: { path: "src/clients.ts" } }],
        usage: {
          input_tokens: 900,
          output_tokens: 60,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
        },
      })
      .raw(buildToolAnswer({ summary: "Explored.", findings: [] }));

    await app.probot.receive({
      id: "d-ctx-secrets-agent",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();
    expect(github.scope.pendingMocks()).toEqual([]);
    expect(model.scope.pendingMocks()).toEqual([]);

    const requests = model.requests as unknown as SentRequest[];
    expect(requests).toHaveLength(2);
    const results = requests[1]!.messages.at(-1)!.content as { type: string; content?: string }[];
    const answer = results[0]!.content ?? "";
    expect(answer).toContain(`src/clients.ts (${clientsLines.length} lines)`);
    for (const line of redactedLines) expect(answer).toContain(line);
    expectNoSecretIn(JSON.stringify(requests));

    const checkRun = github.captured.get("updateCheckRun").at(-1) as { output: { summary: string } };
    expect(checkRun.output.summary).toContain("4 secrets redacted from context (not sent to the model).");
  });
});

describe("gatherContext", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("serves the redacted excerpts to the second look's lookup too", async () => {
    const tree = mockRepositoryTree({ "src/clients.ts": clientsFile });
    const octokit = new (AppOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }))({
      auth: "test",
    });
    const gathered = await gatherContext({
      octokit: octokit as unknown as GitHubClient,
      owner: "acme",
      repo: "shop-api",
      headSha,
      files: [{ path: "src/clients.ts", hunks: parsePatch(buildPatch()) }],
      config: defaultRepoConfig,
      deps: createTestContextDeps(),
      log: pino({ level: "silent" }),
    });
    expect(tree.scope.isDone()).toBe(true);
    const lookedUp = gathered.context!.getContextForLocation("src/clients.ts", changedLine);
    expect(lookedUp.map((p) => p.kind)).toContain("enclosing");
    const text = lookedUp.map((p) => p.text).join("\n");
    for (const line of redactedLines) expect(text).toContain(line);
    expectNoSecretIn(text);
    expectNoSecretIn(JSON.stringify(gathered.context!.pieces));
  });
});
