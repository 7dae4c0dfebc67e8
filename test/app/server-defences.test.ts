import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { request } from "node:http";
import { createServer } from "node:net";
import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { buildPullRequestEvent } from "../helpers/payloads.js";

/** The built app as deployed (`node lib/main.js`) attacked over HTTP. `npm test` builds first. */
const secret = "server-defences-secret";
const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
});

async function getFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function startApp(env: Record<string, string>): ChildProcess & { output: string[] } {
  const child = spawn(process.execPath, ["lib/main.js"], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", LOG_LEVEL: "debug", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  }) as ChildProcess & { output: string[] };
  child.output = [];
  child.stdout?.on("data", (chunk: Buffer) => child.output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => child.output.push(chunk.toString()));
  return child;
}

async function waitForHealth(port: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The app on port ${port} did not become healthy`);
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
}

/** Sends headers declaring `declaredBytes` and only `sentBytes` of body; resolves with the status. */
function postDeclared(port: number, declaredBytes: number, sentBytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/github/webhooks",
        headers: {
          "content-type": "application/json",
          "content-length": String(declaredBytes),
          "x-github-event": "pull_request",
          "x-github-delivery": "oversized-1",
        },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.write("x".repeat(sentBytes));
    // The rest of the declared body is never sent: only an answer given before reading it arrives.
  });
}

const baseEnv = {
  APP_ID: "1",
  PRIVATE_KEY: privateKey,
  HOST: "127.0.0.1",
  GHE_HOST: "127.0.0.1:9",
  GHE_PROTOCOL: "http",
};

describe("the server's own defences", () => {
  const children: ChildProcess[] = [];
  beforeAll(() => nock.restore());
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  });

  it.each([
    {
      name: "no WEBHOOK_SECRET with an APP_ID",
      env: {} as Record<string, string>,
      said: "WEBHOOK_SECRET is not set",
    },
    {
      name: "Probot's default secret",
      env: { WEBHOOK_SECRET: "development" },
      said: 'WEBHOOK_SECRET is "development"',
    },
  ])(
    "refuses to start with $name, and says so",
    async ({ env, said }) => {
      const port = await getFreePort();
      const app = startApp({ ...baseEnv, ...env, PORT: String(port) });
      children.push(app);
      expect(await exitOf(app)).toBe(1);
      expect(app.output.join("")).toContain(said);
    },
    30_000,
  );

  it("refuses a body over 25 MB before reading it (413), a body without length (411), an unsigned one (400), and never logs a payload", async () => {
    const port = await getFreePort();
    const app = startApp({ ...baseEnv, WEBHOOK_SECRET: secret, PORT: String(port) });
    children.push(app);
    await waitForHealth(port);

    // 150 MB declared, 1 KB sent: answered at once, nothing buffered.
    expect(await postDeclared(port, 150 * 1024 * 1024, 1024)).toBe(413);
    // Just above the limit too.
    expect(await postDeclared(port, 25 * 1024 * 1024 + 1, 10)).toBe(413);

    const chunked = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "ping",
        "x-github-delivery": "chunked-1",
      },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode("{}"));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(411);

    const canary = "PAYLOAD-CANARY-7f3a";
    const payload = buildPullRequestEvent("opened") as { pull_request: { title: string } };
    payload.pull_request.title = canary;
    const body = JSON.stringify(payload);
    const wrong = `sha256=${createHmac("sha256", "not-the-secret").update(body).digest("hex")}`;
    for (const signature of [undefined, wrong]) {
      const response = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": "pull_request",
          "x-github-delivery": "unsigned-1",
          ...(signature ? { "x-hub-signature-256": signature } : {}),
        },
        body,
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await response.text()).not.toContain(canary);
    }
    app.kill("SIGTERM");
    await exitOf(app);
    const log = app.output.join("");
    expect(log).toContain("Refused an oversized webhook");
    expect(log).toContain('"deliveryId":"oversized-1"');
    expect(log).toContain('"deliveryId":"unsigned-1"');
    expect(log).not.toContain(canary);
    expect(log).not.toContain("xxxxxxxxxx");
  }, 60_000);
});
