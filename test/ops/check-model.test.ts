import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { checkModelAccess } from "../../src/ops/check-model.js";

const provider = { provider: "anthropic" as const, apiKey: "sk-ant-test" };
const models = (ids: string[], next?: string) => ({
  data: ids.map((id) => ({ id, type: "model", display_name: id, created_at: "2026-10-01T00:00:00Z" })),
  has_more: next !== undefined,
  first_id: ids[0] ?? null,
  last_id: next ?? ids.at(-1) ?? null,
});

describe("checkModelAccess", () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });

  it("accepts an alias that a dated id of the key's models starts with, reading every page", async () => {
    nock("https://api.anthropic.com", { reqheaders: { authorization: "Bearer sk-ant-test" } })
      .get("/v1/models")
      .query({ limit: "100" })
      .reply(200, models(["claude-haiku-5-5-20261001"], "claude-haiku-5-5-20261001"))
      .get("/v1/models")
      .query({ limit: "100", after_id: "claude-haiku-5-5-20261001" })
      .reply(200, models(["claude-sonnet-5-5-20261001"]));
    await expect(checkModelAccess({ provider, model: "claude-sonnet-5-5" })).resolves.toEqual({
      status: "ok",
      detail: "model claude-sonnet-5-5",
    });
  });

  it("names the configured id and the ids the key can use when it is not listed", async () => {
    nock("https://api.anthropic.com")
      .get("/v1/models")
      .query(true)
      .reply(200, models(["claude-sonnet-5-5-20261001", "claude-opus-5-5-20261001"]));
    await expect(checkModelAccess({ provider, model: "claude-sonet-5-5" })).resolves.toEqual({
      status: "failed",
      problem:
        "ANTHROPIC_MODEL=claude-sonet-5-5 is not among the 2 models this key can use (claude-sonnet-5-5-20261001, claude-opus-5-5-20261001): set ANTHROPIC_MODEL to one of them.",
    });
  });

  it("fails for good when the key is refused", async () => {
    nock("https://api.anthropic.com").get("/v1/models").query(true).reply(401, { type: "error" });
    const outcome = await checkModelAccess({ provider, model: "claude-sonnet-5-5" });
    expect(outcome.status === "failed" && outcome.problem).toContain("rejected ANTHROPIC_API_KEY (HTTP 401");
  });

  it("does not block reviews when the API cannot be asked, and says so", async () => {
    nock("https://api.anthropic.com").get("/v1/models").query(true).times(2).reply(503, { type: "error" });
    await expect(checkModelAccess({ provider, model: "claude-sonnet-5-5" })).resolves.toEqual({
      status: "unknown",
      warning:
        "Could not list the models of ANTHROPIC_API_KEY at start (HTTP 503); ANTHROPIC_MODEL=claude-sonnet-5-5 is unchecked and reviews are not blocked.",
    });
  });

  it("does not list Bedrock or Vertex models (their ids are checked by the first review)", async () => {
    const outcome = await checkModelAccess({
      provider: { provider: "bedrock", awsRegion: "eu-west-1" },
      model: "anthropic.claude-sonnet-5-5-v1:0",
    });
    expect(outcome.status).toBe("ok");
  });
});
