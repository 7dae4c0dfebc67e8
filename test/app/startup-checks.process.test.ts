import { type ChildProcess, spawn } from "node:child_process";
import { createVerify, generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";

// The built app as deployed (lib/main.js) against a GitHub that checks the app's JWT and a model API that
// lists models: /ready must tell whether the credentials and the model id work.

const newKey = () =>
  generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
  });
const appKey = newKey();
const otherKey = newKey();

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** GET /api/v3/app answers 200 only to a JWT signed by the app's key (iss 77), as GitHub does. */
function startGitHub(): Server {
  return createServer((req, res) => {
    const jwt = (req.headers.authorization ?? "").replace(/^bearer /i, "");
    const [header = "", payload = "", signature = ""] = jwt.split(".");
    const signed = createVerify("RSA-SHA256")
      .update(`${header}.${payload}`)
      .verify(appKey.publicKey, Buffer.from(signature, "base64url"));
    const iss = signed ? JSON.parse(Buffer.from(payload, "base64url").toString()).iss : undefined;
    res.setHeader("content-type", "application/json; charset=utf-8");
    if (req.url !== "/api/v3/app") return res.writeHead(404).end("{}");
    if (!signed || String(iss) !== "77") {
      return res.writeHead(401).end(JSON.stringify({ message: "A JSON web token could not be decoded" }));
    }
    res.writeHead(200).end(JSON.stringify({ id: 77, slug: "architect-test" }));
  });
}

function startModels(): Server {
  return createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    if (!req.url?.startsWith("/v1/models")) return res.writeHead(404).end("{}");
    res.writeHead(200).end(JSON.stringify({ data: [{ id: "claude-sonnet-5-5-20261001" }], has_more: false }));
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  const port = Number((await listen(server)).split(":")[1]);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("start-up checks of the deployed app", () => {
  const github = startGitHub();
  const models = startModels();
  let githubHost = "";
  let modelsUrl = "";
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    nock.restore();
    githubHost = await listen(github);
    modelsUrl = `http://${await listen(models)}`;
  });
  afterAll(async () => {
    github.closeAllConnections();
    models.closeAllConnections();
    await new Promise((resolve) => github.close(resolve));
    await new Promise((resolve) => models.close(resolve));
  });
  afterEach(() => {
    for (const child of children.splice(0)) child.kill("SIGKILL");
  });

  async function start(env: Record<string, string>): Promise<{ port: number; output: string[] }> {
    const port = await freePort();
    const output: string[] = [];
    const child = spawn(process.execPath, ["lib/main.js"], {
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        APP_ID: "77",
        WEBHOOK_SECRET: "s3cret",
        PORT: String(port),
        HOST: "127.0.0.1",
        STARTUP_GITHUB_APP_CHECK: "on",
        GHE_HOST: githubHost,
        GHE_PROTOCOL: "http",
        ANTHROPIC_API_KEY: "sk-ant-test",
        ANTHROPIC_BASE_URL: modelsUrl,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    return { port, output };
  }

  async function waitForOutput(output: string[], text: string): Promise<string> {
    const deadline = Date.now() + 10_000;
    while (!output.join("").includes(text) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return output.join("");
  }

  /** /ready once the start-up checks have reported (the answer no longer says a check is running). */
  async function settledReady(port: number): Promise<{ status: number; body: { reason?: string } }> {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/ready`);
        const body = (await res.json()) as { reason?: string };
        if (!body.reason?.includes("is running")) return { status: res.status, body };
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("the start-up checks did not report");
  }

  it("accepts the key in the quotes that `docker run --env-file` keeps, and is ready", async () => {
    const { port, output } = await start({ PRIVATE_KEY: `"${appKey.privateKey.replace(/\n/g, "\\n")}"` });
    await expect(settledReady(port)).resolves.toEqual({ status: 200, body: { status: "ready" } });
    const passed = "Start-up check passed: GitHub App architect-test (id 77)";
    expect(await waitForOutput(output, passed)).toContain(passed);
  }, 30_000);

  it("with another app's key: /ready is 503 with the reason, logged as one error line", async () => {
    const { port, output } = await start({ PRIVATE_KEY: otherKey.privateKey });
    const ready = await settledReady(port);
    expect(ready.status).toBe(503);
    expect(ready.body.reason).toMatch(/^GitHub refused the app's credentials \(HTTP 401 on GET \/app\)/);
    const errors = (await waitForOutput(output, "/ready answers 503"))
      .split("\n")
      .filter((line) => line.includes('"level":50'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("/ready answers 503 until this is fixed");
    expect(output.join("")).not.toContain(otherKey.privateKey.split("\n")[1]);
  }, 30_000);

  it("with a model id the key cannot use: /ready is 503 and names the listed ids", async () => {
    const { port } = await start({ PRIVATE_KEY: appKey.privateKey, ANTHROPIC_MODEL: "claude-sonet-5-5" });
    const ready = await settledReady(port);
    expect(ready).toEqual({
      status: 503,
      body: {
        status: "unavailable",
        reason:
          "ANTHROPIC_MODEL=claude-sonet-5-5 is not among the 1 models this key can use (claude-sonnet-5-5-20261001): set ANTHROPIC_MODEL to one of them.",
      },
    });
  }, 30_000);
});
