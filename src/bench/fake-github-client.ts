import { createHash } from "node:crypto";
import type { GitHubClient } from "../github/github-client.js";
import { githubLimits } from "../github/limits.js";

/**
 * An in-memory stand-in for the installation Octokit, implementing exactly the surface the review
 * pipeline uses, at zero latency, and counting every request as GitHub would see it: one call = one
 * request, one page of a paginated list = one request, and `config.get` = the two reads Probot's config
 * plugin makes when no `.github/architect.yml` exists (the repository's, then the owner's `.github`).
 *
 * It keeps state like GitHub does: check runs (with the summaries the pipeline writes), posted reviews
 * and their comments, so that a second review of the same pull request sees the first one's markers.
 */
export interface FakeGitHubFile {
  filename: string;
  status: string;
  additions: number;
  deletions: number;
  changes: number;
  patch?: string;
}

export interface FakePull {
  owner: string;
  repo: string;
  number: number;
  title: string;
  body: string;
  headSha: string;
  files: FakeGitHubFile[];
  /** The repository at the head (path → text), served by `git.getTree` and `git.getBlob`; none: 404. */
  tree?: Record<string, string>;
  /** Time every request takes to answer (GitHub's round trip); 0 by default. */
  latencyMs?: number;
}

export interface FakeCompare {
  base: string;
  head: string;
  status: "ahead" | "behind" | "diverged" | "identical";
  files: FakeGitHubFile[];
}

interface Page<T> {
  data: T[];
}

interface StoredCheckRun {
  id: number;
  head_sha: string;
  name: string;
  status: string;
  conclusion: string | null;
  external_id: string | null;
  output: { title: string; summary: string; text?: string };
  annotations: number;
}

interface StoredReview {
  id: number;
  body: string;
  commit_id: string;
  user: { login: string; type: string };
}

interface StoredReviewComment {
  id: number;
  body: string;
  path: string;
  line: number | null;
  user: { login: string; type: string };
}

interface PageParams {
  page?: number;
  per_page?: number;
}

interface CheckOutputParams {
  title?: string;
  summary?: string;
  text?: string;
  annotations?: unknown[];
}

const bot = { login: "backend-architect[bot]", type: "Bot" };

export interface FakeGitHub {
  /** Requests by endpoint name (`pulls.listFiles`, …). */
  readonly requests: Map<string, number>;
  countRequests(): number;
  resetRequests(): void;
  /** A push to the pull request: new head, new file list, and what the comparison with the old head shows. */
  push(params: { headSha: string; files: FakeGitHubFile[]; compare: FakeCompare }): void;
  /** The object to pass as `ReviewDeps.octokit`. */
  readonly client: GitHubClient;
  readonly checkRuns: readonly StoredCheckRun[];
  readonly reviews: readonly StoredReview[];
}

