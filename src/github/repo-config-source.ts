import merge from "deepmerge";
import type { RepoConfigSource } from "../config/load-repo-config.js";
import type { GitHubClient } from "./github-client.js";

/**
 * Probot's `context.config` for code that runs outside a webhook (a queue worker): reads
 * `.github/<file>` from the default branch, falls back to the owner's `.github` repository, follows
 * `_extends` and deep-merges the files, exactly as `Context#config` does.
 */
export function createRepoConfigSource(
  octokit: GitHubClient,
  repo: { owner: string; repo: string },
): RepoConfigSource {
  return {
    async config(fileName, defaultConfig, deepMergeOptions) {
      const { config, files } = await octokit.config.get({
        owner: repo.owner,
        repo: repo.repo,
        path: `.github/${fileName}`,
        defaults: (configs: object[]) =>
          merge.all(
            [defaultConfig ?? {}, ...configs],
            deepMergeOptions as merge.Options | undefined,
          ) as Record<string, unknown>,
      });
      if (!defaultConfig && !files.some((file) => file.config !== null)) return null;
      return config;
    },
  };
}
