import { type GitTreeEntry, getGitBlobText, getGitTree } from "../github/git-data.js";
import type { GitHubClient } from "../github/github-client.js";
import type { BlobCache } from "./blob-cache.js";

export type ReadFileResult =
  | { ok: true; text: string }
  | {
      ok: false;
      reason: "not in the repository" | "too large" | "binary" | "request budget spent" | "error";
    };

/** What reading the repository cost: requests to GitHub and reads the cache answered. */
export interface SnapshotStats {
  treeRequests: number;
  blobRequests: number;
  cachedReads: number;
  /** Reads refused because the review's GitHub request budget was spent. */
  refusedForBudget: number;
}

/**
 * The repository at the pull request's head, read-only: the tree (listed once) and file contents from the
 * blob cache or, within a request budget, from GitHub. Paths are repository-relative, `/`-separated.
 */
export interface RepoSnapshot {
  readonly headSha: string;
  /** Every file (blob) path, sorted. */
  readonly paths: readonly string[];
  /** GitHub cut the listing; only the subtrees of the changed files were walked. */
  readonly truncated: boolean;
  readonly stats: SnapshotStats;
  /** What went wrong, in words (a failed blob, a failed subtree). */
  readonly errors: string[];
  has(path: string): boolean;
  sizeOf(path: string): number | undefined;
  /** The blob SHA of a file (its content address). */
  shaOf(path: string): string | undefined;
  /** Immediate children of a directory ("" = root): files and directories, sorted. */
  listDirectory(dir: string): { name: string; type: "file" | "dir" }[];
  readFile(path: string): Promise<ReadFileResult>;
  /** GitHub requests this snapshot may still make. */
  remainingRequests(): number;
  /** Paths read successfully so far (their text is cached: reading them again costs no request). */
  readPaths(): string[];
}

export interface LoadRepoSnapshotParams {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  headSha: string;
  cache: BlobCache;
  /** GitHub requests for blobs and (when the tree is truncated) subtrees, after the first tree call. */
  maxRequests: number;
  /** Files larger than this are never read. */
  maxFileBytes: number;
  /** Paths the review is about: when the tree is truncated, their directories are walked. */
  neededPaths: string[];
  /** Concurrent blob requests. Default 8. */
  concurrency?: number;
}

/**
 * Lists the head tree with one recursive call; when GitHub truncates it, walks down only to the
 * directories of `neededPaths` (each step one request, counted in the budget). Throws when the first
 * tree call fails: without a tree there is no context.
 */
