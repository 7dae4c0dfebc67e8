import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";

export interface OpsHandlerOptions {
  metrics: { registry: Registry };
  /** Whether the process can take work (e.g. `() => queue.isReady()`). */
  isReady: () => Promise<boolean>;
  isShuttingDown: () => boolean;
  /** A start-up check's problem (bad credentials, unknown model id): `/ready` answers 503 with it. */
  getStartupProblem?: () => string | undefined;
  /** When set, `/metrics` requires `Authorization: Bearer <token>`. */
  metricsToken?: string;
}

/** A Probot 14 server handler: returns `true` when it answered, `false` to let the next handler try. */
export type OpsHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * Serves `GET /health` (liveness: 200 while the process runs), `GET /ready` (200 when ready and not
 * shutting down, else 503 with the reason) and `GET /metrics` (Prometheus text). Other requests fall
 * through (`false`), as Probot's server expects from handlers added with `addHandler`.
 *
 * @example
 * export default (app: Probot, { addHandler }: ApplicationFunctionOptions) => {
 *   addHandler(createOpsHandler({ metrics, isReady: () => queue.isReady(), isShuttingDown }));
 * };
 */
export function createOpsHandler(options: OpsHandlerOptions): OpsHandler {
  const expectedAuthorization =
    options.metricsToken === undefined ? undefined : digest(`Bearer ${options.metricsToken}`);

  return async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const path = (req.url ?? "").split("?")[0];
    switch (path) {
      case "/health":
        sendJson(res, 200, { status: "ok" });
        return true;
      case "/ready":
        await answerReady(res, options);
        return true;
      case "/metrics":
        await answerMetrics(req, res, options.metrics.registry, expectedAuthorization);
        return true;
      default:
        return false;
    }
  };
}

async function answerReady(res: ServerResponse, options: OpsHandlerOptions): Promise<void> {
  if (options.isShuttingDown()) {
    sendJson(res, 503, { status: "unavailable", reason: "shutting down" });
    return;
  }
  const startupProblem = options.getStartupProblem?.();
  if (startupProblem !== undefined) {
    sendJson(res, 503, { status: "unavailable", reason: startupProblem });
    return;
  }
  let ready: boolean;
  try {
    ready = await options.isReady();
  } catch {
    ready = false;
  }
  if (ready) sendJson(res, 200, { status: "ready" });
  else sendJson(res, 503, { status: "unavailable", reason: "dependencies not ready (queue or Redis)" });
}

async function answerMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  registry: Registry,
  expectedAuthorization: Buffer | undefined,
): Promise<void> {
  if (expectedAuthorization !== undefined) {
    const given = digest(req.headers.authorization ?? "");
    // Digests have equal length, so the comparison is constant-time whatever the header's length.
    if (!timingSafeEqual(given, expectedAuthorization)) {
      res.writeHead(401, {
        "content-type": "application/json",
        "www-authenticate": 'Bearer realm="metrics"',
      });
      res.end(JSON.stringify({ status: "unauthorized", reason: "missing or wrong bearer token" }));
      return;
    }
  }
  const body = await registry.metrics();
  res.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}
