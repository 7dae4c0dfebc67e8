import type { GitHubClient } from "./github-client.js";

/** One entry of a Git tree, as GitHub lists it (paths relative to the tree asked for). */
export interface GitTreeEntry {
  path: string;
  type: "blob" | "tree" | "commit";
  sha: string;
  /** Bytes; blobs only. */
  size?: number;
}

export interface GitTree {
  entries: GitTreeEntry[];
  /** GitHub cut the listing (past 100,000 entries or 7 MB): walk the subtrees that matter. */
  truncated: boolean;
}

/**
 * Lists a tree: `treeSha` is a tree or commit SHA (GitHub accepts both). `recursive` lists every
 * descendant in one request, up to GitHub's cap (then `truncated`).
 */
export async function getGitTree(
  octokit: GitHubClient,
  params: { owner: string; repo: string; treeSha: string; recursive: boolean },
): Promise<GitTree> {
  try {
    const { data } = await octokit.rest.git.getTree({
      owner: params.owner,
      repo: params.repo,
      tree_sha: params.treeSha,
      ...(params.recursive ? { recursive: "1" } : {}),
    });
    const entries: GitTreeEntry[] = [];
    for (const item of data.tree) {
      if (!item.path || !item.sha) continue;
      if (item.type !== "blob" && item.type !== "tree" && item.type !== "commit") continue;
      entries.push({
        path: item.path,
        type: item.type,
        sha: item.sha,
        ...(typeof item.size === "number" ? { size: item.size } : {}),
      });
    }
    return { entries, truncated: data.truncated === true };
  } catch (error) {
    throw new Error(
      `Failed to list the tree ${params.treeSha.slice(0, 7)} of ${params.owner}/${params.repo}`,
      { cause: error },
    );
  }
}

/** A blob's content as UTF-8 text (GitHub sends base64). */
export async function getGitBlobText(
  octokit: GitHubClient,
  params: { owner: string; repo: string; sha: string },
): Promise<string> {
  try {
    const { data } = await octokit.rest.git.getBlob({
      owner: params.owner,
      repo: params.repo,
      file_sha: params.sha,
    });
    const encoding = data.encoding === "utf-8" ? "utf8" : "base64";
    return Buffer.from(data.content ?? "", encoding).toString("utf8");
  } catch (error) {
    throw new Error(`Failed to read the blob ${params.sha.slice(0, 7)} of ${params.owner}/${params.repo}`, {
      cause: error,
    });
  }
}
