import { createRequire } from "node:module";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { Context, Probot, ProbotOctokit } from "probot";
import {
  type ConfigMergeOptions,
  loadRepoConfig,
  type RepoConfigSource,
} from "../../src/config/load-repo-config.js";
import { defaultRepoConfig } from "../../src/config/repo-config.js";

interface FakeCall {
  fileName: string;
  defaults: object | undefined;
  mergeOptions: ConfigMergeOptions | undefined;
}

/** A stand-in for `context.config` that answers `answer` and records how it was called. */
function createFakeSource(answer: () => Promise<object | null>): RepoConfigSource & { calls: FakeCall[] } {
  const calls: FakeCall[] = [];
  return {
    calls,
    async config(fileName, defaults, mergeOptions) {
      calls.push({ fileName, defaults, mergeOptions });
      return answer();
    },
  };
}

describe("loadRepoConfig with a fake context.config", () => {
  it("gives the defaults when there is no file (null)", async () => {
    const source = createFakeSource(async () => null);
    await expect(loadRepoConfig(source)).resolves.toEqual({ ok: true, config: defaultRepoConfig });
    expect(source.calls).toHaveLength(1);
    expect(source.calls[0]?.fileName).toBe("architect.yml");
    expect(source.calls[0]?.defaults).toBeUndefined();
  });

  it("turns a YAML error thrown by Probot into a config error", async () => {
    const yamlError = new Error(
      "Nested mappings are not allowed in compact mappings at line 2, column 10:\n\nfail_on: a: b",
    );
    const source = createFakeSource(async () => {
      throw new Error(
        "[@probot/octokit-plugin-config] Configuration could not be parsed from https://api.github.com/repos/o/r/contents/.github%2Farchitect.yml (invalid YAML)",
        { cause: yamlError },
      );
    });
    await expect(loadRepoConfig(source)).resolves.toEqual({
      ok: false,
      errors: [
        {
          path: "",
          expected: "valid YAML",
          message:
            "`.github/architect.yml` is not valid YAML at line 2, column 10. Fix the file on the default branch.",
        },
      ],
    });
  });

  it("turns a fetch failure into a config error", async () => {
    const source = createFakeSource(async () => {
      throw Object.assign(new Error("Server Error"), { status: 500 });
    });
    await expect(loadRepoConfig(source)).resolves.toEqual({
      ok: false,
      errors: [
        {
          path: "",
          expected: "a readable YAML file",
          message: "Could not read `.github/architect.yml`: GitHub answered HTTP 500.",
        },
      ],
    });
  });

  it("strips _extends before validating", async () => {
    const source = createFakeSource(async () => ({ _extends: "acme/.github", fail_on: "never" }));
    await expect(loadRepoConfig(source)).resolves.toEqual({
      ok: true,
      config: { ...defaultRepoConfig, fail_on: "never" },
    });
  });

  it("asks Probot to replace arrays instead of concatenating them", async () => {
    const source = createFakeSource(async () => ({}));
    await loadRepoConfig(source);
    const arrayMerge = source.calls[0]?.mergeOptions?.arrayMerge;
    expect(arrayMerge?.(["architecture", "performance"], ["security"])).toEqual(["security"]);
  });

  it("validates what Probot returns", async () => {
    const source = createFakeSource(async () => ({ fail_on: "hgih" }));
    const result = await loadRepoConfig(source);
    expect(result.ok).toBe(false);
  });
});

// The real thing: Probot's context.config against a mocked GitHub, following `_extends`.
describe("loadRepoConfig with Probot's context.config", () => {
  const require = createRequire(import.meta.url);
  const examples: { name: string; examples: unknown[] }[] = require("@octokit/webhooks-examples");
  const payload = examples.find((definition) => definition.name === "issue_comment")?.examples[0];
  const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    retry: { enabled: false },
    throttle: { enabled: false },
  }));

  function createContext(): Context {
    const probot = new Probot({ githubToken: "test", Octokit: TestOctokit });
    const event = { id: "delivery-1", name: "issue_comment", payload } as unknown as ConstructorParameters<
      typeof Context
    >[0];
    return new Context(event, new TestOctokit({ auth: { token: "test" } }), probot.log);
  }

  function mockConfigFile(repo: string, status: number, body: string): nock.Scope {
    return nock("https://api.github.com")
      .get(`/repos/Codertocat/${repo}/contents/.github%2Farchitect.yml`)
      .reply(status, body, { "content-type": "text/plain; charset=utf-8" });
  }

  beforeEach(() => {
    nock.disableNetConnect();
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("merges an _extends base, with the repository's lists replacing the base's", async () => {
    const repoScope = mockConfigFile(
      "Hello-World",
      200,
      "_extends: .github\nfocus: [security]\nfail_on: critical\n",
    );
    const baseScope = mockConfigFile(
      ".github",
      200,
      "focus: [architecture, performance]\nmax_inline_comments: 5\nignore:\n  labels: [no-review]\n",
    );
    const result = await loadRepoConfig(createContext());
    expect(result).toEqual({
      ok: true,
      config: {
        ...defaultRepoConfig,
        focus: ["security"],
        fail_on: "critical",
        max_inline_comments: 5,
        ignore: { ...defaultRepoConfig.ignore, labels: ["no-review"] },
      },
    });
    expect(repoScope.isDone()).toBe(true);
    expect(baseScope.isDone()).toBe(true);
  });

  it("falls back to the owner's .github repository, and to the defaults without either", async () => {
    const repoScope = mockConfigFile("Hello-World", 404, "Not Found");
    const orgScope = mockConfigFile(".github", 404, "Not Found");
    await expect(loadRepoConfig(createContext())).resolves.toEqual({ ok: true, config: defaultRepoConfig });
    expect(repoScope.isDone()).toBe(true);
    expect(orgScope.isDone()).toBe(true);
  });

  it("reports invalid YAML instead of throwing", async () => {
    const scope = mockConfigFile("Hello-World", 200, "fail_on: [high\n");
    const result = await loadRepoConfig(createContext());
    expect(scope.isDone()).toBe(true);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    // The app's words, the position and the parser's short reason; never the library's message or a URL.
    expect(result.errors[0]?.message).toBe(
      "`.github/architect.yml` is not valid YAML at line 2, column 1: bad indent. Fix the file on the default branch.",
    );
  });
});
