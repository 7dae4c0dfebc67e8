import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";
import { baseSha, buildPullRequestEvent, headSha, repo } from "../helpers/payloads.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

function readFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/contracts/${name}`, import.meta.url), "utf8");
}

/** GET /repos/{owner}/{repo}/contents/{path}?ref= answering with the file (base64), or 404. */
function mockFileAtRef(github: GitHubMock, path: string, ref: string, text: string | null): void {
  const interceptor = github.scope
    .get(`/repos/${repo.owner}/${repo.repo}/contents/${encodeURIComponent(path)}`)
    .query({ ref });
  if (text === null) {
    interceptor.reply(404, { message: "Not Found" });
    return;
  }
  interceptor.reply(200, {
    type: "file",
    name: path.split("/").pop(),
    path,
    size: Buffer.byteLength(text),
    encoding: "base64",
    content: Buffer.from(text).toString("base64"),
  });
}

function changedFile(filename: string, status: string, patch?: string) {
  return { filename, status, additions: 1, deletions: 1, changes: 2, ...(patch ? { patch } : {}) };
}

interface PostedReview {
  commit_id: string;
  event: string;
  body: string;
  comments: { path: string; line: number; side: string; body: string }[];
}
interface Completion {
  conclusion: string;
  output: { title: string; summary: string; annotations?: { path: string; start_line: number }[] };
}

describe("API contract breaks in a review", () => {
  let app: TestApp;
  beforeEach(() => nock.disableNetConnect());
  afterEach(async () => {
    await app?.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("reads the spec at base and head, comments each break on its line of the head, and lists the rest in the body", async () => {
    app = await createTestApp({ apiKey: null });
    const github = createGitHubMock();
    github
      .listCheckRuns()
      .createCheckRun()
      .getPull()
      .noRepoConfig()
      .listFiles([changedFile("api/petstore.yaml", "modified", readFixture("petstore-expanded.patch"))])
      .listReviews()
      .listReviewComments();
    mockFileAtRef(github, "api/petstore.yaml", baseSha, readFixture("petstore-expanded.base.yaml"));
    mockFileAtRef(github, "api/petstore.yaml", headSha, readFixture("petstore-expanded.head.yaml"));
    github.createReview().updateCheckRun();

    await app.probot.receive({
      id: "d-1",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();

    const [review] = github.captured.get("createReview") as unknown as PostedReview[];
    expect(review!.commit_id).toBe(headSha);
    expect(
      review!.comments.map((c) => [c.path, c.line, c.side]).sort((a, b) => Number(a[1]) - Number(b[1])),
    ).toEqual([
      ["api/petstore.yaml", 23, "RIGHT"],
      ["api/petstore.yaml", 107, "RIGHT"],
      ["api/petstore.yaml", 124, "RIGHT"],
      ["api/petstore.yaml", 125, "RIGHT"],
      ["api/petstore.yaml", 131, "RIGHT"],
      ["api/petstore.yaml", 132, "RIGHT"],
      ["api/petstore.yaml", 135, "RIGHT"],
    ]);
    const onLine = (line: number) => review!.comments.find((c) => c.line === line)!.body;
    expect(onLine(23)).toContain(
      "**🟠 High · Architecture** — Breaking OpenAPI change (required parameter added): GET /pets",
    );
    expect(onLine(23)).toContain("What changed: `` Added required query parameter `owner` ``");
    expect(onLine(23)).toContain("rule-based: `api-contract/required-parameter-added`");
    // One schema shared by three operations: one comment naming all three.
    expect(onLine(125)).toContain(
      "Breaking OpenAPI change (type changed): GET /pets, POST /pets, GET /pets/{id}",
    );
    expect(onLine(125)).toContain(
      "- `Changed type of [].id from integer to string in response 200 (application/json)`",
    );
    expect(onLine(125)).toContain(
      "- `Changed type of id from integer to string in response 200 (application/json)`",
    );
    // The removed operation's surviving parent (`/pets/{id}:`, line 83) is not in the diff, but the end of
    // its block is: the comment sits on its last line next to the deletion (107).
    expect(onLine(107)).toContain("Breaking OpenAPI change (operation removed): DELETE /pets/{id}");
    expect(review!.body).not.toContain("Not commented inline");
    // The additions are listed in the Architecture impact section of the review body.
    expect(review!.body).toContain("#### Architecture impact");
    expect(review!.body).toContain("**API additions (non-breaking)** (4)");
    expect(review!.body).toContain("- Added operation GET /owners — `api/petstore.yaml:109`");

    const [completion] = github.captured.get("updateCheckRun") as unknown as Completion[];
    expect(completion!.conclusion).toBe("failure");
    expect(completion!.output.title).toBe("7 findings: 7 high");
    expect(completion!.output.summary).toContain("### API contracts");
    expect(completion!.output.summary).toContain(
      "- `api/petstore.yaml` (OpenAPI): 13 breaking changes (7 findings), 4 additions",
    );
    expect(completion!.output.summary).toContain("- `api/petstore.yaml`: `Added operation GET /owners`");
    expect(completion!.output.annotations?.map((a) => a.start_line).sort((a, b) => a - b)).toEqual([
      23, 107, 124, 125, 131, 132, 135,
    ]);
    expect(github.scope.pendingMocks()).toEqual([]);
    expect(app.outcomes).toEqual(["posted"]);
  });

  it("reads an added file at the head only and a removed one at the base only; an unreadable spec is named in the check run", async () => {
    app = await createTestApp({ apiKey: null });
    const github = createGitHubMock();
    const graphql = readFixture("swapi.base.graphql");
    const graphqlPatch = `@@ -0,0 +1,${graphql.split("\n").length - 1} @@\n${graphql
      .trimEnd()
      .split("\n")
      .map((l) => `+${l}`)
      .join("\n")}`;
    github
      .listCheckRuns()
      .createCheckRun()
      .getPull()
      .noRepoConfig()
      .listFiles([
        changedFile("schema/swapi.graphql", "added", graphqlPatch),
        changedFile("proto/route_guide.proto", "removed"),
        changedFile("openapi.yaml", "modified", "@@ -1,2 +1,2 @@\n openapi: 3.0.0\n-paths: {}\n+paths: [\n"),
      ])
      .listReviews()
      .listReviewComments();
    mockFileAtRef(github, "schema/swapi.graphql", headSha, graphql);
    mockFileAtRef(github, "proto/route_guide.proto", baseSha, readFixture("route_guide.base.proto"));
    mockFileAtRef(github, "openapi.yaml", baseSha, "openapi: 3.0.0\npaths: {}\n");
    mockFileAtRef(github, "openapi.yaml", headSha, "openapi: 3.0.0\npaths: [\n");
    github.createReview().updateCheckRun();

    await app.probot.receive({
      id: "d-2",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();

    const [review] = github.captured.get("createReview") as unknown as PostedReview[];
    // The removed .proto has no line in the head: every break is in the body, none inline.
    expect(review!.comments).toEqual([]);
    expect(review!.body).toContain("Breaking protobuf change (service removed): RouteGuide");
    // The removals of a removed file are one finding per kind (all on line 1), naming what was removed.
    expect(review!.body).toContain(
      "Breaking protobuf change (message removed): Point, Rectangle, Feature and 2 more",
    );
    for (const message of ["Point", "Rectangle", "Feature", "RouteNote", "RouteSummary"]) {
      expect(review!.body).toContain(`- \`Message ${message} was removed\``);
    }
    const [completion] = github.captured.get("updateCheckRun") as unknown as Completion[];
    expect(completion!.output.summary).toContain("- `schema/swapi.graphql` (GraphQL): 0 breaking changes, ");
    expect(completion!.output.summary).toContain(
      "- `proto/route_guide.proto` (protobuf): 6 breaking changes (2 findings), 0 additions",
    );
    expect(completion!.output.summary).toContain(
      "- `openapi.yaml`: the version in this pull request is not valid YAML or JSON (near line 3).",
    );
    expect(github.scope.pendingMocks()).toEqual([]);
  });

  it("reads no spec when contracts are turned off, and takes extra spec paths from contracts.paths", async () => {
    app = await createTestApp({ apiKey: null });
    const github = createGitHubMock();
    const base = readFixture("petstore-swagger2.base.yaml");
    github
      .listCheckRuns()
      .createCheckRun()
      .getPull()
      .repoConfig('contracts:\n  paths: ["definitions/*.yaml"]\n')
      .listFiles([
        changedFile("definitions/pets.yaml", "modified", readFixture("petstore-swagger2.patch")),
        changedFile("src/app.js", "modified", "@@ -1,1 +1,2 @@\n const x = 1;\n+const y = 2;"),
      ])
      .listReviews()
      .listReviewComments();
    mockFileAtRef(github, "definitions/pets.yaml", baseSha, base);
    mockFileAtRef(github, "definitions/pets.yaml", headSha, readFixture("petstore-swagger2.head.yaml"));
    github.createReview().updateCheckRun();
    await app.probot.receive({
      id: "d-3",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();
    const [review] = github.captured.get("createReview") as unknown as PostedReview[];
    // `required: true` (26); the removed POST and `tag` on the last line of their parents next to the deletions.
    const byLine = new Map(review!.comments.map((c) => [c.line, c.body]));
    expect([...byLine.keys()].sort((a, b) => a - b)).toEqual([26, 41, 74]);
    expect(byLine.get(26)).toContain("Breaking OpenAPI change (parameter made required): GET /pets");
    expect(byLine.get(41)).toContain("Breaking OpenAPI change (operation removed): POST /pets");
    expect(byLine.get(74)).toContain(
      "Breaking OpenAPI change (response field removed): GET /pets, GET /pets/{petId}",
    );
    expect(github.scope.pendingMocks()).toEqual([]);

    await app.close();
    nock.cleanAll();
    app = await createTestApp({ apiKey: null });
    const off = createGitHubMock();
    off
      .listCheckRuns()
      .createCheckRun()
      .getPull()
      .repoConfig("contracts:\n  enabled: false\n")
      .listFiles([changedFile("api/openapi.yaml", "modified", readFixture("petstore-expanded.patch"))])
      .listReviews()
      .listReviewComments()
      .updateCheckRun();
    await app.probot.receive({
      id: "d-4",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();
    const [completion] = off.captured.get("updateCheckRun") as unknown as Completion[];
    expect(completion!.output.summary).not.toContain("API contracts");
    expect(off.captured.get("createReview")).toEqual([]);
    expect(off.scope.pendingMocks()).toEqual([]);
  });
});
