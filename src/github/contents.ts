import type { GitHubClient } from "./github-client.js";

export type FileAtRef =
  | { kind: "file"; text: string; size: number }
  /** No such file at that commit (added or removed by the pull request), or the path is a folder. */
  | { kind: "missing" }
  /** Larger than the caller's cap (or than the 1 MB the contents API returns inline). */
  | { kind: "too-large"; size: number };

/**
 * The text of one file at a commit, through the contents API (`GET /repos/{owner}/{repo}/contents/{path}?ref=`).
 * The size is checked before the content is decoded, so an oversized file costs nothing more.
 */
export async function getFileAtRef(
  octokit: GitHubClient,
  params: { owner: string; repo: string; path: string; ref: string; maxBytes: number },
): Promise<FileAtRef> {
  let data: Awaited<ReturnType<GitHubClient["rest"]["repos"]["getContent"]>>["data"];
  try {
    ({ data } = await octokit.rest.repos.getContent({
      owner: params.owner,
      repo: params.repo,
      path: params.path,
      ref: params.ref,
    }));
  } catch (error) {
    if ((error as { status?: number }).status === 404) return { kind: "missing" };
    throw new Error(
      `Failed to read ${params.path} at ${params.ref.slice(0, 7)} of ${params.owner}/${params.repo}`,
      {
        cause: error,
      },
    );
  }
  if (Array.isArray(data) || data.type !== "file") return { kind: "missing" };
  if (data.size > params.maxBytes) return { kind: "too-large", size: data.size };
  // Files over 1 MB come back without content (`encoding: "none"`).
  if (data.encoding !== "base64" || typeof data.content !== "string")
    return { kind: "too-large", size: data.size };
  const text = Buffer.from(data.content, "base64").toString("utf8");
  return { kind: "file", text, size: data.size };
}
