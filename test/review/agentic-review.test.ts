import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { buildToolAnswer, createAnthropicMock } from "../helpers/anthropic-mock.js";
import { createTestContextDeps, mockRepositoryTree } from "../helpers/git-data-mock.js";
import { createGitHubMock } from "../helpers/github-mock.js";
import { buildPullRequestEvent } from "../helpers/payloads.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

const searchRoute = [
  'import { Router } from "express";',
  'import { findUsersByName } from "../db/users-repo";',
  "",
  "export const searchRouter = Router();",
  'searchRouter.get("/search", async (req, res) => {',
  "  res.json(await findUsersByName(String(req.query.q)));",
  "});",
  "",
].join("\n");
const usersRepo = [
  'import { db } from "./pool";',
  "",
  "export async function findUsersByName(name: string) {",
  '  return db.query("SELECT id FROM users WHERE name = \'" + name + "\'");',
  "}",
  "",
].join("\n");

function toolTurn(calls: { id: string; name: string; input: unknown }[]) {
  return {
    id: "msg_turn",
    type: "message",
    role: "assistant",
    model: "claude-sonnet-5-5",
    stop_reason: "tool_use",
    stop_sequence: null,
    content: calls.map((c) => ({ type: "tool_use", ...c })),
    usage: {
      input_tokens: 900,
      output_tokens: 60,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    },
  };
}

interface SentMessage {
  role: string;
  content: string | { type: string; tool_use_id?: string; content?: string; text?: string }[];
}
interface SentRequest {
  messages: SentMessage[];
  tools: { name: string }[];
  tool_choice: unknown;
}

describe("agentic review (read-only repository tools)", () => {
  let app: TestApp;
  beforeEach(() => nock.disableNetConnect());
  afterEach(async () => {
    await app?.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("answers tools from the head snapshot, refuses paths outside the repository, and forces the answer at the turn bound", async () => {
    app = await createTestApp({ context: createTestContextDeps({ agentic: true, agentMaxTurns: 2 }) });
    const github = createGitHubMock();
    github.listCheckRuns().createCheckRun().getPull().noRepoConfig();
    github
      .listFiles([
        {
          filename: "src/routes/search.ts",
          status: "added",
          additions: 7,
          deletions: 0,
          changes: 7,
          patch: `@@ -0,0 +1,7 @@\n${searchRoute
            .split("\n")
            .slice(0, 7)
            .map((l) => `+${l}`)
            .join("\n")}`,
        },
      ])
      .listReviews()
      .listReviewComments()
      .updateCheckRun();
    github.scope.post("/repos/acme/shop-api/pulls/42/reviews").optionally().reply(200, { id: 9001 });
    mockRepositoryTree({ "src/routes/search.ts": searchRoute, "src/db/users-repo.ts": usersRepo });
    const model = createAnthropicMock()
      .raw(
        toolTurn([
          { id: "t1", name: "read_file", input: { path: "../../etc/passwd" } },
          { id: "t2", name: "find_definition", input: { symbol: "findUsersByName" } },
        ]),
      )
      .raw(
        toolTurn([
          {
            id: "t3",
            name: "read_file",
            input: { path: "src/db/users-repo.ts", start_line: 3, end_line: 5 },
          },
        ]),
      )
      .raw(buildToolAnswer({ summary: "Explored.", findings: [] }));

    await app.probot.receive({
      id: "d-agent",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();
    expect(github.scope.pendingMocks()).toEqual([]);
    expect(model.scope.pendingMocks()).toEqual([]);

    const requests = model.requests as unknown as SentRequest[];
    expect(requests).toHaveLength(3);
    expect(requests[0]!.tool_choice).toEqual({ type: "any" });
    expect(requests[0]!.tools.map((t) => t.name)).toEqual([
      "submit_review",
      "read_file",
      "find_definition",
      "find_usages",
      "list_directory",
      "search_text",
    ]);
    const results = requests[1]!.messages.at(-1)!.content as {
      type: string;
      tool_use_id: string;
      content: string;
    }[];
    expect(results.map((r) => [r.type, r.tool_use_id])).toEqual([
      ["tool_result", "t1"],
      ["tool_result", "t2"],
    ]);
    expect(results[0]!.content).toContain('refused: "../../etc/passwd" is outside the repository');
    expect(results[0]!.content).toMatch(/^<untrusted_tool_result id="[0-9a-f]{24}">/);
    expect(results[1]!.content).toContain("src/db/users-repo.ts");
    expect(results[1]!.content).toContain("3: export async function findUsersByName(name: string) {");

    // The bound (2 tool turns) is reached: the last request offers submit_review only, and says why.
    const last = requests[2]!;
    expect(last.tool_choice).toEqual({ type: "tool", name: "submit_review" });
    expect(last.tools.map((t) => t.name)).toEqual(["submit_review"]);
    const finalUser = last.messages.at(-1)!.content as { type: string; content?: string; text?: string }[];
    expect(finalUser[0]!.content).toContain("4:   return db.query(");
    expect(finalUser.at(-1)).toEqual({
      type: "text",
      text: "Exploration limit reached (2 tool turns). Call submit_review now with what you have.",
    });

    const checkRun = github.captured.get("updateCheckRun").at(-1) as { output: { summary: string } };
    expect(checkRun.output.summary).toContain(
      "Exploration: 2 tool turns, 3 tool calls, 3,420 tokens; stopped at 2 tool turns.",
    );
    // Usage of all three turns is counted in the cost.
    expect(checkRun.output.summary).toContain("3,000 input tokens");
  });
});
