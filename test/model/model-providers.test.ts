import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { OAuth2Client } from "google-auth-library";
import nock from "nock";
import { createReviewModel, ModelUnavailableError, type ReviewPrompt } from "../../src/model/review-model.js";
import { buildToolAnswer } from "../helpers/anthropic-mock.js";

// Bedrock and Vertex through Anthropic's SDK packages: the same Messages body (system prompt with its
// cache breakpoint, forced tool call) at each provider's own path, with its own authentication.

const prompt: ReviewPrompt = {
  system: [{ type: "text", text: "You are a backend architect.", cache_control: { type: "ephemeral" } }],
  user: "<diff>…</diff>",
};
const answer = buildToolAnswer({ summary: "Looks fine.", findings: [] });
const common = { maxTokens: 1024, timeoutMs: 10_000, maxRetries: 0 };

/** A Google OAuth client holding a token that does not expire during the test: no token endpoint is asked. */
function googleClient(token: string): OAuth2Client {
  const client = new OAuth2Client();
  client.setCredentials({ access_token: token, expiry_date: Date.now() + 3_600_000 });
  return client;
}

type Recorded = { body: Record<string, unknown>; headers: Headers };

function record(into: Recorded[], reply: object) {
  return async (request: Request) => {
    into.push({ body: (await request.json()) as Record<string, unknown>, headers: request.headers });
    return reply;
  };
}

describe("model providers", () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });

  it("Bedrock: POST /model/{id}/invoke, SigV4-signed, the model id out of the body, the cache breakpoint kept", async () => {
    const requests: Recorded[] = [];
    const modelId = "eu.anthropic.claude-sonnet-5-5-20261001-v1:0";
    nock("https://bedrock-runtime.eu-west-1.amazonaws.com")
      .post(`/model/${modelId}/invoke`)
      .reply(200, record(requests, answer));
    const model = createReviewModel({
      ...common,
      model: modelId,
      provider: {
        provider: "bedrock",
        awsRegion: "eu-west-1",
        awsAccessKey: "AKIDTEST",
        awsSecretKey: "secret",
      },
    });
    const result = await model.review(prompt);
    expect(result.output.summary).toBe("Looks fine.");
    const [request] = requests;
    expect(request?.headers.get("authorization")).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/eu-west-1\/bedrock\/aws4_request/,
    );
    expect(request?.body).toMatchObject({
      anthropic_version: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      max_tokens: 1024,
      system: prompt.system,
      tool_choice: { type: "tool", name: "submit_review" },
      messages: [{ role: "user", content: prompt.user }],
    });
    expect(request?.body).not.toHaveProperty("model");
  });

  it("Vertex: POST …/publishers/anthropic/models/{id}:rawPredict with the Google token, same body", async () => {
    const requests: Recorded[] = [];
    nock("https://europe-west1-aiplatform.googleapis.com")
      .post(
        "/v1/projects/acme-reviews/locations/europe-west1/publishers/anthropic/models/claude-sonnet-5-5@20261001:rawPredict",
      )
      .reply(200, record(requests, answer));
    const model = createReviewModel({
      ...common,
      model: "claude-sonnet-5-5@20261001",
      provider: {
        provider: "vertex",
        region: "europe-west1",
        projectId: "acme-reviews",
        authClient: googleClient("ya29.test-token"),
      },
    });
    await model.review(prompt);
    const [request] = requests;
    expect(request?.headers.get("authorization")).toBe("Bearer ya29.test-token");
    expect(request?.body).toMatchObject({
      anthropic_version: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      system: prompt.system,
      tools: [expect.objectContaining({ name: "submit_review" })],
    });
    expect(request?.body).not.toHaveProperty("model");
  });

  it.each([
    {
      name: "Bedrock",
      host: "https://bedrock-runtime.us-east-1.amazonaws.com",
      path: /\/model\/.+\/invoke/,
      provider: {
        provider: "bedrock" as const,
        awsRegion: "us-east-1",
        awsAccessKey: "AKID",
        awsSecretKey: "s",
      },
      message: "Amazon Bedrock answered 429 (RateLimitError) after retries",
    },
    {
      name: "Vertex",
      host: "https://us-east5-aiplatform.googleapis.com",
      path: /rawPredict$/,
      provider: {
        provider: "vertex" as const,
        region: "us-east5",
        projectId: "p",
        authClient: googleClient("t"),
      },
      message: "Google Vertex AI answered 429 (RateLimitError) after retries",
    },
  ])("$name errors come out as the app's ModelUnavailableError, as Anthropic's do", async (c) => {
    nock(c.host)
      .post(c.path)
      .reply(429, { type: "error", error: { type: "rate_limit_error", message: "slow down" } });
    const model = createReviewModel({ ...common, model: "claude-sonnet-5-5", provider: c.provider });
    const error = await model.review(prompt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect((error as ModelUnavailableError).message).toBe(c.message);
    expect((error as ModelUnavailableError).status).toBe(429);
  });
});
