import { afterEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { ProbotOctokit } from "probot";
import type { ChangedFile } from "../../src/diff/changed-file.js";
import type { GitHubClient } from "../../src/github/github-client.js";
import { listPullFiles } from "../../src/github/pulls.js";

const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

function file(i: number) {
  return {
    sha: "a".repeat(40),
    filename: `src/f${i}.ts`,
    status: "modified",
    additions: 1,
    deletions: 0,
    changes: 1,
    blob_url: "",
    raw_url: "",
    contents_url: "",
    patch: `@@ -1 +1,2 @@\n a\n+b${i}`,
  };
}

const base = "https://api.github.com";
const path = "/repos/acme/shop-api/pulls/7/files";

describe("listPullFiles", () => {
  afterEach(() => {
    nock.cleanAll();
  });

  it("hands each page over as it arrives, before asking for the next, and returns them all in order", async () => {
    const events: string[] = [];
    nock(base)
      .get(path)
      .query({ per_page: "100" })
      .reply(
        200,
        () => {
          events.push("GET page 1");
          return [0, 1, 2].map(file);
        },
        {
          link: `<${base}${path}?per_page=100&page=2>; rel="next", <${base}${path}?per_page=100&page=2>; rel="last"`,
        },
      )
      .get(path)
      .query({ per_page: "100", page: "2" })
      .reply(200, () => {
        events.push("GET page 2");
        return [3, 4].map(file);
      });
    const pages: ChangedFile[][] = [];
    const octokit = new TestOctokit({ auth: { token: "t" } }) as unknown as GitHubClient;
    const files = await listPullFiles(octokit, { owner: "acme", repo: "shop-api", pullNumber: 7 }, (page) => {
      events.push(`page of ${page.length}`);
      pages.push(page);
    });
    expect(events).toEqual(["GET page 1", "page of 3", "GET page 2", "page of 2"]);
    expect(files.map((f) => f.filename)).toEqual([0, 1, 2, 3, 4].map((i) => `src/f${i}.ts`));
    expect(pages.flat()).toEqual(files);
    expect(files[4]).toEqual({
      filename: "src/f4.ts",
      status: "modified",
      additions: 1,
      deletions: 0,
      changes: 1,
      patch: "@@ -1 +1,2 @@\n a\n+b4",
    });
    expect(nock.isDone()).toBe(true);
  });
});
