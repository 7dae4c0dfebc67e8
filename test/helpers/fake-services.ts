import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { buildToolAnswer } from "./anthropic-mock.js";

export interface FakeService {
  url: string;
  close(): Promise<void>;
}

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse, body: string) => void,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => handler(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

function send(res: ServerResponse, status: number, data: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(data));
}

export interface FakeGitHubState {
  checkRuns: {
    id: number;
    head_sha: string;
    external_id: string;
    status: string;
    conclusion: string | null;
    output: { summary?: string };
  }[];
  reviews: { id: number; body: string; commit_id: string; user: { login: string; type: string } }[];
}

/**
 * A small stateful GitHub (REST under /api/v3) with the calls a review makes, for tests that run the
 * built app as a process (GHE_HOST). Stateful, so a second worker sees what the first one did.
 */
export async function startFakeGitHub(pull: {
  number: number;
  headSha: string;
  files: unknown[];
}): Promise<FakeService & { state: FakeGitHubState }> {
  const state: FakeGitHubState = { checkRuns: [], reviews: [] };
  let nextId = 100;
  const { server, url } = await listen((req, res, body) => {
    const path = (req.url ?? "").split("?")[0]!.replace(/^\/api\/v3/, "");
    const route = `${req.method} ${path}`;
    const repo = "/repos/acme/shop-api";
    if (/^POST \/app\/installations\/\d+\/access_tokens$/.test(route)) {
      return send(res, 201, {
        token: "ghs_test",
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        permissions: {},
      });
    }
    if (route === `GET ${repo}/commits/${pull.headSha}/check-runs`) {
      return send(res, 200, { total_count: state.checkRuns.length, check_runs: state.checkRuns });
    }
    if (route === `POST ${repo}/check-runs`) {
      const input = JSON.parse(body) as {
        head_sha: string;
        external_id: string;
        output: { summary?: string };
      };
      const run = {
        id: nextId++,
        head_sha: input.head_sha,
        external_id: input.external_id,
        status: "in_progress",
        conclusion: null,
        output: input.output,
      };
      state.checkRuns.push(run);
      return send(res, 201, run);
    }
    const patchRun = /^PATCH \/repos\/acme\/shop-api\/check-runs\/(\d+)$/.exec(route);
    if (patchRun) {
      const run = state.checkRuns.find((r) => r.id === Number(patchRun[1]));
      if (!run) return send(res, 404, { message: "Not Found" });
      Object.assign(run, JSON.parse(body));
      return send(res, 200, run);
    }
    if (route === `GET ${repo}/pulls/${pull.number}`) {
      return send(res, 200, {
        number: pull.number,
        title: "Add order export",
        body: "",
        state: "open",
        draft: false,
        head: { sha: pull.headSha, ref: "feature" },
        base: { sha: "9f2c1e7a4b5d6c8e0f1a2b3c4d5e6f708192a3b4", ref: "main" },
        user: { login: "dana-dev", type: "User" },
        labels: [],
      });
    }
    if (route.startsWith("GET ") && route.includes("/contents/"))
      return send(res, 404, { message: "Not Found" });
    if (route === `GET ${repo}/pulls/${pull.number}/files`) return send(res, 200, pull.files);
    if (route === `GET ${repo}/pulls/${pull.number}/reviews`) return send(res, 200, state.reviews);
    if (route === `GET ${repo}/pulls/${pull.number}/comments`) return send(res, 200, []);
    if (route === `POST ${repo}/pulls/${pull.number}/reviews`) {
      const input = JSON.parse(body) as { body: string; commit_id: string };
      const review = {
        id: nextId++,
        body: input.body,
        commit_id: input.commit_id,
        user: { login: "architect[bot]", type: "Bot" },
      };
      state.reviews.push(review);
      return send(res, 200, review);
    }
    send(res, 404, { message: `Not Found: ${route}` });
  });
  return { url, state, close: () => close(server) };
}

/**
 * A Messages API that answers each request with `findings`. The first request can be held for ever
 * (its worker is killed meanwhile) or answered late (a slow model).
 */
export async function startFakeModel(options: {
  findings: unknown[];
  first?: "hold" | { delayMs: number };
}): Promise<FakeService & { requests: number; onRequest: Promise<void> }> {
  let requests = 0;
  let signal!: () => void;
  const onRequest = new Promise<void>((resolve) => {
    signal = resolve;
  });
  const { server, url } = await listen((req, res) => {
    // The start-up check lists the key's models; it is not a review's request.
    if (req.method === "GET" && req.url?.startsWith("/v1/models")) {
      return send(res, 200, {
        data: [{ id: "claude-sonnet-5-5-20261001", type: "model", display_name: "Claude Sonnet 5.5" }],
        has_more: false,
      });
    }
    requests += 1;
    signal();
    const answer = () => send(res, 200, buildToolAnswer({ summary: "s", findings: options.findings }));
    const first = options.first;
    if (requests === 1 && first === "hold") return;
    if (requests === 1 && first !== undefined && first !== "hold") setTimeout(answer, first.delayMs);
    else answer();
  });
  return {
    url,
    get requests() {
      return requests;
    },
    onRequest,
    close: () => close(server),
  };
}
