import type { ChangedFile } from "../diff/changed-file.js";
import type { GitHubClient } from "./github-client.js";
import { githubLimits } from "./limits.js";

export interface PullRef {
  owner: string;
  repo: string;
  pullNumber: number;
}

export interface PullSummary {
  number: number;
  title: string;
  body: string;
  state: string;
  draft: boolean;
  headSha: string;
  baseSha: string;
  baseRef: string;
  author: string;
  authorIsBot: boolean;
  labels: string[];
}

export async function getPull(octokit: GitHubClient, ref: PullRef): Promise<PullSummary> {
  const { data } = await octokit.rest.pulls.get({
    owner: ref.owner,
    repo: ref.repo,
    pull_number: ref.pullNumber,
  });
  return {
    number: data.number,
    title: data.title,
    body: data.body ?? "",
    state: data.state,
    draft: data.draft ?? false,
    headSha: data.head.sha,
    baseSha: data.base.sha,
    baseRef: data.base.ref,
    author: data.user.login,
    authorIsBot: data.user.type === "Bot",
    labels: data.labels.map((label) => label.name),
  };
}

/** All changed files of a pull request (GitHub stops at 3,000; `patch` is absent for binary and huge files). */
export async function listPullFiles(
  octokit: GitHubClient,
  ref: PullRef,
  /** Told each page as it arrives (within the 3,000-file cap), before the next is asked for. */
  onPage?: (files: ChangedFile[]) => void,
): Promise<ChangedFile[]> {
  let listed = 0;
  return octokit.paginate(
    octokit.rest.pulls.listFiles,
    { owner: ref.owner, repo: ref.repo, pull_number: ref.pullNumber, per_page: githubLimits.perPage },
    (response) => {
      const page = response.data.slice(0, Math.max(0, githubLimits.maxListedFiles - listed)).map(
        (file): ChangedFile => ({
          filename: file.filename,
          status: file.status,
          additions: file.additions,
          deletions: file.deletions,
          changes: file.changes,
          ...(file.patch === undefined ? {} : { patch: file.patch }),
          ...(file.previous_filename === undefined ? {} : { previous_filename: file.previous_filename }),
        }),
      );
      listed += page.length;
      onPage?.(page);
      return page;
    },
  );
}