export async function loadRepoSnapshot(params: LoadRepoSnapshotParams): Promise<RepoSnapshot> {
  const { octokit, owner, repo } = params;
  const stats: SnapshotStats = { treeRequests: 1, blobRequests: 0, cachedReads: 0, refusedForBudget: 0 };
  const errors: string[] = [];
  const root = await getGitTree(octokit, { owner, repo, treeSha: params.headSha, recursive: true });
  const files = new Map<string, GitTreeEntry>();
  const dirs = new Set<string>([""]);
  const add = (prefix: string, entries: GitTreeEntry[]) => {
    for (const entry of entries) {
      const path = prefix ? `${prefix}/${entry.path}` : entry.path;
      if (entry.type === "blob") files.set(path, { ...entry, path });
      else if (entry.type === "tree") dirs.add(path);
    }
  };
  add("", root.entries);
  let spent = 0;
  if (root.truncated) {
    spent += await walkNeeded({ ...params, root: root.entries, add, dirs, stats, errors });
  }
  // Parents of every file are directories, even when a truncated listing left them out.
  for (const path of files.keys()) {
    for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) dirs.add(path.slice(0, i));
  }
  const paths = [...files.keys()].sort();
  const readOk = new Set<string>();
  const inFlight = new Map<string, Promise<ReadFileResult>>();
  let active = 0;
  const waiting: (() => void)[] = [];
  const concurrency = params.concurrency ?? 8;
  const acquire = async () => {
    if (active < concurrency) {
      active += 1;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  };

  async function read(entry: GitTreeEntry): Promise<ReadFileResult> {
    const cached = await params.cache.get(entry.sha);
    if (cached !== undefined) {
      stats.cachedReads += 1;
      return toText(cached);
    }
    if (spent >= params.maxRequests) {
      stats.refusedForBudget += 1;
      return { ok: false, reason: "request budget spent" };
    }
    spent += 1;
    stats.blobRequests += 1;
    await acquire();
    try {
      const text = await getGitBlobText(octokit, { owner, repo, sha: entry.sha });
      await params.cache.set(entry.sha, text);
      return toText(text);
    } catch (error) {
      errors.push(`${entry.path}: ${error instanceof Error ? error.message : String(error)}`);
      return { ok: false, reason: "error" };
    } finally {
      release();
    }
  }

  return {
    headSha: params.headSha,
    paths,
    truncated: root.truncated,
    stats,
    errors,
    has: (path) => files.has(path),
    sizeOf: (path) => files.get(path)?.size,
    shaOf: (path) => files.get(path)?.sha,
    listDirectory(dir) {
      const prefix = dir ? `${dir}/` : "";
      const out = new Map<string, "file" | "dir">();
      for (const d of dirs) {
        if (d?.startsWith(prefix) && !d.slice(prefix.length).includes("/"))
          out.set(d.slice(prefix.length), "dir");
      }
      for (const path of paths) {
        if (path.startsWith(prefix) && !path.slice(prefix.length).includes("/"))
          out.set(path.slice(prefix.length), "file");
      }
      return [...out].map(([name, type]) => ({ name, type })).sort((a, b) => a.name.localeCompare(b.name));
    },
    async readFile(path) {
      const entry = files.get(path);
      if (!entry) return { ok: false, reason: "not in the repository" };
      if ((entry.size ?? 0) > params.maxFileBytes) return { ok: false, reason: "too large" };
      let pending = inFlight.get(entry.sha);
      if (!pending) {
        pending = read(entry);
        inFlight.set(entry.sha, pending);
        // A refusal for budget is not remembered as the file's content: the next read may be cached.
        void pending.then((result) => {
          if (!result.ok && result.reason === "request budget spent") inFlight.delete(entry.sha);
        });
      }
      const result = await pending;
      if (result.ok) readOk.add(path);
      return result;
    },
    readPaths: () => [...readOk],
    remainingRequests: () => Math.max(0, params.maxRequests - spent),
  };
}

function toText(text: string): ReadFileResult {
  return text.includes("\u0000") ? { ok: false, reason: "binary" } : { ok: true, text };
}

/**
 * A truncated listing: list the root on its own, then walk each needed directory chain, one subtree
 * request per level, taking the deepest tree that comes back whole. Returns the requests it spent.
 */
async function walkNeeded(params: {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  headSha: string;
  maxRequests: number;
  neededPaths: string[];
  root: GitTreeEntry[];
  add(prefix: string, entries: GitTreeEntry[]): void;
  dirs: Set<string>;
  stats: SnapshotStats;
  errors: string[];
}): Promise<number> {
  let spent = 0;
  const treeShas = new Map<string, string>();
  for (const entry of params.root) if (entry.type === "tree") treeShas.set(entry.path, entry.sha);
  const walked = new Set<string>();
  const list = async (dir: string, sha: string, recursive: boolean) => {
    if (spent >= params.maxRequests) return undefined;
    spent += 1;
    params.stats.treeRequests += 1;
    try {
      const tree = await getGitTree(params.octokit, { ...params, treeSha: sha, recursive });
      params.add(dir, tree.entries);
      for (const entry of tree.entries) {
        if (entry.type === "tree") treeShas.set(dir ? `${dir}/${entry.path}` : entry.path, entry.sha);
      }
      return tree;
    } catch (error) {
      params.errors.push(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  };
  // The root's own files (manifests, top-level layout), whatever the recursive listing dropped.
  await list("", params.headSha, false);
  const neededDirs = [...new Set(params.neededPaths.map((p) => p.split("/").slice(0, -1).join("/")))];
  for (const dir of neededDirs) {
    const parts = dir ? dir.split("/") : [];
    for (let depth = 1; depth <= parts.length; depth++) {
      const sub = parts.slice(0, depth).join("/");
      if ([...walked].some((w) => sub === w || sub.startsWith(`${w}/`))) break;
      const sha = treeShas.get(sub);
      if (!sha) break;
      const tree = await list(sub, sha, true);
      if (!tree) break;
      if (!tree.truncated) {
        walked.add(sub);
        break;
      }
    }
  }
  return spent;
}
