import { generateKeyPairSync } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { AppOctokit } from "../../src/github/github-client.js";
import { buildStartupChecks, getTokenRefusalProblem } from "../../src/ops/build-startup-checks.js";

const { privateKey: pem } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

describe("buildStartupChecks: the GitHub App", () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });

  const build = (githubBaseUrl: string) =>
    buildStartupChecks({
      appId: "4242",
      privateKey: { ok: true, privateKey: pem },
      githubBaseUrl,
      Octokit: AppOctokit,
      model: undefined,
    });

  it("asks GitHub.com for the app (GET /app)", async () => {
    nock("https://api.github.com").get("/app").reply(200, { id: 4242, slug: "backend-architect" });
    const [check] = build("https://api.github.com");
    await expect(check?.run()).resolves.toMatchObject({ status: "ok" });
  });

  it("asks a GitHub Enterprise Server or stand-in nothing at start: its first installation token decides", async () => {
    // No nock scope: any request would fail with a disabled network.
    const [check] = build("http://127.0.0.1:9/api/v3");
    await expect(check?.run()).resolves.toEqual({
      status: "ok",
      detail: "private key parses; http://127.0.0.1:9/api/v3 checks the app at its first installation token",
    });
  });

  it("fails for good when the key did not parse, whatever the server", async () => {
    const [check] = buildStartupChecks({
      appId: "4242",
      privateKey: { ok: false, problem: "The private key does not parse" },
      githubBaseUrl: "http://127.0.0.1:9/api/v3",
      Octokit: AppOctokit,
      model: undefined,
    });
    await expect(check?.run()).resolves.toEqual({
      status: "failed",
      problem: "The private key does not parse",
    });
  });
});

describe("getTokenRefusalProblem", () => {
  it.each([
    {
      name: "401 on an installation token",
      error: { status: 401, request: { url: "http://127.0.0.1:9/api/v3/app/installations/7/access_tokens" } },
      refused: true,
    },
    {
      name: "401 elsewhere",
      error: { status: 401, request: { url: "https://api.github.com/repos/o/r/pulls/1" } },
      refused: false,
    },
    {
      name: "a 5xx on the token",
      error: { status: 502, request: { url: "https://api.github.com/app/installations/7/access_tokens" } },
      refused: false,
    },
  ])("$name", ({ error, refused }) => {
    const problem = getTokenRefusalProblem(error);
    if (refused) expect(problem).toContain("GitHub refused the app's credentials");
    else expect(problem).toBeUndefined();
  });
});
