import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";

// HTTPS_PROXY / HTTP_PROXY / NO_PROXY for every outbound call, against a local proxy that records what
// passed through it. Hosts under .invalid cannot resolve: a request to one succeeds only through the proxy.

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
});

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

describe("outbound proxy", () => {
  const passed: string[] = [];
  // What github.invalid would answer, reached only through the proxy's tunnel.
  const github = createServer((req, res) => {
    res.setHeader("content-type", "application/json; charset=utf-8");
    if (req.url === "/api/v3/app")
      return res.writeHead(200).end(JSON.stringify({ id: 5, slug: "architect-behind-proxy" }));
    res.writeHead(404).end("{}");
  });
  let githubPort = 0;
  // A forward proxy that records every request and tunnel (CONNECT); it tunnels github.invalid:80 to the
  // stand-in above and refuses every other tunnel.
  const proxy = createServer((req, res) => {
    passed.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  proxy.on("connect", (req, socket, head) => {
    passed.push(`CONNECT ${req.url}`);
    if (req.url !== "github.invalid:80") return socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
    const upstream = connect(githubPort, "127.0.0.1", () => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  });
  const directModelRequests: string[] = [];
  const model = createServer((req, res) => {
    directModelRequests.push(`${req.method} ${req.url}`);
    res.setHeader("content-type", "application/json");
    res.writeHead(200).end(JSON.stringify({ data: [{ id: "claude-sonnet-5-5-20261001" }], has_more: false }));
  });
  let proxyUrl = "";
  let modelUrl = "";

  beforeAll(async () => {
    nock.restore();
    proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
    githubPort = await listen(github);
    modelUrl = `http://127.0.0.1:${await listen(model)}`;
  });
  afterAll(async () => {
    for (const server of [proxy, model, github]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("the app reaches GitHub through HTTP_PROXY and a NO_PROXY host directly", async () => {
    const probe = createServer();
    const port = await listen(probe);
    await new Promise((resolve) => probe.close(resolve));
    const child = spawn(process.execPath, ["lib/main.js"], {
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        APP_ID: "5",
        PRIVATE_KEY: privateKey,
        WEBHOOK_SECRET: "s",
        PORT: String(port),
        HOST: "127.0.0.1",
        STARTUP_GITHUB_APP_CHECK: "on",
        GHE_HOST: "github.invalid",
        GHE_PROTOCOL: "http",
        ANTHROPIC_API_KEY: "sk-ant-test",
        ANTHROPIC_BASE_URL: modelUrl,
        HTTP_PROXY: proxyUrl,
        NO_PROXY: "127.0.0.1,localhost",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output: string[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    try {
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && !output.join("").includes("GitHub App architect-behind-proxy")) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(output.join("")).toContain("Start-up check passed: GitHub App architect-behind-proxy (id 5)");
      expect(passed).toEqual(["CONNECT github.invalid:80"]);
      expect(directModelRequests).toEqual(["GET /v1/models?limit=100"]);
    } finally {
      child.kill("SIGKILL");
    }
  }, 30_000);

  it("the review command tunnels to the model through HTTPS_PROXY", async () => {
    passed.length = 0;
    const child = spawn(
      process.execPath,
      ["bin/backend-architect.js", "review", "--diff", "test/fixtures/cli/sample.diff", "--format", "json"],
      {
        env: {
          PATH: process.env.PATH ?? "",
          ANTHROPIC_API_KEY: "sk-ant-test",
          MODEL_MAX_RETRIES: "0",
          HTTPS_PROXY: proxyUrl,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    await new Promise((resolve) => child.once("exit", resolve));
    expect(passed).toContain("CONNECT api.anthropic.com:443");
    expect(stderr).toContain("a model call failed");
  }, 30_000);
});
