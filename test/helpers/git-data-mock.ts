import { createHash } from "node:crypto";
import nock from "nock";
import { createMemoryBlobCache } from "../../src/context/blob-cache.js";
import type { ContextDeps, ContextSettings } from "../../src/review/gather-context.js";
import { headSha, repo } from "./payloads.js";

const api = "https://api.github.com";
const repoPath = `/repos/${repo.owner}/${repo.repo}`;

/** Git's blob id of a text: sha1("blob <bytes>\0<content>"). */
export function getBlobSha(text: string): string {
  const content = Buffer.from(text, "utf8");
  return createHash("sha1").update(`blob ${content.length}\0`).update(content).digest("hex");
}

/**
 * The repository at the head commit, served through the Git Trees API (one recursive listing, required)
 * and the Git Blobs API (each blob optional: which ones the app reads is what the test asserts through
 * `blobReads`).
 */
export function mockRepositoryTree(
  files: Record<string, string>,
  options: { sha?: string; truncated?: boolean } = {},
) {
  const scope = nock(api);
  const blobReads: string[] = [];
  const byPath = Object.entries(files).map(([path, text]) => ({ path, text, sha: getBlobSha(text) }));
  scope
    .get(`${repoPath}/git/trees/${options.sha ?? headSha}`)
    .query({ recursive: "1" })
    .reply(200, {
      sha: options.sha ?? headSha,
      truncated: options.truncated ?? false,
      tree: byPath.map(({ path, text, sha }) => ({
        path,
        mode: "100644",
        type: "blob",
        sha,
        size: Buffer.byteLength(text),
      })),
    });
  for (const { path, text, sha } of byPath) {
    scope
      .get(`${repoPath}/git/blobs/${sha}`)
      .optionally()
      .reply(200, () => {
        blobReads.push(path);
        return {
          sha,
          size: Buffer.byteLength(text),
          encoding: "base64",
          content: Buffer.from(text).toString("base64"),
        };
      });
  }
  return { scope, blobReads };
}

export const testContextSettings: ContextSettings = {
  enabled: true,
  tokenBudget: 15_000,
  maxGitHubRequests: 100,
  agentic: false,
  agentMaxTurns: 4,
  agentMaxTokens: 50_000,
};

export function createTestContextDeps(settings: Partial<ContextSettings> = {}): ContextDeps {
  return { cache: createMemoryBlobCache(), settings: { ...testContextSettings, ...settings } };
}
