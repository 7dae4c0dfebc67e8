import type { CompareResult } from "../review/select-incremental.js";
import type { GitHubClient } from "./github-client.js";

/**
 * Compares two commits (`base...head`). Null when GitHub does not know the base any more (a force-push
 * removed it: 404) — the caller then reviews the whole pull request.
 */
export async function compareCommits(
  octokit: GitHubClient,
  params: { owner: string; repo: string; base: string; head: string },
): Promise<CompareResult | null> {
  try {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      owner: params.owner,
      repo: params.repo,
      basehead: `${params.base}...${params.head}`,
      per_page: 100,
    });
    return {
      status: data.status,
      files: (data.files ?? []).map((file) => ({
        filename: file.filename,
        status: file.status,
        ...(file.patch === undefined ? {} : { patch: file.patch }),
      })),
    };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 422) return null;
    throw new Error(
      `Failed to compare ${params.base.slice(0, 7)}...${params.head.slice(0, 7)} of ${params.owner}/${params.repo}`,
      {
        cause: error,
      },
    );
  }
}