export function createFakeGitHubClient(pull: FakePull): FakeGitHub {
  const requests = new Map<string, number>();
  const count = (name: string, n = 1) => requests.set(name, (requests.get(name) ?? 0) + n);
  const state = { headSha: pull.headSha, files: pull.files, compare: undefined as FakeCompare | undefined };
  const checkRuns: StoredCheckRun[] = [];
  const reviews: StoredReview[] = [];
  const reviewComments: StoredReviewComment[] = [];
  const issueComments: string[] = [];
  let nextId = 1000;
  const blobs = new Map(Object.values(pull.tree ?? {}).map((text) => [getBlobSha(text), text]));

  const toPage = <T>(items: readonly T[], params: PageParams, cap = Number.POSITIVE_INFINITY): Page<T> => {
    const perPage = Math.min(params.per_page ?? 30, githubLimits.perPage);
    const page = params.page ?? 1;
    const visible = Math.min(items.length, cap);
    return { data: items.slice((page - 1) * perPage, Math.min(page * perPage, visible)) };
  };

  const rest = {
    issues: {
      // Follow-up pages of a review too large for one body.
      async createComment(params: { body: string }) {
        count("issues.createComment");
        issueComments.push(params.body);
        return { data: { id: nextId++ } };
      },
    },
    checks: {
      async create(params: {
        head_sha: string;
        name: string;
        status: string;
        external_id?: string;
        output?: CheckOutputParams;
      }) {
        count("checks.create");
        const run: StoredCheckRun = {
          id: nextId++,
          head_sha: params.head_sha,
          name: params.name,
          status: params.status,
          conclusion: null,
          external_id: params.external_id ?? null,
          output: { title: params.output?.title ?? "", summary: params.output?.summary ?? "" },
          annotations: params.output?.annotations?.length ?? 0,
        };
        checkRuns.push(run);
        return { data: { id: run.id } };
      },
      async update(params: {
        check_run_id: number;
        status?: string;
        conclusion?: string;
        output?: CheckOutputParams;
      }) {
        count("checks.update");
        const run = checkRuns.find((r) => r.id === params.check_run_id);
        if (!run) throw Object.assign(new Error("Not Found"), { status: 404 });
        if (params.status) run.status = params.status;
        if (params.conclusion) run.conclusion = params.conclusion;
        if (params.output) {
          run.output = {
            title: params.output.title ?? run.output.title,
            summary: params.output.summary ?? run.output.summary,
            ...(params.output.text === undefined ? {} : { text: params.output.text }),
          };
          run.annotations += params.output.annotations?.length ?? 0;
        }
        return { data: { id: run.id } };
      },
      async listForRef(params: { ref: string; check_name?: string }) {
        count("checks.listForRef");
        const runs = checkRuns.filter(
          (r) => r.head_sha === params.ref && (!params.check_name || r.name === params.check_name),
        );
        return { data: { total_count: runs.length, check_runs: runs } };
      },
    },
    pulls: {
      async get(params: { pull_number: number }) {
        count("pulls.get");
        if (params.pull_number !== pull.number) throw Object.assign(new Error("Not Found"), { status: 404 });
        return {
          data: {
            number: pull.number,
            title: pull.title,
            body: pull.body,
            state: "open",
            draft: false,
            head: { sha: state.headSha, ref: "feature/bench" },
            base: { ref: "main", sha: "0".repeat(40) },
            user: { login: "dana-dev", type: "User" },
            labels: [] as { name: string }[],
          },
        };
      },
      async listFiles(params: PageParams) {
        count("pulls.listFiles");
        return toPage(state.files, params, githubLimits.maxListedFiles);
      },
      async listReviews(params: PageParams) {
        count("pulls.listReviews");
        return toPage(reviews, params);
      },
      async listReviewComments(params: PageParams) {
        count("pulls.listReviewComments");
        return toPage(reviewComments, params);
      },
      async createReview(params: {
        commit_id: string;
        body: string;
        comments?: { path: string; line: number; body: string }[];
      }) {
        count("pulls.createReview");
        const review: StoredReview = {
          id: nextId++,
          body: params.body,
          commit_id: params.commit_id,
          user: bot,
        };
        reviews.push(review);
        for (const comment of params.comments ?? []) {
          reviewComments.push({
            id: nextId++,
            body: comment.body,
            path: comment.path,
            line: comment.line,
            user: bot,
          });
        }
        return { data: { id: review.id } };
      },
    },
    git: {
      async getTree(params: { tree_sha: string; recursive?: string }) {
        count("git.getTree");
        if (!pull.tree) throw Object.assign(new Error("Not Found"), { status: 404 });
        const tree = Object.entries(pull.tree).map(([path, text]) => ({
          path,
          mode: "100644",
          type: "blob",
          sha: getBlobSha(text),
          size: Buffer.byteLength(text),
        }));
        return { data: { sha: params.tree_sha, truncated: false, tree } };
      },
      async getBlob(params: { file_sha: string }) {
        count("git.getBlob");
        const text = blobs.get(params.file_sha);
        if (text === undefined) throw Object.assign(new Error("Not Found"), { status: 404 });
        return {
          data: { sha: params.file_sha, encoding: "base64", content: Buffer.from(text).toString("base64") },
        };
      },
    },
    repos: {
      async compareCommitsWithBasehead(params: { basehead: string }) {
        count("repos.compareCommitsWithBasehead");
        const compare = state.compare;
        if (!compare || params.basehead !== `${compare.base}...${compare.head}`) {
          throw Object.assign(new Error("Not Found"), { status: 404 });
        }
        return { data: { status: compare.status, files: compare.files } };
      },
    },
  };

  /**
   * Octokit's paginate: calls the list method page after page while GitHub's Link header would say "next";
   * with `mapFn`, each page is mapped as it arrives and the mapped items are returned.
   */
  async function paginate<T, U = T>(
    method: (params: PageParams & Record<string, unknown>) => Promise<Page<T>>,
    params: PageParams & Record<string, unknown>,
    mapFn?: (response: Page<T>) => U[],
  ): Promise<U[]> {
    const perPage = Math.min(params.per_page ?? 30, githubLimits.perPage);
    const out: U[] = [];
    for (let page = 1; ; page++) {
      const response = await method({ ...params, page, per_page: perPage });
      const { data } = response;
      out.push(...(mapFn ? mapFn(response) : (data as unknown as U[])));
      if (data.length < perPage) return out;
      // The last full page: GitHub sends no "next" link (listFiles also stops at its 3,000-file cap).
      if (
        method === rest.pulls.listFiles &&
        out.length >= Math.min(state.files.length, githubLimits.maxListedFiles)
      )
        return out;
      if (method === rest.pulls.listReviews && out.length >= reviews.length) return out;
      if (method === rest.pulls.listReviewComments && out.length >= reviewComments.length) return out;
    }
  }

  const config = {
    async get(params: { owner: string; repo: string; path: string }) {
      // Probot's config plugin: the repository's file (404), then the owner's `.github` repository (404).
      count("config.get", 2);
      return {
        config: {},
        files: [
          { owner: params.owner, repo: params.repo, path: params.path, url: "", config: null },
          { owner: params.owner, repo: ".github", path: params.path, url: "", config: null },
        ],
      };
    },
  };

  // GraphQL: the review threads' resolved state (none resolved here).
  const graphql = async () => {
    count("graphql");
    return {
      repository: {
        pullRequest: { reviewThreads: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } },
      },
    };
  };
  const fake = { rest, paginate, config, graphql };
  const latency = pull.latencyMs ?? 0;
  if (latency > 0) {
    // Every request waits its round trip (replaced in place: `paginate` compares methods by identity).
    const delay = () => new Promise((resolve) => setTimeout(resolve, latency));
    const slow =
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        await delay();
        return fn(...args);
      };
    for (const group of Object.values(rest) as Record<string, (...args: unknown[]) => Promise<unknown>>[]) {
      for (const [name, fn] of Object.entries(group)) group[name] = slow(fn);
    }
    fake.config = { get: slow(config.get) };
    fake.graphql = slow(graphql);
  }
  return {
    requests,
    countRequests: () => [...requests.values()].reduce((sum, n) => sum + n, 0),
    resetRequests: () => requests.clear(),
    push(params) {
      state.headSha = params.headSha;
      state.files = params.files;
      state.compare = params.compare;
    },
    // The pipeline only touches the members implemented above.
    client: fake as unknown as GitHubClient,
    checkRuns,
    reviews,
  };
}

/** Git's blob id: sha1("blob <bytes>\0<content>"). */
export function getBlobSha(text: string): string {
  const content = Buffer.from(text, "utf8");
  return createHash("sha1").update(`blob ${content.length}\0`).update(content).digest("hex");
}
