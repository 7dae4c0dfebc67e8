import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";

// WEBHOOK_PROXY_URL (development): Probot forwards a smee.io channel's events to the local app through the
// installed smee-client. A local channel (server-sent events, smee's message format) stands in for smee.io.

const secret = "proxy-secret";

describe("WEBHOOK_PROXY_URL", () => {
  let subscriber: ServerResponse | undefined;
  let connected!: () => void;
  const onConnected = new Promise<void>((resolve) => {
    connected = resolve;
  });
  const channel = createServer((req, res) => {
    if (req.url !== "/channel-test") return res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    res.write("event: ready\ndata: {}\n\n");
    subscriber = res;
    connected();
  });
  let channelUrl = "";

  beforeAll(async () => {
    nock.restore();
    await new Promise<void>((resolve) => channel.listen(0, "127.0.0.1", resolve));
    channelUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}/channel-test`;
  });
  afterAll(async () => {
    channel.closeAllConnections();
    await new Promise((resolve) => channel.close(resolve));
  });

  it("delivers the channel's events to the app through smee-client", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const output: string[] = [];
    const app = spawn(process.execPath, ["lib/main.js"], {
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "development",
        APP_ID: "1",
        PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----",
        WEBHOOK_SECRET: secret,
        WEBHOOK_PROXY_URL: channelUrl,
        PORT: String(port),
        HOST: "127.0.0.1",
        GHE_HOST: "127.0.0.1:9",
        GHE_PROTOCOL: "http",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    app.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    app.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    try {
      await onConnected;
      const body = { zen: "Keep it logically awesome.", hook_id: 1 };
      const signature = createHmac("sha256", secret).update(JSON.stringify(body)).digest("hex");
      const message = {
        "x-github-event": "ping",
        "x-github-delivery": "0b1c2d3e-proxy",
        "x-hub-signature-256": `sha256=${signature}`,
        body,
        timestamp: Date.now(),
      };
      subscriber?.write(`data: ${JSON.stringify(message)}\n\n`);
      const deadline = Date.now() + 15_000;
      let metrics = "";
      while (Date.now() < deadline) {
        metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
        if (metrics.includes('event="ping"')) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(metrics).toContain('architect_webhooks_received_total{event="ping",action=""} 1');
      expect(output.join("")).not.toContain("npm install --save-dev smee-client");
    } finally {
      app.kill("SIGKILL");
    }
  }, 30_000);
});
