import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

/** GitHub caps webhook payloads at 25 MB; anything larger is not from GitHub. */
export const maxWebhookBodyBytes = 25 * 1024 * 1024;

/** The subset of pino's logger the server uses. */
export interface WebhookServerLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface WebhookServerOptions {
  /** Probot's middleware from `createNodeMiddleware` (webhooks, then the app's added handlers). */
  middleware: (req: IncomingMessage, res: ServerResponse, next: () => void) => Promise<boolean> | unknown;
  webhookPath: string;
  log: WebhookServerLogger;
  /** Default `maxWebhookBodyBytes`. */
  maxBodyBytes?: number;
}

/**
 * The HTTP server in front of Probot's middleware. Before anything reads a webhook's body (Probot buffers
 * it whole to check its signature), it refuses:
 *
 * - a declared body over `maxBodyBytes` (413), and a webhook POST without `Content-Length` (411: GitHub
 *   always sends one, and an unbounded chunked body could not be refused before it is read). Node's
 *   HTTP parser never reads more than `Content-Length` bytes as the body.
 *
 * It logs every webhook POST with its delivery id, event and size only: never headers or the payload.
 */
export function createWebhookServer(options: WebhookServerOptions): Server {
  const maxBytes = options.maxBodyBytes ?? maxWebhookBodyBytes;
  return createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method === "POST" && path === options.webhookPath) {
      const declared = req.headers["content-length"];
      const size = declared === undefined ? undefined : Number(declared);
      const deliveryId = headerText(req.headers["x-github-delivery"]);
      const event = headerText(req.headers["x-github-event"]);
      if (size === undefined || !Number.isSafeInteger(size) || size < 0) {
        options.log.warn({ deliveryId, event }, "Refused a webhook without a valid Content-Length");
        return refuse(req, res, 411, "A webhook needs a Content-Length header.");
      }
      if (size > maxBytes) {
        options.log.warn({ deliveryId, event, bytes: size, maxBytes }, "Refused an oversized webhook");
        return refuse(req, res, 413, `A webhook body is at most ${maxBytes} bytes (GitHub's limit).`);
      }
      // Node's parser reads no more than Content-Length as this request's body.
      options.log.info({ deliveryId, event, bytes: size }, "Webhook received");
    }
    Promise.resolve(
      options.middleware(req, res, () => {
        if (!res.headersSent)
          res.writeHead(404, { "content-type": "application/json" }).end('{"status":"not found"}');
      }),
    ).catch((error: unknown) => {
      options.log.error({ err: error }, "The request handler failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
}

function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  // Answer and close without reading the body: nothing of it is buffered.
  res.writeHead(status, { "content-type": "application/json", connection: "close" });
  res.end(JSON.stringify({ status: "refused", reason: message }), () => req.destroy());
}

function headerText(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.slice(0, 100);
}
